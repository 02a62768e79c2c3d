package sqlfunc

import (
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's list_append(list, x) (array_push_back, array_append) and
// list_prepend(x, list) (array_push_front(list, x)): a NULL list is an
// empty one. list_first and list_last: the first and last element, NULL
// for an empty or NULL list.

func init() {
	add(Func{Name: "list_append_value", NArgs: 2, Scalar: listAdd(0, 1, false)},
		Func{Name: "list_prepend_value", NArgs: 2, Scalar: listAdd(1, 0, true)},
		Func{Name: "list_push_front", NArgs: 2, Scalar: listAdd(0, 1, true)},
		Func{Name: "list_first_element", NArgs: 1, Scalar: listEnd(false)},
		Func{Name: "list_last_element", NArgs: 1, Scalar: listEnd(true)})
	rename("list_append_value", "list_append", "duckdb")
	rename("list_append_value", "array_push_back", "duckdb")
	rename("list_append_value", "array_append", "duckdb")
	rename("list_prepend_value", "list_prepend", "duckdb")
	rename("list_prepend_value", "array_prepend", "duckdb")
	rename("list_push_front", "array_push_front", "duckdb")
	rename("list_first_element", "list_first", "duckdb")
	rename("list_last_element", "list_last", "duckdb")
}

// listAdd adds the value argument to the list argument, at its start when
// first.
func listAdd(list, value int, first bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		var items []json.RawMessage
		if args[list].Type() != sqlite3.NULL {
			var ok bool
			if items, ok = arrayArg(ctx, args[list]); !ok {
				return
			}
		}
		v := valueJSON(args[value])
		if first {
			items = append([]json.RawMessage{v}, items...)
		} else {
			items = append(items, v)
		}
		resultArray(ctx, items)
	}
}

func listEnd(last bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		switch {
		case len(items) == 0:
			ctx.ResultNull()
		case last:
			resultElement(ctx, items[len(items)-1])
		default:
			resultElement(ctx, items[0])
		}
	}
}
