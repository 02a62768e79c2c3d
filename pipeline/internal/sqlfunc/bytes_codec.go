package sqlfunc

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's TO_BASE64, FROM_BASE64, TO_BASE32, FROM_BASE32, FROM_HEX and
// SAFE_CONVERT_BYTES_TO_STRING. BYTES are SQLite blobs, as MD5 and SHA256
// give them; TO_HEX is hex_lower (strings.go).

func init() {
	add(Func{Name: "to_base64_bytes", NArgs: 1, Scalar: toBase64},
		Func{Name: "from_base64_bytes", NArgs: 1, Scalar: fromBase64},
		Func{Name: "from_hex_bytes", NArgs: 1, Scalar: fromHex},
		Func{Name: "to_base32", NArgs: 1, Scalar: toBase32},
		Func{Name: "from_base32", NArgs: 1, Scalar: fromBase32},
		Func{Name: "safe_convert_bytes_to_string", NArgs: 1, Scalar: safeConvertBytes})
	rename("to_base64_bytes", "to_base64", "bigquery")
	rename("from_base64_bytes", "from_base64", "bigquery")
	rename("from_hex_bytes", "from_hex", "bigquery")
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
