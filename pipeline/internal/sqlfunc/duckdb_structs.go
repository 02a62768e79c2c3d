package sqlfunc

import (
	"bytes"
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's functions making structs, each as DuckDB answers (checked on
// DuckDB, see testdata/conformance/duckdb.txt). An unnamed struct, as
// row(...) and list_zip make them, is the list of its values here, as
// struct_values gives it (to_json writes it so in DuckDB too).
//
//	list_zip(l1, l2, ...[, truncate])  the lists' elements side by side:
//	                           the i-th unnamed struct holds every list's
//	                           i-th element, NULL past a list's end (a NULL
//	                           list is empty); as long as the longest
//	                           list, or the shortest with truncate true
//	row(a, b, ...)             the unnamed struct of its arguments
//	struct_insert(s, name, value, ...)  s with the fields added after its
//	                           own (the translator writes DuckDB's
//	                           name := value as 'name', value); a name s
//	                           has fails, as there
//	struct_update(s, name, value, ...)  s with the fields named replaced
//	                           in place, those it has not added after
//	struct_extract_at(s, i)    the value of s's i-th field (from 1); an i
//	                           beyond its fields fails

func init() {
	add(Func{Name: "list_zip_duck", NArgs: -1, Scalar: listZip},
		Func{Name: "struct_insert_duck", NArgs: -1, Scalar: structInsert(false)},
		Func{Name: "struct_update_duck", NArgs: -1, Scalar: structInsert(true)},
		Func{Name: "struct_extract_at_duck", NArgs: 2, Scalar: structExtractAt})
	rename("struct_extract_at_duck", "struct_extract_at", "duckdb")
	rename("list_zip_duck", "list_zip", "duckdb")
	rename("list_zip_duck", "array_zip", "duckdb")
	rename("json_array", "row", "duckdb")
	rename("struct_insert_duck", "struct_insert", "duckdb")
	rename("struct_update_duck", "struct_update", "duckdb")
}

func listZip(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "list_zip"
	if len(args) == 0 {
		fail(ctx, fn, "provide at least one argument, as in DuckDB")
		return
	}
	truncate := false
	if last := args[len(args)-1]; len(args) > 1 && last.Type() == sqlite3.INTEGER {
		// the BOOLEAN truncate: a list is JSON text
		truncate = last.Int64() != 0
		args = args[:len(args)-1]
	}
	lists := make([][]json.RawMessage, len(args))
	n := -1
	for i, a := range args {
		items, _, err := readArray(a)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		lists[i] = items
		switch {
		case n < 0:
			n = len(items)
		case truncate:
			n = min(n, len(items))
		default:
			n = max(n, len(items))
		}
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, l := range lists {
			if j > 0 {
				b.WriteByte(',')
			}
			if i < len(l) {
				b.Write(l[i])
			} else {
				b.WriteString("null")
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	resultJSON(ctx, b.Bytes())
}

func structInsert(update bool) func(sqlite3.Context, ...sqlite3.Value) {
	fn := "struct_insert"
	if update {
		fn = "struct_update"
	}
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if len(args) < 3 || len(args)%2 == 0 {
			fail(ctx, fn, "takes a struct and one or more name := value")
			return
		}
		if args[0].Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		keys, values, err := structFields(args[0].RawText())
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		at := map[string]int{}
		for i, k := range keys {
			at[k] = i
		}
		for i := 1; i < len(args); i += 2 {
			name := args[i].Text()
			v := fieldJSON(args[i+1])
			if j, ok := at[name]; ok {
				if !update {
					fail(ctx, fn, "duplicate struct entry name %q, as in DuckDB (struct_update replaces a field)", name)
					return
				}
				values[j] = v
				continue
			}
			at[name] = len(keys)
			keys, values = append(keys, name), append(values, v)
		}
		resultJSON(ctx, objectOf(keys, values))
	}
}

// fieldJSON is v as a struct's field holds it, as json_object takes it: a
// list or struct (text marked as JSON) as it is, a number as a number,
// text as a string.
func fieldJSON(v sqlite3.Value) json.RawMessage {
	switch v.Type() {
	case sqlite3.NULL:
		return json.RawMessage("null")
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return json.RawMessage(v.Text())
	}
	if raw := bytes.TrimSpace(v.RawText()); v.Subtype() == jsonSubtype && json.Valid(raw) {
		return raw
	}
	b, _ := json.Marshal(v.Text())
	return b
}

func structExtractAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "struct_extract_at"
	if nullCall(ctx, args) {
		return
	}
	raw := args[0].RawText()
	var values []json.RawMessage
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) {
		// an unnamed struct
		if err := json.Unmarshal(raw, &values); err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
	} else {
		var err error
		if _, values, err = structFields(raw); err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
	}
	i, ok := integer(args[1])
	if !ok || i < 1 || i > int64(len(values)) {
		fail(ctx, fn, "key index %s out of range: expected an index between 1 and %d, as in DuckDB", args[1].Text(), len(values))
		return
	}
	resultElement(ctx, values[i-1])
}
