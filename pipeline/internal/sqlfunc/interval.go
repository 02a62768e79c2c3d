package sqlfunc

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// An INTERVAL (DuckDB's) is months, days and microseconds, kept apart: a
// month has no fixed number of days, nor a day of hours across a clock
// change. Its value in SQLite is the text DuckDB prints for it: '02:30:00',
// '1 day 02:00:00', '1 month 2 days', '-1 day -02:30:00', '00:00:00.5'.
// Every function here reads that text and the input forms INTERVAL '...'
// takes ('90 minutes', '1.5 hours', '2 weeks 1 day'). Text does not sort as
// durations do (1 day against 23 hours), so the translator compares and
// orders intervals by interval_key(), DuckDB's order: a month is 30 days, a
// day 24 hours.
type interval struct {
	months, days, micros int64
	// bq: the value came as BigQuery's text ('0-0 1 2:0:0') and is
	// written back so (interval_bigquery.go)
	bq bool
}

const (
	microsPerSecond = int64(1e6)
	microsPerMinute = 60 * microsPerSecond
	microsPerHour   = 60 * microsPerMinute
	microsPerDay    = 24 * microsPerHour
)

func init() {
	add(
		Func{Name: "interval_of", NArgs: -1, Scalar: intervalOf},
		Func{Name: "interval_key", NArgs: 1, Scalar: intervalKey},
		Func{Name: "interval_part", NArgs: 2, Scalar: intervalPart},
		Func{Name: "interval_add", NArgs: 3, Scalar: intervalAdd},
		Func{Name: "interval_mul", NArgs: 2, Scalar: intervalMul},
		Func{Name: "timestamp_minus", NArgs: 2, Scalar: timestampMinus},
		Func{Name: "age_interval", NArgs: 2, Scalar: ageInterval},
		Func{Name: "datetime_add_interval", NArgs: 3, Scalar: datetimeAddInterval},
		Func{Name: "interval_greatest", NArgs: -1, Scalar: intervalExtreme(true)},
		Func{Name: "interval_least", NArgs: -1, Scalar: intervalExtreme(false)},
		Func{Name: "interval_min", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &intervalPick{} }},
		Func{Name: "interval_max", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &intervalPick{max: true} }},
		Func{Name: "interval_avg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &intervalAvg{} }},
	)
}

// String is DuckDB's text of the interval, or BigQuery's for a BigQuery
// value.
func (iv interval) String() string {
	if iv.bq {
		return iv.bigQueryText()
	}
	var parts []string
	unit := func(n int64, name string) {
		if n == 0 {
			return
		}
		if n != 1 && n != -1 {
			name += "s"
		}
		parts = append(parts, strconv.FormatInt(n, 10)+" "+name)
	}
	unit(iv.months/12, "year")
	unit(iv.months%12, "month")
	unit(iv.days, "day")
	if iv.micros != 0 || len(parts) == 0 {
		m, sign := iv.micros, ""
		if m < 0 {
			m, sign = -m, "-"
		}
		s := fmt.Sprintf("%s%02d:%02d:%02d", sign, m/microsPerHour, m%microsPerHour/microsPerMinute, m%microsPerMinute/microsPerSecond)
		if f := m % microsPerSecond; f != 0 {
			s += strings.TrimRight(fmt.Sprintf(".%06d", f), "0")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// epoch is DuckDB's seconds of the interval: a year is 365.25 days, a
// month 30.
func (iv interval) epoch() float64 {
	days := float64(iv.months/12)*365.25 + float64(iv.months%12*30+iv.days)
	return days*86400 + float64(iv.micros)/1e6
}

// key orders intervals as DuckDB compares them: a month is 30 days.
func (iv interval) key() int64 { return (iv.months*30+iv.days)*microsPerDay + iv.micros }

// intervalUnits are the units of the interval text: months, days or
// microseconds per unit.
var intervalUnits = map[string]struct{ months, days, micros int64 }{
	"millennium": {months: 12000}, "millennia": {months: 12000}, "century": {months: 1200}, "centuries": {months: 1200},
	"decade": {months: 120}, "year": {months: 12}, "y": {months: 12}, "yr": {months: 12}, "quarter": {months: 3},
	"month": {months: 1}, "mon": {months: 1}, "week": {days: 7}, "w": {days: 7}, "day": {days: 1}, "d": {days: 1},
	"hour": {micros: microsPerHour}, "h": {micros: microsPerHour}, "hr": {micros: microsPerHour},
	"minute": {micros: microsPerMinute}, "m": {micros: microsPerMinute}, "min": {micros: microsPerMinute},
	"second": {micros: microsPerSecond}, "s": {micros: microsPerSecond}, "sec": {micros: microsPerSecond},
	"millisecond": {micros: 1000}, "ms": {micros: 1000}, "msec": {micros: 1000},
	"microsecond": {micros: 1}, "us": {micros: 1}, "usec": {micros: 1},
}

// unitOf reads a unit name, singular or plural.
func unitOf(u string) (struct{ months, days, micros int64 }, bool) {
	u = strings.ToLower(u)
	if f, ok := intervalUnits[u]; ok {
		return f, true
	}
	f, ok := intervalUnits[strings.TrimSuffix(u, "s")]
	return f, ok
}

// plus adds n units; a fraction of a month goes on as days (30 a month),
// of a day as microseconds, as DuckDB reads '1.5 months' and '1.5 days'.
func (iv interval) plus(n float64, u struct{ months, days, micros int64 }) interval {
	months := n * float64(u.months)
	whole := math.Trunc(months)
	iv.months += int64(whole)
	days := n*float64(u.days) + (months-whole)*30
	whole = math.Trunc(days)
	iv.days += int64(whole)
	iv.micros += int64(math.Round(n*float64(u.micros) + (days-whole)*float64(microsPerDay)))
	return iv
}

// parseInterval reads interval text: number-unit pairs and a time
// [-]H:MM[:SS[.f]], DuckDB's output form among them.
func parseInterval(s string) (interval, bool) {
	if iv, ok := parseBigQueryInterval(s); ok {
		return iv, true
	}
	var iv interval
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return iv, false
	}
	for i := 0; i < len(f); i++ {
		w := f[i]
		if strings.Contains(w, ":") {
			m, ok := parseClock(w)
			if !ok {
				return iv, false
			}
			iv.micros += m
			continue
		}
		j := 0
		for j < len(w) && (w[j] >= '0' && w[j] <= '9' || w[j] == '.' || w[j] == '-' || w[j] == '+') {
			j++
		}
		num, unit := w[:j], w[j:]
		if unit == "" {
			if i+1 >= len(f) {
				return iv, false
			}
			i++
			unit = f[i]
		}
		n, err := strconv.ParseFloat(num, 64)
		u, ok := unitOf(unit)
		if err != nil || !ok {
			return iv, false
		}
		iv = iv.plus(n, u)
	}
	return iv, true
}

// parseClock reads [-]H:MM[:SS[.f]] as microseconds.
func parseClock(w string) (int64, bool) {
	sign := int64(1)
	if strings.HasPrefix(w, "-") {
		sign, w = -1, w[1:]
	}
	p := strings.Split(w, ":")
	if len(p) > 3 {
		return 0, false
	}
	h, err1 := strconv.ParseInt(p[0], 10, 64)
	m, err2 := strconv.ParseInt(p[1], 10, 64)
	sec := 0.0
	var err3 error
	if len(p) == 3 {
		sec, err3 = strconv.ParseFloat(p[2], 64)
	}
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, false
	}
	return sign * (h*microsPerHour + m*microsPerMinute + int64(math.Round(sec*1e6))), true
}

// isIntervalText tells whether v is interval text.
func isIntervalText(v sqlite3.Value) bool {
	if v.Type() != sqlite3.TEXT {
		return false
	}
	_, ok := parseInterval(v.Text())
	return ok
}

// intervalArg reads an interval argument; it fails naming fn when v is no
// interval text.
func intervalArg(ctx sqlite3.Context, fn string, v sqlite3.Value) (interval, bool) {
	iv, ok := parseInterval(v.Text())
	if !ok || v.Type() != sqlite3.TEXT {
		fail(ctx, fn, "%q is not an INTERVAL (write '1 day 02:00:00', '90 minutes')", v.Text())
	}
	return iv, ok && v.Type() == sqlite3.TEXT
}

// interval_of(text) is INTERVAL 'text'; interval_of(n, unit) is
// INTERVAL n unit (DuckDB's to_days(n) ...), a fraction of n carried down.
func intervalOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "INTERVAL", args, 1, 2, "takes interval text, or a number and a unit") {
		return
	}
	if len(args) == 1 {
		if iv, ok := intervalArg(ctx, "INTERVAL", args[0]); ok {
			ctx.ResultText(iv.String())
		}
		return
	}
	n, _, _, ok := numeric(args[0])
	u, known := unitOf(args[1].Text())
	if !ok || !known {
		fail(ctx, "INTERVAL", "%s %s is not a number of a unit", args[0].Text(), args[1].Text())
		return
	}
	ctx.ResultText(interval{}.plus(n, u).String())
}

// interval_key(x) is a number ordering intervals as DuckDB compares them.
func intervalKey(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if iv, ok := intervalArg(ctx, "INTERVAL comparison", args[0]); ok {
		ctx.ResultInt64(iv.key())
	}
}

// interval_part(part, x) is DuckDB's date_part of an INTERVAL: each part
// from its own field (hour of '1 day 26:00:00' is 26), epoch the seconds
// of all of it with a year of 365.25 days and a month of 30.
func intervalPart(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	iv, ok := intervalArg(ctx, "DATE_PART", args[1])
	if !ok {
		return
	}
	var n int64
	switch p := strings.ToLower(args[0].Text()); p {
	case "epoch":
		ctx.ResultFloat(iv.epoch())
		return
	case "millennium", "millennia", "millenniums", "millenium", "mil", "mils":
		n = iv.months / 12000
	case "century", "centuries", "c", "cent":
		n = iv.months / 1200
	case "decade", "decades", "dec", "decs":
		n = iv.months / 120
	case "year", "years", "y", "yr":
		n = iv.months / 12
	case "quarter", "quarters":
		n = iv.months%12/3 + 1
	case "month", "months", "mon":
		n = iv.months % 12
	case "day", "days", "d":
		n = iv.days
	case "hour", "hours", "h":
		n = iv.micros / microsPerHour
	case "minute", "minutes", "m", "min":
		n = iv.micros % microsPerHour / microsPerMinute
	case "second", "seconds", "s", "sec":
		n = iv.micros % microsPerMinute / microsPerSecond
	case "millisecond", "milliseconds", "ms":
		n = iv.micros % microsPerMinute / 1000
	case "microsecond", "microseconds", "us":
		n = iv.micros % microsPerMinute
	default:
		fail(ctx, "DATE_PART", "an INTERVAL has no part %q", p)
		return
	}
	ctx.ResultInt64(n)
}

// interval_add(x, y, sign) is x + y (sign 1) or x - y (sign -1), field by
// field.
func intervalAdd(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, ok1 := intervalArg(ctx, "INTERVAL +", args[0])
	if !ok1 {
		return
	}
	y, ok2 := intervalArg(ctx, "INTERVAL +", args[1])
	if !ok2 {
		return
	}
	s := args[2].Int64()
	ctx.ResultText(interval{x.months + s*y.months, x.days + s*y.days, x.micros + s*y.micros, x.bq || y.bq}.String())
}

// interval_mul(x, f) is x * f: each field times f, a fraction of months
// carried to days and of days to microseconds.
func intervalMul(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, ok := intervalArg(ctx, "INTERVAL *", args[0])
	if !ok {
		return
	}
	f, i, isInt, ok := numeric(args[1])
	if !ok {
		fail(ctx, "INTERVAL *", "%q is not a number", args[1].Text())
		return
	}
	if isInt {
		ctx.ResultText(interval{x.months * i, x.days * i, x.micros * i, x.bq}.String())
		return
	}
	iv := interval{bq: x.bq}.plus(f, struct{ months, days, micros int64 }{x.months, x.days, x.micros})
	ctx.ResultText(iv.String())
}

// timestamp_minus(a, b) is DuckDB's a - b of two timestamps (a DATE is
// its midnight): the days and the time between, no months.
func timestampMinus(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, ok := momentArg(ctx, "timestamp - timestamp", args[0])
	if !ok {
		return
	}
	b, ok := momentArg(ctx, "timestamp - timestamp", args[1])
	if !ok {
		return
	}
	d := a.t.Sub(b.t).Microseconds()
	ctx.ResultText(interval{days: d / microsPerDay, micros: d % microsPerDay}.String())
}

// age_interval(a, b) is DuckDB's age(a, b): the years, months and days
// from b to a on the calendar, then the time; negative when a is before b.
func ageInterval(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, ok := momentArg(ctx, "AGE", args[0])
	if !ok {
		return
	}
	b, ok := momentArg(ctx, "AGE", args[1])
	if !ok {
		return
	}
	t1, t2 := a.t.UTC(), b.t.UTC()
	flip := t1.Before(t2)
	if flip {
		t1, t2 = t2, t1
	}
	years := int64(t1.Year() - t2.Year())
	months := int64(t1.Month() - t2.Month())
	days := int64(t1.Day() - t2.Day())
	micros := int64(t1.Hour()-t2.Hour())*microsPerHour + int64(t1.Minute()-t2.Minute())*microsPerMinute +
		int64(t1.Second()-t2.Second())*microsPerSecond + int64(t1.Nanosecond()/1000-t2.Nanosecond()/1000)
	if micros < 0 {
		micros += microsPerDay
		days--
	}
	if days < 0 {
		// borrowed from the month of the earlier date
		days += int64(daysIn(t2.Year(), t2.Month()))
		months--
	}
	if months < 0 {
		months += 12
		years--
	}
	iv := interval{months: years*12 + months, days: days, micros: micros}
	if flip {
		iv = interval{months: -iv.months, days: -iv.days, micros: -iv.micros}
	}
	ctx.ResultText(iv.String())
}

// datetime_add_interval(x, iv, sign) is DuckDB's x + iv (sign 1) or x - iv
// (sign -1) of an interval value: months (clamped to the month's last
// day), then days, then the time; a timestamp, as DATE + INTERVAL is.
func datetimeAddInterval(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, "+ INTERVAL", args[0])
	if !ok {
		return
	}
	iv, ok := intervalArg(ctx, "+ INTERVAL", args[1])
	if !ok {
		return
	}
	s := args[2].Int64()
	t := addMonths(m.t.UTC(), int(s*iv.months)).AddDate(0, 0, int(s*iv.days)).Add(time.Duration(s*iv.micros) * time.Microsecond)
	resultTimestamp(ctx, t)
}

// intervalExtreme is DuckDB's greatest (max) or least of intervals, NULLs
// left out.
func intervalExtreme(max bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		p := intervalPick{max: max}
		for _, a := range args {
			p.Step(ctx, a)
		}
		p.Value(ctx)
	}
}

// intervalPick is min or max of intervals by DuckDB's order. It keeps the
// values of the frame, oldest first, for sliding window frames.
type intervalPick struct {
	max  bool
	vals []interval
}

func (p *intervalPick) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if iv, ok := intervalArg(ctx, "min/max", arg[0]); ok {
		p.vals = append(p.vals, iv)
	}
}

func (p *intervalPick) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() != sqlite3.NULL && len(p.vals) > 0 {
		p.vals = p.vals[1:]
	}
}

func (p *intervalPick) Value(ctx sqlite3.Context) {
	if len(p.vals) == 0 {
		ctx.ResultNull()
		return
	}
	best := p.vals[0]
	for _, iv := range p.vals[1:] {
		if p.max && iv.key() > best.key() || !p.max && iv.key() < best.key() {
			best = iv
		}
	}
	ctx.ResultText(best.String())
}

// intervalAvg is DuckDB's avg of intervals: each field's sum divided by
// the count, a remainder of months carried to days (30 a month) and of
// days to microseconds (avg of 1 second, 0 and 0 is 00:00:00.333334, as
// DuckDB answers).
type intervalAvg struct {
	sum interval
	n   int64
}

func (a *intervalAvg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	iv, ok := intervalArg(ctx, "avg", arg[0])
	if !ok {
		return
	}
	a.sum = interval{a.sum.months + iv.months, a.sum.days + iv.days, a.sum.micros + iv.micros, a.sum.bq || iv.bq}
	a.n++
}

func (a *intervalAvg) Inverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if iv, ok := parseInterval(arg[0].Text()); ok {
		a.sum = interval{a.sum.months - iv.months, a.sum.days - iv.days, a.sum.micros - iv.micros, a.sum.bq}
		a.n--
	}
}

func (a *intervalAvg) Value(ctx sqlite3.Context) {
	if a.n == 0 {
		ctx.ResultNull()
		return
	}
	n := a.n
	days := a.sum.days + a.sum.months%n*30
	// DuckDB adds the remainder of the microseconds' division, not a rounding
	micros := a.sum.micros/n + a.sum.micros%n + days%n*microsPerDay/n
	ctx.ResultText(interval{a.sum.months / n, days / n, micros, a.sum.bq}.String())
}
