package sqlfunc

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Casts between text and timestamps. A timestamp value is text in the
// project's one form (see appendTimestamp); these functions read the
// timestamp text the warehouses accept and write that form, and write a
// timestamp as the warehouse's CAST to a string writes it.
//
// Two kinds of timestamp: an instant (BigQuery's TIMESTAMP, Snowflake's
// TIMESTAMP_TZ and TIMESTAMP_LTZ, DuckDB's TIMESTAMPTZ), whose text is
// converted from its offset or zone to UTC, and a wall clock (BigQuery's
// DATETIME, Snowflake's TIMESTAMP_NTZ, DuckDB's TIMESTAMP), which keeps the
// clock as written: Snowflake and DuckDB drop an offset there, BigQuery
// refuses one other than UTC. Both are written in the same UTC form, so
// that they compare, sort and join as text.

// Timestamp kinds, as the translator passes them to cast_to, try_cast and
// timestamp_string.
const (
	KindInstant   = "TIMESTAMP"
	KindWallClock = "DATETIME"
)

func init() {
	add(
		Func{Name: "timestamp_string", NArgs: -1, Scalar: timestampString},
		Func{Name: "as_timestamp", NArgs: 1, Scalar: asTimestamp},
		Func{Name: "string_of_timestamp", NArgs: -1, Scalar: stringOfTimestamp},
	)
	// BigQuery's STRING(timestamp[, zone]), and STRING(json).
	rename("string_of_timestamp", "string", "bigquery")
}

// parsedTime is timestamp text read: its wall clock (as a UTC time) and
// the zone written after it, if any.
type parsedTime struct {
	wall time.Time
	loc  *time.Location // nil when no zone was written
	date bool           // only a date was written
}

// parseTimestampText reads YYYY-M[M]-D[D][( |T)H[H]:M[M][:S[S][.f]]]
// followed by an optional zone: Z, UTC, an offset (+HH, +HHMM, +HH:MM) or,
// after a space, an IANA name. This is the text every warehouse's CAST to
// a timestamp takes.
func parseTimestampText(s string) (parsedTime, bool) {
	s = strings.TrimSpace(s)
	num := func(max int) (int, bool) {
		j := 0
		for j < len(s) && j < max && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == 0 {
			return 0, false
		}
		n, _ := strconv.Atoi(s[:j])
		s = s[j:]
		return n, true
	}
	sep := func(c byte) bool {
		if s != "" && s[0] == c {
			s = s[1:]
			return true
		}
		return false
	}
	if len(s) < 5 || s[4] != '-' {
		return parsedTime{}, false
	}
	y, ok := num(4)
	if !ok || !sep('-') {
		return parsedTime{}, false
	}
	mo, ok1 := num(2)
	ok2 := sep('-')
	d, ok3 := num(2)
	if !ok1 || !ok2 || !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return parsedTime{}, false
	}
	p := parsedTime{date: true}
	h, mi, sec, nsec := 0, 0, 0, 0
	if len(s) > 1 && (s[0] == 'T' || s[0] == 't' || s[0] == ' ') && s[1] >= '0' && s[1] <= '9' {
		s = s[1:]
		var okH, okM bool
		h, okH = num(2)
		okC := sep(':')
		mi, okM = num(2)
		if !okH || !okC || !okM || h > 23 || mi > 59 {
			return parsedTime{}, false
		}
		if sep(':') {
			if sec, ok = num(2); !ok || sec > 59 {
				return parsedTime{}, false
			}
			if len(s) > 1 && s[0] == '.' && s[1] >= '0' && s[1] <= '9' {
				s = s[1:]
				j := 0
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				frac := s[:j]
				s = s[j:]
				if len(frac) > 9 {
					frac = frac[:9]
				}
				nsec, _ = strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			}
		}
		p.date = false
	}
	p.wall = time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC)
	z := strings.TrimSpace(s)
	if z == "" {
		return p, true
	}
	if p.date {
		return parsedTime{}, false
	}
	if off, ok := parseOffset(z); ok {
		p.loc = time.FixedZone(z, off)
		return p, true
	}
	if s[0] != ' ' || strings.ContainsAny(z, " \t") {
		return parsedTime{}, false
	}
	loc, err := loadZone(z)
	if err != nil {
		return parsedTime{}, false
	}
	p.loc = loc
	return p, true
}

// castTimestamp converts timestamp text to the project's form as dialect's
// CAST to kind does; ok is false where the warehouse fails.
func castTimestamp(s, kind, dialect string) (time.Time, bool) {
	p, ok := parseTimestampText(s)
	if !ok {
		return time.Time{}, false
	}
	if p.loc == nil {
		return p.wall, true
	}
	if kind == KindWallClock {
		// BigQuery's DATETIME takes no zone; UTC is the form timestamps
		// are kept in, so it is read as their wall clock.
		if _, off := p.wall.In(p.loc).Zone(); dialect == "bigquery" && off != 0 {
			return time.Time{}, false
		}
		return p.wall, true
	}
	return instantOf(p.wall, p.loc), true
}

// CanonicalTimestamp writes the text of a TIMESTAMP '...' literal (kind
// KindInstant or KindWallClock) in the project's form, for the translator.
func CanonicalTimestamp(s, kind, dialect string) (string, error) {
	t, ok := castTimestamp(s, kind, dialect)
	if !ok {
		if kind == KindWallClock && dialect == "bigquery" {
			return "", fmt.Errorf("%q is not a DATETIME, which takes no time zone", s)
		}
		return "", fmt.Errorf("%q is not a timestamp", s)
	}
	return string(appendTimestamp(nil, t)), nil
}

// CanonicalZonedTimestamp writes text s read as Snowflake's TIMESTAMP_TZ
// in the project's form, the offset written kept (the session's, UTC, when
// none is): a seed's column declared timestamp_tz.
func CanonicalZonedTimestamp(s string) (string, error) {
	p, ok := parseTimestampText(strings.TrimSpace(s))
	if !ok || p.loc == nil {
		return CanonicalTimestamp(s, KindInstant, "snowflake")
	}
	return zonedInstantText(instantOf(p.wall, p.loc).In(p.loc)), nil
}

// zonedInstantText writes t with its offset, as TO_TIMESTAMP_TZ does: an
// offset of zero as Z.
func zonedInstantText(t time.Time) string {
	if _, off := t.Zone(); off == 0 {
		return string(appendTimestamp(nil, t))
	}
	return zonedText(t)
}

// timestampTypeName names a timestamp kind as dialect names its type.
func timestampTypeName(kind, dialect string) string {
	switch {
	case dialect == "snowflake" && kind == KindWallClock:
		return "TIMESTAMP_NTZ"
	case dialect == "snowflake":
		return "TIMESTAMP_TZ"
	case dialect == "duckdb" && kind == KindWallClock:
		return "TIMESTAMP"
	case dialect == "duckdb":
		return "TIMESTAMPTZ"
	}
	return kind
}

// convertTimestamp is convert for TIMESTAMP and DATETIME. Snowflake casts
// a number as seconds since the epoch; BigQuery and DuckDB refuse one.
func convertTimestamp[V cell](v V, kind, dialect string) (any, bool) {
	if (v.Type() == sqlite3.INTEGER || v.Type() == sqlite3.FLOAT) && dialect == "snowflake" {
		f := v.Float()
		if math.IsNaN(f) || math.Abs(f) > 1e11 {
			return nil, false
		}
		return string(appendTimestamp(nil, epochSeconds(f))), true
	}
	if v.Type() != sqlite3.TEXT {
		return nil, false
	}
	t, ok := castTimestamp(v.Text(), kind, dialect)
	if !ok {
		return nil, false
	}
	return string(appendTimestamp(nil, t)), true
}

// asTimestamp is as_timestamp(x): x in the project's form when it is
// timestamp text, else x unchanged. The translator puts it on the side of
// a comparison with a timestamp that it cannot tell is one (a column of
// source text, '2024-05-17 10:00:00' as written), so that the two compare
// as instants, not as text.
func asTimestamp(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	if v.Type() == sqlite3.TEXT {
		if p, ok := parseTimestampText(v.Text()); ok {
			t := p.wall
			if p.loc != nil {
				t = instantOf(p.wall, p.loc)
			}
			resultTimestamp(ctx, t)
			return
		}
	}
	ctx.ResultValue(v)
}

// timestampString is timestamp_string(x, kind, dialect[, zone]): the text
// dialect's CAST(x AS STRING) writes for a timestamp of that kind.
//   - BigQuery: 2024-05-17 10:00:00+00 (an instant, in UTC or the zone
//     given) or 2024-05-17 10:00:00 (DATETIME); a fraction has 3 or 6
//     digits, as many as it needs.
//   - Snowflake: 2024-05-17 10:00:00.000 (TIMESTAMP_NTZ) or
//     2024-05-17 10:00:00.000 +0000 (TZ, LTZ): the default output formats.
//   - DuckDB: 2024-05-17 10:00:00 (TIMESTAMP) or 2024-05-17 10:00:00+00
//     (TIMESTAMPTZ), the fraction without trailing zeros.
//
// Text that is not a timestamp is returned as it is.
func timestampString(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "CAST"
	if !called(ctx, fn, args, 3, 4, "takes a timestamp, its kind, the dialect and an optional time zone") {
		return
	}
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	p, ok := parseTimestampText(args[0].Text())
	if !ok {
		ctx.ResultValue(args[0])
		return
	}
	t := p.wall
	if p.loc != nil {
		t = instantOf(p.wall, p.loc)
	}
	loc := time.UTC
	if len(args) == 4 {
		if loc, ok = zoneArg(ctx, "STRING", args[3]); !ok {
			return
		}
	} else if p.loc != nil && args[1].Text() == KindInstant && args[2].Text() == "snowflake" {
		// a TIMESTAMP_TZ that keeps its offset is written in it
		loc = p.loc
	}
	ctx.ResultText(writeTimestampString(t, loc, args[1].Text(), args[2].Text()))
}

// snowflakeInstantText is a Snowflake TIMESTAMP_TZ's text as a cast to
// VARCHAR writes it (timestamp_string(s, 'TIMESTAMP', 'snowflake')): in the
// offset it keeps; text that is no timestamp as it is.
func snowflakeInstantText(s string) string {
	p, ok := parseTimestampText(s)
	if !ok {
		return s
	}
	t, loc := p.wall, time.UTC
	if p.loc != nil {
		t, loc = instantOf(p.wall, p.loc), p.loc
	}
	return writeTimestampString(t, loc, KindInstant, "snowflake")
}

// stringOfTimestamp is BigQuery's STRING(timestamp[, zone]).
func stringOfTimestamp(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "STRING"
	if len(args) == 1 && stringOfJSON(ctx, args[0]) {
		return
	}
	if !called(ctx, fn, args, 1, 2, "takes a timestamp and an optional time zone") || nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	loc := time.UTC
	if len(args) == 2 {
		var ok bool
		if loc, ok = zoneArg(ctx, fn, args[1]); !ok {
			return
		}
	}
	ctx.ResultText(writeTimestampString(m.t, loc, KindInstant, "bigquery"))
}

func writeTimestampString(t time.Time, loc *time.Location, kind, dialect string) string {
	t = t.In(loc)
	b := t.AppendFormat(nil, "2006-01-02 15:04:05")
	ns := t.Nanosecond()
	switch dialect {
	case "bigquery":
		switch {
		case ns == 0:
		case ns%1e6 == 0:
			b = fmt.Appendf(b, ".%03d", ns/1e6)
		default:
			b = fmt.Appendf(b, ".%06d", ns/1e3)
		}
		if kind == KindInstant {
			b = appendOffset(b, t, ":")
		}
	case "snowflake":
		b = fmt.Appendf(b, ".%03d", ns/1e6)
		if kind == KindInstant {
			b = append(b, ' ')
			b = appendOffset(b, t, "")
			if _, off := t.Zone(); off%3600 == 0 {
				b = append(b, "00"...)
			}
		}
	default:
		if us := ns / 1e3; us != 0 {
			b = append(b, strings.TrimRight(fmt.Sprintf(".%06d", us), "0")...)
		}
		if kind == KindInstant {
			b = appendOffset(b, t, ":")
		}
	}
	return string(b)
}

// appendOffset writes t's offset as +HH, or +HH<sep>MM when it has minutes.
func appendOffset(b []byte, t time.Time, sep string) []byte {
	_, off := t.Zone()
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = fmt.Appendf(b, "%c%02d", sign, off/3600)
	if m := off % 3600 / 60; m != 0 {
		b = fmt.Appendf(b, "%s%02d", sep, m)
	}
	return b
}
