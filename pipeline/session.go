package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/engine"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Session is an open database that projects are built into and queried.
type Session struct {
	db  *store.DB
	eng *engine.Engine
}

// Open opens a database: ":memory:" or a file (see store.Open for how a file
// database lays its schemas out on disk).
func Open(ctx context.Context, dsn string) (*Session, error) {
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return &Session{db: db, eng: engine.New(db)}, nil
}

// Stats counts the statements the session's database ran and the time
// they took, since it was opened.
func (s *Session) Stats() StatementStats { return s.db.Stats() }

// StatementStats is what Session.Stats counts.
type StatementStats = store.Stats

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

// QueryIn runs one query written for warehouse d against the built
// tables, translated as a model's SQL is (d == SQLite runs it as Query
// does). A construct the translator refuses is an error with its line and
// column in sql.
func (s *Session) QueryIn(ctx context.Context, d Dialect, sql string, maxRows int) (*Table, error) {
	if d == dialect.SQLite || d == "" {
		return s.Query(ctx, sql, maxRows)
	}
	translated, err := s.eng.TranslateQuery(ctx, d, sql)
	var list diag.List
	if errors.As(err, &list) {
		for i, e := range list {
			list[i] = diag.From(e, "query", 0)
		}
		return nil, list
	}
	if err != nil {
		return nil, diag.From(err, "query", 0)
	}
	return s.Query(ctx, translated, maxRows)
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

// Build loads fsys, plans it and runs opts.Command. Problems in the project
// come back as Result.Diagnostics with OK false; the error is for a bad
// request (*UsageError) or a database that cannot be used.
func (s *Session) Build(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	return s.eng.Build(ctx, fsys, opts)
}

// Nodes loads a project and lists its nodes in build order.
func Nodes(ctx context.Context, fsys fs.FS, vars map[string]any, w Warehouse) ([]Node, error) {
	return engine.Nodes(ctx, fsys, vars, w)
}

// LastNodes is what Nodes lists for the project of this session's last
// build (the same files, vars and dialect), or nil when that build could
// not load its project: listing them again would load the project again.
func (s *Session) LastNodes() []Node { return s.eng.LastNodes() }

// Compile renders one model (or singular test) for execution and returns its
// SQL as SQLite will run it. Models that use run_query see an empty
// database here; use Session.Compile after a build for those.
func Compile(ctx context.Context, fsys fs.FS, name string, vars map[string]any, w Warehouse) (string, error) {
	s, err := Open(ctx, store.MemoryDSN)
	if err != nil {
		return "", err
	}
	defer s.Close()
	return s.Compile(ctx, fsys, name, vars, w)
}

// Compile renders one model against this session's tables.
func (s *Session) Compile(ctx context.Context, fsys fs.FS, name string, vars map[string]any, w Warehouse) (string, error) {
	return s.eng.Compile(ctx, fsys, name, vars, w)
}

// CompileAll renders the models, tests and analyses named against this
// session's tables, reading the project once: each node's SQL or error.
func (s *Session) CompileAll(ctx context.Context, fsys fs.FS, names []string, vars map[string]any, w Warehouse) ([]Compiled, error) {
	return s.eng.CompileAll(ctx, fsys, names, vars, w)
}

// SelectNodes evaluates selectors over a project and returns the IDs of
// the selected nodes.
func SelectNodes(ctx context.Context, fsys fs.FS, vars map[string]any, w Warehouse, include, exclude []string) (map[string]bool, error) {
	return engine.SelectNodes(ctx, fsys, vars, w, include, exclude)
}
