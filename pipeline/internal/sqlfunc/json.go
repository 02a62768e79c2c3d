package sqlfunc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// JSON: documents are text; a path picks one value (BigQuery's JSONPath
// `$.a.b[0]`, `$['a.b']`, `$."a.b"`; Snowflake's `a.b[0]`, no `$`). A
// document that is not valid JSON gives NULL, as the warehouses' JSON
// functions on strings do; a bad path is an error.

// step is one step of a path: a member name, or an array index when isIndex.
type step struct {
	name    string
	index   int
	isIndex bool
}

var paths, dollarPaths boundedCache[[]step]

// parseDollarPath reads a path that must start with $ (BigQuery, DuckDB).
func parseDollarPath(p string) ([]step, error) {
	if !strings.HasPrefix(p, "$") {
		return nil, fmt.Errorf("invalid JSON path %q: a path starts with $, as in $.name", p)
	}
	return parsePath(p)
}

func parsePath(p string) ([]step, error) {
	var steps []step
	i := 0
	if strings.HasPrefix(p, "$") {
		i = 1
	} else if p != "" && p[0] != '[' && p[0] != '.' {
		// Snowflake: a path starts with a name.
		n, end, err := pathName(p, 0)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{name: n})
		i = end
	}
	for i < len(p) {
		switch p[i] {
		case '.':
			n, end, err := pathName(p, i+1)
			if err != nil {
				return nil, err
			}
			steps = append(steps, step{name: n})
			i = end
		case '[':
			end := strings.IndexByte(p[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("invalid JSON path %q: [ without ]", p)
			}
			inner := strings.TrimSpace(p[i+1 : i+end])
			if len(inner) >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[len(inner)-1] == inner[0] {
				steps = append(steps, step{name: inner[1 : len(inner)-1]})
			} else if n, err := strconv.Atoi(inner); err == nil && n >= 0 {
				steps = append(steps, step{index: n, isIndex: true})
			} else {
				return nil, fmt.Errorf("invalid JSON path %q: [%s] is neither an index nor a quoted name", p, inner)
			}
			i += end + 1
		default:
			return nil, fmt.Errorf("invalid JSON path %q: unexpected %q at %d", p, p[i], i+1)
		}
	}
	return steps, nil
}

// pathName reads a member name at p[i:]: "quoted" or up to . or [.
func pathName(p string, i int) (string, int, error) {
	if i < len(p) && p[i] == '"' {
		end := strings.IndexByte(p[i+1:], '"')
		if end < 0 {
			return "", 0, fmt.Errorf("invalid JSON path %q: unclosed quote", p)
		}
		return p[i+1 : i+1+end], i + end + 2, nil
	}
	j := i
	for j < len(p) && p[j] != '.' && p[j] != '[' {
		j++
	}
	if j == i {
		return "", 0, fmt.Errorf("invalid JSON path %q: empty member name at %d", p, i+1)
	}
	return p[i:j], j, nil
}

// lookup returns the raw JSON of the value at path in doc, or nil when the
// document is not JSON or has no such value.
func lookup(doc []byte, path []step) []byte {
	if !json.Valid(doc) {
		return nil
	}
	v := doc[skipSpace(doc, 0):]
	for _, s := range path {
		v = child(v, s)
		if v == nil {
			return nil
		}
	}
	return v[:skipValue(v, 0)]
}

func skipSpace(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just past the valid JSON value at d[i:].
func skipValue(d []byte, i int) int {
	switch d[i] {
	case '"':
		return skipString(d, i)
	case '{', '[':
		depth := 0
		for ; i < len(d); i++ {
			switch d[i] {
			case '"':
				i = skipString(d, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	for ; i < len(d); i++ {
		switch d[i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return i
		}
	}
	return i
}

func skipString(d []byte, i int) int {
	for i++; i < len(d); i++ {
		switch d[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// child returns the raw JSON from the value s picks in v to the end of v.
func child(v []byte, s step) []byte {
	if len(v) == 0 {
		return nil
	}
	if s.isIndex {
		if v[0] != '[' {
			return nil
		}
		i := skipSpace(v, 1)
		for n := 0; i < len(v) && v[i] != ']'; n++ {
			if n == s.index {
				return v[i:]
			}
			i = skipSpace(v, skipValue(v, i))
			if i < len(v) && v[i] == ',' {
				i = skipSpace(v, i+1)
			}
		}
		return nil
	}
	if v[0] != '{' {
		return nil
	}
	i := skipSpace(v, 1)
	for i < len(v) && v[i] == '"' {
		end := skipString(v, i)
		key := v[i+1 : end-1]
		match := string(key) == s.name
		if !match && bytes.IndexByte(key, '\\') >= 0 {
			var k string
			if json.Unmarshal(v[i:end], &k) == nil {
				match = k == s.name
			}
		}
		i = skipSpace(v, end)
		i = skipSpace(v, i+1) // the colon
		if match {
			return v[i:]
		}
		i = skipSpace(v, skipValue(v, i))
		if i < len(v) && v[i] == ',' {
			i = skipSpace(v, i+1)
		}
	}
	return nil
}

// jsonArgs reads the document and the path (argument 1, "$" when absent).
func jsonArgs(ctx sqlite3.Context, fn string, args []sqlite3.Value, dollar bool) (raw []byte, ok bool) {
	if len(args) < 1 || len(args) > 2 {
		fail(ctx, fn, "takes a JSON value and a JSON path")
		return nil, false
	}
	if anyNull(args) {
		ctx.ResultNull()
		return nil, false
	}
	var path []step
	if len(args) == 2 {
		var err error
		if dollar {
			path, err = compiled(ctx, 1, args[1].Text(), &dollarPaths, parseDollarPath)
		} else {
			path, err = compiled(ctx, 1, args[1].Text(), &paths, parsePath)
		}
		if err != nil {
			fail(ctx, fn, "%v", err)
			return nil, false
		}
	}
	return jsonAt(ctx, args[0], path)
}

// jsonAt returns the raw JSON at path in doc; when doc is not JSON or has
// no such value it makes the result NULL and reports false.
func jsonAt(ctx sqlite3.Context, doc sqlite3.Value, path []step) ([]byte, bool) {
	raw := lookup(doc.RawText(), path)
	if raw == nil {
		ctx.ResultNull()
		return nil, false
	}
	return raw, true
}

// jsonArrayArgs reads the document and path as jsonArgs does and returns
// the elements of the array there; anything else makes the result NULL.
func jsonArrayArgs(ctx sqlite3.Context, fn string, args []sqlite3.Value) ([][]byte, bool) {
	raw, ok := jsonArgs(ctx, fn, args, true)
	if !ok {
		return nil, false
	}
	items, ok := elements(raw)
	if !ok {
		ctx.ResultNull()
		return nil, false
	}
	return items, true
}

// resultTextArray returns texts as a JSON array of strings.
func resultTextArray(ctx sqlite3.Context, texts [][]byte) {
	var b strings.Builder
	writeJSONStrings(&b, texts)
	ctx.ResultText(b.String())
	ctx.ResultSubtype(jsonSubtype)
}

// resultJSON returns raw JSON as compact text marked as JSON.
func resultJSON(ctx sqlite3.Context, raw []byte) {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}

// scalarText is a scalar's text: a string unquoted, a number or boolean as
// written; ok is false for null, objects and arrays.
func scalarText(raw []byte) (string, bool) {
	switch raw[0] {
	case '{', '[', 'n':
		return "", false
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1]), true
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	}
	return string(raw), true
}

func init() {
	add(
		Func{Name: "json_query_text", NArgs: -1, Scalar: jsonQueryText},
		Func{Name: "json_value_text", NArgs: -1, Scalar: jsonValueText},
		Func{Name: "json_query_array", NArgs: -1, Scalar: jsonQueryArray},
		Func{Name: "json_value_array", NArgs: -1, Scalar: jsonValueArray},
		Func{Name: "json_get_json", NArgs: -1, Scalar: jsonGetJSON},
		Func{Name: "json_get_text", NArgs: -1, Scalar: jsonGetText},
		Func{Name: "json_get_member", NArgs: 2, Scalar: jsonGetMember},
	)
	// json_query_text(doc[, path]): the JSON text at path, compact; NULL
	// when it is missing or JSON null (BigQuery's JSON_QUERY on a string).
	for _, n := range []string{"json_extract", "json_query"} {
		rename("json_query_text", n, "bigquery")
	}
	// json_value_text(doc[, path]): the scalar at path as text; NULL for
	// null, objects and arrays.
	for _, n := range []string{"json_extract_scalar", "json_value"} {
		rename("json_value_text", n, "bigquery")
	}
	// json_query_array(doc[, path]): the array at path as a JSON array of
	// the JSON text of each element (BigQuery's ARRAY<JSON-formatted STRING>).
	for _, n := range []string{"json_extract_array", "json_query_array"} {
		rename("json_query_array", n, "bigquery")
	}
	// json_value_array(doc[, path]): the array of scalars at path as a JSON
	// array of text; NULL if an element is an object or array.
	for _, n := range []string{"json_extract_string_array", "json_value_array"} {
		rename("json_value_array", n, "bigquery")
	}
	// json_get_json(doc, path): the JSON text at path, JSON null kept as
	// null (DuckDB's json_extract, Snowflake's GET_PATH on a variant).
	rename("json_get_json_duckdb", "json_extract", "duckdb")
	rename("json_get_json_duckdb", "json_extract_path", "duckdb")
	rename("json_get_json", "get_path", "snowflake")
	// json_get_member(doc, key or index): Snowflake's GET, one member by
	// its whole name (dots included) or one element by index.
	rename("json_get_member", "get", "snowflake")
	// json_get_text(doc, path): a scalar as text, an object or array as
	// JSON text, NULL for null (DuckDB's json_extract_string and ->>,
	// Snowflake's JSON_EXTRACT_PATH_TEXT).
	rename("json_get_text", "json_extract_path_text", "snowflake")
	// DuckDB's extractions fail on text that is not JSON ("Malformed
	// JSON"), where the others give NULL: json_get_text_duckdb and
	// json_get_json_duckdb (the translator writes ->> as the former).
	add(
		Func{Name: "json_get_text_duckdb", NArgs: -1, Scalar: duckJSON("json_extract_string", jsonGetText)},
		Func{Name: "json_get_json_duckdb", NArgs: -1, Scalar: duckJSON("json_extract", jsonGetJSON)},
	)
	rename("json_get_text_duckdb", "json_extract_string", "duckdb")
	rename("json_get_text_duckdb", "json_extract_path_text", "duckdb")
	// Snowflake's PARSE_JSON checks and keeps JSON text: SQLite's json().
	rename("json", "parse_json", "snowflake", "bigquery")
	// json_or_null(x): x's JSON text without spaces, its objects' keys
	// sorted, NULL where x is not JSON (BigQuery's SAFE.PARSE_JSON).
	add(Func{Name: "json_or_null", NArgs: 1, Scalar: jsonOrNull})
	// json_or_null(x, mode): SAFE.PARSE_JSON(x, wide_number_mode => mode),
	// whose numbers are kept as written either way
	add(Func{Name: "json_or_null", NArgs: 2, Scalar: jsonOrNull})
	rename("json", "try_parse_json", "snowflake")
}

func jsonQueryText(ctx sqlite3.Context, args ...sqlite3.Value) {
	raw, ok := jsonArgs(ctx, "JSON_QUERY", args, true)
	if !ok {
		return
	}
	if raw[0] == 'n' {
		ctx.ResultNull()
		return
	}
	resultJSON(ctx, raw)
}

func jsonValueText(ctx sqlite3.Context, args ...sqlite3.Value) {
	raw, ok := jsonArgs(ctx, "JSON_VALUE", args, true)
	if !ok {
		return
	}
	s, ok := scalarText(raw)
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(s)
}

// elements returns the raw JSON of each element of the array raw.
func elements(raw []byte) ([][]byte, bool) {
	if raw[0] != '[' {
		return nil, false
	}
	var out [][]byte
	i := skipSpace(raw, 1)
	for i < len(raw) && raw[i] != ']' {
		end := skipValue(raw, i)
		out = append(out, raw[i:end])
		i = skipSpace(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i = skipSpace(raw, i+1)
		}
	}
	return out, true
}

func jsonQueryArray(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := jsonArrayArgs(ctx, "JSON_QUERY_ARRAY", args)
	if !ok {
		return
	}
	texts := make([][]byte, len(items))
	for i, it := range items {
		var c bytes.Buffer
		json.Compact(&c, it)
		texts[i] = c.Bytes()
	}
	resultTextArray(ctx, texts)
}

func jsonValueArray(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := jsonArrayArgs(ctx, "JSON_VALUE_ARRAY", args)
	if !ok {
		return
	}
	var b strings.Builder
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		if it[0] == 'n' {
			b.WriteString("null")
			continue
		}
		s, ok := scalarText(it)
		if !ok {
			ctx.ResultNull()
			return
		}
		writeJSONString(&b, []byte(s))
	}
	b.WriteByte(']')
	ctx.ResultText(b.String())
	ctx.ResultSubtype(jsonSubtype)
}

func jsonGetMember(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := step{name: args[1].Text()}
	if args[1].Type() == sqlite3.INTEGER {
		s = step{index: int(args[1].Int64()), isIndex: true}
	}
	if s.index < 0 {
		ctx.ResultNull()
		return
	}
	if raw, ok := jsonAt(ctx, args[0], []step{s}); ok {
		resultJSON(ctx, raw)
	}
}

func jsonGetJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	if p, ok := wildcardPath(args); ok {
		jsonWildcard(ctx, "json_extract", args, p, false)
		return
	}
	raw, ok := jsonArgs(ctx, "json_extract", args, false)
	if !ok {
		return
	}
	resultJSON(ctx, raw)
}

func jsonGetText(ctx sqlite3.Context, args ...sqlite3.Value) {
	if p, ok := wildcardPath(args); ok {
		jsonWildcard(ctx, "json_extract_string", args, p, true)
		return
	}
	raw, ok := jsonArgs(ctx, "json_extract_string", args, false)
	if !ok {
		return
	}
	switch raw[0] {
	case 'n':
		ctx.ResultNull()
	case '{', '[':
		resultJSON(ctx, raw)
	default:
		s, _ := scalarText(raw)
		ctx.ResultText(s)
	}
}

// duckJSON is f failing, as DuckDB fails, when the document is text that
// is not JSON.
func duckJSON(name string, f func(sqlite3.Context, ...sqlite3.Value)) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if len(args) > 0 && args[0].Type() == sqlite3.TEXT && !json.Valid(args[0].RawText()) {
			doc := args[0].Text()
			if len(doc) > 40 {
				doc = doc[:40] + "..."
			}
			fail(ctx, strings.ToUpper(name), "malformed JSON %q, which DuckDB refuses (test it first: CASE WHEN json_valid(x) THEN ... END)", doc)
			return
		}
		f(ctx, args...)
	}
}

func jsonOrNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	// a BigQuery JSON value: keys sorted, as json_canonical writes it
	out, ok := sortedJSONOf(args[0].RawText(), true)
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultRawText(out)
	ctx.ResultSubtype(jsonSubtype)
}
