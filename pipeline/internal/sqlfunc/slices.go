package sqlfunc

import (
	"bytes"
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's x[i] and x[begin:end] on a list or on text: 1-based, negative
// from the end, the end included. The translator cannot tell a list from
// text, so these do at run time: a value that is a JSON array is a list.
// x[begin:end:step] takes every step-th element of a list, backwards from
// begin down to end for a negative step (DuckDB has no step on text).

func init() {
	add(
		Func{Name: "list_or_text_at", NArgs: 2, Scalar: listOrTextAt},
		// list_or_text_slice(x, begin, end[, step[, omitted]]): omitted
		// says which bounds x[b:e:s] left out (1 begin, 2 end), where a
		// backward slice starts and ends by default.
		Func{Name: "list_or_text_slice", NArgs: -1, Scalar: listOrTextSlice},
		// text_at(x, i) and text_slice(x, begin, end): x[i] and x[b:e]
		// of a value the translator knows is text, JSON array text
		// included ('[1,2]'[1:2] is [1).
		Func{Name: "text_at", NArgs: 2, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) { textAt(ctx, false, args) }},
		Func{Name: "text_slice", NArgs: 3, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) { textSlice(ctx, false, args) }},
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

func listOrTextAt(ctx sqlite3.Context, args ...sqlite3.Value) { textAt(ctx, true, args) }

func textAt(ctx sqlite3.Context, lists bool, args []sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	i, ok := integer(args[1])
	if !ok {
		fail(ctx, "[]", "the index must be an integer, not %s", args[1].Text())
		return
	}
	if items, ok := listItems(args[0]); ok && lists {
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

func listOrTextSlice(ctx sqlite3.Context, args ...sqlite3.Value) { textSlice(ctx, true, args) }

func textSlice(ctx sqlite3.Context, lists bool, args []sqlite3.Value) {
	const fn = "[:]"
	if !called(ctx, fn, args, 3, 5, "takes a list or text, a begin, an end and an optional step") {
		return
	}
	b, ok1 := integer(args[1])
	e, ok2 := integer(args[2])
	if !ok1 || !ok2 {
		fail(ctx, fn, "the bounds must be integers, not %s and %s", args[1].Text(), args[2].Text())
		return
	}
	items, list := listItems(args[0])
	list = list && lists
	if len(args) > 3 {
		step, ok := integer(args[3])
		omitted, _ := integer(args[len(args)-1])
		if len(args) == 4 {
			omitted = 0
		}
		switch {
		case !ok:
			fail(ctx, fn, "the step must be an integer, not %s", args[3].Text())
		case step == 0:
			fail(ctx, fn, "the step cannot be zero")
		case !list:
			fail(ctx, fn, "a slice with a step takes a list, not text (DuckDB has no step on text)")
		default:
			resultList(ctx, steppedSlice(items, b, e, step, omitted))
		}
		return
	}
	if list {
		from, to := sliceBounds(b, e, len(items))
		resultList(ctx, items[from:to])
		return
	}
	r := []rune(args[0].Text())
	from, to := sliceBounds(b, e, len(r))
	ctx.ResultText(string(r[from:to]))
}

// steppedSlice picks every step-th item from begin to end (1-based,
// negative from the end, both included); a negative step walks backwards,
// from the last item and down to the first where omitted says a bound was
// left out.
func steppedSlice(items [][]byte, b, e, step, omitted int64) [][]byte {
	if step > 0 {
		from, to := sliceBounds(b, e, len(items))
		var out [][]byte
		for i := from; i < to; i += int(min(step, int64(len(items)))) {
			out = append(out, items[i])
		}
		return out
	}
	n := int64(len(items))
	if omitted&1 != 0 {
		b = n
	}
	if omitted&2 != 0 {
		e = 1
	}
	if b < 0 {
		b += n + 1
	}
	if e < 0 {
		e += n + 1
	}
	b, e = min(b, n), max(e, 1)
	var out [][]byte
	for i := b; i >= e; i += max(step, -n) {
		out = append(out, items[i-1])
	}
	return out
}

// resultList writes items as a JSON array.
func resultList(ctx sqlite3.Context, items [][]byte) {
	var out bytes.Buffer
	out.WriteByte('[')
	for k, it := range items {
		if k > 0 {
			out.WriteByte(',')
		}
		json.Compact(&out, it)
	}
	out.WriteByte(']')
	ctx.ResultRawText(out.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}
