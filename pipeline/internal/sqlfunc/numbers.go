package sqlfunc

import (
	"encoding/json"
	"errors"
	"math"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's mathematical and bit functions SQLite lacks, PARSE_NUMERIC and
// ERROR: RANGE_BUCKET,
// BIT_COUNT, SAFE_ADD / SAFE_SUBTRACT / SAFE_MULTIPLY / SAFE_NEGATE (NULL
// where the result overflows), IS_INF, IS_NAN, CBRT, RAND, and the
// trigonometric COT, CSC, SEC and their hyperbolic forms.

func init() {
	add(crMath()...)
	add(
		Func{Name: "range_bucket", NArgs: 2, Scalar: rangeBucket},
		Func{Name: "bit_count", NArgs: 1, Scalar: bitCount},
		Func{Name: "safe_add", NArgs: 2, Scalar: safeArith(func(a, b int64) (int64, bool) {
			s := a + b
			return s, (s > a) == (b > 0)
		}, func(a, b float64) float64 { return a + b })},
		Func{Name: "safe_subtract", NArgs: 2, Scalar: safeArith(func(a, b int64) (int64, bool) {
			s := a - b
			return s, (s < a) == (b > 0)
		}, func(a, b float64) float64 { return a - b })},
		Func{Name: "safe_multiply", NArgs: 2, Scalar: safeArith(func(a, b int64) (int64, bool) {
			hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
			if hi != 0 || lo > math.MaxInt64 || a == math.MinInt64 || b == math.MinInt64 {
				return 0, a == 0 || b == 0
			}
			p := int64(lo)
			if (a < 0) != (b < 0) {
				p = -p
			}
			return p, true
		}, func(a, b float64) float64 { return a * b })},
		Func{Name: "safe_negate", NArgs: 1, Scalar: safeNegate},
		Func{Name: "is_inf", NArgs: 1, Scalar: floatTest(func(f float64) bool { return math.IsInf(f, 0) })},
		Func{Name: "is_nan", NArgs: 1, Scalar: floatTest(math.IsNaN)},
		Func{Name: "cbrt", NArgs: 1, Scalar: realFunc("CBRT", crCbrt)},
		Func{Name: "cot", NArgs: 1, Scalar: realFunc("COT", func(x float64) float64 { return 1 / crTan(x) })},
		Func{Name: "csc", NArgs: 1, Scalar: realFunc("CSC", func(x float64) float64 { return 1 / crSin(x) })},
		Func{Name: "sec", NArgs: 1, Scalar: realFunc("SEC", func(x float64) float64 { return 1 / crCos(x) })},
		Func{Name: "coth", NArgs: 1, Scalar: realFunc("COTH", func(x float64) float64 { return 1 / math.Tanh(x) })},
		Func{Name: "csch", NArgs: 1, Scalar: realFunc("CSCH", func(x float64) float64 { return 1 / math.Sinh(x) })},
		Func{Name: "sech", NArgs: 1, Scalar: realFunc("SECH", func(x float64) float64 { return 1 / math.Cosh(x) })},
		Func{Name: "parse_numeric", NArgs: 1, Scalar: parseNumeric("PARSE_NUMERIC")},
		Func{Name: "parse_bignumeric", NArgs: 1, Scalar: parseNumeric("PARSE_BIGNUMERIC")},
		Func{Name: "error_raised", NArgs: 1, Volatile: true, Scalar: errorRaised},
		Func{Name: "random_real", NArgs: 0, Volatile: true, Scalar: func(ctx sqlite3.Context, _ ...sqlite3.Value) { ctx.ResultFloat(rand.Float64()) }},
	)
	// RAND(): a FLOAT64 in [0, 1)
	rename("random_real", "rand", "bigquery")
	// ERROR(message): fails the query with the message (volatile, so that
	// SQLite does not compute it where the query does not reach it)
	rename("error_raised", "error", "bigquery")
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// rangeBucket is RANGE_BUCKET(point, boundaries): how many of the sorted
// boundaries are at or below point, the 0-based number of its range. An
// unsorted array or a NULL boundary fails.
func rangeBucket(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "RANGE_BUCKET"
	if nullCall(ctx, args) {
		return
	}
	point, ok := number(args[0])
	if !ok || args[0].Type() == sqlite3.TEXT {
		fail(ctx, fn, "the point must be a number, not %s", args[0].Text())
		return
	}
	items, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	n, prev := 0, math.Inf(-1)
	for i, it := range items {
		var f *float64
		if json.Unmarshal(it, &f) != nil || f == nil {
			fail(ctx, fn, "boundary %d is %s; the boundaries must be numbers, not NULL", i+1, it)
			return
		}
		if *f < prev {
			fail(ctx, fn, "the boundaries must be sorted in ascending order (%s)", truncate(args[1].Text()))
			return
		}
		prev = *f
		if *f <= point {
			n++
		}
	}
	ctx.ResultInt(n)
}

// bitCount is BIT_COUNT(x): the bits set in an INT64 (in two's complement,
// so -1 has 64) or in BYTES.
func bitCount(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	switch v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER:
		ctx.ResultInt(bits.OnesCount64(uint64(v.Int64())))
	case sqlite3.BLOB:
		n := 0
		for _, b := range v.RawBlob() {
			n += bits.OnesCount8(b)
		}
		ctx.ResultInt(n)
	default:
		if n, ok := integer(v); ok && v.Type() == sqlite3.FLOAT {
			ctx.ResultInt(bits.OnesCount64(uint64(n)))
			return
		}
		fail(ctx, "BIT_COUNT", "takes an INT64 or BYTES, not %s", v.Text())
	}
}

// safeArith is SAFE_ADD and its kin: whole numbers stay whole and give NULL
// on overflow; a real result that overflows to an infinity gives NULL.
func safeArith(ints func(a, b int64) (int64, bool), reals func(a, b float64) float64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		if args[0].Type() == sqlite3.INTEGER && args[1].Type() == sqlite3.INTEGER {
			if n, ok := ints(args[0].Int64(), args[1].Int64()); ok {
				ctx.ResultInt64(n)
			} else {
				ctx.ResultNull()
			}
			return
		}
		a, okA := number(args[0])
		b, okB := number(args[1])
		if !okA || !okB {
			ctx.ResultNull()
			return
		}
		r := reals(a, b)
		if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) || math.IsNaN(r) {
			ctx.ResultNull()
			return
		}
		ctx.ResultFloat(r)
	}
}

// safeNegate is SAFE_NEGATE(x): -x, NULL for the INT64 that has no
// negation.
func safeNegate(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	switch v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER:
		if n := v.Int64(); n != math.MinInt64 {
			ctx.ResultInt64(-n)
		} else {
			ctx.ResultNull()
		}
	default:
		if f, ok := number(v); ok {
			ctx.ResultFloat(-f)
		} else {
			ctx.ResultNull()
		}
	}
}

// floatTest is IS_INF or IS_NAN: a test of a FLOAT64; NULL for NULL.
func floatTest(test func(float64) bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		f, ok := number(args[0])
		if args[0].Type() == sqlite3.NULL || !ok {
			ctx.ResultNull()
			return
		}
		ctx.ResultBool(test(f))
	}
}

// realFunc applies f to a number; a result that is infinite or not a
// number for a finite argument (COT(0)) fails, as in BigQuery.
func realFunc(fn string, f func(float64) float64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		x, ok := number(args[0])
		if !ok {
			fail(ctx, fn, "takes a number, not %s", args[0].Text())
			return
		}
		r := f(x)
		if (math.IsInf(r, 0) || math.IsNaN(r)) && !math.IsInf(x, 0) {
			fail(ctx, fn, "is not defined at %s", bigQueryFloatText(x))
			return
		}
		ctx.ResultFloat(r)
	}
}

// parseNumeric is PARSE_NUMERIC(text) and PARSE_BIGNUMERIC: a decimal or
// exponent number, with white space and a sign allowed around it,
// rounded to 9 decimal places (NUMERIC's scale) halves away from zero; a
// NUMERIC is a real number here.
func parseNumeric(fn string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		s := strings.Join(strings.Fields(args[0].Text()), "")
		sign := ""
		if s != "" && (s[0] == '-' || s[0] == '+') {
			sign, s = s[:1], s[1:]
		} else if n := len(s); n > 0 && (s[n-1] == '-' || s[n-1] == '+') {
			sign, s = s[n-1:], s[:n-1] // a trailing sign: '1.5-'
		}
		if s == "" || strings.ContainsAny(s, "+-xXnNiI") && !strings.ContainsAny(s, "eE") || strings.ContainsAny(s, "xXnNiI_") {
			fail(ctx, fn, "%q is not a number", args[0].Text())
			return
		}
		f, err := strconv.ParseFloat(sign+s, 64)
		if err != nil {
			fail(ctx, fn, "%q is not a number", args[0].Text())
			return
		}
		scale := 1e9
		if fn == "PARSE_BIGNUMERIC" {
			scale = 1e38
		}
		if r := math.Round(f*scale) / scale; !math.IsInf(r, 0) && !math.IsNaN(r) && fn == "PARSE_NUMERIC" {
			f = r
		}
		ctx.ResultFloat(f)
	}
}

// errorRaised is ERROR(message).
func errorRaised(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		resultError(ctx, errors.New("ERROR: NULL"))
		return
	}
	resultError(ctx, errors.New(args[0].Text()))
}
