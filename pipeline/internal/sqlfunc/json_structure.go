package sqlfunc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's json_structure(j): the structure of a JSON value, as JSON: an
// object of its keys' structures, a list of the one structure of its
// elements, and for a scalar the name of the type DuckDB reads it as
// (json_type's: UBIGINT, BIGINT, DOUBLE, VARCHAR, BOOLEAN, NULL). The
// elements of a list (and the values of a key given twice) merge: NULL
// takes the other's structure, UBIGINT and BIGINT make HUGEINT, DOUBLE and
// a whole number DOUBLE, objects the union of their keys in the order they
// first come, lists their elements'; anything else, and an object without
// keys, is "JSON". An empty list is ["NULL"]. Text that is no JSON fails,
// as there.

func init() {
	add(Func{Name: "json_structure_duck", NArgs: 1, Scalar: jsonStructure})
	rename("json_structure_duck", "json_structure", "duckdb")
}

// shape is the structure of a JSON value: kind is "object", "array",
// "JSON" or a scalar type's name ("NULL" for a JSON null).
type shape struct {
	kind   string
	keys   []string
	fields map[string]*shape
	elem   *shape
}

func jsonStructure(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(args[0].RawText()))
	dec.UseNumber()
	s, err := readShape(dec)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errNotJSON
		}
	}
	if err != nil {
		fail(ctx, "json_structure", "%q is not JSON", truncate(args[0].Text()))
		return
	}
	var b strings.Builder
	s.write(&b)
	ctx.ResultText(b.String())
	ctx.ResultSubtype(jsonSubtype)
}

var errNotJSON = errors.New("not JSON")

// readShape reads the next value of dec and gives its structure.
func readShape(dec *json.Decoder) (*shape, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			s := &shape{kind: "object", fields: map[string]*shape{}}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				name, ok := k.(string)
				if !ok {
					return nil, errNotJSON
				}
				v, err := readShape(dec)
				if err != nil {
					return nil, err
				}
				s.field(name, v)
			}
			_, err := dec.Token()
			return s, err
		case '[':
			s := &shape{kind: "array", elem: &shape{kind: "NULL"}}
			for dec.More() {
				v, err := readShape(dec)
				if err != nil {
					return nil, err
				}
				s.elem = mergeShapes(s.elem, v)
			}
			_, err := dec.Token()
			return s, err
		}
		return nil, errNotJSON
	case nil:
		return &shape{kind: "NULL"}, nil
	case bool:
		return &shape{kind: "BOOLEAN"}, nil
	case string:
		return &shape{kind: "VARCHAR"}, nil
	case json.Number:
		n := string(t)
		switch {
		case strings.ContainsAny(n, ".eE"):
			return &shape{kind: "DOUBLE"}, nil
		case n[0] == '-':
			if _, err := strconv.ParseInt(n, 10, 64); err == nil {
				return &shape{kind: "BIGINT"}, nil
			}
		default:
			if _, err := strconv.ParseUint(n, 10, 64); err == nil {
				return &shape{kind: "UBIGINT"}, nil
			}
		}
		return &shape{kind: "DOUBLE"}, nil
	}
	return nil, errNotJSON
}

// field merges v into the structure of s's key name.
func (s *shape) field(name string, v *shape) {
	if old, ok := s.fields[name]; ok {
		s.fields[name] = mergeShapes(old, v)
		return
	}
	s.keys = append(s.keys, name)
	s.fields[name] = v
}

// mergeShapes is the one structure of two elements of a list.
func mergeShapes(a, b *shape) *shape {
	switch {
	case a.kind == "NULL":
		return b
	case b.kind == "NULL":
		return a
	case a.kind == "JSON" || b.kind == "JSON":
		return &shape{kind: "JSON"}
	case a.kind == "object" && b.kind == "object":
		s := &shape{kind: "object", fields: map[string]*shape{}}
		for _, x := range []*shape{a, b} {
			for _, k := range x.keys {
				s.field(k, x.fields[k])
			}
		}
		return s
	case a.kind == "array" && b.kind == "array":
		return &shape{kind: "array", elem: mergeShapes(a.elem, b.elem)}
	case a.kind == b.kind:
		return a
	}
	num := map[string]int{"UBIGINT": 1, "BIGINT": 2, "HUGEINT": 3, "DOUBLE": 4}
	x, y := num[a.kind], num[b.kind]
	switch {
	case x == 0 || y == 0:
		return &shape{kind: "JSON"}
	case x == 4 || y == 4:
		return &shape{kind: "DOUBLE"}
	}
	return &shape{kind: "HUGEINT"} // two of UBIGINT, BIGINT and HUGEINT
}

func (s *shape) write(b *strings.Builder) {
	switch {
	case s.kind == "array":
		b.WriteByte('[')
		s.elem.write(b)
		b.WriteByte(']')
	case s.kind == "object" && len(s.keys) > 0:
		b.WriteByte('{')
		for i, k := range s.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			name, _ := json.Marshal(k)
			b.Write(name)
			b.WriteByte(':')
			s.fields[k].write(b)
		}
		b.WriteByte('}')
	case s.kind == "object":
		b.WriteString(`"JSON"`)
	default:
		b.WriteString(strconv.Quote(s.kind))
	}
}
