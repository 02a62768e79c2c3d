package sqlfunc

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's conversions of a JSON value: INT64, FLOAT64 and BOOL fail on
// a value of another type; the LAX_ forms convert what they can and give
// NULL otherwise. The value is JSON text (JSON '10', a JSON column) or a
// field read with json.a, which the translator reads with json_extract
// (numbers and booleans arrive as numbers, strings as their text).

func init() {
	add(
		Func{Name: "json_int64", NArgs: 1, Scalar: jsonNumber("INT64", false, true)},
		Func{Name: "json_float64", NArgs: -1, Scalar: jsonNumber("FLOAT64", false, false)},
		Func{Name: "json_bool", NArgs: 1, Scalar: jsonBool(false)},
		Func{Name: "lax_int64_of", NArgs: 1, Scalar: jsonNumber("LAX_INT64", true, true)},
		Func{Name: "lax_float64_of", NArgs: 1, Scalar: jsonNumber("LAX_FLOAT64", true, false)},
		Func{Name: "lax_bool_of", NArgs: 1, Scalar: jsonBool(true)},
		Func{Name: "lax_string_of", NArgs: 1, Scalar: laxString},
		Func{Name: "bool_as_json", NArgs: 1, Scalar: boolAsJSON},
		Func{Name: "double_as_json", NArgs: 1, Scalar: doubleAsJSON},
	)
	rename("json_int64", "int64", "bigquery")
	rename("json_float64", "float64", "bigquery")
	rename("json_bool", "bool", "bigquery")
	rename("lax_int64_of", "lax_int64", "bigquery")
	rename("lax_float64_of", "lax_float64", "bigquery")
	rename("lax_bool_of", "lax_bool", "bigquery")
	rename("lax_string_of", "lax_string", "bigquery")
}

// jsonScalar reads v as a JSON value: a float64, string, bool, nil for
// JSON null, or a map or slice; text that is not JSON is a string.
func jsonScalar(v sqlite3.Value) any {
	switch v.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return v.Float()
	}
	var x any
	if json.Unmarshal([]byte(v.Text()), &x) != nil {
		return v.Text()
	}
	return x
}

// jsonNumber is INT64(json) and FLOAT64(json) (whole: INT64), or with lax
// their LAX_ forms, which also read numbers in strings and booleans, round
// INT64 halves away from zero, and give NULL where strict forms fail.
func jsonNumber(fn string, lax, whole bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		v := args[0]
		if v.Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		if v.Type() == sqlite3.INTEGER && whole {
			ctx.ResultInt64(v.Int64())
			return
		}
		var f float64
		ok := false
		switch x := jsonScalar(v).(type) {
		case float64:
			f, ok = x, true
		case string:
			if lax {
				var err error
				f, err = strconv.ParseFloat(strings.TrimSpace(x), 64)
				ok = err == nil
			}
		case bool:
			if lax {
				f, ok = map[bool]float64{true: 1}[x], true
			}
		case nil:
			ctx.ResultNull()
			return
		}
		if ok && whole {
			if lax {
				f = math.Round(f)
			}
			ok = f == math.Trunc(f) && math.Abs(f) < 1<<63
		}
		switch {
		case ok && whole:
			ctx.ResultInt64(int64(f))
		case ok:
			ctx.ResultFloat(f)
		case lax:
			ctx.ResultNull()
		default:
			fail(ctx, fn, "the JSON value %s is not a number%s", v.Text(), map[bool]string{true: " within INT64"}[whole])
		}
	}
}

// jsonBool is BOOL(json), true or false; with lax LAX_BOOL, which also
// reads 'true' and 'false' in any case in a string and numbers (0 is
// false).
func jsonBool(lax bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		v := args[0]
		if v.Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
		switch x := jsonScalar(v).(type) {
		case bool:
			ctx.ResultBool(x)
			return
		case nil:
			ctx.ResultNull()
			return
		case float64:
			// a JSON boolean read by json_extract is 1 or 0
			if lax || v.Type() == sqlite3.INTEGER && (x == 0 || x == 1) {
				ctx.ResultBool(x != 0)
				return
			}
		case string:
			if lax {
				switch strings.ToLower(strings.TrimSpace(x)) {
				case "true":
					ctx.ResultBool(true)
				case "false":
					ctx.ResultBool(false)
				default:
					ctx.ResultNull()
				}
				return
			}
		}
		if lax {
			ctx.ResultNull()
			return
		}
		fail(ctx, "BOOL", "the JSON value %s is not a boolean", v.Text())
	}
}

// laxString is LAX_STRING(json): a string as it is, a number or boolean
// as text; NULL for an array or object.
func laxString(ctx sqlite3.Context, args ...sqlite3.Value) {
	v := args[0]
	if v.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	switch x := jsonScalar(v).(type) {
	case string:
		ctx.ResultText(x)
	case float64:
		ctx.ResultText(strconv.FormatFloat(x, 'g', -1, 64))
	case bool:
		ctx.ResultText(strconv.FormatBool(x))
	default:
		ctx.ResultNull()
	}
}

// boolAsJSON(x) is a BOOL as JSON true or false (NULL stays NULL): the
// translator puts a value it knows is a BOOL into an array, a struct or
// TO_JSON_STRING with it, where SQLite's 1 and 0 would be numbers.
// doubleAsJSON is a DOUBLE put in a list or struct: a negative zero is
// JSON's -0.0, which SQLite's JSON functions write 0.0 of the REAL; any
// other value is itself.
func doubleAsJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	if f := args[0].Float(); args[0].Type() == sqlite3.FLOAT && f == 0 && math.Signbit(f) {
		ctx.ResultText("-0.0")
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	ctx.ResultValue(args[0])
}

func boolAsJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	b, ok := truth(args[0])
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(strconv.FormatBool(b))
	ctx.ResultSubtype(jsonSubtype)
}
