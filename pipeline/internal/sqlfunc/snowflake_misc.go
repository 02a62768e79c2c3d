package sqlfunc

import (
	"math"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's TO_BOOLEAN and TRY_TO_BOOLEAN, SQUARE, BITAND, BITOR, BITXOR
// and MONTHS_BETWEEN. A NULL argument gives NULL.

func init() {
	add(Func{Name: "to_boolean_snowflake", NArgs: 1, Scalar: toBoolean(false)},
		Func{Name: "try_to_boolean_snowflake", NArgs: 1, Scalar: toBoolean(true)},
		Func{Name: "square_number", NArgs: 1, Scalar: squareNumber},
		Func{Name: "bit_and2", NArgs: 2, Scalar: bitwise("BITAND", func(a, b int64) int64 { return a & b })},
		Func{Name: "bit_or2", NArgs: 2, Scalar: bitwise("BITOR", func(a, b int64) int64 { return a | b })},
		Func{Name: "bit_xor2", NArgs: 2, Scalar: bitwise("BITXOR", func(a, b int64) int64 { return a ^ b })},
		Func{Name: "months_between_snowflake", NArgs: 2, Scalar: monthsBetween})
	rename("to_boolean_snowflake", "to_boolean", "snowflake")
	rename("try_to_boolean_snowflake", "try_to_boolean", "snowflake")
	rename("square_number", "square", "snowflake")
	rename("bit_and2", "bitand", "snowflake")
	rename("bit_or2", "bitor", "snowflake")
	rename("bit_xor2", "bitxor", "snowflake")
	rename("months_between_snowflake", "months_between", "snowflake")
}

// toBoolean reads text 'true', 't', 'yes', 'y', 'on', '1' (and their
// opposites, in any case) and numbers (0 is false); anything else fails, or
// is NULL for TRY_TO_BOOLEAN.
func toBoolean(try bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		v := args[0]
		switch v.Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
			return
		case sqlite3.INTEGER, sqlite3.FLOAT:
			ctx.ResultBool(v.Float() != 0)
			return
		case sqlite3.TEXT:
			switch strings.ToLower(strings.TrimSpace(v.Text())) {
			case "true", "t", "yes", "y", "on", "1":
				ctx.ResultBool(true)
				return
			case "false", "f", "no", "n", "off", "0":
				ctx.ResultBool(false)
				return
			}
		}
		if try {
			ctx.ResultNull()
			return
		}
		fail(ctx, "TO_BOOLEAN", "Boolean value '%s' is not recognized", v.Text())
	}
}

func squareNumber(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	f, ok := number(args[0])
	if !ok {
		fail(ctx, "SQUARE", "%q is not a number", args[0].Text())
		return
	}
	ctx.ResultFloat(f * f)
}

func bitwise(fn string, op func(a, b int64) int64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ab, ok := integers(args)
		if !ok {
			fail(ctx, fn, "takes two integers, not %s", argList(args))
			return
		}
		ctx.ResultInt64(op(ab[0], ab[1]))
	}
}

// monthsBetween is date1 - date2 in months: whole months from the years and
// months, and a fraction from the days and times counting 31 days a month,
// except that the same day of the month, or the last day of both months,
// gives whole months whatever the times.
func monthsBetween(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, ok := momentArg(ctx, "MONTHS_BETWEEN", args[0])
	if !ok {
		return
	}
	b, ok := momentArg(ctx, "MONTHS_BETWEEN", args[1])
	if !ok {
		return
	}
	x, y := a.t, b.t
	months := float64((x.Year()-y.Year())*12 + int(x.Month()) - int(y.Month()))
	last := func(t time.Time) bool { return t.Day() == daysIn(t.Year(), t.Month()) }
	if x.Day() != y.Day() && !(last(x) && last(y)) {
		dayOf := func(t time.Time) float64 {
			since := t.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location()))
			return float64(t.Day()) + since.Hours()/24
		}
		months += (dayOf(x) - dayOf(y)) / 31
	}
	ctx.ResultFloat(math.Round(months*1e6) / 1e6)
}

func init() {
	add(Func{Name: "to_time_snowflake", NArgs: -1, Scalar: toTime("TO_TIME", false)},
		Func{Name: "try_to_time_snowflake", NArgs: -1, Scalar: toTime("TRY_TO_TIME", true)})
	rename("to_time_snowflake", "to_time", "snowflake")
	rename("to_time_snowflake", "time", "snowflake")
	rename("try_to_time_snowflake", "try_to_time", "snowflake")
}

// toTime gives the time of day as HH:MM:SS text, with a fraction of a
// second only when it has one. It reads HH:MM[:SS[.f]], the time of a
// timestamp (its wall clock: the zone written is dropped), text with a
// format, and an integer as seconds, milliseconds, microseconds or
// nanoseconds since the epoch by its magnitude, as Snowflake does.
func toTime(fn string, null bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 2, "takes a value and an optional format") {
			return
		}
		var t time.Time
		var err error
		if len(args) == 2 {
			var elems []elem
			elems, err = compiled(ctx, 1, args[1].Text(), &snowflakeFormats, compileSnowflake)
			if err != nil {
				fail(ctx, fn, "%v", err)
				return
			}
			t, err = readTime(strings.TrimSpace(args[0].Text()), elems)
		} else {
			t, err = readTimeSnowflake(args[0])
		}
		if err != nil {
			if null {
				ctx.ResultNull()
			} else {
				fail(ctx, fn, "%v", err)
			}
			return
		}
		ctx.ResultText(t.UTC().Format(snowflakeTimeLayout))
	}
}

// snowflakeTimeLayout writes a TIME: HH:MM:SS, a fraction only when there
// is one.
const snowflakeTimeLayout = "15:04:05.999999999"

// readTimeSnowflake reads a value as Snowflake's TO_TIME and ::TIME do,
// without a format: HH:MM[:SS[.f]], a timestamp's wall clock, or an integer
// of seconds, milliseconds, microseconds or nanoseconds since the epoch by
// its magnitude.
func readTimeSnowflake[V cell](v V) (time.Time, error) {
	s := strings.TrimSpace(v.Text())
	if n, ok := integer(v); ok {
		a := n
		if a < 0 {
			a = -a
		}
		switch {
		case a < 31536000000:
			return time.Unix(n, 0), nil
		case a < 31536000000000:
			return time.UnixMilli(n), nil
		case a < 31536000000000000:
			return time.UnixMicro(n), nil
		}
		return time.Unix(0, n), nil
	}
	if p, ok := parseTimestampText("1970-01-01 " + s); ok && !p.date {
		return p.wall, nil
	}
	if p, ok := parseTimestampText(s); ok && !p.date {
		return p.wall, nil
	}
	return time.Time{}, errorString("'" + s + "' is not a time")
}
