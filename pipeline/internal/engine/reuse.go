package engine

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// history is what an engine knows of the nodes its builds left in the
// database, so that the next build re-runs only what could come out
// different: a seed, model or test is reused when its own inputs (its SQL
// as SQLite runs it, or a seed's data; its relation, config and dialect)
// are the same and every table it read, by ref, source or name, is still
// the version it read. Everything it read is known exactly: SQLite's
// authorizer names each table a statement reads, through views too, and
// the graph's parents are added to that. A rebuilt table gets a new
// version, so what read it is rebuilt in turn.
//
// Not reused, ever: snapshots and incremental models (they act on the
// history their table holds, and dbt runs them every time), nodes with
// pre- or post-hooks, a model that draws from a sequence, and a node that
// failed or was skipped. Nothing is
// reused in a build of a project with on-run-start or on-run-end hooks (a
// hook may change any table), after a query changed the database or a
// build set a session parameter, or when the build asks for a full
// refresh or to rebuild all.
type history struct {
	nodes map[string]*built // by node ID
	// versions are the versions of the relations (lower-case schema.name)
	// the engine wrote; a relation it never wrote has version "".
	versions map[string]string
	// owner is the node that last built each relation, for the log.
	owner map[string]string
	next  int
	// writes is the database's write count after the last build: a query
	// that changed the database since makes everything stale.
	writes int
	// hooks counts the hooks the builds ran: a hook may write any table
	// without giving it a new version.
	hooks int
	// types are the static types of the columns of the relations built
	// (statictypes.go).
	types map[string]map[string]string
	// opTypes are the static types of the tables the last run-operation
	// created, and opWrites the database's write count after it: a build
	// that follows with nothing written between keeps knowing them.
	opTypes  map[string]map[string]string
	opWrites int
	// rels are the relations the last build left (relset.go).
	rels *relSet
	// reads are the tables the last build read whole as it wrote them,
	// by relation, with the version it gave them (ReadWhole).
	reads map[string]tableRead
	// cells is the number of values of each relation when it was last
	// written (finishStep).
	cells map[string]int64
	// shapes are the columns of the relations last written whole by the
	// engine, and rewrites what the last CREATE TABLE ... AS of each
	// model read and made (rewrite.go).
	shapes   map[string]relShape
	rewrites map[string]rewrite
}

// tableRead is a table read whole: its fingerprint, its rows, and the
// version it was given.
type tableRead struct {
	fp      string
	rows    *store.Rows
	version string
}

// builtRows are the rows of relation k as this session's builds wrote and
// read them, while they are still its rows.
func (r *runner) builtRows(k string) (*store.Rows, bool) {
	if r.hist == nil || r.cleanState() == "" {
		return nil, false
	}
	t, ok := r.hist.reads[k]
	if !ok || t.version == "" || t.version != r.version(k) {
		return nil, false
	}
	return t.rows, true
}

// ReadWhole returns the rows of relation rel (lower-case schema.name) as
// the last build wrote and read them, when they are still its rows: the
// relation has the version it had then and nothing but the engine wrote
// to the database since. A comparison after a build takes them instead of
// reading the table again.
func (e *Engine) ReadWhole(rel string) (*store.Rows, bool) {
	t, ok := e.hist.reads[rel]
	if !ok || t.version != e.hist.versions[rel] || e.hist.writes < 0 || e.hist.writes != e.db.Writes() {
		return nil, false
	}
	return t.rows, true
}

// Versions returns the version of each relation (lower-case schema.name)
// the engine's builds wrote, and how many hooks they ran. A table whose
// version is the same at two moments, with no hook run and no query write
// (store.DB.Writes) between them, holds the same rows: every build that
// writes a relation gives it a new version. A view can change without one
// (what it reads changed), and a relation never written has version "".
func (e *Engine) Versions() (map[string]string, int) {
	out := make(map[string]string, len(e.hist.versions))
	for k, v := range e.hist.versions {
		out[k] = v
	}
	return out, e.hist.hooks
}

// built is one node as the last build that ran it left it.
type built struct {
	key    string            // the node's own inputs: a seed's data, a test's SQL, a model's SQL hashed
	conf   string            // its relation, config and dialect
	reads  map[string]string // relation read -> its version then
	rel    string            // relation written ("" for a test)
	shown  string            // the relation as the log shows it
	view   bool              // the relation is a view
	self   bool              // it reads its own table: never the same twice
	rows   int64
	status string
	// warnings are the node's warnings, shown again when it is reused.
	warnings []diag.Diagnostic
}

func relKey(schema, name string) string { return strings.ToLower(schema + "." + name) }

func hashText(parts ...string) string {
	h := sha256.New()
	writeParts(h, parts...)
	return string(h.Sum(nil))
}

// partsText writes short parts down for comparison, each after its
// length, as writeParts hashes them: cheaper than hashing what is short.
func partsText(parts ...string) string {
	var b []byte
	for _, p := range parts {
		b = append(strconv.AppendInt(b, int64(len(p)), 10), ':')
		b = append(b, p...)
	}
	return string(b)
}

// newVersion marks a relation as rewritten.
func (h *history) newVersion(rel, owner string) {
	if rel == "" {
		return
	}
	h.next++
	h.versions[rel] = fmt.Sprint("v", h.next)
	h.owner[rel] = owner
	delete(h.shapes, rel)
}

// nodeRel is the relation a seed, model or snapshot node writes, and
// whether it is a view (an ephemeral model's temporary view).
func (p *plan) nodeRel(n *graph.Node) (string, bool) {
	switch n.Kind {
	case "seed":
		s := p.seeds[n.Name]
		rel := seedRelation(s)
		return relKey(rel.Schema, rel.Name), false
	case "model":
		rel := p.relation(n.Name)
		if p.configs[n.Name].Materialized == "ephemeral" {
			return relKey("temp", rel.Name), true
		}
		return relKey(rel.Schema, rel.Name), false
	case "snapshot":
		rel := p.snapshots[n.Name].relation()
		return relKey(rel.Schema, rel.Name), false
	case "source":
		s := p.sources[strings.TrimPrefix(n.ID, "source.")]
		return relKey(s.rel.Schema, s.rel.Name), false
	}
	return "", false
}

// startReuse prepares a build's use of the history: it drops the tables of
// nodes the project no longer has, and says why nothing may be reused
// ("" when reuse is on).
func (r *runner) startReuse(h *history) {
	r.hist = h
	r.mustRun = map[string]string{}
	r.pending = map[string]*built{}
	r.content = map[string]tableRead{}
	r.shapes = map[string]relShape{}
	h.reads = map[string]tableRead{}
	r.first = len(h.nodes) == 0
	if h.nodes == nil {
		h.nodes, h.versions, h.owner = map[string]*built{}, map[string]string{}, map[string]string{}
	}
	if h.types == nil {
		h.types = map[string]map[string]string{}
	}
	if h.cells == nil {
		h.cells = map[string]int64{}
	}
	if h.shapes == nil {
		h.shapes, h.rewrites = map[string]relShape{}, map[string]rewrite{}
	}
	if h.writes != r.db.Writes() {
		clear(h.types) // what a query changed is not known
		if h.opTypes != nil && h.opWrites == r.db.Writes() {
			maps.Copy(h.types, h.opTypes) // but what run-operation created is
		}
	}
	if r.first && len(h.types) == 0 {
		r.keptTypes(h.types)
	}
	r.types = h.types
	switch hooks := r.plan.proj; {
	case r.opts.FullRefresh:
		r.reuseOff = "full refresh"
	case r.opts.RebuildAll:
		r.reuseOff = "rebuild all"
	case h.writes != r.db.Writes():
		r.reuseOff = "a query changed the database"
	case hasRunHooks(hooks.RunHooks):
		r.reuseOff = "the project has on-run-start or on-run-end hooks"
	}
	r.writesAtStart = r.db.Writes()
	r.hooksAtStart = h.hooks
	exists, views, kept := r.keptRelations()
	h.rels = nil
	if kept {
		r.exists, r.views = exists, views
	}
	r.dropGone()
	if kept {
		return
	}
	if tables, err := r.db.TablesAndTemp(r.ctx); err == nil {
		r.exists, r.views = map[string]bool{}, map[string]bool{}
		for _, t := range tables {
			r.exists[relKey(t.Schema, t.Name)] = true
			if t.Kind == "view" && t.Schema != "temp" {
				r.views[relKey(t.Schema, t.Name)] = true
			}
		}
		r.dropSessionTemps(tables)
		r.ownWrites = r.db.Writes() - r.writesAtStart
	}
}

func hasRunHooks[H any](get func(string) ([]H, error)) bool {
	for _, key := range []string{"on-run-start", "on-run-end"} {
		if hs, err := get(key); err != nil || len(hs) > 0 {
			return true
		}
	}
	return false
}

// dropGone drops the tables of the nodes the last build made that this
// project no longer has, or that now write elsewhere, so the database
// holds what a fresh build of the project would.
func (r *runner) dropGone() {
	now := map[string]string{} // node ID -> relation
	claimed := map[string]bool{}
	for _, n := range r.plan.graph.Order() {
		if n.Kind == "seed" || n.Kind == "model" || n.Kind == "snapshot" {
			rel, _ := r.plan.nodeRel(n)
			now[n.ID], claimed[rel] = rel, true
		} else if n.Kind == "test" {
			now[n.ID] = ""
		}
	}
	for _, id := range sortedKeys(r.hist.nodes) {
		b := r.hist.nodes[id]
		if rel, ok := now[id]; ok && rel == b.rel {
			continue
		}
		delete(r.hist.nodes, id)
		if b.rel == "" || claimed[b.rel] {
			continue
		}
		what := "TABLE"
		if b.view {
			what = "VIEW"
		}
		schema, name, _ := strings.Cut(b.rel, ".")
		err := r.db.Exec(r.ctx, fmt.Sprintf("DROP %s IF EXISTS %s.%s", what, store.Ident(schema), store.Ident(name)))
		if r.exists != nil {
			delete(r.exists, b.rel)
			delete(r.views, b.rel)
			r.relsUnknown = r.relsUnknown || err != nil
		}
		if err == nil {
			delete(r.hist.versions, b.rel)
			delete(r.hist.owner, b.rel)
			delete(r.hist.types, b.rel)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// parentReads are the relations a node reads through the graph, with
// their versions now.
func (r *runner) parentReads(n *graph.Node) map[string]string {
	out := map[string]string{}
	for _, id := range r.plan.graph.Parents(n.ID) {
		p := r.plan.graph.Node(id)
		if p == nil {
			continue
		}
		if rel, _ := r.plan.nodeRel(p); rel != "" {
			out[rel] = r.hist.versions[rel]
		}
		if p.Kind == "source" {
			// what the source reads: its seed, or a wildcard's seeds and models
			for _, id := range r.plan.graph.Parents(p.ID) {
				if sn := r.plan.graph.Node(id); sn != nil {
					rel, _ := r.plan.nodeRel(sn)
					out[rel] = r.hist.versions[rel]
				}
			}
		}
	}
	return out
}

// reuseReason tells whether node n, whose own inputs hash to key and conf,
// can be left as the last build left it; else why it is built again.
func (r *runner) reuseReason(n *graph.Node, key, conf string) (bool, string) {
	if r.reuseOff != "" {
		return false, r.reuseOff
	}
	if why := r.mustRun[n.ID]; why != "" {
		return false, why
	}
	b := r.hist.nodes[n.ID]
	switch {
	case b == nil:
		return false, "not built yet, or failed last time"
	case b.conf != conf:
		return false, "config changed"
	case b.key != key && n.Kind == "seed":
		return false, "data changed"
	case b.key != key:
		return false, "SQL changed"
	case b.rel != "" && !r.exists[b.rel]:
		return false, "its table is missing"
	case n.Kind == "test" && b.status != "PASS":
		return false, "failed last time"
	case b.self:
		return false, "it reads its own table"
	}
	// Most nodes are unchanged: the reads are checked as they come, and
	// sorted only to name the first that changed.
	for rel, v := range b.reads {
		if r.hist.versions[rel] == v {
			continue
		}
		for _, rel := range sortedKeys(b.reads) {
			if r.hist.versions[rel] != b.reads[rel] {
				by := r.hist.owner[rel]
				if by == "" {
					by = rel
				}
				return false, "upstream " + by + " rebuilt"
			}
		}
	}
	if rel := r.changedParent(n, b.reads); rel != "" {
		return false, "upstream " + rel + " changed"
	}
	return true, ""
}

// changedParent is the first relation a node reads through the graph
// (parentReads) whose version is not the one in reads, "" when none is.
func (r *runner) changedParent(n *graph.Node, reads map[string]string) string {
	changed := func(rel string) bool { return rel != "" && reads[rel] != r.hist.versions[rel] }
	for _, id := range r.plan.graph.Parents(n.ID) {
		p := r.plan.graph.Node(id)
		if p == nil {
			continue
		}
		if rel, _ := r.plan.nodeRel(p); changed(rel) {
			return rel
		}
		if p.Kind == "source" {
			for _, id := range r.plan.graph.Parents(p.ID) {
				if sn := r.plan.graph.Node(id); sn != nil {
					if rel, _ := r.plan.nodeRel(sn); changed(rel) {
						return rel
					}
				}
			}
		}
	}
	return ""
}

// reuse decides for node n: when it can be reused it fills in its step
// from the last build and returns true; else it notes why in the step and
// starts collecting what the node's statements read.
func (r *runner) reuse(n *graph.Node, step *Step, key, conf string) bool {
	ok, why := r.reuseReason(n, key, conf)
	if ok {
		b := r.hist.nodes[n.ID]
		step.Status, step.Rows, step.Reuse = b.status, b.rows, "reused: unchanged"
		step.Relation = b.shown
		if b.view {
			step.Message = "ephemeral"
		}
		r.res.Diagnostics = append(r.res.Diagnostics, b.warnings...)
		r.reused++
		return true
	}
	if !r.first {
		step.Reuse = "rebuilt: " + why
	}
	rel, view := r.plan.nodeRel(n)
	if n.Kind == "test" {
		rel, view = "", false
	}
	r.pending[n.ID] = &built{key: key, conf: conf, reads: r.parentReads(n), rel: rel, view: view}
	if r.stopReads == nil {
		r.stopReads = r.db.TrackReads()
	}
	return false
}

// record keeps what a node's run left, once it ran: a node that failed is
// forgotten, so the next build runs it again, and whatever it wrote has a
// new version either way.
func (r *runner) record(n *graph.Node, step *Step, diags []diag.Diagnostic) {
	var read []string
	if r.stopReads != nil {
		read = r.stopReads()
		r.stopReads = nil
	}
	if step.Reuse == "reused: unchanged" || n.Kind == "unit_test" {
		return // a unit test runs every time, and writes nothing kept
	}
	b := r.pending[n.ID]
	delete(r.pending, n.ID)
	rel, _ := r.plan.nodeRel(n)
	if n.Kind == "test" {
		rel = ""
	}
	if step.Status == "ERROR" {
		// its statements may have dropped its table and not made it again
		r.relsUnknown = true
	} else if step.Status != "SKIP" && n.Kind != "test" {
		r.wrote(rel)
	}
	if b == nil || step.Status == "ERROR" || step.Status == "SKIP" {
		delete(r.hist.nodes, n.ID)
		switch step.Status {
		case "ERROR":
			delete(r.content, rel)
			delete(r.shapes, rel)
			r.hist.newVersion(rel, n.Name)
		case "SKIP":
		default:
			r.wroteVersion(rel, n.Name, step)
		}
		return
	}
	if _, batched := r.testCounts[n.ID]; batched && n.Kind == "test" {
		// What the batch read counts for each of its tests, and for
		// nothing else: a model after the batch reads only its own.
		read = append(read, r.batchReads...)
	}
	for _, rr := range read {
		if _, ok := b.reads[rr]; !ok && rr != b.rel {
			b.reads[rr] = r.hist.versions[rr]
		}
	}
	if b.rel != "" {
		// A node that reads its own table is never the same twice.
		if _, ok := b.reads[b.rel]; ok {
			b.self = true
		}
	}
	b.rows, b.status, b.shown = step.Rows, step.Status, step.Relation
	for _, d := range diags {
		if d.Severity == diag.Warning {
			b.warnings = append(b.warnings, d)
		}
	}
	r.hist.nodes[n.ID] = b
	r.wroteVersion(b.rel, n.Name, step)
}

// wroteVersion gives rel its version once node name wrote it. A table the
// build read whole (finishStep) gets a version made from its rows and its
// columns' static types: rebuilt the same, it keeps its version, and what
// reads it is reused, as a full build would make it again the same. Any
// other write gets a new version.
func (r *runner) wroteVersion(rel, name string, step *Step) {
	read, ok := r.content[rel]
	delete(r.content, rel)
	delete(r.hist.reads, rel)
	defer r.keepShape(rel)
	if !ok || rel == "" {
		r.hist.newVersion(rel, name)
		return
	}
	v := fmt.Sprintf("rows %x", sha256.Sum256([]byte(partsText(read.fp, typesText(r.types[rel])))))
	read.version = v
	r.hist.reads[rel] = read
	if r.hist.versions[rel] == v && step.Reuse != "" && r.reuseOff == "" {
		step.Reuse += "; its rows are the same as before"
	}
	r.hist.versions[rel] = v
	r.hist.owner[rel] = name
}

// contentVersion gives a relation the engine filled from Go (the resolved
// components) a version made from its content, so that the same result
// reads as unchanged.
func (r *runner) contentVersion(rel jinja.Relation, rows [][]any) {
	if r.hist == nil {
		return
	}
	k := relKey(rel.Schema, rel.Name)
	r.wrote(k)
	delete(r.hist.shapes, k)
	r.hist.versions[k] = fmt.Sprintf("rows %x", rowsDigest(rows))
	r.hist.owner[k] = rel.Name
}

// rowsDigest is the SHA-256 of rows, each value written with its kind and
// length, so that no two different tables give the same stream: one pass
// over the rows, where formatting them all as one text first took longer
// than the resolution it versions (100,000 persons: seconds).
func rowsDigest(rows [][]any) [sha256.Size]byte {
	h := sha256.New()
	var b []byte
	for _, row := range rows {
		b = binary.AppendUvarint(b[:0], uint64(len(row)))
		for _, v := range row {
			switch x := v.(type) {
			case nil:
				b = append(b, 'n')
			case string:
				b = binary.AppendUvarint(append(b, 's'), uint64(len(x)))
				b = append(b, x...)
			case []byte:
				b = binary.AppendUvarint(append(b, 'b'), uint64(len(x)))
				b = append(b, x...)
			case int64:
				b = binary.AppendVarint(append(b, 'i'), x)
			case int:
				b = binary.AppendVarint(append(b, 'i'), int64(x))
			case float64:
				b = binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(x))
			case bool:
				c := byte('0')
				if x {
					c = '1'
				}
				b = append(b, 't', c)
			default:
				t := fmt.Sprintf("%#v", x)
				b = binary.AppendUvarint(append(b, 'o'), uint64(len(t)))
				b = append(b, t...)
			}
		}
		h.Write(b)
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// version is the version of relation k (relKey) now, "" when the engine
// did not write it or it is gone.
func (r *runner) version(k string) string {
	if r.hist == nil || r.exists == nil {
		return ""
	}
	if !r.exists[k] && r.hist.owner[k] == "" {
		return ""
	}
	return r.hist.versions[k]
}

// cleanState says, while a build runs, that only the engine wrote since
// the last build ended and during this one: "" when a query or a render
// wrote, else the number of hooks run so far (a hook may write any table).
func (r *runner) cleanState() string {
	if r.hist == nil || r.hist.writes < 0 || r.hist.writes != r.writesAtStart || r.db.Writes() != r.writesAtStart+r.ownWrites {
		return ""
	}
	return fmt.Sprint("hooks ", r.hist.hooks)
}

// finishReuse closes a build's use of the history.
func (r *runner) finishReuse() {
	if r.stopReads != nil {
		r.stopReads()
		r.stopReads = nil
	}
	r.hist.writes = r.db.Writes()
	if r.writesAtStart != r.hist.writes-r.ownWrites || r.db.SessionAltered() {
		// a render's run_query changed the database, or a statement set a
		// session parameter (Snowflake's ALTER SESSION SET WEEK_START),
		// which the nodes after it computed with: what changed is not
		// known, so the next build reuses nothing.
		r.hist.writes = -1
	}
	r.keepRelations()
}
