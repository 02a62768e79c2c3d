package inspect

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// The stepped reads give what the text reads give, row for row: plain text
// and integers stepped, and a real, a blob, a separator or text that is not
// UTF-8 anywhere in the table sending the whole read to the text read.
func TestSteppedReadsMatchTextReads(t *testing.T) {
	cases := []struct{ name, ids, edges string }{
		{"text", `('email', 'a@x', 'r1', 'e1'), ('email', 'b''s', NULL, 'e2'), ('phone', '555', 'r1', NULL)`,
			`('email', 'a@x', 'phone', '555'), ('email', 'b''s', NULL, 'x')`},
		{"integers", `('user_id', 1, 2, 3), ('user_id', -7, NULL, 12345678901234567), ('user_id', '1', 'r', 'e')`,
			`('user_id', 1, 'user_id', 12345678901234567), ('user_id', 1000000, 'n', -7)`},
		{"real", `('user_id', 1, 'r', 'e'), ('user_id', 2.5, 'r', 0.1)`,
			`('user_id', 1, 'user_id', 2.5), ('user_id', 0.1, 'n', 1e300)`},
		{"separator", `('email', 'sep' || char(31) || 'x', 'r', 'e'), ('email', 'row' || char(30), 'r', 'e')`,
			`('email', 'sep' || char(31) || 'x', 'email', 'a')`},
		{"not utf-8", `('email', cast(x'ff61' as text), 'r', 'e')`,
			`('email', cast(x'ff61' as text), 'email', 'a')`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.Open(ctx, store.MemoryDSN)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := db.Exec(ctx, "CREATE TABLE ids (identifier_type, identifier_value, row_id, event_id); INSERT INTO ids VALUES "+tc.ids+
				"; CREATE TABLE edges (identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b); INSERT INTO edges VALUES "+tc.edges); err != nil {
				t.Fatal(err)
			}
			ids, edges := Relation{Schema: "main", Name: "ids"}, Relation{Schema: "main", Name: "edges"}
			stepped, err := readFirstRows(ctx, db, ids)
			if err != nil {
				t.Fatal(err)
			}
			quoted, err := readQuoted(ctx, db, ids)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(quoted, stepped); diff != "" || len(stepped) == 0 {
				t.Errorf("identifier rows: stepped read differs from the quoted read (-quoted +stepped):\n%s", diff)
			}
			steppedEdges, err := readEdges(ctx, db, edges)
			if err != nil {
				t.Fatal(err)
			}
			jsonEdges, err := readJSONEdges(ctx, db, edges)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(jsonEdges, steppedEdges); diff != "" || len(steppedEdges) == 0 {
				t.Errorf("edges: stepped read differs from the JSON read (-json +stepped):\n%s", diff)
			}
		})
	}
}
