package sqlfunc

import "github.com/ncruces/go-sqlite3"

// product_of(x): DuckDB's product, the DOUBLE product of the values that
// are not NULL, NULL when there are none. It runs as a window function too
// (its frame replayed: a factor of 0 cannot be divided out).

func init() {
	add(Func{Name: "product_of", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &product{} }})
	rename("product_of", "product", "duckdb")
}

type product struct {
	seen bool
	p    float64
}

func (a *product) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	if !a.seen {
		a.seen, a.p = true, 1
	}
	a.p *= arg[0].Float()
}

func (a *product) Value(ctx sqlite3.Context) {
	if !a.seen {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(a.p)
}
