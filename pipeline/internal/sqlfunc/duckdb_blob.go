package sqlfunc

import (
	"fmt"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's cast of a string to a BLOB ('\xAA\x01'::BLOB): each \xHH escape
// is the byte of its two hex digits (either case), each other ASCII
// character its own byte; a backslash not starting such an escape and a
// character outside ASCII fail, as there (TRY_CAST gives NULL). A BLOB is
// kept as it is.
//
//	blob_duckdb(x), try_blob_duckdb(x)

func init() {
	add(Func{Name: "blob_duckdb", NArgs: 1, Scalar: blobDuckDB(false)},
		Func{Name: "try_blob_duckdb", NArgs: 1, Scalar: blobDuckDB(true)})
}

func blobDuckDB(try bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		switch args[0].Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
			return
		case sqlite3.BLOB:
			ctx.ResultBlob(args[0].Blob(nil))
			return
		}
		b, err := duckBlob(args[0].Text())
		switch {
		case err == nil:
			ctx.ResultBlob(b)
		case try:
			ctx.ResultNull()
		default:
			fail(ctx, "CAST", "%v", err)
		}
	}
}

// duckBlob reads s as DuckDB reads a string cast to a BLOB.
func duckBlob(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return nil, fmt.Errorf("invalid byte in the string -> BLOB conversion of %q: characters outside ASCII must be escaped with hex codes (\\xAA)", s)
		case c != '\\':
			out = append(out, c)
			continue
		}
		if i+3 >= len(s) {
			return nil, fmt.Errorf("invalid hex escape in the string -> BLOB conversion of %q: unterminated escape code at its end", s)
		}
		if s[i+1] != 'x' {
			return nil, fmt.Errorf("invalid hex escape in the string -> BLOB conversion of %q: a backslash must start \\x and two hex digits", s)
		}
		hi, ok1 := hexDigit(s[i+2])
		lo, ok2 := hexDigit(s[i+3])
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("invalid hex escape in the string -> BLOB conversion of %q: %s", s, s[i:i+4])
		}
		out = append(out, hi<<4|lo)
		i += 3
	}
	return out, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
