package sqlfunc

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"

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

// duck_sum_int(x, line): DuckDB's sum of integers, a HUGEINT: added in
// 128 bits, so a running sum may pass 64 bits and come back, where
// SQLite's sum fails with integer overflow. A sum beyond 64 bits, which
// SQLite's integers cannot hold, fails naming DuckDB's exact value. It
// runs as a window function too.

func init() {
	add(Func{Name: "duck_sum_int", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &hugeSum{} }})
}

type hugeSum struct {
	n    int64
	hi   int64 // the sum's upper 64 bits, two's complement with lo
	lo   uint64
	line int64
	real bool // a real was read: added as reals
	sum  float64
}

func (a *hugeSum) add(v sqlite3.Value, sign int64) {
	if v.Type() == sqlite3.NULL {
		return
	}
	a.n += sign
	if v.NumericType() != sqlite3.INTEGER {
		a.real = true
		a.sum += float64(sign) * v.Float()
		return
	}
	x := v.Int64()
	xhi := int64(0)
	if x < 0 {
		xhi = -1
	}
	if sign < 0 {
		// -x in 128 bits: the complement plus one
		lo, carry := bits.Add64(^uint64(x), 1, 0)
		x, xhi = int64(lo), ^xhi+int64(carry)
	}
	lo, carry := bits.Add64(a.lo, uint64(x), 0)
	a.lo, a.hi = lo, a.hi+xhi+int64(carry)
}

func (a *hugeSum) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	a.line = arg[1].Int64()
	a.add(arg[0], 1)
}
func (a *hugeSum) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) { a.add(arg[0], -1) }

func (a *hugeSum) Value(ctx sqlite3.Context) {
	switch {
	case a.n == 0:
		ctx.ResultNull()
	case a.real:
		ctx.ResultFloat(a.sum + float64(a.hi)*(1<<64) + float64(a.lo))
	case a.hi == 0 && int64(a.lo) >= 0 || a.hi == -1 && int64(a.lo) < 0:
		ctx.ResultInt64(int64(a.lo))
	default:
		v := new(big.Int).Lsh(big.NewInt(a.hi), 64)
		v.Add(v, new(big.Int).SetUint64(a.lo))
		resultError(ctx, errorString(fmt.Sprintf("line %d: sum of integers beyond 64 bits: DuckDB's sum is the HUGEINT %s, which SQLite's integers cannot hold; sum the values as DOUBLEs (sum(x::double)) or keep the sum within 64 bits", a.line, v)))
	}
}
