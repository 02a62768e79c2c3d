package sqlfunc

import (
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's array functions that read one array (a JSON array here):
// ARRAY_FIRST, ARRAY_LAST, ARRAY_SLICE, ARRAY_INCLUDES, ARRAY_INCLUDES_ANY,
// ARRAY_INCLUDES_ALL and ARRAY_IS_DISTINCT; ARRAY_SUM, ARRAY_AVG, ARRAY_MIN
// and ARRAY_MAX are DuckDB's list_ forms; and the aggregate
// ARRAY_CONCAT_AGG. Elements compare as values (1 equals 1.0).

func init() {
	add(
		Func{Name: "array_first_of", NArgs: 1, Scalar: arrayEnd("ARRAY_FIRST", false)},
		Func{Name: "array_last_of", NArgs: 1, Scalar: arrayEnd("ARRAY_LAST", true)},
		Func{Name: "array_slice_offsets", NArgs: 3, Scalar: arraySliceOffsets},
		Func{Name: "array_includes_value", NArgs: 2, Scalar: arrayIncludes},
		Func{Name: "array_includes_any_of", NArgs: 2, Scalar: arrayIncludesSet(false)},
		Func{Name: "array_includes_all_of", NArgs: 2, Scalar: arrayIncludesSet(true)},
		Func{Name: "array_is_distinct_of", NArgs: 1, Scalar: arrayIsDistinct},
		Func{Name: "array_concat_agg_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &arrayConcatAgg{} }},
		Func{Name: "array_concat_agg_limit", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &arrayConcatAgg{limited: true} }},
	)
	rename("array_first_of", "array_first", "bigquery")
	rename("array_last_of", "array_last", "bigquery")
	rename("array_slice_offsets", "array_slice", "bigquery")
	rename("array_includes_value", "array_includes", "bigquery")
	rename("array_includes_any_of", "array_includes_any", "bigquery")
	rename("array_includes_all_of", "array_includes_all", "bigquery")
	rename("array_is_distinct_of", "array_is_distinct", "bigquery")
	rename("array_concat_agg_of", "array_concat_agg", "bigquery")
	for _, op := range []string{"sum", "min", "max", "avg"} {
		// NULL elements left out, NULL when no other is left
		rename("list_"+op+"_json", "array_"+op, "bigquery")
	}
}

// arrayEnd is ARRAY_FIRST or, with last, ARRAY_LAST: the element at that
// end; an empty array fails.
func arrayEnd(fn string, last bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		if len(items) == 0 {
			fail(ctx, fn, "the array is empty")
			return
		}
		i := 0
		if last {
			i = len(items) - 1
		}
		resultElement(ctx, items[i])
	}
}

// arraySliceOffsets is BigQuery's ARRAY_SLICE(array, start, end): the
// elements from offset start to offset end, both included, 0-based, a
// negative offset counting from the end (-1 is the last); offsets past
// either end are clamped.
func arraySliceOffsets(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ARRAY_SLICE"
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	bounds, ok := integers(args[1:])
	if !ok {
		fail(ctx, fn, "the offsets must be integers (%s)", argList(args[1:]))
		return
	}
	n := int64(len(items))
	at := func(o int64) int64 {
		if o < 0 {
			o += n
		}
		return o
	}
	start, end := max(at(bounds[0]), 0), min(at(bounds[1]), n-1)
	if start > end || start >= n || end < 0 {
		resultArray(ctx, nil)
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	resultArray(ctx, items[start:end+1])
	ctx.ResultSubtype(jsonSubtype)
}

// arrayIncludes is ARRAY_INCLUDES(array, value): whether an element equals
// the value; NULL when either is NULL.
func arrayIncludes(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	want := jsonKey(valueJSON(args[1]))
	for _, it := range items {
		if jsonKey(it) == want {
			ctx.ResultBool(true)
			return
		}
	}
	ctx.ResultBool(false)
}

// arrayIncludesSet is ARRAY_INCLUDES_ANY(array, values) or, with all,
// ARRAY_INCLUDES_ALL: whether any (every) value is an element; a NULL
// value is never one. NULL when either array is NULL.
func arrayIncludesSet(all bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		wanted, ok := arrayArg(ctx, args[1])
		if !ok {
			return
		}
		have := map[string]bool{}
		for _, it := range items {
			if string(it) != "null" {
				have[jsonKey(it)] = true
			}
		}
		for _, w := range wanted {
			found := string(w) != "null" && have[jsonKey(w)]
			if found && !all {
				ctx.ResultBool(true)
				return
			}
			if !found && all {
				ctx.ResultBool(false)
				return
			}
		}
		ctx.ResultBool(all)
	}
}

// arrayIsDistinct is ARRAY_IS_DISTINCT(array): whether no element repeats
// (two NULLs repeat).
func arrayIsDistinct(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, it := range items {
		k := jsonKey(it)
		if seen[k] {
			ctx.ResultBool(false)
			return
		}
		seen[k] = true
	}
	ctx.ResultBool(true)
}

// arrayConcatAgg is ARRAY_CONCAT_AGG(array [ORDER BY ...]): the elements
// of the group's arrays, one after another; NULL arrays are left out, and
// a group with none gives NULL. limited (array_concat_agg_limit(array, n))
// takes the first n arrays.
type arrayConcatAgg struct {
	items   []json.RawMessage
	arrays  int64
	limited bool
	err     error
}

func (a *arrayConcatAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.limited && a.arrays >= arg[1].Int64() || a.err != nil {
		return
	}
	items, ok, err := readArray(arg[0])
	if err != nil {
		a.err = err
		resultError(ctx, err)
		return
	}
	if !ok {
		return
	}
	a.arrays++
	a.items = append(a.items, items...)
}

func (a *arrayConcatAgg) Value(ctx sqlite3.Context) {
	if a.arrays == 0 {
		ctx.ResultNull()
		return
	}
	resultArray(ctx, a.items)
	ctx.ResultSubtype(jsonSubtype)
}
