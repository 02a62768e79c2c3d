package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's CAST(s AS DATE | DATETIME | TIMESTAMP | TIME FORMAT '...' [AT
// TIME ZONE zone]) (format-elements, "Format string as date and time"): the
// elements of cast_format.go read back. A part the format leaves out is 1
// for the day and 0 for the time, the current year and month for those;
// YYY, YY and Y replace the last digits of the current year, and RR takes
// the century nearest to it (50 or more years apart goes to the one
// before or after). The current date is in the zone given, else UTC, as is
// a TIMESTAMP without TZH. A YYYY of fewer than 4 digits is refused: the
// documentation completes it from the current year, GoogleSQL's own code
// reads it as written. So are MM, DD, HH, HH12, HH24, MI and SS of one
// digit, which the documentation has match 2 digits and GoogleSQL's code
// reads before a separator, and spaces before or after the value, on which
// the documentation is silent and which that code skips.

func init() {
	add(Func{Name: "cast_parse_bigquery", NArgs: -1, Scalar: castParse})
}

// castParseUnsupported are elements BigQuery does not read, and what to
// write instead.
var castParseUnsupported = map[string]string{
	"DDD": "BigQuery does not read it; write the month and day", "DY": "BigQuery does not read it", "D": "BigQuery does not read it",
	"DAY": "BigQuery does not read it",
}

// CheckCastParse compiles format for a cast of a string to kind (DATE,
// DATETIME, TIMESTAMP or TIME), as the translator does for a literal format.
func CheckCastParse(format, kind string) error {
	_, err := compileCastParse(format, kind)
	return err
}

func compileCastParse(f, kind string) ([]castElem, error) {
	elems, err := compileCastFormat(f, "TIMESTAMP")
	if err != nil {
		return nil, err
	}
	seen := map[string]string{}
	for _, e := range elems {
		if e.field == "" {
			continue
		}
		if why, ok := castParseUnsupported[e.field]; ok {
			return nil, fmt.Errorf("the format element %s is not supported for reading a string: %s", e.field, why)
		}
		part := castKinds[e.field]
		switch {
		case e.field == "AM" || e.field == "PM" || e.field == "A.M." || e.field == "P.M.":
			part = "meridian"
		case e.field == "HH24":
			part = "hour"
		case e.field == "HH" || e.field == "HH12":
			part = "hour12"
		case e.field == "SSSSS":
			part = "seconds of the day"
		case strings.HasPrefix(e.field, "FF"):
			part = "fraction"
		case part == "time" || part == "zone":
			part = e.field
		}
		if prev, ok := seen[part]; ok {
			return nil, fmt.Errorf("the format has %s and %s, which set the same part", prev, e.field)
		}
		seen[part] = e.field
		if kind == "DATE" && castKinds[e.field] != "year" && castKinds[e.field] != "month" && castKinds[e.field] != "day" ||
			kind == "DATETIME" && castKinds[e.field] == "zone" || kind == "TIME" && castKinds[e.field] != "time" {
			return nil, fmt.Errorf("%s has no part for %s", kind, e.field)
		}
	}
	switch {
	case seen["seconds of the day"] != "" && (seen["hour"] != "" || seen["hour12"] != "" || seen["MI"] != "" || seen["SS"] != "" || seen["meridian"] != ""):
		return nil, fmt.Errorf("SSSSS sets the hour, minute and second, which the format sets again")
	case seen["hour12"] != "" && seen["meridian"] == "", seen["meridian"] != "" && seen["hour12"] == "":
		return nil, fmt.Errorf("HH and HH12 go with a meridian indicator (AM or A.M.), and one with the other")
	case seen["hour"] != "" && seen["hour12"] != "":
		return nil, fmt.Errorf("the format has both HH24 and %s", seen["hour12"])
	}
	return elems, nil
}

// castDigitsNext reports whether what follows element k reads digits, so
// that k must read all its digits (YYMMDD) rather than 1 to all of them.
func castDigitsNext(elems []castElem, k int) bool {
	for _, e := range elems[k+1:] {
		switch {
		case e.field == "" && e.lit == "":
			continue // empty quoted text reads nothing
		case e.field == "":
			return e.lit[0] >= '0' && e.lit[0] <= '9'
		}
		switch e.field {
		case "MON", "MONTH", "AM", "PM", "A.M.", "P.M.", "TZH":
			return false
		}
		return true
	}
	return false
}

// readCast reads s with elems; the zone is where a time without TZH is,
// and where now gives the current year and month.
func readCast(s string, elems []castElem, loc *time.Location, now time.Time) (time.Time, error) {
	now = now.In(loc)
	year, month, day, hour, minute, sec, nsec := now.Year(), int(now.Month()), 1, 0, 0, 0, 0
	pm, tzSeen, tzNeg, tzh, tzm := false, false, false, 0, 0
	i := 0
	digits := func(min, max int) (int, bool) {
		n, j := 0, i
		for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
			n = n*10 + int(s[j]-'0')
			j++
		}
		if j-i < min {
			return 0, false
		}
		i = j
		return n, true
	}
	// two reads an element of 2 digits, naming one digit alone
	two := func(name string) (int, bool, error) {
		if n, ok := digits(2, 2); ok {
			return n, true, nil
		}
		if i < len(s) && s[i] >= '0' && s[i] <= '9' && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
			return 0, false, fmt.Errorf("%q has the %s %q of one digit, where BigQuery's documentation has 2 digits (write 0%c)", s, name, s[i:i+1], s[i])
		}
		return 0, false, nil
	}
	if t := strings.TrimLeftFunc(s, unicode.IsSpace); t != s {
		return time.Time{}, fmt.Errorf("%q starts with a space, which BigQuery's documentation does not say CAST ... FORMAT reads; write TRIM(s)", s)
	}
	for k, e := range elems {
		var ok bool
		var err error
		switch e.field {
		case "":
			if e.lit == " " {
				j := i
				for j < len(s) {
					r := rune(s[j])
					if !unicode.IsSpace(r) {
						break
					}
					j++
				}
				ok = j > i
				i = j
				break
			}
			ok = strings.HasPrefix(s[i:], e.lit)
			if ok {
				i += len(e.lit)
			}
		case "YYYY", "RRRR":
			// 4 digits before more digits, else 1 to 5
			lo, hi := 1, 5
			if castDigitsNext(elems, k) {
				lo, hi = 4, 4
			}
			start := i
			year, ok = digits(lo, hi)
			if ok && i-start < 4 {
				return time.Time{}, fmt.Errorf("the year %q has fewer than 4 digits, which BigQuery's documentation completes from the current year and its code does not; write 4 digits", s[start:i])
			}
		case "YYY", "YY", "Y", "RR":
			// the last digits of the current year replaced
			w := len(e.field)
			lo := 1
			if castDigitsNext(elems, k) {
				lo = w
			}
			var n int
			if n, ok = digits(lo, w); ok {
				p := []int{1, 10, 100, 1000}[w]
				cur := now.Year()
				year = cur - cur%p + n
				if e.field == "RR" {
					switch {
					case n < 50 && cur%100 >= 50:
						year += 100
					case n >= 50 && cur%100 < 50:
						year -= 100
					}
				}
			}
		case "MM":
			month, ok, err = two("month")
		case "MON", "MONTH":
			for m := time.January; m <= time.December; m++ {
				name := m.String()
				if e.field == "MON" {
					name = name[:3]
				}
				if len(s)-i >= len(name) && strings.EqualFold(s[i:i+len(name)], name) {
					month, ok = int(m), true
					i += len(name)
					break
				}
			}
		case "DD":
			day, ok, err = two("day")
		case "HH24", "HH", "HH12":
			hour, ok, err = two("hour")
			if ok && e.field != "HH24" && (hour < 1 || hour > 12) {
				return time.Time{}, fmt.Errorf("the hour %d is not between 1 and 12", hour)
			}
		case "MI":
			minute, ok, err = two("minute")
		case "SS":
			sec, ok, err = two("second")
		case "SSSSS":
			lo := 1
			if castDigitsNext(elems, k) {
				lo = 5
			}
			var n int
			if n, ok = digits(lo, 5); ok {
				if n >= 86400 {
					return time.Time{}, fmt.Errorf("%d is not a second of the day", n)
				}
				hour, minute, sec = n/3600, n/60%60, n%60
			}
		case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FF7", "FF8", "FF9":
			// n digits of the fraction, kept to the microsecond
			w := int(e.field[2] - '0')
			lo := 1
			if castDigitsNext(elems, k) {
				lo = w
			}
			start := i
			if _, ok = digits(lo, w); ok {
				nsec, _ = strconv.Atoi((s[start:i] + "00000")[:6])
				nsec *= 1000
			}
		case "AM", "PM", "A.M.", "P.M.":
			dots := strings.Contains(e.field, ".")
			for _, m := range []string{"AM", "PM"} {
				w := m
				if dots {
					w = m[:1] + "." + m[1:] + "."
				}
				if len(s)-i >= len(w) && strings.EqualFold(s[i:i+len(w)], w) {
					pm, ok = m == "PM", true
					i += len(w)
					break
				}
			}
		case "TZH":
			if i < len(s) && (s[i] == '+' || s[i] == '-' || s[i] == ' ') {
				tzNeg = s[i] == '-'
				i++
				tzh, ok = digits(2, 2)
				tzSeen = true
			}
		case "TZM":
			tzm, ok = digits(2, 2)
		}
		if err != nil {
			return time.Time{}, err
		}
		if !ok {
			return time.Time{}, fmt.Errorf("%q does not match the format at %q", s, s[min(i, len(s)):])
		}
	}
	if i < len(s) && strings.TrimSpace(s[i:]) == "" {
		return time.Time{}, fmt.Errorf("%q ends with a space, which BigQuery's documentation does not say CAST ... FORMAT reads; write TRIM(s)", s)
	}
	if i < len(s) {
		return time.Time{}, fmt.Errorf("%q has %q after what the format reads", s, s[i:])
	}
	if elemsHave(elems, "HH", "HH12") {
		hour %= 12
		if pm {
			hour += 12
		}
	}
	if tzSeen {
		off := tzh*3600 + tzm*60
		if tzNeg {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)
	if t.Year() != year || int(t.Month()) != month || t.Day() != day || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, fmt.Errorf("%q is not a valid date or time", s)
	}
	return t, nil
}

func elemsHave(elems []castElem, fields ...string) bool {
	for _, e := range elems {
		for _, f := range fields {
			if e.field == f {
				return true
			}
		}
	}
	return false
}

var castParseFormats boundedCache[[]castElem]

// castParse is cast_parse_bigquery(s, format, kind, now[, zone]), now the
// statement's current time in UTC (YYYY-MM-DD HH:MM:SS).
func castParse(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "CAST ... FORMAT"
	if len(args) < 4 || len(args) > 5 {
		fail(ctx, fn, "takes a string, a format, the type, the current time and an optional time zone")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	kind := args[2].Text()
	elems, err := compiled(ctx, 1, kind+"\x00"+args[1].Text(), &castParseFormats, func(key string) ([]castElem, error) {
		k, f, _ := strings.Cut(key, "\x00")
		return compileCastParse(f, k)
	})
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	now, err := time.Parse(time.DateTime, args[3].Text())
	if err != nil {
		fail(ctx, fn, "the current time %q is not YYYY-MM-DD HH:MM:SS", args[3].Text())
		return
	}
	loc := time.UTC
	if len(args) == 5 {
		l, ok := zoneArg(ctx, fn, args[4])
		if !ok {
			return
		}
		loc = l
	}
	t, err := readCast(args[0].Text(), elems, loc, now)
	if err != nil {
		fail(ctx, fn, "%v (format %q)", err, args[1].Text())
		return
	}
	if kind == "DATE" {
		resultDate(ctx, t)
		return
	}
	if kind == "TIME" {
		ctx.ResultText(writeClock(clockOf(t)))
		return
	}
	if kind == "DATETIME" {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	}
	resultTimestamp(ctx, t)
}
