package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Session holds what a connection's statements set for the statements
// after them: Snowflake's session parameters WEEK_START and
// WEEK_OF_YEAR_POLICY, which ALTER SESSION SET changes and UNSET gives
// back their defaults (0 and 0). Each connection has its own, as each
// warehouse session has; a build resets it (Reset), as dbt opens new
// sessions for each run.
type Session struct {
	// weekStart is Snowflake's WEEK_START: 0 (the default, weeks of
	// Monday to Sunday and DAYOFWEEK 0 for Sunday to 6), or 1 (Monday) to
	// 7 (Sunday), the first day of each week, DAYOFWEEK counting 1 to 7
	// from it.
	weekStart int
	// weekPolicy is Snowflake's WEEK_OF_YEAR_POLICY: 0 (the default), a
	// week belongs to the year holding at least 4 of its days; 1, week 1
	// is the one holding January 1 and the last week the one holding
	// December 31, so that both may have fewer than 7 days.
	weekPolicy int
	// altered: an ALTER SESSION ran since the last Reset.
	altered bool
	// seq are the database's sequences (sequences.go), which outlive a
	// session but for the values currval reads.
	seq sequences
}

// Reset gives every parameter its default, as a new session has; the
// sequences stay, as objects of the database.
func (s *Session) Reset() {
	seq := s.seq
	seq.curr = nil
	*s = Session{seq: seq}
}

// Altered reports whether an ALTER SESSION of a parameter kept here ran
// since the last Reset.
func (s *Session) Altered() bool { return s.altered }

// snowflake is the Snowflake calendar under the session's parameters.
func (s *Session) snowflake() calendar {
	c := snowflakeCalendar
	if s == nil || s.weekStart == 0 && s.weekPolicy == 0 {
		return c
	}
	c.sessionWeeks = true
	c.weekStartParam = s.weekStart
	c.weekPolicy = s.weekPolicy
	if s.weekStart > 1 {
		c.weekStart = time.Weekday(s.weekStart % 7) // 7 is Sunday
	}
	return c
}

// alterSession is snowflake_alter_session(name, value, ...): Snowflake's
// ALTER SESSION SET name = value (UNSET: value NULL) of WEEK_START and
// WEEK_OF_YEAR_POLICY, checked as Snowflake checks them. It answers as
// Snowflake does, 'Statement executed successfully.'.
func (s *Session) alterSession(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "ALTER SESSION"
	if len(args)%2 != 0 {
		fail(ctx, fn, "takes names and values in pairs")
		return
	}
	next := *s
	for i := 0; i < len(args); i += 2 {
		name := strings.ToLower(args[i].Text())
		var hi int
		var p *int
		switch name {
		case "week_start":
			p, hi = &next.weekStart, 7
		case "week_of_year_policy":
			p, hi = &next.weekPolicy, 1
		default:
			fail(ctx, fn, "the session parameter %s is not kept here", strings.ToUpper(name))
			return
		}
		v := args[i+1]
		if v.Type() == sqlite3.NULL {
			*p = 0 // UNSET: the default
			continue
		}
		n, ok := sessionInteger(v)
		if !ok || n < 0 || n > int64(hi) {
			resultError(ctx, fmt.Errorf("invalid value [%s] for parameter '%s'", v.Text(), strings.ToUpper(name)))
			return
		}
		*p = int(n)
	}
	next.altered = true
	*s = next
	ctx.ResultText("Statement executed successfully.")
}

// sessionInteger reads a parameter's value: an integer, or text holding
// one ('7').
func sessionInteger(v sqlite3.Value) (int64, bool) {
	switch v.Type() {
	case sqlite3.INTEGER:
		return v.Int64(), true
	case sqlite3.FLOAT:
		f := v.Float()
		return int64(f), f == float64(int64(f))
	case sqlite3.TEXT:
		n, err := strconv.ParseInt(strings.TrimSpace(v.Text()), 10, 64)
		return n, err == nil
	}
	return 0, false
}

func init() {
	add(Func{Name: "snowflake_alter_session", NArgs: -1, Volatile: true,
		Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) { return s.alterSession }})
	// Snowflake's week functions read the session's WEEK_START and
	// WEEK_OF_YEAR_POLICY (see calendar.sessionWeeks).
	add(
		Func{Name: "datetime_trunc_snowflake", NArgs: -1, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) {
			return func(ctx sqlite3.Context, args ...sqlite3.Value) { s.snowflake().truncFunc(ctx, args...) }
		}},
		Func{Name: "datetime_diff_snowflake", NArgs: -1, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) {
			return func(ctx sqlite3.Context, args ...sqlite3.Value) { s.snowflake().diffFunc(ctx, args...) }
		}},
		Func{Name: "datetime_part_snowflake", NArgs: -1, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) {
			return func(ctx sqlite3.Context, args ...sqlite3.Value) { s.snowflake().partFunc(ctx, args...) }
		}},
		Func{Name: "last_day_snowflake", NArgs: -1, Session: func(s *Session) func(sqlite3.Context, ...sqlite3.Value) {
			return func(ctx sqlite3.Context, args ...sqlite3.Value) { s.snowflake().lastDayFunc(ctx, args...) }
		}},
	)
}
