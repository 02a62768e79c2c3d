package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's CAST(x AS STRING FORMAT '$999,999.00') of a number
// (format-elements, "Format numeric type as string"), for the elements 9
// (a digit, leading zeros as spaces), 0 (a digit, zeros kept from there
// on), the decimal point ., the group separator , the dollar sign $ and FM
// (no spaces or trailing zeros). The output has a fixed width: one place
// for the sign ('-' or a space), the currency symbol, then the digits, the
// sign and currency written just before the first digit printed; a number
// with more integer digits than the format has gives # for every digit.
// The fraction is rounded half away from zero. Other elements (S, MI, PR,
// C, L, G, D, B, EEEE, RN, V, X, TM), and answers the documentation does not
// show (an integer part of 0 under 9s only; FM leaving no fraction), are
// refused.

func init() {
	add(Func{Name: "cast_number_format_bigquery", NArgs: 2, Scalar: castNumberFormat})
}

// numberFormat is a compiled number format.
type numberFormat struct {
	intElems  []byte // '9', '0' and ',' before the point, in order
	fracElems []byte // '9' and '0' after it
	point     bool
	dollar    bool
	fm        bool
}

// CheckNumberFormat compiles format for a cast of a number to a string, as
// the translator does for a literal format.
func CheckNumberFormat(format string) error {
	_, err := compileNumberFormat(format)
	return err
}

func compileNumberFormat(f string) (numberFormat, error) {
	var nf numberFormat
	up := strings.ToUpper(f)
	for i := 0; i < len(up); i++ {
		switch c := up[i]; {
		case c == '9' || c == '0':
			if nf.point {
				nf.fracElems = append(nf.fracElems, c)
			} else {
				nf.intElems = append(nf.intElems, c)
			}
		case c == '.':
			if nf.point {
				return nf, fmt.Errorf("the format %q has two decimal points", f)
			}
			nf.point = true
		case c == ',':
			if nf.point {
				return nf, fmt.Errorf("the format %q has a group separator after the decimal point", f)
			}
			nf.intElems = append(nf.intElems, c)
		case c == '$':
			if nf.dollar {
				return nf, fmt.Errorf("the format %q has two currency symbols", f)
			}
			nf.dollar = true
		case strings.HasPrefix(up[i:], "FM"):
			nf.fm = true
			i++
		default:
			return nf, fmt.Errorf("the format element at %q in %q is not supported (9, 0, the point ., the separator , $ and FM are)", f[i:], f)
		}
	}
	if strings.Count(string(nf.intElems), "9")+strings.Count(string(nf.intElems), "0")+len(nf.fracElems) == 0 {
		return nf, fmt.Errorf("the format %q has no digit", f)
	}
	return nf, nil
}

func (nf numberFormat) write(abs string, neg bool) (string, error) {
	whole, fraction, _ := strings.Cut(abs, ".")
	intDigits, frac := RoundDecimalDigits(whole, fraction, len(nf.fracElems))
	nInt := strings.Count(string(nf.intElems), "9") + strings.Count(string(nf.intElems), "0")
	var b strings.Builder
	if len(intDigits) > nInt {
		b.WriteByte(' ')
		if nf.dollar {
			b.WriteByte('$')
		}
		for _, e := range nf.intElems {
			if e == ',' {
				b.WriteByte(',')
			} else {
				b.WriteByte('#')
			}
		}
		if nf.point {
			b.WriteString("." + strings.Repeat("#", len(nf.fracElems)))
		}
		return b.String(), nil
	}
	// from the first digit element printing on: a digit of the number, or
	// a 0 element (or any element after one)
	first := nInt - len(intDigits)
	if z := strings.IndexByte(strings.ReplaceAll(string(nf.intElems), ",", ""), '0'); z >= 0 && z < first {
		first = z
	}
	if first == nInt && !strings.Contains(string(nf.intElems), "0") && nInt > 0 {
		return "", fmt.Errorf("an integer part of 0 under 9s only is not supported; write a 0 before the point (990.99)")
	}
	var body strings.Builder
	blanks, k := 0, 0
	for _, e := range nf.intElems {
		if e == ',' {
			if k > first {
				body.WriteByte(',')
			} else {
				blanks++
			}
			continue
		}
		switch {
		case k < first:
			blanks++
		case k < nInt-len(intDigits):
			body.WriteByte('0')
		default:
			body.WriteByte(intDigits[k-(nInt-len(intDigits))])
		}
		k++
	}
	if nf.point {
		body.WriteString("." + frac)
	}
	sign := " "
	if neg {
		sign = "-"
	}
	out := strings.Repeat(" ", blanks) + sign
	if nf.dollar {
		out += "$"
	}
	out += body.String()
	if nf.fm {
		out = strings.ReplaceAll(out, " ", "")
		if nf.point {
			out = strings.TrimRight(out, "0")
			if strings.HasSuffix(out, ".") {
				return "", fmt.Errorf("FM leaving no digit after the point is not supported; format without FM, or with fewer digits after the point")
			}
		}
	}
	return out, nil
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
		text = strconv.FormatFloat(args[0].Float(), 'f', -1, 64)
	default:
		text = strings.TrimSpace(args[0].Text())
		if _, err := strconv.ParseFloat(text, 64); err != nil || strings.ContainsAny(text, "eEnNiI") {
			fail(ctx, fn, "%q is not a number", text)
			return
		}
	}
	neg := strings.HasPrefix(text, "-")
	text = strings.TrimLeft(text, "+-")
	out, err := nf.write(text, neg)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	ctx.ResultText(out)
}
