package sqlfunc

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's json_value(j, path): the JSON text of the scalar at path, a
// VARCHAR ('1', '"x"', 'true'); NULL for an object, an array, a JSON null
// or nothing there. Given a list of paths, the list of those. Text that is
// no JSON fails, as there.

func init() {
	add(Func{Name: "json_value_duck", NArgs: 2, Scalar: duckJSON("json_value", jsonValueDuck)})
	rename("json_value_duck", "json_value", "duckdb")
}

func jsonValueDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "json_value"
	if nullCall(ctx, args) {
		return
	}
	if p := args[1]; p.Subtype() == jsonSubtype || bytes.HasPrefix(p.RawText(), []byte("[")) {
		var paths []string
		if err := json.Unmarshal(p.RawText(), &paths); err == nil {
			var b strings.Builder
			b.WriteByte('[')
			for i, s := range paths {
				if i > 0 {
					b.WriteByte(',')
				}
				path, err := parsePath(s)
				if err != nil {
					fail(ctx, fn, "%v", err)
					return
				}
				if v, ok := scalarJSON(lookup(args[0].RawText(), path)); ok {
					writeJSONString(&b, v)
				} else {
					b.WriteString("null")
				}
			}
			b.WriteByte(']')
			ctx.ResultText(b.String())
			ctx.ResultSubtype(jsonSubtype)
			return
		}
	}
	path, err := compiled(ctx, 1, args[1].Text(), &paths, parsePath)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	if v, ok := scalarJSON(lookup(args[0].RawText(), path)); ok {
		ctx.ResultRawText(v)
		return
	}
	ctx.ResultNull()
}

// scalarJSON is the compact JSON text of raw when it is a string, a
// number or a boolean.
func scalarJSON(raw []byte) ([]byte, bool) {
	if len(raw) == 0 || raw[0] == '{' || raw[0] == '[' || raw[0] == 'n' {
		return nil, false
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return nil, false
	}
	return b.Bytes(), true
}
