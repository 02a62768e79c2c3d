package sqlfunc

import (
	"bytes"
	"math"

	"github.com/ncruces/go-sqlite3"
)

// Conditionals, NULL handling and arithmetic with the warehouses' rules.

func init() {
	add(
		Func{Name: "nvl2_of", NArgs: 3, Scalar: nvl2},
		Func{Name: "zero_if_null", NArgs: 1, Scalar: zeroIfNull},
		Func{Name: "null_if_zero", NArgs: 1, Scalar: nullIfZero},
		Func{Name: "safe_divide_real", NArgs: 2, Scalar: safeDivide},
		Func{Name: "div_truncated", NArgs: 2, Scalar: divTruncated},
		Func{Name: "div_or_zero", NArgs: 2, Scalar: divOrZero},
		Func{Name: "div_or_zero_if_null", NArgs: 2, Scalar: divOrZeroIfNull},
		Func{Name: "greatest_or_null", NArgs: -1, Scalar: extreme(1, false)},
		Func{Name: "least_or_null", NArgs: -1, Scalar: extreme(-1, false)},
		Func{Name: "greatest_ignore_nulls", NArgs: -1, Scalar: extreme(1, true)},
		Func{Name: "least_ignore_nulls", NArgs: -1, Scalar: extreme(-1, true)},
	)
	// IF and IFF are SQLite's iif; NVL is SQLite's ifnull.
	rename("iif", "if", "bigquery", "duckdb")
	rename("iif", "iff", "snowflake")
	rename("ifnull", "nvl", "snowflake")
	// nvl2_of(x, a, b): a when x is not NULL, else b.
	rename("nvl2_of", "nvl2", "snowflake")
	rename("zero_if_null", "zeroifnull", "snowflake")
	rename("null_if_zero", "nullifzero", "snowflake")
	// safe_divide_real(x, y): x / y as reals, NULL when y is 0.
	rename("safe_divide_real", "safe_divide", "bigquery")
	// div_truncated(x, y): integer division rounding toward zero; an error
	// when y is 0 (BigQuery's DIV).
	rename("div_truncated", "div", "bigquery")
	// div_or_zero(x, y): x / y as reals, 0 when y is 0 (Snowflake's DIV0);
	// div_or_zero_if_null also when y is NULL (DIV0NULL).
	rename("div_or_zero", "div0", "snowflake")
	rename("div_or_zero_if_null", "div0null", "snowflake")
	// GREATEST and LEAST: NULL when any argument is NULL in BigQuery and
	// Snowflake; DuckDB ignores NULLs.
	rename("greatest_or_null", "greatest", "bigquery", "snowflake")
	rename("least_or_null", "least", "bigquery", "snowflake")
	rename("greatest_ignore_nulls", "greatest", "duckdb")
	rename("least_ignore_nulls", "least", "duckdb")
}

func nvl2(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() != sqlite3.NULL {
		ctx.ResultValue(args[1])
	} else {
		ctx.ResultValue(args[2])
	}
}

func zeroIfNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultInt(0)
		return
	}
	ctx.ResultValue(args[0])
}

func nullIfZero(ctx sqlite3.Context, args ...sqlite3.Value) {
	if f, ok := number(args[0]); ok && f == 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(args[0])
}

func divide(ctx sqlite3.Context, fn string, args []sqlite3.Value, zero func()) {
	if nullCall(ctx, args) {
		return
	}
	x, ok1 := number(args[0])
	y, ok2 := number(args[1])
	if !ok1 || !ok2 {
		fail(ctx, fn, "divides numbers, not %s and %s", args[0].Text(), args[1].Text())
		return
	}
	if y == 0 {
		zero()
		return
	}
	ctx.ResultFloat(x / y)
}

func safeDivide(ctx sqlite3.Context, args ...sqlite3.Value) {
	divide(ctx, "SAFE_DIVIDE", args, ctx.ResultNull)
}

func divOrZero(ctx sqlite3.Context, args ...sqlite3.Value) {
	divide(ctx, "DIV0", args, func() { ctx.ResultInt(0) })
}

func divOrZeroIfNull(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[1].Type() == sqlite3.NULL && args[0].Type() != sqlite3.NULL {
		ctx.ResultInt(0)
		return
	}
	divide(ctx, "DIV0NULL", args, func() { ctx.ResultInt(0) })
}

func divTruncated(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, ok1 := integer(args[0])
	y, ok2 := integer(args[1])
	if !ok1 || !ok2 {
		fail(ctx, "DIV", "divides integers, not %s and %s", args[0].Text(), args[1].Text())
		return
	}
	if y == 0 {
		fail(ctx, "DIV", "division by zero: %d / 0", x)
		return
	}
	if x == math.MinInt64 && y == -1 {
		fail(ctx, "DIV", "integer overflow: %d / -1", x)
		return
	}
	ctx.ResultInt64(x / y)
}

// compare orders two non-NULL values as SQLite does: numbers by value,
// then text, then blobs, each by bytes.
func compare(a, b sqlite3.Value) int {
	ra, rb := rank(a), rank(b)
	if ra != rb {
		return ra - rb
	}
	switch ra {
	case 0:
		if a.Type() == sqlite3.INTEGER && b.Type() == sqlite3.INTEGER {
			x, y := a.Int64(), b.Int64()
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
		x, y := a.Float(), b.Float()
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	case 1:
		x, y := a.RawText(), b.RawText()
		if c, ok := compareTimestampTexts(x, y); ok {
			return c
		}
		return bytes.Compare(x, y)
	}
	return bytes.Compare(a.RawBlob(), b.RawBlob())
}

func rank(v sqlite3.Value) int {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return 0
	case sqlite3.TEXT:
		return 1
	}
	return 2
}

// extreme returns GREATEST (sign 1) or LEAST (sign -1); with skipNulls,
// NULL arguments are left out, else any NULL makes the result NULL.
func extreme(sign int, skipNulls bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		best := -1
		for i, a := range args {
			if a.Type() == sqlite3.NULL {
				if skipNulls {
					continue
				}
				ctx.ResultNull()
				return
			}
			if best < 0 || sign*compare(a, args[best]) > 0 {
				best = i
			}
		}
		if best < 0 {
			ctx.ResultNull()
			return
		}
		ctx.ResultValue(args[best])
	}
}
