package sqlfunc

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Arrays and structs of the warehouses are JSON text on SQLite (arrays are
// JSON arrays, structs JSON objects); these are the array functions
// SQLite's JSON1 lacks. The translator wraps those returning arrays in
// json(), which marks the text as JSON so json_array and json_object nest
// it instead of quoting it.

func init() {
	add(
		Func{Name: "array_to_string", NArgs: 2, Scalar: arrayToString},
		Func{Name: "array_to_string", NArgs: 3, Scalar: arrayToString},
		Func{Name: "generate_array", NArgs: 2, Scalar: generateArray},
		Func{Name: "generate_array", NArgs: 3, Scalar: generateArray},
		Func{Name: "to_json_string", NArgs: 1, Scalar: toJSONString},
		Func{Name: "to_json_string", NArgs: 2, Scalar: toJSONStringPretty},
		Func{Name: "array_concat", NArgs: -1, Scalar: arrayConcat},
		Func{Name: "array_reverse", NArgs: 1, Scalar: arrayReverse},
		Func{Name: "array_flatten", NArgs: 1, Scalar: arrayFlatten},
		Func{Name: "list_contains", NArgs: 2, Scalar: listContains},
		Func{Name: "array_without_nulls", NArgs: 2, Scalar: arrayWithoutNulls},
	)
	rename("json_array_length", "array_length", "bigquery", "duckdb")
	rename("json_array_length", "array_size", "snowflake")
	rename("json_array_length", "len", "duckdb")
	rename("json_array", "array_construct", "snowflake")
	rename("json_array", "list_value", "duckdb")
	rename("json_object", "object_construct", "snowflake")
	rename("array_flatten", "flatten", "duckdb")
	rename("list_contains", "array_contains", "duckdb")
	rename("list_contains", "array_has", "duckdb")
	rename("list_contains", "list_has", "duckdb")
	rename("array_concat", "array_cat", "snowflake")
	rename("array_reverse", "list_reverse", "duckdb")
	rename("array_to_string", "list_aggr_string", "duckdb")
	rename("to_json_string", "to_json", "snowflake")
	add(Func{Name: "to_json_string_bigquery", NArgs: 1, Scalar: toJSONStringBigQuery},
		Func{Name: "to_json_string_bigquery", NArgs: 2, Scalar: toJSONStringBigQuery})
	rename("to_json_string_bigquery", "to_json_string", "bigquery")
}

// bigQueryJSONFloat is a FLOAT64 as BigQuery writes it in JSON.
func bigQueryJSONFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return `"Infinity"`
	case math.IsInf(f, -1):
		return `"-Infinity"`
	case math.IsNaN(f):
		return `"NaN"`
	}
	return bigQueryFloatText(f)
}

// bigQueryJSONNumbers rewrites the numbers of compact JSON text that have a
// point or an exponent (FLOAT64s: 1.0, 2.50, 9e999) as BigQuery writes
// them; the rest stays as it is.
func bigQueryJSONNumbers(s string) string {
	var b strings.Builder
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString:
			b.WriteByte(c)
			if c == '\\' && i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
			b.WriteByte(c)
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && strings.IndexByte("0123456789.eE+-", s[j]) >= 0 {
				j++
			}
			num := s[i:j]
			if strings.ContainsAny(num, ".eE") {
				if f, err := strconv.ParseFloat(num, 64); err == nil || math.IsInf(f, 0) {
					num = bigQueryJSONFloat(f)
				}
			}
			b.WriteString(num)
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Has reports whether a function of this name is registered.
func Has(name string) bool {
	for _, f := range registry {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Names lists the registered functions and the warehouse names renamed to
// them, for suggesting the closest one to an unknown name.
func Names() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range registry {
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f.Name)
		}
	}
	for _, m := range renames {
		for n := range m {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

func resultArray(ctx sqlite3.Context, items []json.RawMessage) {
	if items == nil {
		items = []json.RawMessage{}
	}
	b, err := json.Marshal(items)
	if err != nil {
		resultError(ctx, err)
		return
	}
	ctx.ResultText(string(b))
}

// readArray reads a JSON array argument; ok is false for NULL.
func readArray(v sqlite3.Value) (items []json.RawMessage, ok bool, err error) {
	if v.Type() == sqlite3.NULL {
		return nil, false, nil
	}
	if err := json.Unmarshal([]byte(v.Text()), &items); err != nil {
		return nil, false, errors.New("not a JSON array: " + truncate(v.Text()))
	}
	return items, true, nil
}

// arrayArg reads v as a JSON array for a function's result: on NULL it
// makes the result NULL, on text that is no array an error, and reports
// false either way.
func arrayArg(ctx sqlite3.Context, v sqlite3.Value) ([]json.RawMessage, bool) {
	items, ok, err := readArray(v)
	if err != nil {
		resultError(ctx, err)
		return nil, false
	}
	if !ok {
		ctx.ResultNull()
		return nil, false
	}
	return items, true
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// arrayToString joins the elements of an array with a separator; NULL
// elements are left out unless a third argument gives their text
// (BigQuery's ARRAY_TO_STRING).
func arrayToString(ctx sqlite3.Context, arg ...sqlite3.Value) {
	items, ok := arrayArg(ctx, arg[0])
	if !ok {
		return
	}
	if arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	sep := arg[1].Text()
	var b strings.Builder
	first := true
	for _, it := range items {
		s, isNull := elementText(it)
		if isNull {
			if len(arg) < 3 || arg[2].Type() == sqlite3.NULL {
				continue
			}
			s = arg[2].Text()
		}
		if !first {
			b.WriteString(sep)
		}
		first = false
		b.WriteString(s)
	}
	ctx.ResultText(b.String())
}

// elementText is the text of a JSON value as SQL would show it: strings
// unquoted, numbers and booleans as written, objects and arrays as JSON.
func elementText(raw json.RawMessage) (string, bool) {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "null":
		return "", true
	case strings.HasPrefix(s, `"`):
		var v string
		if json.Unmarshal(raw, &v) == nil {
			return v, false
		}
	}
	return s, false
}

// generateArray is BigQuery's GENERATE_ARRAY(start, end[, step]): the
// numbers from start to end inclusive.
func generateArray(ctx sqlite3.Context, arg ...sqlite3.Value) {
	for _, a := range arg {
		if a.Type() == sqlite3.NULL {
			ctx.ResultNull()
			return
		}
	}
	ints := arg[0].NumericType() == sqlite3.INTEGER && arg[1].NumericType() == sqlite3.INTEGER &&
		(len(arg) < 3 || arg[2].NumericType() == sqlite3.INTEGER)
	step := 1.0
	if len(arg) == 3 {
		step = arg[2].Float()
	}
	if step == 0 {
		resultError(ctx, errors.New("GENERATE_ARRAY: the step cannot be 0"))
		return
	}
	start, end := arg[0].Float(), arg[1].Float()
	// the steps that stay within end (a little slack for reals such as 0.1)
	n := math.Floor((end-start)/step+1e-9) + 1
	if n > 1e6 {
		resultError(ctx, errors.New("GENERATE_ARRAY: more than 1,000,000 elements"))
		return
	}
	var items []json.RawMessage
	for i := 0; float64(i) < n; i++ {
		if ints {
			v := arg[0].Int64() + int64(i)*int64(step)
			items = append(items, json.RawMessage(strconv.FormatInt(v, 10)))
		} else {
			items = append(items, json.RawMessage(strconv.FormatFloat(start+float64(i)*step, 'g', -1, 64)))
		}
	}
	resultArray(ctx, items)
}

// toJSONString is BigQuery's TO_JSON_STRING: JSON text of a value. Arrays
// and structs are JSON text already (with the JSON subtype when just built,
// or read back from a table as text that parses as an object or array).
func toJSONString(ctx sqlite3.Context, arg ...sqlite3.Value) { resultJSONString(ctx, arg[0], false) }

// toJSONStringBigQuery is BigQuery's TO_JSON_STRING: a FLOAT64 is written
// as BigQuery encodes it in JSON, as CAST(x AS STRING) writes it (1.0 is
// 1, 1e+20), its infinities as "Infinity" and "-Infinity", also inside
// arrays and structs, where the JSON text keeps 1.0.
func toJSONStringBigQuery(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if len(arg) == 2 {
		toJSONStringPrettyOf(ctx, true, arg...)
		return
	}
	resultJSONString(ctx, arg[0], true)
}

func resultJSONString(ctx sqlite3.Context, v sqlite3.Value, bigquery bool) {
	switch v.Type() {
	case sqlite3.NULL:
		ctx.ResultText("null")
	case sqlite3.INTEGER:
		ctx.ResultText(strconv.FormatInt(v.Int64(), 10))
	case sqlite3.FLOAT:
		if bigquery {
			ctx.ResultText(bigQueryJSONFloat(v.Float()))
			return
		}
		ctx.ResultText(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	default:
		s := v.Text()
		t := strings.TrimSpace(s)
		if v.Subtype() == jsonSubtype && json.Valid([]byte(t)) && !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
			ctx.ResultText(t) // a JSON scalar made here: true, a number
			return
		}
		if (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)) {
			var b strings.Builder
			if err := compact(&b, t); err == nil {
				if bigquery {
					ctx.ResultText(bigQueryJSONNumbers(b.String()))
					return
				}
				ctx.ResultText(b.String())
				return
			}
		}
		b, _ := json.Marshal(s)
		ctx.ResultText(string(b))
	}
}

func compact(b *strings.Builder, s string) error {
	var v json.RawMessage
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return err
	}
	out, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b.Write(out)
	return nil
}

// arrayConcat joins arrays; NULL if any is NULL (BigQuery's ARRAY_CONCAT).
func arrayConcat(ctx sqlite3.Context, arg ...sqlite3.Value) {
	var all []json.RawMessage
	for _, a := range arg {
		items, ok := arrayArg(ctx, a)
		if !ok {
			return
		}
		all = append(all, items...)
	}
	resultArray(ctx, all)
}

func arrayReverse(ctx sqlite3.Context, arg ...sqlite3.Value) {
	items, ok := arrayArg(ctx, arg[0])
	if !ok {
		return
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	resultArray(ctx, items)
}

// arrayFlatten is DuckDB's flatten: an array of arrays as one array.
func arrayFlatten(ctx sqlite3.Context, arg ...sqlite3.Value) {
	items, ok := arrayArg(ctx, arg[0])
	if !ok {
		return
	}
	var out []json.RawMessage
	for _, it := range items {
		if strings.TrimSpace(string(it)) == "null" {
			continue
		}
		// an array read back from a table is JSON text inside the array
		var text string
		if json.Unmarshal(it, &text) == nil {
			it = json.RawMessage(text)
		}
		var inner []json.RawMessage
		if err := json.Unmarshal(it, &inner); err != nil {
			resultError(ctx, errors.New("flatten: an element is not an array"))
			return
		}
		out = append(out, inner...)
	}
	resultArray(ctx, out)
}

// listContains is DuckDB's list_contains(list, value): whether an element
// equals the value.
func listContains(ctx sqlite3.Context, arg ...sqlite3.Value) {
	items, ok := arrayArg(ctx, arg[0])
	if !ok {
		return
	}
	if arg[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	var want string
	switch arg[1].Type() {
	case sqlite3.INTEGER:
		want = strconv.FormatInt(arg[1].Int64(), 10)
	case sqlite3.FLOAT:
		want = strconv.FormatFloat(arg[1].Float(), 'g', -1, 64)
	default:
		want = arg[1].Text()
	}
	for _, it := range items {
		s, isNull := elementText(it)
		if !isNull && s == want {
			ctx.ResultBool(true)
			return
		}
	}
	ctx.ResultBool(false)
}

// arrayWithoutNulls(array, column) is the array, or BigQuery's error when
// an element is NULL: the translator checks the arrays a BigQuery query
// returns with it, since BigQuery fails on such a result.
func arrayWithoutNulls(ctx sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	if v.Type() != sqlite3.NULL && v.Type() != sqlite3.INTEGER && v.Type() != sqlite3.FLOAT {
		if items, ok, _ := readArray(v); ok {
			for _, it := range items {
				if string(it) == "null" {
					field := ""
					if arg[1].Type() != sqlite3.NULL && arg[1].Text() != "" {
						field = "; error in writing field " + arg[1].Text()
					}
					resultError(ctx, errorString("Array cannot have a null element"+field+" (leave NULLs out: ARRAY_AGG(x IGNORE NULLS), or a filter)"))
					return
				}
			}
		}
	}
	ctx.ResultValue(v)
	if v.Subtype() == jsonSubtype {
		ctx.ResultSubtype(jsonSubtype)
	}
}

// toJSONStringPretty is TO_JSON_STRING(value, pretty_print): with
// pretty_print true, the JSON indented by two spaces, a member's value
// after ": ".
func toJSONStringPretty(ctx sqlite3.Context, arg ...sqlite3.Value) {
	toJSONStringPrettyOf(ctx, false, arg...)
}

func toJSONStringPrettyOf(ctx sqlite3.Context, bigquery bool, arg ...sqlite3.Value) {
	pretty, ok := truth(arg[1])
	if !ok || !pretty {
		resultJSONString(ctx, arg[0], bigquery)
		return
	}
	resultJSONString(ctx, arg[0], bigquery)
	var flat strings.Builder
	v := arg[0]
	switch v.Type() {
	case sqlite3.NULL:
		return
	case sqlite3.TEXT:
		t := strings.TrimSpace(v.Text())
		if !(strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) || compact(&flat, t) != nil {
			return
		}
		text := flat.String()
		if bigquery {
			text = bigQueryJSONNumbers(text)
		}
		var out bytes.Buffer
		if json.Indent(&out, []byte(text), "", "  ") == nil {
			ctx.ResultText(out.String())
		}
	}
}
