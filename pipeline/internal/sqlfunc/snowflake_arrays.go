package sqlfunc

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's array and object functions over JSON text: ARRAY_CONTAINS,
// ARRAY_SLICE, ARRAY_DISTINCT, ARRAY_COMPACT, ARRAY_APPEND, ARRAY_PREPEND,
// OBJECT_KEYS, IS_NULL_VALUE, ARRAYS_ZIP and ARRAYS_TO_OBJECT. A NULL array
// gives NULL.

func init() {
	add(Func{Name: "array_contains_value", NArgs: 2, Scalar: arrayContainsValue},
		Func{Name: "array_slice_snowflake", NArgs: 3, Scalar: arraySliceSnowflake},
		Func{Name: "array_distinct_all", NArgs: 1, Scalar: arrayDistinctAll},
		Func{Name: "array_compact", NArgs: 1, Scalar: arrayCompact},
		Func{Name: "array_append", NArgs: 2, Scalar: arrayInsertAt(false)},
		Func{Name: "array_prepend", NArgs: 2, Scalar: arrayInsertAt(true)},
		Func{Name: "object_keys_sorted", NArgs: 1, Scalar: objectKeysSorted},
		Func{Name: "is_json_null", NArgs: 1, Scalar: isJSONNull},
		Func{Name: "array_position_of", NArgs: 2, Scalar: arrayPositionOf},
		Func{Name: "tokens_array", NArgs: -1, Scalar: tokensArray},
		Func{Name: "arrays_zip", NArgs: -1, Scalar: arraysZip},
		Func{Name: "arrays_to_object", NArgs: 2, Scalar: arraysToObject})
	rename("array_position_of", "array_position", "snowflake")
	rename("tokens_array", "strtok_to_array", "snowflake")
	rename("array_contains_value", "array_contains", "snowflake")
	rename("array_slice_snowflake", "array_slice", "snowflake")
	rename("array_distinct_all", "array_distinct", "snowflake")
	rename("object_keys_sorted", "object_keys", "snowflake")
	rename("is_json_null", "is_null_value", "snowflake")
}

// valueJSON is a SQL value as a JSON array element: NULL is null, numbers
// as written, JSON (an array or object built here) as it is, other text a
// JSON string.
func valueJSON(v sqlite3.Value) json.RawMessage {
	switch v.Type() {
	case sqlite3.NULL:
		return json.RawMessage("null")
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return json.RawMessage(v.Text())
	}
	if v.Subtype() == jsonSubtype {
		return json.RawMessage(bytes.Clone(v.RawText()))
	}
	var sb strings.Builder
	writeJSONString(&sb, v.RawText())
	return json.RawMessage(sb.String())
}

// sameJSON compares two JSON values as values: numbers by value, others
// by their compact text.
func sameJSON(a, b []byte) bool { return jsonKey(a) == jsonKey(b) }

// jsonKey is what sameJSON compares: a number's value, another value's
// compact text, text that is not JSON as it is.
func jsonKey(raw []byte) string {
	var x any
	if json.Unmarshal(raw, &x) != nil {
		return "raw:" + string(raw)
	}
	if f, ok := x.(float64); ok {
		return "num:" + strconv.FormatFloat(f+0, 'g', -1, 64) // +0 makes -0 equal 0
	}
	s, _ := json.Marshal(x)
	return "json:" + string(s)
}

// arrayContainsValue is ARRAY_CONTAINS(value, array): whether an element
// equals the value. Snowflake takes a VARIANT value; here the value is
// taken as it is: a number matches an equal number, text a string of that
// text, an array or object built here an equal one. A NULL value gives NULL.
func arrayContainsValue(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	want := valueJSON(args[0])
	for _, it := range items {
		if sameJSON(it, want) {
			ctx.ResultBool(true)
			return
		}
	}
	ctx.ResultBool(false)
}

// arraySliceSnowflake is ARRAY_SLICE(array, from, to): 0-based, to left
// out, negative positions counted from the end, clipped to the array.
func arraySliceSnowflake(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	from, ok1 := integer(args[1])
	to, ok2 := integer(args[2])
	if !ok1 || !ok2 {
		fail(ctx, "ARRAY_SLICE", "the positions must be integers, not %s", argList(args[1:]))
		return
	}
	n := int64(len(items))
	clip := func(i int64) int64 {
		if i < 0 {
			i += n
		}
		return max(0, min(i, n))
	}
	from, to = clip(from), clip(to)
	if from >= to {
		resultArray(ctx, nil)
		return
	}
	resultArray(ctx, items[from:to])
}

// arrayDistinctAll keeps the first of equal elements, NULL included (once).
func arrayDistinctAll(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	seen := map[string]bool{}
	var out []json.RawMessage
	for _, it := range items {
		if k := jsonKey(it); !seen[k] {
			seen[k] = true
			out = append(out, it)
		}
	}
	resultArray(ctx, out)
}

// arrayCompact leaves out the NULL elements.
func arrayCompact(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	var out []json.RawMessage
	for _, it := range items {
		if string(bytes.TrimSpace(it)) != "null" {
			out = append(out, it)
		}
	}
	resultArray(ctx, out)
}

// arrayInsertAt adds a value (NULL too) at the end, or at the start.
func arrayInsertAt(first bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		v := valueJSON(args[1])
		if first {
			items = append([]json.RawMessage{v}, items...)
		} else {
			items = append(items, v)
		}
		resultArray(ctx, items)
	}
}

// objectKeysSorted lists the keys of an object, sorted, as Snowflake keeps
// an object's keys.
func objectKeysSorted(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	var obj map[string]json.RawMessage
	raw := bytes.TrimSpace(args[0].RawText())
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &obj) != nil {
		fail(ctx, "OBJECT_KEYS", "not an object: %s", truncate(args[0].Text()))
		return
	}
	keys := make([][]byte, 0, len(obj))
	for k := range obj {
		keys = append(keys, []byte(k))
	}
	slices.SortFunc(keys, bytes.Compare)
	resultTextArray(ctx, keys)
}

// isJSONNull is IS_NULL_VALUE(variant): true for a JSON null, false for any
// other value, NULL for a SQL NULL (a missing value).
func isJSONNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultBool(args[0].Type() == sqlite3.TEXT && string(bytes.TrimSpace(args[0].RawText())) == "null")
}

// arrayPositionOf is ARRAY_POSITION(value, array): the 0-based place of
// the first element equal to value (as ARRAY_CONTAINS compares), NULL when
// none is.
func arrayPositionOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	items, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	want := valueJSON(args[0])
	for i, it := range items {
		if sameJSON(it, want) {
			ctx.ResultInt64(int64(i))
			return
		}
	}
	ctx.ResultNull()
}

// tokensArray is STRTOK_TO_ARRAY(s[, delimiters]): the tokens of s cut at
// any of the delimiter characters (' ' by default), empty ones skipped.
func tokensArray(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "STRTOK_TO_ARRAY", args, 1, 2, "takes a string and optional delimiter characters") {
		return
	}
	delims := " "
	if len(args) > 1 {
		delims = args[1].Text()
	}
	items := []json.RawMessage{}
	for _, tok := range strings.FieldsFunc(args[0].Text(), func(r rune) bool { return strings.ContainsRune(delims, r) }) {
		b, _ := json.Marshal(tok)
		items = append(items, b)
	}
	resultArray(ctx, items)
}

// arraysZip is ARRAYS_ZIP(array, ...): an array as long as the longest
// argument whose nth element is the object {"$1": first[n], "$2": ...};
// a shorter array gives JSON null for its missing elements. A NULL
// argument gives NULL; empty arrays give [{}].
func arraysZip(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "ARRAYS_ZIP", args, 1, 1<<10, "takes one or more arrays") {
		return
	}
	lists := make([][]json.RawMessage, len(args))
	longest := 1 // empty arrays still give one (empty) object
	for i, a := range args {
		items, ok := arrayArg(ctx, a)
		if !ok {
			return
		}
		lists[i] = items
		longest = max(longest, len(items))
	}
	if longest == 1 && slices.IndexFunc(lists, func(l []json.RawMessage) bool { return len(l) > 0 }) < 0 {
		ctx.ResultText("[{}]")
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for n := range longest {
		if n > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for i, items := range lists {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"$` + strconv.Itoa(i+1) + `":`)
			if n < len(items) {
				b.Write(items[n])
			} else {
				b.WriteString("null")
			}
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
	resultJSON(ctx, b.Bytes())
}

// arraysToObject is ARRAYS_TO_OBJECT(keys, values): the object of each key
// with the value at its position; a NULL key leaves its pair out, a NULL
// value is kept as JSON null. Keys must be strings and both arrays as long.
func arraysToObject(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ARRAYS_TO_OBJECT"
	if nullCall(ctx, args) {
		return
	}
	keys, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	values, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	if len(keys) != len(values) {
		fail(ctx, fn, "the key array has %d elements and the value array %d: they must be as long", len(keys), len(values))
		return
	}
	var ms []member
	seen := map[string]bool{}
	for i, raw := range keys {
		if string(raw) == "null" {
			continue
		}
		var k string
		if json.Unmarshal(raw, &k) != nil {
			fail(ctx, fn, "the key %s is not a string", raw)
			return
		}
		if seen[k] {
			fail(ctx, fn, "the key %q is given twice", k)
			return
		}
		seen[k] = true
		ms = append(ms, member{k, values[i]})
	}
	resultObject(ctx, ms)
}
