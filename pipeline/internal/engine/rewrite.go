package engine

import (
	"context"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// A model's table is made by DROP TABLE and CREATE TABLE ... AS. Each of
// the two changes the schema, and every schema change makes SQLite read
// its schema again and prepare every statement anew: in js/wasm that costs
// more than writing the rows. When the table the model last made is still
// there, and the same SQL reads the same tables with the same columns as
// when it made it, CREATE TABLE ... AS would make the same columns again,
// so the rows are written into the table instead: DELETE and INSERT ...
// SELECT, in the model's savepoint, which change no schema.
//
// What a CREATE TABLE ... AS makes is its columns' names and declared
// types (SQLite writes only those down), which follow from the SQL and
// from the columns of the tables and views it reads; the rows come in the
// order the SELECT gives them, with rowids from 1, as after DELETE. The
// tables read are those SQLite's authorizer names (views too); their
// columns are known only for tables the engine wrote whole (a model's,
// through finishStep, or a seed's) that kept the version they had then,
// with no hook run and no query written since; any other read, a read of
// the model's own table, or of the schema table, makes the model use
// CREATE TABLE ... AS. INSERT gives each value its column's affinity,
// which CREATE TABLE ... AS does not: only a table without INT or NUM
// columns is written in place (noteRewrite).

// relShape is a relation's columns (store.ShapeText) as the engine wrote
// it, with the version it then got and the hooks run by then.
type relShape struct {
	cols, version string
	hooks         int
}

// rewrite is a model's last CREATE TABLE ... AS: its SQL, the relation it
// made with the columns it got, the columns of each table it read, and
// the hooks run by then.
type rewrite struct {
	sql, rel, cols string
	reads          map[string]string
	hooks          int
}

// shapeOf is the columns of relation k, when the engine knows them now.
func (r *runner) shapeOf(k string) (string, bool) {
	s, ok := r.hist.shapes[k]
	if !ok || s.version == "" || s.version != r.hist.versions[k] || s.hooks != r.hist.hooks || !r.exists[k] || r.cleanState() == "" {
		return "", false
	}
	return s.cols, true
}

// noteShape keeps the columns of relation k, which the engine just wrote
// whole, until the node that wrote it gets its version (keepShape).
func (r *runner) noteShape(k, cols string) {
	if r.shapes == nil {
		return
	}
	r.shapes[k] = relShape{cols: cols, hooks: r.hist.hooks}
}

// keepShape keeps the columns the build noted for rel with the version
// rel now has; a relation written otherwise has no known columns.
func (r *runner) keepShape(rel string) {
	if r.shapes == nil {
		return
	}
	s, ok := r.shapes[rel]
	delete(r.shapes, rel)
	if !ok || rel == "" {
		delete(r.hist.shapes, rel)
		return
	}
	s.version = r.hist.versions[rel]
	r.hist.shapes[rel] = s
}

// noteRewrite keeps what model n's CREATE TABLE ... AS of relation k read
// and made, once the table was read whole (finishStep), when every table
// it read has known columns.
func (r *runner) noteRewrite(n *graph.Node, k, sql string, reads []string) {
	s, ok := r.shapes[k]
	if !ok || s.hooks != r.hist.hooks || r.hist.rewrites == nil {
		return
	}
	// INSERT gives a value its column's affinity, CREATE TABLE ... AS
	// writes it as the SELECT gives it. In a column without affinity, or
	// of TEXT or REAL affinity, that is the same value (a TEXT column of
	// CREATE TABLE ... AS holds the text its SELECT reads or makes, and a
	// REAL column reads an integer back as a real). An INT or NUM column
	// of a compound SELECT whose parts are both (cast(null as real) and
	// 299.0) holds 299.0, which INSERT would make 299.
	for _, t := range store.ShapeTypes(s.cols) {
		if t != "" && t != "TEXT" && t != "REAL" {
			return
		}
	}
	w := rewrite{sql: sql, rel: k, cols: s.cols, reads: make(map[string]string, len(reads)), hooks: r.hist.hooks}
	// DROP TABLE and CREATE TABLE read the schema table of the schema
	// they change; a SELECT that reads it too shows in the rewrite's
	// reads, which then differ from these.
	schema, _, _ := strings.Cut(k, ".")
	for _, rel := range reads {
		if rel == schema+".sqlite_master" || rel == schema+".sqlite_schema" {
			continue
		}
		cols, ok := r.shapeOf(rel)
		if !ok || rel == k {
			return
		}
		w.reads[rel] = cols
	}
	r.hist.rewrites[n.ID] = w
}

// rewriteInPlace writes model n's rows into its existing table qrel (k)
// when CREATE TABLE ... AS would make the table it has, and tells whether
// it did; when it did not, nothing changed.
func (r *runner) rewriteInPlace(n *graph.Node, k, qrel, sql string) bool {
	if r.hist == nil {
		return false
	}
	w, ok := r.hist.rewrites[n.ID]
	if !ok || w.sql != sql || w.rel != k || w.hooks != r.hist.hooks {
		return false
	}
	if cols, ok := r.shapeOf(k); !ok || cols != w.cols {
		return false
	}
	for rel, cols := range w.reads {
		if now, ok := r.shapeOf(rel); !ok || now != cols {
			return false
		}
	}
	stop := r.db.TrackReads()
	err := r.db.Exec(r.ctx, "SAVEPOINT model; DELETE FROM "+qrel+"; INSERT INTO "+qrel+"\n"+sql+"\n;")
	reads := stop()
	same := err == nil && len(reads) == len(w.reads)
	for _, rel := range reads {
		if _, ok := w.reads[rel]; !ok {
			same = false
		}
	}
	if same {
		if err = r.db.Exec(r.ctx, "RELEASE model"); err == nil {
			return true
		}
	}
	if !r.db.Conn().GetAutocommit() {
		r.db.Exec(context.Background(), "ROLLBACK TO model; RELEASE model")
	}
	return false
}
