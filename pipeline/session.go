package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Session is an open database that projects are built into and queried.
type Session struct {
	db  *store.DB
	env envCache
}

// Open opens a database: ":memory:" or a file (see store.Open for how a file
// database lays its schemas out on disk).
func Open(ctx context.Context, dsn string) (*Session, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &Session{db: db}, nil
}

// Close closes the database.
func (s *Session) Close() error { return s.db.Close() }

// DatabaseFiles copies the database into files laid out as Open reads a
// file database: base.db for main, base.SCHEMA.db for each other schema.
func (s *Session) DatabaseFiles(base string) (map[string][]byte, error) {
	return s.db.Serialize(base)
}

// Query runs one SQL statement against the built tables, schema-qualified
// names included, and returns at most maxRows rows (0: all).
func (s *Session) Query(ctx context.Context, sql string, maxRows int) (*Table, error) {
	r, err := s.db.Query(ctx, sql, maxRows)
	if err != nil {
		return nil, queryError(ctx, err)
	}
	return &Table{Columns: r.Columns, Types: r.Types, Rows: r.Rows, Truncated: r.Truncated}, nil
}

// queryError names a statement that failed because ctx ended as stopped,
// keeping the context's error for errors.Is.
func queryError(ctx context.Context, err error) error {
	if err == nil || ctx.Err() == nil {
		return err
	}
	return stopped{ctx.Err()}
}

// stopped is a statement interrupted by its context.
type stopped struct{ cause error }

func (e stopped) Error() string {
	if errors.Is(e.cause, context.DeadlineExceeded) {
		return "query stopped: time limit reached"
	}
	return "query stopped"
}

func (e stopped) Unwrap() error { return e.cause }

// Tables lists the built tables of every schema with their row counts.
func (s *Session) Tables(ctx context.Context) ([]TableInfo, error) {
	ts, err := s.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]TableInfo, 0, len(ts))
	// One statement counts every table: each statement has a fixed cost in
	// the js/wasm build, and the page lists tables after every run.
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = "(SELECT count(*) FROM " + store.Rel(t.Schema, t.Name) + ")"
	}
	var counts []any
	if len(parts) > 0 {
		if q, err := s.db.Query(ctx, "SELECT "+strings.Join(parts, ", "), 1); err == nil {
			counts = q.Rows[0]
		}
	}
	for i, t := range ts {
		var n int64
		if counts != nil {
			n, _ = counts[i].(int64)
		} else if n, err = s.db.Count(ctx, store.Rel(t.Schema, t.Name)); err != nil {
			return nil, err
		}
		out = append(out, TableInfo{Schema: t.Schema, Name: t.Name, Rows: n, Kind: t.Kind})
	}
	return out, nil
}

// Node describes one node of a project's graph, for listings and lineage.
type Node struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"` // source, seed, model, test
	Package      string   `json:"package"`
	Path         string   `json:"path"`
	Schema       string   `json:"schema,omitempty"`
	Relation     string   `json:"relation,omitempty"`
	Materialized string   `json:"materialized,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	DependsOn    []string `json:"depends_on,omitempty"`
	// Override marks a project model that replaces a package model.
	Override bool `json:"override,omitempty"`
}

// Nodes loads a project and lists its nodes in build order.
func Nodes(ctx context.Context, fsys fs.FS, vars map[string]any, d dialect.Dialect) ([]Node, error) {
	// Parsing renders the project's templates: ctx bounds them.
	p, err := newPlan(fsys, vars, d, &envCache{ctx: ctx})
	if err != nil {
		return nil, err
	}
	var out []Node
	for _, n := range p.graph.Order() {
		node := Node{ID: n.ID, Name: n.Name, Kind: n.Kind, Package: n.Package, Path: n.Path, Tags: n.Tags, DependsOn: p.graph.Parents(n.ID)}
		switch n.Kind {
		case "model":
			m := p.models[n.Name]
			c := p.configs[n.Name]
			rel := p.relation(n.Name)
			node.Schema, node.Relation, node.Materialized, node.Override = rel.Schema, rel.String(), c.Materialized, m.Override
		case "seed":
			s := p.seeds[n.Name]
			node.Schema, node.Relation, node.Materialized = schemaOf(s.Config), schemaOf(s.Config)+"."+s.Name, "seed"
		case "snapshot":
			rel := p.snapshots[n.Name].relation()
			node.Schema, node.Relation, node.Materialized = rel.Schema, rel.String(), "snapshot"
		case "source":
			s := p.sources[n.SourceName+"."+n.Name]
			node.Name = n.SourceName + "." + n.Name
			node.Schema, node.Relation = s.rel.Schema, s.rel.String()
		}
		out = append(out, node)
	}
	return out, nil
}

// Compile renders one model (or singular test) for execution and returns its
// SQL as SQLite will run it. Models that use run_query see an empty
// database here; use Session.Compile after a build for those.
func Compile(ctx context.Context, fsys fs.FS, name string, vars map[string]any, d dialect.Dialect) (string, error) {
	s, err := Open(ctx, store.MemoryDSN)
	if err != nil {
		return "", err
	}
	defer s.Close()
	return s.Compile(ctx, fsys, name, vars, d)
}

// Compile renders one model against this session's tables.
func (s *Session) Compile(ctx context.Context, fsys fs.FS, name string, vars map[string]any, d dialect.Dialect) (string, error) {
	s.env.ctx = ctx
	p, err := newPlan(fsys, vars, d, &s.env)
	if err != nil {
		return "", err
	}
	r := &runner{plan: p, db: s.db, ctx: ctx, res: &Result{}}
	if err := r.attachSchemas(); err != nil {
		return "", err
	}
	if m, ok := p.models[name]; ok {
		sql, err := r.renderModel(m)
		if err != nil {
			if _, missing := store.MissingTable(err.Error()); missing {
				d := diag.From(err, m.Path, 0)
				d.Hint = "this model reads built tables while it compiles: build the project first and compile against that database (--db)"
				return "", d
			}
		}
		return sql, err
	}
	for _, t := range p.tests {
		if t.Name == name {
			return r.testSQL(t)
		}
	}
	if a, ok := p.analyses[name]; ok {
		return r.compileAnalysis(a)
	}
	return "", fmt.Errorf("no model or test named %q%s", name, p.suggestModel(name))
}

// context is the template context of one file of the root project.
func (p *plan) context(file string, cfg *project.Config, this jinja.Relation, execute bool) *jinja.Context {
	return p.contextOf(file, "", cfg, this, execute)
}

// contextOf is the template context of one file with its source text,
// which tells the package it belongs to.
func (p *plan) contextOf(file, src string, cfg *project.Config, this jinja.Relation, execute bool) *jinja.Context {
	pkg := p.pkgOfFile[file+"\x00"+src]
	var g *jinja.Graph
	if execute {
		g = p.jinjaGraph()
	}
	return &jinja.Context{
		Package: pkg,
		Graph:   g,
		Vars:    p.proj.VarsFor(pkg),
		Target:  p.target,
		This:    this,
		Execute: execute,
		Config: func(kw map[string]any) error {
			if cfg != nil {
				cfg.Apply(kw)
			}
			return nil
		},
		Funcs: map[string]jinja.Func{"nexus_has_model": p.hasModel},
	}
}

// hasModel is nexus_has_model(name): whether an enabled model of that name
// exists, so the package can union optional source models (a source with
// persons: true may have no <source>_person_traits).
func (p *plan) hasModel(args []any, _ map[string]any) (any, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("nexus_has_model(name) takes one argument")
	}
	m, ok := p.models[fmt.Sprint(args[0])]
	return ok && m.Config.Enabled, nil
}

// SelectNodes evaluates selectors over a project and returns the IDs of
// the selected nodes.
func SelectNodes(ctx context.Context, fsys fs.FS, vars map[string]any, d dialect.Dialect, include, exclude []string) (map[string]bool, error) {
	p, err := newPlan(fsys, vars, d, &envCache{ctx: ctx})
	if err != nil {
		return nil, err
	}
	return p.graph.Select(include, exclude)
}
