package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// BigQuery's nested types: beside the flat static types (TypeList,
// TypeStruct, TypeDate, ...) a BigQuery value has its full type as
// BigQuery writes it in INFORMATION_SCHEMA.COLUMNS: ARRAY<INT64>,
// STRUCT<x INT64, y STRING>, ARRAY<STRUCT<a INT64, b STRING>>; a
// STRUCT(...)'s anonymous fields are named _field_1, _field_2, ... as a
// table stores them (a type written STRUCT<INT64, STRING> keeps them
// anonymous).
// It comes from literals, STRUCT(...), [...], ARRAY(SELECT ...),
// ARRAY_AGG, casts and the columns of the relations read, and goes into
// fields (s.x), elements (a[OFFSET(0)]) and UNNEST's rows, whose flat
// static types follow from it (a DATE field adds days as a date). A
// built relation keeps it under FullTypePrefix + the column's name, which
// get_columns_in_relation and INFORMATION_SCHEMA.COLUMNS report.

// FullTypePrefix starts the key of a column's full BigQuery type in the
// static types of a relation.
const FullTypePrefix = "<"

// IsFullTypeKey tells whether key of a relation's static types holds a
// column's full BigQuery type.
func IsFullTypeKey(key string) bool { return strings.HasPrefix(key, FullTypePrefix) }

// Nested tells whether a full BigQuery type is an ARRAY or a STRUCT.
func Nested(full string) bool {
	return strings.HasPrefix(full, "ARRAY<") || strings.HasPrefix(full, "STRUCT<")
}

// bigQueryTypeNames are BigQuery's type names and their aliases, by the
// lower-case name, as BigQuery reports them.
var bigQueryTypeNames = map[string]string{
	"int64": "INT64", "int": "INT64", "integer": "INT64", "bigint": "INT64", "smallint": "INT64",
	"tinyint": "INT64", "byteint": "INT64",
	"float64": "FLOAT64", "float": "FLOAT64",
	"numeric": "NUMERIC", "decimal": "NUMERIC", "bignumeric": "BIGNUMERIC", "bigdecimal": "BIGNUMERIC",
	"bool": "BOOL", "boolean": "BOOL", "string": "STRING", "bytes": "BYTES",
	"date": "DATE", "datetime": "DATETIME", "time": "TIME", "timestamp": "TIMESTAMP",
	"json": "JSON", "interval": "INTERVAL", "geography": "GEOGRAPHY",
}

// bqTypeField is one field of a STRUCT type: its name ("" for an
// anonymous one) and full type.
type bqTypeField struct{ name, typ string }

// structType writes a STRUCT type of fields.
func structType(fields []bqTypeField) string {
	parts := make([]string, len(fields))
	for i, f := range fields {
		if f.name == "" {
			parts[i] = f.typ
		} else {
			parts[i] = f.name + " " + f.typ
		}
	}
	return "STRUCT<" + strings.Join(parts, ", ") + ">"
}

// arrayElement is the element type of full type ARRAY<T>.
func arrayElement(full string) (string, bool) {
	if strings.HasPrefix(full, "ARRAY<") && strings.HasSuffix(full, ">") {
		return full[len("ARRAY<") : len(full)-1], true
	}
	return "", false
}

// typeFields are the fields of full type STRUCT<...>.
func typeFields(full string) ([]bqTypeField, bool) {
	if !strings.HasPrefix(full, "STRUCT<") || !strings.HasSuffix(full, ">") {
		return nil, false
	}
	var out []bqTypeField
	for _, f := range splitTypeList(full[len("STRUCT<") : len(full)-1]) {
		f = strings.TrimSpace(f)
		if name, typ, ok := strings.Cut(f, " "); ok && !strings.ContainsAny(name, "<(") {
			out = append(out, bqTypeField{strings.Trim(name, "`"), strings.TrimSpace(typ)})
		} else {
			out = append(out, bqTypeField{"", f})
		}
	}
	return out, true
}

// splitTypeList splits a type list at its commas outside <> and ().
func splitTypeList(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s[start:]) != "" {
		out = append(out, s[start:])
	}
	return out
}

// fieldType is the type of field name of a STRUCT of full type; "" when
// it has none of that name.
func fieldType(full, name string) string {
	fields, ok := typeFields(full)
	if !ok {
		return ""
	}
	for _, f := range fields {
		if f.name != "" && strings.EqualFold(f.name, name) {
			return f.typ
		}
	}
	return ""
}

// BigQueryType is the full type BigQuery gives a column declared as
// typeName (a seed's column_types, a cast): its names as BigQuery
// reports them, ARRAY<...> and STRUCT<...> with their fields; "" for a
// name BigQuery has not.
func BigQueryType(typeName string) string {
	typ, rest, ok := parseBQType(strings.TrimSpace(typeName))
	if !ok || strings.TrimSpace(rest) != "" {
		return ""
	}
	return typ
}

// parseBQType reads one type at the start of s and gives it as BigQuery
// writes it, with what follows it.
func parseBQType(s string) (typ, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t\r\n")
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	word, rest := strings.ToLower(s[:i]), strings.TrimLeft(s[i:], " \t\r\n")
	switch word {
	case "array":
		if !strings.HasPrefix(rest, "<") {
			return "", "", false
		}
		elem, after, ok := parseBQType(rest[1:])
		after = strings.TrimLeft(after, " \t\r\n")
		if !ok || !strings.HasPrefix(after, ">") {
			return "", "", false
		}
		return "ARRAY<" + elem + ">", after[1:], true
	case "struct":
		if !strings.HasPrefix(rest, "<") {
			return "", "", false
		}
		rest = rest[1:]
		var fields []bqTypeField
		for {
			rest = strings.TrimLeft(rest, " \t\r\n")
			if strings.HasPrefix(rest, ">") && len(fields) == 0 {
				return "STRUCT<>", rest[1:], true
			}
			name := ""
			if j := fieldNameEnd(rest); j > 0 {
				if after := strings.TrimLeft(rest[j:], " \t\r\n"); after != "" && after[0] != ',' && after[0] != '>' && after[0] != '<' && after[0] != '(' {
					name, rest = strings.Trim(rest[:j], "`"), after
				}
			}
			typ, after, ok := parseBQType(rest)
			if !ok {
				return "", "", false
			}
			fields = append(fields, bqTypeField{name, typ})
			after = strings.TrimLeft(after, " \t\r\n")
			switch {
			case strings.HasPrefix(after, ","):
				rest = after[1:]
			case strings.HasPrefix(after, ">"):
				return structType(fields), after[1:], true
			default:
				return "", "", false
			}
		}
	}
	name, known := bigQueryTypeNames[word]
	if !known {
		return "", "", false
	}
	if word == "interval" {
		return name, rest, true
	}
	if strings.HasPrefix(rest, "(") {
		// STRING(10), NUMERIC(10, 2): a parameterized type reports its
		// parameters
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			return "", "", false
		}
		params := strings.Join(strings.Fields(strings.ReplaceAll(rest[1:j], ",", ", ")), " ")
		return name + "(" + params + ")", rest[j+1:], true
	}
	return name, rest, true
}

// fieldNameEnd is the length of the name starting s (a word or a
// backquoted name), 0 for none.
func fieldNameEnd(s string) int {
	if strings.HasPrefix(s, "`") {
		if j := strings.IndexByte(s[1:], '`'); j >= 0 {
			return j + 2
		}
		return 0
	}
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	return i
}

// unparameterized is full type typ without a parameterized type's
// parameters, which a value computed from a cast does not keep.
func unparameterized(typ string) string {
	if i := strings.IndexByte(typ, '('); i > 0 && !strings.Contains(typ, "<") {
		return typ[:i]
	}
	return typ
}

// flatFull is the full type a flat static type and number type stand for.
func flatFull(typ, num string) string {
	switch {
	case typ == TypeDate:
		return "DATE"
	case typ == TypeBool:
		return "BOOL"
	case typ == TypeTime:
		return "TIME"
	case typ == TypeJSON:
		return "JSON"
	case typ == TypeInterval:
		return "INTERVAL"
	case typ == sqlfunc.KindInstant:
		return "TIMESTAMP"
	case typ == sqlfunc.KindWallClock:
		return "DATETIME"
	case typ == TypeText:
		return "STRING"
	case strings.HasPrefix(typ, typeDecimal):
		return "NUMERIC"
	case typ != "":
		return ""
	}
	switch {
	case num == "INTEGER":
		return "INT64"
	case num == "REAL" || num == "FLOAT":
		return "FLOAT64"
	case strings.HasPrefix(num, decimalType):
		return "NUMERIC"
	}
	return ""
}

// fullStatic is the flat static type and number type of a value of full
// type full: a DATE field's TypeDate, an ARRAY's TypeList.
func fullStatic(full string) (typ, num string) {
	switch {
	case strings.HasPrefix(full, "ARRAY<"):
		return TypeList, ""
	case strings.HasPrefix(full, "STRUCT<"):
		return TypeStruct, ""
	}
	switch unparameterized(full) {
	case "DATE":
		return TypeDate, ""
	case "BOOL":
		return TypeBool, ""
	case "JSON":
		return TypeJSON, ""
	case "INTERVAL":
		return TypeInterval, ""
	case "TIMESTAMP":
		return sqlfunc.KindInstant, ""
	case "DATETIME":
		return sqlfunc.KindWallClock, ""
	case "INT64":
		return "", "INTEGER"
	case "FLOAT64":
		return "", "REAL"
	case "NUMERIC":
		return "", numericType
	}
	return "", ""
}

// fullType is the full BigQuery type of n; "" when it is not known.
func (t *translator) fullType(n *node) string {
	if t.d == Snowflake && n != nil {
		return t.snowflakeFull(n) // snowflake_declared.go
	}
	if t.d == DuckDB && n != nil {
		return t.memoized(n, &n.fullMemo, &t.intMemo, t.duckIntegerType) // duck_integer_ranges.go
	}
	if t.d != BigQuery || n == nil {
		return ""
	}
	if t.fullMemo == nil {
		t.fullMemo = map[typeKey]string{}
		defer func() { t.fullMemo = nil }()
	} else if typ, ok := t.fullMemo[typeKey{n, t.sc}]; ok {
		return typ
	}
	typ := t.fullTypeOf(n)
	t.fullMemo[typeKey{n, t.sc}] = typ
	return typ
}

func (t *translator) fullTypeOf(n *node) string {
	switch n.kind {
	case nParen, nItem:
		return t.fullType(n.x)
	case nString:
		if w := t.toks[n.start]; strings.HasPrefix(strings.ToLower(w.text), "b") || strings.HasPrefix(strings.ToLower(w.text), "rb") || strings.HasPrefix(strings.ToLower(w.text), "br") {
			return "BYTES"
		}
		return "STRING"
	case nName:
		if typ, ok := t.nameFull(n); ok {
			return typ
		}
	case nField:
		return fieldType(t.fullType(n.x), n.name)
	case nIndex:
		if n.name == "slice" {
			return ""
		}
		if elem, ok := arrayElement(t.fullType(n.x)); ok {
			return elem
		}
		return ""
	case nArray:
		if typ := t.writtenArrayType(n); typ != "" {
			return typ
		}
		if len(n.list) == 0 {
			return ""
		}
		if elem := t.commonFull(n.list); elem != "" {
			return "ARRAY<" + elem + ">"
		}
		return ""
	case nArraySub:
		if cols, _ := t.queryTypes(n.x); len(cols) >= 1 {
			if b := n.x; b.kind == nQuery && len(b.list) == 1 && b.list[0].kind == nSelect && b.list[0].sel.asStruct {
				if typ := fullStruct(cols); typ != "" {
					return "ARRAY<" + typ + ">"
				}
				return ""
			}
			if len(cols) == 1 && cols[0].full != "" {
				return "ARRAY<" + cols[0].full + ">"
			}
		}
		return ""
	case nStruct:
		return t.structFull(n)
	case nSubquery:
		if n.x == nil {
			break
		}
		if b := n.x; b.kind == nQuery && len(b.list) == 1 && b.list[0].kind == nSelect && b.list[0].sel.asStruct {
			t.scopeAhead(n.x, t.sc)
			cols, _ := t.queryTypes(n.x)
			return fullStruct(cols)
		}
		if typ := t.subqueryColumn(n).full; typ != "" {
			return typ
		}
	case nCast:
		if n.y != nil {
			if typ := BigQueryType(joinText(t.toks[n.y.start:n.y.end])); typ != "" {
				return unparameterized(typ)
			}
		}
		return ""
	case nCall:
		if typ, ok := t.callFull(n); ok {
			return typ
		}
	case nCase:
		return t.commonFull(caseBranches(n))
	}
	typ, num := t.staticType(n), t.numberType(n)
	if typ == TypeList || typ == TypeStruct {
		return ""
	}
	if typ == "" && num == "" && t.bigQueryText(n) {
		return "STRING"
	}
	return flatFull(typ, num)
}

// bigQueryText tells whether n is known to be a STRING: a string
// literal, a concatenation of strings or a function giving text.
func (t *translator) bigQueryText(n *node) bool {
	switch n.kind {
	case nString:
		return true
	case nParen:
		return t.bigQueryText(n.x)
	case nBinary:
		return n.name == "||" && (t.fullType(n.x) == "STRING" || t.fullType(n.y) == "STRING")
	case nCall:
		return len(n.parts) <= 1 && bigQueryTextResults[n.name]
	}
	return false
}

// bigQueryTextResults are BigQuery functions giving a STRING.
var bigQueryTextResults = map[string]bool{
	"concat": true, "lower": true, "upper": true, "trim": true, "ltrim": true, "rtrim": true, "substr": true,
	"substring": true, "replace": true, "regexp_extract": true, "regexp_replace": true, "format": true,
	"to_json_string": true, "format_date": true, "format_timestamp": true, "format_datetime": true,
	"lpad": true, "rpad": true, "left": true, "right": true, "reverse": true, "initcap": true, "repeat": true,
	"json_value": true, "json_extract_scalar": true, "to_hex": true, "to_base64": true, "md5": false,
	"string": true, "array_to_string": true, "split_part": true, "normalize": true, "translate": true,
	"generate_uuid": true, "session_user": true, "net.host": true, "soundex": true, "string_agg": true,
}

// nameFull is the full type of a name: a column, a field of a column
// (s.x.y) or a lateral alias; ok false when the name is none of those
// that is known.
func (t *translator) nameFull(n *node) (string, bool) {
	if len(n.parts) == 1 {
		if e := t.lateralAlias(n, t.sc); e != nil {
			return t.fullType(e.x), true
		}
	}
	c := t.column(n)
	if c.full != "" || c.name != "" {
		return c.full, true
	}
	// a path into a struct column: the longest prefix naming a column
	parts := make([]string, len(n.parts))
	for i, k := range n.parts {
		parts[i] = identName(t.toks[k])
	}
	for k := len(parts) - 1; k >= 1; k-- {
		col := t.columnOfParts(parts[:k])
		if col.full == "" {
			continue
		}
		typ := col.full
		for _, f := range parts[k:] {
			if typ == "JSON" {
				break // a field of JSON is JSON
			}
			if typ = fieldType(typ, f); typ == "" {
				return "", true
			}
		}
		return typ, true
	}
	return "", false
}

// columnOfParts is the column a name of parts refers to, as column reads
// one of n.
func (t *translator) columnOfParts(parts []string) colType {
	switch len(parts) {
	case 1:
		for s := t.sc; s != nil; s = s.parent {
			if s.rels == nil {
				continue
			}
			for _, r := range s.rels {
				cols, _ := t.relTypes(r.from, s)
				for _, c := range cols {
					if c.name == parts[0] {
						return c
					}
				}
			}
		}
	case 2:
		if r := t.sc.findRel(parts[0]); r != nil {
			cols, _ := t.relTypes(r, t.scopeOf(r))
			for _, c := range cols {
				if c.name == parts[1] {
					return c
				}
			}
		}
	}
	return colType{}
}

// commonFull is the full type list shares, NULL literals aside: the
// first known one where the others agree or are not known to differ in
// kind (an INT64 beside a FLOAT64 is a FLOAT64, as BigQuery's supertype).
func (t *translator) commonFull(list []*node) string {
	common := ""
	for _, x := range list {
		if t.isNull(x) {
			continue
		}
		typ := t.fullType(x)
		switch {
		case typ == "":
			return ""
		case common == "" || common == typ:
			common = typ
		case common == "INT64" && (typ == "FLOAT64" || typ == "NUMERIC"), common == "NUMERIC" && typ == "FLOAT64":
			common = typ
		case typ == "INT64" && (common == "FLOAT64" || common == "NUMERIC"), typ == "NUMERIC" && common == "FLOAT64":
		default:
			if merged := mergeStructs(common, typ); merged != "" {
				common = merged
				continue
			}
			return ""
		}
	}
	return common
}

// mergeStructs is the supertype of two STRUCT types or arrays of them of
// as many fields: the first's names, each field's common type.
func mergeStructs(a, b string) string {
	if ea, ok := arrayElement(a); ok {
		if eb, ok := arrayElement(b); ok {
			if m := mergeFull(ea, eb); m != "" {
				return "ARRAY<" + m + ">"
			}
		}
		return ""
	}
	fa, ok1 := typeFields(a)
	fb, ok2 := typeFields(b)
	if !ok1 || !ok2 || len(fa) != len(fb) {
		return ""
	}
	out := make([]bqTypeField, len(fa))
	for i := range fa {
		m := mergeFull(fa[i].typ, fb[i].typ)
		if m == "" {
			return ""
		}
		out[i] = bqTypeField{fa[i].name, m}
	}
	return structType(out)
}

func mergeFull(a, b string) string {
	switch {
	case a == b:
		return a
	case strings.HasPrefix(a, "NUMBER(") || strings.HasPrefix(a, "VARCHAR("):
		return mergeSnowflakeFull(a, b) // Snowflake's declared types
	case a == "INT64" && (b == "FLOAT64" || b == "NUMERIC"), a == "NUMERIC" && b == "FLOAT64":
		return b
	case b == "INT64" && (a == "FLOAT64" || a == "NUMERIC"), b == "NUMERIC" && a == "FLOAT64":
		return a
	}
	return mergeStructs(a, b)
}

// writtenArrayType is the type of ARRAY<T>[...] as written; "" for an
// array literal without one.
func (t *translator) writtenArrayType(n *node) string {
	i := skipSpace(t.toks, n.start)
	if i >= n.end || t.toks[i].kind != kWord || t.toks[i].lower != "array" {
		return ""
	}
	j := skipSpace(t.toks, i+1)
	if j >= n.end || t.toks[j].text != "<" {
		return ""
	}
	for k := j; k < n.end; k++ {
		if t.toks[k].text == "[" {
			return BigQueryType(joinText(t.toks[i:k]))
		}
	}
	return ""
}

// structFull is the full type of STRUCT(...), STRUCT<...>(...) or a
// tuple read as a struct.
func (t *translator) structFull(n *node) string {
	if i := skipSpace(t.toks, n.start); i < n.end && t.toks[i].kind == kWord && t.toks[i].lower == "struct" {
		if j := skipSpace(t.toks, i+1); j < n.end && t.toks[j].text == "<" {
			depth := 0
			for k := j; k < n.end; k++ {
				switch t.toks[k].text {
				case "<":
					depth++
				case ">":
					depth--
				case ">>":
					depth -= 2
				}
				if depth <= 0 {
					return BigQueryType(joinText(t.toks[i : k+1]))
				}
			}
			return ""
		}
	}
	if len(n.names) != len(n.list) {
		return ""
	}
	fields := make([]bqTypeField, len(n.list))
	for i, e := range n.list {
		typ := t.fullType(fieldValue(e))
		if typ == "" {
			return ""
		}
		// named by AS or by the column it reads; a table names an
		// anonymous field _field_N, as it stores it
		name := n.names[i]
		if name == "" {
			name = "_field_" + itoa(i+1)
		}
		fields[i] = bqTypeField{name, typ}
	}
	return structType(fields)
}

// fullStruct is the STRUCT type of the output columns of SELECT AS
// STRUCT; "" when one's type is not known.
func fullStruct(cols []colType) string {
	fields := make([]bqTypeField, len(cols))
	for i, c := range cols {
		if c.full == "" {
			return ""
		}
		fields[i] = bqTypeField{c.name, c.full}
	}
	return structType(fields)
}

// callFull is the full type of a call whose type follows from its
// arguments or is fixed; ok false for other calls.
func (t *translator) callFull(n *node) (string, bool) {
	if len(n.parts) > 1 {
		return "", false
	}
	arg := func(i int) string {
		if i < len(n.list) {
			return t.fullType(n.list[i])
		}
		return ""
	}
	switch n.name {
	case "array_agg":
		if len(n.list) >= 1 {
			if elem := arg(0); elem != "" && !strings.HasPrefix(elem, "ARRAY<") {
				return "ARRAY<" + elem + ">", true
			}
		}
		return "", true
	case "array_concat_agg":
		if typ := arg(0); strings.HasPrefix(typ, "ARRAY<") {
			return typ, true
		}
		return "", true
	case "array_concat":
		return t.commonFull(n.list), true
	case "array_reverse", "array_slice":
		if typ := arg(0); strings.HasPrefix(typ, "ARRAY<") {
			return typ, true
		}
		return "", true
	case "split":
		if typ := arg(0); typ == "BYTES" {
			return "ARRAY<BYTES>", true
		}
		return "ARRAY<STRING>", true
	case "regexp_extract_all", "json_extract_array", "json_query_array", "json_value_array", "json_extract_string_array":
		if n.name == "regexp_extract_all" && arg(0) == "BYTES" {
			return "ARRAY<BYTES>", true
		}
		if n.name == "json_extract_array" || n.name == "json_query_array" {
			if arg(0) == "JSON" {
				return "ARRAY<JSON>", true
			}
		}
		return "ARRAY<STRING>", true
	case "generate_array":
		if elem := t.commonFull(n.list[:min(2, len(n.list))]); elem != "" {
			return "ARRAY<" + elem + ">", true
		}
		return "", true
	case "generate_date_array":
		return "ARRAY<DATE>", true
	case "generate_timestamp_array":
		return "ARRAY<TIMESTAMP>", true
	case "coalesce", "ifnull", "any_value", "min", "max", "first_value", "last_value", "nth_value", "lag", "lead":
		if n.name == "coalesce" || n.name == "ifnull" {
			return t.commonFull(n.list), true
		}
		return arg(0), true
	case "if":
		if len(n.list) == 3 {
			return t.commonFull(n.list[1:]), true
		}
	case "nullif":
		return arg(0), true
	case "array_length", "array_length_safe":
		return "INT64", true
	case "to_json_string":
		return "STRING", true
	}
	return "", false
}

// unnestTypes are the columns of BigQuery's UNNEST(array) with their
// types, from the array's element type: the element named by the alias
// (or u(x)), a struct element's fields (read as names of the SELECT), and
// WITH OFFSET's INT64; complete false where the fields are not all known.
func (t *translator) unnestTypes(f *fromInfo, sc *scope) ([]colType, bool) {
	if t.d != BigQuery || f.flatten || f.expr == nil {
		return nil, false
	}
	if t.unnestTyping == nil {
		t.unnestTyping = map[*fromInfo]bool{}
	}
	if t.unnestTyping[f] {
		// the array itself names no row of its own UNNEST: its columns
		// are an enclosing relation's
		return nil, true
	}
	t.unnestTyping[f] = true
	defer delete(t.unnestTyping, f)
	saved := t.sc
	t.sc = sc
	arr := f.expr
	if arr.kind == nCall && arr.name == "unnest" && len(arr.list) == 1 {
		arr = arr.list[0]
	}
	elem, _ := arrayElement(t.fullType(arr))
	t.sc = saved
	if elem == "" {
		return nil, false
	}
	var out []colType
	col := func(name, full string) colType {
		typ, num := fullStatic(full)
		return colType{name: strings.ToLower(name), typ: typ, num: num, full: full}
	}
	fields, isStruct := typeFields(elem)
	switch {
	case f.fields != nil || f.implicit:
		if !isStruct {
			return nil, false
		}
		for _, fl := range fields {
			if fl.name != "" {
				out = append(out, col(fl.name, fl.typ))
			}
		}
	case len(f.columns) == 1:
		out = append(out, col(f.columns[0], elem))
	case isStruct:
		// a value table's rows: its fields are names (and its columns
		// under *), u.x reads one
		for _, fl := range fields {
			if fl.name != "" {
				out = append(out, col(fl.name, fl.typ))
			}
		}
	default:
		out = append(out, col(f.aliasOrName(), elem))
	}
	if f.offsetNode != nil && f.offset != "" {
		out = append(out, col(f.offset, "INT64"))
	}
	return out, false
}

// BigQueryColumnType is the full BigQuery type of a column of flat static
// type static whose values SQLite stores as storage (INTEGER, REAL, TEXT):
// a seed's column as dbt-bigquery loads it; "" when not known.
func BigQueryColumnType(static, storage string) string {
	num := ""
	if n, ok := strings.CutPrefix(static, typeNumber); ok {
		static, num = "", n
	}
	if full := flatFull(static, num); full != "" || static != "" {
		return full
	}
	return map[string]string{"INTEGER": "INT64", "REAL": "FLOAT64", "TEXT": "STRING"}[strings.ToUpper(storage)]
}

// nameByType names the fields of STRUCT(...) literals e holds as full
// type typ names them: BigQuery coerces a value to the type it is
// declared to have, so ARRAY<STRUCT<key STRING, value STRUCT<n INT64>>>
// [STRUCT('a', STRUCT(1))] holds {key: a, value: {n: 1}}.
func nameByType(e *node, typ string) {
	if e == nil || typ == "" {
		return
	}
	switch e.kind {
	case nParen:
		nameByType(e.x, typ)
	case nArray:
		if elem, ok := arrayElement(typ); ok {
			for _, x := range e.list {
				nameByType(x, elem)
			}
		}
	case nTuple, nStruct:
		fields, ok := typeFields(typ)
		if !ok || len(fields) != len(e.list) {
			return
		}
		if e.kind == nTuple {
			// (2, 'y') where a STRUCT goes is one
			e.kind, e.x = nStruct, nil
			e.names = make([]string, len(e.list))
		}
		if len(e.names) != len(e.list) {
			return
		}
		for i, f := range fields {
			if f.name != "" {
				e.names[i] = f.name
			}
			nameByType(fieldValue(e.list[i]), f.typ)
		}
	}
}

// nestedCastable tells whether BigQuery casts a value of full type from
// to full type to (ARRAY<...> or STRUCT<...>): an ARRAY to the same ARRAY
// type only (its structs' field names aside), where an array literal's
// elements may cast (literal is set), a STRUCT to a STRUCT of as many
// fields, each castable to the field in its place.
func nestedCastable(from, to string, literal bool) bool {
	from, to = unparameterized(from), unparameterized(to)
	if elem, ok := arrayElement(to); ok {
		fromElem, ok := arrayElement(from)
		if !ok {
			return false
		}
		if literal {
			return Nested(fromElem) == Nested(elem) && (!Nested(elem) || nestedCastable(fromElem, elem, false))
		}
		return typeShape(fromElem) == typeShape(elem)
	}
	if fields, ok := typeFields(to); ok {
		fromFields, ok := typeFields(from)
		if !ok || len(fromFields) != len(fields) {
			return false
		}
		for i, f := range fields {
			ft := fromFields[i].typ
			if Nested(ft) || Nested(f.typ) {
				if !nestedCastable(ft, f.typ, false) {
					return false
				}
			}
		}
		return true
	}
	return !Nested(from)
}

// typeShape is full type typ without its field names and parameters, by
// which BigQuery tells two types equivalent.
func typeShape(typ string) string {
	typ = unparameterized(typ)
	if elem, ok := arrayElement(typ); ok {
		return "ARRAY<" + typeShape(elem) + ">"
	}
	if fields, ok := typeFields(typ); ok {
		parts := make([]string, len(fields))
		for i, f := range fields {
			parts[i] = typeShape(f.typ)
		}
		return "STRUCT<" + strings.Join(parts, ", ") + ">"
	}
	return typ
}
