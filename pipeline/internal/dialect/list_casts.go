package dialect

import "strings"

// DuckDB's cast of a list to a list type: x::INTEGER[], CAST(x AS
// VARCHAR[]), TRY_CAST(x AS DATE[]). Lists are JSON text here, so the
// elements are cast one by one, as DuckDB casts them, into a new list; a
// NULL list stays NULL. TRY_CAST makes an element that does not convert
// NULL, as DuckDB does. A list of lists (INTEGER[][]) stays refused.

// listCastElem is the end of the element type of a cast to T[] in DuckDB
// (the token index of its [), or -1 when n casts to no such type.
func (t *translator) listCastElem(n *node) int {
	if t.d != DuckDB || n.y == nil {
		return -1
	}
	var sig []int
	for i := n.y.start; i < n.y.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			sig = append(sig, i)
		}
	}
	if len(sig) < 2 {
		return -1
	}
	last := t.toks[sig[len(sig)-1]]
	if last.kind == kQuoted && last.text == "[]" {
		// [] read as an empty quoted name
		if len(sig) >= 3 && t.toks[sig[len(sig)-2]].text == "]" {
			return -1
		}
		return sig[len(sig)-1]
	}
	if len(sig) >= 3 && last.text == "]" && t.toks[sig[len(sig)-2]].text == "[" {
		if k := t.toks[sig[len(sig)-3]]; k.text == "]" || k.kind == kQuoted && k.text == "[]" {
			return -1
		}
		return sig[len(sig)-2]
	}
	if len(sig) >= 4 && last.text == "]" && t.toks[sig[len(sig)-2]].kind == kNumber && t.toks[sig[len(sig)-3]].text == "[" {
		// the fixed-size ARRAY DOUBLE[3]
		if k := t.toks[sig[len(sig)-4]]; k.text == "]" || k.kind == kQuoted && k.text == "[]" {
			return -1
		}
		return sig[len(sig)-3]
	}
	return -1
}

// arrayCastLength is the n of a cast to DuckDB's fixed-size ARRAY T[n], ""
// for a cast to a list T[] (or no such cast).
func (t *translator) arrayCastLength(n *node) string {
	end := t.listCastElem(n)
	if end < 0 || t.toks[end].text != "[" {
		return ""
	}
	for i := end + 1; i < n.y.end; i++ {
		if t.toks[i].kind == kNumber {
			return t.toks[i].text
		}
	}
	return ""
}

// rewriteListCast casts each element of n's list to the element type that
// ends at token end; it reports whether n was such a cast.
func (t *translator) rewriteListCast(n *node) bool {
	end := t.listCastElem(n)
	if end < 0 {
		return false
	}
	var cast func(string) string
	typ, prob := typeOf(t.toks, n.y.start, end, castWord(n), n.tok)
	if i := skipSpace(t.toks, n.y.start); t.toks[i].kind == kWord && t.toks[i].lower == "uuid" && skipSpace(t.toks, i+1) >= end {
		// UUID[]: each element a UUID's text, lower case and hyphenated
		fn, tail := "uuid_duckdb(", ", "+itoa(t.toks[n.tok].line)+")"
		if n.name == "try_cast" {
			fn, tail = "try_uuid_duckdb(", ")"
		}
		cast, prob = func(arg string) string { return fn + arg + tail }, nil
	}
	if prob != nil {
		t.refuse(prob.tok, prob.r, prob.args...)
		return true
	}
	typ = defaultScale(t.d, typ)
	if cast == nil {
		cast = elementCast(t.d, typ, n.name == "try_cast", itoa(t.toks[n.tok].line))
	}
	x := n.x
	if num, _ := listNumber(t.staticType(x)); typ.affinity == "INTEGER" && !typ.boolean {
		// a DECIMAL rounds halves away from zero (roundsToInteger)
		if s, ok := numberScale(num); ok && s > 0 {
			inner := cast
			cast = func(arg string) string { return inner("round_scale(" + arg + ", 0)") }
		}
	}
	if typ.boolean {
		// a list holds JSON's true and false, as DuckDB's literals do
		inner := cast
		cast = func(arg string) string { return "bool_as_json(" + inner(arg) + ")" }
	}
	size := t.arrayCastLength(n)
	try := "0"
	if n.name == "try_cast" {
		try = "1"
	}
	line := itoa(t.toks[n.tok].line)
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, x)
		pr.flat++
		defer func() { pr.flat-- }()
		l := strings.TrimSpace(pr.text(x))
		list := "json(" + overList(l, "json_group_array("+cast("_nexus_value")+" ORDER BY _nexus_i)", "_nexus_value", "") + ")"
		if size != "" {
			// a fixed-size ARRAY: a list of another length fails
			list = "list_of_length(" + list + ", " + size + ", " + line + ", " + try + ")"
		}
		return list + carry
	}
	return true
}

// listCastType is the static type of a cast to a list: a list whose
// numbers are of the element type's number type.
func (t *translator) listCastType(n *node) string {
	typ, prob := typeOf(t.toks, n.y.start, t.listCastElem(n), castWord(n), n.tok)
	if prob != nil {
		return TypeList
	}
	typ = defaultScale(t.d, typ)
	switch {
	case typ.boolean:
		return TypeList
	case typ.affinity == "INTEGER":
		return listOf("INTEGER")
	case typ.affinity == "REAL" && typ.scale != "":
		return listOf(decimalType + typ.scale)
	case t.d == DuckDB && isFloat32(typ):
		return listOf("FLOAT")
	case typ.affinity == "REAL" && castKind(t.d, typ) == "":
		return listOf("REAL")
	}
	return TypeList
}

// elementCast is the cast of one list element of unknown type to typ, as
// rewriteCast writes a cast of a value whose type it does not know; safe
// gives NULL for an element that does not convert.
func elementCast(d Dialect, typ sqlType, safe bool, line string) func(arg string) string {
	if call, ok := castCall(d, typ, castKind(d, typ), safe, line); ok {
		if d == DuckDB && isFloat32(typ) {
			// DuckDB's FLOAT: each element rounded to 32 bits, as a cast
			// of one value is
			return func(arg string) string { return "to_float32(" + call(arg) + ")" }
		}
		return call
	}
	dialect := sqlString(string(d))
	switch {
	case typ.affinity == "TEXT" && typ.fn == "":
		return func(arg string) string { return "cast_to(" + arg + ", 'TEXT', " + dialect + ", " + line + ")" }
	case typ.fn != "":
		return func(arg string) string { return typ.fn + "(" + arg + ")" }
	}
	return func(arg string) string { return "CAST(" + arg + " AS " + typ.affinity + ")" }
}
