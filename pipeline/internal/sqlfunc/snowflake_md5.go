package sqlfunc

import (
	"crypto/md5"
	"math/big"
	"regexp"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's MD5_NUMBER_LOWER64 and MD5_NUMBER_UPPER64 read the lower and
// upper 64 bits of a message's MD5 digest as an unsigned integer, and
// MD5_NUMBER the whole digest as a signed 128-bit big-endian integer
// (their reference: MD5_NUMBER_UPPER64('Snowflake') is
// 17145559544104499780, MD5_NUMBER('Snowflake') is
// -24002618010294540563082926240470284066). Snowflake's NUMBER holds
// them exactly; a SQLite integer holds 64 signed bits, so a value beyond
// them is its exact decimal digits as text (a real would lose the last
// digits): written out, compared for equality and joined on, it is the
// warehouse's, and MOD of it (modulo) is exact. Arithmetic reads such
// text as a real, and a cast to NUMBER(38, 0) of it fails by name.

func init() {
	add(Func{Name: "md5_number_lower64", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int { return new(big.Int).SetBytes(d[8:]) })},
		Func{Name: "md5_number_upper64", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int { return new(big.Int).SetBytes(d[:8]) })},
		Func{Name: "md5_number", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int {
			n := new(big.Int).SetBytes(d[:])
			if d[0]&0x80 != 0 {
				n.Sub(n, new(big.Int).Lsh(big.NewInt(1), 128)) // two's complement
			}
			return n
		})})
	for _, n := range []string{"md5_number_lower64", "md5_number_upper64", "md5_number"} {
		rename(n, n, "snowflake")
	}
}

func md5Number(read func([16]byte) *big.Int) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		resultBigInt(ctx, read(md5.Sum(input(args[0]))))
	}
}

// resultBigInt gives n as an integer where it fits 64 signed bits, and
// else as its exact decimal digits.
func resultBigInt(ctx sqlite3.Context, n *big.Int) {
	if n.IsInt64() {
		ctx.ResultInt64(n.Int64())
		return
	}
	ctx.ResultText(n.String())
}

var bigIntegerText = regexp.MustCompile(`^-?[0-9]{19,}$`)

// bigInteger reads v where it is an integer: a SQLite integer, or the
// decimal digits of one beyond 64 bits (resultBigInt).
func bigInteger(v sqlite3.Value) (*big.Int, bool) {
	switch v.Type() {
	case sqlite3.INTEGER:
		return big.NewInt(v.Int64()), true
	case sqlite3.TEXT:
		if bigIntegerText.Match(v.RawText()) {
			return new(big.Int).SetString(v.Text(), 10)
		}
	}
	return nil, false
}
