package sqlfunc

import (
	"bytes"
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's x[i] and x[begin:end] on a list or on text: 1-based, negative
// from the end, the end included. The translator cannot tell a list from
// text, so these do at run time: a value that is a JSON array is a list.

func init() {
	add(
		Func{Name: "list_or_text_at", NArgs: 2, Scalar: listOrTextAt},
		Func{Name: "list_or_text_slice", NArgs: 3, Scalar: listOrTextSlice},
	)
	// The function forms: list_slice(x, begin, end), list_extract(x, i).
	for _, n := range []string{"list_slice", "array_slice"} {
		rename("list_or_text_slice", n, "duckdb")
	}
	for _, n := range []string{"list_extract", "array_extract", "list_element"} {
		rename("list_or_text_at", n, "duckdb")
	}
}

// listItems returns the elements of v when it is a JSON array.
func listItems(v sqlite3.Value) ([][]byte, bool) {
	raw := v.RawText()
	t := bytes.TrimLeft(raw, " \t\r\n")
	if len(t) == 0 || t[0] != '[' || !json.Valid(raw) {
		return nil, false
	}
	return elements(t)
}

func listOrTextAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	i, ok := integer(args[1])
	if !ok {
		fail(ctx, "[]", "the index must be an integer, not %s", args[1].Text())
		return
	}
	if items, ok := listItems(args[0]); ok {
		if i < 0 {
			i += int64(len(items)) + 1
		}
		if i < 1 || i > int64(len(items)) {
			ctx.ResultNull()
			return
		}
		resultElement(ctx, items[i-1])
		return
	}
	r := []rune(args[0].Text())
	if i < 0 {
		i += int64(len(r)) + 1
	}
	if i < 1 || i > int64(len(r)) {
		ctx.ResultText("")
		return
	}
	ctx.ResultText(string(r[i-1]))
}

// sliceBounds turns 1-based, end-inclusive bounds (negative from the end)
// into a Go range over n items.
func sliceBounds(b, e int64, n int) (int, int) {
	if b < 0 {
		b += int64(n) + 1
	}
	if e < 0 {
		e += int64(n) + 1
	}
	b = max(b, 1)
	e = min(e, int64(n))
	if b > e {
		return 0, 0
	}
	return int(b - 1), int(e)
}

func listOrTextSlice(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	b, ok1 := integer(args[1])
	e, ok2 := integer(args[2])
	if !ok1 || !ok2 {
		fail(ctx, "[:]", "the bounds must be integers, not %s and %s", args[1].Text(), args[2].Text())
		return
	}
	if items, ok := listItems(args[0]); ok {
		from, to := sliceBounds(b, e, len(items))
		var out bytes.Buffer
		out.WriteByte('[')
		for k, it := range items[from:to] {
			if k > 0 {
				out.WriteByte(',')
			}
			json.Compact(&out, it)
		}
		out.WriteByte(']')
		ctx.ResultRawText(out.Bytes())
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	r := []rune(args[0].Text())
	from, to := sliceBounds(b, e, len(r))
	ctx.ResultText(string(r[from:to]))
}
