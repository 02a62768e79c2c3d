package sqlfunc

import (
	"strconv"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's format_bytes(n) (formatReadableSize) and
// formatReadableDecimalSize(n): a number of bytes in KiB, MiB ... (powers
// of 1024) or kB, MB ... (powers of 1000), one digit after the point cut
// off, not rounded, as DuckDB writes it (1500000000 is 1.3 GiB); below
// one unit n bytes (1 byte). encode(s) is the text's bytes, decode(b) the
// bytes read as UTF-8 text, failing on bytes that are not. like_escape
// and ilike_escape are LIKE and ILIKE with an escape character
// (not_like_escape and not_ilike_escape their negations),
// editdist3 levenshtein.

func init() {
	add(Func{Name: "format_bytes_duckdb", NArgs: 1, Scalar: formatBytes(1024, []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"})},
		Func{Name: "format_decimal_bytes_duckdb", NArgs: 1, Scalar: formatBytes(1000, []string{"kB", "MB", "GB", "TB", "PB", "EB"})},
		Func{Name: "encode_duckdb", NArgs: 1, Scalar: encodeDuckDB},
		Func{Name: "decode_duckdb", NArgs: 1, Scalar: decodeDuckDB})
	rename("format_bytes_duckdb", "format_bytes", "duckdb")
	rename("format_bytes_duckdb", "formatreadablesize", "duckdb")
	rename("format_decimal_bytes_duckdb", "formatreadabledecimalsize", "duckdb")
	rename("encode_duckdb", "encode", "duckdb")
	rename("decode_duckdb", "decode", "duckdb")
	rename("like_case_sensitive", "like_escape", "duckdb")
	rename("like_ignoring_case", "ilike_escape", "duckdb")
	add(Func{Name: "not_like_escape_duckdb", NArgs: 3, Scalar: notLikeEscape(false)},
		Func{Name: "not_ilike_escape_duckdb", NArgs: 3, Scalar: notLikeEscape(true)})
	rename("not_like_escape_duckdb", "not_like_escape", "duckdb")
	rename("not_ilike_escape_duckdb", "not_ilike_escape", "duckdb")
	rename("edit_distance", "editdist3", "duckdb")
}

func formatBytes(unit int64, units []string) func(ctx sqlite3.Context, args ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		v := args[0]
		switch v.Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
			return
		case sqlite3.INTEGER:
		default:
			fail(ctx, "FORMAT_BYTES", "takes a BIGINT number of bytes, not %s", truncate(v.Text()))
			return
		}
		n := v.Int64()
		if n < unit {
			word := " bytes"
			if n == 1 || n == -1 {
				word = " byte"
			}
			ctx.ResultText(strconv.FormatInt(n, 10) + word)
			return
		}
		for i, u := range units {
			whole, rest := n/unit, n%unit
			if whole < unit || i == len(units)-1 {
				ctx.ResultText(strconv.FormatInt(whole, 10) + "." + strconv.FormatInt(rest/(unit/10), 10) + " " + u)
				return
			}
			n = whole
		}
	}
}

func encodeDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	ctx.ResultBlob(args[0].RawText())
}

func decodeDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	b := args[0].RawBlob()
	if !utf8.Valid(b) {
		fail(ctx, "DECODE", "the bytes are not valid UTF-8")
		return
	}
	ctx.ResultText(string(b))
}
