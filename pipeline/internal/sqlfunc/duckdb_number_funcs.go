package sqlfunc

import (
	"encoding/hex"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's functions of numbers, each as DuckDB answers (checked on
// DuckDB, see testdata/conformance/duckdb.txt):
//
//	gamma(x), lgamma(x)        Γ(x) and log |Γ(x)|, DOUBLEs: +Inf at 0 and
//	                           beyond the largest double, NULL (DuckDB's
//	                           NaN) for gamma of a negative integer
//	julian(d)                  the Julian day of a date or timestamp, a
//	                           DOUBLE: the day's number (2024-01-01 is
//	                           2460311.0) plus the fraction of the day gone
//	bin(x), to_binary(x)       an integer's binary digits without leading
//	                           zeros (a negative one's 64 bits, as a
//	                           BIGINT's), a string's bytes' 8 each
//	hex(x), to_hex(x)          an integer's hex digits, upper case, without
//	                           leading zeros (a negative one's 64 bits, as
//	                           a BIGINT's), a string's or blob's bytes' two
//	                           each; SQLite's hex writes an integer's text
//	unbin(s), from_binary(s)   the bytes binary digits write, a BLOB (the
//	                           first byte takes the digits left over)
//	md5_number(s)              the MD5 digest of s read as a little-endian
//	                           unsigned 128-bit integer (UHUGEINT),
//	                           md5_number_lower(s) its first 8 bytes and
//	                           md5_number_upper(s) its last 8 (UBIGINTs); a
//	                           value beyond 64 signed bits is its exact
//	                           decimal digits as text (see snowflake_md5.go)
//	xor(a, b)                  the bitwise exclusive or of two integers
//	bit_count(x)               bit_count_duck(x, width, line): the bits set
//	                           in x; a negative integer's are those of its
//	                           type's width (-1 has 32 as an INTEGER, 64 as
//	                           a BIGINT), which the translator passes where
//	                           the SQL shows it (a cast, a literal); else a
//	                           negative one fails, asking for a cast
//	a << n, a >> n             shift_duck(a, n, op, line[, bits]): shifts
//	                           of the operands' type's bits (64, a
//	                           BIGINT's, unless given): << fails on a
//	                           negative a or n, on n of the bits or more
//	                           (but of 0) and where bits are lost; >> by a
//	                           negative n or one of the bits or more is 0,
//	                           where SQLite shifts the other way or gives -1
//	days_in_month(d)           the number of days of the month of a date or
//	                           timestamp
//	to_base(n, radix[, min])   n's digits in radix 2 to 36, upper case,
//	                           zero-padded to min (0 to 64) digits; n from 0
//	nextafter(x, y)            the next DOUBLE after x towards y

func init() {
	add(Func{Name: "gamma_duck", NArgs: 1, Scalar: doubleOf(math.Gamma)},
		Func{Name: "lgamma_duck", NArgs: 1, Scalar: doubleOf(func(x float64) float64 { r, _ := math.Lgamma(x); return r })},
		Func{Name: "julian_duck", NArgs: 1, Scalar: julianDay},
		Func{Name: "bin_duck", NArgs: 1, Scalar: binDigits},
		Func{Name: "unbin_duck", NArgs: 1, Scalar: unbinDigits},
		Func{Name: "hex_duck", NArgs: 1, Scalar: hexDigits},
		Func{Name: "xor_duck", NArgs: 2, Scalar: xorDuck},
		Func{Name: "shift_duck", NArgs: 4, Scalar: shiftDuck},
		Func{Name: "shift_duck", NArgs: 5, Scalar: shiftDuck},
		Func{Name: "bit_count_duck", NArgs: 3, Scalar: bitCountDuck},
		Func{Name: "days_in_month_duck", NArgs: 1, Scalar: daysInMonth},
		Func{Name: "to_base_duck", NArgs: -1, Scalar: toBase},
		Func{Name: "nextafter_duck", NArgs: 2, Scalar: nextAfter},
		Func{Name: "md5_number_duck", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int { return littleEndian(d[:]) })},
		Func{Name: "md5_number_lower_duck", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int { return littleEndian(d[8:]) })},
		Func{Name: "md5_number_upper_duck", NArgs: 1, Scalar: md5Number(func(d [16]byte) *big.Int { return littleEndian(d[:8]) })})
	rename("gamma_duck", "gamma", "duckdb")
	rename("lgamma_duck", "lgamma", "duckdb")
	rename("julian_duck", "julian", "duckdb")
	rename("bin_duck", "bin", "duckdb")
	rename("bin_duck", "to_binary", "duckdb")
	rename("unbin_duck", "unbin", "duckdb")
	rename("hex_duck", "hex", "duckdb")
	rename("hex_duck", "to_hex", "duckdb")
	rename("unbin_duck", "from_binary", "duckdb")
	rename("xor_duck", "xor", "duckdb")
	rename("days_in_month_duck", "days_in_month", "duckdb")
	rename("to_base_duck", "to_base", "duckdb")
	rename("nextafter_duck", "nextafter", "duckdb")
	rename("md5_number_duck", "md5_number", "duckdb")
	rename("md5_number_lower_duck", "md5_number_lower", "duckdb")
	rename("md5_number_upper_duck", "md5_number_upper", "duckdb")
	// pg_size_pretty is DuckDB's alias of format_bytes
	rename("format_bytes_duckdb", "pg_size_pretty", "duckdb")
}

// doubleOf is a DOUBLE function of one DOUBLE: NaN is NULL, as SQLite
// keeps no NaN.
func doubleOf(f func(float64) float64) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		r := f(args[0].Float())
		if math.IsNaN(r) {
			ctx.ResultNull()
			return
		}
		ctx.ResultFloat(r)
	}
}

// julianEpoch is the Julian day of 1970-01-01.
const julianEpoch = 2440588

func julianDay(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, "julian", args[0])
	if !ok {
		return
	}
	t := m.t
	y, mo, d := t.Date()
	gone := t.Sub(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)).Microseconds()
	ctx.ResultFloat(float64(civilDays(t)+julianEpoch) + float64(gone)/864e8)
}

func binDigits(ctx sqlite3.Context, args ...sqlite3.Value) {
	switch v := args[0]; v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER:
		ctx.ResultText(strconv.FormatUint(uint64(v.Int64()), 2))
	case sqlite3.FLOAT:
		fail(ctx, "bin", "takes an integer or a string, not the DOUBLE %s (cast it to BIGINT)", v.Text())
	default:
		b := v.RawBlob()
		if v.Type() == sqlite3.TEXT {
			b = v.RawText()
		}
		var s strings.Builder
		for _, c := range b {
			for i := 7; i >= 0; i-- {
				s.WriteByte('0' + c>>i&1)
			}
		}
		ctx.ResultText(s.String())
	}
}

func hexDigits(ctx sqlite3.Context, args ...sqlite3.Value) {
	switch v := args[0]; v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
	case sqlite3.INTEGER:
		ctx.ResultText(strings.ToUpper(strconv.FormatUint(uint64(v.Int64()), 16)))
	case sqlite3.FLOAT:
		fail(ctx, "hex", "takes an integer, a string or a blob, not the DOUBLE %s (cast it to BIGINT)", v.Text())
	default:
		b := v.RawBlob()
		if v.Type() == sqlite3.TEXT {
			b = v.RawText()
		}
		ctx.ResultText(strings.ToUpper(hex.EncodeToString(b)))
	}
}

func unbinDigits(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	out := make([]byte, 0, (len(s)+7)/8)
	first := len(s) % 8
	if first == 0 {
		first = 8
	}
	for i := 0; i < len(s); {
		n := 8
		if i == 0 {
			n = first
		}
		var c byte
		for _, d := range s[i : i+n] {
			if d != '0' && d != '1' {
				fail(ctx, "unbin", "%q is not binary digits: %q is neither 0 nor 1", truncate(s), d)
				return
			}
			c = c<<1 | byte(d-'0')
		}
		out = append(out, c)
		i += n
	}
	ctx.ResultBlob(out)
}

// littleEndian reads b as an unsigned little-endian integer.
func littleEndian(b []byte) *big.Int {
	r := make([]byte, len(b))
	for i, c := range b {
		r[len(b)-1-i] = c
	}
	return new(big.Int).SetBytes(r)
}

func xorDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if args[0].Type() != sqlite3.INTEGER || args[1].Type() != sqlite3.INTEGER {
		fail(ctx, "xor", "takes two integers, not %s and %s", truncate(args[0].Text()), truncate(args[1].Text()))
		return
	}
	ctx.ResultInt64(args[0].Int64() ^ args[1].Int64())
}

func bitCountDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	v, width, line := args[0], args[1].Int64(), args[2]
	if v.Type() != sqlite3.INTEGER || v.Int64() >= 0 {
		bitCount(ctx, v)
		return
	}
	switch x := uint64(v.Int64()); width {
	case 8, 16, 32, 64:
		ctx.ResultInt(bits.OnesCount64(x << (64 - width)))
	case 128:
		ctx.ResultInt(bits.OnesCount64(x) + 64)
	default:
		lineError(ctx, line, "bit_count of the negative %d counts the bits of its type's width on DuckDB (32 for an INTEGER, 64 for a BIGINT), which is not known here; cast it: bit_count(x::bigint)", v.Int64())
	}
}

func shiftDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	a, n, op, line := args[0], args[1], args[2].Text(), args[3]
	if a.Type() == sqlite3.NULL || n.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	if a.NumericType() != sqlite3.INTEGER || n.NumericType() != sqlite3.INTEGER {
		lineError(ctx, line, "%s takes integers on DuckDB, not %s and %s", op, truncate(a.Text()), truncate(n.Text()))
		return
	}
	x, k := a.Int64(), n.Int64()
	width := int64(64)
	if len(args) > 4 {
		width = args[4].Int64()
	}
	if op == ">>" {
		if k < 0 || k >= width {
			ctx.ResultInt64(0)
			return
		}
		ctx.ResultInt64(x >> k)
		return
	}
	switch {
	case x < 0:
		lineError(ctx, line, "cannot left-shift negative number %d, which fails on DuckDB", x)
	case k < 0:
		lineError(ctx, line, "cannot left-shift by negative number %d, which fails on DuckDB", k)
	case x == 0:
		ctx.ResultInt64(0)
	case k >= width:
		lineError(ctx, line, "left-shift value %d is out of range for INT%d, which fails on DuckDB", k, width)
	case x > math.MaxInt64>>(64-width+k):
		lineError(ctx, line, "overflow in left shift (%d << %d) of INT%d, which fails on DuckDB", x, k, width)
	default:
		ctx.ResultInt64(x << k)
	}
}

func daysInMonth(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	m, ok := momentArg(ctx, "days_in_month", args[0])
	if !ok {
		return
	}
	ctx.ResultInt(daysIn(m.t.Year(), m.t.Month()))
}

func toBase(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "to_base"
	if !called(ctx, fn, args, 2, 3, "takes a number, a radix and an optional minimum length") {
		return
	}
	for _, a := range args {
		if a.Type() != sqlite3.INTEGER {
			fail(ctx, fn, "takes integers, not %s", truncate(a.Text()))
			return
		}
	}
	n, radix := args[0].Int64(), args[1].Int64()
	switch {
	case n < 0:
		fail(ctx, fn, "number must be greater than or equal to 0, as in DuckDB")
		return
	case radix < 2 || radix > 36:
		fail(ctx, fn, "radix must be between 2 and 36, as in DuckDB")
		return
	}
	s := strings.ToUpper(strconv.FormatInt(n, int(radix)))
	if len(args) == 3 {
		width := args[2].Int64()
		if width < 0 || width > 64 {
			fail(ctx, fn, "min_length must be between 0 and 64, as in DuckDB")
			return
		}
		if pad := int(width) - len(s); pad > 0 {
			s = strings.Repeat("0", pad) + s
		}
	}
	ctx.ResultText(s)
}

func nextAfter(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultFloat(math.Nextafter(args[0].Float(), args[1].Float()))
}
