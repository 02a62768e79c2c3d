package sqlfunc

import (
	"encoding/json"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB functions dbt models call that SQLite lacks or answers
// differently: list membership and position, struct_extract, ascii and
// chr, len of a list or a string, Unicode lower and upper, and the
// standard deviations and variances.

func init() {
	add(
		Func{Name: "list_has_any_json", NArgs: 2, Scalar: listHas(false)},
		Func{Name: "list_has_all_json", NArgs: 2, Scalar: listHas(true)},
		Func{Name: "list_position_json", NArgs: 2, Scalar: listPosition},
		Func{Name: "struct_field", NArgs: 2, Scalar: structField},
		Func{Name: "ascii_code", NArgs: 1, Scalar: asciiCode},
		Func{Name: "chr_of", NArgs: 1, Scalar: chrOf},
		Func{Name: "list_or_text_length", NArgs: 1, Scalar: listOrTextLength},
		Func{Name: "lower_unicode", NArgs: 1, Scalar: caseMap(strings.ToLower)},
		Func{Name: "upper_unicode", NArgs: 1, Scalar: caseMap(strings.ToUpper)},
		Func{Name: "stddev_samp_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &moments{sample: true, root: true} }},
		Func{Name: "stddev_pop_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &moments{root: true} }},
		Func{Name: "var_samp_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &moments{sample: true} }},
		Func{Name: "var_pop_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &moments{} }},
	)
	// list_has_any(a, b), list_has_all(a, b): whether a holds any (all) of
	// b's elements, NULLs never matching.
	rename("list_has_any_json", "list_has_any", "duckdb")
	rename("list_has_any_json", "array_has_any", "duckdb")
	rename("list_has_all_json", "list_has_all", "duckdb")
	rename("list_has_all_json", "array_has_all", "duckdb")
	// list_position(l, x): the 1-based index of x's first occurrence, NULL
	// when l does not hold it.
	for _, n := range []string{"list_position", "list_indexof", "array_position", "array_indexof"} {
		rename("list_position_json", n, "duckdb")
	}
	// struct_extract(s, 'field') is s.field.
	rename("struct_field", "struct_extract", "duckdb")
	// ascii(s): the code point of the first character; chr(n) the character.
	rename("ascii_code", "ascii", "duckdb", "snowflake", "bigquery")
	rename("chr_of", "chr", "duckdb", "snowflake", "bigquery")
	// len(x) of a list counts its elements, of text its characters: which
	// one shows when the query runs, as for x[i].
	rename("list_or_text_length", "len", "duckdb")
	// The warehouses change the case of every letter, SQLite's lower and
	// upper only ASCII's.
	rename("lower_unicode", "lower", "duckdb", "snowflake", "bigquery")
	rename("upper_unicode", "upper", "duckdb", "snowflake", "bigquery")
	// Standard deviation and variance, of a sample (NULL for fewer than two
	// values) or of the population, computed as DuckDB does (Welford's
	// method).
	for _, d := range []string{"duckdb", "snowflake", "bigquery"} {
		rename("stddev_samp_agg", "stddev_samp", d)
		rename("stddev_samp_agg", "stddev", d)
		rename("stddev_pop_agg", "stddev_pop", d)
		rename("var_samp_agg", "var_samp", d)
		rename("var_samp_agg", "variance", d)
		rename("var_pop_agg", "var_pop", d)
	}
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
	raw := lookup(args[0].RawText(), []step{{name: args[1].Text()}})
	if raw == nil {
		fail(ctx, "STRUCT_EXTRACT", "the struct has no field %q", args[1].Text())
		return
	}
	resultElement(ctx, raw)
}

func asciiCode(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	r, _ := utf8.DecodeRuneInString(args[0].Text())
	if r == utf8.RuneError {
		ctx.ResultInt(0)
		return
	}
	ctx.ResultInt(int(r))
}

func chrOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	if !ok || n < 0 || n > utf8.MaxRune {
		fail(ctx, "CHR", "takes a code point, not %s", args[0].Text())
		return
	}
	ctx.ResultText(string(rune(n)))
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

func caseMap(f func(string) string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if args[0].Type() != sqlite3.TEXT {
			if args[0].Type() == sqlite3.NULL {
				ctx.ResultNull()
				return
			}
			ctx.ResultText(args[0].Text())
			return
		}
		ctx.ResultText(f(args[0].Text()))
	}
}

// moments is Welford's running mean and sum of squared deviations.
type moments struct {
	sample, root bool
	n            float64
	mean, m2     float64
}

func (m *moments) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	x, ok := number(arg[0])
	if !ok || arg[0].Type() == sqlite3.NULL {
		return
	}
	m.n++
	d := x - m.mean
	m.mean += d / m.n
	m.m2 += d * (x - m.mean)
}

func (m *moments) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	x, ok := number(arg[0])
	if !ok || arg[0].Type() == sqlite3.NULL {
		return
	}
	if m.n <= 1 {
		*m = moments{sample: m.sample, root: m.root}
		return
	}
	mean := (m.n*m.mean - x) / (m.n - 1)
	m.m2 -= (x - m.mean) * (x - mean)
	m.mean = mean
	m.n--
}

func (m *moments) Value(ctx sqlite3.Context) {
	div := m.n
	if m.sample {
		div--
	}
	if m.n == 0 || div <= 0 {
		ctx.ResultNull()
		return
	}
	v := m.m2 / div
	if m.root {
		v = math.Sqrt(v)
	}
	ctx.ResultFloat(v)
}
