package dialect

// DuckDB's DOUBLE and FLOAT have a negative zero, which -x of a zero,
// round(-0.4) and the like give and a cast to VARCHAR writes -0.0, in a
// list or struct too ([-0.0], {'a': -0.0}); a DECIMAL has none. SQLite
// keeps a REAL's negative zero, but computes -x as 0 - x and writes a
// REAL into JSON without its sign, so both are written otherwise for a
// known DOUBLE or FLOAT.

// doubleNumber tells whether num (numberType) is a DOUBLE or a FLOAT.
func doubleNumber(num string) bool { return num == "REAL" || num == "FLOAT" }

// rewriteDoubleNeg writes -x of a DOUBLE or FLOAT as x * -1, which keeps
// the sign of a zero.
func (t *translator) rewriteDoubleNeg(n *node) {
	if t.d != DuckDB || n.name != "-" || n.x == nil || n.print != nil || !doubleNumber(t.numberType(n.x)) {
		return
	}
	x := n.x
	n.print = func(pr *printer, n *node) string { return "(" + pr.text(x) + " * -1)" + pr.carry(n, x) }
}

// doubleAsJSON wraps x, a DOUBLE element of a list or struct, in
// double_as_json, which gives a negative zero as JSON's -0.0 (a FLOAT's,
// rounded to 32 bits around it, stays 0.0).
func (t *translator) doubleAsJSON(x *node) bool {
	if t.d != DuckDB || t.numberType(x) != "REAL" {
		return false
	}
	x.pre = "double_as_json(" + x.pre
	x.post += ")"
	return true
}
