package sqlfunc

import (
	"encoding/json"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's arrays as multisets and lists: ARRAYS_OVERLAP,
// ARRAY_INTERSECTION, ARRAY_EXCEPT (each element counted as often as it
// occurs), ARRAY_SORT, ARRAY_INSERT, ARRAY_REMOVE, ARRAY_REMOVE_AT,
// ARRAY_GENERATE_RANGE, ARRAY_CONSTRUCT_COMPACT and ARRAY_UNION_AGG. Elements compare as
// ARRAY_CONTAINS compares them (sameJSON); a NULL element is a value here.
// A NULL array gives NULL.

func init() {
	add(Func{Name: "arrays_overlap_values", NArgs: 2, Scalar: arraysOverlap},
		Func{Name: "array_intersection_counted", NArgs: 2, Scalar: arrayMultiset(true)},
		Func{Name: "array_except_counted", NArgs: 2, Scalar: arrayMultiset(false)},
		Func{Name: "array_sort_snowflake", NArgs: -1, Scalar: arraySortSnowflake},
		Func{Name: "array_insert_at", NArgs: 3, Scalar: arrayInsertPos},
		Func{Name: "array_remove_value", NArgs: 2, Scalar: arrayRemoveValue},
		Func{Name: "array_remove_at", NArgs: 2, Scalar: arrayRemoveAt},
		Func{Name: "array_generate_range", NArgs: -1, Scalar: arrayGenerateRange},
		Func{Name: "array_construct_compact", NArgs: -1, Scalar: arrayConstructCompact},
		Func{Name: "array_union_counted", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &arrayUnionAgg{} }})
	rename("array_union_counted", "array_union_agg", "snowflake")
	rename("arrays_overlap_values", "arrays_overlap", "snowflake")
	rename("array_intersection_counted", "array_intersection", "snowflake")
	rename("array_except_counted", "array_except", "snowflake")
	rename("array_sort_snowflake", "array_sort", "snowflake")
	rename("array_insert_at", "array_insert", "snowflake")
	rename("array_remove_value", "array_remove", "snowflake")
	rename("array_remove_at", "array_remove_at", "snowflake")
	rename("array_generate_range", "array_generate_range", "snowflake")
	rename("array_construct_compact", "array_construct_compact", "snowflake")
}

// twoArrays reads the two array arguments; false when the result is set.
func twoArrays(ctx sqlite3.Context, args []sqlite3.Value) (a, b []json.RawMessage, ok bool) {
	if nullCall(ctx, args) {
		return nil, nil, false
	}
	if a, ok = arrayArg(ctx, args[0]); !ok {
		return nil, nil, false
	}
	b, ok = arrayArg(ctx, args[1])
	return a, b, ok
}

// arraysOverlap is ARRAYS_OVERLAP(a, b): whether an element of a equals one
// of b.
func arraysOverlap(ctx sqlite3.Context, args ...sqlite3.Value) {
	a, b, ok := twoArrays(ctx, args)
	if !ok {
		return
	}
	keys := map[string]bool{}
	for _, it := range b {
		keys[jsonKey(it)] = true
	}
	for _, it := range a {
		if keys[jsonKey(it)] {
			ctx.ResultBool(true)
			return
		}
	}
	ctx.ResultBool(false)
}

// arrayMultiset is ARRAY_INTERSECTION(a, b) (keep) and ARRAY_EXCEPT(a, b):
// the elements of a, in a's order, that b matches one for one (or does
// not): ['B', 'B', 'B'] and ['B', 'B'] intersect in ['B', 'B'].
func arrayMultiset(keep bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		a, b, ok := twoArrays(ctx, args)
		if !ok {
			return
		}
		counts := map[string]int{}
		for _, it := range b {
			counts[jsonKey(it)]++
		}
		out := []json.RawMessage{}
		for _, it := range a {
			k := jsonKey(it)
			matched := counts[k] > 0
			if matched {
				counts[k]--
			}
			if matched == keep {
				out = append(out, it)
			}
		}
		resultArray(ctx, out)
	}
}

// arraySortSnowflake is ARRAY_SORT(array[, ascending[, nulls_first]]):
// ascending by default, NULL elements last unless nulls_first.
func arraySortSnowflake(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ARRAY_SORT"
	if !called(ctx, fn, args, 1, 3, "takes an array and optional BOOLEANs sort_ascending and nulls_first") {
		return
	}
	order, nulls := "ASC", "NULLS LAST"
	if len(args) > 1 && args[1].Int64() == 0 {
		order = "DESC"
	}
	if len(args) > 2 && args[2].Int64() != 0 {
		nulls = "NULLS FIRST"
	}
	sortList(ctx, fn, args[0], order, nulls)
}

// arrayInsertPos is ARRAY_INSERT(array, pos, value): value placed at the
// 0-based pos (negative from the end); past the end, NULLs fill the gap.
func arrayInsertPos(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ARRAY_INSERT"
	if anyNull(args[:2]) {
		ctx.ResultNull()
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	pos, ok := integer(args[1])
	n := int64(len(items))
	if pos < 0 {
		pos += n
	}
	if !ok || pos < 0 {
		fail(ctx, fn, "the position %s is before the array's start", args[1].Text())
		return
	}
	for int64(len(items)) < pos {
		items = append(items, json.RawMessage("null"))
	}
	items = append(items[:pos], append([]json.RawMessage{valueJSON(args[2])}, items[pos:]...)...)
	resultArray(ctx, items)
}

// arrayRemoveValue is ARRAY_REMOVE(array, value): every element equal to
// value left out.
func arrayRemoveValue(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	want := jsonKey(valueJSON(args[1]))
	out := []json.RawMessage{}
	for _, it := range items {
		if jsonKey(it) != want {
			out = append(out, it)
		}
	}
	resultArray(ctx, out)
}

// arrayRemoveAt is ARRAY_REMOVE_AT(array, pos): the element at the 0-based
// pos (negative from the end) left out; a pos outside the array changes
// nothing.
func arrayRemoveAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	pos, ok := integer(args[1])
	if !ok {
		fail(ctx, "ARRAY_REMOVE_AT", "the position must be a whole number, not %s", args[1].Text())
		return
	}
	if pos < 0 {
		pos += int64(len(items))
	}
	if pos >= 0 && pos < int64(len(items)) {
		items = append(items[:pos], items[pos+1:]...)
	}
	resultArray(ctx, items)
}

// arrayGenerateRange is ARRAY_GENERATE_RANGE(start, stop[, step]): the
// whole numbers from start up to stop, stop left out, step apart (1 by
// default; a negative step counts down).
func arrayGenerateRange(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ARRAY_GENERATE_RANGE"
	if !called(ctx, fn, args, 2, 3, "takes a start, a stop and an optional step") {
		return
	}
	ints, ok := integers(args)
	if !ok {
		fail(ctx, fn, "the start, stop and step must be whole numbers (%s)", argList(args))
		return
	}
	step := int64(1)
	if len(ints) == 3 {
		step = ints[2]
	}
	if step == 0 {
		fail(ctx, fn, "the step must not be 0")
		return
	}
	out := []json.RawMessage{}
	for i := ints[0]; step > 0 && i < ints[1] || step < 0 && i > ints[1]; i += step {
		if len(out) >= maxGenerated {
			fail(ctx, fn, "more than %d elements", maxGenerated)
			return
		}
		b, _ := json.Marshal(i)
		out = append(out, b)
	}
	resultArray(ctx, out)
}

// maxGenerated bounds the arrays a range makes, so a mistyped stop fails
// instead of filling memory.
const maxGenerated = 10_000_000

// arrayConstructCompact is ARRAY_CONSTRUCT_COMPACT(...): the non-NULL
// arguments as an array.
func arrayConstructCompact(ctx sqlite3.Context, args ...sqlite3.Value) {
	out := []json.RawMessage{}
	for _, a := range args {
		if a.Type() != sqlite3.NULL {
			out = append(out, valueJSON(a))
		}
	}
	resultArray(ctx, out)
}

// arrayUnionAgg is ARRAY_UNION_AGG(array): the group's arrays as one, each
// element as many times as the array holding it most often holds it, in
// the order first met; NULL arrays left out, NULL for a group of none.
type arrayUnionAgg struct {
	items []json.RawMessage
	most  map[string]int
	seen  bool
	err   error
}

func (a *arrayUnionAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	items, ok, err := readArray(arg[0])
	if err != nil && a.err == nil {
		a.err = err
	}
	if !ok || a.err != nil {
		return
	}
	a.seen = true
	if a.most == nil {
		a.most = map[string]int{}
	}
	counts := map[string]int{}
	for _, it := range items {
		k := jsonKey(it)
		counts[k]++
		if counts[k] > a.most[k] {
			a.most[k] = counts[k]
			a.items = append(a.items, it)
		}
	}
}

func (a *arrayUnionAgg) Value(ctx sqlite3.Context) {
	switch {
	case a.err != nil:
		resultError(ctx, a.err)
	case !a.seen:
		ctx.ResultNull()
	default:
		// marked JSON here: json() cannot wrap a window function's call
		b, _ := json.Marshal(append([]json.RawMessage{}, a.items...))
		resultJSON(ctx, b)
	}
}
