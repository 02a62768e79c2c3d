package pipeline

import (
	"encoding/json"
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/identity"
	"github.com/nexus-playground/nexus/pipeline/jinja"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
	"github.com/nexus-playground/nexus/pipeline/store"
)

// funcs are the Go functions templates can call. The package's resolved
// identifier models call nexus_resolve_components, so the graph work of
// identity resolution runs in Go over data read once (NEXUS_SPEC.md
// section 4), not in a path-enumerating recursive CTE.
func (r *runner) funcs() map[string]jinja.Func {
	return map[string]jinja.Func{
		"nexus_resolve_components": r.resolveComponents,
	}
}

// resolveComponents(entity_type, identifiers_relation, edges_relation
// [, max_recursion]) resolves the identifiers and writes temp.nexus_<entity>_components
// (identifier_type, identifier_value, component_type, component_value),
// returning that relation.
func (r *runner) resolveComponents(args []any, kw map[string]any) (any, error) {
	if len(args) < 3 {
		return nil, fmt.Errorf("nexus_resolve_components(entity_type, identifiers, edges) takes 3 arguments, got %d", len(args))
	}
	entity := fmt.Sprint(args[0])
	ids, ok1 := args[1].(jinja.Relation)
	edges, ok2 := args[2].(jinja.Relation)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("nexus_resolve_components: the identifiers and edges arguments must be ref(...) relations")
	}
	out := jinja.Relation{Schema: "temp", Name: "nexus_" + entity + "_components"}
	set := r.plan.settings
	strategy, strategyName, depth := set.Strategy, set.StrategyName, set.MaxRecursion
	if len(args) > 3 && args[3] != nil {
		// resolve_identifiers(..., max_recursion) passes its own bound.
		n, err := settings.MaxRecursion(args[3])
		if err != nil {
			return nil, fmt.Errorf("resolve_identifiers: %v", err)
		}
		depth = n
	}
	g, err := r.readGraph(ids, edges)
	if err != nil {
		return nil, err
	}
	reps := g.Resolve(strategy, depth)
	rows := make([][]any, len(reps))
	for id, rep := range reps {
		t, v := g.Identifier(int32(id))
		rt, rv := g.Identifier(rep)
		rows[id] = []any{t, v, rt, rv}
	}
	cols := []string{"identifier_type", "identifier_value", "component_type", "component_value"}
	if err := r.db.LoadTable(r.ctx, "temp", out.Name, cols, []string{"TEXT", "TEXT", "TEXT", "TEXT"}, rows); err != nil {
		return nil, err
	}
	rep := g.Compare(depth)
	r.res.Identity = append(r.res.Identity, identityReport(entity, strategyName, depth, rep))
	return out, nil
}

// readGraph builds the identity graph of an identifiers and an edges table.
func (r *runner) readGraph(ids, edges jinja.Relation) (*identity.Graph, error) {
	idRows, edgeRows, err := r.readIdentity(store.Rel(ids.Schema, ids.Name), store.Rel(edges.Schema, edges.Name))
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

// readIdentity reads the distinct identifiers (type, value) of the
// identifiers table and the edges (type_a, value_a, type_b, value_b) of the
// edges table, each as one JSON text: one crossing of the Go/SQLite
// boundary per table instead of one per row.
func (r *runner) readIdentity(ids, edges string) (idRows, edgeRows [][]string, err error) {
	idRows, err = r.readJSON(fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type, identifier_value)) FROM (SELECT DISTINCT identifier_type, identifier_value FROM %s WHERE identifier_value IS NOT NULL AND identifier_type IS NOT NULL)", ids))
	if err != nil {
		return nil, nil, err
	}
	edgeRows, err = r.readJSON(fmt.Sprintf(
		"SELECT json_group_array(json_array(identifier_type_a, identifier_value_a, identifier_type_b, identifier_value_b)) FROM %s WHERE identifier_value_a IS NOT NULL AND identifier_value_b IS NOT NULL", edges))
	return idRows, edgeRows, err
}

func (r *runner) readJSON(sql string) ([][]string, error) {
	q, err := r.db.Query(r.ctx, sql, 1)
	if err != nil {
		return nil, err
	}
	text, _ := q.Rows[0][0].(string)
	var raw [][]any
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, err
	}
	out := make([][]string, len(raw))
	for i, row := range raw {
		s := make([]string, len(row))
		for j, v := range row {
			switch x := v.(type) {
			case string:
				s[j] = x
			case nil:
			default:
				s[j] = fmt.Sprint(x)
			}
		}
		out[i] = s
	}
	return out, nil
}

func identityReport(entity, strategy string, depth int, rep identity.Report) IdentityReport {
	out := IdentityReport{Entity: entity, Strategy: strategy, MaxRecursion: depth, Identifiers: rep.Identifiers,
		Edges: rep.Edges, Entities: rep.BoundedEntities, ExactComponents: rep.ExactComponents,
		SplitComponents: rep.SplitComponents, LongestPath: rep.LongestPath}
	if strategy == "exact" {
		out.Entities = rep.ExactComponents
	}
	switch {
	case rep.SplitComponents > 0 && strategy == "bounded":
		out.Message = fmt.Sprintf("nexus_max_recursion %d splits %d %s%s that exact resolution keeps whole; %d would keep them whole",
			depth, rep.SplitComponents, entity, plural(rep.SplitComponents), rep.DepthForExact)
	default:
		out.Message = fmt.Sprintf("%d %s%s from %d identifiers; the longest chain is %d edge%s (bound %d)",
			out.Entities, entity, plural(out.Entities), rep.Identifiers, rep.LongestPath, plural(rep.LongestPath), depth)
	}
	return out
}
