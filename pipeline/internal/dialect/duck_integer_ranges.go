package dialect

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// DuckDB's TINYINT, SMALLINT, INTEGER and unsigned types are narrower than
// SQLite's 64-bit integers: a cast to one of them of a value beyond its
// bounds fails (3000000000::integer), and a TRY_CAST gives NULL, where
// SQLite would keep the value. integer_in_range (sqlfunc) checks the cast
// value against the bounds of the type written.

// duckIntegerRanges are those types' bounds, by the names a cast writes,
// and the name DuckDB gives the type.
var duckIntegerRanges = map[string]struct{ lo, hi, name string }{
	"tinyint": {"-128", "127", "TINYINT"}, "int1": {"-128", "127", "TINYINT"},
	"smallint": {"-32768", "32767", "SMALLINT"}, "int2": {"-32768", "32767", "SMALLINT"}, "short": {"-32768", "32767", "SMALLINT"},
	"int16":   {"-32768", "32767", "SMALLINT"},
	"integer": {"-2147483648", "2147483647", "INTEGER"}, "int": {"-2147483648", "2147483647", "INTEGER"},
	"int4": {"-2147483648", "2147483647", "INTEGER"}, "signed": {"-2147483648", "2147483647", "INTEGER"},
	"int32":    {"-2147483648", "2147483647", "INTEGER"},
	"utinyint": {"0", "255", "UTINYINT"}, "uint8": {"0", "255", "UTINYINT"},
	"usmallint": {"0", "65535", "USMALLINT"}, "uint16": {"0", "65535", "USMALLINT"},
	"uinteger": {"0", "4294967295", "UINTEGER"}, "uint32": {"0", "4294967295", "UINTEGER"},
	"ubigint": {"0", "9223372036854775807", "UBIGINT"}, "uint64": {"0", "9223372036854775807", "UBIGINT"},
	"uhugeint": {"0", "9223372036854775807", "UHUGEINT"}, "uint128": {"0", "9223372036854775807", "UHUGEINT"},
}

// integerInRange wraps the cast value text of typ in the check of its
// bounds where typ is one of DuckDB's narrow integer types; line is the
// cast's (a value beyond fails there), "" for TRY_CAST (it is NULL).
func integerInRange(d Dialect, typ sqlType, kind, text, line string) string {
	r, ok := duckIntegerRanges[typ.name]
	if !ok || d != DuckDB || typ.affinity != "INTEGER" || kind != "" || typ.boolean {
		return text
	}
	text = "integer_in_range(" + text + ", " + r.lo + ", " + r.hi + ", " + sqlString(r.name)
	if line != "" {
		text += ", " + line
	}
	return text + ")"
}

// duckIntegerWidths are the bits of DuckDB's signed integer types.
var duckIntegerWidths = map[string]int{"TINYINT": 8, "SMALLINT": 16, "INTEGER": 32, "BIGINT": 64, "HUGEINT": 128}

// duckIntegerOfWidth names DuckDB's signed integer type of bits.
var duckIntegerOfWidth = map[int]string{8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT", 128: "HUGEINT"}

// duckIntegerWidth is the bits of x's DuckDB integer type where the
// translator knows it (duckIntegerType); 0 when it does not.
func (t *translator) duckIntegerWidth(x *node) int {
	return duckIntegerWidths[t.fullType(x)]
}

// DuckDB's integer results have the width of their operands' type:
// INTEGER arithmetic that leaves 32 bits fails ("Overflow in
// multiplication of INT32"), where SQLite computes in 64 bits, and lpad's
// count must be an INTEGER. duckIntegerType is the type of a DuckDB
// integer expression, its full type (colType.full) and so that of a
// column holding it: a literal's by its value (an INTEGER when it fits in
// 32 bits), a cast's, arithmetic's and the conditionals' the widest of
// their operands' (a literal beside a narrower type takes that type where
// it fits in it: smallint_col * 1000 is a SMALLINT), and the BIGINTs and
// HUGEINTs of counts, lengths, date parts and sums; "" when not known.
func (t *translator) duckIntegerType(n *node) string {
	switch n.kind {
	case nParen:
		return t.fullType(n.x)
	case nLit:
		if n.start+1 != n.end || t.toks[n.start].kind != kNumber {
			return ""
		}
		return literalInteger(t.toks[n.start].text)
	case nUnary:
		if v, ok := t.intLiteral(n); ok && n.name == "-" {
			// DuckDB folds the sign into the literal: -2147483648 is an INTEGER
			return literalInteger(strconv.Itoa(max(v, -v-1)))
		}
		if n.name == "-" || n.name == "+" || n.name == "~" {
			return t.fullType(n.x)
		}
	case nCast:
		typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
		if prob != nil || typ.affinity != "INTEGER" || typ.boolean || typ.fn != "" || typ.precision != "" {
			return ""
		}
		return DuckDBIntegerType(typ.name)
	case nBinary:
		switch n.name {
		case "+", "-", "*", "//", "%", "<<", ">>", "&", "|":
			if n.name == "-" && t.dateOf(n.x) && t.dateOf(n.y) {
				return "BIGINT" // the days between two DATEs
			}
			return t.widestInteger([]*node{n.x, n.y})
		}
	case nExtract:
		if duckPartNumber(n.name) == "INTEGER" {
			return "BIGINT"
		}
	case nCase:
		return t.widestInteger(caseBranches(n))
	case nName:
		if e := t.lateralAlias(n, t.sc); e != nil && len(n.parts) == 1 {
			return t.fullType(e.x)
		}
		return t.column(n).full
	case nSubquery:
		return t.subqueryColumn(n).full
	case nIndex:
		if n.name == "slice" {
			return ""
		}
		if m := unparen(n.x); m.kind == nCall && len(m.parts) <= 1 && m.name == "map" && len(m.list) == 2 {
			return t.elementInteger(m.list[1]) // map(keys, values)[k]: a value
		}
		if n.y != nil && n.y.kind == nString {
			return t.fieldInteger(n.x, stringValue(t.d, t.toks[n.y.tok].text))
		}
		return t.elementInteger(n.x)
	case nField:
		return t.fieldInteger(n.x, n.name)
	case nCall:
		if len(n.parts) > 1 {
			return ""
		}
		return t.duckIntegerCall(n) // over a window too: row_number() is a BIGINT
	}
	return ""
}

// elementInteger is the integer type of the elements of list x where its
// elements are written out (a list literal, list_value, and the list
// functions keeping them: list_sort([i, j])[1] is a BIGINT where j is);
// "" when not known.
func (t *translator) elementInteger(x *node) string {
	x = unparen(x)
	switch {
	case x.kind == nArray:
		return t.widestInteger(x.list)
	case x.kind != nCall || len(x.parts) > 1 || len(x.list) == 0:
		return ""
	case x.name == "list_value" || x.name == "list_pack":
		return t.widestInteger(x.list)
	case x.name == "list_concat" || x.name == "list_cat" || x.name == "array_concat" || x.name == "array_cat":
		a, b := t.elementInteger(x.list[0]), ""
		if len(x.list) == 2 {
			b = t.elementInteger(x.list[1])
		}
		if a == "" || b == "" {
			return ""
		}
		return duckIntegerOfWidth[max(duckIntegerWidths[a], duckIntegerWidths[b])]
	case shapeListFuncs[x.name] && !listAddingFuncs[x.name]:
		return t.elementInteger(x.list[0])
	}
	return ""
}

// listAddingFuncs add an element of their own to a list, whose type the
// list's elements do not tell.
var listAddingFuncs = map[string]bool{"list_append": true, "array_append": true, "array_push_back": true,
	"list_prepend": true, "array_prepend": true, "array_push_front": true}

// fieldInteger is the integer type of field name of struct x where x is
// a struct literal ({'a': i}.a, struct_pack(a := i).a); "" when not known.
func (t *translator) fieldInteger(x *node, name string) string {
	x = unparen(x)
	switch {
	case x.kind == nStruct:
		for i, f := range x.list {
			if i < len(x.names) && x.names[i] == name {
				if f.kind == nItem {
					f = f.x
				}
				return t.fullType(f)
			}
		}
	case x.kind == nCall && len(x.parts) <= 1 && x.name == "struct_pack":
		for _, a := range x.list {
			if a.kind == nExpr && a.name == name {
				return t.fullType(a.x)
			}
		}
	}
	return ""
}

// duckIntegerCall is the integer type of DuckDB's call n.
func (t *translator) duckIntegerCall(n *node) string {
	args := n.list
	switch n.name {
	case "count", "row_number", "rank", "dense_rank", "ntile", "epoch_ms":
		if n.name == "epoch_ms" && (len(args) != 1 || t.timestampOf(args[0]) == "") {
			return "" // of a number: a TIMESTAMP
		}
		return "BIGINT"
	case "ascii", "ord", "unicode", "list_position":
		return "INTEGER"
	case "sign", "bit_count":
		return "TINYINT"
	case "xor", "gcd", "lcm", "greatest_common_divisor", "least_common_multiple":
		return t.widestInteger(args)
	case "date_part", "datepart":
		if len(args) == 2 && args[0].kind == nString && duckPartNumber(stringValue(t.d, t.toks[args[0].tok].text)) == "INTEGER" {
			return "BIGINT"
		}
	case "sum", "list_sum":
		// an integer sum is a HUGEINT: it does not overflow 64 bits
		if len(args) == 1 && t.numberType(n) == "INTEGER" {
			return "HUGEINT"
		}
	case "abs", "min", "max", "any_value", "first", "last", "arbitrary", "coalesce", "ifnull", "greatest", "least":
		if (n.name == "min" || n.name == "max") && len(args) == 2 {
			return "" // max(x, n): a list
		}
		return t.widestInteger(args)
	case "nullif", "first_value", "last_value", "nth_value", "lag", "lead":
		if len(args) > 0 && (n.name != "lag" && n.name != "lead" || len(args) < 3) {
			return t.fullType(args[0])
		}
		if len(args) == 3 {
			return t.widestInteger([]*node{args[0], args[2]})
		}
	case "if":
		if len(args) == 3 {
			return t.widestInteger(args[1:])
		}
	case "list_extract", "list_element", "array_extract":
		if len(args) == 2 {
			if args[1].kind == nString {
				return t.fieldInteger(args[0], stringValue(t.d, t.toks[args[1].tok].text))
			}
			return t.elementInteger(args[0])
		}
	case "struct_extract":
		if len(args) == 2 && args[1].kind == nString {
			return t.fieldInteger(args[0], stringValue(t.d, t.toks[args[1].tok].text))
		}
	}
	if duckIntegerResults[n.name] {
		return "BIGINT"
	}
	return ""
}

// widestInteger is the integer type of DuckDB's values of list together
// (the operands of arithmetic, the values of a conditional): the widest of
// those not literals, with each literal taking that type where it fits in
// it and its own type where not; NULL literals aside, "" when one is not
// a known integer.
func (t *translator) widestInteger(list []*node) string {
	width, lits := 0, 0
	for _, x := range list {
		if t.isNull(x) {
			continue
		}
		w := duckIntegerWidths[t.fullType(x)]
		if w == 0 {
			return ""
		}
		if _, ok := t.intLiteral(x); ok {
			lits++
			continue
		}
		width = max(width, w)
	}
	if lits > 0 {
		for _, x := range list {
			if v, ok := t.intLiteral(x); ok && !t.isNull(x) {
				if width == 0 || !fitsBits(int64(v), width) {
					width = max(width, duckIntegerWidths[t.fullType(x)])
				}
			}
		}
	}
	return duckIntegerOfWidth[width]
}

// DuckDBIntegerType names DuckDB's signed integer type that type name
// typeName is (int2, integer, int8...); "" for any other type. A seed's
// column declared one in column_types has that width.
func DuckDBIntegerType(typeName string) string {
	name := strings.ToLower(strings.TrimSpace(typeName))
	if r, ok := duckIntegerRanges[name]; ok {
		if duckIntegerWidths[r.name] == 0 {
			return "" // unsigned
		}
		return r.name
	}
	switch name {
	case "bigint", "int8", "long", "int64":
		return "BIGINT"
	case "hugeint", "int128":
		return "HUGEINT"
	}
	return ""
}

// literalInteger is DuckDB's type of integer literal text: an INTEGER
// where it fits in 32 bits, then a BIGINT, then a HUGEINT.
func literalInteger(text string) string {
	if strings.Trim(text, "0123456789") != "" {
		return ""
	}
	v, err := strconv.ParseInt(text, 10, 64)
	switch {
	case err != nil:
		return "HUGEINT"
	case v <= math.MaxInt32:
		return "INTEGER"
	}
	return "BIGINT"
}

// fitsBits tells whether v fits in a signed integer of bits.
func fitsBits(v int64, bits int) bool {
	if bits >= 64 {
		return true
	}
	return v >= -(1<<(bits-1)) && v < 1<<(bits-1)
}

// integerOverflow makes DuckDB's + - * of integers fail where the result
// leaves their type's width, as DuckDB fails (integer_overflow, sqlfunc).
func (t *translator) integerOverflow(n *node) {
	if a, ok := t.intLiteral(n.x); ok {
		if b, ok := t.intLiteral(n.y); ok && literalFits(n.name, int64(a), int64(b), t.duckIntegerWidth(n)) {
			return // 1 + 2: known to fit
		}
	}
	t.checkIntegerWidth(n, map[string]string{"+": "addition", "-": "subtraction", "*": "multiplication"}[n.name])
}

// integerEdge makes DuckDB's unary minus and abs of an integer fail at its
// type's minimum, which the type cannot negate (-x of an INTEGER x of
// -2147483648), as DuckDB fails; a constant's minus DuckDB folds into a
// wider type, so -((-128)::tinyint) is 128.
func (t *translator) integerEdge(n *node) {
	operand := n.x
	if n.kind == nCall {
		if len(n.list) != 1 {
			return
		}
		operand = n.list[0]
	} else if n.name != "-" || !hasKind(operand, nName, nSubquery) {
		// a constant's minus DuckDB folds into a wider type
		return
	}
	t.checkIntegerWidth(n, map[bool]string{true: "abs", false: "negation"}[n.kind == nCall])
}

// checkIntegerWidth wraps n, an integer expression of a known signed
// type, in the check that its value fits the type.
func (t *translator) checkIntegerWidth(n *node, op string) {
	w := t.duckIntegerWidth(n)
	if w == 0 || w > 64 {
		return // a HUGEINT's 128 bits are beyond SQLite's
	}
	// inside what the parent put around the value (a text conversion)
	n.pre += "integer_overflow("
	n.post = ", " + strconv.Itoa(w) + ", '" + op + "', " + itoa(t.toks[n.tok].line) + ")" + n.post
}

// literalFits tells whether a op b of literals fits in bits.
func literalFits(op string, a, b int64, bits int) bool {
	x, y := big.NewInt(a), big.NewInt(b)
	switch op {
	case "+":
		x.Add(x, y)
	case "-":
		x.Sub(x, y)
	default:
		x.Mul(x, y)
	}
	return x.IsInt64() && fitsBits(x.Int64(), bits)
}
