package sqlfunc

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's numeric format models, which TO_CHAR and TO_VARCHAR of a
// number take (sql-format-models), as its reference describes them:
//
//   - fixed-position models: digits 0 and 9 (9 writes a leading zero of the
//     integer part, and a trailing zero of the fraction, as a space; the
//     integer part zero is one 0 unless B), the point . or D, the group
//     separator , or G (a space where there is no digit on its left), $
//     before the digits after the sign, S (+ or -) and MI (- or a space),
//     B, the exponents EE (E3, E-2), EEE, EEEE and EEEEE (a sign and 1, 2
//     or 3 digits), and X, hexadecimal digits of the number rounded (x in
//     lower case; negative numbers in two's complement unless S or MI
//     asks for a sign; a 0 before it keeps the leading zeros). Without S
//     or MI a space or - goes before the first digit, where $ goes too.
//     A number with more integer digits than the model has is all #.
//   - text-minimal models: TM9 (positional, a NUMBER with all the digits
//     of its scale), TME (one digit, a point and the rest, E and the
//     exponent) and TM (the shorter), with $, S, MI and B.
//   - FM switches to compact mode, where the spaces the number's elements
//     make are left out; FX and _ write nothing; text in double quotes
//     ("" for a quote) and ; : - = / ( ) and spaces are written as they
//     are, as are . and , where no digit comes before them.
//
// The reference's examples are the conformance rows. An element not in the
// reference (V, PR, RN, L and the others of other databases) is refused,
// naming it, rather than written as text.

// sfNumber is a number TO_CHAR writes: its sign and the decimal digits of
// its absolute value, and whether it is a FLOAT (whose TM9 and TME write
// at most 15 significant digits), infinite or NaN.
type sfNumber struct {
	neg         bool
	whole, frac string // whole without leading zeros ("" for zero)
	float       bool
	f           float64
	special     bool // an infinity or NaN
}

// sfNumberOf reads v; scale >= 0 is the NUMBER's scale, which TM9 writes.
func sfNumberOf(v sqlite3.Value, scale int) sfNumber {
	var n sfNumber
	if v.Type() == sqlite3.INTEGER {
		i := v.Int64()
		n.neg = i < 0
		u := uint64(i)
		if n.neg {
			u = -u
		}
		n.whole = strings.TrimLeft(strconv.FormatUint(u, 10), "0")
		n.frac = strings.Repeat("0", max(scale, 0))
		return n
	}
	f := v.Float()
	n.f, n.neg = f, math.Signbit(f)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		n.special = true
		return n
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(f), 'f', -1, 64), ".")
	n.whole, n.frac = strings.TrimLeft(whole, "0"), frac
	if scale >= 0 {
		n.whole, n.frac = RoundDecimalDigits(n.whole, n.frac, scale)
	} else {
		n.float = true
	}
	return n
}

// sfItem is an element or literal of a numeric format model.
type sfItem struct {
	kind string // lit, digit, group, point, dollar, B, S, MI, exp, tm
	text string // as written (a literal's text)
	fill bool   // fill mode is on at it
}

var errSFHexFraction = errors.New("hexadecimal fractions are not supported (X with . or D)")

// parseSFNumberFormat reads a numeric format model into its items.
func parseSFNumberFormat(f string) ([]sfItem, error) {
	var items []sfItem
	fill := true
	afterDigit := false
	for i := 0; i < len(f); {
		rest := strings.ToUpper(f[i:])
		add := func(kind string, n int) {
			items = append(items, sfItem{kind: kind, text: f[i : i+n], fill: fill})
			i += n
		}
		c := f[i]
		switch {
		case c == '"':
			text, end, ok := quotedFormatText(f, i)
			if !ok {
				return nil, fmt.Errorf("the format %q has text in double quotes that is not closed", f)
			}
			items = append(items, sfItem{kind: "lit", text: text, fill: fill})
			i = end
			continue
		case strings.HasPrefix(rest, "FM"):
			fill = !fill
			i += 2
			continue
		case strings.HasPrefix(rest, "FX"):
			i += 2
			continue
		case c == '_':
			i++
			continue
		case strings.HasPrefix(rest, "TM9"), strings.HasPrefix(rest, "TME"):
			add("tm", 3)
		case strings.HasPrefix(rest, "TM"):
			add("tm", 2)
		case strings.HasPrefix(rest, "EE"):
			n := 2
			for n < 5 && i+n < len(f) && (f[i+n] == 'E' || f[i+n] == 'e') {
				n++
			}
			add("exp", n)
		case strings.HasPrefix(rest, "MI"):
			add("MI", 2)
		case c == '0' || c == '9' || c == 'X' || c == 'x':
			add("digit", 1)
			afterDigit = true
			continue
		case c == '.' && afterDigit, c == 'D' || c == 'd':
			add("point", 1)
		case c == ',' && afterDigit, c == 'G' || c == 'g':
			add("group", 1)
			continue // digits follow a group separator
		case c == '$':
			add("dollar", 1)
		case c == 'B' || c == 'b':
			add("B", 1)
		case c == 'S' || c == 's':
			add("S", 1)
		case strings.IndexByte(".,;:-=/() ", c) >= 0:
			add("lit", 1)
		default:
			return nil, fmt.Errorf("the format %q has %q, which is not an element of Snowflake's numeric format models "+
				"(0 9 X . D , G $ B S MI EE EEE EEEE EEEEE, or TM TM9 TME; FM FX _; text in double quotes)", f, strings.ToUpper(f[i:i+1]))
		}
		afterDigit = false
	}
	return items, nil
}

// formatSFNumber writes n as the numeric format model f writes it.
func formatSFNumber(n sfNumber, f string) (string, error) {
	items, err := parseSFNumberFormat(f)
	if err != nil {
		return "", err
	}
	tm, digits := -1, 0
	seen := map[string]bool{}
	for i, it := range items {
		switch it.kind {
		case "tm":
			if tm >= 0 {
				return "", fmt.Errorf("the format %q has two text-minimal elements", f)
			}
			tm = i
		case "digit":
			digits++
		case "dollar", "B", "S", "MI", "point", "exp":
			if seen[it.kind] || it.kind == "S" && seen["MI"] || it.kind == "MI" && seen["S"] {
				return "", fmt.Errorf("the format %q has %s more than once (one sign, S or MI, at most)", f, strings.ToUpper(it.text))
			}
			seen[it.kind] = true
		}
	}
	switch {
	case tm >= 0 && (digits > 0 || seen["point"] || seen["exp"]):
		return "", fmt.Errorf("the format %q mixes a text-minimal element (%s) with fixed-position ones, which Snowflake does not allow", f, items[tm].text)
	case tm >= 0:
		return formatSFTextMinimal(n, items, tm)
	case digits == 0:
		return "", fmt.Errorf("the format %q has no digit (0, 9 or X) and no TM, TM9 or TME", f)
	}
	return formatSFFixed(n, items)
}

// sfSign is the sign element of a model: S or MI and whether it comes
// before the digits; "" when the model has neither.
func sfSign(items []sfItem) (sign string, front bool, at int) {
	firstDigit := -1
	for i, it := range items {
		if (it.kind == "digit" || it.kind == "tm") && firstDigit < 0 {
			firstDigit = i
		}
		if it.kind == "S" || it.kind == "MI" {
			sign, at = it.kind, i
		}
	}
	return sign, sign != "" && at < firstDigit, at
}

func formatSFTextMinimal(n sfNumber, items []sfItem, tm int) (string, error) {
	if n.special {
		return "", fmt.Errorf("%s of an infinity or NaN is not supported", items[tm].text)
	}
	el := items[tm].text
	var digits string
	switch strings.ToUpper(el) {
	case "TM9":
		digits = sfPositional(n)
	case "TME":
		digits = sfExponent(n, el[0] == 't')
	default:
		digits = sfPositional(n)
		if e := sfExponent(n, el[0] == 't'); len(e) < len(digits) {
			digits = e
		}
	}
	// a float's zero keeps its sign (+0. and -0. differ); a NUMBER's has none
	zero := n.whole == "" && strings.Trim(n.frac, "0") == ""
	neg := n.neg && (!zero || n.float)
	sign, front, at := sfSign(items)
	var b strings.Builder
	for _, it := range items {
		switch it.kind {
		case "lit":
			b.WriteString(it.text)
		case "S", "MI":
			if !front {
				b.WriteString(sfSignText(it.kind, neg))
			}
		case "tm":
			switch {
			case front:
				b.WriteString(sfSignText(items[at].kind, neg))
			case sign == "" && neg:
				b.WriteString("-")
			}
			if hasKind(items, "dollar") {
				b.WriteString("$")
			}
			if zero && hasKind(items, "B") {
				b.WriteString(" ")
			} else {
				b.WriteString(digits)
			}
		}
	}
	return b.String(), nil
}

func hasKind(items []sfItem, kind string) bool {
	for _, it := range items {
		if it.kind == kind {
			return true
		}
	}
	return false
}

func sfSignText(kind string, neg bool) string {
	switch {
	case neg:
		return "-"
	case kind == "S":
		return "+"
	}
	return " "
}

// sfPositional is TM9's text of n's absolute value: a NUMBER with the
// digits of its scale, a FLOAT with at most 15 significant digits.
func sfPositional(n sfNumber) string {
	if n.float {
		a := math.Abs(n.f)
		if a != 0 && (a >= 1e15 || a < 1e-15) {
			if a < 1e-15 {
				return "0" // too small: TM9 prints zero
			}
			return sfExponent(n, false) // too large: scientific notation
		}
		s := strconv.FormatFloat(a, 'g', 15, 64)
		if strings.ContainsAny(s, "e") {
			f, _ := strconv.ParseFloat(s, 64)
			s = strconv.FormatFloat(f, 'f', -1, 64)
		}
		return s
	}
	whole := n.whole
	if whole == "" {
		whole = "0"
	}
	if n.frac == "" {
		return whole
	}
	return whole + "." + n.frac
}

// sfExponent is TME's text of n's absolute value: one digit, the point
// and the other significant digits, E (e) and the exponent (1.2391E1, 0E0).
func sfExponent(n sfNumber, lower bool) string {
	var mant string
	var exp int
	if n.float {
		s := strconv.FormatFloat(math.Abs(n.f), 'e', 14, 64)
		m, e, _ := strings.Cut(s, "e")
		exp, _ = strconv.Atoi(e)
		mant = strings.Replace(m, ".", "", 1)
	} else {
		all := n.whole + n.frac
		i := strings.IndexFunc(all, func(r rune) bool { return r != '0' })
		if i < 0 {
			mant, exp = "0", 0
		} else {
			mant, exp = all[i:], len(n.whole)-i-1
		}
	}
	mant = strings.TrimRight(mant, "0")
	if mant == "" {
		mant, exp = "0", 0
	}
	text := mant[:1]
	if len(mant) > 1 {
		text += "." + mant[1:]
	}
	e := "E"
	if lower {
		e = "e"
	}
	return text + e + strconv.Itoa(exp)
}

// formatSFFixed writes n in a fixed-position model.
func formatSFFixed(n sfNumber, items []sfItem) (string, error) {
	hex := false
	nInt, nFrac, point := 0, 0, false
	firstZero, lastZero := -1, -1
	var expEl string
	for _, it := range items {
		switch it.kind {
		case "digit":
			if it.text == "X" || it.text == "x" {
				hex = true
			}
			if point {
				if it.text == "0" {
					lastZero = nFrac
				}
				nFrac++
			} else {
				if it.text == "0" && firstZero < 0 {
					firstZero = nInt
				}
				nInt++
			}
		case "point":
			point = true
		case "exp":
			expEl = it.text
		}
	}
	if hex && (nFrac > 0 || point) {
		return "", errSFHexFraction
	}
	sign, front, _ := sfSign(items)
	blankZero := hasKind(items, "B")

	// the digits of the integer part and of the fraction
	whole, frac, expText := "", "", ""
	overflow := n.special
	neg := n.neg
	if !n.special {
		switch {
		case hex:
			w, _ := RoundDecimalDigits(n.whole, n.frac, 0)
			v, _ := new(big.Int).SetString("0"+w, 10)
			if neg && v.Sign() != 0 && sign == "" {
				// two's complement in as many digits as the model has
				v.Sub(new(big.Int).Lsh(big.NewInt(1), uint(4*nInt)), v)
				if v.Sign() <= 0 {
					overflow = true
				}
				neg = false
			}
			whole = strings.ToUpper(v.Text(16))
			if whole == "0" {
				whole = ""
			}
		case expEl != "":
			all := n.whole + n.frac
			i := strings.IndexFunc(all, func(r rune) bool { return r != '0' })
			exp := 0
			if i >= 0 {
				exp = len(n.whole) - i - 1
				whole, frac = RoundDecimalDigits(all[i:i+1], all[i+1:], nFrac)
				if len(whole) > 1 { // 9.99 rounded up to 10.0
					whole, frac = whole[:1], (whole[1:] + frac)[:nFrac]
					exp++
				}
			} else {
				frac = strings.Repeat("0", nFrac)
			}
			expText = sfExponentElement(expEl, exp)
		default:
			whole, frac = RoundDecimalDigits(n.whole, n.frac, nFrac)
		}
		if len(whole) > nInt {
			overflow = true
		}
	}
	if whole == "" && strings.Trim(frac, "0") == "" && !hex {
		neg = false // -0.01 in 9.9 is 0.0
	}

	type cell struct {
		s     string
		blank bool // a space a number's element makes, which FM leaves out
		fill  bool
		digit bool // a digit written (not a space)
	}
	var cells []cell
	floatAt := -1 // where the floating sign and $ go: before the first digit written
	k, j := 0, 0
	lower := func(it sfItem, s string) string {
		if it.text == "x" {
			return strings.ToLower(s)
		}
		return s
	}
	nextXLower := func(from int) bool {
		for _, it := range items[from:] {
			if it.text == "X" {
				return false
			}
			if it.text == "x" {
				return true
			}
		}
		return false
	}
	for idx, it := range items {
		switch it.kind {
		case "lit":
			cells = append(cells, cell{s: it.text, fill: it.fill})
		case "digit":
			if !isFrac(items, idx) {
				pos := k - (nInt - len(whole))
				var c cell
				switch {
				case overflow:
					c = cell{s: "#", digit: true}
				case pos >= 0:
					c = cell{s: whole[pos : pos+1], digit: true}
				case firstZero >= 0 && k >= firstZero:
					c = cell{s: "0", digit: true}
				case whole == "" && k == nInt-1 && (hex || !blankZero):
					c = cell{s: "0", digit: true}
				default:
					c = cell{s: " ", blank: true}
				}
				if c.digit && it.text == "0" && hex && nextXLower(idx) {
					c.s = strings.ToLower(c.s)
				}
				c.s = lower(it, c.s)
				c.fill = it.fill
				if c.digit && floatAt < 0 {
					floatAt = len(cells)
				}
				cells = append(cells, c)
				k++
				continue
			}
			var c cell
			switch {
			case overflow:
				c = cell{s: "#", digit: true}
			case it.text == "9" && j > lastZero && strings.Trim(frac[j:], "0") == "":
				c = cell{s: " ", blank: true}
			default:
				c = cell{s: frac[j : j+1], digit: true}
			}
			c.fill = it.fill
			cells = append(cells, c)
			j++
		case "group":
			if len(cells) > 0 && cells[len(cells)-1].digit {
				cells = append(cells, cell{s: ",", fill: it.fill})
			} else {
				cells = append(cells, cell{s: " ", blank: true, fill: it.fill})
			}
		case "point":
			if floatAt < 0 {
				floatAt = len(cells)
			}
			cells = append(cells, cell{s: ".", fill: it.fill})
		case "exp":
			c := cell{s: expText, fill: it.fill}
			if overflow && n.special {
				c.s = strings.Repeat("#", len(it.text))
			}
			cells = append(cells, c)
			if pad := 5 - len(c.s); it.fill && len(it.text) == 2 && pad > 0 {
				cells = append(cells, cell{s: strings.Repeat(" ", pad), blank: true, fill: true})
			}
		case "S", "MI":
			if !front {
				s := sfSignText(it.kind, neg)
				cells = append(cells, cell{s: s, blank: s == " ", fill: it.fill})
			} else if it.kind == "MI" {
				s := sfSignText("MI", neg)
				cells = append(cells, cell{s: s, blank: s == " ", fill: it.fill})
			}
		}
	}
	if floatAt < 0 {
		floatAt = len(cells)
	}
	// the floating sign (unless MI before the digits holds it, or the model
	// is hexadecimal without a sign) and $
	var float []cell
	fill := true
	if floatAt < len(cells) {
		fill = cells[floatAt].fill
	}
	switch {
	case sign == "S" && front:
		float = append(float, cell{s: sfSignText("S", neg), fill: fill})
	case sign == "" && !hex:
		s := sfSignText("MI", neg)
		float = append(float, cell{s: s, blank: s == " ", fill: fill})
	}
	if hasKind(items, "dollar") {
		float = append(float, cell{s: "$", fill: fill})
	}
	cells = append(cells[:floatAt], append(float, cells[floatAt:]...)...)
	// the spaces before the first digit go before the sign
	var b strings.Builder
	for _, c := range cells {
		if c.blank && !c.fill {
			continue
		}
		b.WriteString(c.s)
	}
	return b.String(), nil
}

// isFrac tells whether the digit at items[idx] comes after the point.
func isFrac(items []sfItem, idx int) bool {
	for _, it := range items[:idx] {
		if it.kind == "point" {
			return true
		}
	}
	return false
}

// sfExponentElement writes exponent e as the element el asks: EE with as
// many digits as it takes and no + (E3, E-2), EEE, EEEE and EEEEE a sign
// and 1, 2 or 3 digits (# where it does not fit); e where el starts with e.
func sfExponentElement(el string, e int) string {
	letter := "E"
	if el[0] == 'e' {
		letter = "e"
	}
	if len(el) == 2 {
		return letter + strconv.Itoa(e)
	}
	width := len(el) - 2
	sign := "+"
	if e < 0 {
		sign, e = "-", -e
	}
	d := strconv.Itoa(e)
	if len(d) > width {
		return letter + sign + strings.Repeat("#", width)
	}
	return letter + sign + strings.Repeat("0", width-len(d)) + d
}
