package dialect

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

// sqlType is where a cast goes on SQLite: a CAST to a storage class, or a
// function that gives the value's canonical text (date, json).
type sqlType struct {
	affinity string // TEXT, INTEGER, REAL or BLOB
	fn       string // date or json, used instead of CAST
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

	"float": {affinity: "REAL"}, "float4": {affinity: "REAL"}, "float8": {affinity: "REAL"},
	"float64": {affinity: "REAL"}, "double": {affinity: "REAL"}, "real": {affinity: "REAL"},
	"numeric": {affinity: "REAL"}, "decimal": {affinity: "REAL"}, "bignumeric": {affinity: "REAL"},
	"number": {affinity: "REAL"},

	"boolean": {affinity: "INTEGER"}, "bool": {affinity: "INTEGER"},

	"timestamp": {affinity: "TEXT"}, "timestamp_ntz": {affinity: "TEXT"}, "timestamp_tz": {affinity: "TEXT"},
	"timestamp_ltz": {affinity: "TEXT"}, "timestamptz": {affinity: "TEXT"}, "datetime": {affinity: "TEXT"},
	"time": {affinity: "TEXT"},

	"date": {fn: "date"},
	"json": {fn: "json"},

	"bytes": {affinity: "BLOB"}, "binary": {affinity: "BLOB"}, "varbinary": {affinity: "BLOB"},
	"blob": {affinity: "BLOB"},
}

// semiStructured are the types refused with a hint about JSON.
var semiStructured = map[string]bool{
	"variant": true, "object": true, "struct": true, "map": true, "geography": true,
}

// parseType reads a type name starting at toks[i] (after :: or AS), with
// its optional (n) or (p, s) and the multi-word forms double precision,
// character varying and timestamp with(out) time zone. It returns the
// SQLite type and the index just past the type.
func parseType(toks []token, i int, after string, line int) (sqlType, int, error) {
	i = skipSpace(toks, i)
	if i >= len(toks) || toks[i].kind != kWord {
		return sqlType{}, 0, refuse(refNoType, line, after)
	}
	name := toks[i]
	line = name.line
	i++
	// Multi-word names: take the next words only when they complete one.
	switch name.lower {
	case "double":
		i = takeWords(toks, i, "precision")
	case "character", "char":
		i = takeWords(toks, i, "varying")
	case "timestamp", "time":
		if j := takeWords(toks, i, "with", "time", "zone"); j != i {
			i = j
		} else {
			i = takeWords(toks, i, "without", "time", "zone")
		}
	}
	if name.lower == "array" {
		return sqlType{}, 0, refuse(refArrayType, line, name.text)
	}
	if semiStructured[name.lower] {
		return sqlType{}, 0, refuse(refSemi, line, strings.ToUpper(name.text))
	}
	t, ok := typeNames[name.lower]
	if !ok {
		return sqlType{}, 0, refuse(refUnknown, line, name.text)
	}
	// Arguments: (n) or (p, s).
	var args []string
	if j := skipSpace(toks, i); j < len(toks) && toks[j].kind == kOpen {
		depth := 0
		for ; j < len(toks); j++ {
			switch toks[j].kind {
			case kOpen:
				depth++
			case kClose:
				depth--
			case kNumber:
				args = append(args, toks[j].text)
			}
			if depth == 0 {
				break
			}
		}
		if j == len(toks) {
			return sqlType{}, 0, refuse(refNoType, line, after)
		}
		i = j + 1
	}
	if j := skipSpace(toks, i); j < len(toks) && toks[j].kind == kQuoted && toks[j].text[0] == '[' {
		return sqlType{}, 0, refuse(refArrayType, line, name.text+toks[j].text)
	}
	// Exact numerics without a fraction hold integers: numeric(p),
	// numeric(p, 0), and Snowflake's number, whose default scale is 0.
	switch name.lower {
	case "numeric", "decimal", "number":
		if len(args) == 1 || len(args) == 2 && strings.Trim(args[1], "0") == "" || name.lower == "number" && len(args) == 0 {
			t = sqlType{affinity: "INTEGER"}
		}
	}
	return t, i, nil
}

// takeWords returns the index past words when toks[i:] spells them
// (separated by spaces), and i otherwise.
func takeWords(toks []token, i int, words ...string) int {
	j := i
	for _, w := range words {
		j = skipSpace(toks, j)
		if j >= len(toks) || toks[j].lower != w {
			return i
		}
		j++
	}
	return j
}

// skipSpace returns the index of the first token at or after i that is not
// a space or a comment.
func skipSpace(toks []token, i int) int {
	for i < len(toks) && (toks[i].kind == kSpace || toks[i].kind == kComment) {
		i++
	}
	return i
}

// refuse makes the diagnostic of r at line; args fill the message's verbs.
func refuse(r refusal, line int, args ...any) *diag.Diagnostic {
	msg := r.message
	if len(args) > 0 {
		msg = fmt.Sprintf(msg, args...)
	}
	return &diag.Diagnostic{Severity: diag.Error, Line: line, Message: msg, Hint: r.hint}
}
