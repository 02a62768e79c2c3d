package sqlfunc

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake keeps an OBJECT's keys sorted: OBJECT_CONSTRUCT('b', 1, 'a',
// 2) and PARSE_JSON('{"b":1,"a":2}') both show {"a":2,"b":1}, at every
// depth. json_keys_sorted(x) writes JSON text so (a JSON string at the top
// as its text, the project's VARIANT string); the translator wraps
// Snowflake's object-making expressions in it, and the OBJECT_ functions
// (snowflake_objects.go) sort what they give.

func init() {
	add(Func{Name: "json_keys_sorted", NArgs: 1, Scalar: jsonKeysSorted})
	add(Func{Name: "json_without_null_members", NArgs: 1, Scalar: jsonWithoutNullMembers})
}

// jsonWithoutNullMembers is a JSON object without its members whose value
// is null, as Snowflake's OBJECT_CONSTRUCT leaves them out; other values
// as they are. It is a function, where a subquery over json_each read a
// column named key, value, type, id, path... as json_each's own.
func jsonWithoutNullMembers(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() != sqlite3.TEXT {
		ctx.ResultValue(args[0])
		return
	}
	raw := bytes.TrimSpace(args[0].RawText())
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var b bytes.Buffer
	ok := len(raw) > 0 && raw[0] == '{'
	if ok {
		_, err := dec.Token()
		ok = err == nil
	}
	b.WriteByte('{')
	n := 0
	for ok && dec.More() {
		t, err := dec.Token()
		k, isKey := t.(string)
		var m json.RawMessage
		if err != nil || !isKey || dec.Decode(&m) != nil {
			ok = false
			break
		}
		if bytes.Equal(bytes.TrimSpace(m), []byte("null")) {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		b.Write(m)
	}
	if !ok {
		ctx.ResultValue(args[0]) // not an object: as it is
		return
	}
	b.WriteByte('}')
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}

func jsonKeysSorted(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() != sqlite3.TEXT {
		ctx.ResultValue(args[0])
		return
	}
	raw := args[0].RawText()
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '"' {
		// a string is its text, as a VARIANT string is everywhere here
		// (v:field, TO_VARIANT), so ::string and = 'abc' read it
		var str string
		if json.Unmarshal(t, &str) == nil {
			ctx.ResultText(str)
			return
		}
	}
	sorted, ok := sortedJSON(raw)
	if !ok {
		// not JSON: the value as it is
		ctx.ResultValue(args[0])
		return
	}
	ctx.ResultRawText(sorted)
	ctx.ResultSubtype(jsonSubtype)
}

// sortedJSON is raw, compact, with the members of every object in key
// order (byte order of the keys, a key twice kept in order).
func sortedJSON(raw []byte) ([]byte, bool) { return sortedJSONOf(raw, false) }

// sortedJSONOf is sortedJSON; firstKey keeps only the first member of a
// key an object has twice.
func sortedJSONOf(raw []byte, firstKey bool) ([]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var b bytes.Buffer
	if err := writeSorted(&b, dec, firstKey); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		return nil, false // more than one value
	}
	return b.Bytes(), true
}

func writeSorted(b *bytes.Buffer, dec *json.Decoder, firstKey bool) error {
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return err
	}
	return appendSorted(b, v, firstKey)
}

// appendSorted writes one JSON value with its objects' keys sorted;
// firstKey keeps the first member of a key met twice.
func appendSorted(b *bytes.Buffer, v json.RawMessage, firstKey bool) error {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) > 0 && v[0] == '{':
		var ms []member
		seen := map[string]bool{}
		dec := json.NewDecoder(bytes.NewReader(v))
		if _, err := dec.Token(); err != nil {
			return err
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			k, _ := t.(string)
			var m json.RawMessage
			if err := dec.Decode(&m); err != nil {
				return err
			}
			if firstKey {
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			ms = append(ms, member{k, m})
		}
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].key < ms[j].key })
		b.WriteByte('{')
		for i, m := range ms {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.key)
			b.Write(k)
			b.WriteByte(':')
			if err := appendSorted(b, m.raw, firstKey); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case len(v) > 0 && v[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(v, &items); err != nil {
			return err
		}
		b.WriteByte('[')
		for i, it := range items {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := appendSorted(b, it, firstKey); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	default:
		return json.Compact(b, v)
	}
	return nil
}
