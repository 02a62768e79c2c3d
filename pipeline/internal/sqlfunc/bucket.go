package sqlfunc

import (
	"time"

	"github.com/ncruces/go-sqlite3"
)

// time_bucket_of(n, 'unit', x[, origin]) or (n, 'unit', x, m, 'unit'):
// DuckDB's time_bucket(INTERVAL n unit, x[, origin | offset]), which the
// translator writes with each INTERVAL as n, 'unit'. Buckets are n units
// wide from the origin: 2000-01-03 (a Monday) for units up to a week,
// 2000-01-01 for months, quarters and years. A date gives a date.

func init() {
	add(Func{Name: "time_bucket_of", NArgs: -1, Scalar: timeBucketOf},
		Func{Name: "bucket_from_1950", NArgs: -1, Scalar: bucketFrom1950})
	rename("time_bucket_of", "time_bucket", "duckdb")
	// BigQuery's DATE_BUCKET, DATETIME_BUCKET and TIMESTAMP_BUCKET(x,
	// INTERVAL n unit[, origin]), written bucket_from_1950(x, n, 'unit'[,
	// origin]): buckets from 1950-01-01 unless an origin is given.
	for _, n := range []string{"date_bucket", "datetime_bucket", "timestamp_bucket"} {
		rename("bucket_from_1950", n, "bigquery")
	}
}

func bucketFrom1950(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "DATE_BUCKET"
	if len(args) != 3 && len(args) != 4 {
		fail(ctx, fn, "takes a date or timestamp, an INTERVAL and an optional origin")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	m, err := readMoment(args[0])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	n, ok := integer(args[1])
	dp, okp := readPart(args[2])
	if !ok || !okp || n <= 0 {
		fail(ctx, fn, "the bucket width must be a positive whole number of units, not %s %s", args[1].Text(), args[2].Text())
		return
	}
	origin := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	if len(args) == 4 {
		o, err := readMoment(args[3])
		if err != nil {
			fail(ctx, fn, "the origin: %v", err)
			return
		}
		origin = o.t
	}
	bucket(ctx, fn, n, dp, m, origin)
}

var partMicros = map[part]int64{
	pMicrosecond: 1, pMillisecond: 1e3, pSecond: 1e6, pMinute: 60e6, pHour: 3600e6,
	pDay: 86400e6, pWeek: 7 * 86400e6,
}

func timeBucketOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIME_BUCKET"
	if len(args) != 3 && len(args) != 4 && len(args) != 5 {
		fail(ctx, fn, "takes an INTERVAL, a timestamp and an optional origin timestamp or offset INTERVAL")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	dp, okp := readPart(args[1])
	if !ok || !okp || n <= 0 {
		fail(ctx, fn, "the bucket width must be a positive whole number of units, not %s %s", args[0].Text(), args[1].Text())
		return
	}
	n, dp = eraYears(n, dp)
	m, err := readMoment(args[2])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	months := map[part]int64{pMonth: 1, pQuarter: 3, pYear: 12}[dp.p] * n
	origin := time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC)
	if months > 0 {
		origin = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	switch len(args) {
	case 4:
		o, err := readMoment(args[3])
		if err != nil {
			fail(ctx, fn, "the origin: %v", err)
			return
		}
		origin = o.t
	case 5:
		k, ok := integer(args[3])
		op, okp := readPart(args[4])
		if !ok || !okp || partMicros[op.p] == 0 {
			fail(ctx, fn, "the offset must be a whole number of weeks, days, hours, minutes, seconds, milliseconds or microseconds")
			return
		}
		origin = origin.Add(time.Duration(k*partMicros[op.p]) * time.Microsecond)
	}
	bucket(ctx, fn, n, dp, m, origin)
}

// bucket gives the start of the bucket of m, buckets being n units of dp
// wide from origin (months from its month).
func bucket(ctx sqlite3.Context, fn string, n int64, dp datePart, m moment, origin time.Time) {
	months := map[part]int64{pMonth: 1, pQuarter: 3, pYear: 12}[dp.p] * n
	width := partMicros[dp.p] * n
	if months == 0 && width == 0 {
		fail(ctx, fn, "the bucket width's unit must be a year, quarter, month, week, day, hour, minute, second, millisecond or microsecond")
		return
	}
	t := m.t.UTC()
	var out time.Time
	if months > 0 {
		at := int64(t.Year())*12 + int64(t.Month()) - 1
		from := int64(origin.Year())*12 + int64(origin.Month()) - 1
		b := from + floorDiv(at-from, months)*months
		out = time.Date(int(floorDiv(b, 12)), time.Month(b-floorDiv(b, 12)*12+1), 1, 0, 0, 0, 0, time.UTC)
	} else {
		o := origin.UnixMicro()
		out = time.UnixMicro(o + floorDiv(t.UnixMicro()-o, width)*width).UTC()
	}
	if m.date {
		resultDate(ctx, out)
		return
	}
	resultTimestamp(ctx, out)
}
