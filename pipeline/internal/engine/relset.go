package engine

import "strings"

// A build starts by listing the relations of every schema, to tell a
// table that went missing and a view (whose rows follow other tables).
// A statement costs about a millisecond in js/wasm, and after a build
// nothing but the engine changed, the list is known: the last build's,
// with what that build created and dropped. The engine keeps it when it
// knows every change the build made, and only while no query ran a write,
// no hook ran and the attached schemas are the same.

// relSet is the relations a build ended with, as a listing would give
// them (relKey): every table and view, and the views outside temp.
type relSet struct {
	exists, views map[string]bool
	// writes, hooks and schemas are the database's write count, the hooks
	// run and the attached schemas when the set was made.
	writes, hooks int
	schemas       string
}

// keptRelations is the last build's relation set when it still holds.
func (r *runner) keptRelations() (exists, views map[string]bool, ok bool) {
	k := r.hist.rels
	if k == nil || k.writes != r.db.Writes() || k.hooks != r.hist.hooks || k.schemas != strings.Join(r.db.Schemas(), "\x00") {
		return nil, nil, false
	}
	return k.exists, k.views, true
}

// keepRelations keeps the build's relation set for the next build when
// the build made only changes it knows: a node that failed may have
// dropped its table, and a hook or a render's query may write anything.
func (r *runner) keepRelations() {
	r.hist.rels = nil
	if r.exists == nil || r.relsUnknown || r.res.Stopped || r.ctx.Err() != nil || r.hist.hooks != r.hooksAtStart || r.hist.writes != r.db.Writes() {
		return
	}
	r.hist.rels = &relSet{exists: r.exists, views: r.views, writes: r.db.Writes(), hooks: r.hist.hooks, schemas: strings.Join(r.db.Schemas(), "\x00")}
}

// wrote notes that the build left a table at rel (relKey).
func (r *runner) wrote(rel string) {
	if r.exists != nil && rel != "" {
		r.exists[rel] = true
		delete(r.views, rel)
	}
}
