package engine

import (
	"sort"

	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// Analyses (analysis-paths) as dbt has them: parsed like models, so their
// refs must resolve and they stand in the graph (ls lists them), compiled
// by `nexus compile NAME`, and never run by run or build.

// parseAnalyses renders each analysis with execute=false for its refs.
func (p *plan) parseAnalyses() ([]*graph.Node, error) {
	names := make([]string, 0, len(p.analyses))
	for n := range p.analyses {
		names = append(names, n)
	}
	sort.Strings(names)
	var nodes []*graph.Node
	for _, name := range names {
		a := p.analyses[name]
		cfg := a.Config.Clone()
		deps, err := p.collect(a.Path, a.SQL, &cfg, jinja.Relation{Name: a.Name})
		if err != nil {
			return nil, err
		}
		if !cfg.Enabled {
			continue
		}
		a.Config = cfg
		nodes = append(nodes, &graph.Node{ID: nodeID("analysis", p.pkgOf(a.Package), a.Name), Kind: "analysis", Name: a.Name,
			Package: p.pkgOf(a.Package), Path: a.Path, Tags: cfg.Tags, DependsOn: deps})
	}
	return nodes, nil
}

// compileAnalysis renders an analysis for execution and translates it.
func (r *runner) compileAnalysis(a *project.Analysis) (string, error) {
	cfg := a.Config.Clone()
	out, err := r.render(a.Path, a.SQL, &cfg, jinja.Relation{Name: a.Name})
	if err != nil {
		return "", err
	}
	return r.translate(a.Path, a.SQL, out)
}
