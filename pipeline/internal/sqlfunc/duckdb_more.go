package sqlfunc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/ncruces/go-sqlite3"
)

// More of DuckDB's functions:
//
//	bit_length(s)              the bits of a string's (a blob's) bytes
//	fmod(x, y)                 x - y * floor(x / y), a DOUBLE with the
//	                           sign of y, as DuckDB computes it; NULL
//	                           (DuckDB's NaN) when y is 0
//	regexp_escape(s)           s with every ASCII character but letters,
//	                           digits and _ escaped by a backslash, as RE2's
//	                           QuoteMeta writes it
//	json_exists(j, path)       whether j has a value at path (JSON null too)
//	json_merge_patch(a, b ...) RFC 7396's merge of each patch into a: a
//	                           NULL member removes the key, an object
//	                           merges into an object, anything else
//	                           replaces; the keys a keeps first, then the
//	                           patch's, as DuckDB orders them
//	make_time(h, m, s)         the TIME HH:MM:SS[.ffffff], seconds rounded
//	                           to the microsecond
//	uuidv4(), error(msg), reservoir_quantile(x, q)  uuid(), an error with
//	                           msg, quantile_disc (the sample DuckDB draws
//	                           is every value below 8,192 rows)

func init() {
	add(Func{Name: "fmod_duck", NArgs: 2, Scalar: fmodDuck},
		Func{Name: "regexp_escape_duck", NArgs: 1, Scalar: regexpEscape},
		Func{Name: "json_exists_duck", NArgs: 2, Scalar: jsonExists},
		Func{Name: "json_merge_patch_duck", NArgs: -1, Scalar: jsonMergePatch},
		Func{Name: "make_time_duck", NArgs: 3, Scalar: makeTime})
	rename("bit_length_of", "bit_length", "duckdb")
	rename("fmod_duck", "fmod", "duckdb")
	rename("regexp_escape_duck", "regexp_escape", "duckdb")
	rename("json_exists_duck", "json_exists", "duckdb")
	rename("json_merge_patch_duck", "json_merge_patch", "duckdb")
	rename("make_time_duck", "make_time", "duckdb")
	rename("uuid_text", "uuidv4", "duckdb")
	rename("error_raised", "error", "duckdb")
	rename("quantile_disc_of", "reservoir_quantile", "duckdb")
}

func fmodDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, y := args[0].Float(), args[1].Float()
	r := x - y*math.Floor(x/y)
	if math.IsNaN(r) || math.IsInf(r, 0) {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(r)
}

func regexpEscape(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	s := args[0].RawText()
	out := make([]byte, 0, len(s)*2)
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80:
			out = append(out, c)
		case c == 0:
			out = append(out, `\x00`...)
		default:
			out = append(out, '\\', c)
		}
	}
	ctx.ResultRawText(out)
}

func jsonExists(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	doc := args[0].RawText()
	if !json.Valid(doc) {
		fail(ctx, "JSON_EXISTS", "malformed JSON: %s", truncate(string(doc)))
		return
	}
	path, err := parseDollarPath(args[1].Text())
	if err != nil {
		fail(ctx, "JSON_EXISTS", "%v", err)
		return
	}
	ctx.ResultBool(lookup(doc, path) != nil)
}

func jsonMergePatch(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "JSON_MERGE_PATCH", args, 2, math.MaxInt, "takes two or more JSON values") || nullCall(ctx, args) {
		return
	}
	out := json.RawMessage(args[0].RawText())
	for _, a := range args {
		if !json.Valid(a.RawText()) {
			fail(ctx, "JSON_MERGE_PATCH", "malformed JSON: %s", truncate(a.Text()))
			return
		}
	}
	for _, a := range args[1:] {
		var err error
		if out, err = mergePatch(out, json.RawMessage(a.RawText())); err != nil {
			fail(ctx, "JSON_MERGE_PATCH", "%v", err)
			return
		}
	}
	var b bytes.Buffer
	if err := json.Compact(&b, out); err != nil {
		fail(ctx, "JSON_MERGE_PATCH", "%v", err)
		return
	}
	ctx.ResultRawText(b.Bytes())
}

// objectMembers reads raw as a JSON object's members in order; ok is false
// when it is no object.
func objectMembers(raw json.RawMessage) (members []member, ok bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, false, err
	}
	if d, isDelim := tok.(json.Delim); !isDelim || d != '{' {
		return nil, false, nil
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, true, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, true, err
		}
		members = append(members, member{key: k.(string), raw: v})
	}
	return members, true, nil
}

// mergePatch merges patch into target as RFC 7396 does, keeping DuckDB's
// order of the keys.
func mergePatch(target, patch json.RawMessage) (json.RawMessage, error) {
	pm, isObject, err := objectMembers(patch)
	if err != nil || !isObject {
		return patch, err
	}
	tm, _, err := objectMembers(target)
	if err != nil {
		return nil, err
	}
	patched := map[string]bool{}
	for _, m := range pm {
		patched[m.key] = true
	}
	var out []member
	old := map[string]json.RawMessage{}
	for _, m := range tm {
		old[m.key] = m.raw
		if !patched[m.key] {
			out = append(out, m)
		}
	}
	for _, m := range pm {
		if string(bytes.TrimSpace(m.raw)) == "null" {
			continue
		}
		v := m.raw
		if prev, ok := old[m.key]; ok {
			if v, err = mergePatch(prev, m.raw); err != nil {
				return nil, err
			}
		} else if v, err = mergePatch(json.RawMessage("{}"), m.raw); err != nil {
			return nil, err // a nested patch drops its own NULL members
		}
		out = append(out, member{key: m.key, raw: v})
	}
	return objectText(out), nil
}

func makeTime(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	h, ok1 := integer(args[0])
	m, ok2 := integer(args[1])
	if !ok1 || !ok2 {
		fail(ctx, "MAKE_TIME", "the hour and minute must be integers")
		return
	}
	micros := int64(math.Round(args[2].Float() * 1e6))
	if h < 0 || h > 24 || m < 0 || m > 59 || micros < 0 || micros >= 60e6 || h == 24 && (m > 0 || micros > 0) {
		resultError(ctx, errors.New("MAKE_TIME: time out of range: "+fmt.Sprintf("%d:%d:%s", h, m, strconv.FormatFloat(args[2].Float(), 'f', -1, 64))))
		return
	}
	s := fmt.Sprintf("%02d:%02d:%02d", h, m, micros/1e6)
	if f := micros % 1e6; f != 0 {
		s += "." + trimZeros(fmt.Sprintf("%06d", f))
	}
	ctx.ResultText(s)
}

func trimZeros(s string) string {
	for len(s) > 0 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	return s
}
