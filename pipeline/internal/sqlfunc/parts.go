package sqlfunc

import (
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Dates, times and timestamps from their parts, and the keys of a JSON
// object.

func init() {
	add(
		Func{Name: "timestamp_of_parts", NArgs: -1, Scalar: timestampOfParts},
		Func{Name: "json_object_keys", NArgs: -1, Scalar: jsonObjectKeys},
		Func{Name: "timestamp_of_parts_overflowing", NArgs: -1, Scalar: timestampOfPartsOverflowing},
		Func{Name: "instant_of_parts_overflowing", NArgs: -1, Scalar: instantOfPartsOverflowing},
		Func{Name: "date_of_parts_overflowing", NArgs: 3, Scalar: dateOfPartsOverflowing},
		Func{Name: "time_of_parts_overflowing", NArgs: -1, Scalar: timeOfPartsOverflowing},
	)
	// date_of_parts_overflowing(year, month, day): Snowflake's
	// DATE_FROM_PARTS, carrying as TIMESTAMP_FROM_PARTS does (month 0 is
	// December of the year before, day 100 the 100th day from the 1st).
	rename("date_of_parts_overflowing", "date_from_parts", "snowflake")
	rename("date_of_parts_overflowing", "datefromparts", "snowflake")
	// time_of_parts_overflowing(hour, minute, second[, nanosecond]):
	// Snowflake's TIME_FROM_PARTS, carrying likewise around the clock.
	rename("time_of_parts_overflowing", "time_from_parts", "snowflake")
	rename("time_of_parts_overflowing", "timefromparts", "snowflake")
	// instant_of_parts_overflowing(year ... second[, nanosecond[, zone]]):
	// TIMESTAMP_TZ_FROM_PARTS and TIMESTAMP_LTZ_FROM_PARTS, the wall clock
	// read in the zone (UTC, the session's, by default), as a UTC instant.
	for _, n := range []string{"timestamp_tz_from_parts", "timestamptzfromparts", "timestamp_ltz_from_parts", "timestampltzfromparts"} {
		rename("instant_of_parts_overflowing", n, "snowflake")
	}
	// timestamp_of_parts_overflowing(year, month, day, hour, minute,
	// second[, nanosecond]): Snowflake's TIMESTAMP_FROM_PARTS, where a part
	// out of range carries into the next (month 13 is January of the next
	// year, second -3600 an hour earlier); or (date, time): that day at that
	// time of day.
	for _, n := range []string{"timestamp_from_parts", "timestamp_ntz_from_parts", "timestampfromparts", "timestampntzfromparts"} {
		rename("timestamp_of_parts_overflowing", n, "snowflake")
	}
	// timestamp_of_parts(year, month, day, hour, minute, seconds) with
	// fractional seconds, or timestamp_of_parts(micros since 1970):
	// DuckDB's make_timestamp. Parts out of range are an error.
	rename("timestamp_of_parts", "make_timestamp", "duckdb")
	// json_object_keys(doc[, path]): the keys of the object at path, in
	// document order, as a JSON array; [] for anything else (DuckDB's
	// json_keys).
	rename("json_object_keys", "json_keys", "duckdb")
}

func timestampOfParts(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "MAKE_TIMESTAMP"
	if nullCall(ctx, args) {
		return
	}
	switch len(args) {
	case 1:
		fromEpoch(1e3)(ctx, args...)
	case 6:
		p, ok := integers(args[:5])
		if !ok {
			fail(ctx, fn, "%s: the year, month, day, hour and minute must be whole numbers", argList(args))
			return
		}
		sec, ok := number(args[5])
		if !ok || p[1] < 1 || p[1] > 12 || p[2] < 1 || p[2] > int64(daysIn(int(p[0]), time.Month(p[1]))) ||
			p[3] < 0 || p[3] > 23 || p[4] < 0 || p[4] > 59 || sec < 0 || sec >= 60 {
			fail(ctx, fn, "%s is not a valid year, month, day, hour, minute and seconds", argList(args))
			return
		}
		whole := math.Floor(sec)
		ns := int(math.Round((sec-whole)*1e6)) * 1000 // microseconds, as DuckDB keeps
		resultTimestamp(ctx, time.Date(int(p[0]), time.Month(p[1]), int(p[2]), int(p[3]), int(p[4]), int(whole), ns, time.UTC))
	default:
		fail(ctx, fn, "takes microseconds since 1970, or a year, month, day, hour, minute and seconds")
	}
}

func jsonObjectKeys(ctx sqlite3.Context, args ...sqlite3.Value) {
	raw, ok := jsonArgs(ctx, "JSON_KEYS", args, true)
	if !ok {
		return
	}
	var keys [][]byte
	if raw[0] == '{' {
		i := skipSpace(raw, 1)
		for i < len(raw) && raw[i] == '"' {
			end := skipString(raw, i)
			var k string
			if json.Unmarshal(raw[i:end], &k) != nil {
				ctx.ResultNull()
				return
			}
			keys = append(keys, []byte(k))
			i = skipSpace(raw, end)
			i = skipSpace(raw, i+1) // the colon
			i = skipSpace(raw, skipValue(raw, i))
			if i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
			}
		}
	}
	resultTextArray(ctx, keys)
}

func timestampOfPartsOverflowing(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIMESTAMP_FROM_PARTS"
	if len(args) != 2 && len(args) != 6 && len(args) != 7 {
		fail(ctx, fn, "takes a date and a time, or a year, month, day, hour, minute, second and an optional nanosecond")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	if len(args) == 2 {
		timestampOfDateAndTime(ctx, fn, args[0], args[1])
		return
	}
	p, ok := integers(args)
	if !ok {
		fail(ctx, fn, "%s: every part must be a whole number", argList(args))
		return
	}
	p = append(p, 0) // the nanosecond when it is left out
	resultTimestamp(ctx, time.Date(int(p[0]), time.Month(p[1]), int(p[2]), int(p[3]), int(p[4]), int(p[5]), int(p[6]), time.UTC))
}

// timestampOfDateAndTime writes the timestamp at time of day tv on the day
// of dv (a date, or a timestamp whose day counts).
func timestampOfDateAndTime(ctx sqlite3.Context, fn string, dv, tv sqlite3.Value) {
	d, err := readMoment(dv)
	if err != nil {
		fail(ctx, fn, "the date: %v", err)
		return
	}
	// A time of day reads as the time on 1970-01-01, in the one ISO reader.
	clock, err := parseISO([]byte("1970-01-01T" + strings.TrimSpace(tv.Text())))
	if tv.Type() != sqlite3.TEXT || err != nil || clock.t.Year() != 1970 || clock.t.YearDay() != 1 {
		fail(ctx, fn, "the time: %q is not a time of day: write it as HH:MM:SS[.fraction]", tv.Text())
		return
	}
	y, m, day := d.t.Date()
	c := clock.t
	resultTimestamp(ctx, time.Date(y, m, day, c.Hour(), c.Minute(), c.Second(), c.Nanosecond(), time.UTC))
}

func dateOfPartsOverflowing(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	p, ok := integers(args)
	if !ok {
		fail(ctx, "DATE_FROM_PARTS", "%s: every part must be a whole number", argList(args))
		return
	}
	resultDate(ctx, time.Date(int(p[0]), time.Month(p[1]), int(p[2]), 0, 0, 0, 0, time.UTC))
}

func timeOfPartsOverflowing(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIME_FROM_PARTS"
	if !called(ctx, fn, args, 3, 4, "takes an hour, a minute, a second and an optional nanosecond") {
		return
	}
	p, ok := integers(args)
	if !ok {
		fail(ctx, fn, "%s: every part must be a whole number", argList(args))
		return
	}
	p = append(p, 0)
	t := time.Date(1970, 1, 1, int(p[0]), int(p[1]), int(p[2]), int(p[3]), time.UTC)
	ctx.ResultText(t.Format("15:04:05.999999999"))
}

func instantOfPartsOverflowing(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIMESTAMP_TZ_FROM_PARTS"
	if len(args) < 6 || len(args) > 8 {
		fail(ctx, fn, "takes a year, month, day, hour, minute, second, an optional nanosecond and an optional time zone")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	loc := time.UTC
	if len(args) == 8 {
		var ok bool
		if loc, ok = zoneArg(ctx, fn, args[7]); !ok {
			return
		}
		args = args[:7]
	}
	p, ok := integers(args)
	if !ok {
		fail(ctx, fn, "%s: every part must be a whole number", argList(args))
		return
	}
	p = append(p, 0)
	resultTimestamp(ctx, time.Date(int(p[0]), time.Month(p[1]), int(p[2]), int(p[3]), int(p[4]), int(p[5]), int(p[6]), loc).UTC())
}
