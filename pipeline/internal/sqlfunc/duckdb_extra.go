package sqlfunc

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// More of DuckDB's functions, each checked on DuckDB:
//
//	struct_values(s)             the values of a struct's fields, in their
//	                             order (a list here: DuckDB's unnamed struct)
//	json_contains(j, needle)     whether needle is in j: equal to j, or to a
//	                             value nested in it, where an object
//	                             contains another whose keys it has with
//	                             values that contain the other's, and an
//	                             array another whose every element is
//	                             contained in one of its elements;
//	                             integers and reals never equal
//	uuidv7()                     a random version 7 UUID, its first 48 bits
//	                             the milliseconds since 1970
//	substring_grapheme(s, start[, length])  substring counting grapheme
//	                             clusters, with substring's rules for a start
//	                             at 0 or below and a negative length
//	list_resize(l, n[, v])       l cut or padded to n elements with v (NULL
//	                             by default); a NULL n gives []
//	approx_top_k(x, k)           the k most frequent non-NULL values, most
//	                             first; of values as frequent, the one that
//	                             reached its count first (DuckDB's
//	                             space-saving sketch, exact while it holds
//	                             every value); NULL over no value
//	array_cross_product(a, b)    the cross product of two 3-element arrays
//	struct_keys(s)               the names of a struct's fields, in order
//	struct_concat(a, b, ...)     the fields of every struct, in order; a
//	                             name given twice fails
//	array_pop_back(l), array_pop_front(l)  l without its last (first)
//	                             element; [] stays []
//	uuid_extract_version(u)      the version digit of a UUID
//	to_json(x)                   NULL for NULL (not the JSON null)
//	list_concat(a, b, ...)       the lists' elements, a NULL list left out;
//	                             NULL when every list is

func init() {
	add(Func{Name: "struct_values_duck", NArgs: 1, Scalar: structValues},
		Func{Name: "json_contains_duck", NArgs: 2, Scalar: jsonContains},
		Func{Name: "uuidv7_text", NArgs: 0, Scalar: uuidV7, Volatile: true},
		Func{Name: "substring_grapheme_duck", NArgs: -1, Scalar: substringGrapheme},
		Func{Name: "list_resize_duck", NArgs: -1, Scalar: listResize},
		Func{Name: "approx_top_k_duck", NArgs: 2, Window: func() sqlite3.AggregateFunction { return &topK{} }},
		Func{Name: "array_cross_product_duck", NArgs: 2, Scalar: arrayCrossProduct},
		Func{Name: "list_of_length", NArgs: 4, Scalar: listOfLength})
	rename("struct_values_duck", "struct_values", "duckdb")
	rename("json_contains_duck", "json_contains", "duckdb")
	rename("uuidv7_text", "uuidv7", "duckdb")
	rename("substring_grapheme_duck", "substring_grapheme", "duckdb")
	rename("list_resize_duck", "list_resize", "duckdb")
	rename("list_resize_duck", "array_resize", "duckdb")
	rename("approx_top_k_duck", "approx_top_k", "duckdb")
	rename("array_cross_product_duck", "array_cross_product", "duckdb")
	rename("json_array", "array_value", "duckdb")
	// aliases: list_cat of list_concat, list_pack of list_value,
	// array_to_json and row_to_json of to_json, from_hex of unhex
	rename("json_array", "list_pack", "duckdb")
	rename("to_json_duck", "array_to_json", "duckdb")
	rename("to_json_duck", "row_to_json", "duckdb")
	// to_json of NULL is NULL; list_concat leaves NULL lists out
	add(Func{Name: "to_json_duck", NArgs: 1, Scalar: toJSONDuck},
		Func{Name: "to_json_duck", NArgs: 2, Scalar: toJSONStringPretty},
		Func{Name: "list_concat_duck", NArgs: -1, Scalar: listConcatDuck})
	rename("to_json_duck", "to_json", "duckdb")
	for _, n := range []string{"list_concat", "list_cat", "array_concat", "array_cat"} {
		rename("list_concat_duck", n, "duckdb")
	}
	rename("unhex", "from_hex", "duckdb")
	add(Func{Name: "struct_keys_duck", NArgs: 1, Scalar: structKeys},
		Func{Name: "struct_concat_duck", NArgs: -1, Scalar: structConcat},
		Func{Name: "array_pop_back_duck", NArgs: 1, Scalar: arrayPop(true)},
		Func{Name: "array_pop_front_duck", NArgs: 1, Scalar: arrayPop(false)},
		Func{Name: "uuid_extract_version_duck", NArgs: 1, Scalar: uuidExtractVersion})
	rename("struct_keys_duck", "struct_keys", "duckdb")
	rename("struct_concat_duck", "struct_concat", "duckdb")
	rename("array_pop_back_duck", "array_pop_back", "duckdb")
	rename("array_pop_front_duck", "array_pop_front", "duckdb")
	rename("uuid_extract_version_duck", "uuid_extract_version", "duckdb")
}

func structValues(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	dec := json.NewDecoder(bytes.NewReader(args[0].RawText()))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		fail(ctx, "STRUCT_VALUES", "takes a struct, not %s", truncate(args[0].Text()))
		return
	}
	items := []json.RawMessage{}
	for dec.More() {
		if _, err := dec.Token(); err != nil {
			resultError(ctx, err)
			return
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			resultError(ctx, err)
			return
		}
		items = append(items, v)
	}
	resultArray(ctx, items)
}

// jsonValue is a JSON value read with its object's keys in order and its
// numbers as written.
type jsonValue struct {
	kind   byte // 'o' object, 'a' array, 'i' integer, 'r' real, 's' string, 'b' boolean, 'n' null
	text   string
	keys   []string
	values []*jsonValue
}

func readJSONValue(dec *json.Decoder) (*jsonValue, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch x := t.(type) {
	case json.Delim:
		v := &jsonValue{kind: 'a'}
		if x == '{' {
			v.kind = 'o'
		}
		for dec.More() {
			if v.kind == 'o' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, k.(string))
			}
			e, err := readJSONValue(dec)
			if err != nil {
				return nil, err
			}
			v.values = append(v.values, e)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return v, nil
	case json.Number:
		s := string(x)
		if bytes.ContainsAny([]byte(s), ".eE") {
			return &jsonValue{kind: 'r', text: s}, nil
		}
		return &jsonValue{kind: 'i', text: s}, nil
	case string:
		return &jsonValue{kind: 's', text: x}, nil
	case bool:
		return &jsonValue{kind: 'b', text: strconv.FormatBool(x)}, nil
	}
	return &jsonValue{kind: 'n'}, nil
}

func parseJSONValue(doc []byte) (*jsonValue, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	v, err := readJSONValue(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("more than one value")
	}
	return v, nil
}

// equal is JSON equality: numbers of one kind by value.
func (v *jsonValue) equal(w *jsonValue) bool {
	if v.kind != w.kind || len(v.values) != len(w.values) {
		return false
	}
	switch v.kind {
	case 'i':
		a, errA := strconv.ParseInt(v.text, 10, 64)
		b, errB := strconv.ParseInt(w.text, 10, 64)
		if errA != nil || errB != nil {
			return v.text == w.text
		}
		return a == b
	case 'r':
		a, _ := strconv.ParseFloat(v.text, 64)
		b, _ := strconv.ParseFloat(w.text, 64)
		return a == b
	case 'o':
		for i, k := range v.keys {
			j := slices.Index(w.keys, k)
			if j < 0 || !v.values[i].equal(w.values[j]) {
				return false
			}
		}
		return true
	case 'a':
		for i := range v.values {
			if !v.values[i].equal(w.values[i]) {
				return false
			}
		}
		return true
	}
	return v.text == w.text
}

// holds tells whether v equals needle, or is an object or array that
// holds it as json_contains reads it.
func (v *jsonValue) holds(needle *jsonValue) bool {
	if v.equal(needle) {
		return true
	}
	if v.kind != needle.kind {
		return false
	}
	switch v.kind {
	case 'a':
	next:
		for _, n := range needle.values {
			for _, e := range v.values {
				if e.holds(n) {
					continue next
				}
			}
			return false
		}
		return true
	case 'o':
		for i, k := range needle.keys {
			j := slices.Index(v.keys, k)
			if j < 0 || !v.values[j].holds(needle.values[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// contains tells whether v, or a value nested in it, holds needle.
func (v *jsonValue) contains(needle *jsonValue) bool {
	if v.holds(needle) {
		return true
	}
	for _, e := range v.values {
		if e.contains(needle) {
			return true
		}
	}
	return false
}

func jsonContains(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	var docs [2]*jsonValue
	for i, a := range args {
		v, err := parseJSONValue(a.RawText())
		if err != nil {
			fail(ctx, "JSON_CONTAINS", "malformed JSON: %s", truncate(a.Text()))
			return
		}
		docs[i] = v
	}
	ctx.ResultBool(docs[0].contains(docs[1]))
}

func uuidV7(ctx sqlite3.Context, _ ...sqlite3.Value) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		fail(ctx, "UUIDV7", "%v", err)
		return
	}
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(time.Now().UnixMilli()))
	copy(b[:6], ms[2:])
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b[:])
	ctx.ResultText(x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:])
}

// substringBounds are the first unit and the end of substring(s, start,
// length) of a string of n units, as SQLite's substr (and DuckDB's
// substring) count them; hasLength is false for substring(s, start).
func substringBounds(n, start, length int64, hasLength bool) (from, to int64) {
	p1, p2 := start, length
	neg := false
	if !hasLength {
		p2 = n + 1 // to the end, from a start of 0 too
	} else if p2 < 0 {
		neg, p2 = true, -p2
	}
	switch {
	case p1 < 0:
		p1 += n
		if p1 < 0 {
			p2 += p1
			if p2 < 0 {
				p2 = 0
			}
			p1 = 0
		}
	case p1 > 0:
		p1--
	case p2 > 0:
		p2--
	}
	if neg {
		p1 -= p2
		if p1 < 0 {
			p2 += p1
			p1 = 0
		}
	}
	from = min(p1, n)
	return from, min(from+p2, n)
}

func substringGrapheme(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "SUBSTRING_GRAPHEME"
	if !called(ctx, fn, args, 2, 3, "takes a string, a start and an optional length") {
		return
	}
	start, ok := integer(args[1])
	length := int64(0)
	if ok && len(args) == 3 {
		length, ok = integer(args[2])
	}
	if !ok {
		fail(ctx, fn, "the start and the length must be integers (%s)", argList(args))
		return
	}
	s := args[0].Text()
	bounds := graphemeBounds(s)
	from, to := substringBounds(int64(len(bounds)-1), start, length, len(args) == 3)
	ctx.ResultText(s[bounds[from]:bounds[to]])
}

func listResize(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "LIST_RESIZE"
	if len(args) != 2 && len(args) != 3 {
		fail(ctx, fn, "takes a list, a size and an optional value to pad with")
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	if args[1].Type() == sqlite3.NULL {
		resultArray(ctx, nil)
		return
	}
	n, ok := integer(args[1])
	if !ok || n < 0 {
		fail(ctx, fn, "the size must be a whole number of 0 or more, not %s", args[1].Text())
		return
	}
	if n > 1e7 {
		fail(ctx, fn, "a size of %d is more than 10,000,000 elements", n)
		return
	}
	pad := json.RawMessage("null")
	if len(args) == 3 {
		pad = valueJSON(args[2])
	}
	out := make([]json.RawMessage, n)
	for i := range out {
		if i < len(items) {
			out[i] = items[i]
		} else {
			out[i] = pad
		}
	}
	resultArray(ctx, out)
}

// topK is approx_top_k(x, k): the count of each value, and when it last
// grew, the order of values of one count.
type topK struct {
	k       int64
	counts  map[string]int64
	reached map[string]int64
	vals    map[string]json.RawMessage
	step    int64
	err     bool
}

func (a *topK) Step(ctx sqlite3.Context, arg ...sqlite3.Value) {
	if a.err {
		return
	}
	if a.counts == nil {
		k, ok := integer(arg[1])
		if !ok || k <= 0 {
			a.err = true
			resultError(ctx, fmt.Errorf("APPROX_TOP_K: k must be a positive integer, not %s", arg[1].Text()))
			return
		}
		a.k, a.counts, a.reached, a.vals = k, map[string]int64{}, map[string]int64{}, map[string]json.RawMessage{}
	}
	if arg[0].Type() == sqlite3.NULL {
		return
	}
	v := valueJSON(arg[0])
	key := jsonKey(v)
	if _, seen := a.vals[key]; !seen {
		a.vals[key] = v
	}
	a.counts[key]++
	a.step++
	a.reached[key] = a.step
}

func (a *topK) Value(ctx sqlite3.Context) {
	if len(a.vals) == 0 {
		ctx.ResultNull()
		return
	}
	keys := make([]string, 0, len(a.vals))
	for k := range a.vals {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if c := a.counts[y] - a.counts[x]; c != 0 {
			return int(c / max(c, -c))
		}
		return int(a.reached[x] - a.reached[y])
	})
	if int64(len(keys)) > a.k {
		keys = keys[:a.k]
	}
	items := make([]json.RawMessage, len(keys))
	for i, k := range keys {
		items[i] = a.vals[k]
	}
	resultArray(ctx, items)
}

func arrayCrossProduct(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "array_cross_product"
	if nullCall(ctx, args) {
		return
	}
	var a, b []*float64
	if json.Unmarshal(args[0].RawText(), &a) != nil || json.Unmarshal(args[1].RawText(), &b) != nil {
		fail(ctx, fn, "takes two arrays of 3 numbers")
		return
	}
	if len(a) != 3 || len(b) != 3 {
		fail(ctx, fn, "takes two arrays of 3 numbers, not of %d and %d", len(a), len(b))
		return
	}
	if slices.Contains(a, nil) || slices.Contains(b, nil) {
		ctx.ResultNull()
		return
	}
	out := []float64{*a[1]**b[2] - *a[2]**b[1], *a[2]**b[0] - *a[0]**b[2], *a[0]**b[1] - *a[1]**b[0]}
	items := make([]json.RawMessage, 3)
	for i, f := range out {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			items[i] = json.RawMessage("null")
			continue
		}
		items[i] = json.RawMessage(strconv.FormatFloat(f, 'g', -1, 64))
	}
	resultArray(ctx, items)
}

// listOfLength is list_of_length(l, n, line, try): list l, the value of
// a cast to DuckDB's fixed-size ARRAY T[n], when it has n elements; else
// the cast fails, naming the line (NULL in TRY_CAST).
func listOfLength(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	items, ok := arrayArg(ctx, args[0])
	if !ok {
		return
	}
	if n := args[1].Int64(); int64(len(items)) != n {
		if args[3].Int64() != 0 {
			ctx.ResultNull()
			return
		}
		resultError(ctx, fmt.Errorf("line %d: Cannot cast list with length %d to array with length %d, as DuckDB cannot; use TRY_CAST to get NULL instead", args[2].Int64(), len(items), n))
		return
	}
	ctx.ResultRawText(args[0].RawText())
	ctx.ResultSubtype(jsonSubtype)
}

// structFields reads a struct's field names and values in their order.
func structFields(doc []byte) (keys []string, values []json.RawMessage, err error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("not a struct: %s", truncate(string(doc)))
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys, values = append(keys, k.(string)), append(values, v)
	}
	return keys, values, nil
}

func structKeys(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	keys, _, err := structFields(args[0].RawText())
	if err != nil {
		fail(ctx, "STRUCT_KEYS", "%v", err)
		return
	}
	items := make([]json.RawMessage, len(keys))
	for i, k := range keys {
		items[i], _ = json.Marshal(k)
	}
	resultArray(ctx, items)
}

func structConcat(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "STRUCT_CONCAT"
	if len(args) == 0 {
		fail(ctx, fn, "takes one or more structs")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	var allKeys []string
	var allValues []json.RawMessage
	seen := map[string]bool{}
	for _, a := range args {
		keys, values, err := structFields(a.RawText())
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		for _, k := range keys {
			if seen[k] {
				fail(ctx, fn, "the field %q is given twice", k)
				return
			}
			seen[k] = true
		}
		allKeys, allValues = append(allKeys, keys...), append(allValues, values...)
	}
	resultJSON(ctx, objectOf(allKeys, allValues))
}

func arrayPop(back bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		items, ok := arrayArg(ctx, args[0])
		if !ok {
			return
		}
		switch {
		case len(items) == 0:
		case back:
			items = items[:len(items)-1]
		default:
			items = items[1:]
		}
		resultArray(ctx, items)
	}
}

func uuidExtractVersion(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].Text()
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		fail(ctx, "UUID_EXTRACT_VERSION", "%q is not a UUID", s)
		return
	}
	v, err := strconv.ParseUint(s[14:15], 16, 8)
	if err != nil {
		fail(ctx, "UUID_EXTRACT_VERSION", "%q is not a UUID", s)
		return
	}
	ctx.ResultInt64(int64(v))
}

func toJSONDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	toJSONString(ctx, args...)
}

func listConcatDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	all, any := []json.RawMessage{}, false
	for _, a := range args {
		if a.Type() == sqlite3.NULL {
			continue
		}
		items, ok := arrayArg(ctx, a)
		if !ok {
			return
		}
		all, any = append(all, items...), true
	}
	if !any {
		ctx.ResultNull()
		return
	}
	resultArray(ctx, all)
	ctx.ResultSubtype(jsonSubtype)
}
