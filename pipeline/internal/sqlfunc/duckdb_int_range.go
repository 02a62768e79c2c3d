package sqlfunc

import (
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
