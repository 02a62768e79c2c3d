package dialect

import (
	"strconv"
	"strings"
)

// Snowflake writes a NUMBER(p, s) as text with all s digits after the point
// (10.50::number(10,2)::varchar is '10.50'), where SQLite writes the
// shortest real (10.5). The scale is a static type, "DECIMAL:s", known from
// a literal with a point (10.50 is a NUMBER(4, 2)), a cast to number(p, s)
// and TO_NUMBER(x, p, s), and it follows columns as the other static types
// do; a CAST to a string, TO_VARCHAR(x) and || then write decimal_text(x, s).
// The scale is read while rewriting, in the scope of x.
// Arithmetic drops it (Snowflake's scale rules for + - * / are not modelled).

const typeDecimal = "DECIMAL:"

// decimalScale is the scale of static type typ, false when it is no
// NUMBER(p, s).
func decimalScale(typ string) (string, bool) {
	s, ok := strings.CutPrefix(typ, typeDecimal)
	return s, ok
}

// decimalLiteral is the static type of a Snowflake number literal with a
// point and no exponent, "" for others.
func (t *translator) decimalLiteral(n *node) string {
	if t.d != Snowflake || n.kind != nLit || n.start+1 != n.end || t.toks[n.start].kind != kNumber {
		return ""
	}
	text := t.toks[n.start].text
	i := strings.IndexByte(text, '.')
	if i < 0 || strings.ContainsAny(text, "eExX") || len(text)-i-1 == 0 {
		return ""
	}
	return typeDecimal + strconv.Itoa(len(text)-i-1)
}

// concatDecimals writes operands of || of a known scale as their text.
func (t *translator) concatDecimals(operands ...*node) {
	for _, o := range operands {
		if s, ok := decimalScale(t.staticType(o)); ok {
			o.pre = "decimal_text(" + o.pre
			o.post += ", " + s + ")"
		}
	}
}

// isDecimal tells whether x has a known scale.
func (t *translator) isDecimal(x *node) bool {
	_, ok := decimalScale(t.staticType(x))
	return ok
}
