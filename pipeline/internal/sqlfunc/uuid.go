package sqlfunc

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Random UUIDs: BigQuery's GENERATE_UUID, Snowflake's UUID_STRING, DuckDB's
// uuid and gen_random_uuid (version 4, lower-case text); Snowflake's
// UUID_STRING(namespace, name) is the version 5 UUID of name in namespace.

func init() {
	add(Func{Name: "uuid_text", NArgs: -1, Scalar: uuidText, Volatile: true})
	rename("uuid_text", "generate_uuid", "bigquery")
	rename("uuid_text", "uuid_string", "snowflake")
	rename("uuid_text", "uuid", "duckdb")
	rename("uuid_text", "gen_random_uuid", "duckdb")
}

func uuidText(ctx sqlite3.Context, args ...sqlite3.Value) {
	var b [16]byte
	switch len(args) {
	case 0:
		if _, err := rand.Read(b[:]); err != nil {
			fail(ctx, "UUID", "%v", err)
			return
		}
		b[6] = b[6]&0x0f | 0x40
	case 2:
		if nullCall(ctx, args) {
			return
		}
		ns, err := hex.DecodeString(strings.ReplaceAll(args[0].Text(), "-", ""))
		if err != nil || len(ns) != 16 {
			fail(ctx, "UUID_STRING", "%q is not a UUID to use as the namespace", args[0].Text())
			return
		}
		h := sha1.New()
		h.Write(ns)
		h.Write([]byte(args[1].Text()))
		copy(b[:], h.Sum(nil))
		b[6] = b[6]&0x0f | 0x50
	default:
		fail(ctx, "UUID", "takes no argument, or a namespace UUID and a name")
		return
	}
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b[:])
	ctx.ResultText(x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:])
}
