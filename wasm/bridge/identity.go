package bridge

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/explain"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
	"github.com/nexus-playground/nexus/pipeline/store"
)

// bound is the nexus_max_recursion to explain or preview with: the
// request's, else the project's (its files and vars), else the default.
func bound(req Request, a *IdentityArgs) (int, error) {
	if a.MaxRecursion > 0 {
		return a.MaxRecursion, nil
	}
	if len(req.Files) == 0 {
		return settings.DefaultMaxRecursion, nil
	}
	fsys, err := projectFS(req.Files)
	if err != nil {
		return 0, err
	}
	return explain.MaxRecursion(fsys, req.Vars)
}

// explain answers "why are these one person?": the shortest chain of edges
// between two identifiers, with the source row behind each.
func (b *Bridge) explain(ctx context.Context, sess *pipeline.Session, req Request, a *IdentityArgs) (*explain.Explanation, error) {
	ia, err := explain.ParseIdentifier(a.A)
	if err != nil {
		return nil, err
	}
	ib, err := explain.ParseIdentifier(a.B)
	if err != nil {
		return nil, err
	}
	n, err := bound(req, a)
	if err != nil {
		return nil, err
	}
	return explain.ExplainWith(ctx, sess, ia, ib, explain.Options{Entity: a.Entity, MaxRecursion: n})
}

// preview resolves the built tables again under other settings.
func (b *Bridge) preview(ctx context.Context, sess *pipeline.Session, req Request, a *IdentityArgs) (*pipeline.Preview, error) {
	n, err := bound(req, a)
	if err != nil {
		return nil, err
	}
	return sess.PreviewResolution(ctx, pipeline.PreviewOptions{
		Entity: a.Entity, Strategy: a.Strategy, MaxRecursion: n, EdgeLimit: a.EdgeLimit, Ignore: a.Ignore,
	})
}

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

// graphLimit caps the edges of one graph: an over-merged person can have
// thousands, more than a drawing can show.
const graphLimit = 400

func graph(ctx context.Context, sess *pipeline.Session, a *IdentityArgs) (*Graph, error) {
	entity := a.Entity
	if entity == "" {
		entity = "person"
	}
	if entity != "person" && entity != "group" {
		return nil, fmt.Errorf("entity %q: use person or group", entity)
	}
	edgesRel, resRel, err := explain.Relations(ctx, sess, entity)
	if err != nil {
		return nil, err
	}
	e, r := relOf(edgesRel), relOf(resRel)
	col := entity + "_id"
	id := store.Quote(a.ID)
	sql := fmt.Sprintf(`SELECT json_group_array(json_array(ta, va, tb, vb, source, row_id, occurred_at, n, eb)) FROM (
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
)`, e, r, col, id, graphLimit)
	t, err := sess.Query(ctx, sql, 1)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	if len(t.Rows) > 0 {
		if s, ok := t.Rows[0][0].(string); ok {
			if err := json.Unmarshal([]byte(s), &rows); err != nil {
				return nil, err
			}
		}
	}
	g := &Graph{Entity: entity, ID: a.ID, Nodes: []GraphNode{}, Edges: []GraphEdge{}}
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
	ids, err := sess.Query(ctx, fmt.Sprintf("SELECT DISTINCT identifier_type, identifier_value FROM %s WHERE %s = %s AND identifier_value IS NOT NULL ORDER BY 1, 2", r, col, id), graphLimit)
	if err != nil {
		return nil, err
	}
	for _, row := range ids.Rows {
		node(str(row[0]), str(row[1]), a.ID)
	}
	for _, row := range rows {
		from := node(str(row[0]), str(row[1]), a.ID)
		to := node(str(row[2]), str(row[3]), str(row[8]))
		var n int
		fmt.Sscan(str(row[7]), &n)
		g.Edges = append(g.Edges, GraphEdge{From: from, To: to, Source: str(row[4]), RowID: str(row[5]), OccurredAt: str(row[6]), Rows: n})
	}
	return g, nil
}

// relOf quotes a schema.name relation.
func relOf(rel string) string {
	schema, name, ok := strings.Cut(rel, ".")
	if !ok {
		return store.Rel("main", rel)
	}
	return store.Rel(schema, name)
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
