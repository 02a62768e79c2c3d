package sqlfunc

import (
	"math"

	"github.com/ncruces/go-sqlite3"
)

// duck_sum(x) and duck_avg(x): DuckDB's sum and avg of DOUBLEs (and of
// values whose type is not known). DuckDB adds the values one by one in
// the order it reads them, where SQLite's sum and avg compensate the
// rounding (Kahan-Babuska-Neumaier): the sum of 0.1, 0.2 and 0.3 is
// 0.6000000000000001 in DuckDB, 0.6 in SQLite, and what a model writes
// as text of it differs. Integers are added exactly, as SQLite does; past
// the range of a 64-bit integer (DuckDB's HUGEINT sum) the sum goes on as
// a real, where SQLite fails with integer overflow. Both run as window
// functions too.

func init() {
	add(
		Func{Name: "duck_sum", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &duckSum{} }},
		Func{Name: "duck_avg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &duckSum{avg: true} }},
	)
}

type duckSum struct {
	avg  bool
	n    int64
	ints int64   // the sum while every value is an integer
	real bool    // a real was read (or the integers overflowed)
	sum  float64 // the sum once real
}

func (a *duckSum) add(v sqlite3.Value, sign int64) {
	if v.Type() == sqlite3.NULL {
		return
	}
	a.n += sign
	if !a.real && v.NumericType() == sqlite3.INTEGER {
		x := v.Int64()
		if sign < 0 {
			if x == math.MinInt64 {
				a.toReal()
				a.sum -= float64(x)
				return
			}
			x = -x
		}
		s := a.ints + x
		if (x > 0 && s < a.ints) || (x < 0 && s > a.ints) {
			a.toReal()
			a.sum += float64(x)
			return
		}
		a.ints = s
		return
	}
	a.toReal()
	a.sum += float64(sign) * v.Float()
}

func (a *duckSum) toReal() {
	if !a.real {
		a.real, a.sum = true, float64(a.ints)
	}
}

func (a *duckSum) Step(_ sqlite3.Context, arg ...sqlite3.Value)    { a.add(arg[0], 1) }
func (a *duckSum) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) { a.add(arg[0], -1) }

func (a *duckSum) Value(ctx sqlite3.Context) {
	switch {
	case a.n == 0:
		ctx.ResultNull()
	case a.avg && a.real:
		ctx.ResultFloat(a.sum / float64(a.n))
	case a.avg:
		ctx.ResultFloat(float64(a.ints) / float64(a.n))
	case a.real:
		ctx.ResultFloat(a.sum)
	default:
		ctx.ResultInt64(a.ints)
	}
}
