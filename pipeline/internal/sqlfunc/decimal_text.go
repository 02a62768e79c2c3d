package sqlfunc

import (
	"strconv"

	"github.com/ncruces/go-sqlite3"
)

// decimal_text(x, s): a Snowflake NUMBER(p, s) or a DuckDB DECIMAL(p, s)
// as the warehouse writes it as text, with all s digits after the point
// (10.50, not SQLite's 10.5). The translator calls it where the scale is
// known (a literal, a cast to number(p, s), DuckDB's arithmetic of those).

func init() {
	add(Func{Name: "decimal_text", NArgs: 2, Scalar: decimalText})
}

func decimalText(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	s, ok := integer(args[1])
	switch {
	case v.Type() == sqlite3.NULL:
		ctx.ResultNull()
	case !ok || s < 0 || s > 37 || v.Type() != sqlite3.INTEGER && v.Type() != sqlite3.FLOAT:
		ctx.ResultText(v.Text())
	default:
		ctx.ResultText(strconv.FormatFloat(v.Float(), 'f', int(s), 64))
	}
}
