package dialect

import "strings"

// refuseLiteralOrder refuses, in DuckDB, a term of the ORDER BY o of a
// query or an aggregate that is a literal other than an integer ('x',
// 1.5, NULL, TRUE): DuckDB fails on it ("ORDER BY non-integer literal has
// no effect"), where SQLite orders by the constant, which keeps any order.
// An integer is a column's number; a window's ORDER BY takes any literal.
func (t *translator) refuseLiteralOrder(o *node) {
	if t.d != DuckDB || o == nil {
		return
	}
	for _, it := range o.list {
		if it.kind != nOrder || it.x == nil {
			continue
		}
		x := unparen(it.x)
		if x.kind == nUnary && x.x != nil && (x.name == "-" || x.name == "+") {
			x = unparen(x.x)
		}
		literal := isBoolOrNullWord(t, x) || x.kind == nString
		if x.kind == nLit && x.start+1 == x.end {
			switch tok := t.toks[x.start]; tok.kind {
			case kString:
				literal = true
			case kNumber:
				literal = strings.ContainsAny(tok.text, ".eE")
			}
		}
		if literal {
			t.refuse(it.x.start, refOrderLiteral, strings.TrimSpace(t.source(it.x)))
		}
	}
}
