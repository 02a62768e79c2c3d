package sqlfunc

import (
	"fmt"
	"strings"
	"time"

	// The zone database, for js/wasm and machines without one: named zones
	// must answer the same everywhere.
	_ "time/tzdata"

	"github.com/ncruces/go-sqlite3"
)

// Time zone arguments: UTC, an offset (+02:00, -0800) or an IANA name
// (America/New_York), as the warehouses take them. Timestamps stay UTC
// text; a zone says what wall clock a text means, or which wall clock a
// date, a format or a truncation reads.

var zones boundedCache[*time.Location]

// loadZone reads a zone argument.
func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if off, ok := parseOffset(name); ok {
		if off == 0 {
			return time.UTC, nil
		}
		return time.FixedZone(name, off), nil
	}
	return zones.get(name, func(name string) (*time.Location, error) {
		if name == "" || strings.EqualFold(name, "local") || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
			return nil, fmt.Errorf("time zone %q: use 'UTC', an offset such as '-08:00' or a zone name such as 'America/New_York'", name)
		}
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil, fmt.Errorf("time zone %q is not known: use 'UTC', an offset such as '-08:00' or a zone name such as 'America/New_York'", name)
		}
		return loc, nil
	})
}

// zoneArg reads the zone argument v of fn, failing the call when it is not
// a zone.
func zoneArg(ctx sqlite3.Context, fn string, v sqlite3.Value) (*time.Location, bool) {
	loc, err := loadZone(v.Text())
	if err != nil {
		fail(ctx, fn, "%v", err)
		return nil, false
	}
	return loc, true
}

// wallClock is the wall clock of instant t in loc, as a UTC time.
func wallClock(t time.Time, loc *time.Location) time.Time {
	w := t.In(loc)
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.UTC)
}

// instantOf is the instant at which loc's wall clock shows w (a UTC time).
func instantOf(w time.Time, loc *time.Location) time.Time {
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc).UTC()
}

func init() {
	add(
		Func{Name: "convert_timezone", NArgs: 2, Scalar: convertTimezone},
		Func{Name: "convert_timezone", NArgs: 3, Scalar: convertTimezone},
	)
}

// convertTimezone is Snowflake's CONVERT_TIMEZONE(target, ts): the instant
// ts written with target's offset (a TIMESTAMP_TZ), and
// CONVERT_TIMEZONE(source, target, ts): the wall clock ts shows in source,
// as target's wall clock (a TIMESTAMP_NTZ, written as UTC text).
func convertTimezone(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "CONVERT_TIMEZONE"
	if nullCall(ctx, args) {
		return
	}
	m, err := readMoment(args[len(args)-1])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	target, ok := zoneArg(ctx, fn, args[len(args)-2])
	if !ok {
		return
	}
	if len(args) == 3 {
		source, ok := zoneArg(ctx, fn, args[0])
		if !ok {
			return
		}
		resultTimestamp(ctx, wallClock(instantOf(m.t, source), target))
		return
	}
	resultZoned(ctx, m.t.In(target))
}

// resultZoned writes t with its own offset, as a Snowflake TIMESTAMP_TZ:
// 2024-01-04T22:00:00-05:00.
func resultZoned(ctx sqlite3.Context, t time.Time) { ctx.ResultText(zonedInstantText(t)) }

// zonedText writes t with its offset: 2024-01-04T22:00:00-05:00.
func zonedText(t time.Time) string {
	layout := "2006-01-02T15:04:05-07:00"
	if t.Nanosecond() != 0 {
		layout = "2006-01-02T15:04:05.999999999-07:00"
	}
	return t.Format(layout)
}
