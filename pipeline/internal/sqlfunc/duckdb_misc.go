package sqlfunc

import (
	"encoding/json"
	"math"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB functions dbt models call that SQLite lacks or answers
// differently: list membership and position, struct_extract, len of a list
// or a string; and DuckDB's names for functions the other warehouses have.

func init() {
	add(
		Func{Name: "list_has_any_json", NArgs: 2, Scalar: listHas(false)},
		Func{Name: "list_has_all_json", NArgs: 2, Scalar: listHas(true)},
		Func{Name: "list_position_json", NArgs: 2, Scalar: listPosition},
		Func{Name: "list_intersect_json", NArgs: 2, Scalar: listIntersect},
		Func{Name: "struct_field", NArgs: 2, Scalar: structField},
		Func{Name: "list_or_text_length", NArgs: 1, Scalar: listOrTextLength},
		Func{Name: "round_duckdb", NArgs: -1, Scalar: roundDuckDB},
		// repeat(l, n) of a list: its elements n times over (the
		// translator calls it for a value known to be a list)
		Func{Name: "list_repeat", NArgs: 2, Scalar: listRepeat},
		Func{Name: "unicode_duckdb", NArgs: 1, Scalar: unicodeDuckDB},
	)
	// unicode(s): the code point of s's first character, -1 for ''.
	rename("unicode_duckdb", "unicode", "duckdb")
	// round(x[, n]): an integer stays an integer (rounded to tens, hundreds
	// for n < 0); a real is round(x * 10^n) / 10^n, halves away from zero,
	// as DuckDB rounds a DOUBLE (1.005 is 1.0, its double being below).
	rename("round_duckdb", "round", "duckdb")
	// list_has_any(a, b), list_has_all(a, b): whether a holds any (all) of
	// b's elements, NULLs never matching.
	rename("list_has_any_json", "list_has_any", "duckdb")
	rename("list_has_any_json", "array_has_any", "duckdb")
	rename("list_has_all_json", "list_has_all", "duckdb")
	rename("list_has_all_json", "array_has_all", "duckdb")
	// list_intersect(a, b): a's elements that b holds, each once, NULLs
	// never matching (DuckDB's order follows its hashing: sort the result
	// where the order matters); NULL when either list is NULL.
	rename("list_intersect_json", "list_intersect", "duckdb")
	rename("list_intersect_json", "array_intersect", "duckdb")
	// list_position(l, x): the 1-based index of x's first occurrence, NULL
	// when l does not hold it.
	for _, n := range []string{"list_position", "list_indexof", "array_position", "array_indexof"} {
		rename("list_position_json", n, "duckdb")
	}
	// struct_contains(s, x), struct_has, struct_position(s, x) and
	// struct_indexof of an unnamed struct, (a, b) or row(a, b), held as
	// the list of its values: as list_contains and list_position of it.
	rename("list_contains", "struct_contains", "duckdb")
	rename("list_contains", "struct_has", "duckdb")
	rename("list_position_json", "struct_position", "duckdb")
	rename("list_position_json", "struct_indexof", "duckdb")
	// struct_extract(s, 'field') is s.field.
	rename("struct_field", "struct_extract", "duckdb")
	// ascii(s) and the standard deviations and variances, as the
	// other warehouses have them (numeric.go, stats.go).
	rename("ascii_code", "ascii", "duckdb")
	rename("stddev_samp_rows", "stddev", "duckdb")
	rename("stddev_samp_rows", "stddev_samp", "duckdb")
	rename("stddev_pop_rows", "stddev_pop", "duckdb")
	rename("var_samp_rows", "variance", "duckdb")
	rename("var_samp_rows", "var_samp", "duckdb")
	rename("var_pop_rows", "var_pop", "duckdb")
	rename("covar_samp_of", "covar_samp", "duckdb")
	rename("covar_pop_of", "covar_pop", "duckdb")
	rename("corr_of", "corr", "duckdb")
	// The warehouses change the case of every letter, SQLite's lower and
	// upper only ASCII's.
	rename("upper_duckdb", "upper", "duckdb")
	rename("upper_duckdb", "ucase", "duckdb")
	rename("lower_text", "lower", "duckdb")
	rename("lower_text", "lcase", "duckdb")
	// len(x) of a list counts its elements, of text its characters: which
	// one shows when the query runs, as for x[i].
	rename("list_or_text_length", "len", "duckdb")
}

// elementKeys are the JSON texts of a list's non-NULL elements.
func elementKeys(items []json.RawMessage) []string {
	keys := make([]string, 0, len(items))
	for _, it := range items {
		var v any
		if json.Unmarshal(it, &v) != nil || v == nil {
			continue
		}
		b, _ := json.Marshal(v)
		keys = append(keys, string(b))
	}
	return keys
}

func listHas(all bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		a, ok1 := arrayArg(ctx, args[0])
		if !ok1 {
			return
		}
		b, ok2 := arrayArg(ctx, args[1])
		if !ok2 {
			return
		}
		have := map[string]bool{}
		for _, k := range elementKeys(a) {
			have[k] = true
		}
		for _, k := range elementKeys(b) {
			if have[k] != all {
				ctx.ResultBool(!all)
				return
			}
		}
		ctx.ResultBool(all)
	}
}

func listIntersect(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	b, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	in := map[string]bool{}
	for _, k := range elementKeys(b) {
		in[k] = true
	}
	out := []json.RawMessage{}
	for _, it := range a {
		keys := elementKeys([]json.RawMessage{it})
		if len(keys) == 0 || !in[keys[0]] {
			continue
		}
		in[keys[0]] = false // once
		out = append(out, it)
	}
	resultArray(ctx, out)
}

func listPosition(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	var want any
	switch args[1].Type() {
	case sqlite3.INTEGER:
		want = float64(args[1].Int64())
	case sqlite3.FLOAT:
		want = args[1].Float()
	case sqlite3.NULL:
		want = nil
	default:
		want = args[1].Text()
	}
	wb, _ := json.Marshal(want)
	for i, it := range items {
		var v any
		if json.Unmarshal(it, &v) != nil {
			continue
		}
		if b, _ := json.Marshal(v); string(b) == string(wb) {
			ctx.ResultInt(i + 1)
			return
		}
	}
	ctx.ResultNull()
}

func structField(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if args[1].Type() == sqlite3.INTEGER {
		// an unnamed struct's field by its position, from 1: held as the
		// list of its values
		if items, ok := listItems(args[0]); ok {
			if i := args[1].Int64(); i >= 1 && i <= int64(len(items)) {
				resultElement(ctx, items[i-1])
				return
			}
			fail(ctx, "STRUCT_EXTRACT", "the struct has no field %d", args[1].Int64())
			return
		}
	}
	raw := lookup(args[0].RawText(), []step{{name: args[1].Text()}})
	if raw == nil {
		fail(ctx, "STRUCT_EXTRACT", "the struct has no field %q", args[1].Text())
		return
	}
	resultElement(ctx, raw)
}

func listOrTextLength(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if items, ok := listItems(args[0]); ok {
		ctx.ResultInt(len(items))
		return
	}
	ctx.ResultInt(utf8.RuneCountInString(args[0].Text()))
}

func unicodeDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	if s == "" {
		ctx.ResultInt(-1)
		return
	}
	r, _ := utf8.DecodeRuneInString(s)
	ctx.ResultInt64(int64(r))
}

func listRepeat(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := listItems(args[0])
	n, isInt := integer(args[1])
	if !ok || !isInt {
		fail(ctx, "REPEAT", "repeats a list a whole number of times, not %s times %s", args[0].Text(), args[1].Text())
		return
	}
	out := []byte{'['}
	for i := int64(0); i < n; i++ {
		for _, it := range items {
			if len(out) > 1 {
				out = append(out, ',')
			}
			out = append(out, it...)
		}
	}
	resultJSON(ctx, append(out, ']'))
}

func roundDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "ROUND", args, 1, 2, "takes a number and an optional number of digits") || nullCall(ctx, args) {
		return
	}
	var digits int64
	if len(args) == 2 {
		var ok bool
		if digits, ok = integer(args[1]); !ok {
			fail(ctx, "ROUND", "the digits must be an integer, not %s", args[1].Text())
			return
		}
	}
	x, i, isInt, ok := numeric(args[0])
	if !ok {
		fail(ctx, "ROUND", "rounds numbers, not %s", args[0].Text())
		return
	}
	if isInt && args[0].Type() == sqlite3.INTEGER {
		if digits >= 0 {
			ctx.ResultInt64(i)
			return
		}
		p := math.Pow(10, float64(-digits))
		ctx.ResultInt64(int64(math.Round(float64(i)/p) * p))
		return
	}
	var r float64
	switch p := math.Pow(10, math.Abs(float64(digits))); {
	case digits > 0:
		r = math.Round(x*p) / p
	case digits < 0:
		r = math.Round(x/p) * p
	default:
		r = math.Round(x)
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		r = x
	}
	ctx.ResultFloat(r)
}
