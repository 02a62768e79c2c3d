package sqlfunc

import (
	"encoding/json"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// More of DuckDB's functions, as DuckDB computes them (each checked on
// DuckDB):
//
//	list_select(l, indexes)     the elements at the 1-based indexes, NULL for
//	                            one outside the list; a NULL index fails
//	list_where(l, mask)         the elements whose mask is true, NULL past
//	                            the list's end; a NULL in the mask fails
//	list_grade_up(l[, order[, nulls]])  the 1-based indexes that sort l, as
//	                            list_sort orders it (ties in place)
//	epoch_ns(x)                 nanoseconds since 1970
//	make_timestamptz(y, m, d, h, mi, s[, zone])  the instant of that wall
//	                            clock in zone (UTC by default), a month or
//	                            day past its end carried on; or (micros)
//	mad(x)                      the median of the distances to the median
//	sem(x)                      the standard error of the mean, the
//	                            population standard deviation over √n
//	approx_quantile(x, q)       DuckDB's t-digest read at q: with every
//	                            value its own centroid (DuckDB merges none
//	                            below 36 values), interpolated between the
//	                            centroids' middles, q held as a 32-bit float;
//	                            an integer's and a DECIMAL's rounded half
//	                            to even
//
// mad, sem and approx_quantile take numbers: of dates and timestamps
// (DuckDB's INTERVAL or timestamp) they fail.

func init() {
	add(Func{Name: "list_select_duck", NArgs: 2, Scalar: listSelect},
		Func{Name: "list_where_duck", NArgs: 2, Scalar: listWhere},
		Func{Name: "list_grade_up_duck", NArgs: -1, Scalar: listGradeUp},
		Func{Name: "epoch_ns_of", NArgs: 1, Scalar: toEpoch(time.Nanosecond)},
		Func{Name: "make_timestamptz_duck", NArgs: -1, Scalar: makeTimestampTZ},
		Func{Name: "mad_duck", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &valuesAgg{final: madOf} }},
		// mad of a DECIMAL with its scale last: each median cut off to
		// that scale towards zero, as DuckDB computes them in the DECIMAL
		Func{Name: "mad_decimal", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &valuesAgg{scaled: true} }},
		Func{Name: "sem_duck", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &valuesAgg{final: semOf, sem: true} }},
		Func{Name: "approx_quantile_duck", NArgs: 3, Window: func() sqlite3.AggregateFunction { return &valuesAgg{quantile: true} }},
		Func{Name: "upper_duckdb", NArgs: 1, Scalar: mapText(upperDuckDB)})
	rename("list_select_duck", "list_select", "duckdb")
	rename("list_select_duck", "array_select", "duckdb")
	rename("list_where_duck", "list_where", "duckdb")
	rename("list_where_duck", "array_where", "duckdb")
	for _, n := range []string{"list_grade_up", "array_grade_up", "grade_up"} {
		rename("list_grade_up_duck", n, "duckdb")
	}
	rename("epoch_ns_of", "epoch_ns", "duckdb")
	rename("make_timestamptz_duck", "make_timestamptz", "duckdb")
	rename("mad_duck", "mad", "duckdb")
	rename("sem_duck", "sem", "duckdb")
}

// upperDuckDB is DuckDB's upper (and ucase): every letter's capital, ß's
// ẞ, where Go's (Unicode's simple mapping) keeps it.
func upperDuckDB(s string) string { return strings.ReplaceAll(strings.ToUpper(s), "ß", "ẞ") }

func listSelect(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	idx, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	out := make([]json.RawMessage, len(idx))
	for i, raw := range idx {
		var f *float64
		if json.Unmarshal(raw, &f) != nil {
			fail(ctx, "LIST_SELECT", "the indexes must be whole numbers, not %s", raw)
			return
		}
		if f == nil {
			fail(ctx, "LIST_SELECT", "NULLs are not allowed as list elements in the second input parameter.")
			return
		}
		out[i] = json.RawMessage("null")
		if k := int(*f); k >= 1 && k <= len(items) {
			out[i] = items[k-1]
		}
	}
	resultArray(ctx, out)
}

func listWhere(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	mask, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	out := []json.RawMessage{}
	for i, raw := range mask {
		var b any
		json.Unmarshal(raw, &b)
		if b == nil {
			fail(ctx, "LIST_WHERE", "NULLs are not allowed as list elements in the second input parameter.")
			return
		}
		if b == true || b == float64(1) {
			if i < len(items) {
				out = append(out, items[i])
			} else {
				out = append(out, json.RawMessage("null"))
			}
		}
	}
	resultArray(ctx, out)
}

func listGradeUp(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "LIST_GRADE_UP"
	if !called(ctx, fn, args, 1, 3, "takes a list, and optionally 'ASC' or 'DESC' and 'NULLS FIRST' or 'NULLS LAST'") {
		return
	}
	order, nulls := "ASC", ""
	if len(args) > 1 {
		order = args[1].Text()
	}
	if len(args) > 2 {
		nulls = args[2].Text()
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	perm, ok := sortOrder(ctx, fn, items, order, nulls)
	if !ok {
		return
	}
	out := make([]json.RawMessage, len(perm))
	for i, p := range perm {
		out[i] = json.RawMessage(itoa(p + 1))
	}
	resultArray(ctx, out)
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

func makeTimestampTZ(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "MAKE_TIMESTAMPTZ"
	if nullCall(ctx, args) {
		return
	}
	switch len(args) {
	case 1:
		fromEpoch(1e3)(ctx, args...)
		return
	case 6, 7:
	default:
		fail(ctx, fn, "takes microseconds since 1970, or a year, month, day, hour, minute, seconds and an optional time zone")
		return
	}
	p, ok := integers(args[:5])
	if !ok {
		fail(ctx, fn, "%s: the year, month, day, hour and minute must be whole numbers", argList(args))
		return
	}
	sec, ok := number(args[5])
	if !ok {
		fail(ctx, fn, "%s: the seconds must be a number", argList(args))
		return
	}
	loc := time.UTC
	if len(args) == 7 {
		if loc, ok = zoneArg(ctx, fn, args[6]); !ok {
			return
		}
	}
	whole := math.Floor(sec)
	ns := int(math.Round((sec-whole)*1e6)) * 1000 // microseconds, as DuckDB keeps
	t := time.Date(int(p[0]), time.Month(p[1]), int(p[2]), int(p[3]), int(p[4]), int(whole), ns, loc)
	resultTimestamp(ctx, t.UTC())
}

// valuesAgg keeps a group's numbers for an aggregate of them all.
type valuesAgg struct {
	xs       []float64
	q        float64
	scale    int64
	quantile bool
	sem      bool
	scaled   bool // mad_decimal: the second argument is the scale
	final    func([]float64) (float64, bool)
}

func (a *valuesAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.quantile {
		a.q, a.scale = arg[1].Float(), arg[2].Int64()
	}
	if a.scaled {
		a.scale = arg[1].Int64()
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	f, ok := number(arg[0])
	if !ok {
		// DuckDB's of a date or timestamp is an INTERVAL, which has no
		// value here
		fail(ctx, a.name(), "takes numbers, not %s: of dates or timestamps take it of their epoch(x) seconds", truncate(arg[0].Text()))
		return
	}
	a.xs = append(a.xs, f)
}

// name is the aggregate's name, for its errors.
func (a *valuesAgg) name() string {
	switch {
	case a.quantile:
		return "APPROX_QUANTILE"
	case a.sem:
		return "SEM"
	}
	return "MAD"
}

func (a *valuesAgg) Value(ctx sqlite3.Context) {
	if len(a.xs) == 0 {
		ctx.ResultNull()
		return
	}
	xs := slices.Clone(a.xs)
	sort.Float64s(xs)
	if a.quantile {
		if a.q < 0 || a.q > 1 {
			fail(ctx, "APPROX_QUANTILE", "the quantile must be between 0 and 1, not %v", a.q)
			return
		}
		v := tdigestAt(xs, a.q)
		switch {
		case a.scale == 0:
			ctx.ResultInt64(int64(math.RoundToEven(v)))
		case a.scale > 0:
			p := math.Pow(10, float64(a.scale))
			ctx.ResultFloat(math.RoundToEven(v*p) / p) // half to even, as DuckDB casts it
		default:
			ctx.ResultFloat(v)
		}
		return
	}
	if a.scaled {
		ctx.ResultFloat(decimalMad(xs, int(a.scale)))
		return
	}
	v, ok := a.final(xs)
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(v)
}

// medianOf is the interpolated median of sorted xs.
func medianOf(xs []float64) float64 {
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return xs[n/2-1] + (xs[n/2]-xs[n/2-1])/2
}

// decimalMad is the mad of sorted DECIMALs of scale s as DuckDB computes
// it in the DECIMAL: in units of the last digit, the median of the values
// and then that of the distances from it, each cut off towards zero
// (the mad of 1.1 and 1.4 is 0.1: their median is 1.2, the distances'
// 0.15 cut to 0.1).
func decimalMad(xs []float64, s int) float64 {
	unit := math.Pow10(s)
	units := make([]float64, len(xs))
	for i, x := range xs {
		units[i] = math.Round(x * unit)
	}
	mid := func(v []float64) float64 { return math.Trunc(medianOf(v)) }
	m := mid(units)
	for i, u := range units {
		units[i] = math.Abs(u - m)
	}
	sort.Float64s(units)
	return mid(units) / unit
}

func madOf(xs []float64) (float64, bool) {
	m := medianOf(xs)
	d := make([]float64, len(xs))
	for i, x := range xs {
		d[i] = math.Abs(x - m)
	}
	sort.Float64s(d)
	return medianOf(d), true
}

func semOf(xs []float64) (float64, bool) {
	n := float64(len(xs))
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= n
	ss := 0.0
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss/n) / math.Sqrt(n), true
}

// tdigestAt reads sorted xs at quantile q as DuckDB's t-digest does when
// each value is its own centroid of weight 1.
func tdigestAt(xs []float64, q float64) float64 {
	goal := float64(float32(q)) * float64(len(xs))
	k, i := 0.0, 0
	for i = 0; i < len(xs)-1; i++ {
		if k+1 > goal {
			break
		}
		k++
	}
	delta := goal - k - 0.5
	if math.Abs(delta) < 1e-9 {
		return xs[i]
	}
	right := delta > 0
	if right && i+1 == len(xs) || !right && i == 0 {
		return xs[i]
	}
	lo, hi := xs[i], 0.0
	if right {
		hi = xs[i+1]
		k += 0.5
	} else {
		lo, hi = xs[i-1], xs[i]
		k -= 0.5
	}
	return (hi-lo)*(goal-k) + lo
}
