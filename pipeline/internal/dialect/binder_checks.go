package dialect

// Checks the warehouses make when they bind a query and SQLite makes with
// no place in the model (a column number out of range, an IN subquery's
// width) or not at all (DuckDB's ORDER BY of a constant).

import (
	"strconv"
	"strings"
)

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

// refuseOutOfRange refuses a column number of query q's ORDER BY, or of
// its first SELECT's GROUP BY, that names no column of the select list
// (ORDER BY 3 of two columns, ORDER BY 0, -1), as the warehouses refuse it,
// at its line: SQLite's error gives no place. A list with * or an item
// making several columns is not counted.
func (t *translator) refuseOutOfRange(q *node) {
	if t.d == SQLite || len(q.list) == 0 || q.list[0].kind != nSelect {
		return
	}
	s := q.list[0]
	n, ok := selectWidth(s)
	if !ok {
		return
	}
	check := func(clause string, x *node) {
		v, ok := t.itemNumber(x)
		if ok && (v < 1 || v > n) {
			t.refuse(x.start, refColumnNumber, clause, v, n)
		}
	}
	if q.y != nil {
		for _, it := range q.y.list {
			if it.kind == nOrder && it.x != nil {
				check("ORDER BY", it.x)
			}
		}
	}
	if g := s.sel.group; g != nil && len(q.list) == 1 && g.name != "all" {
		for _, k := range g.kids {
			check("GROUP BY", k)
		}
	}
}

// itemNumber is the value of x when it is an integer literal, signed or
// not: a column's number in ORDER BY and GROUP BY.
func (t *translator) itemNumber(x *node) (int, bool) {
	sign := 1
	if x.kind == nUnary && x.x != nil && (x.name == "-" || x.name == "+") {
		if x.name == "-" {
			sign = -1
		}
		x = x.x
	}
	if x.kind != nLit || x.start+1 != x.end || t.toks[x.start].kind != kNumber {
		return 0, false
	}
	v, err := strconv.Atoi(t.toks[x.start].text)
	return sign * v, err == nil
}

// selectWidth is the number of columns SELECT s gives; false when it is
// not told by counting its items (*, an item making several columns, AS
// STRUCT).
func selectWidth(s *node) (int, bool) {
	if s.kind != nSelect || s.sel.asStruct || s.sel.asValue {
		return 0, false
	}
	n := 0
	for _, it := range s.sel.items {
		if it.kind != nItem || it.x == nil || expands(it.x) {
			return 0, false
		}
		n++
	}
	return n, true
}

// refuseInWidth refuses x IN (SELECT ...) whose select gives another number
// of columns than x has, as the warehouses refuse it, at the subquery's
// line: SQLite's error ("sub-select returns 2 columns") gives no place.
func (t *translator) refuseInWidth(x, sub *node) {
	if t.d == SQLite || sub.x == nil || sub.x.kind != nQuery || len(sub.x.list) == 0 {
		return
	}
	n, ok := selectWidth(sub.x.list[0])
	want := 1
	if x.kind == nTuple {
		want = len(x.list)
	} else if x.kind == nCall || x.kind == nStruct {
		return // row(a, b), a struct: DuckDB may compare it field by field
	}
	if ok && n != want {
		t.refuse(sub.start, refInWidth, n, want)
	}
}
