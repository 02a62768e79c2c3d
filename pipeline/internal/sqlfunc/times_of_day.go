package sqlfunc

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's TIME type: a time of day, written HH:MM:SS with six digits of
// fraction when it has one. TIME(h, m, s), TIME(timestamp[, zone]),
// TIME_ADD, TIME_SUB (which wrap around midnight), TIME_DIFF, TIME_TRUNC,
// PARSE_TIME and FORMAT_TIME.

func init() {
	add(
		Func{Name: "time_of", NArgs: -1, Scalar: timeOf},
		// DuckDB's CAST(x AS TIME): the clock of a timestamp or of text,
		// its fraction without trailing zeros (13:45:10.5), as DuckDB
		// writes a TIME
		Func{Name: "time_of_duckdb", NArgs: 1, Scalar: timeOfDuckDB},
		Func{Name: "time_add_of", NArgs: 3, Scalar: timeAdd("TIME_ADD", 1)},
		Func{Name: "time_sub_of", NArgs: 3, Scalar: timeAdd("TIME_SUB", -1)},
		Func{Name: "time_diff_of", NArgs: 3, Scalar: timeDiff},
		Func{Name: "time_trunc_of", NArgs: 2, Scalar: timeTrunc},
		Func{Name: "parse_time_of", NArgs: 2, Scalar: parseTimeOf},
		Func{Name: "format_time_of", NArgs: 2, Scalar: formatTimeOf},
	)
	rename("time_of", "time", "bigquery")
	rename("time_add_of", "time_add", "bigquery")
	rename("time_sub_of", "time_sub", "bigquery")
	rename("time_diff_of", "time_diff", "bigquery")
	rename("time_trunc_of", "time_trunc", "bigquery")
	rename("parse_time_of", "parse_time", "bigquery")
	rename("format_time_of", "format_time", "bigquery")
}

const day = 24 * time.Hour

// readClock reads a time of day (HH:MM[:SS[.f]]) or the clock of a
// timestamp or datetime, as the time since midnight.
func readClock(v sqlite3.Value) (time.Duration, error) {
	if d, ok := clockText(v); ok {
		return d, nil
	}
	m, err := readMoment(v)
	if err != nil {
		return 0, fmt.Errorf("%q is not a time (write HH:MM:SS)", v.Text())
	}
	return clockOf(m.t), nil
}

// clockText reads text of a time of day, HH:MM[:SS[.f]], as the time since
// midnight; ok is false for any other value (a date, a timestamp).
func clockText(v sqlite3.Value) (time.Duration, bool) {
	s := strings.TrimSpace(v.Text())
	if v.Type() != sqlite3.TEXT || len(s) < 5 || s[2] != ':' {
		return 0, false
	}
	t, err := parseISO([]byte("1970-01-01T" + s))
	if err != nil {
		return 0, false
	}
	return t.t.Sub(midnight), true
}

// midnight is the day a time of day is read on, to reuse the timestamp
// functions.
var midnight = time.Unix(0, 0).UTC()

// clockPart tells whether a time of day has part p: an hour or less.
func clockPart(p part) bool { return p >= pMicrosecond && p <= pHour || p == pNanosecond }

// snowflakeClock writes a time since midnight, wrapped around the day, as
// Snowflake's TIME.
func snowflakeClock(d time.Duration) string {
	return midnight.Add(((d % day) + day) % day).Format(snowflakeTimeLayout)
}

func clockOf(t time.Time) time.Duration {
	y, mo, d := t.Date()
	return t.Sub(time.Date(y, mo, d, 0, 0, 0, 0, t.Location()))
}

// writeClock writes a time since midnight as HH:MM:SS[.ffffff].
func writeClock(d time.Duration) string {
	d = ((d % day) + day) % day
	s := fmt.Sprintf("%02d:%02d:%02d", int(d/time.Hour), int(d/time.Minute%60), int(d/time.Second%60))
	if us := d % time.Second / time.Microsecond; us != 0 {
		s += fmt.Sprintf(".%06d", us)
	}
	return s
}

func timeOfDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if args[0].Type() == sqlite3.TEXT {
		if s, ok := DuckClockText(args[0].Text()); ok {
			ctx.ResultText(s)
			return
		}
	}
	d, err := readClock(args[0])
	if err != nil {
		fail(ctx, "CAST AS TIME", "%v", err)
		return
	}
	s := writeClock(d)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
	}
	ctx.ResultText(s)
}

// duckClock is a time of day as DuckDB's cast to TIME reads one: hours,
// minutes and seconds of one digit or two, the seconds and a fraction
// optional.
var duckClock = regexp.MustCompile(`^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?$`)

// DuckClockText writes text s of a clock as DuckDB writes the TIME it
// reads: 3:4 is 03:04:00, 24:00:00 the end of the day, a fraction cut to
// microseconds without its trailing zeros; ok is false for other text.
func DuckClockText(s string) (string, bool) {
	m := duckClock.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec := 0
	if m[3] != "" {
		sec, _ = strconv.Atoi(m[3])
	}
	frac := m[4]
	if len(frac) > 7 {
		frac = frac[:7]
	}
	if frac = strings.TrimRight(frac, "0"); frac == "." {
		frac = ""
	}
	if mi > 59 || sec > 59 || h > 24 || h == 24 && (mi > 0 || sec > 0 || frac != "") {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d:%02d", h, mi, sec) + frac, true
}

// timeOf is TIME(hour, minute, second), TIME(timestamp[, zone]) (the
// clock in that zone, UTC by default) or TIME(datetime).
func timeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIME"
	if !called(ctx, fn, args, 1, 3, "takes hour, minute and second, or a timestamp and an optional time zone, or a datetime") {
		return
	}
	switch len(args) {
	case 3:
		hms, ok := integers(args)
		if !ok || hms[0] < 0 || hms[0] > 23 || hms[1] < 0 || hms[1] > 59 || hms[2] < 0 || hms[2] > 59 {
			fail(ctx, fn, "hour, minute and second must be whole numbers within a day (%s)", argList(args))
			return
		}
		ctx.ResultText(writeClock(time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second))
	case 2:
		m, ok := momentArg(ctx, fn, args[0])
		if !ok {
			return
		}
		loc, ok := zoneArg(ctx, fn, args[1])
		if !ok {
			return
		}
		ctx.ResultText(writeClock(clockOf(m.t.In(loc))))
	default:
		d, err := readClock(args[0])
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		ctx.ResultText(writeClock(d))
	}
}

// clockUnit reads a part of a time of day, HOUR down to MICROSECOND.
func clockUnit(ctx sqlite3.Context, fn string, v sqlite3.Value) (time.Duration, bool) {
	dp, ok := readPart(v)
	units := map[part]time.Duration{pHour: time.Hour, pMinute: time.Minute, pSecond: time.Second,
		pMillisecond: time.Millisecond, pMicrosecond: time.Microsecond, pNanosecond: time.Nanosecond}
	u, known := units[dp.p]
	if !ok || !known {
		fail(ctx, fn, "the part must be HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND, not %s", v.Text())
		return 0, false
	}
	return u, true
}

// timeAdd is TIME_ADD(t, INTERVAL n part) (written time_add_of(t, n,
// 'part')), or with sign -1 TIME_SUB; the result wraps around midnight.
func timeAdd(fn string, sign int64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		d, err := readClock(args[0])
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		n, ok := integer(args[1])
		if !ok {
			fail(ctx, fn, "the interval must be a whole number, not %s", args[1].Text())
			return
		}
		u, ok := clockUnit(ctx, fn, args[2])
		if !ok {
			return
		}
		ctx.ResultText(writeClock(d + time.Duration(sign*(n%int64(day/u)))*u))
	}
}

// timeDiff is TIME_DIFF(a, b, part): the whole parts from b to a.
func timeDiff(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIME_DIFF"
	if nullCall(ctx, args) {
		return
	}
	a, errA := readClock(args[0])
	b, errB := readClock(args[1])
	if errA != nil || errB != nil {
		fail(ctx, fn, "%v", cmpErr(errA, errB))
		return
	}
	u, ok := clockUnit(ctx, fn, args[2])
	if !ok {
		return
	}
	ctx.ResultInt64(int64((a - b) / u))
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// timeTrunc is TIME_TRUNC(t, part): t down to the start of its part.
func timeTrunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIME_TRUNC"
	if nullCall(ctx, args) {
		return
	}
	d, err := readClock(args[0])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	u, ok := clockUnit(ctx, fn, args[1])
	if !ok {
		return
	}
	ctx.ResultText(writeClock(d - d%u))
}

// parseTimeOf is PARSE_TIME(format, text) with BigQuery's format elements.
func parseTimeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "PARSE_TIME"
	if nullCall(ctx, args) {
		return
	}
	elems, err := compiled(ctx, 0, args[0].Text(), &bigqueryFormats, bigqueryElems)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	t, err := readTime(args[1].Text(), elems)
	if err != nil {
		fail(ctx, fn, "%v (format %q)", err, args[0].Text())
		return
	}
	ctx.ResultText(writeClock(clockOf(t)))
}

// formatTimeOf is FORMAT_TIME(format, t) with BigQuery's format elements.
func formatTimeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "FORMAT_TIME"
	if nullCall(ctx, args) {
		return
	}
	elems, err := compiled(ctx, 0, args[0].Text(), &bigqueryFormats, bigqueryElems)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	d, err := readClock(args[1])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	var buf [64]byte
	ctx.ResultRawText(writeTime(buf[:0], time.Unix(0, 0).UTC().Add(d), elems))
}
