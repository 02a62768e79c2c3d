package inspect

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// FirstEvent is one identifier of an identifiers table with the event_id of
// its first row: the smallest row_id, then the smallest event_id, in
// SQLite's order (NULL, then numbers, then text), the row dbt-nexus's
// row_number() over (partition by identifier_type, identifier_value order
// by row_id, event_id) ranks first. Values are as SQLite holds them: a
// string, a json.Number or nil, so binding them back (SQLValue) gives the
// same values of the same types.
type FirstEvent struct {
	Type, Value, EventID any
	rowID                any
}

// ReadGraphFirstEvents builds the graph of an identifiers and an edges
// table as ReadGraph does and, from the same one read of the identifiers,
// each identifier's first event. Identifiers with a NULL type or value are
// left out, as they join nothing.
func ReadGraphFirstEvents(ctx context.Context, db *store.DB, ids, edges Relation) (*identity.Graph, []FirstEvent, error) {
	rows, err := readFirstRows(ctx, db, ids)
	if err != nil {
		return nil, nil, err
	}
	first := map[string]int{}
	var out []FirstEvent
	for _, row := range rows {
		k := sqlKey(row[0]) + "\x00" + sqlKey(row[1])
		i, seen := first[k]
		if !seen {
			first[k] = len(out)
			out = append(out, FirstEvent{Type: row[0], Value: row[1], EventID: row[3], rowID: row[2]})
			continue
		}
		f := &out[i]
		if c := sqlCompare(row[2], f.rowID); c < 0 || c == 0 && sqlCompare(row[3], f.EventID) < 0 {
			// The first row's own values: 1.0 and 1 are one identifier.
			*f = FirstEvent{Type: row[0], Value: row[1], EventID: row[3], rowID: row[2]}
		}
	}
	edgeRows, err := readEdges(ctx, db, edges)
	if err != nil {
		return nil, nil, err
	}
	b := identity.NewBuilder()
	b.Grow(len(out), len(edgeRows))
	for _, f := range out {
		b.Identifier(GraphText(f.Type), GraphText(f.Value))
	}
	for _, row := range edgeRows {
		b.Edge(b.Identifier(row[0], row[1]), b.Identifier(row[2], row[3]))
	}
	return b.Build(), out, nil
}

// GraphText is a value as the graph names it, the text readRows gives.
func GraphText(v any) string {
	if n, ok := v.(json.Number); ok {
		f, _ := n.Float64()
		return text(f)
	}
	return text(v)
}

// sqlKey is a value's identity for SQLite's equality: 1 and 1.0 are one
// number, the text '1' is another value.
func sqlKey(v any) string {
	switch x := v.(type) {
	case nil:
		return "n"
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return "i" + strconv.FormatInt(i, 10)
		}
		f, _ := x.Float64()
		if f == math.Trunc(f) && math.Abs(f) < 1<<63 {
			return "i" + strconv.FormatInt(int64(f), 10)
		}
		return "f" + strconv.FormatFloat(f, 'g', -1, 64)
	default:
		return "t" + x.(string)
	}
}

// sqlCompare orders two values as SQLite's BINARY collation does: NULL,
// then numbers by value, then text byte by byte.
func sqlCompare(a, b any) int {
	rank := func(v any) int {
		switch v.(type) {
		case nil:
			return 0
		case json.Number:
			return 1
		}
		return 2
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	switch x := a.(type) {
	case nil:
		return 0
	case json.Number:
		y := b.(json.Number)
		i, err1 := strconv.ParseInt(string(x), 10, 64)
		j, err2 := strconv.ParseInt(string(y), 10, 64)
		if err1 == nil && err2 == nil {
			switch {
			case i < j:
				return -1
			case i > j:
				return 1
			}
			return 0
		}
		f, _ := x.Float64()
		g, _ := y.Float64()
		switch {
		case f < g:
			return -1
		case f > g:
			return 1
		}
		return 0
	default:
		return strings.Compare(a.(string), b.(string))
	}
}

// readQuoted reads (identifier_type, identifier_value, row_id, event_id) of
// every row of ids with a type and a value, each value a string, a
// json.Number or nil, through one text of quoted values (quote(): text in
// single quotes, each quote doubled, numbers as they print, NULL), fields
// split by U+001F and rows by U+001E. A value holding either separator
// falls back to JSON.
func readQuoted(ctx context.Context, db *store.DB, ids Relation) ([][4]any, error) {
	q, err := db.Query(ctx, fmt.Sprintf(
		"SELECT group_concat(quote(identifier_type) || char(31) || quote(identifier_value) || char(31) || quote(row_id) || char(31) || quote(event_id), char(30)) FROM %s WHERE identifier_value IS NOT NULL AND identifier_type IS NOT NULL", ids.SQL()), 1)
	if err != nil {
		return nil, err
	}
	raw, _ := q.Rows[0][0].(string)
	if raw == "" {
		return nil, nil
	}
	lines := strings.Split(raw, "\x1e")
	out := make([][4]any, len(lines))
	for i, line := range lines {
		var f [4]string
		n := 0
		for n < 3 {
			j := strings.IndexByte(line, 0x1f)
			if j < 0 {
				break
			}
			f[n], line = line[:j], line[j+1:]
			n++
		}
		f[n] = line
		ok := n == 3
		for k := 0; ok && k < 4; k++ {
			out[i][k], ok = unquote(f[k])
		}
		if !ok {
			return readJSONRows(ctx, db, ids)
		}
	}
	return out, nil
}

// unquote reads one value as quote() wrote it; false for what it cannot
// read (a blob, or text that held a separator).
func unquote(s string) (any, bool) {
	switch {
	case s == "NULL":
		return nil, true
	case len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'':
		s = s[1 : len(s)-1]
		if strings.Contains(s, "''") {
			s = strings.ReplaceAll(s, "''", "'")
		}
		return s, true
	case s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9'):
		return json.Number(s), true
	}
	return nil, false
}

// readJSONRows is readQuoted through JSON, for values holding U+001E or
// U+001F.
func readJSONRows(ctx context.Context, db *store.DB, ids Relation) ([][4]any, error) {
	q, err := db.Query(ctx, fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type, identifier_value, row_id, event_id)) FROM %s WHERE identifier_value IS NOT NULL AND identifier_type IS NOT NULL", ids.SQL()), 1)
	if err != nil {
		return nil, err
	}
	raw := "[]"
	if s, ok := q.Rows[0][0].(string); ok {
		raw = s
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var rows [][4]any
	if err := dec.Decode(&rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// SQLValue is a value read here as a Go value to bind: an integer as
// int64, another number as float64, text as string, NULL as nil.
func SQLValue(v any) any {
	n, ok := v.(json.Number)
	if !ok {
		return v
	}
	if i, err := strconv.ParseInt(string(n), 10, 64); err == nil {
		return i
	}
	f, _ := n.Float64()
	return f
}
