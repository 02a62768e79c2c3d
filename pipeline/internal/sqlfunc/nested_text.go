package sqlfunc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// nested_text(x, num): a DuckDB list or struct (JSON text here) cast to
// VARCHAR, as DuckDB writes it: [1, 2], [a, b, NULL], {'k': v}. A string
// is quoted ('a,b', with \' and \\ inside) when it is empty, starts or
// ends with white space, holds one of ,'"[]{}():=\ or reads NULL; a
// struct's keys are always quoted. num is the number type of the numbers
// when the translator knows it: "DECIMAL s" writes s digits after the
// point (1.50), "REAL" and "FLOAT" as a DOUBLE and a FLOAT are written
// (2.0); other numbers stay as JSON writes them. num "MAP" (and its
// values' number type after it) writes a MAP (duckdb_maps.go) as DuckDB
// does: {k=v, k2=v2}, keys and values as a list's elements are written;
// "ELEMENTS MAP" a list of MAPs, [{k=v}, NULL]. num "SHAPE s [n]" gives
// the shape s of x's leaves as JSON (writeShaped), n the number type of
// numbers it leaves unknown; "ROW [s1, s2]" an unnamed struct's fields'.

func init() {
	add(Func{Name: "nested_text", NArgs: 2, Scalar: nestedText})
}

func nestedText(ctx sqlite3.Context, args ...sqlite3.Value) {
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	var b strings.Builder
	if num, ok := strings.CutPrefix(args[1].Text(), "ELEMENTS MAP"); ok {
		// a list of MAPs
		var elems []json.RawMessage
		if err := json.Unmarshal([]byte(args[0].Text()), &elems); err != nil {
			ctx.ResultText(args[0].Text())
			return
		}
		b.WriteByte('[')
		for i, e := range elems {
			if i > 0 {
				b.WriteString(", ")
			}
			if string(e) == "null" {
				b.WriteString("NULL")
				continue
			}
			if err := writeMapText(&b, string(e), strings.TrimSpace(num)); err != nil {
				ctx.ResultText(args[0].Text())
				return
			}
		}
		b.WriteByte(']')
		ctx.ResultText(b.String())
		return
	}
	if num, ok := strings.CutPrefix(args[1].Text(), "MAP"); ok {
		if err := writeMapText(&b, args[0].Text(), strings.TrimSpace(num)); err != nil {
			ctx.ResultText(args[0].Text()) // not a MAP: the text as it is
			return
		}
		ctx.ResultText(b.String())
		return
	}
	if rest, ok := strings.CutPrefix(args[1].Text(), "ROW"); ok {
		// an unnamed struct, row(a, b) or (a, b), held as the list of its
		// values: (1, x); its fields' shapes after ROW where known
		var fields []json.RawMessage
		if err := json.Unmarshal([]byte(args[0].Text()), &fields); err != nil {
			ctx.ResultText(args[0].Text())
			return
		}
		var shapes []any
		if rest = strings.TrimSpace(rest); rest != "" {
			_ = json.Unmarshal([]byte(rest), &shapes)
		}
		b.WriteByte('(')
		for i, f := range fields {
			if i > 0 {
				b.WriteString(", ")
			}
			dec := json.NewDecoder(strings.NewReader(string(f)))
			dec.UseNumber()
			var sh any
			if i < len(shapes) {
				sh = shapes[i]
			}
			if err := writeShaped(&b, dec, sh, ""); err != nil {
				ctx.ResultText(args[0].Text())
				return
			}
		}
		b.WriteByte(')')
		ctx.ResultText(b.String())
		return
	}
	num := args[1].Text()
	var sh any
	if rest, ok := strings.CutPrefix(num, "SHAPE "); ok {
		// the shape of the value's leaves, then the number type of the
		// numbers it leaves unknown
		d := json.NewDecoder(strings.NewReader(rest))
		if err := d.Decode(&sh); err == nil {
			num = strings.TrimSpace(rest[d.InputOffset():])
		} else {
			sh, num = nil, ""
		}
	}
	dec := json.NewDecoder(strings.NewReader(args[0].Text()))
	dec.UseNumber()
	if err := writeShaped(&b, dec, sh, num); err != nil {
		ctx.ResultText(args[0].Text()) // not JSON: the text as it is
		return
	}
	ctx.ResultText(b.String())
}

// writeNested writes the next JSON value of dec as DuckDB writes it.
func writeNested(b *strings.Builder, dec *json.Decoder, num string) error {
	return writeShaped(b, dec, nil, num)
}

// writeShaped writes the next JSON value of dec, of shape sh (a leaf's
// kind, [the elements' shape], {field: shape} or {"(": [shapes]}; nil
// when unknown), as DuckDB writes it: a DATE, TIMESTAMP or TIMESTAMPTZ
// leaf as its cast to VARCHAR writes it, a number leaf at its number
// type; num is the number type of numbers of no known shape.
func writeShaped(b *strings.Builder, dec *json.Decoder, sh any, num string) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		object := v == '{'
		fields, _ := sh.(map[string]any)
		row, _ := fields["("].([]any)
		open, end := byte('['), byte(']')
		switch {
		case object:
			open, end = '{', '}'
		case row != nil:
			open, end = '(', ')' // an unnamed struct: (1, x)
		}
		b.WriteByte(open)
		var elem any
		if l, ok := sh.([]any); ok && len(l) == 1 && !object {
			elem = l[0]
		}
		for i := 0; dec.More(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			s := elem
			if object {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				k, _ := key.(string)
				b.WriteString(quoteNested(k) + ": ")
				s = fields[k]
			} else if row != nil && i < len(row) {
				s = row[i]
			}
			if err := writeShaped(b, dec, s, num); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil {
			return err
		}
		b.WriteByte(end)
	case nil:
		b.WriteString("NULL")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case string:
		if kind, ok := sh.(string); ok {
			v = leafText(v, kind)
		}
		if nestedNeedsQuotes(v) {
			v = quoteNested(v)
		}
		b.WriteString(v)
	case json.Number:
		kind, _ := sh.(string)
		if kind == "BOOLEAN" && (v == "0" || v == "1") {
			b.WriteString(strconv.FormatBool(v == "1")) // held as 1 or 0
			return nil
		}
		if kind != "" {
			num = kind
		}
		b.WriteString(nestedNumber(v, num))
	}
	return nil
}

// leafText is the text DuckDB writes for v, a leaf of kind DATE,
// TIMESTAMP or TIMESTAMPTZ held as the project holds it; v as it is when
// it is none of those.
func leafText(v, kind string) string {
	switch kind {
	case "DATE":
		if p, ok := parseTimestampText(v); ok {
			return p.wall.Format("2006-01-02")
		}
	case "TIMESTAMP", "TIMESTAMPTZ":
		p, ok := parseTimestampText(v)
		if !ok {
			return v
		}
		t, k := p.wall, KindWallClock
		if kind == "TIMESTAMPTZ" {
			k = KindInstant
			if p.loc != nil {
				t = instantOf(p.wall, p.loc)
			}
		}
		return writeTimestampString(t, time.UTC, k, "duckdb")
	}
	return v
}

func nestedNumber(v json.Number, num string) string {
	f, err := v.Float64()
	if err != nil {
		return v.String()
	}
	if s, ok := strings.CutPrefix(num, "DECIMAL "); ok {
		if scale, err := strconv.Atoi(s); err == nil {
			return strconv.FormatFloat(f, 'f', scale, 64)
		}
	}
	switch {
	case num == "REAL":
		return duckFloatText(f, 64)
	case num == "FLOAT":
		return duckFloatText(f, 32)
	case strings.ContainsAny(v.String(), "eE"):
		return duckFloatText(f, 64)
	}
	return v.String()
}

func nestedNeedsQuotes(s string) bool {
	if s == "" || strings.EqualFold(s, "null") {
		return true
	}
	if t := bytes.TrimSpace([]byte(s)); len(t) != len(s) {
		return true
	}
	return strings.ContainsAny(s, ",'\"[]{}():=\\")
}

func quoteNested(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// writeMapText writes the MAP m (a JSON array of key/value entries) as
// DuckDB casts it to VARCHAR.
func writeMapText(b *strings.Builder, m, num string) error {
	var es []mapEntry
	if err := json.Unmarshal([]byte(m), &es); err != nil {
		return err
	}
	b.WriteByte('{')
	for i, e := range es {
		if i > 0 {
			b.WriteString(", ")
		}
		for j, raw := range []json.RawMessage{e.Key, e.Value} {
			if j == 1 {
				b.WriteByte('=')
			}
			if raw == nil {
				raw = json.RawMessage("null")
			}
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if err := writeNested(b, dec, num); err != nil {
				return err
			}
		}
	}
	b.WriteByte('}')
	return nil
}
