package sqlfunc

import (
	"bytes"
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's JSON_ARRAY_APPEND(json, path, value[, path, value ...][,
// append_each_element]) and JSON_ARRAY_INSERT: the value added at the end
// of the array at path (inserted before the element at path). An array
// value adds each of its elements unless append_each_element (or
// insert_each_element) is FALSE; a JSON null at the path becomes an array
// (APPEND); a path that reaches no array leaves the JSON as it is. An
// array value here is JSON text made in the same expression.

func init() {
	add(Func{Name: "json_array_append", NArgs: -1, Scalar: jsonArrayEdit("JSON_ARRAY_APPEND", false)},
		Func{Name: "json_array_insert", NArgs: -1, Scalar: jsonArrayEdit("JSON_ARRAY_INSERT", true)})
}

func jsonArrayEdit(fn string, insert bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if len(args) < 3 {
			fail(ctx, fn, "takes a JSON value and pairs of a JSONPath and a value, and an optional each-element flag")
			return
		}
		each, pairs := true, args[1:]
		if len(pairs)%2 == 1 {
			last := pairs[len(pairs)-1]
			each, _ = truth(last)
			if last.Type() == sqlite3.NULL {
				each = true
			}
			pairs = pairs[:len(pairs)-1]
		}
		if args[0].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		dec := json.NewDecoder(bytes.NewReader(jsonValueOf(args[0])))
		dec.UseNumber()
		doc, err := readOrdered(dec)
		if err != nil {
			fail(ctx, fn, "the value is not JSON: %v", err)
			return
		}
		for i := 0; i+1 < len(pairs); i += 2 {
			if pairs[i].Type() == sqlite3.NULL {
				ctx.ResultNull()
				return
			}
			path, err := parseDollarPath(pairs[i].Text())
			if err != nil {
				fail(ctx, fn, "%v", err)
				return
			}
			vals, err := editValues(pairs[i+1], each)
			if err != nil {
				fail(ctx, fn, "%v", err)
				return
			}
			doc = editAt(doc, path, vals, insert)
		}
		var b bytes.Buffer
		writeOrdered(&b, doc)
		ctx.ResultRawText(b.Bytes())
		ctx.ResultSubtype(jsonSubtype)
	}
}

// editValues are the JSON values a call adds: the elements of an array
// value when each, else the value itself.
func editValues(v sqlite3.Value, each bool) ([]any, error) {
	dec := json.NewDecoder(bytes.NewReader(valueJSON(v)))
	dec.UseNumber()
	x, err := readOrdered(dec)
	if err != nil {
		return nil, err
	}
	if arr, ok := x.([]any); ok && each && v.Subtype() == jsonSubtype {
		return arr, nil
	}
	return []any{x}, nil
}

// editAt adds vals to the array at path in doc: at its end, or with
// insert before the index the path's last step names (past the end: at
// the end).
func editAt(doc any, path []step, vals []any, insert bool) any {
	if insert {
		if len(path) == 0 || !path[len(path)-1].isIndex {
			return doc // an insert names the position in an array
		}
		last := path[len(path)-1]
		return editPath(doc, path[:len(path)-1], func(v any) any {
			arr, ok := v.([]any)
			if !ok || last.index < 0 {
				return v
			}
			at := min(last.index, len(arr))
			out := append(append(append([]any{}, arr[:at]...), vals...), arr[at:]...)
			return out
		})
	}
	return editPath(doc, path, func(v any) any {
		switch arr := v.(type) {
		case nil:
			return append([]any{}, vals...)
		case []any:
			return append(append([]any{}, arr...), vals...)
		}
		return v
	})
}

// editPath replaces the value at path by what edit makes of it; a path
// that reaches nothing leaves doc as it is.
func editPath(doc any, path []step, edit func(any) any) any {
	if len(path) == 0 {
		return edit(doc)
	}
	s := path[0]
	switch v := doc.(type) {
	case []any:
		if !s.isIndex || s.index < 0 || s.index >= len(v) {
			return doc
		}
		out := append([]any{}, v...)
		out[s.index] = editPath(v[s.index], path[1:], edit)
		return out
	case *orderedObject:
		if s.isIndex {
			return doc
		}
		for i, k := range v.keys {
			if k == s.name {
				out := &orderedObject{keys: v.keys, vals: append([]any{}, v.vals...)}
				out.vals[i] = editPath(v.vals[i], path[1:], edit)
				return out
			}
		}
	}
	return doc
}
