package sqlfunc

import (
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's UUID: x::uuid reads text as DuckDB does, 32 hexadecimal digits
// in any case, hyphens anywhere among them, the whole optionally in
// braces, and gives the UUID's text, lower case and hyphenated
// (550e8400-e29b-41d4-a716-446655440000), which orders and compares as the
// UUIDs do. Other text, and a number, fails naming the line, as there;
// TRY_CAST gives NULL.
//
//	uuid_duckdb(x, line)   x::uuid
//	try_uuid_duckdb(x)     TRY_CAST(x AS UUID)
//
// uuid_extract_timestamp(u) is the time a version 7 UUID holds, its first
// 48 bits' milliseconds since 1970, a TIMESTAMPTZ; another version fails,
// as there.

func init() {
	add(Func{Name: "uuid_duckdb", NArgs: 2, Scalar: castUUID(false)},
		Func{Name: "try_uuid_duckdb", NArgs: 1, Scalar: castUUID(true)},
		Func{Name: "uuid_extract_timestamp_duck", NArgs: 1, Scalar: uuidExtractTimestamp})
	rename("uuid_extract_timestamp_duck", "uuid_extract_timestamp", "duckdb")
}

func castUUID(safe bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		v := args[0]
		if v.Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		u, ok := "", false
		if v.Type() == sqlite3.TEXT {
			u, ok = readUUID(v.Text())
		}
		switch {
		case ok:
			ctx.ResultText(u)
		case safe:
			ctx.ResultNull()
		case v.Type() != sqlite3.TEXT:
			lineError(ctx, args[1], "CAST of %s to UUID failed: DuckDB casts only text to a UUID", v.Text())
		default:
			lineError(ctx, args[1], "CAST of %q to UUID failed, as it fails on DuckDB: write 32 hexadecimal digits, 550e8400-e29b-41d4-a716-446655440000; use TRY_CAST to get NULL instead", v.Text())
		}
	}
}

// readUUID reads s as DuckDB's cast to UUID does and gives its text.
func readUUID(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "{"); ok {
		if s, ok = strings.CutSuffix(rest, "}"); !ok {
			return "", false
		}
	}
	var hex [32]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			continue
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f':
		case c >= 'A' && c <= 'F':
			c += 'a' - 'A'
		default:
			return "", false
		}
		if n == len(hex) {
			return "", false
		}
		hex[n] = c
		n++
	}
	if n != len(hex) {
		return "", false
	}
	h := string(hex[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:], true
}

func uuidExtractTimestamp(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "uuid_extract_timestamp"
	if nullCall(ctx, args) {
		return
	}
	u, ok := readUUID(args[0].Text())
	if !ok {
		fail(ctx, fn, "%q is not a UUID", truncate(args[0].Text()))
		return
	}
	if u[14] != '7' {
		fail(ctx, fn, "the UUID is of version %c, not version 7, as DuckDB says", u[14])
		return
	}
	ms, _ := strconv.ParseInt(u[:8]+u[9:13], 16, 64)
	resultTimestamp(ctx, time.UnixMilli(ms).UTC())
}
