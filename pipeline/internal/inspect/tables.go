// Package inspect reads the identity tables of a built database: it finds
// them, reads identifiers and edges once, and answers the questions a user
// asks of a resolution: why two identifiers are one entity (Explain), what
// other settings would change (Preview), one entity's graph (Graph) and
// whether identifiers landed in one entity or several (Joined). The build
// reads its graphs here too (ReadGraph), so every reader agrees on what an
// identifier and an edge are.
package inspect

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Relation is a built table, by schema and name. Select, when set, is the
// query that reads it in the columns of the c918759 table it stands for: a
// v0.13 table holds every entity type in one.
type Relation struct {
	Schema string
	Name   string
	Select string
}

// String is the relation as a user writes it, schema.name.
func (r Relation) String() string { return r.Schema + "." + r.Name }

// SQL is the relation quoted for a statement, or its select in parentheses.
func (r Relation) SQL() string {
	if r.Select != "" {
		return "(" + r.Select + ")"
	}
	return store.Rel(r.Schema, r.Name)
}

// Entity checks an entity type: "" is person; person and group are known.
func Entity(entity string) (string, error) {
	switch entity {
	case "":
		return "person", nil
	case "person", "group":
		return entity, nil
	}
	return "", fmt.Errorf("entity %q: use person or group", entity)
}

// Tables are the built identity tables of one entity type.
type Tables struct {
	Entity      string
	Identifiers Relation // nexus_<entity>_identifiers
	Edges       Relation // nexus_<entity>_identifiers_edges
	Resolved    Relation // nexus_resolved_<entity>_identifiers
}

// Find finds the identity tables of an entity type in whatever schema they
// landed. Schemas are tried in name order; a table in the schema of the
// edges table is preferred, so two builds into different schemas are not
// mixed. A dbt-nexus v0.13 build keeps the identifiers and edges of every
// entity type in nexus_entity_identifiers and nexus_entity_identifiers_edges:
// without the c918759 tables, those are read for the entity type, an
// edge_id standing for the source row that joins identifiers.
func Find(ctx context.Context, db *store.DB, entity string) (*Tables, error) {
	entity, err := Entity(entity)
	if err != nil {
		return nil, err
	}
	tables, err := db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	schemasOf := map[string][]string{}
	for _, t := range tables {
		schemasOf[t.Name] = append(schemasOf[t.Name], t.Schema)
	}
	t := &Tables{Entity: entity}
	want := []struct {
		rel  *Relation
		name string
	}{
		{&t.Edges, "nexus_" + entity + "_identifiers_edges"},
		{&t.Identifiers, "nexus_" + entity + "_identifiers"},
		{&t.Resolved, "nexus_resolved_" + entity + "_identifiers"},
	}
	v013 := len(schemasOf[want[0].name]) == 0 && len(schemasOf["nexus_entity_identifiers_edges"]) > 0
	if v013 {
		want[0].name, want[1].name = "nexus_entity_identifiers_edges", "nexus_entity_identifiers"
	}
	var missing []string
	for _, w := range want {
		schemas := schemasOf[w.name]
		if len(schemas) == 0 {
			missing = append(missing, w.name)
			continue
		}
		sort.Strings(schemas)
		schema := schemas[0]
		for _, s := range schemas {
			if s == t.Edges.Schema {
				schema = s
			}
		}
		*w.rel = Relation{Schema: schema, Name: w.name}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("build the project first: no table %s", strings.Join(missing, ", "))
	}
	if v013 {
		typ := store.Quote(entity)
		ids := store.Rel(t.Identifiers.Schema, t.Identifiers.Name)
		t.Identifiers.Select = fmt.Sprintf("SELECT identifier_type, identifier_value, edge_id AS row_id, source, occurred_at FROM %s WHERE entity_type = %s", ids, typ)
		t.Edges.Select = fmt.Sprintf(`SELECT identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b, source, edge_id AS row_id,
  (SELECT min(i.occurred_at) FROM %s i WHERE i.edge_id = e.edge_id) AS occurred_at
FROM %s e WHERE entity_type_a = %s AND entity_type_b = %s`, ids, store.Rel(t.Edges.Schema, t.Edges.Name), typ, typ)
	}
	return t, nil
}

// ReadGraph builds the identity graph of an identifiers and an edges table.
func ReadGraph(ctx context.Context, db *store.DB, ids, edges Relation) (*identity.Graph, error) {
	idRows, err := readIdentifiers(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	edgeRows, err := readEdges(ctx, db, edges)
	if err != nil {
		return nil, err
	}
	b := identity.NewBuilder()
	b.Grow(len(idRows), len(edgeRows))
	for _, row := range idRows {
		b.Identifier(row[0], row[1])
	}
	for _, row := range edgeRows {
		b.Edge(b.Identifier(row[0], row[1]), b.Identifier(row[2], row[3]))
	}
	return b.Build(), nil
}

// readIdentifiers reads the distinct identifiers (type, value) of an
// identifiers table.
func readIdentifiers(ctx context.Context, db *store.DB, ids Relation) ([][]string, error) {
	return readRows(ctx, db, fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type, identifier_value)) FROM (SELECT DISTINCT identifier_type, identifier_value FROM %s WHERE identifier_value IS NOT NULL AND identifier_type IS NOT NULL)", ids.SQL()))
}

// readJSONEdges is readEdges through one JSON text.
func readJSONEdges(ctx context.Context, db *store.DB, edges Relation) ([][]string, error) {
	return readRows(ctx, db, fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b)) FROM %s WHERE identifier_value_a IS NOT NULL AND identifier_value_b IS NOT NULL", edges.SQL()))
}

// readRows runs a statement answering one JSON array of rows: one crossing
// of the Go/SQLite boundary per table instead of one per row.
func readRows(ctx context.Context, db *store.DB, sql string) ([][]string, error) {
	q, err := db.Query(ctx, sql, 1)
	if err != nil {
		return nil, err
	}
	raw := "[]"
	if len(q.Rows) > 0 {
		if s, ok := q.Rows[0][0].(string); ok {
			raw = s
		}
	}
	var rows [][]any
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		return nil, err
	}
	out := make([][]string, len(rows))
	for i, row := range rows {
		out[i] = make([]string, len(row))
		for j, v := range row {
			out[i][j] = text(v)
		}
	}
	return out, nil
}

// text is a cell as text; NULL is "".
func text(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
