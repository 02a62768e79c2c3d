package dialect

import (
	"cmp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB gives a column of VALUES whose rows are number literals, one a
// decimal (1.5), the DECIMAL type holding them all: DECIMAL(2, 1) for 1.5
// and 2. A string literal in a later row is cast to it, rounded half away
// from zero to its scale: VALUES (1.5), ('2.25') gives 1.5 and 2.3, and
// '12.5' or 'abc' fail. The literals are known when translating, so the
// rounded number is written in the string's place.

// decimalValues converts the string literals of column col of rows to the
// DECIMAL the column's number literals give it. It reports whether the
// column is one: a first row that is a number literal, and a decimal among
// the rows.
func (t *translator) decimalValues(rows [][]*node, col int) bool {
	intDigits, scale, decimal, other := 1, 0, false, false
	var strs, ints []*node
	for r, row := range rows {
		if col >= len(row) || t.isNull(row[col]) {
			continue
		}
		x := row[col]
		if x.kind == nString && r > 0 {
			strs = append(strs, x)
			continue
		}
		if x.kind == nUnary && x.name == "-" {
			x = x.x
		}
		text := t.toks[x.start].text
		if x.kind != nLit || x.start+1 != x.end || t.toks[x.start].kind != kNumber || strings.ContainsAny(text, "eExX_") {
			other = true
			continue
		}
		whole, frac, dot := strings.Cut(text, ".")
		if dot {
			decimal = true
			scale = max(scale, len(frac))
		} else {
			ints = append(ints, x)
		}
		intDigits = max(intDigits, len(strings.TrimLeft(whole, "0")))
	}
	if !decimal || other {
		return decimal // beside other values the strings are left as they are
	}
	for _, x := range ints {
		// a DECIMAL: 2 is 2.0 (without a string, realColumns makes it one)
		if scale > 0 && len(strs) > 0 && x.pre == "" {
			v := t.toks[x.start].text + "." + strings.Repeat("0", scale)
			x.print = func(*printer, *node) string { return v }
		}
	}
	for _, x := range strs {
		v, ok := roundDecimal(strings.TrimSpace(stringValue(t.d, t.toks[x.start].text)), scale, intDigits)
		if !ok {
			t.refuse(x.start, refValuesDecimal, t.toks[x.start].text, intDigits+scale, scale)
			continue
		}
		x.print = func(*printer, *node) string { return v }
	}
	return true
}

// roundDecimal is s, a decimal number [+-][digits][.digits], rounded half
// away from zero to scale digits after the point; false when s is not one
// or has more than intDigits digits before the point.
func roundDecimal(s string, scale, intDigits int) (string, bool) {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole+frac == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return "", false
	}
	whole, frac = sqlfunc.RoundDecimalDigits(whole, frac, scale)
	if len(whole) > intDigits {
		return "", false
	}
	if whole == "" && strings.Trim(frac, "0") == "" {
		sign = "" // -0.04 is 0.0
	}
	whole = cmp.Or(whole, "0")
	if scale == 0 {
		return sign + whole, true
	}
	return sign + whole + "." + frac, true
}
