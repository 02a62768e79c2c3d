package sqlfunc

import (
	"math"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's SKEW and KURTOSIS: the sample skewness and sample excess
// kurtosis of a group's numbers (the adjusted estimators, as spreadsheets'
// SKEW and KURT compute them), NULLs left out; NULL for fewer than 3 (4)
// values or when they are all equal.

func init() {
	add(Func{Name: "sample_skewness", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &shapeAgg{kurtosis: false} }},
		Func{Name: "sample_kurtosis", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &shapeAgg{kurtosis: true} }})
	rename("sample_skewness", "skew", "snowflake")
	rename("sample_kurtosis", "kurtosis", "snowflake")
}

type shapeAgg struct {
	kurtosis bool
	pop      bool // DuckDB's kurtosis_pop: the population excess kurtosis
	xs       []float64
	err      error
}

func (a *shapeAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL || a.err != nil {
		return
	}
	x, ok := number(arg[0])
	if !ok {
		a.err = errorString(map[bool]string{false: "SKEW", true: "KURTOSIS"}[a.kurtosis] + ": " + arg[0].Text() + " is not a number")
		return
	}
	a.xs = append(a.xs, x)
}

func (a *shapeAgg) Value(ctx sqlite3.Context) {
	if a.err != nil {
		resultError(ctx, a.err)
		return
	}
	n := float64(len(a.xs))
	if a.pop && n < 1 || !a.pop && (a.kurtosis && n < 4 || n < 3) {
		ctx.ResultNull()
		return
	}
	mean := 0.0
	for _, x := range a.xs {
		mean += x
	}
	mean /= n
	var m2, m3, m4 float64
	for _, x := range a.xs {
		d := x - mean
		m2 += d * d
		m3 += d * d * d
		m4 += d * d * d * d
	}
	if m2 == 0 {
		ctx.ResultNull()
		return
	}
	if a.pop {
		v := m2 / n
		ctx.ResultFloat(m4/n/(v*v) - 3)
		return
	}
	s2 := m2 / (n - 1) // the sample variance
	if a.kurtosis {
		k := n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * m4 / (s2 * s2)
		ctx.ResultFloat(k - 3*(n-1)*(n-1)/((n-2)*(n-3)))
		return
	}
	ctx.ResultFloat(n / ((n - 1) * (n - 2)) * m3 / math.Pow(s2, 1.5))
}
