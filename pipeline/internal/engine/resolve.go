package engine

import (
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/inspect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
)

// funcs are the Go functions templates can call. The package's resolved
// identifier models call nexus_resolve_components, so the graph work of
// identity resolution runs in Go over data read once, not in a
// path-enumerating recursive CTE.
func (r *runner) funcs() map[string]jinja.Func {
	return map[string]jinja.Func{
		"nexus_resolve_components": r.resolveComponents,
	}
}

// resolveComponents(entity_type, identifiers_relation, edges_relation
// [, max_recursion] [, by_entity_type=true]) resolves the identifiers and writes temp.nexus_<entity>_components
// (identifier_type, identifier_value, component_type, component_value),
// returning that relation. With by_entity_type the tables are v0.13's,
// holding every entity type, and only entity_type's rows are read. With
// first_event=true the table is (identifier_type, identifier_value,
// event_id, component_type, component_value) and holds only the
// identifiers of the identifiers relation, each with the event_id of its
// first row (writeFirstEvents).
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
	idRel, edgeRel := inspect.Relation{Schema: ids.Schema, Name: ids.Name}, inspect.Relation{Schema: edges.Schema, Name: edges.Name}
	if by, _ := kw["by_entity_type"].(bool); by {
		// v0.13's tables hold every entity type: read this one's rows.
		typ := store.Quote(entity)
		idRel.Select = fmt.Sprintf("SELECT * FROM %s WHERE entity_type = %s", store.Rel(ids.Schema, ids.Name), typ)
		edgeRel.Select = fmt.Sprintf("SELECT * FROM %s WHERE entity_type_a = %s AND entity_type_b = %s", store.Rel(edges.Schema, edges.Name), typ, typ)
	}
	firstEvent, _ := kw["first_event"].(bool)
	var rows [][]any
	var g *identity.Graph
	if firstEvent {
		// The table holds each identifier's first event too, so the
		// model reads it alone instead of ranking every identifier row
		// again in SQL.
		var err error
		if g, rows, err = r.writeFirstEvents(out, idRel, edgeRel, strategy, depth); err != nil {
			return nil, err
		}
	} else {
		var err error
		g, err = inspect.ReadGraph(r.ctx, r.db, idRel, edgeRel)
		if err != nil {
			return nil, err
		}
		reps := g.Resolve(strategy, depth)
		rows = make([][]any, len(reps))
		for id, rep := range reps {
			t, v := g.Identifier(int32(id))
			rt, rv := g.Identifier(rep)
			rows[id] = []any{t, v, rt, rv}
		}
		cols := []string{"identifier_type", "identifier_value", "component_type", "component_value"}
		if err := r.db.LoadTable(r.ctx, "temp", out.Name, cols, []string{"TEXT", "TEXT", "TEXT", "TEXT"}, rows); err != nil {
			return nil, err
		}
	}
	r.contentVersion(out, rows)
	rep := identityReport(entity, strategyName, depth, g.Compare(depth))
	r.res.Identity = append(r.res.Identity, rep)
	if fx := r.effects; fx != nil {
		// The components are a function of the two relations read: the
		// render stays valid while they, and the table written, keep
		// their versions.
		for _, rel := range []jinja.Relation{ids, edges, out} {
			k := relKey(rel.Schema, rel.Name)
			v := r.version(k)
			fx.keep = fx.keep && v != ""
			fx.reads = append(fx.reads, dataRead{kind: "version", arg: k, answer: v})
		}
		fx.identity = append(fx.identity, rep)
	}
	return out, nil
}

// writeFirstEvents writes out as (identifier_type, identifier_value,
// event_id, component_type, component_value): one row per identifier of
// ids with the event_id of its first row (smallest row_id, then event_id)
// and the component it resolves to. The first three columns take their
// types from ids, so a model selecting them gets the columns a select from
// ids would. The rows go in through prepared binds: measured natively and
// as js/wasm, faster than one statement over a JSON text for five columns.
func (r *runner) writeFirstEvents(out jinja.Relation, ids, edges inspect.Relation, strategy identity.Strategy, depth int) (*identity.Graph, [][]any, error) {
	g, firsts, err := inspect.ReadGraphFirstEvents(r.ctx, r.db, ids, edges)
	if err != nil {
		return nil, nil, err
	}
	reps := g.Resolve(strategy, depth)
	rows := make([][]any, 0, len(firsts))
	for _, f := range firsts {
		id, ok := g.Lookup(inspect.GraphText(f.Type), inspect.GraphText(f.Value))
		if !ok {
			return nil, nil, fmt.Errorf("nexus_resolve_components: identifier %v %v is not in the graph", f.Type, f.Value)
		}
		rt, rv := g.Identifier(reps[id])
		rows = append(rows, []any{inspect.SQLValue(f.Type), inspect.SQLValue(f.Value), inspect.SQLValue(f.EventID), rt, rv})
	}
	rel := store.Rel("temp", out.Name)
	if err := r.db.Exec(r.ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s; CREATE TABLE %s AS SELECT identifier_type, identifier_value, event_id, CAST(NULL AS TEXT) AS component_type, CAST(NULL AS TEXT) AS component_value FROM %s WHERE 0",
		rel, rel, ids.SQL())); err != nil {
		return nil, nil, err
	}
	if err := r.db.InsertRows(r.ctx, "temp", out.Name, 5, rows); err != nil {
		return nil, nil, err
	}
	return g, rows, nil
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
