package sqlfunc

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's MAP values. A MAP is JSON text here, as lists and structs are:
// the JSON array of its entries in their order, each an object
// {"key": k, "value": v}, which is how DuckDB itself lays a MAP out (a
// list of key/value structs, what map_entries gives). Keys keep their
// type (MAP {1: 'a'} has the number 1 for a key), are never NULL and are
// unique.
//
//	duck_map(entries)               MAP {k: v, ...}: the entries checked
//	map_of_lists(keys, values)      map(keys, values), map()
//	map_from_entries_duck(list)     map_from_entries: each struct's first
//	                                field the key, its second the value
//	map_value_duck(m, k)            m[k], map_extract_value: the value or NULL
//	map_extract_duck(m, k)          map_extract, element_at: [value] or []
//	map_keys_duck, map_values_duck  the lists of keys and values
//	map_entries_duck                the entries, as a list of structs
//	map_cardinality                 cardinality: the number of entries
//	map_concat_duck(m, ...)         the entries of every map, a later map's
//	                                value of a key replacing an earlier
//	                                one in its place; NULL maps skipped
//	map_contains_duck(m, k), map_contains_value_duck(m, v),
//	map_contains_entry_duck(m, k, v)
//	histogram_duck(x)               the map of each value's count, its keys
//	                                in order, NULL values left out

func init() {
	add(Func{Name: "duck_map", NArgs: 1, Scalar: duckMap},
		Func{Name: "map_of_lists", NArgs: -1, Scalar: mapOfLists},
		Func{Name: "map_from_entries_duck", NArgs: 1, Scalar: mapFromEntries},
		Func{Name: "map_value_duck", NArgs: 2, Scalar: mapValue},
		Func{Name: "map_extract_duck", NArgs: 2, Scalar: mapExtract},
		Func{Name: "map_keys_duck", NArgs: 1, Scalar: mapParts(true)},
		Func{Name: "map_values_duck", NArgs: 1, Scalar: mapParts(false)},
		Func{Name: "map_entries_duck", NArgs: 1, Scalar: mapEntriesOf},
		Func{Name: "map_cardinality", NArgs: 1, Scalar: mapCardinality},
		Func{Name: "map_concat_duck", NArgs: -1, Scalar: mapConcat},
		Func{Name: "map_contains_duck", NArgs: 2, Scalar: mapContains(false)},
		Func{Name: "map_contains_value_duck", NArgs: 2, Scalar: mapContains(true)},
		Func{Name: "map_contains_entry_duck", NArgs: 3, Scalar: mapContainsEntry},
		Func{Name: "histogram_duck", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &histogramAgg{} }})
	rename("map_of_lists", "map", "duckdb")
	rename("map_from_entries_duck", "map_from_entries", "duckdb")
	rename("map_value_duck", "map_extract_value", "duckdb")
	rename("map_extract_duck", "map_extract", "duckdb")
	rename("map_extract_duck", "element_at", "duckdb")
	rename("map_keys_duck", "map_keys", "duckdb")
	rename("map_values_duck", "map_values", "duckdb")
	rename("map_entries_duck", "map_entries", "duckdb")
	rename("map_cardinality", "cardinality", "duckdb")
	rename("map_concat_duck", "map_concat", "duckdb")
	rename("map_contains_duck", "map_contains", "duckdb")
	rename("map_contains_value_duck", "map_contains_value", "duckdb")
	rename("map_contains_entry_duck", "map_contains_entry", "duckdb")
	rename("histogram_duck", "histogram", "duckdb")
}

// mapEntry is one entry of a MAP: its key and value as JSON.
type mapEntry struct {
	Key   json.RawMessage `json:"key"`
	Value json.RawMessage `json:"value"`
}

// readMap reads a MAP argument; ok is false (and the result set) for NULL
// or text that is no MAP.
func readMap(ctx sqlite3.Context, fn string, v sqlite3.Value) ([]mapEntry, bool) {
	if v.Type() == sqlite3.NULL {
		ctx.ResultNull()
		return nil, false
	}
	var es []mapEntry
	if err := json.Unmarshal([]byte(v.Text()), &es); err != nil {
		fail(ctx, fn, "not a MAP (a JSON array of {\"key\": k, \"value\": v} entries): %s", truncate(v.Text()))
		return nil, false
	}
	for i := range es {
		if es[i].Value == nil {
			es[i].Value = json.RawMessage("null")
		}
	}
	return es, true
}

// resultMap returns entries as a MAP after DuckDB's checks: no NULL key,
// no key twice.
func resultMap(ctx sqlite3.Context, fn string, es []mapEntry) {
	seen := make(map[string]bool, len(es))
	for _, e := range es {
		if e.Key == nil || string(e.Key) == "null" {
			fail(ctx, fn, "Map keys can not be NULL")
			return
		}
		k := jsonKey(e.Key)
		if seen[k] {
			fail(ctx, fn, "Map keys must be unique")
			return
		}
		seen[k] = true
	}
	writeMapResult(ctx, es)
}

func writeMapResult(ctx sqlite3.Context, es []mapEntry) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, e := range es {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"key":`)
		json.Compact(&b, e.Key)
		b.WriteString(`,"value":`)
		json.Compact(&b, e.Value)
		b.WriteByte('}')
	}
	b.WriteByte(']')
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}

func duckMap(ctx sqlite3.Context, args ...sqlite3.Value) {
	es, ok := readMap(ctx, "MAP", args[0])
	if ok {
		resultMap(ctx, "MAP", es)
	}
}

func mapOfLists(ctx sqlite3.Context, args ...sqlite3.Value) {
	switch len(args) {
	case 0:
		writeMapResult(ctx, nil)
		return
	case 2:
	default:
		fail(ctx, "MAP", "takes two lists, the keys and the values, or none")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	keys, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	values, ok := arrayArg(ctx, args[1])
	if !ok {
		return
	}
	if len(keys) != len(values) {
		fail(ctx, "MAP", "The map key list does not align with the map value list.")
		return
	}
	es := make([]mapEntry, len(keys))
	for i := range keys {
		es[i] = mapEntry{keys[i], values[i]}
	}
	resultMap(ctx, "MAP", es)
}

func mapFromEntries(ctx sqlite3.Context, args ...sqlite3.Value) {
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	es := make([]mapEntry, 0, len(items))
	for _, it := range items {
		fields, ok := objectFields(it)
		if !ok || len(fields) != 2 {
			fail(ctx, "MAP_FROM_ENTRIES", "each entry must be a struct of two fields, the key and the value, not %s", truncate(string(it)))
			return
		}
		es = append(es, mapEntry{fields[0], fields[1]})
	}
	resultMap(ctx, "MAP_FROM_ENTRIES", es)
}

// objectFields are the values of a JSON object's members in their order.
func objectFields(raw []byte) ([]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []json.RawMessage
	for dec.More() {
		if _, err := dec.Token(); err != nil {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// mapFind is the index of the entry of key k, -1 when there is none. The
// key given is cast to the keys' type, as DuckDB casts it: '1' finds the
// key 1, and 1 the key '1'.
func mapFind(es []mapEntry, k sqlite3.Value) int {
	want := valueJSON(k)
	for i, e := range es {
		if sameJSON(e.Key, want) {
			return i
		}
	}
	for i, e := range es {
		switch {
		case len(e.Key) > 0 && e.Key[0] == '"' && k.Type() != sqlite3.TEXT && k.Type() != sqlite3.NULL:
			if s, ok := scalarText(e.Key); ok && s == k.Text() {
				return i
			}
		case len(e.Key) > 0 && (e.Key[0] == '-' || e.Key[0] >= '0' && e.Key[0] <= '9') && k.Type() == sqlite3.TEXT:
			kf, err1 := strconv.ParseFloat(k.Text(), 64)
			ef, err2 := strconv.ParseFloat(string(e.Key), 64)
			if err1 == nil && err2 == nil && kf == ef {
				return i
			}
		}
	}
	return -1
}

func mapValue(ctx sqlite3.Context, args ...sqlite3.Value) {
	es, ok := readMap(ctx, "MAP_EXTRACT_VALUE", args[0])
	if !ok {
		return
	}
	if i := mapFind(es, args[1]); i >= 0 {
		resultElement(ctx, es[i].Value)
		return
	}
	ctx.ResultNull()
}

func mapExtract(ctx sqlite3.Context, args ...sqlite3.Value) {
	es, ok := readMap(ctx, "MAP_EXTRACT", args[0])
	if !ok {
		return
	}
	var items [][]byte
	if i := mapFind(es, args[1]); i >= 0 {
		items = append(items, es[i].Value)
	}
	resultList(ctx, items)
}

func mapParts(keys bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		es, ok := readMap(ctx, "MAP_KEYS", args[0])
		if !ok {
			return
		}
		items := make([][]byte, len(es))
		for i, e := range es {
			items[i] = e.Value
			if keys {
				items[i] = e.Key
			}
		}
		resultList(ctx, items)
	}
}

func mapEntriesOf(ctx sqlite3.Context, args ...sqlite3.Value) {
	if es, ok := readMap(ctx, "MAP_ENTRIES", args[0]); ok {
		writeMapResult(ctx, es)
	}
}

func mapCardinality(ctx sqlite3.Context, args ...sqlite3.Value) {
	if es, ok := readMap(ctx, "CARDINALITY", args[0]); ok {
		ctx.ResultInt(len(es))
	}
}

func mapConcat(ctx sqlite3.Context, args ...sqlite3.Value) {
	var out []mapEntry
	index := map[string]int{}
	some := false
	for _, a := range args {
		if a.Type() == sqlite3.NULL {
			continue
		}
		es, ok := readMap(ctx, "MAP_CONCAT", a)
		if !ok {
			return
		}
		some = true
		for _, e := range es {
			k := jsonKey(e.Key)
			if i, seen := index[k]; seen {
				out[i].Value = e.Value
				continue
			}
			index[k] = len(out)
			out = append(out, e)
		}
	}
	if !some {
		ctx.ResultNull()
		return
	}
	writeMapResult(ctx, out)
}

func mapContains(value bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		es, ok := readMap(ctx, "MAP_CONTAINS", args[0])
		if !ok {
			return
		}
		if !value {
			ctx.ResultBool(mapFind(es, args[1]) >= 0)
			return
		}
		want := valueJSON(args[1])
		for _, e := range es {
			if sameJSON(e.Value, want) {
				ctx.ResultBool(true)
				return
			}
		}
		ctx.ResultBool(false)
	}
}

func mapContainsEntry(ctx sqlite3.Context, args ...sqlite3.Value) {
	es, ok := readMap(ctx, "MAP_CONTAINS_ENTRY", args[0])
	if !ok {
		return
	}
	i := mapFind(es, args[1])
	ctx.ResultBool(i >= 0 && sameJSON(es[i].Value, valueJSON(args[2])))
}

// histogramAgg counts each value of a group, for DuckDB's histogram(x).
type histogramAgg struct {
	counts map[string]int64
	keys   []json.RawMessage
}

func (h *histogramAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	raw := valueJSON(arg[0])
	k := jsonKey(raw)
	if h.counts == nil {
		h.counts = map[string]int64{}
	}
	if _, seen := h.counts[k]; !seen {
		h.keys = append(h.keys, raw)
	}
	h.counts[k]++
}

func (h *histogramAgg) Value(ctx sqlite3.Context) {
	if len(h.keys) == 0 {
		ctx.ResultNull()
		return
	}
	keys := append([]json.RawMessage(nil), h.keys...)
	decoded := make(map[string]any, len(keys))
	for _, k := range keys {
		var v any
		json.Unmarshal(k, &v)
		decoded[string(k)] = v
	}
	sort.SliceStable(keys, func(i, j int) bool {
		return compareJSON(decoded[string(keys[i])], decoded[string(keys[j])]) < 0
	})
	es := make([]mapEntry, len(keys))
	for i, k := range keys {
		es[i] = mapEntry{k, json.RawMessage(strconv.FormatInt(h.counts[jsonKey(k)], 10))}
	}
	writeMapResult(ctx, es)
}
