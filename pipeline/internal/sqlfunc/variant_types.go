package sqlfunc

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's VARIANT on SQLite: a value as it is (a string its text, a
// number a number, an array or object JSON text). TO_VARIANT, TO_ARRAY,
// TO_OBJECT, STRIP_NULL_VALUE, CHECK_JSON, and the type a VARIANT holds, as TYPEOF names it and the
// IS_INTEGER ... IS_OBJECT tests read it (the translator writes those as
// variant_kind(x) IN (...)).

func init() {
	add(Func{Name: "variant_of", NArgs: 1, Scalar: variantOf},
		Func{Name: "to_array_of", NArgs: 1, Scalar: toArrayOf},
		Func{Name: "to_object_of", NArgs: 1, Scalar: toObjectOf},
		Func{Name: "variant_kind", NArgs: 1, Scalar: variantKind},
		Func{Name: "json_type_kind", NArgs: 1, Scalar: jsonTypeKind},
		Func{Name: "json_null_stripped", NArgs: 1, Scalar: jsonNullStripped},
		Func{Name: "json_error", NArgs: 1, Scalar: jsonError})
	rename("json_null_stripped", "strip_null_value", "snowflake")
	rename("json_error", "check_json", "snowflake")
	rename("variant_of", "to_variant", "snowflake")
	rename("to_array_of", "to_array", "snowflake")
	rename("to_object_of", "to_object", "snowflake")
}

// variantOf is TO_VARIANT(x) and x::variant: x itself, JSON kept JSON.
func variantOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	ctx.ResultValue(args[0])
	if args[0].Subtype() == jsonSubtype {
		ctx.ResultSubtype(jsonSubtype)
	}
}

// toArrayOf is TO_ARRAY(x): an array as it is, another value as an array
// of one element, NULL as NULL.
func toArrayOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if isArrayText(args[0]) {
		resultJSON(ctx, args[0].RawText())
		return
	}
	resultArray(ctx, []json.RawMessage{variantJSON(args[0])})
}

// toObjectOf is TO_OBJECT(x): an object as it is; anything else fails.
func toObjectOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	if _, ok := readObject(args[0]); !ok {
		fail(ctx, "TO_OBJECT", "not an object: %s", truncate(args[0].Text()))
		return
	}
	resultJSON(ctx, args[0].RawText())
}

// variantKind is TYPEOF(x) of Snowflake: INTEGER, DECIMAL (a real written
// without an exponent), DOUBLE, VARCHAR, BOOLEAN (JSON true and false),
// ARRAY, OBJECT, NULL_VALUE (a JSON null), BINARY; NULL for NULL. Text
// that is a JSON array or object, or is marked JSON, is read as JSON.
// SQLite keeps a BOOLEAN as 1 or 0, which reads as INTEGER.
func variantKind(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	switch v.Type() {
	case sqlite3.NULL:
		ctx.ResultNull()
		return
	case sqlite3.INTEGER:
		ctx.ResultText("INTEGER")
		return
	case sqlite3.FLOAT:
		ctx.ResultText(realKind(v.Float()))
		return
	case sqlite3.BLOB:
		ctx.ResultText("BINARY")
		return
	}
	raw := bytes.TrimSpace(v.RawText())
	if v.Subtype() == jsonSubtype || isArrayText(v) || len(raw) > 0 && raw[0] == '{' && json.Valid(raw) {
		if k := jsonKind(raw); k != "" {
			ctx.ResultText(k)
			return
		}
	}
	ctx.ResultText("VARCHAR")
}

// realKind is a real's kind: DECIMAL where Snowflake's PARSE_JSON reads a
// fixed-point number, DOUBLE for an exponent, an infinity or a fraction
// too long for NUMBER(38, s).
func realKind(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if math.IsInf(f, 0) || strings.ContainsAny(s, "e") || len(strings.Trim(s, "-.")) > 38 {
		return "DOUBLE"
	}
	return "DECIMAL"
}

// jsonKind is the kind of a JSON value's text; "" when it is no JSON.
func jsonKind(raw []byte) string {
	if len(raw) == 0 || !json.Valid(raw) {
		return ""
	}
	switch raw[0] {
	case '{':
		return "OBJECT"
	case '[':
		return "ARRAY"
	case '"':
		return "VARCHAR"
	case 't', 'f':
		return "BOOLEAN"
	case 'n':
		return "NULL_VALUE"
	}
	if bytes.ContainsAny(raw, "eE") {
		return "DOUBLE"
	}
	if bytes.ContainsAny(raw, ".") {
		return "DECIMAL"
	}
	return "INTEGER"
}

// jsonTypeKind maps SQLite's json_type of a path (integer, real, text,
// true, false, null, object, array) to the kind TYPEOF names.
func jsonTypeKind(ctx sqlite3.Context, args ...sqlite3.Value) {
	k, ok := map[string]string{"integer": "INTEGER", "real": "DECIMAL", "text": "VARCHAR", "true": "BOOLEAN",
		"false": "BOOLEAN", "null": "NULL_VALUE", "object": "OBJECT", "array": "ARRAY"}[args[0].Text()]
	if !ok || args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(k)
}

// jsonNullStripped is STRIP_NULL_VALUE(v): NULL for a JSON null, v
// otherwise.
func jsonNullStripped(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.TEXT && string(bytes.TrimSpace(args[0].RawText())) == "null" {
		ctx.ResultNull()
		return
	}
	variantOf(ctx, args...)
}

// jsonError is CHECK_JSON(text): NULL when the text is JSON (or NULL),
// else what is wrong with it.
func jsonError(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	var v any
	if err := json.Unmarshal(args[0].RawText(), &v); err != nil {
		ctx.ResultText(err.Error())
		return
	}
	ctx.ResultNull()
}
