package sqlfunc

import (
	"strconv"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's range(...) and generate_series(...) as list values: whole
// numbers, or timestamps (a DATE is its midnight) by an INTERVAL. The
// translator writes them in FROM as a series of rows, and elsewhere as
// these functions, whose JSON array unnest() and json_each read.

func init() {
	add(Func{Name: "series_list", NArgs: -1, Scalar: seriesList("generate_series", true)},
		Func{Name: "range_list", NArgs: -1, Scalar: seriesList("range", false)})
	rename("series_list", "generate_series", "duckdb")
	rename("range_list", "range", "duckdb")
}

// maxSeries bounds a list: a step far smaller than the span would fill
// the memory of the page.
const maxSeries = 10_000_000

// seriesList is fn(stop), fn(start, stop[, step]) of whole numbers or
// fn(start, stop, interval) of timestamps: from start (0) by step (1) up
// to stop, which generate_series includes and range leaves out. A step
// of 0, or one going away from stop, gives an empty list; a NULL argument
// NULL.
func seriesList(fn string, inclusive bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 3, "takes stop, or start, stop and a step") || nullCall(ctx, args) {
			return
		}
		if len(args) == 3 && args[2].Type() == sqlite3.TEXT {
			timestampSeries(ctx, fn, inclusive, args)
			return
		}
		var n [3]int64
		for i, a := range args {
			if a.Type() != sqlite3.INTEGER {
				fail(ctx, fn, "takes whole numbers, or two timestamps and an INTERVAL; got %q", a.Text())
				return
			}
			n[i] = a.Int64()
		}
		start, stop, step := int64(0), n[0], int64(1)
		if len(args) > 1 {
			start, stop = n[0], n[1]
		}
		if len(args) == 3 {
			step = n[2]
		}
		out := []byte{'['}
		for v, count := start, 0; step != 0 && before(v, stop, step, inclusive); v += step {
			if count++; count > maxSeries {
				fail(ctx, fn, "gives more than %d values", maxSeries)
				return
			}
			if len(out) > 1 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, v, 10)
			if step > 0 && v > maxInt64-step || step < 0 && v < minInt64-step {
				break
			}
		}
		ctx.ResultRawText(append(out, ']'))
	}
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

// before tells whether v has not passed stop, going by the step's sign.
func before[T int64 | int](v, stop T, sign T, inclusive bool) bool {
	switch {
	case sign > 0 && inclusive:
		return v <= stop
	case sign > 0:
		return v < stop
	case inclusive:
		return v >= stop
	}
	return v > stop
}

// timestampSeries adds the interval again and again, as DuckDB does: from
// January 31 by a month it goes to February 29, then March 29.
func timestampSeries(ctx sqlite3.Context, fn string, inclusive bool, args []sqlite3.Value) {
	start, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	stop, ok := momentArg(ctx, fn, args[1])
	if !ok {
		return
	}
	iv, ok := intervalArg(ctx, fn, args[2])
	if !ok {
		return
	}
	sign := 0
	if k := iv.key(); k > 0 {
		sign = 1
	} else if k < 0 {
		sign = -1
	}
	end := stop.t.UTC()
	out := []byte{'['}
	for t, count := start.t.UTC(), 0; sign != 0; count++ {
		c := t.Compare(end)
		if !before(c, 0, sign, inclusive) {
			break
		}
		if count >= maxSeries {
			fail(ctx, fn, "gives more than %d values", maxSeries)
			return
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, '"')
		out = appendTimestamp(out, t)
		out = append(out, '"')
		t = addMonths(t, int(iv.months)).AddDate(0, 0, int(iv.days)).Add(time.Duration(iv.micros) * time.Microsecond)
	}
	ctx.ResultRawText(append(out, ']'))
}
