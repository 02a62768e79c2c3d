package dialect

import "strings"

// Arrays and structs are JSON text on SQLite: an array is a JSON array, a
// struct a JSON object. These rewrites build and read them with SQLite's
// JSON functions.

// arrayValue is the helper column of ARRAY(SELECT ...).
const arrayValue = "_nexus_value"

// rewriteArray writes [a, b] and ARRAY[a, b] as json_array(a, b).
func (t *translator) rewriteArray(n *node) {
	list := n.list
	if fields := structArrayFields(n); fields != nil && t.d == BigQuery {
		// BigQuery types an array of structs by its first element:
		// [STRUCT(1 AS a), STRUCT(2)] is [{a: 1}, {a: 2}], and so is
		// [STRUCT(1 AS a), STRUCT(t.b)]: a name a later field only takes
		// from its column gives way to the first struct's
		for _, e := range list[1:] {
			nameLike(e, list[0])
		}
	}
	for _, e := range list {
		t.asJSON(e)
	}
	n.print = func(pr *printer, n *node) string {
		var b strings.Builder
		b.WriteString("json_array(")
		for i, e := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(pr.text(e))
		}
		b.WriteString(")")
		return b.String() + pr.carry(n, list...)
	}
}

// nameLike names the fields of struct e as the first struct of its array
// names them, where e's own names are anonymous or only its columns', and
// so on into the structs its fields hold: [STRUCT('a' AS k, STRUCT(1 AS i)
// AS v), STRUCT('b', STRUCT(2))] is [{k: a, v: {i: 1}}, {k: b, v: {i: 2}}],
// and into the structs of the arrays its fields hold.
func nameLike(e, first *node) {
	if e.kind != nStruct || first.kind != nStruct || len(e.names) != len(first.names) {
		return
	}
	for i, name := range e.names {
		if first.names[i] != "" && (name == "" || !fieldAliased(e.list[i])) {
			e.names[i] = first.names[i]
		}
		v, w := fieldValue(e.list[i]), fieldValue(first.list[i])
		nameLike(v, w)
		if v.kind == nArray && w.kind == nArray && len(w.list) > 0 {
			// an array of structs a field holds has the first's element
			// type too: [STRUCT([STRUCT(1 AS x)] AS l), STRUCT([STRUCT(2)])]
			for _, x := range v.list {
				nameLike(x, w.list[0])
			}
		}
	}
}

// fieldValue is the value of a STRUCT(...) field.
func fieldValue(it *node) *node {
	if it.kind == nItem {
		return it.x
	}
	return it
}

// fieldAliased tells whether a STRUCT(...) field is named by AS.
func fieldAliased(it *node) bool {
	return it.kind == nItem && it.name != ""
}

// structArrayFields gives the field names of an array literal of structs,
// [STRUCT(1 AS a, 'x' AS b), STRUCT(2, 'y')], as its first struct names
// them; nil when an element is not a struct or has another number of fields.
func structArrayFields(arr *node) []string {
	if arr.kind != nArray || len(arr.list) == 0 {
		return nil
	}
	first := arr.list[0]
	for _, e := range arr.list {
		if e.kind != nStruct || len(e.names) != len(first.names) {
			return nil
		}
	}
	names := make([]string, len(first.names))
	for i, name := range first.names {
		if name == "" {
			name = "_field_" + itoa(i+1)
		}
		names[i] = name
	}
	return names
}

// rewriteStruct writes STRUCT(a AS x, b AS y), STRUCT<x T, y T>(a, b) and
// DuckDB's {'x': a} as json_object('x', a, 'y', b); Snowflake's OBJECT
// constant {'x': a} as OBJECT_CONSTRUCT('x', a).
func (t *translator) rewriteStruct(n *node) {
	if t.d == SQLite {
		t.refuse(n.start, refStruct)
		return
	}
	if n.name == "*" {
		t.refuse(n.start, refObjectConstantStar)
		return
	}
	names, list := n.names, n.list
	for i, name := range names {
		if name == "" {
			names[i] = "_field_" + itoa(i+1)
		}
	}
	for _, e := range list {
		if e.kind == nItem {
			e = e.x
		}
		t.asJSON(e)
	}
	n.print = func(pr *printer, n *node) string {
		var b strings.Builder
		b.WriteString("json_object(")
		var used []*node
		for i, e := range list {
			if i > 0 {
				b.WriteString(", ")
			}
			x := e
			if e.kind == nItem {
				x = e.x
			}
			used = append(used, x)
			b.WriteString(sqlString(names[i]) + ", " + pr.text(x))
		}
		b.WriteString(")")
		if n.flag {
			// as OBJECT_CONSTRUCT: keys sorted, members whose value is NULL left out
			return objectWithoutNullsPre + b.String() + objectWithoutNullsPost + pr.carry(n, used...)
		}
		return b.String() + pr.carry(n, used...)
	}
}

// rewriteMap writes DuckDB's MAP {k: v, ...} as the JSON array of its
// entries, duck_map(json_array(json_object('key', k, 'value', v), ...)),
// which checks that no key is NULL or given twice.
func (t *translator) rewriteMap(n *node) {
	list := n.list
	for _, e := range list {
		t.asJSON(e)
	}
	n.print = func(pr *printer, n *node) string {
		var b strings.Builder
		b.WriteString("duck_map(json_array(")
		for i := 0; i+1 < len(list); i += 2 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("json_object('key', " + pr.text(list[i]) + ", 'value', " + pr.text(list[i+1]) + ")")
		}
		b.WriteString("))")
		return b.String() + pr.carry(n, list...)
	}
}

// rewriteArraySub writes ARRAY(SELECT x FROM ...) as
// (SELECT json_group_array(_nexus_value) FROM (SELECT x AS _nexus_value FROM ...)).
func (t *translator) rewriteArraySub(n *node) {
	q := n.x
	body := q.list[0]
	for body.kind == nSubquery {
		body = body.x.list[0]
	}
	if body.kind != nSelect {
		t.refuse(n.start, refArraySub)
		return
	}
	info := body.sel
	value := arrayValue
	if info.asStruct {
		value = "json(" + arrayValue + ")" // selectAsStruct names the objects
	} else {
		if len(info.items) != 1 || info.items[0].kind != nItem {
			t.refuse(n.start, refArraySub)
			return
		}
		it := info.items[0]
		x := it.x
		it.print = func(pr *printer, it *node) string {
			return pr.text(x) + " AS " + arrayValue + pr.carry(it, x)
		}
		n.print = func(pr *printer, n *node) string {
			// the SELECT is walked, its item typed, by the time it prints
			saved := t.sc
			t.sc = info.scope
			fn := jsonFunc(t.staticType(x), false)
			t.sc = saved
			v := value
			if fn != "" {
				v = fn + "(" + value + ")"
			}
			return "(SELECT json_group_array(" + v + ") FROM (" + pr.text(q) + "))" + pr.carry(n, q)
		}
		return
	}
	n.print = func(pr *printer, n *node) string {
		return "(SELECT json_group_array(" + value + ") FROM (" + pr.text(q) + "))" + pr.carry(n, q)
	}
}

// rewriteIndex reads an array element: BigQuery's arr[OFFSET(i)],
// [SAFE_OFFSET(i)], [ORDINAL(i)], [SAFE_ORDINAL(i)] and arr[i] (an offset);
// DuckDB's 1-based arr[i]; Snowflake's 0-based arr[i]; and x['key'] of a
// struct or object.
func (t *translator) rewriteIndex(n *node) {
	x, i := n.x, n.y
	if t.d == DuckDB && n.name == "" && i != nil && isMap(t.staticType(x)) {
		// m[k]: the value of key k, NULL when the map has none
		n.print = func(pr *printer, n *node) string {
			return "map_value_duck(" + pr.text(x) + ", " + pr.text(i) + ")" + pr.carry(n, x, i)
		}
		return
	}
	if i != nil && i.kind == nString {
		key := stringValue(t.d, t.toks[i.tok].text)
		n.print = func(pr *printer, n *node) string {
			return "json_extract(" + pr.text(x) + ", " + pathString(jsonPath([]string{key})) + ")" + pr.carry(n, x)
		}
		return
	}
	if t.d == DuckDB {
		// DuckDB indexes and slices lists and text alike (1-based,
		// negative from the end): which one x is shows only at run time.
		if n.name == "slice" && len(n.list) == 1 {
			// With a step, which bounds were left out tells the function
			// where a backward slice starts and ends.
			omitted := 0
			if n.y == nil {
				omitted |= 1
			}
			if n.z == nil {
				omitted |= 2
			}
			step := n.list[0]
			n.print = func(pr *printer, n *node) string {
				return "list_or_text_slice(" + pr.text(x) + ", " + orDefault(pr, n.y, "1") + ", " + orDefault(pr, n.z, "-1") + ", " + pr.text(step) + ", " + itoa(omitted) + ")" + pr.carry(n, x, n.y, n.z, step)
			}
			return
		}
		// known text is sliced as text, '[1,2]'[1:2] too
		slice, at := "list_or_text_slice(", "list_or_text_at("
		if t.sliceText(x) {
			slice, at = "text_slice(", "text_at("
		}
		if n.name == "slice" {
			n.print = func(pr *printer, n *node) string {
				return slice + pr.text(x) + ", " + orDefault(pr, n.y, "1") + ", " + orDefault(pr, n.z, "-1") + ")" + pr.carry(n, x, n.y, n.z)
			}
			return
		}
		n.print = func(pr *printer, n *node) string {
			return at + pr.text(x) + ", " + pr.text(i) + ")" + pr.carry(n, x, i)
		}
		return
	}
	base := 0
	switch {
	case n.name == "ordinal" || n.name == "safe_ordinal", n.name == "" && t.d == DuckDB:
		base = 1
	}
	if n.name == "offset" || n.name == "ordinal" || n.name == "" && t.d == BigQuery {
		// BigQuery fails on an index outside the array; array_at() does
		// too.
		line := itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "array_at(" + pr.text(x) + ", " + pr.text(i) + ", " + itoa(base) + ", " + line + ")" + pr.carry(n, x, i)
		}
		return
	}
	if i.kind == nLit {
		if v, ok := atoi(t.toks[i.start].text); ok {
			path := "$[" + itoa(v-base) + "]"
			if v-base < 0 {
				path = "$[#" + itoa(v-base) + "]"
			}
			n.print = func(pr *printer, n *node) string {
				return "json_extract(" + pr.text(x) + ", " + sqlString(path) + ")" + pr.carry(n, x)
			}
			return
		}
	}
	n.print = func(pr *printer, n *node) string {
		idx := "(" + pr.text(i) + ")"
		if base == 1 {
			idx = "(" + pr.text(i) + ") - 1"
		}
		return "json_extract(" + pr.text(x) + ", '$[' || (" + idx + ") || ']')" + pr.carry(n, x, i)
	}
}

// orDefault prints n, or def when it is absent (an open slice bound:
// from the first, to the last).
func orDefault(pr *printer, n *node, def string) string {
	if n == nil {
		return def
	}
	return pr.text(n)
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// rewriteField reads a field of a struct given by an expression:
// f(x).field, (x).field, arr[OFFSET(0)].field.
func (t *translator) rewriteField(n *node) {
	x := n.x
	if t.d == DuckDB && isMap(t.staticType(x)) {
		// m.k: the value of key 'k'
		key := sqlString(n.name)
		n.print = func(pr *printer, n *node) string {
			return "map_value_duck(" + pr.text(x) + ", " + key + ")" + pr.carry(n, x)
		}
		return
	}
	// a Snowflake element name keeps its case, as an OBJECT's keys do:
	// arr[0].sessionId reads the key sessionId
	key := func(f *node) string {
		if t.d == Snowflake && f.tok >= 0 {
			if tk := t.toks[f.tok]; tk.kind == kWord {
				return tk.text
			} else if tk.kind == kQuoted {
				return tk.text[1 : len(tk.text)-1]
			}
		}
		return f.name
	}
	var fields []string
	for x.kind == nField {
		fields = append([]string{key(x)}, fields...)
		x = x.x
	}
	fields = append(fields, key(n))
	n.print = func(pr *printer, n *node) string {
		return "json_extract(" + pr.text(x) + ", " + pathString(jsonPath(fields)) + ")" + pr.carry(n, x)
	}
}

// rewritePath reads Snowflake's x:a.b[0] as json_extract(x, '$.a.b[0]').
func (t *translator) rewritePath(n *node) {
	x, path := n.x, n.name
	n.print = func(pr *printer, n *node) string {
		return "json_extract(" + pr.text(x) + ", " + pathString(path) + ")" + pr.carry(n, x)
	}
}

// rewriteIn writes x IN UNNEST(arr) as x IN (SELECT value FROM
// json_each(arr)).
func (t *translator) rewriteIn(n *node) {
	y := n.y
	if y.kind == nTuple {
		t.refuseJSONText(n.x, y.list...)
		t.refuseTextNumber("in", append([]*node{n.x}, y.list...)...)
		t.compareVariants(append([]*node{n.x}, y.list...)...)
		t.compareTimestamps(append([]*node{n.x}, y.list...)...)
		t.compareLiterals(append([]*node{n.x}, y.list...)...)
	}
	if y.kind == nSubquery {
		// x IN (SELECT ts ...): x compares with the timestamps it selects
		if !t.inInstants(n.x, y) {
			t.compareTimestamps(n.x, y)
		}
		t.inSubqueryText(n.x, y)
		t.refuseInWidth(n.x, y)
		t.refuseInSubqueryNumber(n.x, y)
	}
	if y.kind != nCall || y.name != "unnest" || t.d == SQLite {
		return
	}
	if len(y.list) != 1 {
		t.refuse(y.start, refUnnestArgs)
		return
	}
	arr := y.list[0]
	t.insideEach(arr)
	y.print = func(pr *printer, y *node) string {
		return "(SELECT value FROM json_each(" + pr.text(arr) + "))" + pr.carry(y, arr)
	}
	y.kind = nRaw // not a call any more: no unknown-function check
}

// pathString writes a JSON path as an SQLite string on one line: a quoted
// name may hold a line break, which the printer carries on its own.
func pathString(path string) string {
	return strings.ReplaceAll(sqlString(path), "\n", "' || char(10) || '")
}

// asJSON makes a value go into JSON (an array, a struct, ARRAY_AGG,
// TO_JSON_STRING) as the warehouse puts it there: a value the translator
// knows is a BOOL as JSON true or false, where SQLite's 1 and 0 would be
// numbers, and an array or struct read from a column (JSON text that has
// lost the mark SQLite's JSON functions give what they build) as nested
// JSON, where it would be a string.
func (t *translator) asJSON(x *node) {
	if x == nil || t.d == SQLite {
		return
	}
	if x.kind == nSubquery {
		// a scalar subquery's SELECT is typed once it has been walked:
		// when it prints
		print := x.print
		x.print = func(pr *printer, n *node) string {
			text := pr.plain(n)
			if print != nil {
				text = print(pr, n)
			}
			fn := jsonFunc(t.staticType(n), false)
			if fn == "" {
				return text
			}
			return fn + "(" + text + ")"
		}
		return
	}
	if fn := jsonFunc(t.staticType(x), builtJSON(x)); fn != "" {
		x.pre = fn + "(" + x.pre
		x.post += ")"
		return
	}
	t.doubleAsJSON(x)
}

// jsonFunc is the function asJSON wraps a value of static type typ in, ""
// for none; built tells a struct or array built in place, JSON already.
func jsonFunc(typ string, built bool) string {
	switch {
	case typ == TypeBool:
		return "bool_as_json"
	case nested(typ) && !built:
		return "json"
	}
	return ""
}

// builtJSON tells whether x builds JSON where it stands.
func builtJSON(x *node) bool {
	return x.kind == nStruct || x.kind == nArray
}

// selectAsStruct writes SELECT AS STRUCT a AS x, b AS y as one json_object
// per row, named _nexus_value for ARRAY(...), and SELECT AS VALUE x as x.
func (t *translator) selectAsStruct(info *selectInfo) {
	if info.asTok >= 0 {
		t.pr.setTok(info.asTok, "")
		t.pr.setTok(info.structTok, "")
	}
	if !info.asStruct {
		return
	}
	for i, it := range info.items {
		if it.kind != nItem {
			t.refuse(it.start, refAsStructStar)
			return
		}
		name := it.name
		if name == "" {
			name = fieldName(t.toks, it.x)
		}
		if name == "" {
			name = "_field_" + itoa(i+1)
		}
		x := it.x
		it.print = func(pr *printer, it *node) string {
			return sqlString(name) + ", " + pr.text(x) + pr.carry(it, x)
		}
	}
	info.items[0].pre = "json_object(" + info.items[0].pre
	last := info.items[len(info.items)-1]
	last.post += ") AS " + arrayValue
}

// textSlicedResults are DuckDB's functions of text giving VARCHAR beside
// textResults (which also decide where text meets numbers).
var textSlicedResults = map[string]bool{"dayname": true, "monthname": true, "reverse": true, "substr": true, "substring": true,
	"translate": true, "strip_accents": true, "regexp_extract": true, "chr": true, "printf": true, "format": true,
	"array_to_string": true, "sha256": true}

// textListResults are DuckDB's functions giving a list of VARCHAR.
var textListResults = map[string]bool{"string_split": true, "str_split": true, "string_to_array": true,
	"string_split_regex": true, "str_split_regex": true, "regexp_split_to_array": true, "regexp_extract_all": true}

// sliceText tells whether x, indexed or sliced, is known to be text: as
// textOf tells, or a function giving VARCHAR, or CASE, COALESCE, IFNULL,
// IF and NULLIF of those.
func (t *translator) sliceText(x *node) bool {
	if t.textOf(x) {
		return true
	}
	all := func(list []*node) bool {
		some := false
		for _, e := range list {
			if t.isNull(e) {
				continue
			}
			if !t.sliceText(e) {
				return false
			}
			some = true
		}
		return some
	}
	switch x.kind {
	case nParen:
		return x.x != nil && t.sliceText(x.x)
	case nIndex:
		if x.name == "" && x.x != nil && x.x.kind == nCall && len(x.x.parts) <= 1 && textListResults[x.x.name] {
			return true // an element of string_split(s, ','): VARCHAR
		}
		return (x.name == "" || x.name == "slice") && t.sliceText(x.x) // of text, text
	case nCase:
		return all(caseBranches(x))
	case nCall:
		if len(x.parts) > 1 {
			return false
		}
		switch x.name {
		case "coalesce", "ifnull":
			return all(x.list)
		case "if":
			return len(x.list) == 3 && all(x.list[1:])
		case "nullif":
			return len(x.list) == 2 && t.sliceText(x.list[0])
		}
		return textSlicedResults[x.name]
	}
	return false
}
