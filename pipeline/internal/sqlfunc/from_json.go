package sqlfunc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's from_json(json, structure), also json_transform: the JSON value
// read as the type structure describes, itself JSON: {"a": "INTEGER"} a
// struct of those fields (in the structure's order, NULL where the value
// lacks one, its other keys dropped), ["VARCHAR"] a list, "DOUBLE" one
// value. A value that does not convert is NULL, as in DuckDB: a number is
// rounded to an INTEGER (half to even), text read as the type it names,
// anything written as its JSON text for a VARCHAR. from_json_strict (also
// json_transform_strict) fails instead, as DuckDB does, on a value that
// does not convert and on a struct's key the object lacks.

func init() {
	add(Func{Name: "from_json_typed", NArgs: 2, Scalar: fromJSON},
		Func{Name: "from_json_strict_typed", NArgs: 2, Scalar: fromJSONStrict})
	rename("from_json_typed", "from_json", "duckdb")
	rename("from_json_typed", "json_transform", "duckdb")
	rename("from_json_strict_typed", "from_json_strict", "duckdb")
	rename("from_json_strict_typed", "json_transform_strict", "duckdb")
}

// fromJSONStrict is from_json failing where it would give NULL for a
// value that is not null.
func fromJSONStrict(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() != sqlite3.NULL && args[1].Type() != sqlite3.NULL {
		shape, err := compiled(ctx, 1, args[1].Text(), &jsonShapes, func(s string) (*jsonShape, error) { return parseJSONShape([]byte(s)) })
		if err != nil {
			fail(ctx, "from_json_strict", "%v", err)
			return
		}
		raw := bytes.TrimSpace(args[0].RawText())
		if json.Valid(raw) {
			if err := shape.check(raw); err != nil {
				fail(ctx, "from_json_strict", "%v, as DuckDB fails", err)
				return
			}
		}
	}
	fromJSON(ctx, args...)
}

// check tells why raw does not convert to the shape, where from_json
// gives NULL for a value that is not null.
func (s *jsonShape) check(raw []byte) error {
	if len(raw) == 0 || raw[0] == 'n' {
		return nil
	}
	switch {
	case s.fields != nil:
		if raw[0] != '{' {
			return fmt.Errorf("%s is not an object", truncate(string(raw)))
		}
		for _, f := range s.fields {
			c := child(raw, step{name: f.name})
			if c == nil {
				return fmt.Errorf("the object %s has no key %q", truncate(string(raw)), f.name)
			}
			if err := f.shape.check(c[:skipValue(c, 0)]); err != nil {
				return err
			}
		}
		return nil
	case s.elem != nil:
		items, isList := elements(raw)
		if !isList {
			return fmt.Errorf("%s is not a list", truncate(string(raw)))
		}
		for _, it := range items {
			if err := s.elem.check(it); err != nil {
				return err
			}
		}
		return nil
	}
	if _, ok := s.readScalar(raw); !ok {
		return fmt.Errorf("%s cannot be read as %s", truncate(string(raw)), s.scalar)
	}
	return nil
}

// jsonShape is a parsed structure: a struct's fields, a list's element or
// a scalar type.
type jsonShape struct {
	fields []jsonField
	elem   *jsonShape
	scalar string // upper case: INTEGER, VARCHAR, DECIMAL ...
	bits   int    // of an integer type; 0 for HUGEINT
	signed bool
	width  int // DECIMAL(width, scale)
	scale  int
}

type jsonField struct {
	name  string
	shape *jsonShape
}

// CheckJSONStructure tells why structure is not one from_json takes here,
// for the translator to refuse a literal one where it is written.
func CheckJSONStructure(structure string) error {
	_, err := parseJSONShape([]byte(structure))
	return err
}

var jsonShapes boundedCache[*jsonShape]

func parseJSONShape(raw []byte) (*jsonShape, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || !json.Valid(raw) {
		return nil, fmt.Errorf("the structure %s is not JSON", truncate(string(raw)))
	}
	switch raw[0] {
	case '{':
		s := &jsonShape{}
		seen := map[string]bool{}
		i := skipSpace(raw, 1)
		for i < len(raw) && raw[i] == '"' {
			end := skipString(raw, i)
			var key string
			if err := json.Unmarshal(raw[i:end], &key); err != nil {
				return nil, err
			}
			i = skipSpace(raw, skipSpace(raw, end)+1)
			vend := skipValue(raw, i)
			if seen[key] {
				return nil, fmt.Errorf("the structure names the key %q twice", key)
			}
			seen[key] = true
			f, err := parseJSONShape(raw[i:vend])
			if err != nil {
				return nil, err
			}
			s.fields = append(s.fields, jsonField{key, f})
			i = skipSpace(raw, vend)
			if i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
			}
		}
		if len(s.fields) == 0 {
			return nil, fmt.Errorf("the structure {} has no field")
		}
		return s, nil
	case '[':
		items, _ := elements(raw)
		if len(items) != 1 {
			return nil, fmt.Errorf("a list's structure holds one element's: [\"INTEGER\"]")
		}
		e, err := parseJSONShape(items[0])
		if err != nil {
			return nil, err
		}
		return &jsonShape{elem: e}, nil
	case '"':
		var name string
		if err := json.Unmarshal(raw, &name); err != nil {
			return nil, err
		}
		return scalarShape(name)
	}
	return nil, fmt.Errorf("the structure %s is neither an object, a list nor a type's name", truncate(string(raw)))
}

// jsonIntegers are DuckDB's integer types: bits and whether signed.
var jsonIntegers = map[string]struct {
	bits   int
	signed bool
}{
	"TINYINT": {8, true}, "INT1": {8, true}, "SMALLINT": {16, true}, "INT2": {16, true}, "SHORT": {16, true},
	"INTEGER": {32, true}, "INT": {32, true}, "INT4": {32, true}, "SIGNED": {32, true},
	"BIGINT": {64, true}, "INT8": {64, true}, "LONG": {64, true},
	"UTINYINT": {8, false}, "USMALLINT": {16, false}, "UINTEGER": {32, false}, "UBIGINT": {64, false},
}

func scalarShape(name string) (*jsonShape, error) {
	typ := strings.ToUpper(strings.Join(strings.Fields(name), ""))
	if n, ok := jsonIntegers[typ]; ok {
		return &jsonShape{scalar: "INTEGER", bits: n.bits, signed: n.signed}, nil
	}
	switch typ {
	case "DOUBLE", "FLOAT8", "FLOAT", "FLOAT4", "REAL":
		return &jsonShape{scalar: "DOUBLE", bits: map[bool]int{true: 32, false: 64}[typ == "FLOAT" || typ == "FLOAT4" || typ == "REAL"]}, nil
	case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR":
		return &jsonShape{scalar: "VARCHAR"}, nil
	case "BOOLEAN", "BOOL", "LOGICAL":
		return &jsonShape{scalar: "BOOLEAN"}, nil
	case "JSON":
		return &jsonShape{scalar: "JSON"}, nil
	case "DATE":
		return &jsonShape{scalar: "DATE"}, nil
	case "TIMESTAMP", "DATETIME":
		return &jsonShape{scalar: KindWallClock}, nil
	case "TIMESTAMPTZ", "TIMESTAMPWITHTIMEZONE":
		return &jsonShape{scalar: KindInstant}, nil
	}
	if rest, ok := strings.CutPrefix(typ, "DECIMAL"); ok || strings.HasPrefix(typ, "NUMERIC") {
		if !ok {
			rest = strings.TrimPrefix(typ, "NUMERIC")
		}
		s := &jsonShape{scalar: "DECIMAL", width: 18, scale: 3}
		if rest != "" {
			var w, sc int
			if n, _ := fmt.Sscanf(rest, "(%d,%d)", &w, &sc); n == 2 && w >= 1 && w <= 38 && sc >= 0 && sc <= w {
				s.width, s.scale = w, sc
			} else if n, _ := fmt.Sscanf(rest, "(%d)", &w); n == 1 && w >= 1 && w <= 38 && !strings.Contains(rest, ",") {
				s.width, s.scale = w, 0
			} else {
				return nil, fmt.Errorf("the type %s in the structure is not a DECIMAL(width, scale)", name)
			}
		}
		return s, nil
	}
	return nil, fmt.Errorf("the type %s in the structure is not one from_json reads here (integers, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, JSON, DATE, TIMESTAMP, TIMESTAMPTZ, and lists and structs of them)", name)
}

func fromJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL || args[1].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	shape, err := compiled(ctx, 1, args[1].Text(), &jsonShapes, func(s string) (*jsonShape, error) { return parseJSONShape([]byte(s)) })
	if err != nil {
		fail(ctx, "from_json", "%v", err)
		return
	}
	raw := bytes.TrimSpace(args[0].RawText())
	if !json.Valid(raw) {
		fail(ctx, "from_json", "malformed JSON: %s", truncate(string(raw)))
		return
	}
	out, ok := shape.read(raw)
	if !ok {
		ctx.ResultNull()
		return
	}
	if shape.scalar == "" {
		ctx.ResultRawText(out)
		ctx.ResultSubtype(jsonSubtype)
		return
	}
	// one value: as SQL's, not JSON's
	switch {
	case shape.scalar == "JSON":
		ctx.ResultRawText(out)
		ctx.ResultSubtype(jsonSubtype)
	case out[0] == '"':
		s, _ := scalarText(out)
		ctx.ResultText(s)
	case shape.scalar == "BOOLEAN":
		ctx.ResultBool(out[0] == 't')
	case shape.scalar == "INTEGER":
		i, _ := strconv.ParseInt(string(out), 10, 64)
		ctx.ResultInt64(i)
	default:
		f, _ := strconv.ParseFloat(string(out), 64)
		ctx.ResultFloat(f)
	}
}

// read converts raw JSON to the shape, giving the JSON of the result; ok
// is false for NULL.
func (s *jsonShape) read(raw []byte) (out []byte, ok bool) {
	if len(raw) == 0 || raw[0] == 'n' {
		return nil, false
	}
	switch {
	case s.fields != nil:
		// a value that is no object gives the struct of NULLs
		b := []byte{'{'}
		for i, f := range s.fields {
			if i > 0 {
				b = append(b, ',')
			}
			key, _ := json.Marshal(f.name)
			b = append(append(b, key...), ':')
			var v []byte
			if raw[0] == '{' {
				if c := child(raw, step{name: f.name}); c != nil {
					v, ok = f.shape.read(c[:skipValue(c, 0)])
				}
			}
			if v == nil || !ok {
				v = []byte("null")
			}
			b = append(b, v...)
		}
		return append(b, '}'), true
	case s.elem != nil:
		items, isList := elements(raw)
		if !isList {
			return nil, false
		}
		b := []byte{'['}
		for i, it := range items {
			if i > 0 {
				b = append(b, ',')
			}
			if v, ok := s.elem.read(it); ok {
				b = append(b, v...)
			} else {
				b = append(b, "null"...)
			}
		}
		return append(b, ']'), true
	}
	return s.readScalar(raw)
}

func (s *jsonShape) readScalar(raw []byte) ([]byte, bool) {
	text, scalar := scalarText(raw)
	isString := raw[0] == '"'
	switch s.scalar {
	case "JSON":
		var b bytes.Buffer
		if json.Compact(&b, raw) != nil {
			return nil, false
		}
		return b.Bytes(), true
	case "VARCHAR":
		if !scalar {
			var b bytes.Buffer
			json.Compact(&b, raw)
			text = b.String()
		} else if !isString && raw[0] != 't' && raw[0] != 'f' && bytes.ContainsAny(raw, ".eE") {
			// a number with a point or an exponent is a DOUBLE's text
			f, err := strconv.ParseFloat(text, 64)
			if err != nil {
				return nil, false
			}
			text = duckFloatText(f, 64)
		}
		b, _ := json.Marshal(text)
		return b, true
	}
	if !scalar {
		return nil, false // an object or a list is no scalar
	}
	switch s.scalar {
	case "BOOLEAN":
		var b bool
		switch {
		case raw[0] == 't' || raw[0] == 'f':
			b = raw[0] == 't'
		case isString:
			switch strings.ToLower(text) {
			case "true", "t", "yes", "y", "1":
				b = true
			case "false", "f", "no", "n", "0":
			default:
				return nil, false
			}
		default:
			f, err := strconv.ParseFloat(text, 64)
			if err != nil {
				return nil, false
			}
			b = f != 0
		}
		return []byte(strconv.FormatBool(b)), true
	case "INTEGER":
		var i int64
		switch {
		case raw[0] == 't' || raw[0] == 'f':
			if raw[0] == 't' {
				i = 1
			}
		default:
			n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
			if err != nil {
				f, ok := parseNumber(strings.TrimSpace(text))
				if !ok {
					return nil, false
				}
				round := math.RoundToEven // a number's; text's half away from zero
				if isString {
					round = math.Round
				}
				r, ok := roundToInt(f, round)
				if !ok {
					return nil, false
				}
				n = r.(int64)
			}
			i = n
		}
		if s.bits > 0 && s.bits < 64 {
			lo, hi := int64(0), int64(1)<<s.bits-1
			if s.signed {
				lo, hi = -(int64(1) << (s.bits - 1)), int64(1)<<(s.bits-1)-1
			}
			if i < lo || i > hi {
				return nil, false
			}
		}
		if !s.signed && i < 0 {
			return nil, false
		}
		return strconv.AppendInt(nil, i, 10), true
	case "DOUBLE":
		var f float64
		switch {
		case raw[0] == 't' || raw[0] == 'f':
			if raw[0] == 't' {
				f = 1
			}
		default:
			v, ok := parseNumber(strings.TrimSpace(text))
			if !ok {
				return nil, false
			}
			f = v.(float64)
		}
		if s.bits == 32 {
			f = float64(float32(f))
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, false // JSON has no infinity
		}
		return realJSON(f), true
	case "DECIMAL":
		r, ok := new(big.Rat).SetString(strings.TrimSpace(text))
		if !ok || raw[0] == 't' || raw[0] == 'f' {
			return nil, false
		}
		// half away from zero at the scale, as DuckDB rounds
		scaled := new(big.Rat).Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.scale)), nil)))
		num, den := new(big.Int).Abs(scaled.Num()), scaled.Denom()
		q, m := new(big.Int).QuoRem(num, den, new(big.Int))
		if new(big.Int).Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
			q.Add(q, big.NewInt(1))
		}
		if len(q.String()) > s.width && q.Sign() != 0 {
			return nil, false // more digits than the width
		}
		if scaled.Sign() < 0 {
			q.Neg(q)
		}
		v, _ := new(big.Rat).SetFrac(q, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(s.scale)), nil)).Float64()
		return realJSON(v), true
	case "DATE", KindWallClock, KindInstant:
		if !isString {
			return nil, false
		}
		kind := s.scalar
		if kind == "DATE" {
			kind = KindWallClock
		}
		t, ok := castTimestamp(strings.TrimSpace(text), kind, "duckdb")
		if !ok {
			return nil, false
		}
		out := string(appendTimestamp(nil, t))
		if s.scalar == "DATE" {
			out = t.Format("2006-01-02")
		}
		b, _ := json.Marshal(out)
		return b, true
	}
	return nil, false
}

// realJSON writes f as a JSON number that SQLite reads back as a real:
// 12.0, not 12.
func realJSON(f float64) []byte {
	b := strconv.AppendFloat(nil, f, 'g', -1, 64)
	if !bytes.ContainsAny(b, ".eE") {
		b = append(b, ".0"...)
	}
	return b
}
