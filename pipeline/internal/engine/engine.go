// Package engine builds a dbt-nexus project into SQLite. It composes the
// stage packages, in order:
//
//  1. project: load dbt_project.yml, models, seeds, tests, macros and yml
//     from an io/fs.FS, merged with the built-in package (nexus) and with
//     the config trees applied.
//  2. jinja: render every model once with execute=false to collect ref(),
//     source() and config() (newPlan, collect).
//  3. graph: order the nodes, reject cycles, evaluate --select/--exclude.
//  4. run: for each selected node in order, load a seed (seed + store, one
//     JSON statement per table) or render a model with execute=true,
//     translate its SQL (dialect) and materialize it in a savepoint (store).
//     The package's resolved-identifier models call nexus_resolve_components,
//     which reads identifiers and edges once and resolves them in Go
//     (identity), writing the result back in one statement.
//  5. tests: schema and singular tests count failing rows; in a build a
//     failed test skips the models downstream of the model it checks.
//
// Every statement runs under the build's context: a deadline or a cancel
// interrupts SQLite and the error names the node and how long it ran.
// Problems in the project are returned as diagnostics (file, line, message,
// hint) in the Result, never as panics.
//
// The files depend one way: engine.go (the entry points) calls run.go and
// its helpers, which call plan.go and its helpers, which use memo.go.
package engine

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Engine builds projects into one database and keeps what its last build
// rendered, so the next build of an unchanged file renders nothing again.
type Engine struct {
	db   *store.DB
	env  envCache
	hist history
	// lastNodes are the nodes of the last build's project (LastNodes).
	lastNodes []Node
	// last is the last build when it reused every node (again.go).
	last lastRun
}

// New returns an engine that builds into db.
func New(db *store.DB) *Engine { return &Engine{db: db} }

// Nodes loads a project and lists its nodes in build order.
func Nodes(ctx context.Context, fsys fs.FS, vars map[string]any, w Warehouse) ([]Node, error) {
	// Parsing renders the project's templates: ctx bounds them.
	p, err := newPlan(fsys, vars, w, &envCache{ctx: ctx})
	if err != nil {
		return nil, err
	}
	return p.nodes(), nil
}

// LastNodes is what Nodes lists for the project of the engine's last
// build, taken from that build's plan, or nil when that build could not
// load its project. The page lists the nodes after every Run, and loading
// the project again costs as much as a small build does in js/wasm.
func (e *Engine) LastNodes() []Node { return e.lastNodes }

// nodes lists the plan's nodes in build order, once a plan: a plan taken
// again (samefiles.go) lists the same.
func (p *plan) nodes() []Node {
	if p.listed == nil {
		p.listed = p.listNodes()
	}
	return p.listed
}

func (p *plan) listNodes() []Node {
	var out []Node
	for _, n := range p.graph.Order() {
		node := Node{ID: n.ID, Name: n.Name, Kind: n.Kind, Package: n.Package, Path: n.Path, Tags: n.Tags, DependsOn: slices.Clone(p.graph.Parents(n.ID))}
		switch n.Kind {
		case "model":
			m := p.models[n.Name]
			c := p.configs[n.Name]
			rel := p.relation(n.Name)
			node.Schema, node.Relation, node.Materialized, node.Override = rel.Schema, rel.String(), c.Materialized, m.Override
		case "seed":
			s := p.seeds[n.Name]
			rel := seedRelation(s)
			node.Schema, node.Relation, node.Materialized = rel.Schema, rel.Schema+"."+rel.Name, "seed"
		case "snapshot":
			rel := p.snapshots[n.Name].relation()
			node.Schema, node.Relation, node.Materialized = rel.Schema, rel.String(), "snapshot"
		case "source":
			s := p.sources[strings.TrimPrefix(n.ID, "source.")]
			node.Name = n.SourceName + "." + n.Name
			node.Schema, node.Relation = s.rel.Schema, s.rel.String()
		}
		out = append(out, node)
	}
	return out
}

// Compile renders one model, singular test or analysis against the
// engine's database and returns its SQL as SQLite will run it.
func (e *Engine) Compile(ctx context.Context, fsys fs.FS, name string, vars map[string]any, w Warehouse) (string, error) {
	out, err := e.CompileAll(ctx, fsys, []string{name}, vars, w)
	if err != nil {
		return "", err
	}
	return out[0].SQL, out[0].Err
}

// Compiled is one node's SQL as CompileAll renders it, or why it could
// not be.
type Compiled struct {
	Name string
	SQL  string
	Err  error
}

// CompileAll renders the models, tests and analyses named, in order,
// against the engine's database, from one reading of the project: dbt
// compile of a selection. An error of the project itself is returned; a
// node's own is kept with it.
func (e *Engine) CompileAll(ctx context.Context, fsys fs.FS, names []string, vars map[string]any, w Warehouse) ([]Compiled, error) {
	e.env.ctx = ctx
	// A compile's render may write (identity resolution's temp tables).
	e.hist.rels = nil
	p, err := newPlan(fsys, vars, w, &e.env)
	if err != nil {
		return nil, err
	}
	// flags.WHICH is compile, as in dbt compile
	p.env.SetInvocation(jinja.Invocation{Which: "compile"})
	r := &runner{plan: p, db: e.db, ctx: ctx, res: &Result{}, types: e.hist.types}
	e.db.SetColumnTypes(r.columnTypeOf)
	e.db.SetColumnNames(r.columnNameOf)
	e.db.SetColumnFacets(r.columnFacetOf)
	if err := r.attachSchemas(); err != nil {
		return nil, err
	}
	r.learnStartDefinitions()
	out := make([]Compiled, len(names))
	for i, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sql, err := r.compileNode(name)
		out[i] = Compiled{Name: name, SQL: sql, Err: err}
	}
	return out, nil
}

// compileNode renders the model, test or analysis named name.
func (r *runner) compileNode(name string) (string, error) {
	p := r.plan
	if m, ok := p.models[name]; ok {
		tr, err := r.renderModel(m)
		if err != nil {
			if _, missing := store.MissingTable(err.Error()); missing {
				d := diag.From(err, m.Path, 0)
				d.Hint = "this model reads built tables while it compiles: build the project first and compile against that database (--db)"
				return "", d
			}
		}
		return tr.sql, err
	}
	for _, t := range p.tests {
		if t.Name == name {
			sql, err := r.testSQL(t)
			if err != nil {
				return sql, err
			}
			return r.compiledTest(sql)
		}
	}
	if a, ok := p.analyses[name]; ok {
		return r.compileAnalysis(a)
	}
	return "", fmt.Errorf("no model or test named %q%s", name, p.suggestModel(name))
}

// SelectNodes evaluates selectors over a project and returns the IDs of
// the selected nodes.
func SelectNodes(ctx context.Context, fsys fs.FS, vars map[string]any, w Warehouse, include, exclude []string) (map[string]bool, error) {
	p, err := newPlan(fsys, vars, w, &envCache{ctx: ctx})
	if err != nil {
		return nil, err
	}
	return p.graph.Select(include, exclude)
}
