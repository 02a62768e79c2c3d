package dialect

import "strings"

// DuckDB binds no expression mixing a VARCHAR value with a number:
// coalesce(s, 1), CASE ... THEN s ELSE 1 END, greatest(s, 10), s + 1 and
// abs(s) of a VARCHAR s fail before the query runs, where SQLite would
// pick a storage class per row and compute something. A string literal
// is cast to the number's type instead (compareLiterals,
// arithmeticLiterals), so only a value known to be VARCHAR (a column,
// a cast, a text function) is refused, and only beside a value known
// to be a number.

// textMixed is the VARCHAR value, not a string literal, among operands
// that also hold a value known to be a number; nil if there is none.
func (t *translator) textMixed(operands []*node) *node {
	if t.d != DuckDB {
		return nil
	}
	var text *node
	num := false
	for _, o := range operands {
		switch {
		case o == nil:
		case t.textOf(o):
			if o.kind != nString && text == nil {
				text = o
			}
		case t.numberType(o) != "":
			num = true
		}
	}
	if !num {
		return nil
	}
	return text
}

// refuseTextMix refuses what (COALESCE, CASE, GREATEST, +) of operands
// mixing a VARCHAR value with a number, at the VARCHAR value.
func (t *translator) refuseTextMix(what string, operands ...*node) {
	if text := t.textMixed(operands); text != nil {
		t.refuse(skipSpace(t.toks, text.start), refTextMix, what)
	}
}

// numericOnly are DuckDB's functions taking numbers only, which refuse
// a VARCHAR argument: abs(s), round(s, 1), power(2, s).
var numericOnly = map[string]bool{"abs": true, "round": true, "floor": true, "ceil": true, "ceiling": true, "trunc": true, "sign": true,
	"sqrt": true, "ln": true, "log": true, "log10": true, "exp": true, "power": true, "pow": true}

// refuseTextNegate refuses -s and +s of a VARCHAR value.
func (t *translator) refuseTextNegate(n *node) {
	if t.d == DuckDB && (n.name == "-" || n.name == "+") && n.x != nil && n.x.kind != nString && t.textOf(n.x) {
		t.refuse(skipSpace(t.toks, n.x.start), refTextNumeric, "unary "+n.name)
	}
}

// refuseTextCall refuses the calls of DuckDB that mix a VARCHAR value
// with a number (coalesce, ifnull, greatest, least) or give one to a
// function of numbers only.
func (t *translator) refuseTextCall(n *node) {
	if t.d != DuckDB || len(n.parts) > 1 {
		return
	}
	switch n.name {
	case "coalesce", "ifnull", "greatest", "least":
		t.refuseTextMix(strings.ToUpper(n.name), n.list...)
	default:
		if !numericOnly[n.name] {
			return
		}
		for _, a := range n.list {
			if a.kind != nString && t.textOf(a) {
				t.refuse(skipSpace(t.toks, a.start), refTextNumeric, n.name)
				return
			}
		}
	}
}
