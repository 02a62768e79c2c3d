package engine

import (
	"slices"
	"time"
)

// A Run with nothing changed, after a Run that reused every node, would
// ask each node again whether its inputs changed, and each would say no:
// the engine answers with that Run's log instead. It does so only when
// the plan is the same one (samefiles.go), the command and selection are
// the same, reuse is allowed, the last build reused every node it ran
// (so it ran no hook, no snapshot or incremental model, no failing test,
// and logged nothing from a template), and nothing wrote to the database
// since (store.DB.Writes).

// lastRun is the last build, kept when it reused every node.
type lastRun struct {
	plan *plan
	opts Options
	res  *Result
}

// keepRun keeps res for the next build when it reused all of its nodes.
func (e *Engine) keepRun(p *plan, opts Options, res *Result, reused int) {
	e.last = lastRun{}
	if !res.OK || res.Stopped || reused == 0 || reused != len(res.Steps) || e.hist.writes != e.db.Writes() {
		return
	}
	for _, st := range res.Steps {
		if st.Reuse != "reused: unchanged" {
			return
		}
	}
	e.last = lastRun{plan: p, opts: opts, res: res}
}

// again is the last build's result for a build of plan p with opts that
// would repeat it, else nil.
func (e *Engine) again(p *plan, opts Options, start time.Time) *Result {
	l := e.last
	if l.res == nil || l.plan != p || opts.Command != l.opts.Command || opts.FullRefresh || opts.RebuildAll ||
		!slices.Equal(opts.Select, l.opts.Select) || !slices.Equal(opts.Exclude, l.opts.Exclude) ||
		e.hist.writes != e.db.Writes() || e.env.ctx.Err() != nil {
		return nil
	}
	res := *l.res
	res.Steps = slices.Clone(l.res.Steps)
	res.Diagnostics = slices.Clone(l.res.Diagnostics)
	res.Identity = slices.Clone(l.res.Identity)
	res.Profile = nil
	if opts.Profile {
		res.Profile = &Profile{}
	}
	for i := range res.Steps {
		res.Steps[i].Seconds, res.Steps[i].Statements, res.Steps[i].SQLSeconds = 0, 0, 0
		if opts.Progress != nil {
			opts.Progress(res.Steps[i])
		}
	}
	res.Seconds = time.Since(start).Seconds()
	if res.Profile != nil {
		res.Profile.PlanSeconds = res.Seconds
	}
	return &res
}
