package sqlfunc

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's CAST of an ARRAY or a STRUCT to a declared ARRAY<...> or
// STRUCT<...> type: cast_nested_bigquery(x, type, safe, line). An array's
// elements are cast to the element type; a struct's fields are cast, by
// their order, not their names, to the declared fields, which name them (an
// unnamed one is _field_N, as a table stores it); x must have as many
// fields as the type, as BigQuery requires. A field or element that does
// not convert fails the CAST as BigQuery fails it, or with safe (SAFE_CAST)
// makes the whole value NULL. Arrays and structs are JSON text here.

func init() {
	add(Func{Name: "cast_nested_bigquery", NArgs: 4, Scalar: castNested})
}

// nestedType is a parsed BigQuery type: an ARRAY (elem), a STRUCT
// (fields) or a scalar type (name, with its parameters).
type nestedType struct {
	name   string // ARRAY, STRUCT or the scalar type's name
	params string // NUMERIC(10, 2)'s "10, 2"
	elem   *nestedType
	fields []nestedField
}

type nestedField struct {
	name string
	typ  *nestedType
}

// parseNestedType reads a type as the translator writes it:
// ARRAY<STRUCT<a INT64, b STRING>>, STRUCT<INT64, x NUMERIC(10, 2)>.
func parseNestedType(s string) (*nestedType, string, bool) {
	s = strings.TrimSpace(s)
	i := fieldWordEnd(s)
	if i == 0 {
		return nil, "", false
	}
	t := &nestedType{name: strings.ToUpper(s[:i])}
	rest := strings.TrimSpace(s[i:])
	switch t.name {
	case "ARRAY":
		if !strings.HasPrefix(rest, "<") {
			return nil, "", false
		}
		elem, after, ok := parseNestedType(rest[1:])
		after = strings.TrimSpace(after)
		if !ok || !strings.HasPrefix(after, ">") {
			return nil, "", false
		}
		t.elem = elem
		return t, after[1:], true
	case "STRUCT":
		if !strings.HasPrefix(rest, "<") {
			return nil, "", false
		}
		rest = strings.TrimSpace(rest[1:])
		if strings.HasPrefix(rest, ">") {
			return t, rest[1:], true
		}
		for {
			name := ""
			if j := fieldWordEnd(rest); j > 0 {
				if after := strings.TrimSpace(rest[j:]); after != "" && !strings.ContainsRune(",<>(", rune(after[0])) {
					name, rest = strings.Trim(rest[:j], "`"), after
				}
			}
			ft, after, ok := parseNestedType(rest)
			if !ok {
				return nil, "", false
			}
			if name == "" {
				name = "_field_" + strconv.Itoa(len(t.fields)+1)
			}
			t.fields = append(t.fields, nestedField{name, ft})
			after = strings.TrimSpace(after)
			switch {
			case strings.HasPrefix(after, ","):
				rest = strings.TrimSpace(after[1:])
			case strings.HasPrefix(after, ">"):
				return t, after[1:], true
			default:
				return nil, "", false
			}
		}
	}
	if strings.HasPrefix(rest, "(") {
		j := strings.IndexByte(rest, ')')
		if j < 0 {
			return nil, "", false
		}
		t.params, rest = rest[1:j], rest[j+1:]
	}
	return t, rest, true
}

// fieldWordEnd is the length of the word or `quoted name` starting s.
func fieldWordEnd(s string) int {
	if strings.HasPrefix(s, "`") {
		if j := strings.IndexByte(s[1:], '`'); j >= 0 {
			return j + 2
		}
		return 0
	}
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	return i
}

func (t *nestedType) String() string {
	switch t.name {
	case "ARRAY":
		return "ARRAY<" + t.elem.String() + ">"
	case "STRUCT":
		parts := make([]string, len(t.fields))
		for i, f := range t.fields {
			parts[i] = f.name + " " + f.typ.String()
		}
		return "STRUCT<" + strings.Join(parts, ", ") + ">"
	}
	if t.params != "" {
		return t.name + "(" + t.params + ")"
	}
	return t.name
}

// jsonCell is a scalar JSON value (json.Number, string, bool) read as
// convert reads an SQLite value: true and false are 1 and 0, as SQLite
// stores a BOOL.
type jsonCell struct{ v any }

func (c jsonCell) Type() sqlite3.Datatype {
	switch v := c.v.(type) {
	case nil:
		return sqlite3.NULL
	case bool:
		return sqlite3.INTEGER
	case json.Number:
		if _, err := strconv.ParseInt(v.String(), 10, 64); err == nil {
			return sqlite3.INTEGER
		}
		return sqlite3.FLOAT
	}
	return sqlite3.TEXT
}

func (c jsonCell) Int64() int64 {
	switch v := c.v.(type) {
	case bool:
		if v {
			return 1
		}
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return int64(f)
	}
	return 0
}

func (c jsonCell) Float() float64 {
	switch v := c.v.(type) {
	case bool:
		if v {
			return 1
		}
	case json.Number:
		f, _ := v.Float64()
		return f
	}
	return 0
}

func (c jsonCell) Text() string {
	switch v := c.v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	}
	return ""
}

func (c jsonCell) RawText() []byte { return []byte(c.Text()) }
func (c jsonCell) RawBlob() []byte { return []byte(c.Text()) }

// jsonFloat is a FLOAT64 in a JSON array or struct, written with its point
// (1.0), so that it reads back as a real, as SQLite's json_object writes one.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	switch {
	case math.IsInf(x, 1):
		return []byte("9e999"), nil
	case math.IsInf(x, -1):
		return []byte("-9e999"), nil
	case math.IsNaN(x):
		return []byte("null"), nil
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return []byte(s), nil
}

// nestedCastError is why a value does not cast: bad is a value that does
// not convert (SAFE_CAST gives NULL), else the value's shape does not fit
// the type, which BigQuery refuses whatever the cast.
type nestedCastError struct {
	msg string
	bad bool
}

// castNestedValue casts JSON value v (as readOrdered reads it) to t.
func castNestedValue(v any, t *nestedType) (any, *nestedCastError) {
	if v == nil {
		return nil, nil
	}
	switch t.name {
	case "ARRAY":
		items, ok := v.([]any)
		if !ok {
			return nil, &nestedCastError{msg: "invalid cast from " + describeJSON(v) + " to " + t.String() + ", as BigQuery refuses it"}
		}
		out := make([]any, len(items))
		for i, x := range items {
			c, err := castNestedValue(x, t.elem)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case "STRUCT":
		obj, ok := v.(*orderedObject)
		if !ok || len(obj.keys) != len(t.fields) {
			return nil, &nestedCastError{msg: "invalid cast from " + describeJSON(v) + " to " + t.String() + ", as BigQuery refuses it: a STRUCT casts to a STRUCT of as many fields, taken in order"}
		}
		out := &orderedObject{keys: make([]string, len(t.fields)), vals: make([]any, len(t.fields))}
		for i, f := range t.fields {
			c, err := castNestedValue(obj.vals[i], f.typ)
			if err != nil {
				return nil, err
			}
			out.keys[i], out.vals[i] = f.name, c
		}
		return out, nil
	}
	switch v.(type) {
	case []any, *orderedObject:
		return nil, &nestedCastError{msg: "invalid cast from " + describeJSON(v) + " to " + t.String() + ", as BigQuery refuses it"}
	}
	c := jsonCell{v}
	fail := func() (any, *nestedCastError) {
		what := strconv.Quote(c.Text())
		if _, num := v.(json.Number); num {
			what = c.Text()
		}
		return nil, &nestedCastError{msg: "CAST of " + what + " to " + t.String() + " failed, as it fails on BigQuery; use SAFE_CAST to get NULL instead", bad: true}
	}
	switch t.name {
	case "INT64":
		r, ok := convert(c, "INTEGER", "bigquery")
		if !ok {
			return fail()
		}
		return r, nil
	case "FLOAT64", "NUMERIC", "BIGNUMERIC":
		if _, isBool := v.(bool); isBool {
			return fail() // BigQuery casts a BOOL to INT64 and STRING only
		}
		r, ok := convert(c, "REAL", "bigquery")
		if !ok {
			return fail()
		}
		f := r.(float64)
		if t.name != "FLOAT64" {
			scale := 9
			if t.name == "BIGNUMERIC" {
				scale = 38
			}
			if _, s, ok := strings.Cut(t.params, ","); ok {
				scale, _ = strconv.Atoi(strings.TrimSpace(s))
			} else if t.params != "" {
				scale = 0
			}
			if scale < 15 {
				p := math.Pow10(scale)
				f = math.Round(f*p) / p
			}
			if math.IsInf(f, 0) {
				return fail()
			}
			if scale == 0 && math.Abs(f) < 1<<53 {
				return int64(f), nil
			}
		}
		return jsonFloat(f), nil
	case "BOOL":
		if _, num := v.(json.Number); num && c.Type() == sqlite3.FLOAT {
			return fail() // BigQuery casts an INT64, not a FLOAT64, to BOOL
		}
		b, ok := toBool(c, "bigquery")
		if !ok {
			return fail()
		}
		return b, nil
	case "STRING":
		switch x := v.(type) {
		case bool:
			return strconv.FormatBool(x), nil
		case json.Number:
			if c.Type() == sqlite3.FLOAT {
				return bigQueryFloatText(c.Float()), nil
			}
		}
		return c.Text(), nil
	case "DATE":
		r, ok := convert(c, "DATE", "bigquery")
		if !ok {
			return fail()
		}
		return r, nil
	case "TIMESTAMP", "DATETIME":
		r, ok := convert(c, t.name, "bigquery")
		if !ok {
			return fail()
		}
		return r, nil
	}
	// TIME, BYTES, JSON, INTERVAL, GEOGRAPHY: kept as they are
	return v, nil
}

// describeJSON names the kind of a JSON value in a message.
func describeJSON(v any) string {
	switch v := v.(type) {
	case []any:
		return "an ARRAY"
	case *orderedObject:
		return "a STRUCT of " + strconv.Itoa(len(v.keys)) + " fields"
	case string:
		return "STRING " + strconv.Quote(v)
	}
	return "a scalar"
}

func castNested(ctx sqlite3.Context, arg ...sqlite3.Value) {
	x := arg[0]
	if x.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	t, rest, ok := parseNestedType(arg[1].Text())
	if !ok || strings.TrimSpace(rest) != "" {
		lineError(ctx, arg[3], "CAST to %s: not a type", arg[1].Text())
		return
	}
	safe := arg[2].Int64() != 0
	var v any
	raw := x.RawText()
	if x.Type() == sqlite3.TEXT && (bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) || bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{"))) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var err error
		if v, err = readOrdered(dec); err != nil {
			v = string(raw)
		}
	} else {
		v = jsonScalarOf(x)
	}
	out, cerr := castNestedValue(v, t)
	if cerr != nil {
		if safe && cerr.bad {
			ctx.ResultNull()
			return
		}
		lineError(ctx, arg[3], "%s", cerr.msg)
		return
	}
	var b bytes.Buffer
	writeNestedCast(&b, out)
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}

// jsonScalarOf is an SQLite value as a JSON scalar.
func jsonScalarOf(x sqlite3.Value) any {
	switch x.Type() {
	case sqlite3.INTEGER, sqlite3.FLOAT:
		return json.Number(x.Text())
	}
	return x.Text()
}

// writeNestedCast writes a cast's value: as writeOrdered, with FLOAT64s keeping
// their point.
func writeNestedCast(b *bytes.Buffer, v any) {
	writeJSON(b, v, func(b *bytes.Buffer, n json.Number) { b.WriteString(n.String()) })
}
