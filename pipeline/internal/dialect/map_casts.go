package dialect

import "strings"

// DuckDB's cast of a MAP to a MAP type: x::MAP(VARCHAR, INTEGER). A MAP is
// the JSON array of its {"key": k, "value": v} entries here, so each key
// and value is cast, as a list's elements are (list_casts.go), into a new
// array of entries in the same order; a NULL MAP stays NULL. Text cast to
// a MAP, which DuckDB reads as {k=v, ...}, is refused.

// mapCastTypes are the token ranges of the key and value types of a cast
// to MAP(K, V) in DuckDB; ok is false for any other cast.
func (t *translator) mapCastTypes(n *node) (k, v [2]int, ok bool) {
	if t.d != DuckDB || n.y == nil {
		return k, v, false
	}
	i := skipSpace(t.toks, n.y.start)
	if i >= n.y.end || t.toks[i].lower != "map" {
		return k, v, false
	}
	i = skipSpace(t.toks, i+1)
	if i >= n.y.end || t.toks[i].kind != kOpen {
		return k, v, false
	}
	depth, comma, end := 0, -1, -1
	for j := i; j < n.y.end; j++ {
		switch tk := t.toks[j]; {
		case tk.kind == kOpen:
			depth++
		case tk.kind == kClose:
			depth--
			if depth == 0 {
				end = j
			}
		case tk.kind == kPunct && tk.text == "," && depth == 1 && comma < 0:
			comma = j
		case tk.kind == kPunct && tk.text == "[" || tk.kind == kQuoted && tk.text == "[]":
			return k, v, false // a list of keys or values
		}
		if end >= 0 {
			break
		}
	}
	if comma < 0 || end < 0 || skipSpace(t.toks, end+1) < n.y.end {
		return k, v, false
	}
	return [2]int{i + 1, comma}, [2]int{comma + 1, end}, true
}

// rewriteMapCast casts each key and value of a MAP to the MAP type's; it
// reports whether n was such a cast.
func (t *translator) rewriteMapCast(n *node) bool {
	kr, vr, ok := t.mapCastTypes(n)
	if !ok {
		return false
	}
	if n.x.kind == nString {
		t.refuse(n.x.start, refMapText)
		return true
	}
	line := itoa(t.toks[n.tok].line)
	var casts [2]func(string) string
	var text [2]bool
	for i, r := range [2][2]int{kr, vr} {
		typ, prob := typeOf(t.toks, r[0], r[1], castWord(n), n.tok)
		if prob != nil {
			t.refuse(prob.tok, prob.r, prob.args...)
			return true
		}
		typ = defaultScale(t.d, typ)
		cast := elementCast(t.d, typ, n.name == "try_cast", line)
		if typ.boolean {
			inner := cast
			cast = func(arg string) string { return "bool_as_json(" + inner(arg) + ")" }
		}
		casts[i], text[i] = cast, typ.affinity == "TEXT" && typ.fn == ""
	}
	// a field of the entry; a boolean cast to text is true or false
	field := func(i int, path string) string {
		get := "json_extract(value, '" + path + "')"
		if text[i] {
			get = "CASE json_type(value, '" + path + "') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE " + get + " END"
		}
		return casts[i](get)
	}
	x := n.x
	n.print = func(pr *printer, n *node) string {
		carry := pr.carry(n, x)
		pr.flat++
		defer func() { pr.flat-- }()
		m := strings.TrimSpace(pr.text(x))
		entry := "json_object('key', " + field(0, "$.key") + ", 'value', " + field(1, "$.value") + ")"
		return "json((SELECT CASE WHEN _nexus_map IS NULL THEN NULL ELSE (SELECT json_group_array(" + entry +
			" ORDER BY key) FROM json_each(_nexus_map)) END FROM (SELECT " + m + " AS _nexus_map)))" + carry
	}
	return true
}

// mapCastType is the static type of a cast to a MAP: a MAP whose values
// are of the value type's number type.
func (t *translator) mapCastType(n *node) string {
	_, vr, _ := t.mapCastTypes(n)
	typ, prob := typeOf(t.toks, vr[0], vr[1], castWord(n), n.tok)
	if prob != nil {
		return TypeMap
	}
	typ = defaultScale(t.d, typ)
	switch {
	case typ.boolean:
		return TypeMap
	case typ.affinity == "INTEGER":
		return mapOf("INTEGER")
	case typ.affinity == "REAL" && typ.scale != "":
		return mapOf(decimalType + typ.scale)
	case typ.affinity == "REAL" && castKind(t.d, typ) == "":
		return mapOf("REAL")
	}
	return TypeMap
}
