package sqlfunc

import (
	"bytes"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's b - a of columns whose types the translator does not know is an
// INTERVAL when they hold timestamps, a number of days when they hold
// dates, a number when they hold numbers (date_arith). One column holds
// one of these, so ordering it by interval_key() where it holds interval
// text, and as SQLite orders values otherwise, orders it as DuckDB does.

func init() {
	add(
		Func{Name: "interval_sort_key", NArgs: 1, Scalar: intervalSortKey},
		Func{Name: "maybe_interval_min", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &maybeIntervalPick{} }},
		Func{Name: "maybe_interval_max", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &maybeIntervalPick{max: true} }},
		Func{Name: "maybe_interval_avg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &maybeIntervalAvg{} }},
	)
}

// interval_sort_key(x) is interval_key(x) of interval text, else x.
func intervalSortKey(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	if v.Type() == sqlite3.TEXT {
		if iv, ok := parseInterval(v.Text()); ok {
			ctx.ResultInt64(iv.key())
			return
		}
	}
	ctx.ResultValue(v)
}

// maybeIntervalPick is min or max of values that may be intervals:
// intervals by DuckDB's order, other values as SQLite's min and max order
// them (numbers before text, text by its bytes). It keeps the frame's
// values, oldest first, for sliding window frames.
type maybeIntervalPick struct {
	max  bool
	vals []sortable
}

// sortable is a value and how it orders: an interval's key, a number, or
// text.
type sortable struct {
	text     []byte
	num      float64
	isNum    bool
	interval bool
	key      int64
	intVal   int64
	isInt    bool
}

func (p *maybeIntervalPick) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	switch v.Type() {
	case sqlite3.NULL:
		return
	case sqlite3.INTEGER:
		p.vals = append(p.vals, sortable{num: float64(v.Int64()), isNum: true, intVal: v.Int64(), isInt: true})
	case sqlite3.FLOAT:
		p.vals = append(p.vals, sortable{num: v.Float(), isNum: true})
	default:
		s := sortable{text: bytes.Clone(v.RawText())}
		if iv, ok := parseInterval(v.Text()); ok {
			s.interval, s.key = true, iv.key()
		}
		p.vals = append(p.vals, s)
	}
}

func (p *maybeIntervalPick) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() != sqlite3.NULL && len(p.vals) > 0 {
		p.vals = p.vals[1:]
	}
}

// less orders a before b.
func (a sortable) less(b sortable) bool {
	switch {
	case a.isNum && b.isNum:
		return a.num < b.num
	case a.isNum != b.isNum:
		return a.isNum
	case a.interval && b.interval:
		return a.key < b.key
	}
	return bytes.Compare(a.text, b.text) < 0
}

func (p *maybeIntervalPick) Value(ctx sqlite3.Context) {
	if len(p.vals) == 0 {
		ctx.ResultNull()
		return
	}
	best := p.vals[0]
	for _, v := range p.vals[1:] {
		if p.max && best.less(v) || !p.max && v.less(best) {
			best = v
		}
	}
	switch {
	case best.isInt:
		ctx.ResultInt64(best.intVal)
	case best.isNum:
		ctx.ResultFloat(best.num)
	default:
		ctx.ResultRawText(best.text)
	}
}

// maybeIntervalAvg is avg of values that may be intervals: of interval
// text as DuckDB averages intervals (intervalAvg), of numbers as a real.
// The first value decides which; a value of the other kind fails.
type maybeIntervalAvg struct {
	intervals intervalAvg
	sum       float64
	n         int64
	kind      int // 0 none yet, 1 intervals, 2 numbers
}

// kindOf is 1 for interval text, 2 for a number, 0 for neither.
func kindOf(v sqlite3.Value) int {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return 2
	case sqlite3.TEXT:
		if _, ok := parseInterval(v.Text()); ok {
			return 1
		}
	}
	return 0
}

func (a *maybeIntervalAvg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	a.add(ctx, arg[0], 1)
}

func (a *maybeIntervalAvg) Inverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	a.add(ctx, arg[0], -1)
}

// add counts v in (sign 1) or out (sign -1).
func (a *maybeIntervalAvg) add(ctx sqlite3.Context, v sqlite3.Value, sign int64) {
	if v.Type() == sqlite3.NULL {
		return
	}
	k := kindOf(v)
	if a.kind == 0 {
		a.kind = k
	}
	if k == 0 || k != a.kind {
		fail(ctx, "avg", "%q is not an INTERVAL or a number like the values before it", v.Text())
		return
	}
	if k == 1 {
		if sign > 0 {
			a.intervals.Step(ctx, v)
		} else {
			a.intervals.Inverse(ctx, v)
		}
		return
	}
	a.sum += float64(sign) * v.Float()
	a.n += sign
}

func (a *maybeIntervalAvg) Value(ctx sqlite3.Context) {
	switch {
	case a.kind == 1:
		a.intervals.Value(ctx)
	case a.n > 0:
		ctx.ResultFloat(a.sum / float64(a.n))
	default:
		ctx.ResultNull()
	}
}
