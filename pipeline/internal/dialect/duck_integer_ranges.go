package dialect

import (
	"math"
	"strconv"
)

// DuckDB's TINYINT, SMALLINT, INTEGER and unsigned types are narrower than
// SQLite's 64-bit integers: a cast to one of them of a value beyond its
// bounds fails (3000000000::integer), and a TRY_CAST gives NULL, where
// SQLite would keep the value. integer_in_range (sqlfunc) checks the cast
// value against the bounds of the type written.

// duckIntegerRanges are those types' bounds, by the names a cast writes,
// and the name DuckDB gives the type.
var duckIntegerRanges = map[string]struct{ lo, hi, name string }{
	"tinyint": {"-128", "127", "TINYINT"}, "int1": {"-128", "127", "TINYINT"},
	"smallint": {"-32768", "32767", "SMALLINT"}, "int2": {"-32768", "32767", "SMALLINT"}, "short": {"-32768", "32767", "SMALLINT"},
	"int16":   {"-32768", "32767", "SMALLINT"},
	"integer": {"-2147483648", "2147483647", "INTEGER"}, "int": {"-2147483648", "2147483647", "INTEGER"},
	"int4": {"-2147483648", "2147483647", "INTEGER"}, "signed": {"-2147483648", "2147483647", "INTEGER"},
	"int32":    {"-2147483648", "2147483647", "INTEGER"},
	"utinyint": {"0", "255", "UTINYINT"}, "uint8": {"0", "255", "UTINYINT"},
	"usmallint": {"0", "65535", "USMALLINT"}, "uint16": {"0", "65535", "USMALLINT"},
	"uinteger": {"0", "4294967295", "UINTEGER"}, "uint32": {"0", "4294967295", "UINTEGER"},
	"ubigint": {"0", "9223372036854775807", "UBIGINT"}, "uint64": {"0", "9223372036854775807", "UBIGINT"},
	"uhugeint": {"0", "9223372036854775807", "UHUGEINT"}, "uint128": {"0", "9223372036854775807", "UHUGEINT"},
}

// integerInRange wraps the cast value text of typ in the check of its
// bounds where typ is one of DuckDB's narrow integer types; line is the
// cast's (a value beyond fails there), "" for TRY_CAST (it is NULL).
func integerInRange(d Dialect, typ sqlType, kind, text, line string) string {
	r, ok := duckIntegerRanges[typ.name]
	if !ok || d != DuckDB || typ.affinity != "INTEGER" || kind != "" || typ.boolean {
		return text
	}
	text = "integer_in_range(" + text + ", " + r.lo + ", " + r.hi + ", " + sqlString(r.name)
	if line != "" {
		text += ", " + line
	}
	return text + ")"
}

// duckIntegerWidths are the bits of DuckDB's signed integer types.
var duckIntegerWidths = map[string]int{"TINYINT": 8, "SMALLINT": 16, "INTEGER": 32, "BIGINT": 64, "HUGEINT": 128}

// duckIntegerWidth is the bits of x's DuckDB integer type where x shows
// it: a cast to one, an integer literal (an INTEGER when it fits in 32
// bits); 0 when it is not known here.
func (t *translator) duckIntegerWidth(x *node) int {
	x = unparen(x)
	switch x.kind {
	case nCast:
		typ, prob := typeOf(t.toks, x.y.start, x.y.end, castWord(x), x.tok)
		if prob != nil || typ.affinity != "INTEGER" || typ.boolean {
			return 0
		}
		if r, ok := duckIntegerRanges[typ.name]; ok {
			return duckIntegerWidths[r.name]
		}
		switch typ.name {
		case "bigint", "int8", "long", "int64":
			return 64
		case "hugeint", "int128":
			return 128
		}
	case nUnary:
		if x.name == "-" || x.name == "+" {
			return t.duckIntegerWidth(x.x)
		}
	case nLit:
		if n, err := strconv.ParseInt(t.toks[x.start].text, 10, 64); err == nil && x.start+1 == x.end {
			if n >= math.MinInt32 && n <= math.MaxInt32 {
				return 32
			}
			return 64
		}
	}
	return 0
}
