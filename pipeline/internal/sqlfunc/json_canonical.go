package sqlfunc

import (
	"github.com/ncruces/go-sqlite3"
)

// A BigQuery JSON value keeps an object's members in no order of the
// query's: its documented examples show them sorted by key
// (JSON_OBJECT('foo', 10, 'bar', TRUE) is {"bar":true,"foo":10}, TO_JSON of
// a row too), and of a key given twice the first member is kept.
// json_canonical(x) writes JSON text so, at every depth, compact; a
// string stays a JSON string (unlike Snowflake's VARIANT, json_sorted.go).
// The translator wraps BigQuery's JSON-making expressions in it, so two
// objects with the same members print, compare and hash alike.

func init() {
	add(Func{Name: "json_canonical", NArgs: 1, Scalar: jsonCanonical})
}

func jsonCanonical(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() != sqlite3.TEXT {
		ctx.ResultValue(args[0])
		return
	}
	out, ok := sortedJSONOf(args[0].RawText(), true)
	if !ok {
		ctx.ResultValue(args[0]) // not JSON: the value as it is
		return
	}
	ctx.ResultRawText(out)
	ctx.ResultSubtype(jsonSubtype)
}
