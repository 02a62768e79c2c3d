package inspect

import (
	"context"
	"fmt"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// ReadGraphFirstEvents picks, per identifier, the event SQLite's own
// row_number() over (partition by identifier_type, identifier_value order
// by row_id, event_id) ranks first: NULL row_ids first, numbers before
// text, 1 and 1.0 one number, the text '1' another value, quotes and
// separators in values, and the values keep their types.
func TestReadGraphFirstEventsMatchesRowNumber(t *testing.T) {
	cases := []struct {
		name, columns, rows string
	}{
		{"text", "identifier_type TEXT, identifier_value TEXT, row_id TEXT, event_id TEXT", `
			('email', 'a@x', 'r2', 'e2'), ('email', 'a@x', 'r1', 'e9'), ('email', 'a@x', 'r1', 'e3'),
			('phone', 'a@x', 'r0', 'e0'), ('email', 'b''s', NULL, 'e5'), ('email', 'b''s', 'r0', 'e1'),
			('email', 'sep' || char(31) || 'x', 'r3', 'e3'), ('email', 'sep' || char(31) || 'x', 'r2', 'e4'),
			('email', NULL, 'r0', 'e0'), (NULL, 'a@x', 'r0', 'e0'), ('email', 'c@x', 'r1', NULL), ('email', 'c@x', 'r1', 'e1')`},
		{"untyped", "identifier_type, identifier_value, row_id, event_id", `
			('user_id', 1, 'r2', 10), ('user_id', 1.0, 'r1', 11), ('user_id', '1', 'r0', 'e12'),
			('user_id', 2, 5, 'e2'), ('user_id', 2, 'r', 'e1'), ('user_id', 2, 40, 3.5),
			('user_id', -7, NULL, NULL), ('user_id', 12345678901234567, 1, 1), ('user_id', 2.5, 'r', 'e')`},
		{"integer", "identifier_type TEXT, identifier_value INTEGER, row_id INTEGER, event_id INTEGER", `
			('n', 10, 3, 30), ('n', 10, 2, 21), ('n', 10, 2, 20), ('n', '10', 1, 99), ('n', 11, NULL, 5)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, store.MemoryDSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Exec(ctx, fmt.Sprintf("CREATE TABLE ids (%s); INSERT INTO ids VALUES %s; CREATE TABLE edges (identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b)", tc.columns, tc.rows)); err != nil {
				t.Fatal(err)
			}
			_, firsts, err := ReadGraphFirstEvents(ctx, db, Relation{Schema: "main", Name: "ids"}, Relation{Schema: "main", Name: "edges"})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, f := range firsts {
				k := key(SQLValue(f.Type), SQLValue(f.Value))
				if _, dup := got[k]; dup {
					t.Errorf("identifier %s twice", k)
				}
				got[k] = key(SQLValue(f.EventID))
			}
			q, err := db.Query(ctx, `SELECT identifier_type, identifier_value, event_id FROM (
				SELECT *, row_number() OVER (PARTITION BY identifier_type, identifier_value ORDER BY row_id, event_id) AS rn FROM ids)
				WHERE rn = 1 AND identifier_type IS NOT NULL AND identifier_value IS NOT NULL`, 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(q.Rows) != len(got) {
				t.Errorf("%d identifiers, SQLite ranks %d: %v", len(got), len(q.Rows), got)
			}
			for _, row := range q.Rows {
				k := key(row[0], row[1])
				if want := key(row[2]); got[k] != want {
					t.Errorf("identifier %s: first event %s, SQLite's row_number gives %s", k, got[k], want)
				}
			}
		})
	}
}

// key names values with their Go types, so 1 and '1' differ.
func key(vs ...any) string {
	s := ""
	for _, v := range vs {
		s += fmt.Sprintf("%T:%v|", v, v)
	}
	return s
}
