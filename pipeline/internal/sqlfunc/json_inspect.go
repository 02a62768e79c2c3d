package sqlfunc

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's functions that look at a JSON value: JSON_TYPE, JSON_KEYS,
// STRING(json), JSON_STRIP_NULLS, and TO_JSON, which makes one. A JSON value is JSON text;
// a field read with json.a arrives as SQLite reads it with json_extract
// (numbers as numbers, a string as its text, without quotes).

func init() {
	add(
		Func{Name: "json_type_of", NArgs: 1, Scalar: jsonTypeOf},
		Func{Name: "json_keys_of", NArgs: -1, Scalar: jsonKeysOf},
		Func{Name: "to_json_value", NArgs: -1, Scalar: toJSONValue},
		Func{Name: "json_strip_nulls", NArgs: -1, Scalar: jsonStripNulls},
		Func{Name: "json_type_duckdb", NArgs: -1, Scalar: jsonTypeDuckDB},
	)
	rename("json_type_duckdb", "json_type", "duckdb")
	rename("json_type_of", "json_type", "bigquery")
	rename("json_keys_of", "json_keys", "bigquery")
	rename("to_json_value", "to_json", "bigquery")
}

// jsonValueOf reads v as JSON: JSON text as it is, a number as a number,
// and text that is not JSON (a string field read with json.a) as a string.
func jsonValueOf(v sqlite3.Value) []byte {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return []byte(v.Text())
	}
	raw := bytes.TrimSpace(v.RawText())
	if v.Subtype() == jsonSubtype || json.Valid(raw) {
		return raw
	}
	b, _ := json.Marshal(v.Text())
	return b
}

// jsonTypeOf is JSON_TYPE(json): object, array, string, number, boolean
// or null (SQLite's json_type says integer, real, true, false, text).
func jsonTypeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	raw := jsonValueOf(args[0])
	if len(raw) == 0 {
		fail(ctx, "JSON_TYPE", "the value is empty, not JSON")
		return
	}
	switch raw[0] {
	case '{':
		ctx.ResultText("object")
	case '[':
		ctx.ResultText("array")
	case '"':
		ctx.ResultText("string")
	case 't', 'f':
		ctx.ResultText("boolean")
	case 'n':
		ctx.ResultText("null")
	default:
		ctx.ResultText("number")
	}
}

// jsonTypeDuckDB is DuckDB's json_type(json[, path]): OBJECT, ARRAY,
// VARCHAR, BOOLEAN, NULL for a JSON null, and for a number the type DuckDB
// reads it as: UBIGINT for a whole number from 0, BIGINT for a negative
// one, DOUBLE for one with a point or an exponent or beyond 64 bits. NULL
// where the path finds nothing; text that is not JSON fails, as there.
func jsonTypeDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "json_type"
	if len(args) >= 1 && args[0].Type() == sqlite3.TEXT && !json.Valid(args[0].RawText()) {
		fail(ctx, fn, "%q is not JSON", args[0].Text())
		return
	}
	raw, ok := jsonArgs(ctx, fn, args, false)
	if !ok {
		return
	}
	switch raw[0] {
	case '{':
		ctx.ResultText("OBJECT")
	case '[':
		ctx.ResultText("ARRAY")
	case '"':
		ctx.ResultText("VARCHAR")
	case 't', 'f':
		ctx.ResultText("BOOLEAN")
	case 'n':
		ctx.ResultText("NULL")
	default:
		n := string(raw)
		switch {
		case strings.ContainsAny(n, ".eE"):
			ctx.ResultText("DOUBLE")
		case n[0] == '-':
			if _, err := strconv.ParseInt(n, 10, 64); err == nil {
				ctx.ResultText("BIGINT")
			} else {
				ctx.ResultText("DOUBLE")
			}
		default:
			if _, err := strconv.ParseUint(n, 10, 64); err == nil {
				ctx.ResultText("UBIGINT")
			} else {
				ctx.ResultText("DOUBLE")
			}
		}
	}
}

// jsonKeysOf is JSON_KEYS(json[, max_depth[, mode]]): the distinct keys of
// the objects in json, sorted, a nested key written after its parent's
// with a dot (a, a.b), down to max_depth levels (all when NULL). Mode
// 'strict' (the default) does not look into arrays, 'lax' looks into an
// array of objects, 'lax recursive' into arrays in arrays too.
func jsonKeysOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "JSON_KEYS"
	if len(args) < 1 || len(args) > 3 {
		fail(ctx, fn, "takes a JSON value, an optional max_depth and an optional mode ('strict', 'lax' or 'lax recursive')")
		return
	}
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	depth := int64(-1)
	if len(args) > 1 && args[1].Type() != sqlite3.NULL {
		n, ok := integer(args[1])
		if !ok || n < 1 {
			fail(ctx, fn, "max_depth must be a positive integer, not %s", args[1].Text())
			return
		}
		depth = n
	}
	arrays := 0 // how many levels of arrays the keys are looked for in
	if len(args) > 2 {
		if args[2].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		switch strings.Join(strings.Fields(strings.ToLower(args[2].Text())), " ") {
		case "strict":
		case "lax":
			arrays = 1
		case "lax recursive":
			arrays = -1
		default:
			fail(ctx, fn, "the mode must be 'strict', 'lax' or 'lax recursive', not %q", args[2].Text())
			return
		}
	}
	dec := json.NewDecoder(bytes.NewReader(jsonValueOf(args[0])))
	seen := map[string]bool{}
	if err := collectKeys(dec, "", 0, depth, arrays, 0, seen); err != nil {
		fail(ctx, fn, "the value is not JSON: %v", err)
		return
	}
	keys := make([][]byte, 0, len(seen))
	for k := range seen {
		keys = append(keys, []byte(k))
	}
	slices.SortFunc(keys, bytes.Compare)
	resultTextArray(ctx, keys)
}

// collectKeys reads the next value of dec, adding the keys of its objects
// under prefix at level (0 for the top) to seen; inArrays counts the
// arrays around the value since its last object.
func collectKeys(dec *json.Decoder, prefix string, level, depth int64, arrays, inArrays int, seen map[string]bool) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	switch d {
	case '{':
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			key := prefix + keyName(t.(string))
			look := depth < 0 || level < depth
			if look {
				seen[key] = true
			}
			next := key + "."
			if !look {
				next = ""
			}
			if err := collectKeys(dec, next, level+1, depth, arrays, 0, seen); err != nil {
				return err
			}
		}
	case '[':
		for dec.More() {
			// a skipped array's objects still have to be read past
			skip := arrays >= 0 && inArrays >= arrays
			if skip {
				var x json.RawMessage
				if err := dec.Decode(&x); err != nil {
					return err
				}
				continue
			}
			if err := collectKeys(dec, prefix, level, depth, arrays, inArrays+1, seen); err != nil {
				return err
			}
		}
	}
	_, err = dec.Token() // the closing } or ]
	if err == io.EOF {
		err = nil
	}
	return err
}

// keyName writes a key as JSON_KEYS does: quoted when it is not a plain
// name, so a dot inside it is not read as nesting.
func keyName(k string) string {
	for _, r := range k {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return strconv.Quote(k)
		}
	}
	return k
}

// toJSONValue is BigQuery's TO_JSON(value): the value as JSON, marked as
// JSON so that it nests; NULL is JSON null.
func toJSONValue(ctx sqlite3.Context, args ...sqlite3.Value) {
	if len(args) < 1 || len(args) > 2 {
		fail(ctx, "TO_JSON", "takes a value and an optional stringify_wide_numbers => BOOL")
		return
	}
	toJSONString(ctx, args[0])
	ctx.ResultSubtype(jsonSubtype)
}

// stringOfJSON is STRING(json) for a JSON value: the string, unquoted; a
// value of another JSON type fails. ok is false when v is no JSON value.
func stringOfJSON(ctx sqlite3.Context, v sqlite3.Value) (ok bool) {
	if v.Subtype() != jsonSubtype {
		return false
	}
	raw := bytes.TrimSpace(v.RawText())
	var s string
	if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
		fail(ctx, "STRING", "the JSON value %s is not a string", truncate(string(raw)))
		return true
	}
	ctx.ResultText(s)
	return true
}

// jsonStripNulls is JSON_STRIP_NULLS(json[, path[, include_arrays[,
// remove_empty]]]): the JSON without the null members of its objects,
// nor, when include_arrays (the default), the null elements of its
// arrays; with remove_empty, objects and arrays left empty go too, and a
// value left with nothing is JSON null. Only the path '$' is taken.
func jsonStripNulls(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "JSON_STRIP_NULLS"
	if len(args) < 1 || len(args) > 4 {
		fail(ctx, fn, "takes a JSON value, an optional JSONPath and the options include_arrays and remove_empty")
		return
	}
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	if len(args) > 1 && args[1].Type() != sqlite3.NULL && strings.TrimSpace(args[1].Text()) != "$" {
		fail(ctx, fn, "only the path '$' (the whole value) is supported, not %q", args[1].Text())
		return
	}
	option := func(i int, def bool) bool {
		if len(args) <= i || args[i].Type() == sqlite3.NULL {
			return def
		}
		b, _ := truth(args[i])
		return b
	}
	arrays, empty := option(2, true), option(3, false)
	// members keep their order: objects are read as ordered pairs
	dec := json.NewDecoder(bytes.NewReader(jsonValueOf(args[0])))
	dec.UseNumber()
	v, err := readOrdered(dec)
	if err != nil {
		fail(ctx, fn, "the value is not JSON: %v", err)
		return
	}
	v, keep := stripNulls(v, arrays, empty)
	if !keep {
		v = nil
	}
	var b bytes.Buffer
	writeOrdered(&b, v)
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}

// orderedObject is a JSON object with its members in order.
type orderedObject struct {
	keys []string
	vals []any
}

// readOrdered reads the next JSON value: objects as *orderedObject,
// arrays as []any, numbers as json.Number.
func readOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if d == '[' {
		items := []any{}
		for dec.More() {
			v, err := readOrdered(dec)
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		_, err := dec.Token()
		return items, err
	}
	obj := &orderedObject{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, err
		}
		v, err := readOrdered(dec)
		if err != nil {
			return nil, err
		}
		obj.keys = append(obj.keys, k.(string))
		obj.vals = append(obj.vals, v)
	}
	_, err = dec.Token()
	return obj, err
}

// writeOrdered writes v as JSON, objects in their key order and a number
// as a JSON value writes it (2.50 is 2.5).
func writeOrdered(b *bytes.Buffer, v any) { writeJSON(b, v, writeNumberValue) }

// writeJSON writes v as JSON, objects in their key order, each number
// through number.
func writeJSON(b *bytes.Buffer, v any, number func(*bytes.Buffer, json.Number)) {
	switch v := v.(type) {
	case *orderedObject:
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			writeJSON(b, v.vals[i], number)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, x, number)
		}
		b.WriteByte(']')
	case json.Number:
		number(b, v)
	default:
		out, _ := json.Marshal(v)
		b.Write(out)
	}
}

// writeNumberValue writes a number as a JSON value writes it: 2.50 is 2.5.
func writeNumberValue(b *bytes.Buffer, v json.Number) {
	if _, err := v.Int64(); err != nil {
		if f, err := v.Float64(); err == nil {
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
			return
		}
	}
	b.WriteString(v.String())
}

// stripNulls removes nulls from v; keep is false when v itself goes (a
// null, or with empty an object or array left empty).
func stripNulls(v any, arrays, empty bool) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case *orderedObject:
		out := &orderedObject{}
		for i, k := range x.keys {
			if y, keep := stripNulls(x.vals[i], arrays, empty); keep {
				out.keys = append(out.keys, k)
				out.vals = append(out.vals, y)
			}
		}
		return out, !(empty && len(out.keys) == 0)
	case []any:
		if !arrays {
			return x, !(empty && len(x) == 0)
		}
		out := []any{}
		for _, e := range x {
			if y, keep := stripNulls(e, arrays, empty); keep {
				out = append(out, y)
			}
		}
		return out, !(empty && len(out) == 0)
	}
	return v, true
}
