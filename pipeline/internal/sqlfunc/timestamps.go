package sqlfunc

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Timestamps and dates are ISO 8601 text, the project's one representation
// (seeds, current_timestamp): a timestamp is written in UTC as
// 2024-05-17T10:00:00Z, with a fraction of a second only when it has one
// (2024-05-17T10:00:00.5Z); a date is 2024-05-17. Functions read those and
// the other ISO shapes ('2024-05-17 10:00:00', '+02:00' or ' UTC' zones,
// fractions), converting offsets to UTC; a time without a zone is UTC.

// moment is a parsed value: its instant in UTC and whether it was a date.
// off is the offset the text was written in, in seconds east of UTC (0 for
// Z, UTC or none): Snowflake's TIMESTAMP_TZ keeps it (CONVERT_TIMEZONE
// writes 2024-01-04T22:00:00-05:00) and reads its parts in it.
type moment struct {
	t    time.Time
	date bool
	off  int
}

// zone is the fixed zone of m's offset, nil when it was written in UTC.
func (m moment) zone() *time.Location {
	if m.off == 0 {
		return nil
	}
	return time.FixedZone("", m.off)
}

// readMoment parses a date or timestamp argument.
func readMoment(v sqlite3.Value) (moment, error) {
	switch v.Type() {
	case sqlite3.TEXT:
		return parseISO(v.RawText())
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return moment{}, fmt.Errorf("%s is a number, not a date or timestamp (convert epoch numbers with TIMESTAMP_SECONDS or TO_TIMESTAMP)", v.Text())
	}
	return moment{}, fmt.Errorf("%q is not a date or timestamp", v.Text())
}

// parseISO reads YYYY-MM-DD[( |T)HH:MM[:SS[.f]]][zone].
func parseISO(b []byte) (moment, error) {
	s := strings.TrimSpace(string(b))
	bad := func() (moment, error) {
		return moment{}, fmt.Errorf("%q is not a date or timestamp: write it as ISO 8601, like 2024-05-17 or 2024-05-17T10:00:00Z", s)
	}
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return bad()
	}
	y, ok1 := digits(s[0:4])
	mo, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return bad()
	}
	if len(s) == 10 {
		return moment{t: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), date: true}, nil
	}
	if s[10] != 'T' && s[10] != ' ' && s[10] != 't' {
		return bad()
	}
	r := s[11:]
	if len(r) < 5 || r[2] != ':' {
		return bad()
	}
	h, ok1 := digits(r[0:2])
	mi, ok2 := digits(r[3:5])
	if !ok1 || !ok2 || h > 23 || mi > 59 {
		return bad()
	}
	r = r[5:]
	sec, nsec := 0, 0
	if len(r) >= 3 && r[0] == ':' {
		var ok bool
		if sec, ok = digits(r[1:3]); !ok || sec > 59 {
			return bad()
		}
		r = r[3:]
		if len(r) > 1 && r[0] == '.' {
			j := 1
			for j < len(r) && r[j] >= '0' && r[j] <= '9' {
				j++
			}
			frac := r[1:j]
			if len(frac) == 0 {
				return bad()
			}
			if len(frac) > 9 {
				frac = frac[:9]
			}
			nsec, _ = strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			r = r[j:]
		}
	}
	off, ok := parseOffset(strings.TrimSpace(r))
	if !ok {
		return bad()
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC).Add(-time.Duration(off) * time.Second)
	return moment{t: t, off: off}, nil
}

// parseOffset reads a zone: "", Z, UTC, +HH, +HHMM or +HH:MM, in seconds
// east of UTC.
func parseOffset(z string) (int, bool) {
	switch z {
	case "", "Z", "z", "UTC", "utc", "GMT", "+00", "-00":
		return 0, true
	}
	if len(z) < 3 || z[0] != '+' && z[0] != '-' {
		return 0, false
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	h, ok := digits(z[1:3])
	if !ok {
		return 0, false
	}
	m := 0
	rest := z[3:]
	rest = strings.TrimPrefix(rest, ":")
	if rest != "" {
		if m, ok = digits(rest); !ok || len(rest) != 2 {
			return 0, false
		}
	}
	if h > 14 || m > 59 {
		return 0, false
	}
	return sign * (h*3600 + m*60), true
}

func digits(s string) (int, bool) {
	n := 0
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// appendTimestamp writes t in the project's timestamp form.
func appendTimestamp(b []byte, t time.Time) []byte {
	t = t.UTC()
	if t.Nanosecond() == 0 {
		return t.AppendFormat(b, "2006-01-02T15:04:05Z")
	}
	return t.AppendFormat(b, "2006-01-02T15:04:05.999999999Z")
}

func resultTimestamp(ctx sqlite3.Context, t time.Time) {
	var buf [40]byte
	ctx.ResultRawText(appendTimestamp(buf[:0], t))
}

func resultDate(ctx sqlite3.Context, t time.Time) {
	var buf [16]byte
	ctx.ResultRawText(t.AppendFormat(buf[:0], "2006-01-02"))
}

// resultMoment writes m as a date when it is one, else as a timestamp.
func resultMoment(ctx sqlite3.Context, m moment) {
	if m.date {
		resultDate(ctx, m.t)
	} else {
		resultTimestamp(ctx, m.t)
	}
}

// A part is a unit of time as the date functions name it.
type part int

const (
	noPart part = iota
	pMicrosecond
	pMillisecond
	pSecond
	pMinute
	pHour
	pDay
	pWeek // the calendar's week; weekday below for BigQuery's WEEK(<day>)
	pISOWeek
	pMonth
	pQuarter
	pYear
	pISOYear
	pDayOfWeek
	pISODayOfWeek
	pDayOfYear
	pNanosecond
	pEpoch
	pEpochMillisecond
	pEpochMicrosecond
	pEpochNanosecond
	pDate
	pYearWeek // DuckDB's yearweek: the ISO year times 100 plus the ISO week
	// DuckDB's eras (see calendar.eras)
	pDecade
	pCentury
	pMillennium
	// DuckDB's offset of a TIMESTAMPTZ in the session's zone (UTC here:
	// always 0); a DATE has none
	pTimezone
	pTimezoneHour
	pTimezoneMinute
	pEra // DuckDB's: 1 for the years AD, 0 before
)

var partNames = map[string]part{}

// partLabels name each part in errors: the first of its names, in capitals.
var partLabels = map[part]string{}

func init() {
	for p, names := range map[part]string{
		pMicrosecond:  "microsecond microseconds us usec usecs",
		pMillisecond:  "millisecond milliseconds ms msec msecs",
		pSecond:       "second seconds s sec secs",
		pMinute:       "minute minutes m mi min mins",
		pHour:         "hour hours h hh hr hrs",
		pDay:          "day days d dd dayofmonth",
		pWeek:         "week weeks w wk weekofyear woy wy",
		pISOWeek:      "isoweek weekiso week_iso weekofyeariso",
		pMonth:        "month months mm mon mons",
		pQuarter:      "quarter quarters q qtr qtrs",
		pYear:         "year years y yy yyy yyyy yr yrs",
		pISOYear:      "isoyear yearofweekiso yearofweek",
		pDayOfWeek:    "dayofweek dow weekday dw",
		pISODayOfWeek: "dayofweekiso isodow weekday_iso dow_iso",
		pDayOfYear:    "dayofyear doy yearday dy",
		pNanosecond:   "nanosecond nanoseconds ns nsec",
		pEpoch:        "epoch epoch_second epoch_seconds",
		// Snowflake's whole milli-, micro- and nanoseconds since 1970
		pEpochMillisecond: "epoch_millisecond epoch_milliseconds",
		pEpochMicrosecond: "epoch_microsecond epoch_microseconds",
		pEpochNanosecond:  "epoch_nanosecond epoch_nanoseconds",
		pDate:             "date",
		pYearWeek:         "yearweek",
		pDecade:           "decade decades dec decs",
		pCentury:          "century centuries c cent",
		pMillennium:       "millennium millennia millenniums millenium mil mils",
		pTimezone:         "timezone",
		pTimezoneHour:     "timezone_hour",
		pTimezoneMinute:   "timezone_minute",
		pEra:              "era",
	} {
		for _, n := range strings.Fields(names) {
			partNames[n] = p
		}
		partLabels[p] = strings.ToUpper(strings.Fields(names)[0])
	}
}

// IsClockPart reports whether name (lower case) names a part of the
// clock, hours or less: Snowflake's DATEADD moves a DATE by one to a
// TIMESTAMP_NTZ, and by a larger part to a DATE.
func IsClockPart(name string) bool {
	p, ok := partNames[name]
	return ok && (p < pDay || p == pNanosecond)
}

// IsDatePart reports whether name (lower case) names a date part, such as
// month, mins or yearofweekiso.
func IsDatePart(name string) bool {
	_, ok := partNames[name]
	return ok
}

// datePart is a part with, for BigQuery's WEEK(<weekday>), its first day.
type datePart struct {
	p        part
	weekday  time.Weekday
	explicit bool // the week start was named
	// yearOfWeek: the part was named yearofweek, Snowflake's year of the
	// week, which follows WEEK_START and WEEK_OF_YEAR_POLICY (see
	// calendar.sessionWeeks); else, and in the other warehouses, the ISO
	// year.
	yearOfWeek bool
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

// readPart reads a part argument such as 'month' or 'week(monday)'.
func readPart(v sqlite3.Value) (datePart, bool) {
	if v.Type() != sqlite3.TEXT {
		return datePart{}, false
	}
	s := strings.ToLower(strings.TrimSpace(v.Text()))
	if p, ok := partNames[s]; ok {
		return datePart{p: p, yearOfWeek: s == "yearofweek"}, true
	}
	if inner, ok := strings.CutPrefix(s, "week("); ok && strings.HasSuffix(inner, ")") {
		if d, ok := weekdays[strings.TrimSpace(strings.TrimSuffix(inner, ")"))]; ok {
			return datePart{p: pWeek, weekday: d, explicit: true}, true
		}
	}
	return datePart{}, false
}

// calendar holds the rules in which the warehouses' date functions differ.
type calendar struct {
	name string
	// weekStart is the first day of WEEK.
	weekStart time.Weekday
	// dayOfWeekFrom1: DAYOFWEEK is 1 (Sunday) to 7 (BigQuery), else 0 to 6.
	dayOfWeekFrom1 bool
	// sundayWeekNumbers: EXTRACT(WEEK) counts weeks from the year's first
	// Sunday, 0 before it (BigQuery); else the ISO week number.
	sundayWeekNumbers bool
	// truncGivesTimestamp: truncating a date gives a timestamp (DuckDB).
	truncGivesTimestamp bool
	// weekDiffByDays: a difference in weeks is whole 7-day spans (DuckDB),
	// else week boundaries crossed.
	weekDiffByDays bool
	// subsecondsWithSeconds: MILLISECOND and MICROSECOND include the
	// seconds (DuckDB: 44.5 s is 44500 ms), else only the fraction.
	subsecondsWithSeconds bool
	// ownOffset: a timestamp written with an offset is truncated and read
	// in that offset (Snowflake's TIMESTAMP_TZ: a day starts at its local
	// midnight), and DATE_TRUNC keeps the offset; else in UTC.
	ownOffset bool
	// eras: DECADE, CENTURY and MILLENNIUM are parts (DuckDB). EXTRACT
	// counts centuries from year 1 (2000 is in the 20th), but DATE_TRUNC
	// and DATEDIFF cut years at multiples of 100 (2000-01-01 starts one).
	eras bool
	// sessionWeeks: Snowflake's WEEK_START (weekStartParam) or
	// WEEK_OF_YEAR_POLICY (weekPolicy) is set, and not to its default
	// (Session.snowflake): weeks start on weekStart (Monday for WEEK_START
	// 0 or 1) in DATE_TRUNC, LAST_DAY and DATEDIFF; DAYOFWEEK counts 1 to 7
	// from it (but 0 for Sunday to 6 under WEEK_START 0); WEEK and
	// YEAROFWEEK number the weeks of such a start with the policy's first
	// week (weekOfYear). The ISO parts ignore both.
	sessionWeeks   bool
	weekStartParam int
	weekPolicy     int
}

// weekOfYear is Snowflake's WEEK and YEAROFWEEK of t under the session's
// parameters: with WEEK_OF_YEAR_POLICY 0 a week belongs to the year that
// holds at least 4 of its days (ISO's rule, for weeks starting on
// weekStart), so the first days of January may be in the last week of the
// year before; with 1, week 1 holds January 1 and the last week December
// 31, each in its own year, both maybe shorter than 7 days.
func (c calendar) weekOfYear(t time.Time) (week, year int64) {
	start := startOfWeek(t, c.weekStart)
	if c.weekPolicy == 1 {
		jan1 := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return (civilDays(start)-civilDays(startOfWeek(jan1, c.weekStart)))/7 + 1, int64(t.Year())
	}
	y := start.AddDate(0, 0, 3).Year() // the year of the week's fourth day
	first := startOfWeek(time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC), c.weekStart)
	return (civilDays(start)-civilDays(first))/7 + 1, int64(y)
}

var (
	bigqueryCalendar  = calendar{name: "bigquery", weekStart: time.Sunday, dayOfWeekFrom1: true, sundayWeekNumbers: true}
	snowflakeCalendar = calendar{name: "snowflake", weekStart: time.Monday, ownOffset: true}
	duckdbCalendar    = calendar{name: "duckdb", weekStart: time.Monday, truncGivesTimestamp: true, weekDiffByDays: true, subsecondsWithSeconds: true, eras: true}
	calendars         = []calendar{bigqueryCalendar, snowflakeCalendar, duckdbCalendar}
)

func (c calendar) weekStartOf(dp datePart) time.Weekday {
	if dp.explicit {
		return dp.weekday
	}
	if dp.p == pISOWeek {
		return time.Monday
	}
	return c.weekStart
}

// startOfWeek is the day t's week (starting on start) begins.
func startOfWeek(t time.Time, start time.Weekday) time.Time {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	back := (int(day.Weekday()) - int(start) + 7) % 7
	return day.AddDate(0, 0, -back)
}

// isoYearStart is the Monday of ISO week 1 of ISO year y.
func isoYearStart(y int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	return startOfWeek(jan4, time.Monday)
}

// trunc returns t truncated to dp.
func (c calendar) trunc(t time.Time, dp datePart) (time.Time, error) {
	y, m, d := t.Date()
	switch dp.p {
	case pMicrosecond:
		return t.Truncate(time.Microsecond), nil
	case pMillisecond:
		return t.Truncate(time.Millisecond), nil
	case pSecond:
		return t.Truncate(time.Second), nil
	case pMinute:
		return t.Truncate(time.Minute), nil
	case pHour:
		return t.Truncate(time.Hour), nil
	case pDay:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	case pWeek, pISOWeek:
		return startOfWeek(t, c.weekStartOf(dp)), nil
	case pMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), nil
	case pQuarter:
		return time.Date(y, (m-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC), nil
	case pYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), nil
	case pISOYear:
		iy, _ := t.ISOWeek()
		return isoYearStart(iy), nil
	}
	if n := c.eraYears(dp.p); n > 0 {
		return time.Date(y/n*n, 1, 1, 0, 0, 0, 0, time.UTC), nil
	}
	return t, fmt.Errorf("cannot truncate to %s", partLabel(dp.p))
}

// eraYears is the years in an era part the calendar has, else 0.
func (c calendar) eraYears(p part) int {
	if !c.eras {
		return 0
	}
	return map[part]int{pDecade: 10, pCentury: 100, pMillennium: 1000}[p]
}

func partLabel(p part) string {
	if l, ok := partLabels[p]; ok {
		return l
	}
	return "that part"
}

// partStruct is DuckDB's date_part(['year', 'month'], x): a struct of
// the parts named, in the list's order.
func (c calendar) partStruct(ctx sqlite3.Context, list string, v sqlite3.Value) {
	const fn = "date_part"
	var names []string
	if err := json.Unmarshal([]byte(list), &names); err != nil || len(names) == 0 {
		fail(ctx, fn, "the parts must be a list of part names, not %s", list)
		return
	}
	if v.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	m, ok := momentArg(ctx, fn, v)
	if !ok {
		return
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, name := range names {
		p, ok := partNames[strings.ToLower(strings.TrimSpace(name))]
		if !ok {
			fail(ctx, fn, "%q is not a date part", name)
			return
		}
		if p == pNanosecond || p == pEpochNanosecond {
			resultError(ctx, fmt.Errorf("extract specifier %q not recognized, as in DuckDB", name))
			return
		}
		if m.date && zonePart(p) {
			resultError(ctx, dateUnitError(name))
			return
		}
		x, err := c.extract(m.t, datePart{p: p})
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		k, _ := json.Marshal(name)
		val, _ := json.Marshal(x)
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	ctx.ResultText(b.String())
	ctx.ResultSubtype(jsonSubtype)
}

// splitPartArgs finds the part among args (first or last, as the
// warehouses order them) and returns it with the other arguments in order.
func splitPartArgs(args []sqlite3.Value) (datePart, []sqlite3.Value, bool) {
	if dp, ok := readPart(args[0]); ok {
		return dp, args[1:], true
	}
	if dp, ok := readPart(args[len(args)-1]); ok {
		return dp, args[:len(args)-1], true
	}
	return datePart{}, nil, false
}

func badPart(ctx sqlite3.Context, fn string, args []sqlite3.Value) {
	fail(ctx, fn, "no date part among the arguments (%s): name one such as 'day', 'week', 'month', 'year' or 'hour'", argList(args))
}

// partCall is a call of a date-part function: the part, the other
// arguments in order, and whether the part came first (Snowflake's and
// DuckDB's order) or last (BigQuery's).
type partCall struct {
	dp    datePart
	rest  []sqlite3.Value
	first bool
}

// readPartCall checks a call of fn as called does and finds its part; it
// fails the call, or gives NULL, and reports false when fn cannot go on.
func readPartCall(ctx sqlite3.Context, fn string, args []sqlite3.Value, lo, hi int, takes string) (partCall, bool) {
	if !called(ctx, fn, args, lo, hi, takes) {
		return partCall{}, false
	}
	dp, rest, ok := splitPartArgs(args)
	if !ok {
		badPart(ctx, fn, args)
		return partCall{}, false
	}
	_, first := readPart(args[0])
	return partCall{dp: dp, rest: rest, first: first}, true
}

// refusedPart fails a call of DuckDB's date functions on a nanosecond part
// (nanosecond, ns, epoch_ns ...), which DuckDB refuses on a DATE, TIMESTAMP
// or TIMESTAMPTZ (nanosecond(ts) and epoch_ns(ts) are functions of their
// own); it reports whether it did.
func (c calendar) refusedPart(ctx sqlite3.Context, pc partCall, args []sqlite3.Value) bool {
	if c.name != "duckdb" || pc.dp.p != pNanosecond && pc.dp.p != pEpochNanosecond {
		return false
	}
	written := args[len(args)-1]
	if pc.first {
		written = args[0]
	}
	resultError(ctx, fmt.Errorf("extract specifier %q not recognized, as in DuckDB", written.Text()))
	return true
}

// momentArg reads argument v of fn as a date or timestamp, failing the call
// when it is not one.
func momentArg(ctx sqlite3.Context, fn string, v sqlite3.Value) (moment, bool) {
	m, err := readMoment(v)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return moment{}, false
	}
	return m, true
}

// fromTo reads the two dates or timestamps of a difference: (part, from,
// to) with the part first, BigQuery's (to, from, part) with it last.
func (pc partCall) fromTo(ctx sqlite3.Context, fn string) (a, b moment, ok bool) {
	from, to := pc.rest[0], pc.rest[1]
	if !pc.first {
		from, to = to, from
	}
	if a, ok = momentArg(ctx, fn, from); !ok {
		return
	}
	b, ok = momentArg(ctx, fn, to)
	return
}

func argList(args []sqlite3.Value) string {
	var parts []string
	for _, a := range args {
		if a.Type() == sqlite3.TEXT {
			parts = append(parts, "'"+a.Text()+"'")
		} else {
			parts = append(parts, a.Text())
		}
	}
	return strings.Join(parts, ", ")
}

func (c calendar) truncFunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "DATE_TRUNC"
	if !called(ctx, fn, args, 2, 3, "takes a date or timestamp and a date part") {
		return
	}
	loc := time.UTC
	if len(args) == 3 {
		// BigQuery's TIMESTAMP_TRUNC(ts, part, zone) truncates the zone's
		// wall clock.
		var ok bool
		if loc, ok = zoneArg(ctx, "TIMESTAMP_TRUNC", args[2]); !ok {
			return
		}
		args = args[:2]
	}
	pc, ok := readPartCall(ctx, fn, args, 2, 2, "")
	if !ok || c.refusedPart(ctx, pc, args) {
		return
	}
	if d, isTime := clockText(pc.rest[0]); isTime && c.name == "snowflake" {
		// a TIME: truncated on its clock
		if !clockPart(pc.dp.p) {
			fail(ctx, fn, "a TIME is truncated to an hour or less, not to %s", partLabel(pc.dp.p))
			return
		}
		t, err := c.trunc(midnight.Add(d), pc.dp)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		ctx.ResultText(snowflakeClock(t.Sub(midnight)))
		return
	}
	m, ok := momentArg(ctx, fn, pc.rest[0])
	if !ok {
		return
	}
	own := c.ownOffset && len(args) == 2 && !m.date && m.zone() != nil
	if own {
		loc = m.zone()
	}
	t, err := c.trunc(wallClock(m.t, loc), pc.dp)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	m.t = instantOf(t, loc)
	if own {
		resultZoned(ctx, m.t.In(loc))
		return
	}
	if c.truncGivesTimestamp {
		m.date = false
	}
	resultMoment(ctx, m)
}

// floorDiv divides rounding toward negative infinity.
func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func civilDays(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// boundaries counts the dp boundaries crossed from a to b.
func (c calendar) boundaries(a, b time.Time, dp datePart) (int64, error) {
	switch dp.p {
	case pMicrosecond:
		return floorDiv(b.UnixMicro(), 1) - floorDiv(a.UnixMicro(), 1), nil
	case pMillisecond:
		return b.UnixMilli() - a.UnixMilli(), nil
	case pSecond:
		return b.Unix() - a.Unix(), nil
	case pMinute:
		return floorDiv(b.Unix(), 60) - floorDiv(a.Unix(), 60), nil
	case pHour:
		return floorDiv(b.Unix(), 3600) - floorDiv(a.Unix(), 3600), nil
	case pDay:
		return civilDays(b) - civilDays(a), nil
	case pWeek, pISOWeek:
		if c.weekDiffByDays && !dp.explicit && dp.p == pWeek {
			return (civilDays(b) - civilDays(a)) / 7, nil
		}
		start := c.weekStartOf(dp)
		return (civilDays(startOfWeek(b, start)) - civilDays(startOfWeek(a, start))) / 7, nil
	case pMonth:
		return int64(b.Year()*12+int(b.Month())) - int64(a.Year()*12+int(a.Month())), nil
	case pQuarter:
		return int64(b.Year()*4+(int(b.Month())-1)/3) - int64(a.Year()*4+(int(a.Month())-1)/3), nil
	case pYear:
		return int64(b.Year() - a.Year()), nil
	case pISOYear:
		ya, _ := a.ISOWeek()
		yb, _ := b.ISOWeek()
		return int64(yb - ya), nil
	}
	if n := c.eraYears(dp.p); n > 0 {
		return int64(b.Year()/n - a.Year()/n), nil
	}
	return 0, fmt.Errorf("cannot count %s between two values", partLabel(dp.p))
}

func (c calendar) diffFunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "DATEDIFF"
	pc, ok := readPartCall(ctx, fn, args, 3, 3, "takes a date part and two dates or timestamps")
	if !ok || c.refusedPart(ctx, pc, args) {
		return
	}
	if c.name == "snowflake" {
		// two TIMEs: the boundaries crossed on one day's clock
		from, isTime1 := clockText(pc.rest[0])
		to, isTime2 := clockText(pc.rest[1])
		if isTime1 && isTime2 {
			n, err := c.boundaries(midnight.Add(from), midnight.Add(to), pc.dp)
			if err != nil || !clockPart(pc.dp.p) {
				fail(ctx, fn, "the difference of two TIMEs is counted in hours or less, not in %s", partLabel(pc.dp.p))
				return
			}
			ctx.ResultInt64(n)
			return
		}
	}
	a, b, ok := pc.fromTo(ctx, fn)
	if !ok {
		return
	}
	n, err := c.boundaries(a.t, b.t, pc.dp)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	ctx.ResultInt64(n)
}

// elapsed counts whole dp intervals from a to b, truncated toward zero
// (BigQuery's TIMESTAMP_DIFF, DuckDB's date_sub).
func (c calendar) elapsed(a, b time.Time, dp datePart) (int64, error) {
	d := b.Sub(a)
	switch dp.p {
	case pMicrosecond:
		return int64(d / time.Microsecond), nil
	case pMillisecond:
		return int64(d / time.Millisecond), nil
	case pSecond:
		return int64(d / time.Second), nil
	case pMinute:
		return int64(d / time.Minute), nil
	case pHour:
		return int64(d / time.Hour), nil
	case pDay:
		return int64(d / (24 * time.Hour)), nil
	case pWeek:
		return int64(d / (7 * 24 * time.Hour)), nil
	case pMonth, pQuarter, pYear:
		months := wholeMonths(a, b)
		switch dp.p {
		case pQuarter:
			return months / 3, nil
		case pYear:
			return months / 12, nil
		}
		return months, nil
	}
	if n := c.eraYears(dp.p); n > 0 {
		return wholeMonths(a, b) / int64(12*n), nil
	}
	return 0, fmt.Errorf("cannot count %s between two timestamps", partLabel(dp.p))
}

// wholeMonths counts the months from a to b that are complete: b's day
// and time of month reach a's, a's day taken as b's month's last day when
// that month is shorter (January 31 to February 29 is a month). From a
// later a the count is negative, of the same size as from b to a, as
// DuckDB's date_sub counts them.
func wholeMonths(a, b time.Time) int64 {
	if b.Before(a) {
		return -wholeMonths(b, a)
	}
	months := int64(b.Year()*12+int(b.Month())) - int64(a.Year()*12+int(a.Month()))
	day := min(a.Day(), daysIn(b.Year(), b.Month()))
	reach := time.Date(b.Year(), b.Month(), day, a.Hour(), a.Minute(), a.Second(), a.Nanosecond(), time.UTC)
	if months > 0 && b.Before(reach) {
		months--
	}
	return months
}

func (c calendar) elapsedFunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TIMESTAMP_DIFF"
	pc, ok := readPartCall(ctx, fn, args, 3, 3, "takes two timestamps and a date part")
	if !ok || c.refusedPart(ctx, pc, args) {
		return
	}
	a, b, ok := pc.fromTo(ctx, fn)
	if !ok {
		return
	}
	n, err := c.elapsed(a.t, b.t, pc.dp)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	ctx.ResultInt64(n)
}

// addMonths adds n months, keeping the day unless the month is shorter
// (Jan 31 + 1 month is Feb 29 or 28), as every warehouse does.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	d = min(d, daysIn(first.Year(), first.Month()))
	return first.AddDate(0, 0, d-1)
}

func addPart(t time.Time, n int64, dp datePart) (time.Time, error) {
	switch dp.p {
	case pNanosecond:
		return t.Add(time.Duration(n)), nil
	case pMicrosecond:
		return t.Add(time.Duration(n) * time.Microsecond), nil
	case pMillisecond:
		return t.Add(time.Duration(n) * time.Millisecond), nil
	case pSecond:
		return t.Add(time.Duration(n) * time.Second), nil
	case pMinute:
		return t.Add(time.Duration(n) * time.Minute), nil
	case pHour:
		return t.Add(time.Duration(n) * time.Hour), nil
	case pDay:
		return t.AddDate(0, 0, int(n)), nil
	case pWeek, pISOWeek:
		return t.AddDate(0, 0, 7*int(n)), nil
	case pMonth:
		return addMonths(t, int(n)), nil
	case pQuarter:
		return addMonths(t, 3*int(n)), nil
	case pYear:
		return addMonths(t, 12*int(n)), nil
	}
	return t, fmt.Errorf("cannot add a %s", partLabel(dp.p))
}

// eraYears writes n decades, centuries or millennia (DuckDB's intervals
// of 10, 100 and 1,000 years) as years; another part is kept.
func eraYears(n int64, dp datePart) (int64, datePart) {
	if years := map[part]int64{pDecade: 10, pCentury: 100, pMillennium: 1000}[dp.p]; years != 0 {
		return n * years, datePart{p: pYear}
	}
	return n, dp
}

// dateAdd returns DATE_ADD (sign 1) or DATE_SUB (sign -1). With
// toTimestamp the result is always a timestamp (DuckDB's date + interval);
// else a date stays a date when the part is a day or longer. With
// ownOffset a timestamp written with an offset (Snowflake's TIMESTAMP_TZ)
// moves on its own wall clock and keeps its offset.
func dateAdd(sign int64, toTimestamp, ownOffset bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		fn := "DATEADD"
		if sign < 0 {
			fn = "DATE_SUB"
		}
		pc, ok := readPartCall(ctx, fn, args, 3, 3, "takes a date part, a number and a date or timestamp")
		if !ok {
			return
		}
		// Snowflake: DATEADD(part, n, x); BigQuery: DATE_ADD(x, n, part).
		nArg, xArg := pc.rest[0], pc.rest[1]
		if !pc.first {
			nArg, xArg = pc.rest[1], pc.rest[0]
		}
		n, ok := integer(nArg)
		if !ok {
			fail(ctx, fn, "the number to add must be an integer, not %s", nArg.Text())
			return
		}
		if d, isTime := clockText(xArg); isTime && ownOffset {
			// Snowflake's TIME: moved on its clock, around midnight
			if !clockPart(pc.dp.p) {
				fail(ctx, fn, "a TIME takes hours or less, not %s", partLabel(pc.dp.p))
				return
			}
			t, err := addPart(midnight.Add(d), sign*n, pc.dp)
			if err != nil {
				fail(ctx, fn, "%v", err)
				return
			}
			ctx.ResultText(snowflakeClock(t.Sub(midnight)))
			return
		}
		m, ok := momentArg(ctx, fn, xArg)
		if !ok {
			return
		}
		dp := pc.dp
		if toTimestamp {
			// DuckDB's INTERVAL n DECADE, CENTURY, MILLENNIUM
			n, dp = eraYears(n, dp)
		}
		loc := time.UTC
		own := ownOffset && !m.date && m.zone() != nil
		if own {
			loc = m.zone()
		}
		t, err := addPart(wallClock(m.t, loc), sign*n, dp)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		m.t = instantOf(t, loc)
		if own {
			resultZoned(ctx, m.t.In(loc))
			return
		}
		if toTimestamp || dp.p < pDay || dp.p == pNanosecond {
			m.date = false
		}
		resultMoment(ctx, m)
	}
}

// extract returns the value of dp in t.
func (c calendar) extract(t time.Time, dp datePart) (any, error) {
	switch dp.p {
	case pYear:
		return int64(t.Year()), nil
	case pISOYear:
		if dp.yearOfWeek && c.sessionWeeks {
			_, y := c.weekOfYear(t)
			return y, nil
		}
		y, _ := t.ISOWeek()
		return int64(y), nil
	case pYearWeek:
		y, w := t.ISOWeek()
		return int64(y*100 + w), nil
	case pQuarter:
		return int64((t.Month()-1)/3 + 1), nil
	case pMonth:
		return int64(t.Month()), nil
	case pISOWeek:
		_, w := t.ISOWeek()
		return int64(w), nil
	case pWeek:
		if c.sessionWeeks && !dp.explicit {
			w, _ := c.weekOfYear(t)
			return w, nil
		}
		if !c.sundayWeekNumbers && !dp.explicit {
			_, w := t.ISOWeek()
			return int64(w), nil
		}
		// Weeks start on the given day; days before the year's first such
		// day are in week 0.
		start := c.weekStartOf(dp)
		jan1 := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		first := jan1.AddDate(0, 0, (int(start)-int(jan1.Weekday())+7)%7)
		return floorDiv(civilDays(t)-civilDays(first), 7) + 1, nil
	case pDay:
		return int64(t.Day()), nil
	case pDayOfWeek:
		if c.sessionWeeks && c.weekStartParam > 0 {
			// 1 for the first day of the week, 7 for its last
			return int64((int(t.Weekday())-int(c.weekStart)+7)%7 + 1), nil
		}
		if c.dayOfWeekFrom1 {
			return int64(t.Weekday()) + 1, nil
		}
		return int64(t.Weekday()), nil
	case pISODayOfWeek:
		return int64((int(t.Weekday())+6)%7 + 1), nil
	case pDayOfYear:
		return int64(t.YearDay()), nil
	case pHour:
		return int64(t.Hour()), nil
	case pMinute:
		return int64(t.Minute()), nil
	case pSecond:
		return int64(t.Second()), nil
	case pMillisecond:
		if c.subsecondsWithSeconds {
			return int64(t.Second())*1000 + int64(t.Nanosecond()/1e6), nil
		}
		return int64(t.Nanosecond() / 1e6), nil
	case pMicrosecond:
		if c.subsecondsWithSeconds {
			return int64(t.Second())*1e6 + int64(t.Nanosecond()/1e3), nil
		}
		return int64(t.Nanosecond() / 1e3), nil
	case pNanosecond:
		return int64(t.Nanosecond()), nil
	case pEpoch:
		// Snowflake's EPOCH_SECOND is whole seconds; DuckDB's epoch keeps
		// the fraction.
		if !c.subsecondsWithSeconds {
			return t.Unix(), nil
		}
		return secondsSinceEpoch(t), nil
	case pEpochMillisecond:
		return t.UnixMilli(), nil
	case pEpochMicrosecond:
		return t.UnixMicro(), nil
	case pEpochNanosecond:
		return t.UnixNano(), nil
	case pEra:
		if c.name == "duckdb" {
			if t.Year() > 0 {
				return int64(1), nil
			}
			return int64(0), nil
		}
	case pTimezone, pTimezoneHour, pTimezoneMinute:
		if c.name == "duckdb" {
			// the session's zone is UTC: every offset is 0
			return int64(0), nil
		}
	}
	switch n := c.eraYears(dp.p); {
	case n == 10:
		return int64(t.Year() / 10), nil
	case n > 0 && t.Year() > 0:
		return int64((t.Year()-1)/n + 1), nil // the years 1 to 100 are the first century
	case n > 0:
		return int64(t.Year()/n - 1), nil
	}
	return nil, fmt.Errorf("cannot extract %s", partLabel(dp.p))
}

func (c calendar) partFunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "EXTRACT"
	if c.name == "duckdb" && len(args) == 2 && args[0].Type() == sqlite3.TEXT && strings.HasPrefix(strings.TrimSpace(args[0].Text()), "[") {
		c.partStruct(ctx, args[0].Text(), args[1])
		return
	}
	pc, ok := readPartCall(ctx, fn, args, 2, 2, "takes a date part and a date or timestamp")
	if !ok || c.refusedPart(ctx, pc, args) {
		return
	}
	if _, err := readMoment(pc.rest[0]); err != nil && c.name == "duckdb" && isIntervalText(pc.rest[0]) {
		// an INTERVAL in a column the translator knows no type of
		intervalPart(ctx, args...)
		return
	}
	if c.name == "bigquery" && pc.rest[0].Type() == sqlite3.TEXT {
		if _, ok := parseBigQueryInterval(pc.rest[0].Text()); ok {
			// an INTERVAL in a column the translator knows no type of
			intervalPartBigQuery(ctx, args...)
			return
		}
	}
	if _, err := readMoment(pc.rest[0]); err != nil && (c.name == "bigquery" || c.name == "snowflake") && clockPart(pc.dp.p) {
		// a TIME: the part of its clock
		if d, err := readClock(pc.rest[0]); err == nil {
			if v, err := c.extract(time.Unix(0, 0).UTC().Add(d), pc.dp); err == nil {
				if n, ok := v.(int64); ok {
					ctx.ResultInt64(n)
					return
				}
			}
		}
	}
	m, ok := momentArg(ctx, fn, pc.rest[0])
	if !ok {
		return
	}
	t := m.t
	if loc := m.zone(); c.ownOffset && loc != nil && (pc.dp.p < pEpoch || pc.dp.p > pEpochNanosecond) {
		// the parts of a TIMESTAMP_TZ are those of its own wall clock
		t = wallClock(t, loc)
	}
	if pc.dp.p == pDate {
		resultDate(ctx, t)
		return
	}
	if c.name == "duckdb" && m.date && zonePart(pc.dp.p) {
		written := args[len(args)-1]
		if pc.first {
			written = args[0]
		}
		resultError(ctx, dateUnitError(written.Text()))
		return
	}
	v, err := c.extract(t, pc.dp)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	switch v := v.(type) {
	case int64:
		ctx.ResultInt64(v)
	case float64:
		ctx.ResultFloat(v)
	}
}

// zonePart reports whether p is one of DuckDB's offset parts (timezone,
// timezone_hour, timezone_minute), which a DATE has not.
func zonePart(p part) bool { return p == pTimezone || p == pTimezoneHour || p == pTimezoneMinute }

// dateUnitError is DuckDB's refusal of an offset part of a DATE.
func dateUnitError(name string) error {
	return fmt.Errorf("\"date\" units %q not recognized, as in DuckDB: a DATE has no time zone", name)
}

// lastDay returns the last day of the part (month by default) holding x.
func (c calendar) lastDayFunc(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "LAST_DAY"
	if !called(ctx, fn, args, 1, 2, "takes a date and an optional date part") {
		return
	}
	dp := datePart{p: pMonth}
	x := args[0]
	if len(args) == 2 {
		var ok bool
		var rest []sqlite3.Value
		if dp, rest, ok = splitPartArgs(args); !ok {
			badPart(ctx, fn, args)
			return
		}
		x = rest[0]
	}
	m, ok := momentArg(ctx, fn, x)
	if !ok {
		return
	}
	if loc := m.zone(); c.ownOffset && loc != nil {
		m.t = wallClock(m.t, loc)
	}
	start, err := c.trunc(m.t, dp)
	if err != nil || dp.p < pDay || c.eraYears(dp.p) > 0 {
		fail(ctx, fn, "the part must be WEEK, MONTH, QUARTER or YEAR (%s)", argList(args))
		return
	}
	var next time.Time
	switch dp.p {
	case pWeek, pISOWeek:
		next = start.AddDate(0, 0, 7)
	case pMonth:
		next = start.AddDate(0, 1, 0)
	case pQuarter:
		next = start.AddDate(0, 3, 0)
	case pYear:
		next = start.AddDate(1, 0, 0)
	case pISOYear:
		y, _ := m.t.ISOWeek()
		next = isoYearStart(y + 1)
	default:
		next = start.AddDate(0, 0, 1)
	}
	resultDate(ctx, next.AddDate(0, 0, -1))
}

func init() {
	for _, c := range calendars {
		if c.name == "snowflake" {
			continue // they read the session's week parameters (session.go)
		}
		add(
			Func{Name: "datetime_trunc_" + c.name, NArgs: -1, Scalar: c.truncFunc},
			Func{Name: "datetime_diff_" + c.name, NArgs: -1, Scalar: c.diffFunc},
			Func{Name: "datetime_part_" + c.name, NArgs: -1, Scalar: c.partFunc},
			Func{Name: "last_day_" + c.name, NArgs: -1, Scalar: c.lastDayFunc},
		)
	}
	add(
		Func{Name: "timestamp_diff_elapsed", NArgs: -1, Scalar: bigqueryCalendar.elapsedFunc},
		Func{Name: "timestamp_diff_elapsed_duckdb", NArgs: -1, Scalar: duckdbCalendar.elapsedFunc},
		Func{Name: "datetime_add", NArgs: -1, Scalar: dateAdd(1, false, false)},
		Func{Name: "datetime_add_snowflake", NArgs: -1, Scalar: dateAdd(1, false, true)},
		Func{Name: "datetime_sub", NArgs: -1, Scalar: dateAdd(-1, false, false)},
		Func{Name: "datetime_add_to_timestamp", NArgs: -1, Scalar: dateAdd(1, true, false)},
		Func{Name: "datetime_sub_to_timestamp", NArgs: -1, Scalar: dateAdd(-1, true, false)},
	)
	// Date parts arrive as lower-case text ('month', 'week(monday)'), first
	// (Snowflake, DuckDB) or last (BigQuery): the functions find the part
	// among the arguments. The *_<warehouse> functions follow that
	// warehouse's calendar rules (see calendar): week start, day-of-week
	// numbers, week numbers, what truncating a date gives.
	//
	// datetime_trunc_X(part, x) or (x, part): x truncated; a date stays a
	// date (DuckDB: becomes a timestamp).
	for _, n := range []string{"date_trunc", "timestamp_trunc", "datetime_trunc"} {
		rename("datetime_trunc_bigquery", n, "bigquery")
	}
	rename("datetime_trunc_snowflake", "date_trunc", "snowflake")
	rename("datetime_trunc_snowflake", "trunc", "snowflake")
	rename("datetime_trunc_snowflake", "truncate", "snowflake")
	rename("datetime_trunc_duckdb", "date_trunc", "duckdb")
	rename("datetime_trunc_duckdb", "datetrunc", "duckdb")
	// datetime_diff_X(part, start, end) or (end, start, part): the part
	// boundaries crossed from start to end.
	rename("datetime_diff_bigquery", "date_diff", "bigquery")
	rename("datetime_diff_bigquery", "datetime_diff", "bigquery")
	for _, n := range []string{"datediff", "date_diff", "timestampdiff", "timestamp_diff", "timediff"} {
		rename("datetime_diff_snowflake", n, "snowflake")
	}
	rename("datetime_diff_duckdb", "datediff", "duckdb")
	rename("datetime_diff_duckdb", "date_diff", "duckdb")
	// timestamp_diff_elapsed(end, start, part) or (part, start, end): whole
	// parts elapsed, truncated (BigQuery's TIMESTAMP_DIFF, DuckDB's date_sub,
	// which counts decades, centuries and millennia too).
	rename("timestamp_diff_elapsed", "timestamp_diff", "bigquery")
	rename("timestamp_diff_elapsed_duckdb", "date_sub", "duckdb")
	rename("timestamp_diff_elapsed_duckdb", "datesub", "duckdb")
	// datetime_add(part, n, x) or (x, n, part): x plus n parts, months
	// clamped to the month's last day; datetime_sub subtracts. The
	// translator writes DATE_ADD(x, INTERVAL n part) as
	// datetime_add(x, n, 'part'), and DuckDB's x + INTERVAL n part as
	// datetime_add_to_timestamp(x, n, 'part').
	for _, n := range []string{"date_add", "timestamp_add", "datetime_add"} {
		rename("datetime_add", n, "bigquery")
	}
	for _, n := range []string{"date_sub", "timestamp_sub", "datetime_sub"} {
		rename("datetime_sub", n, "bigquery")
	}
	for _, n := range []string{"dateadd", "timestampadd", "timeadd", "timestamp_add", "date_add"} {
		rename("datetime_add_snowflake", n, "snowflake")
	}
	// DuckDB's date_add(x, INTERVAL n part), which dbt-duckdb's dateadd
	// writes.
	rename("datetime_add_to_timestamp", "date_add", "duckdb") // a DATE plus an INTERVAL is a TIMESTAMP
	// datetime_part_X(part, x): EXTRACT(part FROM x), which the translator
	// writes as date_part('part', x) in every dialect.
	rename("datetime_part_bigquery", "date_part", "bigquery")
	rename("datetime_part_bigquery", "extract", "bigquery")
	for _, n := range []string{"date_part", "datepart", "extract"} {
		rename("datetime_part_snowflake", n, "snowflake")
		rename("datetime_part_duckdb", n, "duckdb")
	}
	// last_day_X(x[, part]): the last day of x's month (or part).
	rename("last_day_bigquery", "last_day", "bigquery")
	rename("last_day_snowflake", "last_day", "snowflake")
	rename("last_day_duckdb", "last_day", "duckdb")
}
