package sqlfunc

import (
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's several unnest() calls of one select list go side by side: the
// i-th row of a FROM row holds the i-th element of each list, NULL where a
// list is shorter, so the row gives as many rows as its longest list has
// elements. The translator joins json_each(unnest_zip(a, b, ...)) and
// reads each call's element from its place in the value.

func init() {
	add(Func{Name: "unnest_zip", NArgs: -1, Scalar: unnestZip})
}

// unnestZip gives the lists' elements by position: an array of rows, each
// an array of one element per list. A NULL list counts as empty.
func unnestZip(ctx sqlite3.Context, args ...sqlite3.Value) {
	lists := make([][]json.RawMessage, len(args))
	longest := 0
	for i, a := range args {
		items, _, err := readArray(a)
		if err != nil {
			fail(ctx, "unnest", "%v", err)
			return
		}
		lists[i] = items
		longest = max(longest, len(items))
	}
	rows := make([]json.RawMessage, longest)
	for r := range rows {
		row := []byte{'['}
		for i, items := range lists {
			if i > 0 {
				row = append(row, ',')
			}
			if r < len(items) {
				row = append(row, items[r]...)
			} else {
				row = append(row, "null"...)
			}
		}
		rows[r] = append(row, ']')
	}
	resultArray(ctx, rows)
}
