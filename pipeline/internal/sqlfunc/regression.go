package sqlfunc

import "github.com/ncruces/go-sqlite3"

// The linear regression aggregates of Snowflake (and standard SQL):
// REGR_SLOPE(y, x), REGR_INTERCEPT, REGR_R2, REGR_COUNT, REGR_AVGX,
// REGR_AVGY, REGR_SXX, REGR_SYY and REGR_SXY over the pairs where neither
// y nor x is NULL; NULL where the line is undefined (no pairs, or x never
// varies).

func init() {
	for _, fn := range []string{"slope", "intercept", "r2", "count", "avgx", "avgy", "sxx", "syy", "sxy"} {
		add(Func{Name: "regr_" + fn + "_of", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &regrAgg{fn: fn} }})
		rename("regr_"+fn+"_of", "regr_"+fn, "snowflake")
	}
}

// regrAgg keeps the (y, x) pairs as momentsAgg does: xs holds y, ys x.
type regrAgg struct {
	momentsAgg
	fn string
}

func (a *regrAgg) Value(ctx sqlite3.Context) {
	ys, xs := a.xs, a.ys
	n := float64(len(xs))
	if a.fn == "count" {
		ctx.ResultInt64(int64(n))
		return
	}
	if n == 0 {
		ctx.ResultNull()
		return
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx, my = mx/n, my/n
	var sxx, syy, sxy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	switch a.fn {
	case "avgx":
		ctx.ResultFloat(mx)
	case "avgy":
		ctx.ResultFloat(my)
	case "sxx":
		ctx.ResultFloat(sxx)
	case "syy":
		ctx.ResultFloat(syy)
	case "sxy":
		ctx.ResultFloat(sxy)
	case "slope", "intercept", "r2":
		switch {
		case sxx == 0:
			ctx.ResultNull()
		case a.fn == "slope":
			ctx.ResultFloat(sxy / sxx)
		case a.fn == "intercept":
			ctx.ResultFloat(my - sxy/sxx*mx)
		case syy == 0:
			ctx.ResultFloat(1)
		default:
			ctx.ResultFloat(sxy * sxy / (sxx * syy))
		}
	}
}
