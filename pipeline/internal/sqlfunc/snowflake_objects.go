package sqlfunc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's objects as JSON objects: OBJECT_INSERT, OBJECT_DELETE,
// OBJECT_PICK, OBJECT_AGG and GET_IGNORE_CASE. Members are in key order, as
// Snowflake keeps them (json_sorted.go); an object can hold
// no SQL NULL, so a pair whose key or value is NULL is left out (a JSON
// null, PARSE_JSON('null'), is kept).

func init() {
	add(Func{Name: "object_insert_key", NArgs: -1, Scalar: objectInsert},
		Func{Name: "object_delete_keys", NArgs: -1, Scalar: objectKeep(false)},
		Func{Name: "object_pick_keys", NArgs: -1, Scalar: objectKeep(true)},
		Func{Name: "object_agg_unique", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &objectAgg{} }},
		Func{Name: "member_ignoring_case", NArgs: 2, Scalar: memberIgnoringCase})
	rename("member_ignoring_case", "get_ignore_case", "snowflake")
	rename("object_insert_key", "object_insert", "snowflake")
	rename("object_delete_keys", "object_delete", "snowflake")
	rename("object_pick_keys", "object_pick", "snowflake")
	rename("object_agg_unique", "object_agg", "snowflake")
	rename("object_agg_unique", "objectagg", "snowflake")
}

type member struct {
	key string
	raw json.RawMessage
}

// readObject reads a JSON object's members in order; ok is false when v is
// no object.
func readObject(v sqlite3.Value) (ms []member, ok bool) {
	raw := bytes.TrimSpace(v.RawText())
	if len(raw) == 0 || raw[0] != '{' {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	for dec.More() {
		t, err := dec.Token()
		k, isKey := t.(string)
		if err != nil || !isKey {
			return nil, false
		}
		var m json.RawMessage
		if dec.Decode(&m) != nil {
			return nil, false
		}
		ms = append(ms, member{k, m})
	}
	return ms, true
}

// resultObject returns ms as a JSON object, its keys sorted.
func resultObject(ctx sqlite3.Context, ms []member) {
	sorted, ok := sortedJSON(objectText(ms))
	if !ok {
		ctx.ResultNull()
		return
	}
	ctx.ResultRawText(sorted)
	ctx.ResultSubtype(jsonSubtype)
}

// objectOf is the JSON object of keys and their values, in that order.
func objectOf(keys []string, values []json.RawMessage) []byte {
	ms := make([]member, len(keys))
	for i, k := range keys {
		ms[i] = member{key: k, raw: values[i]}
	}
	return objectText(ms)
}

// objectText is the JSON object of ms, its members in their order.
func objectText(ms []member) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range ms {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.raw)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// objectArg reads argument v of fn as an object: NULL gives NULL, anything
// else that is no object fails. false when the result is set.
func objectArg(ctx sqlite3.Context, fn string, v sqlite3.Value) ([]member, bool) {
	if v.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return nil, false
	}
	ms, ok := readObject(v)
	if !ok {
		fail(ctx, fn, "not an object: %s", truncate(v.Text()))
	}
	return ms, ok
}

// objectInsert is OBJECT_INSERT(object, key, value[, update]): the object
// with the pair added; a key it has already fails unless update
// is TRUE, which replaces that member's value.
func objectInsert(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "OBJECT_INSERT"
	if len(args) < 3 || len(args) > 4 {
		fail(ctx, fn, "takes an object, a key, a value and an optional update flag")
		return
	}
	ms, ok := objectArg(ctx, fn, args[0])
	if !ok {
		return
	}
	update := len(args) == 4 && args[3].Type() != sqlite3.NULL && args[3].Int64() != 0
	key, omit := args[1].Text(), args[1].Type() == sqlite3.NULL || args[2].Type() == sqlite3.NULL
	for i, m := range ms {
		if omit || m.key != key {
			continue
		}
		if !update {
			fail(ctx, fn, "duplicate field key '%s' (pass TRUE as the fourth argument to update it)", key)
			return
		}
		ms[i].raw = variantJSON(args[2])
		resultObject(ctx, ms)
		return
	}
	if !omit {
		ms = append(ms, member{key, variantJSON(args[2])})
	}
	resultObject(ctx, ms)
}

// objectKeep is OBJECT_PICK(object, key, ...) (pick) and
// OBJECT_DELETE(object, key, ...): the members named (or the others), in
// the object's order. OBJECT_PICK also takes the keys as one array.
func objectKeep(pick bool) func(sqlite3.Context, ...sqlite3.Value) {
	fn := "OBJECT_DELETE"
	if pick {
		fn = "OBJECT_PICK"
	}
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if len(args) < 2 {
			fail(ctx, fn, "takes an object and keys")
			return
		}
		ms, ok := objectArg(ctx, fn, args[0])
		if !ok {
			return
		}
		named := map[string]bool{}
		for _, a := range args[1:] {
			if pick && len(args) == 2 && isArrayText(a) {
				items, ok := arrayArg(ctx, a)
				if !ok {
					return
				}
				for _, it := range items {
					if s, ok := scalarText(it); ok {
						named[s] = true
					}
				}
				continue
			}
			if a.Type() != sqlite3.NULL {
				named[a.Text()] = true
			}
		}
		out := []member{}
		for _, m := range ms {
			if named[m.key] == pick {
				out = append(out, m)
			}
		}
		resultObject(ctx, out)
	}
}

// objectAgg is OBJECT_AGG(key, value): the group's pairs as one object,
// those with a NULL key or value left out; a key read twice fails, as in
// Snowflake.
type objectAgg struct {
	members []member
	seen    map[string]bool
	err     error
}

func (o *objectAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if o.err != nil || anyNull(arg) {
		return
	}
	k := arg[0].Text()
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	if o.seen[k] {
		o.err = fmt.Errorf("OBJECT_AGG: duplicate field key '%s'", k)
		return
	}
	o.seen[k] = true
	o.members = append(o.members, member{k, variantJSON(arg[1])})
}

func (o *objectAgg) Value(ctx sqlite3.Context) {
	if o.err != nil {
		resultError(ctx, o.err)
		return
	}
	resultObject(ctx, o.members)
}

// isArrayText reports whether v is a JSON array.
func isArrayText(v sqlite3.Value) bool {
	raw := bytes.TrimSpace(v.RawText())
	return v.Type() == sqlite3.TEXT && len(raw) > 0 && raw[0] == '[' && json.Valid(raw)
}

// variantJSON is a value as a VARIANT member: as valueJSON, but text that
// is a JSON array or object (a column of them, which has lost the mark
// json() gives) is nested, not quoted.
func variantJSON(v sqlite3.Value) json.RawMessage {
	raw := bytes.TrimSpace(v.RawText())
	if v.Type() == sqlite3.TEXT && len(raw) > 0 && (raw[0] == '[' || raw[0] == '{') && json.Valid(raw) {
		return json.RawMessage(bytes.Clone(raw))
	}
	return valueJSON(v)
}

// memberIgnoringCase is GET_IGNORE_CASE(object, key): the member whose key
// equals key (exactly, else ignoring case), as GET gives it; NULL when
// there is none.
func memberIgnoringCase(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ms, ok := objectArg(ctx, "GET_IGNORE_CASE", args[0])
	if !ok {
		return
	}
	key := args[1].Text()
	found := -1
	for i, m := range ms {
		if m.key == key {
			found = i
			break
		}
		if found < 0 && strings.EqualFold(m.key, key) {
			found = i
		}
	}
	if found < 0 {
		ctx.ResultNull()
		return
	}
	resultJSON(ctx, ms[found].raw)
}
