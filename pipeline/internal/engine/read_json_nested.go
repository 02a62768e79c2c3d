package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// jsonObject is a JSON object with its keys in the order written, which
// DuckDB's reader keeps for a STRUCT's fields.
type jsonObject struct {
	keys []string
	vals map[string]any
	raw  string // a row's text as the file writes it (read_json_objects)
}

// decodeJSON reads the next value of d: an object as a *jsonObject, an
// array as []any, numbers as json.Number.
func decodeJSON(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := &jsonObject{vals: map[string]any{}}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeJSON(d)
			if err != nil {
				return nil, err
			}
			key := k.(string)
			if _, seen := o.vals[key]; !seen {
				o.keys = append(o.keys, key)
			}
			o.vals[key] = v
		}
		_, err := d.Token()
		return o, err
	case json.Delim('['):
		l := []any{}
		for d.More() {
			v, err := decodeJSON(d)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := d.Token()
		return l, err
	}
	return tok, nil
}

// jsonType is the type DuckDB's reader detects for a nested value: a
// scalar kind, a STRUCT's fields in the order first seen, or a list's
// element type.
type jsonType struct {
	kind   jsonKind
	list   bool
	elem   *jsonType
	fields []string
	types  map[string]*jsonType
}

// typeOfJSON is the type of one value.
func typeOfJSON(v any) *jsonType {
	switch v := v.(type) {
	case *jsonObject:
		t := &jsonType{kind: jsonNested, types: map[string]*jsonType{}}
		for _, k := range v.keys {
			t.fields = append(t.fields, k)
			t.types[k] = typeOfJSON(v.vals[k])
		}
		return t
	case []any:
		t := &jsonType{kind: jsonNested, list: true, elem: &jsonType{}}
		for _, e := range v {
			t.elem = mergeJSONTypes(t.elem, typeOfJSON(e))
		}
		return t
	}
	return &jsonType{kind: kindOf(v)}
}

// mergeJSONTypes is the type DuckDB gives values of types a and b: NULL
// takes the other, BIGINT and DOUBLE are DOUBLE, structs take the union
// of their fields and lists merge their elements; other mixes are JSON.
func mergeJSONTypes(a, b *jsonType) *jsonType {
	switch {
	case a.kind == jsonNull:
		return b
	case b.kind == jsonNull:
		return a
	case a.kind == jsonAny || b.kind == jsonAny:
		return &jsonType{kind: jsonAny}
	case a.kind == jsonNested && b.kind == jsonNested && a.list == b.list:
		if a.list {
			return &jsonType{kind: jsonNested, list: true, elem: mergeJSONTypes(a.elem, b.elem)}
		}
		t := &jsonType{kind: jsonNested, fields: append([]string(nil), a.fields...), types: map[string]*jsonType{}}
		for k, v := range a.types {
			t.types[k] = v
		}
		for _, k := range b.fields {
			if old, ok := t.types[k]; ok {
				t.types[k] = mergeJSONTypes(old, b.types[k])
			} else {
				t.fields = append(t.fields, k)
				t.types[k] = b.types[k]
			}
		}
		return t
	case a.kind == b.kind:
		return a
	case (a.kind == jsonBigint || a.kind == jsonDouble) && (b.kind == jsonBigint || b.kind == jsonDouble):
		return &jsonType{kind: jsonDouble}
	}
	return &jsonType{kind: jsonAny}
}

// check is why the playground cannot hold values of type t ("" when it
// can): JSON (values of different kinds) and MAPs (empty objects only)
// inside a struct or list, and integers past 64 bits.
func (t *jsonType) check() string {
	switch {
	case t.kind == jsonAny:
		return "values of different kinds inside its objects or arrays (DuckDB's JSON there)"
	case t.kind == jsonNested && !t.list && len(t.fields) == 0:
		return "empty objects only (DuckDB's MAP there)"
	case t.list:
		return t.elem.check()
	}
	for _, k := range t.fields {
		if why := t.types[k].check(); why != "" {
			return why
		}
	}
	return ""
}

// collectStrings gathers the strings of v (of type t) by their path, for
// their types to be detected as the top level's are.
func collectStrings(v any, t *jsonType, path string, out map[string][]string) {
	switch v := v.(type) {
	case string:
		out[path] = append(out[path], v)
	case *jsonObject:
		for _, k := range v.keys {
			collectStrings(v.vals[k], t.types[k], path+"."+k, out)
		}
	case []any:
		for _, e := range v {
			collectStrings(e, t.elem, path+"[]", out)
		}
	}
}

// writeJSON writes v, of type t, as the playground holds a list or a
// struct: every field of the struct type in order (null where the object
// lacks it), booleans true and false, a DOUBLE's integers as numbers, the
// strings of a path conv converts (dates, timestamps) in the project's
// form.
func writeJSON(b *bytes.Buffer, v any, t *jsonType, path string, conv map[string]func(string) (string, bool)) error {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case *jsonObject:
		b.WriteByte('{')
		for i, k := range t.fields {
			if i > 0 {
				b.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			b.Write(kb)
			b.WriteByte(':')
			if err := writeJSON(b, v.vals[k], t.types[k], path+"."+k, conv); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e, t.elem, path+"[]", conv); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string:
		if c := conv[path]; c != nil {
			s, ok := c(v)
			if !ok {
				return fmt.Errorf("%q does not read as the type of its other values", v)
			}
			v = s
		}
		sb, _ := json.Marshal(v)
		b.Write(sb)
	case json.Number:
		if t.kind == jsonDouble {
			f, err := v.Float64()
			if err != nil {
				return err
			}
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
			return nil
		}
		b.WriteString(string(v))
	case bool:
		b.WriteString(strconv.FormatBool(v))
	}
	return nil
}

// shape is the tree of t's leaves as a built table keeps a nested
// column's (dialect's nested shapes): number types, BOOLEAN, VARCHAR, and
// the kinds of the paths whose strings read as dates or timestamps.
func (t *jsonType) shape(path string, kinds map[string]string) any {
	switch {
	case t.list:
		return []any{t.elem.shape(path+"[]", kinds)}
	case t.kind == jsonNested:
		m := map[string]any{}
		for _, k := range t.fields {
			m[k] = t.types[k].shape(path+"."+k, kinds)
		}
		return m
	}
	switch t.kind {
	case jsonBigint:
		return "INTEGER"
	case jsonDouble:
		return "REAL"
	case jsonBool:
		return "BOOLEAN"
	case jsonString:
		if k := kinds[path]; k != "" {
			return k
		}
		return "VARCHAR"
	}
	return nil
}
