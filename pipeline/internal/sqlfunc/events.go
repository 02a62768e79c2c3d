package sqlfunc

import (
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's window event numbers and its NEXT_DAY and PREVIOUS_DAY.

func init() {
	add(
		Func{Name: "true_event_count", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &eventCount{} }},
		Func{Name: "change_event_count", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &eventCount{changes: true} }},
		Func{Name: "next_weekday", NArgs: 2, Scalar: nearWeekday("NEXT_DAY", 1)},
		Func{Name: "previous_weekday", NArgs: 2, Scalar: nearWeekday("PREVIOUS_DAY", -1)},
	)
	// The translator runs the two event counts over the rows from the
	// partition's start to the current one.
	rename("true_event_count", "conditional_true_event", "snowflake")
	rename("change_event_count", "conditional_change_event", "snowflake")
	rename("next_weekday", "next_day", "snowflake")
	rename("previous_weekday", "previous_day", "snowflake")
}

// eventCount is CONDITIONAL_TRUE_EVENT(cond): the rows so far whose cond
// is true, or with changes CONDITIONAL_CHANGE_EVENT(x): the times x has
// differed from its value on the row before (rows where x is NULL left
// out).
type eventCount struct {
	changes bool
	n       int64
	last    *sqlite3.Value
}

func (e *eventCount) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if !e.changes {
		if v, ok := truth(arg[0]); ok && v {
			e.n++
		}
		return
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if e.last != nil {
		if compare(arg[0], *e.last) == 0 {
			return
		}
		e.n++
		e.last.Close()
	}
	e.last = arg[0].Dup()
}

func (e *eventCount) Value(ctx sqlite3.Context) { ctx.ResultInt64(e.n) }

func (e *eventCount) Close() error {
	if e.last != nil {
		e.last.Close()
		e.last = nil
	}
	return nil
}

// nearWeekday is NEXT_DAY(date, 'day') (dir 1) and PREVIOUS_DAY (dir -1):
// the nearest date after (before) date that falls on that day of the
// week, named by its first two letters or more ('fr', 'Friday').
func nearWeekday(fn string, dir int) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		m, ok := momentArg(ctx, fn, args[0])
		if !ok {
			return
		}
		name := strings.ToLower(strings.TrimSpace(args[1].Text()))
		day := -1
		for d := time.Sunday; d <= time.Saturday; d++ {
			full := strings.ToLower(d.String())
			if len(name) >= 2 && strings.HasPrefix(full, name[:2]) && strings.HasPrefix(full, name[:min(len(name), len(full))]) {
				day = int(d)
			}
		}
		if day < 0 {
			fail(ctx, fn, "%q is not a day of the week", args[1].Text())
			return
		}
		t := time.Date(m.t.Year(), m.t.Month(), m.t.Day(), 0, 0, 0, 0, time.UTC)
		k := (day - int(t.Weekday()) + 7) % 7
		if dir > 0 && k == 0 {
			k = 7
		}
		if dir < 0 {
			k = -((int(t.Weekday()) - day + 7) % 7)
			if k == 0 {
				k = -7
			}
		}
		resultDate(ctx, t.AddDate(0, 0, k))
	}
}
