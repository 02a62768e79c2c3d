package bridge

import (
	"context"
	"fmt"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
)

// What changed since the previous run. After a build the bridge reads the
// built tables (pipeline.ReadTables) and compares them with the previous
// build's (pipeline.CompareTables); that read becomes the baseline of the
// next build, so a run reads the tables once. A first build on an empty
// database reads nothing: there is nothing to compare with, and the first
// visit stays fast. The next build then reads its baseline first. After a
// build only the tables it wrote are read again (Session.ReadTablesSince).

// DiffMaxRows caps the rows of a table the bridge reads to compare: a
// larger table is counted only, and the page says it was not compared.
const DiffMaxRows = 20000

// DiffRows caps the differing rows of one table sent to the page's grid.
const DiffRows = 1000

// Changes is what a build changed, sent with its result.
type Changes struct {
	Tables  []pipeline.TableDiff `json:"tables"`
	MaxRows int                  `json:"max_rows"`
	// Seconds is the time spent reading and comparing the tables.
	Seconds float64 `json:"seconds"`
	// Error says why the tables could not be compared (the build stands).
	Error string `json:"error,omitempty"`
}

// BuildResult is a build's result with what it changed; Changes is nil on
// a first build.
type BuildResult struct {
	*pipeline.Result
	Changes *Changes `json:"changes,omitempty"`
	// Tables are the built tables as the tables operation lists them,
	// read with the changes: the page lists them after every Run, and a
	// call of its own would wait in the page's queue. Null when they could
	// not be listed.
	Tables []pipeline.TableInfo `json:"tables"`
}

// baseline returns the tables to compare the coming build with.
func (b *Bridge) baseline(ctx context.Context, sess *pipeline.Session) (*pipeline.TableSet, error) {
	if b.after != nil {
		return b.after, nil
	}
	return sess.ReadTables(ctx, DiffMaxRows)
}

// compare reads the tables the build left and compares them with base.
func (b *Bridge) compare(ctx context.Context, sess *pipeline.Session, base *pipeline.TableSet) (*Changes, error) {
	if base.Len() == 0 {
		b.before, b.after = nil, nil
		return nil, nil
	}
	start := time.Now()
	// Only the tables the build wrote are read again.
	now, err := sess.ReadTablesSince(ctx, DiffMaxRows, base)
	if err != nil {
		return nil, err
	}
	b.before, b.after = base, now
	ts := pipeline.CompareTables(base, now, 0)
	return &Changes{Tables: ts, MaxRows: DiffMaxRows, Seconds: time.Since(start).Seconds()}, nil
}

func (b *Bridge) forgetChanges() { b.before, b.after = nil, nil }

// DiffArgs names a table (diff.rows) or a person (diff.person).
type DiffArgs struct {
	Schema string `json:"schema,omitempty"`
	Name   string `json:"name,omitempty"`
	Person string `json:"person,omitempty"`
}

// serveDiff answers diff.rows (a table's differing rows, up to DiffRows)
// and diff.person (the identifiers that joined or left a person).
func (b *Bridge) serveDiff(req Request) (any, error) {
	a := req.Diff
	if a == nil {
		return nil, fmt.Errorf("%s needs diff arguments", req.Op)
	}
	if b.before == nil || b.after == nil {
		return nil, fmt.Errorf("no previous run to compare with: run the project twice")
	}
	switch req.Op {
	case "diff.rows":
		d, ok := pipeline.CompareTable(b.before, b.after, a.Schema, a.Name, DiffRows)
		if !ok {
			return nil, fmt.Errorf("neither run built %s.%s", a.Schema, a.Name)
		}
		return d, nil
	case "diff.person":
		return pipeline.PersonChanges(b.before, b.after, a.Person), nil
	}
	return nil, fmt.Errorf("unknown operation %q", req.Op)
}
