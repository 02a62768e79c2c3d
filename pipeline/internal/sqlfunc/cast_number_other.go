package sqlfunc

import (
	"fmt"
	"math/big"
	"strings"
)

// The number formats of BigQuery's CAST(x AS STRING FORMAT ...) that write
// no decimal digits (format-elements, "Format digits as string" and "Other
// numeric format elements"): X, hexadecimal digits of the number rounded
// to an integer, which go only with 0 (a digit kept as 0, in the letter
// case of the next X), FM and the signs, 16 at most ('XXXX' of 43981 is
// ' ABCD'; GoogleSQL's tests give the rest: '  -7B' for -123, # for every
// digit when there are too few); and RN, the Roman numeral of the number
// rounded, from 1 to 3999, padded on the left to 15 characters, alone or
// with FM. The documentation shows RN in upper case only, so rn fails.

func compileHexFormat(f string) (numberFormat, error) {
	nf := numberFormat{hex: true, firstZero: -1}
	up := strings.ToUpper(f)
	fail := func(format string, a ...any) (numberFormat, error) {
		return nf, fmt.Errorf("the format %q: "+format, append([]any{f}, a...)...)
	}
	signed := false
	for i := 0; i < len(up); {
		el := up[i : i+1]
		for _, long := range []string{"FM", "MI", "PR"} {
			if strings.HasPrefix(up[i:], long) {
				el = long
				break
			}
		}
		text := f[i : i+len(el)]
		i += len(el)
		switch {
		case el == "FM":
			if nf.fm {
				return fail("FM appears twice")
			}
			nf.fm = true
		case signed:
			return fail("%s comes after the sign %s, which ends the number", el, nf.sign)
		case el == "X" || el == "0":
			if el == "0" && nf.firstZero < 0 {
				nf.firstZero = len(nf.elems)
			}
			nf.elems = append(nf.elems, text[0])
		case el == "S" || el == "MI" || el == "PR":
			if nf.sign != "" {
				return fail("it has two of S, MI and PR")
			}
			nf.sign = el
			if el == "S" && len(nf.elems) == 0 {
				nf.signFront = true
				continue
			}
			if len(nf.elems) == 0 {
				return fail("%s can only come after the digits", el)
			}
			signed = true
		default:
			return fail("%q cannot go with X, which takes only X, 0, FM, S, MI and PR", text)
		}
	}
	if len(nf.elems) > 16 {
		return fail("it has %d hexadecimal digits, where 16 is the most", len(nf.elems))
	}
	// a 0 writes its letter in the case of the next X or x, else upper
	next := byte('X')
	for k := len(nf.elems) - 1; k >= 0; k-- {
		if nf.elems[k] == '0' {
			nf.elems[k] = next
		}
		next = nf.elems[k]
	}
	nf.nInt = len(nf.elems)
	return nf, nil
}

// writeHex writes the decimal abs, negative when neg, in hexadecimal digits.
func (nf numberFormat) writeHex(abs string, neg bool) (string, error) {
	whole, fraction, _ := strings.Cut(abs, ".")
	digits, _ := RoundDecimalDigits(whole, fraction, 0)
	n, _ := new(big.Int).SetString("0"+digits, 10)
	if nf.sign == "S" && n.Sign() == 0 {
		return "", fmt.Errorf("S of a zero is not supported: BigQuery documents that 0 is not signed without showing how it is written")
	}
	h := n.Text(16)
	overflow := len(h) > len(nf.elems)
	var out []byte
	j, f := len(h)-1, len(nf.elems)-1
	for ; f >= 0; f, j = f-1, j-1 {
		if j < 0 && (nf.firstZero < 0 || f < nf.firstZero) {
			break
		}
		c := byte('0')
		switch {
		case overflow:
			c = '#'
		case j >= 0:
			c = h[j]
		}
		if nf.elems[f] == 'X' && c >= 'a' && c <= 'f' {
			c -= 'a' - 'A'
		}
		out = append(out, c)
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	prefix, suffix := nf.signs(neg)
	s := strings.Repeat(" ", f+1) + prefix + string(out) + suffix
	if nf.fm {
		s = strings.TrimSpace(s)
	}
	return s, nil
}

func compileRomanFormat(f string) (numberFormat, error) {
	nf := numberFormat{roman: true, firstZero: -1}
	rest, ok := strings.CutPrefix(f, "RN")
	if !ok {
		rest, ok = strings.CutSuffix(f, "RN")
	}
	if ok && (rest == "" || strings.EqualFold(rest, "FM")) {
		nf.fm = rest != ""
		return nf, nil
	}
	if strings.Contains(f, "RN") {
		return nf, fmt.Errorf("the format %q: RN goes with no element but FM", f)
	}
	return nf, fmt.Errorf("the format %q: RN is written in upper case, as documented (rn's letter case is not)", f)
}

// writeRoman writes the decimal abs, negative when neg, as a Roman numeral.
func (nf numberFormat) writeRoman(abs string, neg bool) (string, error) {
	whole, fraction, _ := strings.Cut(abs, ".")
	digits, _ := RoundDecimalDigits(whole, fraction, 0)
	if neg || len(digits) == 0 || len(digits) > 4 || digits > "3999" && len(digits) == 4 {
		return "", fmt.Errorf("RN writes a number from 1 to 3999, not %s%s", map[bool]string{true: "-"}[neg], abs)
	}
	var b strings.Builder
	numerals := []struct {
		n int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	for _, r := range numerals {
		for ; n >= r.n; n -= r.n {
			b.WriteString(r.s)
		}
	}
	if nf.fm {
		return b.String(), nil
	}
	return fmt.Sprintf("%15s", b.String()), nil
}
