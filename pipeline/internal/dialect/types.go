package dialect

import "strings"

// sqlType is where a cast goes on SQLite: a CAST to a storage class, or a
// function that gives the value's canonical text (date, json).
type sqlType struct {
	affinity string // TEXT, INTEGER, REAL or BLOB
	fn       string // date or json, used instead of CAST
	boolean  bool   // a BOOL: warehouses read 'true' and 'false'
	// name is the type's first word, lower-cased; withZone is set for
	// timestamp with time zone.
	name     string
	withZone bool
	local    bool // WITH LOCAL TIME ZONE
	// scale is the digits kept after the point by numeric(p, s) with s >
	// 0, which the warehouses round to, halves away from zero.
	scale string
	// precision is p of numeric(p[, s]): a value with more than p - s
	// digits before the point is out of range, an error in the warehouses.
	precision string
}

// typeNames maps single-word type names, lower-cased, to SQLite.
var typeNames = map[string]sqlType{
	"string": {affinity: "TEXT"}, "text": {affinity: "TEXT"}, "varchar": {affinity: "TEXT"},
	"char": {affinity: "TEXT"}, "character": {affinity: "TEXT"}, "nvarchar": {affinity: "TEXT"},
	"nchar": {affinity: "TEXT"}, "bpchar": {affinity: "TEXT"},

	"int": {affinity: "INTEGER"}, "integer": {affinity: "INTEGER"}, "bigint": {affinity: "INTEGER"},
	"int64": {affinity: "INTEGER"}, "smallint": {affinity: "INTEGER"}, "tinyint": {affinity: "INTEGER"},
	"byteint": {affinity: "INTEGER"}, "int2": {affinity: "INTEGER"}, "int4": {affinity: "INTEGER"},
	"int8": {affinity: "INTEGER"}, "hugeint": {affinity: "INTEGER"},
	// DuckDB's other names of its integer types, signed and unsigned
	"int1": {affinity: "INTEGER"}, "int16": {affinity: "INTEGER"}, "int32": {affinity: "INTEGER"},
	"int128": {affinity: "INTEGER"}, "long": {affinity: "INTEGER"}, "short": {affinity: "INTEGER"},
	"signed": {affinity: "INTEGER"}, "integral": {affinity: "INTEGER"},
	"utinyint": {affinity: "INTEGER"}, "usmallint": {affinity: "INTEGER"}, "uinteger": {affinity: "INTEGER"},
	"ubigint": {affinity: "INTEGER"}, "uhugeint": {affinity: "INTEGER"}, "uint8": {affinity: "INTEGER"},
	"uint16": {affinity: "INTEGER"}, "uint32": {affinity: "INTEGER"}, "uint64": {affinity: "INTEGER"},
	"uint128": {affinity: "INTEGER"},

	"float": {affinity: "REAL"}, "float4": {affinity: "REAL"}, "float8": {affinity: "REAL"},
	"float64": {affinity: "REAL"}, "double": {affinity: "REAL"}, "real": {affinity: "REAL"},
	"numeric": {affinity: "REAL"}, "decimal": {affinity: "REAL"}, "bignumeric": {affinity: "REAL"},
	"number": {affinity: "REAL"},

	"boolean": {affinity: "INTEGER", boolean: true}, "bool": {affinity: "INTEGER", boolean: true},

	"timestamp": {affinity: "TEXT"}, "timestamp_ntz": {affinity: "TEXT"}, "timestamp_tz": {affinity: "TEXT"},
	"timestamp_ltz": {affinity: "TEXT"}, "timestamptz": {affinity: "TEXT"}, "datetime": {affinity: "TEXT"},
	"timestampntz": {affinity: "TEXT"}, "timestampltz": {affinity: "TEXT"},
	"time": {affinity: "TEXT"},

	"date": {fn: "date"},
	"json": {fn: "json"},

	"bytes": {affinity: "BLOB"}, "binary": {affinity: "BLOB"}, "varbinary": {affinity: "BLOB"},
	"blob": {affinity: "BLOB"}, "bytea": {affinity: "BLOB"},
}

// typeSynonyms are type names read as another: Snowflake's TIMESTAMPNTZ
// and TIMESTAMPLTZ are TIMESTAMP_NTZ and TIMESTAMP_LTZ.
var typeSynonyms = map[string]string{"timestampntz": "timestamp_ntz", "timestampltz": "timestamp_ltz"}

// semiStructured are the types refused with a hint about JSON.
var semiStructured = map[string]bool{
	"variant": true, "object": true, "struct": true, "map": true, "geography": true,
}

// typeProblem is why a type cannot be cast to: a refusal, its arguments
// and the token it is at.
type typeProblem struct {
	r    refusal
	args []any
	tok  int
}

// typeOf reads the type name in tokens [from, to) (after :: or AS), with
// its optional (n) or (p, s) and the multi-word forms double precision,
// character varying and timestamp with(out) time zone, and returns where it
// goes on SQLite.
func typeOf(toks []token, from, to int, after string, at int) (sqlType, *typeProblem) {
	i := skipSpace(toks, from)
	if i >= to || toks[i].kind != kWord {
		return sqlType{}, &typeProblem{r: refNoType, args: []any{after}, tok: at}
	}
	name := toks[i]
	at = i
	if name.lower == "array" || name.lower == "list" {
		return sqlType{}, &typeProblem{r: refArrayType, args: []any{strings.TrimSpace(joinText(toks[i:to]))}, tok: at}
	}
	if semiStructured[name.lower] {
		return sqlType{}, &typeProblem{r: refSemi, args: []any{strings.ToUpper(name.text)}, tok: at}
	}
	if name.lower == "interval" {
		// '1 day'::interval has a value only added to a date or timestamp (rewrite_ops.go)
		return sqlType{}, &typeProblem{r: refInterval, tok: at}
	}
	t, ok := typeNames[name.lower]
	if !ok {
		return sqlType{}, &typeProblem{r: refUnknown, args: []any{name.text}, tok: at}
	}
	t.name = name.lower
	if c := typeSynonyms[t.name]; c != "" {
		t.name = c
	}
	var args []string
	for j := i + 1; j < to; j++ {
		if toks[j].kind == kWord && toks[j].lower == "with" {
			t.withZone = true
		}
		if toks[j].kind == kWord && toks[j].lower == "local" {
			t.local = true
		}
		switch {
		case toks[j].kind == kNumber:
			args = append(args, toks[j].text)
		case toks[j].kind == kQuoted && toks[j].text[0] == '[', toks[j].kind == kPunct && toks[j].text == "[":
			return sqlType{}, &typeProblem{r: refArrayType, args: []any{strings.TrimSpace(joinText(toks[i:to]))}, tok: at}
		}
	}
	// Exact numerics without a fraction hold integers: numeric(p),
	// numeric(p, 0), and Snowflake's number, whose default scale is 0.
	switch name.lower {
	case "numeric", "decimal", "number":
		if len(args) == 1 || len(args) == 2 && strings.Trim(args[1], "0") == "" || name.lower == "number" && len(args) == 0 {
			t = sqlType{affinity: "INTEGER"}
		} else if len(args) == 2 {
			t.scale = strings.TrimLeft(args[1], "0")
		}
		if len(args) > 0 {
			t.precision = args[0]
		}
	}
	return t, nil
}

func joinText(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.kind == kSpace || t.kind == kComment {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// skipSpace returns the index of the first token at or after i that is not
// a space or a comment.
func skipSpace(toks []token, i int) int {
	for i < len(toks) && (toks[i].kind == kSpace || toks[i].kind == kComment) {
		i++
	}
	return i
}

// isTypeName tells whether word names a column type of some dialect
// (decimal, varchar, number, string...).
func isTypeName(word string) bool {
	_, ok := typeNames[word]
	return ok
}
