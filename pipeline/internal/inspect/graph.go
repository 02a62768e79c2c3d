package inspect

import (
	"context"
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Graph is one entity's identity graph: its identifiers, and every edge
// from them with the earliest source row behind it. An edge may lead to an
// identifier of another entity (when the bound left the component split);
// that node carries its own entity id.
type Graph struct {
	Entity string      `json:"entity"`
	ID     string      `json:"id"`
	Nodes  []GraphNode `json:"nodes"`
	Edges  []GraphEdge `json:"edges"`
}

// GraphNode is one identifier.
type GraphNode struct {
	Type   string `json:"type"`
	Value  string `json:"value"`
	Entity string `json:"entity"`
}

// GraphEdge joins two nodes (indexes into Nodes), once per pair.
type GraphEdge struct {
	From       int    `json:"from"`
	To         int    `json:"to"`
	Source     string `json:"source"`
	RowID      string `json:"row_id"`
	OccurredAt string `json:"occurred_at"`
	Rows       int    `json:"rows"`
}

// GraphLimit caps the edges of one graph: an over-merged person can have
// thousands, more than a drawing can show.
const GraphLimit = 400

// EntityGraph reads the graph of the entity id of an entity type.
func EntityGraph(ctx context.Context, db *store.DB, entity, id string) (*Graph, error) {
	t, err := Find(ctx, db, entity)
	if err != nil {
		return nil, err
	}
	e, r, col, qid := t.Edges.SQL(), t.Resolved.SQL(), idColumn(t.Entity), store.Quote(id)
	rows, err := readRows(ctx, db, fmt.Sprintf(`SELECT json_group_array(json_array(ta, va, tb, vb, source, row_id, occurred_at, n, eb)) FROM (
  SELECT ta, va, tb, vb, source, row_id, occurred_at, n, eb FROM (
    SELECT e.identifier_type_a AS ta, e.identifier_value_a AS va, e.identifier_type_b AS tb, e.identifier_value_b AS vb,
      e.source, e.row_id, e.occurred_at,
      count(*) OVER (PARTITION BY e.identifier_type_a, e.identifier_value_a, e.identifier_type_b, e.identifier_value_b) AS n,
      row_number() OVER (PARTITION BY e.identifier_type_a, e.identifier_value_a, e.identifier_type_b, e.identifier_value_b ORDER BY e.occurred_at, e.row_id) AS k,
      (SELECT min(rb.%[3]s) FROM %[2]s rb WHERE rb.identifier_type = e.identifier_type_b AND rb.identifier_value = e.identifier_value_b) AS eb,
      ia.ok AS a_in, (SELECT 1 FROM %[2]s ib WHERE ib.%[3]s = %[4]s AND ib.identifier_type = e.identifier_type_b AND ib.identifier_value = e.identifier_value_b LIMIT 1) AS b_in
    FROM %[1]s e
    JOIN (SELECT DISTINCT identifier_type, identifier_value, 1 AS ok FROM %[2]s WHERE %[3]s = %[4]s) ia
      ON ia.identifier_type = e.identifier_type_a AND ia.identifier_value = e.identifier_value_a
    WHERE e.identifier_value_b IS NOT NULL
  ) WHERE k = 1 AND (b_in IS NULL OR (ta, va) < (tb, vb))
  ORDER BY ta, va, tb, vb LIMIT %[5]d
)`, e, r, col, qid, GraphLimit))
	if err != nil {
		return nil, err
	}
	g := &Graph{Entity: t.Entity, ID: id, Nodes: []GraphNode{}, Edges: []GraphEdge{}}
	index := map[[2]string]int{}
	node := func(typ, val, ent string) int {
		k := [2]string{typ, val}
		if i, ok := index[k]; ok {
			return i
		}
		index[k] = len(g.Nodes)
		g.Nodes = append(g.Nodes, GraphNode{Type: typ, Value: val, Entity: ent})
		return index[k]
	}
	// Every identifier of the entity is a node, joined by an edge or not.
	ids, err := db.Query(ctx, fmt.Sprintf("SELECT DISTINCT identifier_type, identifier_value FROM %s WHERE %s = %s AND identifier_value IS NOT NULL ORDER BY 1, 2", r, col, qid), GraphLimit)
	if err != nil {
		return nil, err
	}
	for _, row := range ids.Rows {
		node(text(row[0]), text(row[1]), id)
	}
	for _, row := range rows {
		from := node(row[0], row[1], id)
		to := node(row[2], row[3], row[8])
		var n int
		fmt.Sscan(row[7], &n)
		g.Edges = append(g.Edges, GraphEdge{From: from, To: to, Source: row[4], RowID: row[5], OccurredAt: row[6], Rows: n})
	}
	return g, nil
}
