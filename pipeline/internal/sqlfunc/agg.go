package sqlfunc

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Aggregates the warehouses have and SQLite lacks. Each also runs as a
// window function; those that can drop the oldest row (count_if,
// bool_or_agg, bool_and_agg) run over sliding frames too.

func init() {
	add(
		Func{Name: "count_if_true", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &countIf{} }},
		Func{Name: "count_if_known", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &countIf{orNull: true} }},
		Func{Name: "bool_or_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &boolAgg{or: true} }},
		Func{Name: "bool_and_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &boolAgg{} }},
		Func{Name: "bool_xor_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &boolAgg{xor: true} }},
		Func{Name: "any_value_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &pick{skipNulls: true} }},
		Func{Name: "first_in_group", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &pick{} }},
		Func{Name: "last_in_group", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &pick{last: true} }},
		Func{Name: "listagg_text", NArgs: -1, Window: func() sqlite3.AggregateFunction { return &joinAgg{} }},
		Func{Name: "bit_and", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &bitAgg{op: '&'} }},
		Func{Name: "bit_or", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &bitAgg{op: '|'} }},
		Func{Name: "bit_xor", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &bitAgg{op: '^'} }},
		Func{Name: "string_agg_limit", NArgs: 3, Window: func() sqlite3.AggregateFunction { return &joinAgg{limited: true} }},
		Func{Name: "string_agg_distinct", NArgs: -1, Window: func() sqlite3.AggregateFunction { return &joinAgg{distinct: true, sep: ","} }},
		Func{Name: "listagg_distinct_text", NArgs: -1, Window: func() sqlite3.AggregateFunction { return &joinAgg{distinct: true} }},
		Func{Name: "array_agg_ignore_nulls", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &arrayAgg{} }},
	)
	all := []string{"bigquery", "snowflake", "duckdb"}
	// count_if_true(x): rows where x is true.
	rename("count_if_true", "countif", "bigquery")
	rename("count_if_true", "count_if", "snowflake")
	// DuckDB's count_if (countif) is NULL when no value is known.
	rename("count_if_known", "countif", "duckdb")
	rename("count_if_known", "count_if", "duckdb")
	// Snowflake's BITAND_AGG, BIT_AND_AGG, BITANDAGG ... are BIT_AND ...
	for _, op := range []string{"and", "or", "xor"} {
		for _, n := range []string{"bit" + op + "_agg", "bit_" + op + "_agg", "bit" + op + "agg", "bit_" + op + "agg"} {
			rename("bit_"+op, n, "snowflake")
		}
	}
	// bool_or_agg(x), bool_and_agg(x): NULL when every x is NULL.
	rename("bool_or_agg", "logical_or", "bigquery")
	rename("bool_and_agg", "logical_and", "bigquery")
	rename("bool_or_agg", "bool_or", "duckdb", "snowflake")
	rename("bool_and_agg", "bool_and", "duckdb", "snowflake")
	rename("bool_or_agg", "boolor_agg", "snowflake")
	rename("bool_and_agg", "booland_agg", "snowflake")
	rename("bool_xor_agg", "boolxor_agg", "snowflake")
	// any_value_agg(x): some non-NULL x of the group (the first one read).
	rename("any_value_agg", "any_value", all...)
	// first_in_group(x), last_in_group(x): DuckDB's first and last, NULLs
	// included.
	rename("first_in_group", "first", "duckdb")
	rename("first_in_group", "arbitrary", "duckdb")
	rename("last_in_group", "last", "duckdb")
	// STRING_AGG(x[, sep]) is SQLite's group_concat (',' by default, NULLs
	// skipped, ORDER BY inside the call kept). Snowflake's LISTAGG(x[, sep])
	// joins with '' by default: listagg_text.
	rename("group_concat", "string_agg", "bigquery", "duckdb")
	rename("group_concat", "listagg", "duckdb")
	rename("listagg_text", "listagg", "snowflake")
	// string_agg_limit(x, sep, n): BigQuery's STRING_AGG(x, sep ORDER BY y
	// LIMIT n), the first n values that are not NULL in the call's order.
	// string_agg_distinct(x, sep): the distinct values of x in the order
	// first read, joined by sep; the translator writes
	// STRING_AGG(DISTINCT x, sep) and LISTAGG(DISTINCT x, sep) as this,
	// because SQLite's DISTINCT aggregates take one argument only.
	// ARRAY_AGG is SQLite's json_group_array (a JSON array, NULLs kept as
	// null, as DuckDB's list); Snowflake's ARRAY_AGG leaves NULLs out:
	// array_agg_ignore_nulls, which the translator also writes for
	// BigQuery's ARRAY_AGG(x IGNORE NULLS).
	rename("json_group_array", "array_agg", "bigquery", "duckdb")
	rename("json_group_array", "list", "duckdb")
	rename("array_agg_ignore_nulls", "array_agg", "snowflake")
	rename("array_agg_ignore_nulls", "arrayagg", "snowflake")
}

// countIf counts the rows whose value is true; with orNull (DuckDB's
// count_if, a sum of the values as integers) it is NULL when no value is
// known, every one NULL or no rows.
type countIf struct {
	n, known int64
	orNull   bool
}

func (c *countIf) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if v, ok := truth(arg[0]); ok {
		c.known++
		if v {
			c.n++
		}
	}
}
func (c *countIf) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if v, ok := truth(arg[0]); ok {
		c.known--
		if v {
			c.n--
		}
	}
}
func (c *countIf) Value(ctx sqlite3.Context) {
	if c.orNull && c.known == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultInt64(c.n)
}

// boolAgg is BOOL_OR, BOOL_AND and Snowflake's BOOLXOR_AGG (exactly one
// true) over the values that are not NULL; NULL when there is none.
type boolAgg struct {
	or, xor       bool
	trues, values int64
}

func (b *boolAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if v, ok := truth(arg[0]); ok {
		b.values++
		if v {
			b.trues++
		}
	}
}
func (b *boolAgg) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if v, ok := truth(arg[0]); ok {
		b.values--
		if v {
			b.trues--
		}
	}
}
func (b *boolAgg) Value(ctx sqlite3.Context) {
	switch {
	case b.values == 0:
		ctx.ResultNull()
	case b.or:
		ctx.ResultBool(b.trues > 0)
	case b.xor:
		ctx.ResultBool(b.trues == 1)
	default:
		ctx.ResultBool(b.trues == b.values)
	}
}

// pick keeps one value of the group: the first (non-NULL with skipNulls)
// or the last.
type pick struct {
	skipNulls, last bool
	v               *sqlite3.Value
	seen            bool
}

func (p *pick) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if p.skipNulls && arg[0].Type() == sqlite3.NULL {
		return
	}
	if p.seen && !p.last {
		return
	}
	if p.v != nil {
		p.v.Close()
	}
	p.v, p.seen = arg[0].Dup(), true
}
func (p *pick) Value(ctx sqlite3.Context) {
	if p.v == nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*p.v)
}
func (p *pick) Close() error {
	if p.v != nil {
		return p.v.Close()
	}
	return nil
}

// joinAgg joins text with a separator (the second argument, read from the
// first row), skipping NULLs; with distinct, each value once.
type joinAgg struct {
	distinct bool
	sep      string
	sepSet   bool
	b        strings.Builder
	n        int
	seen     map[string]struct{}
	limit    int64 // string_agg_limit: the most values joined
	limited  bool
	instants bool // distinct by instant (distinctKey)
}

func (j *joinAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if len(arg) > 2 && !j.limited {
		resultError(ctx, errorString("LISTAGG: takes a value and an optional separator"))
		return
	}
	if j.limited && j.n == 0 && j.limit == 0 {
		if j.limit = arg[2].Int64(); j.limit < 0 || arg[2].Type() != sqlite3.INTEGER {
			resultError(ctx, errorString("STRING_AGG: LIMIT must be a non-negative integer, not "+arg[2].Text()))
			return
		}
	}
	if j.limited && int64(j.n) >= j.limit {
		return
	}
	if !j.sepSet {
		j.sepSet = true
		if len(arg) >= 2 && arg[1].Type() != sqlite3.NULL {
			j.sep = arg[1].Text()
		} else if !j.distinct {
			j.sep = ""
		}
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	s := arg[0].Text()
	if j.distinct {
		if j.seen == nil {
			j.seen = map[string]struct{}{}
		}
		key := s
		if j.instants {
			key = distinctKey(s)
		}
		if _, dup := j.seen[key]; dup {
			return
		}
		j.seen[key] = struct{}{}
	}
	if j.instants {
		// Snowflake's LISTAGG casts each value to VARCHAR, as LISTAGG
		// without DISTINCT does (timestamp_string)
		s = snowflakeInstantText(s)
	}
	if j.n > 0 {
		j.b.WriteString(j.sep)
	}
	j.b.WriteString(s)
	j.n++
}
func (j *joinAgg) Value(ctx sqlite3.Context) {
	if j.n == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(j.b.String())
}

// arrayAgg builds a JSON array of the non-NULL values; JSON values (an
// array or struct made by another function) are nested as JSON.
// With limit (array_agg_limit(x, n), BigQuery's ARRAY_AGG(x ORDER BY y
// LIMIT n)), the first n values in the call's order, NULLs kept as null;
// with distinct too (array_agg_distinct_limit, ARRAY_AGG(DISTINCT x ...
// LIMIT n)), the first n distinct ones, as SQLite takes DISTINCT only in a
// call of one argument.
type arrayAgg struct {
	b        []byte
	n        int
	limit    bool
	distinct bool
	instants bool // distinct by instant (distinctKey)
	seen     map[string]bool
}

func (a *arrayAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	if a.limit && int64(a.n) >= arg[1].Int64() {
		return
	}
	if v.Type() == sqlite3.NULL && !a.limit {
		return
	}
	elem := jsonElem(v)
	if a.distinct {
		key := elem
		if a.instants && v.Type() == sqlite3.TEXT && v.Subtype() != jsonSubtype {
			key = "\x00" + distinctKey(v.Text()) // apart from JSON elements
		}
		if a.seen[key] {
			return
		}
		if a.seen == nil {
			a.seen = map[string]bool{}
		}
		a.seen[key] = true
	}
	if a.n == 0 {
		a.b = append(a.b, '[')
	} else {
		a.b = append(a.b, ',')
	}
	a.n++
	a.b = append(a.b, elem...)
}
func (a *arrayAgg) Value(ctx sqlite3.Context) {
	if a.n == 0 {
		ctx.ResultText("[]")
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	ctx.ResultRawText(append(a.b, ']'))
	ctx.ResultSubtype(jsonSubtype)
}

// jsonElem is v as an element of a JSON array.
func jsonElem(v sqlite3.Value) string {
	switch v.Type() {
	case sqlite3.NULL:
		return "null"
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return v.Text()
	}
	if v.Subtype() == jsonSubtype {
		return v.Text()
	}
	var sb strings.Builder
	writeJSONString(&sb, v.RawText())
	return sb.String()
}

// listOrNull is DuckDB's list and array_agg: every value, NULLs as null,
// and NULL over no rows (an empty window frame too). Rows leave a window
// frame first in first out (Inverse).
type listOrNull struct{ elems []string }

func (l *listOrNull) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	l.elems = append(l.elems, jsonElem(arg[0]))
}
func (l *listOrNull) Inverse(_ sqlite3.Context, _ ...sqlite3.Value) { l.elems = l.elems[1:] }
func (l *listOrNull) Value(ctx sqlite3.Context) {
	if len(l.elems) == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultText("[" + strings.Join(l.elems, ",") + "]")
	ctx.ResultSubtype(jsonSubtype)
}

func init() {
	add(
		Func{Name: "array_agg_limit", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &arrayAgg{limit: true} }},
		Func{Name: "array_agg_distinct_limit", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &arrayAgg{limit: true, distinct: true} }},
		// Snowflake's ARRAY_UNIQUE_AGG as a window function: the distinct
		// values, NULLs left out
		Func{Name: "array_agg_distinct_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &arrayAgg{distinct: true} }},
		// DuckDB's array_agg and list: NULLs kept, and NULL over no rows
		Func{Name: "list_or_null", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &listOrNull{} }},
		Func{Name: "first_value_ignore_nulls", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &framePick{} }},
		Func{Name: "last_value_ignore_nulls", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &framePick{last: true} }},
		Func{Name: "quantile_cont_of", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &median{} }},
		Func{Name: "median_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &median{} }},
		// DuckDB's median and quantile_cont of a DECIMAL with its scale
		// last: the result is a DECIMAL of that scale (see decimalMedian)
		Func{Name: "median_decimal", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &median{scaled: true} }},
		Func{Name: "quantile_cont_decimal", NArgs: 3, Window: func() sqlite3.AggregateFunction { return &median{scaled: true} }},
		Func{Name: "value_at_max", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: 1} }},
		Func{Name: "value_at_min", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: -1} }},
		// DuckDB's arg_max and arg_min leave out the rows whose value is
		// NULL too (arg_max_null keeps them)
		Func{Name: "value_at_max_nulls_last", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: 1, nullsLast: true} }},
		Func{Name: "value_at_min_nulls_last", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: -1, nullsLast: true} }},
		Func{Name: "value_at_max_of_values", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: 1, values: true} }},
		Func{Name: "value_at_min_of_values", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valueAt{sign: -1, values: true} }},
	)
	// median_of(x): the middle number, or the mean of the two middle ones;
	// NULLs ignored.
	rename("median_of", "median", "snowflake", "duckdb")
	// quantile_cont_of(x, q): the q quantile interpolated between the two
	// nearest values (DuckDB's quantile_cont; PERCENTILE_CONT(q) WITHIN
	// GROUP (ORDER BY x), which the translator writes as this).
	rename("quantile_cont_of", "quantile_cont", "duckdb")
	// Snowflake's APPROX_PERCENTILE(x, q) is exact here
	rename("quantile_cont_of", "approx_percentile", "snowflake")
	// value_at_max(v, k): v of the row with the largest k (NULL keys
	// ignored; the first such row on a tie). DuckDB's arg_max(v, k) also
	// leaves out the rows whose v is NULL (its documentation: rows where
	// arg or val is NULL are ignored), arg_max_null only those whose k is.
	for _, n := range []string{"arg_max", "argmax", "max_by"} {
		rename("value_at_max_of_values", n, "duckdb")
	}
	for _, n := range []string{"arg_min", "argmin", "min_by"} {
		rename("value_at_min_of_values", n, "duckdb")
	}
	// arg_max_nulls_last(v, k): v of the row with the largest k, a row
	// whose k is NULL taken only when no k is set; rows whose v is NULL
	// count (the first row on a tie)
	rename("value_at_max_nulls_last", "arg_max_nulls_last", "duckdb")
	rename("value_at_min_nulls_last", "arg_min_nulls_last", "duckdb")
	rename("value_at_max", "arg_max_null", "duckdb")
	rename("value_at_min", "arg_min_null", "duckdb")
	rename("value_at_max", "max_by", "snowflake")
	rename("value_at_min", "min_by", "snowflake")
}

// median keeps the numbers of the group for the median, or the quantile
// its second argument gives (read from the first row).
type median struct {
	xs    []float64
	q     float64
	qRead bool
	// scaled: the last argument is the scale of DECIMAL values
	scaled bool
	scale  int
	// times: the values are dates or timestamps (their text), kept as
	// microseconds since the epoch; the result is a timestamp, as
	// DuckDB's median and quantile_cont of DATEs and TIMESTAMPs are
	times bool
}

func (m *median) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if m.scaled {
		s, _ := integer(arg[len(arg)-1])
		m.scale, arg = int(s), arg[:len(arg)-1]
	}
	if len(arg) == 2 && !m.qRead {
		q, ok := number(arg[1])
		if !ok || q < 0 || q > 1 {
			resultError(ctx, fmt.Errorf("QUANTILE_CONT: the quantile must be between 0 and 1, not %s", arg[1].Text()))
			return
		}
		m.q, m.qRead = q, true
	}
	if f, ok := number(arg[0]); ok && arg[0].Type() != sqlite3.NULL {
		m.xs = append(m.xs, f)
	} else if arg[0].Type() == sqlite3.TEXT && (m.times || len(m.xs) == 0) {
		if p, ok := parseTimestampText(arg[0].Text()); ok {
			t := p.wall
			if p.loc != nil {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), p.loc)
			}
			m.times = true
			m.xs = append(m.xs, float64(t.UnixMicro()))
		}
	}
}
func (m *median) Value(ctx sqlite3.Context) {
	if len(m.xs) == 0 {
		ctx.ResultNull()
		return
	}
	xs := slices.Clone(m.xs)
	slices.Sort(xs)
	q := 0.5
	if m.qRead {
		q = m.q
	}
	pos := q * float64(len(xs)-1)
	lo := int(pos)
	if lo+1 >= len(xs) {
		if m.times {
			resultTimestamp(ctx, time.UnixMicro(int64(xs[lo])).UTC())
			return
		}
		ctx.ResultFloat(xs[lo])
		return
	}
	if m.times {
		// the microseconds between the two, to the nearest one
		micros := xs[lo] + math.Round((xs[lo+1]-xs[lo])*(pos-float64(lo)))
		resultTimestamp(ctx, time.UnixMicro(int64(micros)).UTC())
		return
	}
	if m.scaled {
		ctx.ResultFloat(decimalMedian(xs[lo], xs[lo+1], pos-float64(lo), m.scale))
		return
	}
	ctx.ResultFloat(xs[lo] + (xs[lo+1]-xs[lo])*(pos-float64(lo)))
}

// decimalMedian interpolates between DECIMAL values lo and hi of scale s
// as DuckDB does: the result keeps the scale, its further digits cut off
// towards zero (median of 0.10 and 0.15 is 0.12, of -0.17 and 0.10 is
// -0.03). The interpolation runs on the values in units of the last digit,
// where the fraction's own rounding counts as in DuckDB: the 0.9 quantile
// of 2 and 100 among eight values is 31.39, as 0.3 of 9800 units is a hair
// under 2940 in a double.
func decimalMedian(lo, hi, frac float64, s int) float64 {
	unit := math.Pow10(s)
	a, b := math.Round(lo*unit), math.Round(hi*unit)
	v := a + (b-a)*frac
	if v = math.Trunc(v); v == 0 {
		return 0 // a decimal has no negative zero
	}
	return v / unit
}

// valueAt keeps the value of the row whose key is the largest (sign 1) or
// smallest (sign -1), comparing keys as SQLite orders them.
type valueAt struct {
	sign int
	// values: rows whose value is NULL are left out too
	values bool
	// nullsLast: a row whose key is NULL counts, after every key that is
	// not (DuckDB's arg_max_nulls_last and arg_min_nulls_last)
	nullsLast bool
	v, k      *sqlite3.Value
}

func (a *valueAt) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if a.nullsLast {
		switch {
		case arg[1].Type() == sqlite3.NULL:
			// among rows whose key is NULL, DuckDB prefers one whose
			// value is set
			if a.v != nil && (a.k.Type() != sqlite3.NULL || a.v.Type() != sqlite3.NULL || arg[0].Type() == sqlite3.NULL) {
				return
			}
		case a.k != nil && a.k.Type() != sqlite3.NULL && a.sign*compare(arg[1], *a.k) <= 0:
			return
		}
		a.Close()
		a.v, a.k = arg[0].Dup(), arg[1].Dup()
		return
	}
	if arg[1].Type() == sqlite3.NULL || a.values && arg[0].Type() == sqlite3.NULL {
		return
	}
	if a.k != nil && a.sign*compare(arg[1], *a.k) <= 0 {
		return
	}
	a.Close()
	v, k := arg[0].Dup(), arg[1].Dup()
	a.v, a.k = v, k
}
func (a *valueAt) Value(ctx sqlite3.Context) {
	if a.v == nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*a.v)
}
func (a *valueAt) Close() error {
	if a.v != nil {
		a.v.Close()
		a.k.Close()
		a.v, a.k = nil, nil
	}
	return nil
}

// framePick is FIRST_VALUE / LAST_VALUE(x IGNORE NULLS) OVER (...): the
// first or last non-NULL value of the window frame. It keeps the frame's
// rows so that rows leaving the frame (Inverse) drop out.
type framePick struct {
	last bool
	rows []*sqlite3.Value // nil for a NULL
}

func (f *framePick) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		f.rows = append(f.rows, nil)
		return
	}
	f.rows = append(f.rows, arg[0].Dup())
}
func (f *framePick) Inverse(_ sqlite3.Context, _ ...sqlite3.Value) {
	if len(f.rows) > 0 {
		if f.rows[0] != nil {
			f.rows[0].Close()
		}
		f.rows = f.rows[1:]
	}
}
func (f *framePick) Value(ctx sqlite3.Context) {
	for i := range f.rows {
		j := i
		if f.last {
			j = len(f.rows) - 1 - i
		}
		if f.rows[j] != nil {
			ctx.ResultValue(*f.rows[j])
			return
		}
	}
	ctx.ResultNull()
}
func (f *framePick) Close() error {
	for _, v := range f.rows {
		if v != nil {
			v.Close()
		}
	}
	f.rows = nil
	return nil
}

// bitAgg is BIT_AND, BIT_OR or BIT_XOR(x) (BigQuery, DuckDB): the bitwise
// operation over the group's integers; NULLs are left out, and a group
// with none gives NULL.
type bitAgg struct {
	op  byte
	acc int64
	n   int
}

func (b *bitAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	x, ok := integer(arg[0])
	if !ok || arg[0].Type() == sqlite3.TEXT {
		resultError(ctx, errorString("BIT_"+map[byte]string{'&': "AND", '|': "OR", '^': "XOR"}[b.op]+": "+arg[0].Text()+" is not an integer"))
		return
	}
	switch {
	case b.n == 0:
		b.acc = x
	case b.op == '&':
		b.acc &= x
	case b.op == '|':
		b.acc |= x
	default:
		b.acc ^= x
	}
	b.n++
}

func (b *bitAgg) Value(ctx sqlite3.Context) {
	if b.n == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultInt64(b.acc)
}
