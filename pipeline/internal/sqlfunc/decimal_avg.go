package sqlfunc

import (
	"math"

	"github.com/ncruces/go-sqlite3"
)

// decimal_avg(x, s): DuckDB's avg of a DECIMAL with s digits after the
// point: the sum, exact in whole numbers of 10^-s, as a DOUBLE divided by
// the count (the average of 0.1 and 0.2 is 0.15, not SQLite's
// 0.15000000000000002; of 1.1, 2.2 and 3.3 it is 6.6 / 3,
// 2.1999999999999997, as in DuckDB). A sum beyond 2^53 units is carried on
// as a real. It runs as a window function too.

func init() {
	add(Func{Name: "decimal_avg", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &decimalAvg{} }})
}

type decimalAvg struct {
	units float64 // the sum in whole 10^-s
	n     int64
	scale float64 // 10^s
}

func (a *decimalAvg) add(arg []sqlite3.Value, sign float64) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if a.scale == 0 {
		s, _ := integer(arg[1])
		a.scale = math.Pow(10, float64(max(0, min(s, 17))))
	}
	a.units += sign * math.Round(arg[0].Float()*a.scale)
	a.n += int64(sign)
}

func (a *decimalAvg) Step(_ sqlite3.Context, arg ...sqlite3.Value)    { a.add(arg, 1) }
func (a *decimalAvg) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) { a.add(arg, -1) }

func (a *decimalAvg) Value(ctx sqlite3.Context) {
	if a.n == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(a.units / a.scale / float64(a.n))
}
