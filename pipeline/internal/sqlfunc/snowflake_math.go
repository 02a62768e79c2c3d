package sqlfunc

import (
	"math"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's WIDTH_BUCKET, UNIFORM, FACTORIAL, HAVERSINE, GETBIT,
// BIT_LENGTH, REGR_VALX and REGR_VALY (CBRT is numbers.go's cbrt).

func init() {
	add(Func{Name: "width_bucket_of", NArgs: 4, Scalar: widthBucket},
		Func{Name: "uniform_from", NArgs: 3, Scalar: uniformFrom},
		Func{Name: "factorial_of", NArgs: 1, Scalar: factorialOf},
		Func{Name: "haversine_km", NArgs: 4, Scalar: haversineKm})
	rename("width_bucket_of", "width_bucket", "snowflake")
	rename("uniform_from", "uniform", "snowflake")
	rename("factorial_of", "factorial", "snowflake")
	rename("haversine_km", "haversine", "snowflake")
	add(Func{Name: "bit_at", NArgs: 2, Scalar: bitAt},
		Func{Name: "bit_length_of", NArgs: 1, Scalar: bitLength},
		Func{Name: "regr_val_x", NArgs: 2, Scalar: regrVal(1)},
		Func{Name: "regr_val_y", NArgs: 2, Scalar: regrVal(0)})
	rename("bit_at", "getbit", "snowflake")
	rename("bit_length_of", "bit_length", "snowflake")
	rename("regr_val_x", "regr_valx", "snowflake")
	rename("regr_val_y", "regr_valy", "snowflake")
}

// bitAt is GETBIT(n, position): bit position of the whole number n,
// 0 the least significant, as 0 or 1; a position outside 0 to 63 fails.
func bitAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "GETBIT"
	if nullCall(ctx, args) {
		return
	}
	np, ok := integers(args)
	if !ok {
		fail(ctx, fn, "takes a whole number and a bit position (%s)", argList(args))
		return
	}
	n, pos := np[0], np[1]
	if pos < 0 || pos > 63 {
		fail(ctx, fn, "bit position %d is outside 0 to 63", pos)
		return
	}
	ctx.ResultInt64(n >> pos & 1)
}

// bitLength is BIT_LENGTH(s): the bits of a string's UTF-8 bytes or of a
// binary value.
func bitLength(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if args[0].Type() == sqlite3.BLOB {
		ctx.ResultInt64(int64(len(args[0].RawBlob())) * 8)
		return
	}
	ctx.ResultInt64(int64(len(args[0].RawText())) * 8)
}

// regrVal is REGR_VALX(y, x) (which 1: x) and REGR_VALY(y, x) (which 0: y):
// NULL when either is NULL, else that one, as the REGR_ aggregates pair
// their arguments.
func regrVal(which int) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		ctx.ResultValue(args[which])
	}
}

// widthBucket is WIDTH_BUCKET(x, min, max, n): which of n equal buckets
// from min to max holds x, 1 to n; 0 below the range and n + 1 at max or
// above it (min may be above max: the buckets then run downwards).
func widthBucket(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "WIDTH_BUCKET"
	if nullCall(ctx, args) {
		return
	}
	x, ok1 := number(args[0])
	lo, ok2 := number(args[1])
	hi, ok3 := number(args[2])
	n, ok4 := integer(args[3])
	if !ok1 || !ok2 || !ok3 || !ok4 {
		fail(ctx, fn, "takes three numbers and a whole number of buckets (%s)", argList(args))
		return
	}
	if n <= 0 || lo == hi {
		fail(ctx, fn, "the number of buckets must be positive and the bounds must differ (%s)", argList(args))
		return
	}
	if lo > hi {
		x, lo, hi = -x, -lo, -hi
	}
	switch {
	case x < lo:
		ctx.ResultInt64(0)
	case x >= hi:
		ctx.ResultInt64(n + 1)
	default:
		ctx.ResultInt64(min(int64(math.Floor((x-lo)/(hi-lo)*float64(n)))+1, n))
	}
}

// uniformFrom is UNIFORM(min, max, gen): a number from min to max, both
// included, drawn by gen: whole when min and max are whole, else a real.
// As in Snowflake the draw depends on gen alone, so a constant gen gives
// one value and RANDOM() a new one per row; the values differ from
// Snowflake's, whose generator is its own.
func uniformFrom(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "UNIFORM"
	if nullCall(ctx, args) {
		return
	}
	u := genFraction(args[2], 0)
	lo, ok1 := integer(args[0])
	hi, ok2 := integer(args[1])
	if ok1 && ok2 && args[0].Type() == sqlite3.INTEGER && args[1].Type() == sqlite3.INTEGER {
		if lo > hi {
			fail(ctx, fn, "min %d is above max %d", lo, hi)
			return
		}
		ctx.ResultInt64(lo + int64(u*float64(hi-lo+1)))
		return
	}
	a, ok1 := number(args[0])
	b, ok2 := number(args[1])
	if !ok1 || !ok2 || a > b {
		fail(ctx, fn, "takes a min and a max number, min not above max, and a generator such as RANDOM() (%s)", argList(args))
		return
	}
	ctx.ResultFloat(a + u*(b-a))
}

// factorialOf is FACTORIAL(n) for n from 0 to 33 (Snowflake's range): an
// integer up to 20!, a real beyond, where an integer cannot hold it.
func factorialOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	n, ok := integer(args[0])
	if !ok || n < 0 || n > 33 {
		fail(ctx, "FACTORIAL", "takes a whole number from 0 to 33, not %s", args[0].Text())
		return
	}
	if n <= 20 {
		f := int64(1)
		for i := int64(2); i <= n; i++ {
			f *= i
		}
		ctx.ResultInt64(f)
		return
	}
	f := 1.0
	for i := 2.0; i <= float64(n); i++ {
		f *= i
	}
	ctx.ResultFloat(f)
}

// haversineKm is HAVERSINE(lat1, lon1, lat2, lon2): the great-circle
// distance in kilometres between two points given in degrees, on a sphere
// of radius 6371 km.
func haversineKm(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	var d [4]float64
	for i, a := range args {
		f, ok := number(a)
		if !ok {
			fail(ctx, "HAVERSINE", "takes four numbers, not %s", argList(args))
			return
		}
		d[i] = f * math.Pi / 180
	}
	dLat, dLon := d[2]-d[0], d[3]-d[1]
	h := math.Pow(math.Sin(dLat/2), 2) + math.Cos(d[0])*math.Cos(d[2])*math.Pow(math.Sin(dLon/2), 2)
	ctx.ResultFloat(2 * 6371 * math.Asin(math.Sqrt(h)))
}
