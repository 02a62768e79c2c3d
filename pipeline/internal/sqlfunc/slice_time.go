package sqlfunc

import (
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// time_slice_of(x, n, 'unit'[, 'START'|'END']): Snowflake's TIME_SLICE,
// the start (or the end, the next slice's start) of the n-unit slice that
// holds x. Slices are aligned to 1970-01-01 00:00:00; weeks to the start of
// the week holding that day, as the session's WEEK_START begins weeks
// (Monday 1969-12-29 by default, Sunday 1969-12-28 under WEEK_START = 7).
// A date gives a date and takes units from a day up.

func init() {
	add(Func{Name: "time_slice_of", NArgs: -1, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) {
		return func(ctx sqlite3.Context, args ...sqlite3.Value) { timeSliceOf(ctx, s.snowflake().weekStart, args...) }
	}})
	rename("time_slice_of", "time_slice", "snowflake")
}

var sliceMonths = map[part]int64{pMonth: 1, pQuarter: 3, pYear: 12}

func timeSliceOf(ctx sqlite3.Context, weekStart time.Weekday, args ...sqlite3.Value) {
	const fn = "TIME_SLICE"
	if !called(ctx, fn, args, 3, 4, "takes a date or timestamp, a slice length, a unit and an optional 'START' or 'END'") {
		return
	}
	m, err := readMoment(args[0])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	n, ok := integer(args[1])
	if !ok || n < 1 {
		fail(ctx, fn, "the slice length must be a whole number of 1 or more, not %s", args[1].Text())
		return
	}
	dp, ok := readPart(args[2])
	months := sliceMonths[dp.p] * n
	width := partMicros[dp.p] * n
	if !ok || dp.explicit || months == 0 && (width == 0 || dp.p < pSecond) || m.date && months == 0 && dp.p < pDay {
		units := "YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND"
		if m.date {
			units = "YEAR, QUARTER, MONTH, WEEK or DAY for a date"
		}
		fail(ctx, fn, "the unit must be %s, not %s", units, args[2].Text())
		return
	}
	end := false
	if len(args) == 4 {
		switch strings.ToUpper(strings.TrimSpace(args[3].Text())) {
		case "START":
		case "END":
			end = true
		default:
			fail(ctx, fn, "the last argument must be 'START' or 'END', not %s", args[3].Text())
			return
		}
	}
	t := m.t.UTC()
	var out time.Time
	if months > 0 {
		at := int64(t.Year()-1970)*12 + int64(t.Month()) - 1
		b := floorDiv(at, months) * months
		if end {
			b += months
		}
		out = time.Date(1970, time.Month(b+1), 1, 0, 0, 0, 0, time.UTC)
	} else {
		origin := int64(0)
		if dp.p == pWeek {
			// 1970-01-01 is a Thursday: back to the first day of its week
			back := (int(time.Thursday) - int(weekStart) + 7) % 7
			origin = time.Date(1970, 1, 1-back, 0, 0, 0, 0, time.UTC).UnixMicro()
		}
		b := origin + floorDiv(t.UnixMicro()-origin, width)*width
		if end {
			b += width
		}
		out = time.UnixMicro(b).UTC()
	}
	if m.date {
		resultDate(ctx, out)
		return
	}
	resultTimestamp(ctx, out)
}
