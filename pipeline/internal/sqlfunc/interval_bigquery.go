package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's INTERVAL is DuckDB's months, days and microseconds
// (interval.go), compared the same way (a month is 30 days, a day 24
// hours), written in BigQuery's canonical text: [-]Y-M [-]D [-]H:M:S[.F],
// each sign applying to its whole part ('0-0 1 0:0:0', '-0-2 -5 0:0:0',
// '0-0 0 36:34:56.789'). A value read from that text is written back in
// it, so the functions of interval.go keep BigQuery's form.

func init() {
	add(
		Func{Name: "interval_of_bigquery", NArgs: -1, Scalar: intervalOfBigQuery},
		Func{Name: "try_interval_of_bigquery", NArgs: 1, Scalar: tryIntervalOfBigQuery},
		Func{Name: "make_interval_bigquery", NArgs: 6, Scalar: makeIntervalBigQuery},
		Func{Name: "interval_part_bigquery", NArgs: 2, Scalar: intervalPartBigQuery},
		Func{Name: "timestamp_minus_bigquery", NArgs: 2, Scalar: timestampMinusBigQuery},
		Func{Name: "date_minus_bigquery", NArgs: 2, Scalar: dateMinusBigQuery},
		Func{Name: "interval_sum", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &intervalSum{} }},
		Func{Name: "justify_days", NArgs: 1, Scalar: justify("JUSTIFY_DAYS", interval.justifyDays)},
		Func{Name: "justify_hours", NArgs: 1, Scalar: justify("JUSTIFY_HOURS", interval.justifyHours)},
		Func{Name: "justify_interval", NArgs: 1, Scalar: justify("JUSTIFY_INTERVAL", func(iv interval) interval { return iv.justifyHours().justifyDays() })},
	)
}

// bigQueryText is BigQuery's canonical text of the interval.
func (iv interval) bigQueryText() string {
	ym := ""
	m := iv.months
	if m < 0 {
		ym, m = "-", -m
	}
	ym += strconv.FormatInt(m/12, 10) + "-" + strconv.FormatInt(m%12, 10)
	t, sign := iv.micros, ""
	if t < 0 {
		t, sign = -t, "-"
	}
	clock := fmt.Sprintf("%s%d:%d:%d", sign, t/microsPerHour, t%microsPerHour/microsPerMinute, t%microsPerMinute/microsPerSecond)
	if f := t % microsPerSecond; f != 0 {
		clock += strings.TrimRight(fmt.Sprintf(".%06d", f), "0")
	}
	return ym + " " + strconv.FormatInt(iv.days, 10) + " " + clock
}

// parseBigQueryInterval reads BigQuery's canonical text.
func parseBigQueryInterval(s string) (interval, bool) {
	f := strings.Fields(s)
	if len(f) != 3 || !strings.Contains(f[2], ":") {
		return interval{}, false
	}
	months, ok1 := readGroup(f[0], "-", 2)
	days, ok2 := readGroup(f[1], "", 1)
	clock, ok3 := readGroup(f[2], ":", 3)
	if !ok1 || !ok2 || !ok3 {
		return interval{}, false
	}
	return interval{months: months[0]*12 + months[1], days: days[0], micros: clock[0]*microsPerHour + clock[1]*microsPerMinute + clock[2], bq: true}, true
}

// readGroup reads a signed group of n numbers joined by sep ('-22-6',
// '-12:30:0.5'): the sign applies to each; a last number of a clock is
// microseconds of seconds with a fraction.
func readGroup(w, sep string, n int) ([]int64, bool) {
	sign := int64(1)
	if rest, ok := strings.CutPrefix(w, "-"); ok {
		sign, w = -1, rest
	} else {
		w = strings.TrimPrefix(w, "+")
	}
	parts := []string{w}
	if sep != "" {
		parts = strings.Split(w, sep)
	}
	if len(parts) != n {
		return nil, false
	}
	out := make([]int64, n)
	for i, p := range parts {
		if sep == ":" && i == n-1 {
			micros, ok := secondsMicros(p)
			if !ok {
				return nil, false
			}
			out[i] = sign * micros
			continue
		}
		v, err := strconv.ParseInt(p, 10, 64)
		if err != nil || p == "" || p[0] == '-' || p[0] == '+' {
			return nil, false
		}
		out[i] = sign * v
	}
	return out, true
}

// secondsMicros reads seconds with up to six decimals as microseconds.
func secondsMicros(p string) (int64, bool) {
	whole, frac, _ := strings.Cut(p, ".")
	s, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || whole == "" || whole[0] == '-' || whole[0] == '+' || len(frac) > 6 {
		return 0, false
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	f, _ := strconv.ParseInt((frac + "000000")[:6], 10, 64)
	return s*microsPerSecond + f, true
}

// bigQueryParts are the datetime parts of an interval qualifier in order,
// and the group of the text each is written in: Y-M, D, H:M:S.
var bigQueryParts = []struct{ name, group string }{
	{"year", "ym"}, {"month", "ym"}, {"day", "d"}, {"hour", "hms"}, {"minute", "hms"}, {"second", "hms"},
}

// interval_of_bigquery(n, unit) is INTERVAL n unit; (text, from, to) is
// INTERVAL 'text' from TO to ('1-2 3 4:5:6' YEAR TO SECOND, '10 -12:30'
// DAY TO MINUTE); (text) reads a canonical text. Each gives BigQuery's
// canonical text.
func intervalOfBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "INTERVAL", args, 1, 3, "takes a number and a part, or text and two parts") || nullCall(ctx, args) {
		return
	}
	switch len(args) {
	case 1:
		if iv, ok := readBigQueryInterval(args[0]); ok {
			ctx.ResultText(iv.String())
			return
		}
		intervalArg(ctx, "INTERVAL", args[0]) // fails, naming the text
	case 2:
		u, known := unitOf(args[1].Text())
		n, _, _, ok := numeric(args[0])
		if !ok && args[0].Type() == sqlite3.TEXT {
			f, err := strconv.ParseFloat(strings.TrimSpace(args[0].Text()), 64)
			n, ok = f, err == nil
		}
		if !ok || !known {
			fail(ctx, "INTERVAL", "%s %s is not a number of a datetime part", args[0].Text(), args[1].Text())
			return
		}
		iv := interval{bq: true}.plus(n, u)
		ctx.ResultText(iv.String())
	case 3:
		iv, err := readQualified(args[0].Text(), strings.ToLower(args[1].Text()), strings.ToLower(args[2].Text()))
		if err != nil {
			fail(ctx, "INTERVAL", "%v", err)
			return
		}
		ctx.ResultText(iv.String())
	}
}

// readBigQueryInterval reads CAST(x AS INTERVAL)'s text: an ISO 8601
// duration or the canonical text.
func readBigQueryInterval(v sqlite3.Value) (interval, bool) {
	if v.Type() != sqlite3.TEXT {
		return interval{}, false
	}
	if iv, ok := parseISODuration(v.Text()); ok {
		return iv, true
	}
	iv, ok := parseInterval(v.Text())
	iv.bq = true
	return iv, ok
}

// CanonicalInterval writes a seed's INTERVAL cell as dialect ("duckdb",
// "bigquery") writes intervals, so that it orders, compares and adds as
// one: DuckDB's '1 day 02:00:00', BigQuery's '0-0 1 2:0:0' (BigQuery's
// read from an ISO 8601 duration too); ok is false for text that is no
// interval.
func CanonicalInterval(cell, dialect string) (string, bool) {
	iv, ok := parseInterval(cell)
	if dialect == "bigquery" && !ok {
		iv, ok = parseISODuration(cell)
	}
	iv.bq = dialect == "bigquery"
	return iv.String(), ok
}

// try_interval_of_bigquery(x) is SAFE_CAST(x AS INTERVAL): NULL where
// CAST fails.
func tryIntervalOfBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	if iv, ok := readBigQueryInterval(args[0]); ok {
		ctx.ResultText(iv.String())
		return
	}
	ctx.ResultNull()
}

// readQualified reads INTERVAL 'text' from TO to: one whitespace field per
// group of parts in the range, each with its own sign.
func readQualified(text, from, to string) (interval, error) {
	lo, hi := -1, -1
	for i, p := range bigQueryParts {
		if p.name == from {
			lo = i
		}
		if p.name == to {
			hi = i
		}
	}
	if lo < 0 || hi <= lo {
		return interval{}, fmt.Errorf("%s TO %s is not an interval qualifier (write YEAR TO SECOND, DAY TO MINUTE, HOUR TO SECOND ...)", strings.ToUpper(from), strings.ToUpper(to))
	}
	fields := strings.Fields(text)
	iv := interval{bq: true}
	k := 0
	for i := lo; i <= hi; {
		g := bigQueryParts[i].group
		j := i
		for j <= hi && bigQueryParts[j].group == g {
			j++
		}
		if k >= len(fields) {
			return interval{}, fmt.Errorf("%q has too few fields for %s TO %s", text, strings.ToUpper(from), strings.ToUpper(to))
		}
		sep := map[string]string{"ym": "-", "d": "", "hms": ":"}[g]
		w := fields[k]
		k++
		vals, ok := readGroup(w, sep, j-i)
		if bigQueryParts[j-1].name != "second" && ok {
			// the last number of a clock read as seconds: take it back
			if sep == ":" {
				vals[len(vals)-1] /= microsPerSecond
			}
		}
		if !ok || sep == ":" && bigQueryParts[j-1].name != "second" && strings.Contains(w, ".") {
			return interval{}, fmt.Errorf("%q is not an INTERVAL %s TO %s", text, strings.ToUpper(from), strings.ToUpper(to))
		}
		for n, v := range vals {
			switch bigQueryParts[i+n].name {
			case "year":
				iv.months += 12 * v
			case "month":
				iv.months += v
			case "day":
				iv.days += v
			case "hour":
				iv.micros += v * microsPerHour
			case "minute":
				iv.micros += v * microsPerMinute
			case "second":
				iv.micros += v
			}
		}
		i = j
	}
	if k != len(fields) {
		return interval{}, fmt.Errorf("%q has too many fields for %s TO %s", text, strings.ToUpper(from), strings.ToUpper(to))
	}
	return iv, nil
}

// make_interval_bigquery(year, month, day, hour, minute, second), NULL
// for an argument left out.
func makeIntervalBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	var v [6]int64
	for i, a := range args {
		if a.Type() == sqlite3.NULL {
			continue
		}
		_, n, isInt, ok := numeric(a)
		if !ok || !isInt {
			fail(ctx, "MAKE_INTERVAL", "%q is not an INT64", a.Text())
			return
		}
		v[i] = n
	}
	iv := interval{months: v[0]*12 + v[1], days: v[2], micros: v[3]*microsPerHour + v[4]*microsPerMinute + v[5]*microsPerSecond, bq: true}
	ctx.ResultText(iv.String())
}

// interval_part_bigquery(part, x) is BigQuery's EXTRACT(part FROM x): the
// years and months of the month part, the days, the hours of the time
// part (49 in 48:61:61), its minutes, seconds, and the milliseconds and
// microseconds within the second.
func intervalPartBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	iv, ok := intervalArg(ctx, "EXTRACT", args[1])
	if !ok {
		return
	}
	var n int64
	switch p := strings.ToLower(args[0].Text()); p {
	case "year":
		n = iv.months / 12
	case "month":
		n = iv.months % 12
	case "day":
		n = iv.days
	case "hour":
		n = iv.micros / microsPerHour
	case "minute":
		n = iv.micros % microsPerHour / microsPerMinute
	case "second":
		n = iv.micros % microsPerMinute / microsPerSecond
	case "millisecond":
		n = iv.micros % microsPerSecond / 1000
	case "microsecond":
		n = iv.micros % microsPerSecond
	default:
		fail(ctx, "EXTRACT", "an INTERVAL has no part %s (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MILLISECOND or MICROSECOND)", strings.ToUpper(p))
		return
	}
	ctx.ResultInt64(n)
}

// timestamp_minus_bigquery(a, b) is BigQuery's a - b of two timestamps or
// datetimes: all of it in the time part ('0-0 0 36:34:56.789').
func timestampMinusBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
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
	ctx.ResultText(interval{micros: a.t.Sub(b.t).Microseconds(), bq: true}.String())
}

// date_minus_bigquery(a, b) is BigQuery's a - b of two dates: the days
// between ('0-0 396 0:0:0').
func dateMinusBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, ok := momentArg(ctx, "date - date", args[0])
	if !ok {
		return
	}
	b, ok := momentArg(ctx, "date - date", args[1])
	if !ok {
		return
	}
	d := a.t.Sub(b.t).Microseconds() / microsPerDay
	ctx.ResultText(interval{days: d, bq: true}.String())
}

// justifyDays moves whole 30 days to months, keeping the sign: -65 days
// is -2 months -5 days.
func (iv interval) justifyDays() interval {
	iv.months += iv.days / 30
	iv.days %= 30
	return iv
}

// justifyHours moves whole 24 hours of the time to days.
func (iv interval) justifyHours() interval {
	iv.days += iv.micros / microsPerDay
	iv.micros %= microsPerDay
	return iv
}

// justify makes one of the JUSTIFY_ functions.
func justify(fn string, f func(interval) interval) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		if iv, ok := intervalArg(ctx, fn, args[0]); ok {
			iv = f(iv)
			iv.bq = true
			ctx.ResultText(iv.String())
		}
	}
}

// intervalSum is BigQuery's SUM of intervals: each field summed; NULL
// over no rows.
type intervalSum struct {
	sum interval
	n   int64
}

func (a *intervalSum) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if iv, ok := intervalArg(ctx, "SUM", arg[0]); ok {
		a.sum = interval{a.sum.months + iv.months, a.sum.days + iv.days, a.sum.micros + iv.micros, a.sum.bq || iv.bq}
		a.n++
	}
}

func (a *intervalSum) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if iv, ok := parseInterval(arg[0].Text()); ok && arg[0].Type() == sqlite3.TEXT {
		a.sum = interval{a.sum.months - iv.months, a.sum.days - iv.days, a.sum.micros - iv.micros, a.sum.bq}
		a.n--
	}
}

func (a *intervalSum) Value(ctx sqlite3.Context) {
	if a.n == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(a.sum.String())
}

// parseISODuration reads an ISO 8601 duration as CAST(... AS INTERVAL)
// does: P[nY][nM][nW][nD][T[nH][nM][n[.f]S]], each number signed.
func parseISODuration(s string) (interval, bool) {
	rest, ok := strings.CutPrefix(strings.ToUpper(strings.TrimSpace(s)), "P")
	if !ok || rest == "" {
		return interval{}, false
	}
	iv, timePart, any := interval{bq: true}, false, false
	for rest != "" {
		if rest[0] == 'T' && !timePart {
			timePart, rest = true, rest[1:]
			continue
		}
		j := 0
		for j < len(rest) && (rest[j] >= '0' && rest[j] <= '9' || rest[j] == '-' || rest[j] == '.') {
			j++
		}
		if j == 0 || j == len(rest) {
			return interval{}, false
		}
		num, unit := rest[:j], rest[j]
		rest = rest[j+1:]
		any = true
		if unit == 'S' && timePart {
			sign := int64(1)
			if n, ok := strings.CutPrefix(num, "-"); ok {
				sign, num = -1, n
			}
			micros, ok := secondsMicros(num)
			if !ok {
				return interval{}, false
			}
			iv.micros += sign * micros
			continue
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return interval{}, false
		}
		switch {
		case unit == 'Y' && !timePart:
			iv.months += 12 * n
		case unit == 'M' && !timePart:
			iv.months += n
		case unit == 'W' && !timePart:
			iv.days += 7 * n
		case unit == 'D' && !timePart:
			iv.days += n
		case unit == 'H' && timePart:
			iv.micros += n * microsPerHour
		case unit == 'M' && timePart:
			iv.micros += n * microsPerMinute
		default:
			return interval{}, false
		}
	}
	return iv, any
}
