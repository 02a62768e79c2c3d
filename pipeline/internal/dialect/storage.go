package dialect

import (
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Storage says where a column type a project declares (seeds'
// column_types, written in the warehouse's SQL) goes on SQLite: TEXT,
// INTEGER, REAL or BLOB, and whether its values are booleans. A NUMBER,
// NUMERIC or DECIMAL with scale 0 (Snowflake's NUMBER is NUMBER(38,0)) holds
// integers. ok is false for a type SQLite has no storage for.
func Storage(typeName string) (affinity string, boolean, ok bool) {
	s := strings.ToLower(strings.TrimSpace(typeName))
	word, args := s, ""
	if i := strings.IndexAny(s, "( "); i >= 0 {
		word, args = s[:i], s[i:]
	}
	t, known := typeNames[word]
	if !known {
		return "", false, false
	}
	switch word {
	case "number", "numeric", "decimal":
		if scaleZero(word, args) {
			return "INTEGER", false, true
		}
	}
	if t.fn != "" { // date, json: text on SQLite
		return "TEXT", false, true
	}
	return t.affinity, t.boolean, true
}

// StorageInterval tells whether a declared column type is an INTERVAL that
// dialect d has (DuckDB's and BigQuery's; Snowflake has no INTERVAL
// column): its cells are stored as the dialect writes an interval, TEXT.
func StorageInterval(d Dialect, typeName string) bool {
	return (d == DuckDB || d == BigQuery) && strings.EqualFold(strings.TrimSpace(typeName), "interval")
}

// StorageTimestamp is the kind of timestamp (sqlfunc.KindInstant or
// KindWallClock) a declared column type holds in dialect d, "" when it is
// not a timestamp type or d is SQLite, whose timestamps stay as written: a
// warehouse loads such a column as timestamps, so its cells are stored in
// the one form of timestamps, as literals and casts write them.
func StorageTimestamp(d Dialect, typeName string) string {
	if d == SQLite {
		return ""
	}
	s := strings.ToLower(strings.TrimSpace(typeName))
	word := s
	if i := strings.IndexAny(s, "( "); i >= 0 {
		word = s[:i]
	}
	if word == "timestamp" && strings.Contains(s, " with time zone") {
		return sqlfunc.KindInstant
	}
	return timestampKind(d, word)
}

// StorageKeepsOffset tells whether a declared column type keeps the offset
// written with each timestamp: Snowflake's TIMESTAMP_TZ.
func StorageKeepsOffset(d Dialect, typeName string) bool {
	s := strings.ToLower(strings.TrimSpace(typeName))
	word, _, _ := strings.Cut(s, "(")
	return d == Snowflake && (zonedType(sqlType{name: strings.TrimSpace(word)}) || strings.HasPrefix(s, "timestamp with time zone"))
}

// scaleZero reports whether (p, s) gives scale 0: NUMBER without arguments
// is Snowflake's NUMBER(38,0); NUMERIC without them keeps decimals.
func scaleZero(word, args string) bool {
	args = strings.TrimSpace(args)
	if args == "" {
		return word == "number"
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(args, "("), ")")
	parts := strings.Split(inner, ",")
	if len(parts) == 1 {
		return true // (p): scale 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(parts[1]))
	return err == nil && n == 0
}

// StaticType is the static type (TypeDate, TypeBool, TypeInterval, sqlfunc.KindInstant
// or KindWallClock, in DuckDB a number's, declaredNumber, or TypeText, and in Snowflake
// a NUMBER(p, s)'s scale) of the values
// of a declared column type in dialect d, "" for other types and in SQLite.
func StaticType(d Dialect, typeName string) string {
	if d == SQLite {
		return ""
	}
	s := strings.ToLower(strings.TrimSpace(typeName))
	if s == "date" {
		return TypeDate
	}
	if s == "time" && d == DuckDB {
		return TypeTime
	}
	if StorageInterval(d, typeName) {
		return TypeInterval
	}
	if _, boolean, ok := Storage(typeName); ok && boolean {
		return TypeBool
	}
	if num := declaredNumber(s); num != "" && d == DuckDB {
		return typeNumber + num
	}
	if d == BigQuery && (s == "int64" || s == "float64") {
		// a seed's numbers as dbt-bigquery loads them, INT64 or FLOAT64
		return typeNumber + map[string]string{"int64": "INTEGER", "float64": "REAL"}[s]
	}
	if d == Snowflake {
		// NUMBER(p, s), DECIMAL(p, s), NUMERIC(p, s): sums and arithmetic
		// keep the scale (decimals.go); an integer type's scale is 0
		word, args, _ := strings.Cut(s, "(")
		switch word = strings.TrimSpace(word); word {
		case "number", "numeric", "decimal":
			if args == "" || scaleZero(word, "("+args) {
				return typeNumber + "INTEGER"
			}
			if n, ok := numberScale(declaredNumber("decimal(" + args)); ok && n > 0 {
				return typeDecimal + strconv.Itoa(n)
			}
		default:
			if declaredNumber(s) == "INTEGER" {
				return typeNumber + "INTEGER"
			}
		}
	}
	if word, _, _ := strings.Cut(s, "("); d == DuckDB && duckText[strings.TrimSpace(word)] {
		return TypeText
	}
	return StorageTimestamp(d, typeName)
}

// duckText are DuckDB's names of VARCHAR.
var duckText = map[string]bool{"varchar": true, "text": true, "string": true, "char": true, "bpchar": true}

// declaredNumber is the number type (numberType) of a declared DuckDB
// column type, lower-cased: decimal(10, 2) is a DECIMAL of scale 2, a bare
// decimal DuckDB's DECIMAL(18, 3), a scale of 0 an INTEGER as Storage
// stores it; "" for a type that is no number.
func declaredNumber(s string) string {
	word, args := s, ""
	if i := strings.IndexAny(s, "( "); i >= 0 {
		word, args = s[:i], strings.TrimSpace(s[i:])
	}
	t, known := typeNames[word]
	switch {
	case !known || t.boolean || t.fn != "":
		return ""
	case t.affinity == "INTEGER":
		return "INTEGER"
	case word == "float" || word == "float4" || word == "real":
		return "FLOAT"
	case word == "numeric" || word == "decimal":
		if args == "" {
			return decimalOf(3)
		}
		if scaleZero(word, args) {
			return "INTEGER"
		}
		_, scale, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(args, "("), ")"), ",")
		if n, err := strconv.Atoi(strings.TrimSpace(scale)); err == nil {
			return decimalOf(n)
		}
		return ""
	case t.affinity == "REAL":
		return "REAL"
	}
	return ""
}

// Float32Type tells whether declared type typ is DuckDB's 32-bit FLOAT
// (float, float4, real) in dialect d: its values are the nearest 32-bit
// floats there.
func Float32Type(d Dialect, typ string) bool {
	return d == DuckDB && declaredNumber(strings.ToLower(strings.TrimSpace(typ))) == "FLOAT"
}
