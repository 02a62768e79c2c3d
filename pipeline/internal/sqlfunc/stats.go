package sqlfunc

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/ncruces/go-sqlite3"
)

// Statistical aggregates SQLite lacks: standard deviations, variances,
// covariances and correlation (NULLs and, for two arguments, pairs with a
// NULL left out), discrete percentiles and BigQuery's APPROX_QUANTILES,
// computed exactly.

func init() {
	moments := func(kind int) sqlite3.AggregateConstructor {
		return func() sqlite3.AggregateFunction { return &momentsAgg{kind: kind} }
	}
	// DuckDB's standard deviations and variances update the mean row by
	// row (Welford's method); its last digit differs from two passes.
	streamed := func(kind int) sqlite3.AggregateConstructor {
		return func() sqlite3.AggregateFunction { return &momentsAgg{kind: kind, streamed: true} }
	}
	add(
		Func{Name: "stddev_samp_of", NArgs: 1, Window: moments(statStddevSamp)},
		Func{Name: "stddev_pop_of", NArgs: 1, Window: moments(statStddevPop)},
		Func{Name: "var_samp_of", NArgs: 1, Window: moments(statVarSamp)},
		Func{Name: "var_pop_of", NArgs: 1, Window: moments(statVarPop)},
		Func{Name: "stddev_samp_rows", NArgs: 1, Window: streamed(statStddevSamp)},
		Func{Name: "stddev_pop_rows", NArgs: 1, Window: streamed(statStddevPop)},
		Func{Name: "var_samp_rows", NArgs: 1, Window: streamed(statVarSamp)},
		Func{Name: "var_pop_rows", NArgs: 1, Window: streamed(statVarPop)},
		Func{Name: "covar_samp_of", NArgs: 2, Window: moments(statCovarSamp)},
		Func{Name: "covar_pop_of", NArgs: 2, Window: moments(statCovarPop)},
		Func{Name: "corr_of", NArgs: 2, Window: moments(statCorr)},
		Func{Name: "quantile_disc_of", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &discAgg{} }},
		Func{Name: "approx_quantiles_of", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &discAgg{all: true} }},
	)
	for _, d := range []string{"bigquery", "snowflake"} {
		rename("stddev_samp_of", "stddev", d)
		rename("stddev_samp_of", "stddev_samp", d)
		rename("stddev_pop_of", "stddev_pop", d)
		rename("var_samp_of", "variance", d)
		rename("var_samp_of", "var_samp", d)
		rename("var_pop_of", "var_pop", d)
		rename("covar_samp_of", "covar_samp", d)
		rename("covar_pop_of", "covar_pop", d)
		rename("corr_of", "corr", d)
	}
	rename("var_samp_of", "variance_samp", "snowflake")
	rename("var_pop_of", "variance_pop", "snowflake")
	// BigQuery's PERCENTILE_CONT(x, q) and PERCENTILE_DISC(x, q) OVER (...)
	rename("quantile_cont_of", "percentile_cont", "bigquery")
	rename("quantile_disc_of", "percentile_disc", "bigquery")
	rename("approx_quantiles_of", "approx_quantiles", "bigquery")
	// DuckDB's quantile_disc(x, q) and quantile(x, q), the same value
	rename("quantile_disc_of", "quantile_disc", "duckdb")
	rename("quantile_disc_of", "quantile", "duckdb")
	rename("value_at_max", "max_by", "bigquery")
	rename("value_at_min", "min_by", "bigquery")
}

const (
	statStddevSamp = iota
	statStddevPop
	statVarSamp
	statVarPop
	statCovarSamp
	statCovarPop
	statCorr
)

// momentsAgg keeps the values (pairs for two arguments) of the group.
type momentsAgg struct {
	kind     int
	xs, ys   []float64
	streamed bool // one pass over the rows in order, as DuckDB computes
}

func (a *momentsAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if anyNull(arg) {
		return
	}
	x, ok := number(arg[0])
	if !ok {
		resultError(ctx, fmt.Errorf("%q is not a number", arg[0].Text()))
		return
	}
	a.xs = append(a.xs, x)
	if len(arg) == 2 {
		y, ok := number(arg[1])
		if !ok {
			resultError(ctx, fmt.Errorf("%q is not a number", arg[1].Text()))
			return
		}
		a.ys = append(a.ys, y)
	}
}

// Inverse drops the oldest row of a sliding window frame, which Step read
// first.
func (a *momentsAgg) Inverse(_ sqlite3.Context, arg ...sqlite3.Value) {
	if anyNull(arg) || len(a.xs) == 0 {
		return
	}
	a.xs = a.xs[1:]
	if len(a.ys) > 0 {
		a.ys = a.ys[1:]
	}
}

func (a *momentsAgg) Value(ctx sqlite3.Context) {
	n := float64(len(a.xs))
	samp := a.kind == statStddevSamp || a.kind == statVarSamp || a.kind == statCovarSamp
	if n == 0 || samp && n < 2 {
		ctx.ResultNull()
		return
	}
	mean := func(vs []float64) float64 {
		s := 0.0
		for _, v := range vs {
			s += v
		}
		return s / n
	}
	// sums of products of the deviations from the means
	co := func(us, vs []float64) float64 {
		mu, mv := mean(us), mean(vs)
		s := 0.0
		for i := range us {
			s += (us[i] - mu) * (vs[i] - mv)
		}
		return s
	}
	div := n
	if samp {
		div = n - 1
	}
	if a.streamed {
		m2 := welfordSquares(a.xs)
		if a.kind == statStddevSamp || a.kind == statStddevPop {
			ctx.ResultFloat(math.Sqrt(m2 / div))
		} else {
			ctx.ResultFloat(m2 / div)
		}
		return
	}
	switch a.kind {
	case statStddevSamp, statStddevPop:
		ctx.ResultFloat(math.Sqrt(co(a.xs, a.xs) / div))
	case statVarSamp, statVarPop:
		ctx.ResultFloat(co(a.xs, a.xs) / div)
	case statCovarSamp, statCovarPop:
		ctx.ResultFloat(co(a.xs, a.ys) / div)
	case statCorr:
		sx, sy := co(a.xs, a.xs), co(a.ys, a.ys)
		if n < 2 || sx == 0 || sy == 0 {
			ctx.ResultNull()
			return
		}
		ctx.ResultFloat(co(a.xs, a.ys) / math.Sqrt(sx*sy))
	}
}

// welfordSquares is the sum of squared deviations from the mean of xs,
// the mean updated one value at a time.
func welfordSquares(xs []float64) float64 {
	mean, m2 := 0.0, 0.0
	for i, x := range xs {
		d := x - mean
		mean += d / float64(i+1)
		m2 += (x - mean) * d
	}
	return m2
}

// discAgg keeps the values of the group for PERCENTILE_DISC(x, q) (the
// first value, in order, whose cumulative share of the rows reaches q) or,
// with all, APPROX_QUANTILES(x, n): the n + 1 values at 0, 1/n ... 1, as a
// JSON array. NULLs are left out; values compare as SQLite orders them.
type discAgg struct {
	all  bool
	q    float64
	n    int64
	read bool
	vs   []*sqlite3.Value
}

func (a *discAgg) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if !a.read {
		if a.all {
			n, ok := integer(arg[1])
			if !ok || n < 1 || n > 100000 {
				resultError(ctx, fmt.Errorf("APPROX_QUANTILES: the number of quantiles must be a whole number from 1, not %s", arg[1].Text()))
				return
			}
			a.n = n
		} else {
			q, ok := number(arg[1])
			if !ok || q < 0 || q > 1 {
				resultError(ctx, fmt.Errorf("PERCENTILE_DISC: the percentile must be between 0 and 1, not %s", arg[1].Text()))
				return
			}
			a.q = q
		}
		a.read = true
	}
	if arg[0].Type() != sqlite3.NULL {
		a.vs = append(a.vs, arg[0].Dup())
	}
}

func (a *discAgg) Value(ctx sqlite3.Context) {
	vs := slices.Clone(a.vs)
	slices.SortStableFunc(vs, func(x, y *sqlite3.Value) int { return compare(*x, *y) })
	at := func(q float64) sqlite3.Value {
		i := int(math.Ceil(q*float64(len(vs))-1e-9)) - 1
		return *vs[min(max(i, 0), len(vs)-1)]
	}
	if !a.all {
		if len(vs) == 0 {
			ctx.ResultNull()
			return
		}
		ctx.ResultValue(at(a.q))
		return
	}
	if len(vs) == 0 {
		ctx.ResultNull()
		return
	}
	items := make([]json.RawMessage, 0, a.n+1)
	for i := int64(0); i <= a.n; i++ {
		items = append(items, jsonOfValue(at(float64(i)/float64(a.n))))
	}
	resultArray(ctx, items)
}

func (a *discAgg) Close() error {
	for _, v := range a.vs {
		v.Close()
	}
	a.vs = nil
	return nil
}

// jsonOfValue is a SQL value as a JSON array element.
func jsonOfValue(v sqlite3.Value) json.RawMessage {
	switch v.Type() {
	case sqlite3.INTEGER:
		return json.RawMessage(fmt.Sprint(v.Int64()))
	case sqlite3.FLOAT:
		b, err := json.Marshal(v.Float())
		if err != nil {
			return json.RawMessage("null")
		}
		return b
	case sqlite3.NULL:
		return json.RawMessage("null")
	}
	b, _ := json.Marshal(v.Text())
	return b
}
