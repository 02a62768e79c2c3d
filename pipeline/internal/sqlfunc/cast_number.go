package sqlfunc

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's CAST(x AS STRING FORMAT '$999,999.00') of a number
// (format-elements, "Format numeric type as string"): the digits 9 (a
// leading zero as a space) and 0 (zeros kept from there on), the decimal
// point . or D, V (a point that prints nothing, so the number is scaled),
// the group separator , or G, the signs S (before or after the digits),
// MI and PR (after them), the currency $, L (a $ too), C (USD, or usd
// written c), EEEE (the exponent, one integer digit kept), B (spaces when
// the integer part is 0) and FM (no spaces or trailing zeros). The output
// is aligned: the elements the number does not reach become spaces on the
// left, then the sign, the currency and the digits; a number with more
// integer digits than the format has gives # for every digit. The fraction
// is rounded half away from zero. X and RN write hexadecimal digits and
// Roman numerals (cast_number_other.go). Where the documentation and
// GoogleSQL's own tests show no answer, the call fails: S of a zero ("0
// will not be signed", without how), FM leaving no digit after the point,
// and the element TM, which the documentation does not describe.

func init() {
	add(Func{Name: "cast_number_format_bigquery", NArgs: 2, Scalar: castNumberFormat})
}

// numberFormat is a compiled number format.
type numberFormat struct {
	elems     []byte // '9', '0', ',', '.', 'V' and 'E' (EEEE) in order
	pointAt   int    // index in elems of the point, V or EEEE, else len(elems)
	firstZero int    // index in elems of the first 0, else -1
	nInt      int    // integer digits the format has, before EEEE keeps one
	scale     int    // digits after the point
	sign      string // "", "S", "MI" or "PR"
	signFront bool
	currency  string // "", "$", "USD" or "usd"
	exp       string // "E" or "e" when the format has EEEE
	fm, b     bool
	hex       bool // elems are X or x, the case of each hexadecimal digit
	roman     bool // RN
}

// CheckNumberFormat compiles format for a cast of a number to a string, as
// the translator does for a literal format.
func CheckNumberFormat(format string) error {
	_, err := compileNumberFormat(format)
	return err
}

func compileNumberFormat(f string) (numberFormat, error) {
	nf := numberFormat{pointAt: -1, firstZero: -1}
	up := strings.ToUpper(f)
	switch {
	case strings.Contains(up, "X"):
		return compileHexFormat(f)
	case strings.Contains(up, "RN"):
		return compileRomanFormat(f)
	}
	// where the elements read so far leave us: before any digit, among the
	// integer digits, after the point, after EEEE, after a closing sign
	const (
		start = iota
		integer
		fraction
		exponent
		signed
	)
	state, digits, groups := start, 0, false
	fail := func(format string, a ...any) (numberFormat, error) {
		return nf, fmt.Errorf("the format %q: "+format, append([]any{f}, a...)...)
	}
	for i := 0; i < len(up); {
		el := up[i : i+1]
		for _, long := range []string{"EEEE", "FM", "MI", "PR", "RN", "TM"} {
			if strings.HasPrefix(up[i:], long) {
				el = long
				break
			}
		}
		text := f[i : i+len(el)]
		i += len(el)
		// flags, which may stand anywhere
		switch el {
		case "FM", "B":
			if el == "FM" && nf.fm || el == "B" && nf.b {
				return fail("%s appears twice", el)
			}
			nf.fm, nf.b = nf.fm || el == "FM", nf.b || el == "B"
			continue
		case "$", "L", "C":
			if nf.currency != "" {
				return fail("it has two of $, C and L")
			}
			nf.currency = map[string]string{"$": "$", "L": "$", "C": "USD"}[el]
			if text == "c" {
				nf.currency = "usd"
			}
			continue
		case "TM":
			return fail("the element TM is not supported: BigQuery's documentation does not describe it; write FORMAT('%%t', x) or CAST(x AS STRING)")
		}
		if el == "D" {
			el = "."
		}
		if el == "G" {
			el = ","
		}
		switch el {
		case "9", "0":
			digits++
			if el == "0" && nf.firstZero < 0 {
				nf.firstZero = len(nf.elems)
			}
		case ".", "V", ",", "EEEE":
		case "S", "MI", "PR":
			if nf.sign != "" {
				return fail("it has two of S, MI and PR")
			}
		default:
			return fail("%q is no number format element (9 0 . D V , G S MI PR $ L C EEEE B FM X RN)", text)
		}
		switch {
		case state == signed:
			return fail("%s comes after the sign %s, which ends the number", el, nf.sign)
		case el == "S" && state == start:
			nf.sign, nf.signFront, state = "S", true, integer
		case el == "S" || el == "MI" || el == "PR":
			if state == start {
				return fail("%s can only come after the digits and EEEE", el)
			}
			nf.sign, state = el, signed
		case state == exponent:
			return fail("%s comes after EEEE", el)
		case el == "9" || el == "0":
			if state == fraction {
				nf.scale++
			} else {
				state = integer
			}
			nf.elems = append(nf.elems, el[0])
		case el == "," && state == integer:
			groups = true
			nf.elems = append(nf.elems, ',')
		case el == ",":
			return fail("a group separator comes before the digits or after the point")
		case el == "." || el == "V":
			if state == fraction {
				return fail("it has two of . D and V")
			}
			nf.pointAt, state = len(nf.elems), fraction
			nf.elems = append(nf.elems, el[0])
		case el == "EEEE":
			if state == start || groups {
				return fail("EEEE comes after a digit and goes without group separators")
			}
			if nf.pointAt < 0 {
				nf.pointAt = len(nf.elems)
			}
			nf.exp, state = text[:1], exponent
			nf.elems = append(nf.elems, 'E')
		}
	}
	if digits == 0 {
		return fail("it has no digit (9 or 0)")
	}
	if nf.pointAt < 0 {
		nf.pointAt = len(nf.elems)
	}
	nf.nInt = digits - nf.scale
	if nf.exp != "" && nf.pointAt >= 2 {
		// one integer digit before the exponent
		nf.elems = nf.elems[nf.pointAt-1:]
		nf.pointAt, nf.firstZero = 1, strings.IndexByte(string(nf.elems), '0')
	}
	return nf, nil
}

// scientific writes the decimal whole.fraction as one digit, scale digits
// after the point and an exponent (+02, -123).
func scientific(whole, fraction string, scale int) (string, string, string) {
	all := whole + fraction
	k := strings.IndexFunc(all, func(r rune) bool { return r != '0' })
	if k < 0 {
		return "", strings.Repeat("0", scale), "+00"
	}
	e := len(whole) - k - 1
	d, frac := RoundDecimalDigits(all[k:k+1], all[k+1:], scale)
	if len(d) > 1 { // 9.99 rounded up to 10.0
		d, frac, e = "1", strings.Repeat("0", scale), e+1
	}
	sign := "+"
	if e < 0 {
		sign, e = "-", -e
	}
	return d, frac, fmt.Sprintf("%s%02d", sign, e)
}

func (nf numberFormat) write(abs string, neg bool) (string, error) {
	whole, fraction, _ := strings.Cut(abs, ".")
	var intDigits, frac, exp string
	if nf.exp != "" {
		intDigits, frac, exp = scientific(whole, fraction, nf.scale)
	} else {
		intDigits, frac = RoundDecimalDigits(whole, fraction, nf.scale)
	}
	if nf.fm {
		frac = strings.TrimRight(frac, "0")
		if frac == "" && nf.scale > 0 {
			return "", fmt.Errorf("FM leaving no digit after the point is not supported; format without FM, or with fewer digits after the point")
		}
	}
	if nf.sign == "S" && strings.Trim(intDigits+frac, "0") == "" {
		return "", fmt.Errorf("S of a zero is not supported: BigQuery documents that 0 is not signed without showing how it is written")
	}
	overflow := len(intDigits) > nf.nInt
	blank := nf.b && intDigits == ""
	put := func(b *strings.Builder, s string) {
		if blank {
			s = strings.Repeat(" ", len(s))
		}
		b.WriteString(s)
	}
	var fracOut strings.Builder
	fi := 0
	for _, e := range nf.elems[nf.pointAt:] {
		switch {
		case e == '.':
			put(&fracOut, ".")
		case e == 'E' && overflow:
			fracOut.WriteString("####")
		case e == 'E':
			put(&fracOut, nf.exp+exp)
		case e == 'V':
		case overflow:
			fracOut.WriteByte('#')
		case fi < len(frac):
			put(&fracOut, frac[fi:fi+1])
			fi++
		}
	}
	// the integer part, right to left: the number's digits, then zeros as
	// far as the first 0 element; the elements left are spaces
	var intOut []byte
	pad := nf.pointAt
	if nf.nInt > 0 && (intDigits != "" || nf.exp != "" || nf.firstZero >= 0 && nf.firstZero < nf.pointAt || frac == "") {
		ip := intDigits
		if ip == "" {
			ip = "0"
		}
		j, f := len(ip)-1, nf.pointAt-1
		for ; f >= 0; f-- {
			if j < 0 && (nf.firstZero < 0 || f < nf.firstZero) {
				break
			}
			c := nf.elems[f]
			switch {
			case c == ',':
			case overflow:
				c = '#'
			case j >= 0:
				c = ip[j]
			default:
				c = '0'
			}
			if c != ',' {
				j--
			}
			if blank {
				c = ' '
			}
			intOut = append(intOut, c)
		}
		pad = f + 1
		for l, r := 0, len(intOut)-1; l < r; l, r = l+1, r-1 {
			intOut[l], intOut[r] = intOut[r], intOut[l]
		}
	}
	prefix, suffix := nf.signs(neg)
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", pad))
	put(&b, prefix)
	put(&b, nf.currency)
	b.Write(intOut)
	b.WriteString(fracOut.String())
	put(&b, suffix)
	out := b.String()
	if nf.fm {
		out = strings.TrimSpace(out)
	}
	return out, nil
}

// format writes the decimal abs, negative when neg, in the format.
func (nf numberFormat) format(abs string, neg bool) (string, error) {
	switch {
	case nf.hex:
		return nf.writeHex(abs, neg)
	case nf.roman:
		return nf.writeRoman(abs, neg)
	}
	return nf.write(abs, neg)
}

// signs are what the format writes before and after the digits for the
// sign of a number.
func (nf numberFormat) signs(neg bool) (prefix, suffix string) {
	prefix = " "
	if neg {
		prefix = "-"
	}
	switch nf.sign {
	case "S":
		s := "+"
		if neg {
			s = "-"
		}
		if nf.signFront {
			prefix = s
		} else {
			prefix, suffix = "", s
		}
	case "MI":
		prefix, suffix = "", " "
		if neg {
			suffix = "-"
		}
	case "PR":
		prefix, suffix = " ", " "
		if neg {
			prefix, suffix = "<", ">"
		}
	}
	return prefix, suffix
}

var numberFormats boundedCache[numberFormat]

// castNumberFormat is cast_number_format_bigquery(x, format).
func castNumberFormat(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "CAST ... FORMAT"
	if nullCall(ctx, args) {
		return
	}
	nf, err := compiled(ctx, 1, args[1].Text(), &numberFormats, compileNumberFormat)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	var text string
	switch args[0].Type() {
	case sqlite3.INTEGER:
		text = strconv.FormatInt(args[0].Int64(), 10)
	case sqlite3.FLOAT:
		f := args[0].Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			fail(ctx, fn, "%v is not supported", f)
			return
		}
		text = strconv.FormatFloat(f, 'f', -1, 64)
	default:
		text = strings.TrimSpace(args[0].Text())
		if _, err := strconv.ParseFloat(text, 64); err != nil || strings.ContainsAny(text, "eEnNiI") {
			fail(ctx, fn, "%q is not a number", text)
			return
		}
	}
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimLeft(text, "+-")
	out, err := nf.format(text, neg)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	ctx.ResultText(out)
}
