package sqlfunc

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's TO_BASE64, FROM_BASE64, TO_BASE32, FROM_BASE32, FROM_HEX and
// SAFE_CONVERT_BYTES_TO_STRING. BYTES are SQLite blobs, as MD5 and SHA256
// give them; TO_HEX is hex_lower (strings.go). Snowflake's BASE64_ENCODE,
// BASE64_DECODE_STRING and HEX_DECODE_STRING (and their TRY_ forms) work
// on text.

func init() {
	add(Func{Name: "to_base64_bytes", NArgs: 1, Scalar: toBase64},
		Func{Name: "from_base64_bytes", NArgs: 1, Scalar: fromBase64},
		Func{Name: "from_hex_bytes", NArgs: 1, Scalar: fromHex},
		Func{Name: "to_base32", NArgs: 1, Scalar: toBase32},
		Func{Name: "from_base32", NArgs: 1, Scalar: fromBase32},
		Func{Name: "safe_convert_bytes_to_string", NArgs: 1, Scalar: safeConvertBytes})
	rename("to_base64_bytes", "to_base64", "bigquery", "duckdb")
	rename("to_base64_bytes", "base64", "duckdb")
	rename("from_base64_bytes", "from_base64", "bigquery", "duckdb")
	rename("from_hex_bytes", "from_hex", "bigquery")
	add(Func{Name: "base64_decode_text", NArgs: 1, Scalar: decodeText("BASE64_DECODE_STRING", decodeBase64, false)},
		Func{Name: "try_base64_decode_text", NArgs: 1, Scalar: decodeText("TRY_BASE64_DECODE_STRING", decodeBase64, true)},
		Func{Name: "hex_decode_text", NArgs: 1, Scalar: decodeText("HEX_DECODE_STRING", hex.DecodeString, false)},
		Func{Name: "try_hex_decode_text", NArgs: 1, Scalar: decodeText("TRY_HEX_DECODE_STRING", hex.DecodeString, true)})
	rename("to_base64_bytes", "base64_encode", "snowflake")
	rename("base64_decode_text", "base64_decode_string", "snowflake")
	rename("try_base64_decode_text", "try_base64_decode_string", "snowflake")
	rename("hex_decode_text", "hex_decode_string", "snowflake")
	rename("try_hex_decode_text", "try_hex_decode_string", "snowflake")
}

// decodeBase64 reads base64 with or without its = padding, white space
// skipped.
func decodeBase64(s string) ([]byte, error) {
	s = strings.Join(strings.Fields(s), "")
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	return base64.RawStdEncoding.DecodeString(s)
}

// decodeText decodes text to the text it encodes, failing (or NULL for a
// TRY_ form) on text that is not so encoded or does not decode to UTF-8.
func decodeText(fn string, decode func(string) ([]byte, error), null bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		b, err := decode(args[0].Text())
		switch {
		case err == nil && utf8.Valid(b):
			ctx.ResultText(string(b))
		case null:
			ctx.ResultNull()
		default:
			fail(ctx, fn, "%q does not decode to text", truncate(args[0].Text()))
		}
	}
}

func toBase64(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultText(base64.StdEncoding.EncodeToString(input(args[0])))
}

// fromBase64 reads the standard alphabet with its = padding; white space is
// skipped.
func fromBase64(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := strings.Join(strings.Fields(args[0].Text()), "")
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		fail(ctx, "FROM_BASE64", "%q is not base64 text", truncate(args[0].Text()))
		return
	}
	ctx.ResultBlob(b)
}

// fromHex reads hex digits in either case; an odd count reads as if a 0
// came first.
func fromHex(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	if len(s)%2 == 1 {
		s = "0" + s
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		fail(ctx, "FROM_HEX", "%q is not hex text", truncate(args[0].Text()))
		return
	}
	ctx.ResultBlob(b)
}

func toBase32(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultText(base32.StdEncoding.EncodeToString(input(args[0])))
}

// fromBase32 reads RFC 4648 base32 with its = padding; white space is
// skipped.
func fromBase32(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := strings.Join(strings.Fields(args[0].Text()), "")
	b, err := base32.StdEncoding.DecodeString(s)
	if err != nil {
		fail(ctx, "FROM_BASE32", "%q is not base32 text", truncate(args[0].Text()))
		return
	}
	ctx.ResultBlob(b)
}

// safeConvertBytes is SAFE_CONVERT_BYTES_TO_STRING(bytes): the bytes as
// UTF-8 text, each invalid sequence replaced by U+FFFD.
func safeConvertBytes(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultText(strings.ToValidUTF8(string(input(args[0])), "\uFFFD"))
}
