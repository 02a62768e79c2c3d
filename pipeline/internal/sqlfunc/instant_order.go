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
// values that are not timestamp text compare as text. As a window function
// it keeps, oldest first, the values of the frame that a later value does
// not beat (a monotonic queue), so a frame that moves (ROWS BETWEEN CURRENT
// ROW AND UNBOUNDED FOLLOWING) drops its oldest row in constant time; of
// equal values the first met is the answer.
type instantPick struct {
	max     bool
	q       []instantCand
	head    int
	in, out int // rows added and removed, NULLs included
}

type instantCand struct {
	seq  int
	v    *sqlite3.Value
	t    time.Time
	isTS bool
}

// beats tells whether a comes before b (after it, for max).
func (p *instantPick) beats(a, b instantCand) bool {
	var c int
	if a.isTS && b.isTS {
		c = a.t.Compare(b.t)
	} else {
		c = strings.Compare(a.v.Text(), b.v.Text())
	}
	if p.max {
		return c > 0
	}
	return c < 0
}

func (p *instantPick) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	seq := p.in
	p.in++
	v := arg[0]
	if v.Type() == sqlite3.NULL {
		return
	}
	c := instantCand{seq: seq}
	if v.Type() == sqlite3.TEXT {
		c.t, c.isTS = instantOfText(v.Text())
	}
	c.v = v.Dup()
	for len(p.q) > p.head && p.beats(c, p.q[len(p.q)-1]) {
		p.q[len(p.q)-1].v.Close()
		p.q = p.q[:len(p.q)-1]
	}
	p.q = append(p.q, c)
}

func (p *instantPick) Inverse(_ sqlite3.Context, _ ...sqlite3.Value) {
	seq := p.out
	p.out++
	if len(p.q) > p.head && p.q[p.head].seq == seq {
		p.q[p.head].v.Close()
		p.q[p.head] = instantCand{}
		p.head++
		if p.head > 64 && p.head*2 > len(p.q) {
			p.q = append(p.q[:0], p.q[p.head:]...)
			p.head = 0
		}
	}
}

func (p *instantPick) Value(ctx sqlite3.Context) {
	if len(p.q) == p.head {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*p.q[p.head].v)
}

func (p *instantPick) Close() error {
	for _, c := range p.q[p.head:] {
		c.v.Close()
	}
	p.q = nil
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
