package sqlfunc

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Names of days and months, and series of dates.

func init() {
	add(
		Func{Name: "weekday_name", NArgs: 2, Scalar: nameOf(func(t time.Time) string { return t.Weekday().String() })},
		Func{Name: "month_name", NArgs: 2, Scalar: nameOf(func(t time.Time) string { return t.Month().String() })},
		Func{Name: "generate_date_array", NArgs: -1, Scalar: generateDateArray},
		Func{Name: "generate_timestamp_array", NArgs: 4, Scalar: generateTimestampArray},
		Func{Name: "add_months_keep_last_day", NArgs: 2, Scalar: addMonthsKeepLastDay},
	)
	// add_months_keep_last_day(x, n): Snowflake's ADD_MONTHS, clamped to
	// the month's last day, and the last day of a month stays the last day
	// (2024-02-29 plus one month is 2024-03-31).
	rename("add_months_keep_last_day", "add_months", "snowflake")
	// weekday_name(x, n) and month_name(x, n): the English name, cut to n
	// letters when n > 0 (Snowflake's DAYNAME and MONTHNAME give three,
	// DuckDB's the whole name). The translator adds n.
	rename("weekday_name", "dayname", "snowflake", "duckdb")
	rename("month_name", "monthname", "snowflake", "duckdb")
	// make_date(year, month, day), make_date(days) and make_date(struct):
	// DuckDB's three forms.
	add(Func{Name: "make_date_duckdb", NArgs: -1, Scalar: makeDateDuckDB})
	rename("make_date_duckdb", "make_date", "duckdb")
}

// makeDateDuckDB is DuckDB's make_date: of a year, a month and a day; of
// a count of days since 1970-01-01 (an INTEGER: make_date(15887) is
// 2013-07-01); or of a struct with fields year, month and day. A date
// that does not exist fails as DuckDB fails (Date out of range).
func makeDateDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "MAKE_DATE"
	if nullCall(ctx, args) {
		return
	}
	var ymd [3]int64
	switch {
	case len(args) == 3:
		var ok [3]bool
		for i := range 3 {
			ymd[i], ok[i] = integer(args[i])
		}
		if !ok[0] || !ok[1] || !ok[2] {
			fail(ctx, fn, "%s is not a year, a month and a day", argList(args))
			return
		}
	case len(args) == 1 && args[0].Type() == sqlite3.INTEGER:
		days := args[0].Int64()
		if days < math.MinInt32 || days > math.MaxInt32 {
			fail(ctx, fn, "%d days is beyond DuckDB's INTEGER, which make_date(days) takes", days)
			return
		}
		resultDate(ctx, time.Unix(days*86400, 0).UTC())
		return
	case len(args) == 1 && args[0].Type() == sqlite3.TEXT:
		var st map[string]json.Number
		d := json.NewDecoder(strings.NewReader(args[0].Text()))
		d.UseNumber()
		if err := d.Decode(&st); err != nil || len(st) != 3 {
			fail(ctx, fn, "%s is not a struct {'year': y, 'month': m, 'day': d}", argList(args))
			return
		}
		for i, k := range []string{"year", "month", "day"} {
			v, err := st[k].Int64()
			if err != nil {
				fail(ctx, fn, "%s is not a struct {'year': y, 'month': m, 'day': d}", argList(args))
				return
			}
			ymd[i] = v
		}
	default:
		fail(ctx, fn, "takes a count of days (an INTEGER), a struct {'year': y, 'month': m, 'day': d}, or a year, a month and a day")
		return
	}
	y, mo, d := ymd[0], ymd[1], ymd[2]
	if mo < 1 || mo > 12 || d < 1 || y < -290307 || y > 294247 || d > int64(daysIn(int(y), time.Month(mo))) {
		fail(ctx, fn, "Date out of range: %d-%d-%d", y, mo, d)
		return
	}
	resultDate(ctx, time.Date(int(y), time.Month(mo), int(d), 0, 0, 0, 0, time.UTC))
}

func nameOf(name func(time.Time) string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		m, ok := momentArg(ctx, "DAYNAME", args[0])
		if !ok {
			return
		}
		s := name(m.t)
		if n := args[1].Int(); n > 0 && n < len(s) {
			s = s[:n]
		}
		ctx.ResultText(s)
	}
}

// generateDateArray is BigQuery's GENERATE_DATE_ARRAY(start, end[, n,
// 'unit']) (the translator writes INTERVAL n unit as n, 'unit'): the dates
// from start to end, both included, n units apart (one day by default).
func generateDateArray(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "GENERATE_DATE_ARRAY"
	if !called(ctx, fn, args, 2, 4, "takes a start date, an end date and an optional INTERVAL n unit") || nullCall(ctx, args) {
		return
	}
	start, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	end, ok := momentArg(ctx, fn, args[1])
	if !ok {
		return
	}
	step, dp := int64(1), datePart{p: pDay}
	if len(args) == 4 {
		var ok bool
		if step, ok = integer(args[2]); !ok || step == 0 {
			fail(ctx, fn, "the step must be a whole number other than 0 (%s)", argList(args))
			return
		}
		if dp, ok = readPart(args[3]); !ok || dp.p < pDay || dp.p > pYear {
			fail(ctx, fn, "the step's unit must be DAY, WEEK, MONTH, QUARTER or YEAR (%s)", argList(args))
			return
		}
	} else if len(args) == 3 {
		fail(ctx, fn, "write the step as INTERVAL n unit (%s)", argList(args))
		return
	}
	items := []json.RawMessage{}
	for i := int64(0); ; i++ {
		t, err := addPart(start.t, i*step, dp)
		if err != nil || step > 0 && t.After(end.t) || step < 0 && t.Before(end.t) {
			break
		}
		if len(items) == 1e6 {
			fail(ctx, fn, "more than 1,000,000 dates")
			return
		}
		items = append(items, json.RawMessage(strconv.Quote(t.Format("2006-01-02"))))
	}
	resultArray(ctx, items)
}

// generateTimestampArray is BigQuery's GENERATE_TIMESTAMP_ARRAY(start,
// end, INTERVAL n unit) (written with n, 'unit'): the timestamps from start
// to end, both included, n units apart; the unit is DAY or shorter.
func generateTimestampArray(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "GENERATE_TIMESTAMP_ARRAY"
	if nullCall(ctx, args) {
		return
	}
	start, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	end, ok := momentArg(ctx, fn, args[1])
	if !ok {
		return
	}
	step, ok := integer(args[2])
	if !ok || step == 0 {
		fail(ctx, fn, "the step must be a whole number other than 0 (%s)", argList(args))
		return
	}
	dp, ok := readPart(args[3])
	if !ok || dp.p < pMicrosecond || dp.p > pDay {
		fail(ctx, fn, "the step's unit must be MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR or DAY (%s)", argList(args))
		return
	}
	var b []byte
	b = append(b, '[')
	n := 0
	for i := int64(0); ; i++ {
		t, err := addPart(start.t, i*step, dp)
		if err != nil || step > 0 && t.After(end.t) || step < 0 && t.Before(end.t) {
			break
		}
		if n == 1e6 {
			fail(ctx, fn, "more than 1,000,000 timestamps")
			return
		}
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = appendTimestamp(b, t)
		b = append(b, '"')
		n++
	}
	ctx.ResultRawText(append(b, ']'))
	ctx.ResultSubtype(jsonSubtype)
}

func addMonthsKeepLastDay(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ADD_MONTHS"
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	n, ok := integer(args[1])
	if !ok {
		fail(ctx, fn, "the number of months must be an integer, not %s", args[1].Text())
		return
	}
	t := addMonths(m.t, int(n))
	if m.t.Day() == daysIn(m.t.Year(), m.t.Month()) {
		t = t.AddDate(0, 0, daysIn(t.Year(), t.Month())-t.Day())
	}
	resultMoment(ctx, moment{t: t, date: m.date})
}
