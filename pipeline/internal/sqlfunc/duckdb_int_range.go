package sqlfunc

import (
	"math"

	"github.com/ncruces/go-sqlite3"
)

// integer_in_range(x, lo, hi, type[, line]): DuckDB's cast to one of its
// narrower integer types (TINYINT, SMALLINT, INTEGER and the unsigned
// ones): x, already cast to an integer, must lie in lo..hi. With a line, a
// value out of range fails as DuckDB's CAST fails ("out of range for the
// destination type INT32"); without one (TRY_CAST) it is NULL. SQLite's
// integers are all 64-bit, so 3000000000::integer would be kept.

func init() {
	add(Func{Name: "integer_in_range", NArgs: -1, Scalar: integerInRange})
	add(Func{Name: "integer_overflow", NArgs: 4, Scalar: integerOverflow})
	add(Func{Name: "substring_bound", NArgs: -1, Scalar: substringBound})
}

// substring_bound(x, what, line[, 0]): DuckDB's substring takes an
// offset and a length (what) within -4294967296..4294967295 and fails
// beyond, where SQLite's gives empty text; with a 0, only the upper bound
// holds (left's count, whose negative values take from the end). x is a
// BIGINT (a narrower type cannot leave them).
func substringBound(ctx sqlite3.Context, args ...sqlite3.Value) {
	x := args[0]
	if x.Type() != sqlite3.INTEGER || x.Int64() >= -1<<32 && x.Int64() < 1<<32 || x.Int64() < 0 && len(args) > 3 {
		ctx.ResultValue(x)
		return
	}
	bound := "> 4294967295"
	if x.Int64() < 0 {
		bound = "< -4294967296"
	}
	lineError(ctx, args[2], "Substring %s outside of supported range (%s): %d, which fails on DuckDB", args[1].Text(), bound, x.Int64())
}

// integer_overflow(x, bits, op, line): DuckDB's + - * of integers of a
// signed type of bits (8 to 64) keeps that type and fails where the
// result leaves it ("Overflow in multiplication of INT32"). x is SQLite's
// result: exact in 64 bits for narrower types, a real where 64 bits
// overflowed.
func integerOverflow(ctx sqlite3.Context, args ...sqlite3.Value) {
	x, bits := args[0], args[1].Int64()
	switch x.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
		return
	case sqlite3.INTEGER:
		if v := x.Int64(); bits >= 64 || v >= -(1<<(bits-1)) && v < 1<<(bits-1) {
			ctx.ResultValue(x)
			return
		}
	case sqlite3.FLOAT:
		// a real within the type's range is no overflow
		if v, lim := x.Float(), math.Ldexp(1, int(bits)-1); v >= -lim && v < lim {
			ctx.ResultValue(x)
			return
		}
	}
	lineError(ctx, args[3], "Overflow in %s of INT%d: the result %s does not fit in the operands' type, which fails on DuckDB; cast an operand to a wider type (x::bigint)",
		args[2].Text(), bits, x.Text())
}

func integerInRange(ctx sqlite3.Context, args ...sqlite3.Value) {
	if len(args) != 4 && len(args) != 5 {
		fail(ctx, "integer_in_range", "takes a value, its bounds, its type and a line")
		return
	}
	x := args[0]
	if x.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	lo, hi := args[1].Int64(), args[2].Int64()
	if x.Type() == sqlite3.INTEGER {
		if v := x.Int64(); v >= lo && v <= hi {
			ctx.ResultValue(x)
			return
		}
	}
	if len(args) == 4 {
		ctx.ResultNull()
		return
	}
	lineError(ctx, args[4], "CAST of %s to %s failed: out of range for the destination type, as it fails on DuckDB; cast to BIGINT, or use TRY_CAST to get NULL instead",
		x.Text(), args[3].Text())
}
