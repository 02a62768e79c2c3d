package engine

import (
	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// A warehouse's view runs its query when it is read, so it shows the rows
// of a table a later command rebuilt (dbt run --select orders, then a
// view over orders). The playground stores a view model as a table of its
// rows: when a run rebuilds a relation that a view model outside the run
// reads, directly or through other such views, the view's table is stale.
// It is built again before a node of the run reads it, and at the run's
// end, without a step of its own in the log (dbt runs nothing for it
// either). A view that fails to build then is a warning, and its table is
// dropped: the warehouse's view fails where it is read, and its old rows
// would be a wrong answer.

// staleViews marks the view models outside the run that read what node n,
// just run with step, wrote.
func (r *runner) staleViews(n *graph.Node, step Step) {
	if step.Status != "OK" || step.Reuse == "reused: unchanged" || n.Kind == "test" || n.Kind == "unit_test" {
		return
	}
	var mark func(id string)
	mark = func(id string) {
		for _, c := range r.plan.graph.Children(id) {
			if r.inRun[c] || r.stale[c] {
				continue
			}
			if r.ephemeral(c) {
				mark(c) // its SQL is inside what reads it
				continue
			}
			if !r.storedView(c) {
				continue
			}
			if r.stale == nil {
				r.stale = map[string]bool{}
			}
			r.stale[c] = true
			mark(c)
		}
	}
	mark(n.ID)
}

// storedView tells whether id is a view model, stored here as a table.
func (r *runner) storedView(id string) bool {
	n := r.plan.graph.Node(id)
	return n != nil && n.Kind == "model" && r.plan.configs[n.Name].Materialized == "view"
}

func (r *runner) ephemeral(id string) bool {
	n := r.plan.graph.Node(id)
	return n != nil && n.Kind == "model" && r.plan.configs[n.Name].Materialized == "ephemeral"
}

// refreshViews builds again, in build order, the stale views that node n
// reads (every stale view when n is nil, at the run's end).
func (r *runner) refreshViews(n *graph.Node) {
	if len(r.stale) == 0 {
		return
	}
	var reads map[string]bool
	if n != nil {
		reads = r.plan.graph.Ancestors(n.ID)
	}
	for _, v := range r.plan.graph.Order() {
		if !r.stale[v.ID] || reads != nil && !reads[v.ID] {
			continue
		}
		delete(r.stale, v.ID)
		r.refreshView(v)
	}
}

// refreshView builds view v again where its table exists; a failure is a
// warning naming the view and the error, the table is dropped, and the
// run's outcome stands.
func (r *runner) refreshView(v *graph.Node) {
	if err := r.db.Use(r.nodeSchemas(v)...); err != nil || !r.tableExists(r.plan.relation(v.Name)) {
		return // never built: the warehouse has no such view either
	}
	ok, from, reused := r.res.OK, len(r.res.Diagnostics), r.reused
	step := r.runNode(v)
	r.record(v, &step, r.res.Diagnostics[from:])
	r.reused = reused // not a node of the run: the summary counts none
	if step.Status == "OK" {
		return
	}
	r.res.OK = ok
	rel := r.plan.relation(v.Name)
	dropped := ""
	if err := r.db.Exec(r.ctx, "DROP TABLE IF EXISTS "+store.Rel(rel.Schema, rel.Name)); err != nil {
		dropped = " (its old table could not be dropped: " + err.Error() + ")"
	}
	kept := r.res.Diagnostics[:from]
	for _, d := range r.res.Diagnostics[from:] {
		if d.Severity == diag.Error {
			d.Severity = diag.Warning
			d.Message = "view " + v.Name + " reads a table this run rebuilt and no longer builds (the warehouse's view fails where it is read): " + d.Message + dropped
		}
		kept = append(kept, d)
	}
	r.res.Diagnostics = kept
}
