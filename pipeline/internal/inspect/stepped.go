package inspect

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// The graph's reads step through the rows: SQLite runs as Go, natively and
// as js/wasm, so a row costs no crossing, and building one JSON or quoted
// text of the whole table costs SQLite several times the plain read. A
// value the text reads would give otherwise (a real number, a blob, text
// holding a separator or not UTF-8) sends the whole read to them, so the
// values are the same either way.

// errTextRead stops a stepped read that meets such a value.
var errTextRead = errors.New("read through text")

// readFirstRows is readQuoted stepping through the rows.
func readFirstRows(ctx context.Context, db *store.DB, ids Relation) ([][4]any, error) {
	var out [][4]any
	err := db.Scan(ctx, fmt.Sprintf(
		"SELECT identifier_type, identifier_value, row_id, event_id FROM %s WHERE identifier_value IS NOT NULL AND identifier_type IS NOT NULL", ids.SQL()),
		func(row []any) error {
			var r [4]any
			for i, v := range row {
				switch x := v.(type) {
				case nil:
				case string:
					if strings.ContainsAny(x, "\x1e\x1f") {
						return errTextRead
					}
					r[i] = x
				case int64:
					r[i] = json.Number(strconv.FormatInt(x, 10))
				default:
					return errTextRead
				}
			}
			out = append(out, r)
			return nil
		})
	if errors.Is(err, errTextRead) {
		return readQuoted(ctx, db, ids)
	}
	return out, err
}

// readEdges reads the edges (type_a, value_a, type_b, value_b) of an edges
// table, each value as text (NULL as ""), a number as its JSON reading.
func readEdges(ctx context.Context, db *store.DB, edges Relation) ([][]string, error) {
	var out [][]string
	err := db.Scan(ctx, fmt.Sprintf(
		"SELECT identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b FROM %s WHERE identifier_value_a IS NOT NULL AND identifier_value_b IS NOT NULL", edges.SQL()),
		func(row []any) error {
			r := make([]string, len(row))
			for i, v := range row {
				switch x := v.(type) {
				case nil:
				case string:
					if !utf8.ValidString(x) {
						return errTextRead
					}
					r[i] = x
				case int64:
					r[i] = text(float64(x))
				default:
					return errTextRead
				}
			}
			out = append(out, r)
			return nil
		})
	if errors.Is(err, errTextRead) {
		return readJSONEdges(ctx, db, edges)
	}
	return out, err
}
