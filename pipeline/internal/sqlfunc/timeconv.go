package sqlfunc

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Conversions between text, epoch numbers and timestamps.

func init() {
	add(
		Func{Name: "parse_timestamp_strftime", NArgs: -1, Scalar: parseWith("PARSE_TIMESTAMP", 0, 1, false, false)},
		Func{Name: "parse_date_strftime", NArgs: 2, Scalar: parseWith("PARSE_DATE", 0, 1, true, false)},
		Func{Name: "safe_parse_timestamp_strftime", NArgs: -1, Scalar: parseWith("PARSE_TIMESTAMP", 0, 1, false, true)},
		Func{Name: "safe_parse_date_strftime", NArgs: 2, Scalar: parseWith("PARSE_DATE", 0, 1, true, true)},
		Func{Name: "format_timestamp_strftime", NArgs: -1, Scalar: formatWith("FORMAT_TIMESTAMP", 0, 1, bigqueryFormats.getter(bigqueryElems))},
		Func{Name: "strptime_text", NArgs: 2, Scalar: parseDuckDB(false)},
		Func{Name: "try_strptime_text", NArgs: 2, Scalar: parseDuckDB(true)},
		Func{Name: "strftime_text", NArgs: 2, Scalar: formatWith("strftime", 1, 0, duckdbFormats.getter(duckdbElems))},
		Func{Name: "strftime_format_first", NArgs: 2, Scalar: formatWith("strftime", 0, 1, duckdbFormats.getter(duckdbElems))},
		Func{Name: "to_timestamp_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TO_TIMESTAMP", false, false, offsetDropped)},
		Func{Name: "try_to_timestamp_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TRY_TO_TIMESTAMP", false, true, offsetDropped)},
		Func{Name: "to_timestamp_ltz_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TO_TIMESTAMP_LTZ", false, false, offsetToUTC)},
		Func{Name: "try_to_timestamp_ltz_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TRY_TO_TIMESTAMP_LTZ", false, true, offsetToUTC)},
		Func{Name: "to_timestamp_tz_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TO_TIMESTAMP_TZ", false, false, offsetKept)},
		Func{Name: "try_to_timestamp_tz_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TRY_TO_TIMESTAMP_TZ", false, true, offsetKept)},
		Func{Name: "to_date_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TO_DATE", true, false, offsetToUTC)},
		Func{Name: "try_to_date_snowflake", NArgs: -1, Scalar: toTimestampSnowflake("TRY_TO_DATE", true, true, offsetToUTC)},
		Func{Name: "to_char_snowflake", NArgs: -1, Scalar: toCharSnowflake},
		Func{Name: "timestamp_text", NArgs: -1, Scalar: timestampText},
		Func{Name: "date_of", NArgs: -1, Scalar: dateOf},
		Func{Name: "datetime_of", NArgs: -1, Scalar: datetimeOf},
		Func{Name: "timestamp_from_seconds", NArgs: 1, Scalar: fromEpoch(1e9)},
		Func{Name: "timestamp_from_millis", NArgs: 1, Scalar: fromEpoch(1e6)},
		Func{Name: "timestamp_from_micros", NArgs: 1, Scalar: fromEpoch(1e3)},
		Func{Name: "date_from_unix_days", NArgs: 1, Scalar: dateFromUnixDays},
		Func{Name: "unix_seconds_of", NArgs: 1, Scalar: toEpoch(time.Second)},
		Func{Name: "unix_millis_of", NArgs: 1, Scalar: toEpoch(time.Millisecond)},
		Func{Name: "unix_micros_of", NArgs: 1, Scalar: toEpoch(time.Microsecond)},
		Func{Name: "unix_days_of", NArgs: 1, Scalar: unixDays},
		Func{Name: "epoch_seconds_real", NArgs: 1, Scalar: epochReal},
		Func{Name: "epoch_ms_either", NArgs: 1, Scalar: epochMillisEither},
	)
	// BigQuery: PARSE_TIMESTAMP(format, text[, zone]) and FORMAT_TIMESTAMP
	// (format, x[, zone]) with its % elements (%Y %m %d %H %M %S %Ez %E*S...);
	// PARSE_DATETIME gives a timestamp too.
	rename("parse_timestamp_strftime", "parse_timestamp", "bigquery")
	rename("parse_timestamp_strftime", "parse_datetime", "bigquery")
	rename("parse_date_strftime", "parse_date", "bigquery")
	for _, n := range []string{"format_timestamp", "format_datetime", "format_date"} {
		rename("format_timestamp_strftime", n, "bigquery")
	}
	// timestamp_text(x): a date or timestamp in the project's form
	// (BigQuery's TIMESTAMP(x) and DATETIME(x)); date_of(x) or
	// date_of(year, month, day): a date.
	rename("timestamp_text", "timestamp", "bigquery")
	rename("datetime_of", "datetime", "bigquery")
	rename("date_of", "date", "bigquery")
	rename("to_date_snowflake", "date", "snowflake")
	rename("timestamp_from_seconds", "timestamp_seconds", "bigquery")
	rename("timestamp_from_millis", "timestamp_millis", "bigquery")
	rename("timestamp_from_micros", "timestamp_micros", "bigquery")
	rename("date_from_unix_days", "date_from_unix_date", "bigquery")
	rename("unix_seconds_of", "unix_seconds", "bigquery")
	rename("unix_millis_of", "unix_millis", "bigquery")
	rename("unix_micros_of", "unix_micros", "bigquery")
	rename("unix_days_of", "unix_date", "bigquery")
	// DuckDB: strptime(text, format), strftime(x, format) (SQLite's own
	// strftime keeps its name in the sqlite dialect), to_timestamp(seconds),
	// epoch(x) in seconds, epoch_ms(x) in milliseconds or epoch_ms(n) as a
	// timestamp, epoch_us.
	rename("strptime_text", "strptime", "duckdb")
	rename("try_strptime_text", "try_strptime", "duckdb")
	rename("strftime_text", "strftime", "duckdb")
	rename("timestamp_from_seconds", "to_timestamp", "duckdb")
	rename("epoch_seconds_real", "epoch", "duckdb")
	rename("epoch_ms_either", "epoch_ms", "duckdb")
	rename("unix_micros_of", "epoch_us", "duckdb")
	rename("timestamp_from_millis", "make_timestamp_ms", "duckdb")
	// Snowflake: TO_TIMESTAMP(text[, format]) with its elements (YYYY-MM-DD
	// HH24:MI:SS, MON, FF, TZH:TZM...) or TO_TIMESTAMP(epoch[, scale]);
	// TRY_ forms give NULL where these fail; TO_CHAR(x, format). Text with
	// an offset gives its wall clock for TO_TIMESTAMP and _NTZ (a
	// TIMESTAMP_NTZ ignores the zone), the instant in UTC for _LTZ (the
	// session's zone is UTC), and keeps its offset for _TZ.
	for _, n := range []string{"to_timestamp", "to_timestamp_ntz"} {
		rename("to_timestamp_snowflake", n, "snowflake")
		rename("try_to_timestamp_snowflake", "try_"+n, "snowflake")
	}
	for _, n := range []string{"ltz", "tz"} {
		rename("to_timestamp_"+n+"_snowflake", "to_timestamp_"+n, "snowflake")
		rename("try_to_timestamp_"+n+"_snowflake", "try_to_timestamp_"+n, "snowflake")
	}
	rename("to_date_snowflake", "to_date", "snowflake")
	rename("try_to_date_snowflake", "try_to_date", "snowflake")
	rename("to_char_snowflake", "to_char", "snowflake")
	rename("to_char_snowflake", "to_varchar", "snowflake")
}

// getter compiles formats of one flavor through the cache.
func (c *boundedCache[V]) getter(build func(string) (V, error)) func(sqlite3.Context, int, string) (V, error) {
	return func(ctx sqlite3.Context, i int, key string) (V, error) {
		return compiled(ctx, i, key, c, build)
	}
}

// parseWith parses args[text] with the BigQuery format args[format].
func parseWith(fn string, format, text int, date, null bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 2, 3, "takes a format and a string, and an optional time zone") {
			return
		}
		elems, err := compiled(ctx, format, args[format].Text(), &bigqueryFormats, bigqueryElems)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		t, err := readTime(args[text].Text(), elems)
		if err != nil {
			if null {
				ctx.ResultNull()
				return
			}
			fail(ctx, fn, "%v (format %q)", err, args[format].Text())
			return
		}
		if len(args) == 3 {
			// A zone says what zone the text is in when it names none.
			loc, ok := zoneArg(ctx, fn, args[2])
			if !ok {
				return
			}
			t = instantOf(t, loc)
		}
		if date {
			resultDate(ctx, t)
		} else {
			resultTimestamp(ctx, t)
		}
	}
}

func parseDuckDB(null bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		const fn = "strptime"
		if nullCall(ctx, args) {
			return
		}
		// a list of formats ['%d/%m/%Y', '%Y-%m-%d']: the first that
		// reads the text, as DuckDB tries them
		var formats []string
		if f := args[1].Text(); !strings.HasPrefix(f, "[") || json.Unmarshal([]byte(f), &formats) != nil || len(formats) == 0 {
			formats = []string{f}
		}
		var t time.Time
		var err error
		for _, f := range formats {
			var elems []elem
			if len(formats) == 1 {
				elems, err = compiled(ctx, 1, f, &duckdbFormats, duckdbElems)
			} else {
				elems, err = duckdbFormats.get(f, duckdbElems)
			}
			if err != nil {
				fail(ctx, fn, "%v", err)
				return
			}
			if t, err = readTime(args[0].Text(), elems); err == nil {
				break
			}
		}
		if err != nil {
			if null {
				ctx.ResultNull()
				return
			}
			fail(ctx, fn, "%v (format %q)", err, args[1].Text())
			return
		}
		resultTimestamp(ctx, t)
	}
}

// formatWith writes args[value] with the format args[format].
func formatWith(fn string, format, value int, elemsOf func(sqlite3.Context, int, string) ([]elem, error)) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 2, 3, "takes a format and a date or timestamp, and an optional time zone") {
			return
		}
		elems, err := elemsOf(ctx, format, args[format].Text())
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		m, ok := momentArg(ctx, fn, args[value])
		if !ok {
			return
		}
		if len(args) == 3 {
			loc, ok := zoneArg(ctx, fn, args[2])
			if !ok {
				return
			}
			// in the zone, not its wall clock in UTC: %z and %Ez write
			// the zone's offset, %s the instant's seconds
			m.t = m.t.In(loc)
		}
		var buf [64]byte
		ctx.ResultRawText(writeTime(buf[:0], m.t, elems))
	}
}

// What TO_TIMESTAMP and its kin do with an offset written in the text.
const (
	offsetToUTC   = iota // the instant, in UTC
	offsetDropped        // the wall clock as written
	offsetKept           // the wall clock with its offset (resultZoned)
)

func toTimestampSnowflake(fn string, date, null bool, offset int) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 2, "takes a value and an optional format or scale") {
			return
		}
		result := func(t time.Time) {
			if date {
				resultDate(ctx, t)
			} else {
				resultTimestamp(ctx, t)
			}
		}
		bad := func(err error) {
			if null {
				ctx.ResultNull()
			} else {
				fail(ctx, fn, "%v", err)
			}
		}
		v := args[0]
		// Numbers, and text of digits only, are seconds since the epoch (or
		// another unit: scale 3 is milliseconds, 6 microseconds, 9 nanoseconds).
		if n, ok := integer(v); ok && (v.Type() != sqlite3.TEXT || len(args) == 1) {
			scale := int64(0)
			if len(args) == 2 {
				if scale, ok = integer(args[1]); !ok || scale < 0 || scale > 9 {
					bad(errorString("the scale must be an integer from 0 to 9"))
					return
				}
			} else if v.Type() == sqlite3.TEXT {
				// text of an integer: its size tells the unit
				for limit := int64(31536000000); scale < 9 && n >= limit; limit *= 1000 {
					scale += 3
				}
			}
			result(epochTime(n, int(scale)))
			return
		}
		if v.Type() == sqlite3.FLOAT {
			result(epochSeconds(v.Float()))
			return
		}
		if len(args) == 1 {
			m, err := readMoment(v)
			if err != nil {
				bad(err)
				return
			}
			if date {
				// a TIMESTAMP_TZ's date is the one in its own offset
				ctx.ResultText(strings.TrimSpace(v.Text())[:10])
				return
			}
			switch zone := m.zone(); {
			case zone != nil && offset == offsetDropped:
				resultTimestamp(ctx, wallClock(m.t, zone))
			case zone != nil && offset == offsetKept:
				resultZoned(ctx, m.t.In(zone))
			default:
				result(m.t)
			}
			return
		}
		elems, err := compiled(ctx, 1, args[1].Text(), &snowflakeFormats, compileSnowflake)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		t, err := readTime(v.Text(), elems)
		if err != nil {
			bad(err)
			return
		}
		result(t)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

func toCharSnowflake(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TO_CHAR"
	// a third argument is the scale of a NUMBER the translator knows
	if !called(ctx, fn, args, 1, 3, "takes a value and an optional format") {
		return
	}
	if len(args) >= 2 && (args[0].Type() == sqlite3.INTEGER || args[0].Type() == sqlite3.FLOAT) {
		// a numeric format model ('999,999.99', '$9,999', 'TM9')
		scale := -1
		if len(args) == 3 {
			scale = int(args[2].Int64())
		}
		text, err := formatSFNumber(sfNumberOf(args[0], scale), args[1].Text())
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		ctx.ResultText(text)
		return
	}
	if args[0].Type() == sqlite3.BLOB {
		binaryText(ctx, fn, args)
		return
	}
	if args[0].Type() == sqlite3.FLOAT && len(args) == 1 {
		ctx.ResultText(SnowflakeFloatText(args[0].Float()))
		return
	}
	if len(args) == 1 || args[0].Type() != sqlite3.TEXT {
		ctx.ResultText(args[0].Text())
		return
	}
	elems, err := compiled(ctx, 1, args[1].Text(), &snowflakeOutputFormats, compileSnowflakeOutput)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	var buf [64]byte
	ctx.ResultRawText(writeTime(buf[:0], m.t, elems))
}

func timestampText(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIMESTAMP"
	if !called(ctx, fn, args, 1, 2, "takes a date or timestamp and an optional time zone") {
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	if len(args) == 2 {
		loc, ok := zoneArg(ctx, fn, args[1])
		if !ok {
			return
		}
		m.t = instantOf(m.t, loc)
	}
	resultTimestamp(ctx, m.t)
}

// datetimeOf is BigQuery's DATETIME(x): DATETIME(timestamp, zone) is the
// wall clock in that zone (where TIMESTAMP(datetime, zone) goes the other
// way), DATETIME(date, time) joins the two.
func datetimeOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "DATETIME"
	if len(args) == 6 {
		if nullCall(ctx, args) {
			return
		}
		n, ok := integers(args)
		if !ok {
			fail(ctx, fn, "%s are not a year, month, day, hour, minute and second", argList(args))
			return
		}
		var p [6]int
		for i, v := range n {
			p[i] = int(v)
		}
		t := time.Date(p[0], time.Month(p[1]), p[2], p[3], p[4], p[5], 0, time.UTC)
		if p[1] < 1 || p[1] > 12 || p[2] < 1 || p[2] > daysIn(p[0], time.Month(p[1])) || p[3] < 0 || p[3] > 23 || p[4] < 0 || p[4] > 59 || p[5] < 0 || p[5] > 59 {
			fail(ctx, fn, "%s is not a valid date and time", argList(args))
			return
		}
		resultTimestamp(ctx, t)
		return
	}
	if len(args) != 2 {
		timestampText(ctx, args...)
		return
	}
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	if m.date {
		for _, layout := range []string{"15:04:05.999999999", "15:04"} {
			if c, err := time.Parse(layout, args[1].Text()); err == nil {
				resultTimestamp(ctx, m.t.Add(time.Duration(c.Hour())*time.Hour+time.Duration(c.Minute())*time.Minute+time.Duration(c.Second())*time.Second+time.Duration(c.Nanosecond())))
				return
			}
		}
	}
	loc, ok := zoneArg(ctx, fn, args[1])
	if !ok {
		return
	}
	resultTimestamp(ctx, wallClock(m.t, loc))
}

func dateOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "DATE"
	if nullCall(ctx, args) {
		return
	}
	switch len(args) {
	case 1, 2:
		m, ok := momentArg(ctx, fn, args[0])
		if !ok {
			return
		}
		if len(args) == 2 {
			// DATE(timestamp, zone): the date in that zone.
			loc, ok := zoneArg(ctx, fn, args[1])
			if !ok {
				return
			}
			m.t = wallClock(m.t, loc)
		}
		resultDate(ctx, m.t)
	case 3:
		y, ok1 := integer(args[0])
		mo, ok2 := integer(args[1])
		d, ok3 := integer(args[2])
		if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > int64(daysIn(int(y), time.Month(mo))) {
			fail(ctx, fn, "%s is not a valid year, month and day", argList(args))
			return
		}
		resultDate(ctx, time.Date(int(y), time.Month(mo), int(d), 0, 0, 0, 0, time.UTC))
	default:
		fail(ctx, fn, "takes a timestamp, or a year, a month and a day")
	}
}

// epochTime is n units of 10^-scale seconds since 1970-01-01 UTC, exactly.
func epochTime(n int64, scale int) time.Time {
	per := int64(math.Pow10(scale))
	sec := floorDiv(n, per)
	return time.Unix(sec, (n-sec*per)*int64(math.Pow10(9-scale))).UTC()
}

// epochSeconds is f seconds since 1970-01-01 UTC, read from f's shortest
// decimal text to the nanosecond: Snowflake's numbers are decimals, so
// 1700000000.123 (a millisecond count divided by 1000) is .123 exactly.
func epochSeconds(f float64) time.Time {
	text := strconv.FormatFloat(math.Abs(f), 'f', -1, 64)
	whole, frac, _ := strings.Cut(text, ".")
	frac = (frac + "000000000")[:9]
	sec, _ := strconv.ParseInt(whole, 10, 64)
	ns, _ := strconv.ParseInt(frac, 10, 64)
	if f < 0 {
		sec, ns = -sec, -ns
	}
	return time.Unix(sec, ns).UTC()
}

// fromEpoch reads a count of units (nanosPerUnit nanoseconds each) since
// 1970-01-01 UTC.
func fromEpoch(nanosPerUnit float64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		if n, ok := integer(args[0]); ok {
			unit := int64(nanosPerUnit)
			sec, rest := floorDiv(n, int64(1e9)/unit), n-floorDiv(n, int64(1e9)/unit)*(int64(1e9)/unit)
			resultTimestamp(ctx, time.Unix(sec, rest*unit).UTC())
			return
		}
		f, ok := number(args[0])
		if !ok {
			fail(ctx, "TIMESTAMP_SECONDS", "%q is not a number of seconds since 1970", args[0].Text())
			return
		}
		ns := f * nanosPerUnit
		sec := math.Floor(ns / 1e9)
		resultTimestamp(ctx, time.Unix(int64(sec), int64(math.Round(ns-sec*1e9))).UTC())
	}
}

func toEpoch(unit time.Duration) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		m, ok := momentArg(ctx, "UNIX_SECONDS", args[0])
		if !ok {
			return
		}
		// Whole units, rounded down, as BigQuery truncates higher precision.
		ctx.ResultInt64(floorDiv(m.t.UnixNano(), int64(unit)))
	}
}

func unixDays(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, "UNIX_DATE", args[0])
	if !ok {
		return
	}
	ctx.ResultInt64(civilDays(m.t))
}

func dateFromUnixDays(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	if !ok {
		fail(ctx, "DATE_FROM_UNIX_DATE", "%q is not a whole number of days", args[0].Text())
		return
	}
	resultDate(ctx, time.Unix(n*86400, 0).UTC())
}

func epochReal(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if _, err := readMoment(args[0]); err != nil && isIntervalText(args[0]) {
		// an INTERVAL in a column the translator knows no type of
		iv, _ := parseInterval(args[0].Text())
		ctx.ResultFloat(iv.epoch())
		return
	}
	m, ok := momentArg(ctx, "epoch", args[0])
	if !ok {
		return
	}
	ctx.ResultFloat(secondsSinceEpoch(m.t))
}

// secondsSinceEpoch is t's seconds since 1970 as DuckDB gives them: its
// microseconds divided by a million, the nearest DOUBLE to the exact value
// (1706792645.25, where the nanoseconds, too many for a DOUBLE, give
// 1706792645.2499998); a time finer than microseconds adds its fraction.
func secondsSinceEpoch(t time.Time) float64 {
	if t.Nanosecond()%1000 == 0 {
		return float64(t.UnixMicro()) / 1e6
	}
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9
}

func epochMillisEither(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if n, ok := integer(args[0]); ok && args[0].Type() != sqlite3.TEXT {
		resultTimestamp(ctx, time.UnixMilli(n).UTC())
		return
	}
	m, ok := momentArg(ctx, "epoch_ms", args[0])
	if !ok {
		return
	}
	ctx.ResultInt64(floorDiv(m.t.UnixNano(), int64(time.Millisecond)))
}
