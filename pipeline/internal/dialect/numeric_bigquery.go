package dialect

import "strings"

// BigQuery's NUMERIC is an exact decimal of 9 digits after the point, held
// here as the nearest real. Its number type is "DECIMAL 9" (number_types.go)
// where the translator knows it: a cast to NUMERIC or DECIMAL, a NUMERIC
// '...' literal, and what BigQuery's documented result types make of them
// (operators#arithmetic_operators, aggregate_functions): NUMERIC with
// INT64 or NUMERIC in + - * / is a NUMERIC, with FLOAT64 a FLOAT64; INT64 /
// INT64 is a FLOAT64; SUM, MIN, MAX and AVG of NUMERICs are NUMERICs. A
// number literal with a point or an exponent is a FLOAT64 there. The
// arithmetic giving a NUMERIC is rounded to its 9 digits (round_scale), as
// BigQuery's exact arithmetic gives it: CAST(5 AS NUMERIC) / 3 is
// 1.666666667, NUMERIC '0.1' + NUMERIC '0.2' is 0.3.

// numericType is the number type of BigQuery's NUMERIC.
const numericType = decimalType + "9"

// bigQueryNumber is the number type of n in BigQuery where it differs from
// what numberType works out for the other warehouses; ok is false where
// numberType's own answer holds.
func (t *translator) bigQueryNumber(n *node) (num string, ok bool) {
	switch n.kind {
	case nField, nIndex:
		// a field of a typed struct, an element of a typed array
		if _, num := fullStatic(t.fullType(n)); num != "" {
			return num, true
		}
	case nName:
		if len(n.parts) > 1 && t.column(n).name == "" {
			if full, ok := t.nameFull(n); ok && full != "" {
				if _, num := fullStatic(full); num != "" {
					return num, true
				}
			}
		}
	case nLit:
		if n.start+1 == n.end && t.toks[n.start].kind == kNumber && strings.ContainsAny(t.toks[n.start].text, ".eE") {
			return "REAL", true // a FLOAT64
		}
	case nTyped:
		if n.name == "numeric" || n.name == "decimal" {
			return numericType, true
		}
	case nCast:
		typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
		if prob == nil && (typ.name == "numeric" || typ.name == "decimal") {
			return numericType, true // NUMERIC(p, s) computes as NUMERIC
		}
	case nCase:
		return t.commonNumber(caseBranches(n)), true
	case nBinary:
		if n.name != "+" && n.name != "-" && n.name != "*" && n.name != "/" {
			// before the operands' types: working them out here and again
			// in numberType doubled the work at each link of a = b = c ...
			return "", false
		}
		x, y := t.numberType(n.x), t.numberType(n.y)
		switch {
		case x == "" || y == "":
			return "", true
		case x == "REAL" || y == "REAL", n.name == "/" && x == "INTEGER" && y == "INTEGER":
			return "REAL", true
		case x == "INTEGER" && y == "INTEGER":
			return "INTEGER", true
		}
		return numericType, true
	case nCall:
		if len(n.parts) > 1 {
			return "", true
		}
		args := n.list
		switch n.name {
		case "count", "countif", "div", "row_number", "rank", "dense_rank", "ntile":
			return "INTEGER", true
		case "percent_rank", "cume_dist":
			return "REAL", true
		case "sum", "min", "max", "any_value", "abs", "coalesce", "ifnull", "greatest", "least", "mod":
			return t.commonNumber(args), true
		case "avg":
			if len(args) == 1 && t.numberType(args[0]) == numericType {
				return numericType, true
			}
			if len(args) == 1 && t.numberType(args[0]) != "" {
				return "REAL", true
			}
		case "if":
			if len(args) == 3 {
				return t.commonNumber(args[1:]), true
			}
		case "nullif", "first_value", "last_value", "nth_value", "lag", "lead":
			if len(args) > 0 {
				return t.numberType(args[0]), true
			}
		case "round", "trunc", "ceil", "ceiling", "floor":
			if len(args) > 0 && t.numberType(args[0]) == numericType {
				return numericType, true
			}
			if len(args) > 0 && t.numberType(args[0]) != "" {
				return "REAL", true // ROUND(INT64) is a FLOAT64
			}
		case "safe_divide":
			if len(args) == 2 {
				return t.bigQueryNumber(&node{kind: nBinary, name: "/", x: args[0], y: args[1]})
			}
		case "parse_numeric":
			return numericType, true
		}
		return "", true
	}
	return "", false
}

// roundNumeric rounds BigQuery arithmetic, SUM and AVG giving a NUMERIC to
// its 9 digits after the point.
func (t *translator) roundNumeric(n *node) {
	if t.d != BigQuery || t.numberType(n) != numericType {
		return
	}
	switch {
	case n.kind == nBinary:
	case n.kind == nCall && len(n.parts) <= 1 && (n.name == "sum" || n.name == "avg" || n.name == "safe_divide"):
	default:
		return
	}
	n.pre = "round_scale(" + n.pre
	n.post += ", 9)"
}
