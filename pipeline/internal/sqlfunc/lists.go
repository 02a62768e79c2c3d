package sqlfunc

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's list functions over JSON arrays: list_sort, list_distinct, and
// splitting by a regular expression.

func init() {
	add(
		Func{Name: "list_sort_json", NArgs: -1, Scalar: listSort},
		Func{Name: "list_distinct_json", NArgs: 1, Scalar: listDistinct},
		Func{Name: "list_unique_count", NArgs: 1, Scalar: listUnique},
		Func{Name: "list_reverse_sort_json", NArgs: -1, Scalar: listReverseSort},
		Func{Name: "regexp_split_json", NArgs: 2, Scalar: regexpSplit},
	)
	// list_sort_json(l[, 'ASC' | 'DESC'[, 'NULLS FIRST' | 'NULLS LAST']]):
	// numbers by value, text by bytes; NULLs last unless asked.
	rename("list_sort_json", "list_sort", "duckdb")
	rename("list_sort_json", "array_sort", "duckdb")
	// list_reverse_sort_json(l[, 'NULLS FIRST' | 'NULLS LAST']): list_sort
	// descending.
	rename("list_reverse_sort_json", "list_reverse_sort", "duckdb")
	rename("list_reverse_sort_json", "array_reverse_sort", "duckdb")
	// list_distinct_json(l): each value once, in first-seen order, NULLs
	// left out. DuckDB's order follows its hash table: the same for the
	// same list, but no order of the list's (often the reverse of
	// first-seen for up to four values, [3, 1, 2, 1] is [2, 1, 3], not past
	// that, [1, 2, 3, 4, 5] is [4, 3, 2, 5, 1], nor for every string,
	// ['x', 'y', 'z'] is [y, z, x]), which is not reproduced here: sort
	// the result where the order matters.
	rename("list_distinct_json", "list_distinct", "duckdb")
	rename("list_distinct_json", "array_distinct", "duckdb")
	// list_unique_count(l): how many values list_distinct keeps (NULLs
	// left out); NULL for NULL.
	rename("list_unique_count", "list_unique", "duckdb")
	rename("list_unique_count", "array_unique", "duckdb")
	// regexp_split_json(s, pattern): the pieces between matches.
	rename("regexp_split_json", "regexp_split_to_array", "duckdb")
	rename("regexp_split_json", "string_split_regex", "duckdb")
	rename("regexp_split_json", "str_split_regex", "duckdb")
}

func listReverseSort(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "LIST_REVERSE_SORT", args, 1, 2, "takes a list, and optionally 'NULLS FIRST' or 'NULLS LAST'") {
		return
	}
	nulls := ""
	if len(args) > 1 {
		nulls = args[1].Text()
	}
	sortList(ctx, "LIST_REVERSE_SORT", args[0], "DESC", nulls)
}

func listSort(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "LIST_SORT"
	if !called(ctx, fn, args, 1, 3, "takes a list, and optionally 'ASC' or 'DESC' and 'NULLS FIRST' or 'NULLS LAST'") {
		return
	}
	order := "ASC"
	if len(args) > 1 {
		order = args[1].Text()
	}
	nulls := ""
	if len(args) > 2 {
		nulls = args[2].Text()
	}
	sortList(ctx, fn, args[0], order, nulls)
}

// sortList sorts list in order ('ASC' or 'DESC'), NULLs as nulls says
// ('NULLS FIRST', 'NULLS LAST', or ” for last).
func sortList(ctx sqlite3.Context, fn string, list sqlite3.Value, order, nulls string) {
	items, ok := arrayArg(ctx, list)
	if !ok {
		return
	}
	perm, ok := sortOrder(ctx, fn, items, order, nulls)
	if !ok {
		return
	}
	sorted := make([]json.RawMessage, len(perm))
	for i, p := range perm {
		sorted[i] = items[p]
	}
	resultArray(ctx, sorted)
}

// sortOrder is the order of items sorted as sortList sorts them: the
// index of each in turn (ties keep their order).
func sortOrder(ctx sqlite3.Context, fn string, items []json.RawMessage, order, nulls string) ([]int, bool) {
	desc, nullsFirst := false, false
	switch strings.ToUpper(order) {
	case "ASC":
	case "DESC":
		desc = true
	default:
		fail(ctx, fn, "the order must be 'ASC' or 'DESC', not %q", order)
		return nil, false
	}
	if nulls != "" {
		switch strings.Join(strings.Fields(strings.ToUpper(nulls)), " ") {
		case "NULLS FIRST":
			nullsFirst = true
		case "NULLS LAST":
		default:
			fail(ctx, fn, "the NULL order must be 'NULLS FIRST' or 'NULLS LAST', not %q", nulls)
			return nil, false
		}
	}
	type elem struct {
		i    int
		v    any
		null bool
	}
	es := make([]elem, len(items))
	for i, it := range items {
		var v any
		_ = json.Unmarshal(it, &v)
		es[i] = elem{i: i, v: v, null: v == nil}
	}
	slices.SortStableFunc(es, func(a, b elem) int {
		if a.null || b.null {
			switch {
			case a.null && b.null:
				return 0
			case a.null == nullsFirst:
				return -1
			}
			return 1
		}
		c := compareJSON(a.v, b.v)
		if desc {
			c = -c
		}
		return c
	})
	perm := make([]int, len(es))
	for i, e := range es {
		perm[i] = e.i
	}
	return perm, true
}

// compareJSON orders decoded JSON values: numbers, then text (timestamps
// as instants), then others by their text; two lists element by element, as DuckDB orders lists (a
// NULL element after the others, a list after its own beginning: [1] <
// [1, 3] < [2]).
func compareJSON(a, b any) int {
	if xl, ok := a.([]any); ok {
		if yl, ok := b.([]any); ok {
			for i := 0; i < len(xl) && i < len(yl); i++ {
				switch {
				case xl[i] == nil && yl[i] == nil:
					continue
				case xl[i] == nil:
					return 1
				case yl[i] == nil:
					return -1
				}
				if c := compareJSON(xl[i], yl[i]); c != 0 {
					return c
				}
			}
			return len(xl) - len(yl)
		}
	}
	if xs, ok := a.(string); ok {
		if ys, ok := b.(string); ok {
			if c, ok := compareTimestampTexts([]byte(xs), []byte(ys)); ok {
				return c // as instants: 10:00:00Z is before 10:00:00.5Z
			}
			return strings.Compare(xs, ys)
		}
	}
	x, xn := a.(float64)
	y, yn := b.(float64)
	switch {
	case xn && yn:
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case xn:
		return -1
	case yn:
		return 1
	}
	xs, _ := json.Marshal(a)
	ys, _ := json.Marshal(b)
	return strings.Compare(string(xs), string(ys))
}

func listDistinct(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	seen := map[string]bool{}
	out := []json.RawMessage{}
	for _, it := range items {
		s := string(it)
		if s == "null" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, it)
	}
	resultArray(ctx, out)
}

func listUnique(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	seen := map[string]bool{}
	for _, it := range items {
		if s := string(it); s != "null" {
			seen[s] = true
		}
	}
	ctx.ResultInt(len(seen))
}

func regexpSplit(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_SPLIT_TO_ARRAY"
	if nullCall(ctx, args) {
		return
	}
	re, ok := pattern(ctx, fn, args, 1, "")
	if !ok {
		return
	}
	parts := re.Split(args[0].Text(), -1)
	items := make([][]byte, len(parts))
	for i, p := range parts {
		items[i] = []byte(p)
	}
	resultTextArray(ctx, items)
}
