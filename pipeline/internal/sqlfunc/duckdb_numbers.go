package sqlfunc

import (
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's FLOAT is 32 bits wide: to_float32(x) is x rounded to the
// nearest 32-bit float, held as SQLite's real. double_text(x) and
// float32_text(x) write a DOUBLE and a FLOAT as DuckDB casts them to
// VARCHAR: the shortest digits that read back as the same value, in
// exponent form below 1e-4 and from 1e16 (1e-05, 1e+16), with ".0" after a
// whole number (10.0).

func init() {
	add(
		Func{Name: "to_float32", NArgs: 1, Scalar: toFloat32},
		Func{Name: "double_text", NArgs: 1, Scalar: floatText(64)},
		Func{Name: "float32_text", NArgs: 1, Scalar: floatText(32)},
	)
}

func toFloat32(ctx sqlite3.Context, args ...sqlite3.Value) {
	switch args[0].Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER, sqlite3.FLOAT:
		ctx.ResultFloat(float64(float32(args[0].Float())))
	default:
		ctx.ResultValue(args[0])
	}
}

func floatText(bits int) func(ctx sqlite3.Context, args ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		switch args[0].Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
		case sqlite3.INTEGER, sqlite3.FLOAT:
			ctx.ResultText(duckFloatText(args[0].Float(), bits))
		default:
			ctx.ResultText(args[0].Text())
		}
	}
}

// duckFloatText writes f as DuckDB writes a DOUBLE (bits 64) or a FLOAT
// (bits 32).
func duckFloatText(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, bits)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if f != 0 && (exp < -4 || exp >= 16) {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, bits)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// DuckDB's isnan, isinf and isfinite. SQLite keeps no NaN (it reads one
// as NULL), so isnan of a number is false; an infinity is a real.
func init() {
	test := func(name string, f func(float64) bool) Func {
		return Func{Name: name, NArgs: 1, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
			if !nullCall(ctx, args) {
				ctx.ResultBool(f(args[0].Float()))
			}
		}}
	}
	add(test("is_nan_number", math.IsNaN),
		test("is_infinite_number", func(x float64) bool { return math.IsInf(x, 0) }),
		test("is_finite_number", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }))
	rename("is_nan_number", "isnan", "duckdb")
	rename("is_infinite_number", "isinf", "duckdb")
	rename("is_finite_number", "isfinite", "duckdb")
	// mean is DuckDB's avg
	rename("avg", "mean", "duckdb")
}
