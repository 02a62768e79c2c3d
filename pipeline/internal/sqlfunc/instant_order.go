package sqlfunc

import (
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's TIMESTAMP_TZ keeps the offset it was written in
// (2024-04-05T01:02:03+02:00), so its text does not sort as its instant
// does. The translator orders such values by instant_key(x) and takes
// their MIN and MAX with instant_min and instant_max, which compare
// instants and give the value as written.

func init() {
	add(Func{Name: "instant_key", NArgs: 1, Scalar: instantKey},
		Func{Name: "instant_min", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &instantPick{} }},
		Func{Name: "instant_max", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &instantPick{max: true} }},
		// ARRAY_AGG(DISTINCT ts) and LISTAGG(DISTINCT ts[, sep]) of
		// TIMESTAMP_TZ values: one instant written in two offsets is one
		// value, the first met as written
		Func{Name: "array_agg_distinct_instants", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &arrayAgg{distinct: true, instants: true} }},
		Func{Name: "listagg_distinct_instants", NArgs: -1, Window: func() sqlite3.AggregateFunction { return &joinAgg{distinct: true, instants: true} }})
}

// distinctKey is the text a DISTINCT aggregate of instants tells values
// apart by: timestamp text is its instant in UTC, other text itself (which
// never reads as a timestamp, so never meets an instant's key).
func distinctKey(s string) string {
	if t, ok := instantOfText(s); ok {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return s
}

// instantOfText reads timestamp text as its instant; text without a zone
// is UTC, as the project writes instants.
func instantOfText(s string) (time.Time, bool) {
	p, ok := parseTimestampText(s)
	if !ok {
		return time.Time{}, false
	}
	if p.loc != nil {
		return instantOf(p.wall, p.loc), true
	}
	return p.wall, true
}

// instantKey is instant_key(x): timestamp text as nanoseconds since the
// epoch (an integer that sorts as the instants do, fractions of a second
// included), other values unchanged. Beyond the years an int64 of
// nanoseconds holds (0001-01-01, 9999-12-31 as bounds of validity) the key
// is a float, which SQLite compares with the integers as numbers.
func instantKey(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	if v.Type() == sqlite3.TEXT {
		if t, ok := instantOfText(v.Text()); ok {
			if t.Year() > 1677 && t.Year() < 2262 {
				ctx.ResultInt64(t.UnixNano())
			} else {
				ctx.ResultFloat(float64(t.Unix())*1e9 + float64(t.Nanosecond()))
			}
			return
		}
	}
	ctx.ResultValue(v)
}

// instantPick keeps the earliest (or latest) non-NULL value of a group;
// values that are not timestamp text compare as text.
type instantPick struct {
	max  bool
	v    *sqlite3.Value
	t    time.Time
	isTS bool
}

func (p *instantPick) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	if v.Type() == sqlite3.NULL {
		return
	}
	t, isTS := time.Time{}, false
	if v.Type() == sqlite3.TEXT {
		t, isTS = instantOfText(v.Text())
	}
	if p.v != nil {
		var c int
		if isTS && p.isTS {
			c = t.Compare(p.t)
		} else {
			c = strings.Compare(v.Text(), p.v.Text())
		}
		if p.max && c <= 0 || !p.max && c >= 0 {
			return
		}
		p.v.Close()
	}
	p.v, p.t, p.isTS = v.Dup(), t, isTS
}

func (p *instantPick) Value(ctx sqlite3.Context) {
	if p.v == nil {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*p.v)
}

func (p *instantPick) Close() error {
	if p.v != nil {
		return p.v.Close()
	}
	return nil
}

// compareTimestampTexts compares two texts in the one timestamp form
// (2024-05-17T10:00:00.5Z) as instants, for GREATEST, LEAST and the
// functions ordering values: as text 10:00:00.5Z is before 10:00:00Z.
// ok is false when either is not in that form.
func compareTimestampTexts(x, y []byte) (c int, ok bool) {
	tx, okx := oneFormInstant(x)
	if !okx {
		return 0, false
	}
	ty, oky := oneFormInstant(y)
	if !oky {
		return 0, false
	}
	return tx.Compare(ty), true
}

func oneFormInstant(b []byte) (time.Time, bool) {
	if len(b) < 20 || b[10] != 'T' || b[len(b)-1] != 'Z' || b[19] != 'Z' && b[19] != '.' {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	return t, err == nil
}
