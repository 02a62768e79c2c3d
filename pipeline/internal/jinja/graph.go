package jinja

import (
	"sync"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// Graph is dbt's `graph` variable: the project's nodes (models, seeds,
// snapshots, tests) and sources by unique_id, each a dict with the fields
// dbt's manifest gives it (unique_id, resource_type, name, package_name,
// path, original_file_path, fqn, schema, database, alias, config, tags,
// depends_on...). Values are Go values as Func arguments are.
type Graph struct {
	Nodes     map[string]map[string]any
	Sources   map[string]map[string]any
	Exposures map[string]map[string]any

	once  sync.Once
	value attrs
}

// jinja is the graph as templates read it, converted once: a plan renders
// many models against one graph.
func (g *Graph) jinja() attrs {
	if g == nil {
		return emptyGraph()
	}
	g.once.Do(func() {
		g.value = emptyGraph()
		g.value["nodes"] = toJinja(anyMap(g.Nodes))
		g.value["sources"] = toJinja(anyMap(g.Sources))
		if g.Exposures != nil {
			g.value["exposures"] = toJinja(anyMap(g.Exposures))
		}
	})
	return g.value
}

// unreadGraph is what begin sets for a render whose templates never name
// the graph.
var unreadGraph = emptyGraph()

// emptyGraph is the graph with no nodes: what a render without one sees.
func emptyGraph() attrs {
	g := attrs{}
	for _, k := range []string{"nodes", "sources", "exposures", "metrics", "groups", "semantic_models", "saved_queries", "unit_tests"} {
		g[k] = exec.NewDict()
	}
	return g
}

func anyMap(m map[string]map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
