package sqlfunc

import (
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's BINARY values are SQLite blobs, as BigQuery's BYTES are:
// MD5_BINARY, SHA1_BINARY, SHA2_BINARY, TO_BINARY and the *_DECODE_BINARY
// functions give blobs, and HEX_ENCODE, BASE64_ENCODE and TO_VARCHAR read
// them back as text. Tables show a blob as its hex digits, the way
// Snowflake shows BINARY by default.

func init() {
	add(Func{Name: "md5_binary", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := md5.Sum(b); return s[:] })},
		Func{Name: "sha1_binary", NArgs: 1, Scalar: hashBytes(func(b []byte) []byte { s := sha1.Sum(b); return s[:] })},
		Func{Name: "sha2_binary", NArgs: -1, Scalar: sha2Binary},
		Func{Name: "to_binary_snowflake", NArgs: -1, Scalar: toBinary("TO_BINARY", false)},
		Func{Name: "try_to_binary_snowflake", NArgs: -1, Scalar: toBinary("TRY_TO_BINARY", true)},
		Func{Name: "hex_decode_binary", NArgs: 1, Scalar: decodeBinary("HEX_DECODE_BINARY", "HEX", false)},
		Func{Name: "try_hex_decode_binary", NArgs: 1, Scalar: decodeBinary("TRY_HEX_DECODE_BINARY", "HEX", true)},
		Func{Name: "base64_decode_binary", NArgs: 1, Scalar: decodeBinary("BASE64_DECODE_BINARY", "BASE64", false)},
		Func{Name: "try_base64_decode_binary", NArgs: 1, Scalar: decodeBinary("TRY_BASE64_DECODE_BINARY", "BASE64", true)},
		Func{Name: "hex_encode_cased", NArgs: -1, Scalar: hexEncodeCased})
	for _, n := range []string{"md5_binary", "sha1_binary", "sha2_binary", "hex_decode_binary", "try_hex_decode_binary",
		"base64_decode_binary", "try_base64_decode_binary"} {
		rename(n, n, "snowflake")
	}
	rename("to_binary_snowflake", "to_binary", "snowflake")
	rename("try_to_binary_snowflake", "try_to_binary", "snowflake")
	// HEX_ENCODE(x[, case]): upper case digits unless case is 0.
	rename("hex_encode_cased", "hex_encode", "snowflake")
}

func sha2Binary(ctx sqlite3.Context, args ...sqlite3.Value) {
	if sum, ok := sha2Sum(ctx, "SHA2_BINARY", args); ok {
		ctx.ResultBlob(sum)
	}
}

// binaryFormat reads a binary format name (HEX, BASE64, UTF-8), in any
// case, as Snowflake's TO_BINARY and TO_VARCHAR take it.
func binaryFormat(name string) (string, bool) {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "HEX":
		return "HEX", true
	case "BASE64":
		return "BASE64", true
	case "UTF-8", "UTF8":
		return "UTF-8", true
	}
	return "", false
}

// decodeBinary reads text written in format as the bytes it encodes.
func decodeBinaryText(s, format string) ([]byte, bool) {
	switch format {
	case "HEX":
		b, err := hex.DecodeString(s)
		return b, err == nil
	case "BASE64":
		b, err := decodeBase64(s)
		return b, err == nil
	}
	return []byte(s), true
}

// encodeBinary writes b as text in format; UTF-8 bytes that are not text
// do not encode.
func encodeBinary(b []byte, format string) (string, bool) {
	switch format {
	case "HEX":
		return strings.ToUpper(hex.EncodeToString(b)), true
	case "BASE64":
		return base64.StdEncoding.EncodeToString(b), true
	}
	return string(b), utf8.Valid(b)
}

// toBinary is TO_BINARY(s[, format]) and TRY_TO_BINARY: text read as HEX
// (the default), BASE64 or UTF-8 bytes; a blob stays as it is. A text
// that does not decode fails, or is NULL for the TRY_ form.
func toBinary(fn string, try bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !called(ctx, fn, args, 1, 2, "takes a string and an optional format (HEX, BASE64 or UTF-8)") {
			return
		}
		format := "HEX"
		if len(args) == 2 {
			f, ok := binaryFormat(args[1].Text())
			if !ok {
				fail(ctx, fn, "the format must be HEX, BASE64 or UTF-8, not %q", args[1].Text())
				return
			}
			format = f
		}
		if args[0].Type() == sqlite3.BLOB {
			ctx.ResultBlob(args[0].Blob(nil))
			return
		}
		resultDecoded(ctx, fn, args[0].Text(), format, try)
	}
}

// decodeBinary is HEX_DECODE_BINARY and BASE64_DECODE_BINARY (and their
// TRY_ forms): the bytes the text encodes.
func decodeBinary(fn, format string, try bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		resultDecoded(ctx, fn, args[0].Text(), format, try)
	}
}

// binaryText is TO_VARCHAR(binary[, format]): hex digits in upper case
// unless the format says BASE64 or UTF-8.
func binaryText(ctx sqlite3.Context, fn string, args []sqlite3.Value) {
	format := "HEX"
	if len(args) == 2 {
		f, ok := binaryFormat(args[1].Text())
		if !ok {
			fail(ctx, fn, "a binary value's format must be HEX, BASE64 or UTF-8, not %q", args[1].Text())
			return
		}
		format = f
	}
	s, ok := encodeBinary(args[0].RawBlob(), format)
	if !ok {
		fail(ctx, fn, "the bytes are not UTF-8 text")
		return
	}
	ctx.ResultText(s)
}

func hexEncodeCased(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "HEX_ENCODE"
	if !called(ctx, fn, args, 1, 2, "takes a value and an optional case (1 upper, 0 lower)") {
		return
	}
	s := hex.EncodeToString(input(args[0]))
	if len(args) == 2 {
		c, ok := integer(args[1])
		if !ok || c != 0 && c != 1 {
			fail(ctx, fn, "the case must be 1 (upper) or 0 (lower), not %s", args[1].Text())
			return
		}
		if c == 0 {
			ctx.ResultText(s)
			return
		}
	}
	ctx.ResultText(strings.ToUpper(s))
}

// resultDecoded answers the bytes text encodes in format; text that does
// not decode is NULL in a TRY_ form and an error otherwise.
func resultDecoded(ctx sqlite3.Context, fn, text, format string, try bool) {
	b, ok := decodeBinaryText(text, format)
	switch {
	case ok:
		ctx.ResultBlob(b)
	case try:
		ctx.ResultNull()
	default:
		fail(ctx, fn, "%q is not %s text", truncate(text), format)
	}
}
