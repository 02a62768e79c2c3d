package sqlfunc

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's JSON paths take [*], every element of an array: json_extract
// (->) gives the list of the values the rest of the path picks in each
// element, json_extract_string (->>) the list of their texts. An element
// without the rest of the path is left out, a JSON null stays; a value
// that is no array gives no element; several [*] flatten into one list.

// wildcardPath tells whether args[1] is a $-path with [*].
func wildcardPath(args []sqlite3.Value) (string, bool) {
	if len(args) != 2 || args[1].Type() != sqlite3.TEXT {
		return "", false
	}
	p := args[1].Text()
	return p, strings.HasPrefix(p, "$") && strings.Contains(p, "[*]")
}

// wildcardValues are the raw values path picks in doc, or ok false when
// doc is not JSON.
func wildcardValues(ctx sqlite3.Context, fn string, doc []byte, path string) (vals [][]byte, ok bool) {
	if !json.Valid(doc) {
		return nil, false
	}
	parts := strings.Split(path, "[*]")
	first, err := parseDollarPath(parts[0])
	if err != nil {
		fail(ctx, fn, "%v", err)
		return nil, false
	}
	if v := lookup(doc, first); v != nil {
		vals = [][]byte{v}
	}
	for _, rest := range parts[1:] {
		steps, err := parseDollarPath("$" + rest)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return nil, false
		}
		var next [][]byte
		for _, v := range vals {
			items, isArray := elements(v)
			if !isArray {
				continue
			}
			for _, e := range items {
				if x := lookup(e, steps); x != nil {
					next = append(next, x)
				}
			}
		}
		vals = next
	}
	return vals, true
}

// jsonWildcard answers json_extract (text false) or json_extract_string
// (text true) for a path with [*].
func jsonWildcard(ctx sqlite3.Context, fn string, args []sqlite3.Value, path string, text bool) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	vals, ok := wildcardValues(ctx, fn, args[0].RawText(), path)
	if !ok {
		ctx.ResultNull()
		return
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, v := range vals {
		if i > 0 {
			b.WriteByte(',')
		}
		var c bytes.Buffer
		if json.Compact(&c, v) != nil {
			ctx.ResultNull()
			return
		}
		switch {
		case !text || c.Bytes()[0] == 'n':
			b.Write(c.Bytes())
		default:
			s, isScalar := scalarText(c.Bytes())
			if !isScalar {
				s = c.String()
			}
			q, _ := json.Marshal(s)
			b.Write(q)
		}
	}
	b.WriteByte(']')
	ctx.ResultRawText(b.Bytes())
	ctx.ResultSubtype(jsonSubtype)
}
