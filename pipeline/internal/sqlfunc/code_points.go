package sqlfunc

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's code point functions: TO_CODE_POINTS(string or bytes) and
// back, CODE_POINTS_TO_STRING and CODE_POINTS_TO_BYTES. The arrays are
// JSON arrays of integers.

func init() {
	add(
		Func{Name: "to_code_points", NArgs: 1, Scalar: toCodePoints},
		Func{Name: "code_points_to_string", NArgs: 1, Scalar: codePointsTo("CODE_POINTS_TO_STRING", false)},
		Func{Name: "code_points_to_bytes", NArgs: 1, Scalar: codePointsTo("CODE_POINTS_TO_BYTES", true)},
	)
}

// toCodePoints is TO_CODE_POINTS(x): the Unicode code points of a string,
// or the bytes of BYTES, as integers.
func toCodePoints(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	var points []json.RawMessage
	switch v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
		return
	case sqlite3.BLOB:
		for _, b := range v.RawBlob() {
			points = append(points, json.RawMessage(strconv.Itoa(int(b))))
		}
	default:
		for _, r := range v.Text() {
			points = append(points, json.RawMessage(strconv.Itoa(int(r))))
		}
	}
	resultArray(ctx, points)
	ctx.ResultSubtype(jsonSubtype)
}

// codePointsTo is CODE_POINTS_TO_STRING, or with bytes
// CODE_POINTS_TO_BYTES: the text (bytes) of an array of code points
// (bytes 0 to 255); a NULL element makes the result NULL, and a value
// that is no code point (no byte) fails.
func codePointsTo(fn string, asBytes bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		out := make([]byte, 0, len(items))
		for _, it := range items {
			if string(it) == "null" {
				ctx.ResultNull()
				return
			}
			n, err := strconv.ParseInt(string(it), 10, 64)
			switch {
			case err != nil:
				fail(ctx, fn, "%s is not an integer", it)
				return
			case asBytes && (n < 0 || n > 255):
				fail(ctx, fn, "%d is not a byte (0 to 255)", n)
				return
			case asBytes:
				out = append(out, byte(n))
			case n < 0 || n > utf8.MaxRune || !utf8.ValidRune(rune(n)):
				fail(ctx, fn, "%d is not a valid code point", n)
				return
			default:
				out = utf8.AppendRune(out, rune(n))
			}
		}
		if asBytes {
			ctx.ResultBlob(out)
			return
		}
		ctx.ResultRawText(out)
	}
}
