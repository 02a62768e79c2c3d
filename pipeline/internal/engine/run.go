package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/seed"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// UsageError is a problem with how the build was asked for (a selector that
// matches nothing known), not with the project.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// runner executes one build: stage 4 (render for execution, translate the
// dialect, materialize) and 5 (tests) of the pipeline.
type runner struct {
	// inRun are the nodes the command runs; stale the view models outside
	// it whose tables the run made out of date (view_refresh.go).
	inRun, stale map[string]bool
	plan         *plan
	// unrunMaterialized is the materialization, which the playground does
	// not run, of the model being run once its SQL is about to run
	unrunMaterialized string
	// lazy are the view models read from a temporary view of their
	// query, whose rows fail (lazy_views.go), by relKey.
	lazy map[string]bool
	// temps are the temporary tables made, by relKey of the schema they
	// belong to in the warehouse, which SQLite keeps in temp
	temps map[string]bool
	// fileTables are the CSV files of the project read_csv reads in the
	// project's SQL, loaded into temporary tables (filesources.go)
	fileTables map[string]bool
	// lateFiles are those loaded when a translation asked for them
	lateFiles map[string]bool
	// testNode is the graph's node of the generic test being rendered,
	// its model
	testNode map[string]any
	// stmtCols are the columns of the relations the statement numbered
	// stmtColsSeq asked INFORMATION_SCHEMA.COLUMNS about
	// (statementColumns).
	stmtCols    map[string][]jinja.Column
	stmtColsSeq int
	// opTypes collects, in a run-operation, the static types of the
	// tables its statements create (keepCreated).
	opTypes map[string]map[string]string
	// current is the model being run, whose wildcard tables are checked
	// (wildcard_order.go).
	current *graph.Node
	db      *store.DB
	ctx     context.Context
	opts    Options
	res     *Result
	// bad holds nodes that failed or were skipped.
	bad map[string]bool
	// failedTests are the tests that failed during build, whose dependants
	// are skipped (failedTestBlocks).
	failedTests []string
	// testCounts holds failing-row counts computed for a batch of tests.
	testCounts map[string]int64
	started    time.Time
	// batch is the microbatch model's batch being rendered (microbatch.go).
	batch *batchWindow
	// spans are when each node (kind NUL name) ran, for on-run-end's
	// results' timing.
	spans map[string][2]time.Time
	// globals are extra variables of the renders under way: on-run-end's
	// results, a generic test's arguments.
	globals map[string]any
	// rendered is the last render of each file with what its macros
	// wrote, to name the macro an error in its SQL comes from.
	rendered map[string]renderedNode
	// What the build reuses of the last one (reuse.go): the history, why
	// nothing is reused ("" when reuse is on), the nodes that must run and
	// why, what nodes under way will record, the relations present when
	// the build started, the reads being collected, the reads of the last
	// batch of tests, and how many nodes were reused.
	hist     *history
	reuseOff string
	first    bool
	mustRun  map[string]string
	pending  map[string]*built
	exists   map[string]bool
	// views are the relations that were views when the build started.
	views     map[string]bool
	stopReads func() []string
	// batchReads is what the test batch under way read (countTests).
	batchReads []string
	reused     int
	// writesAtStart and ownWrites tell a render's writes from the
	// engine's own.
	writesAtStart, ownWrites int
	// hooksAtStart is the hooks run before the build; relsUnknown says
	// that the build may have changed relations it cannot name (relset.go).
	hooksAtStart int
	relsUnknown  bool
	testSQLs     map[*project.Test]string
	// testSources are the tests' SQL as rendered for the warehouse, kept
	// for Options.Rendered.
	testSources map[*project.Test]string
	// unit holds a unit test's inputs while its model renders
	// (unittest.go).
	unit *unitRender
	// effects collects what the Go functions of the render under way read
	// and reported (render, resolveComponents).
	effects *renderEffects
	// types are the static types of the built relations' columns
	// (statictypes.go), the history's.
	types map[string]map[string]string
	// content holds the tables this build wrote and read whole
	// (finishStep), until their versions are set; shapes the columns of
	// the tables it wrote, likewise (rewrite.go).
	content map[string]tableRead
	shapes  map[string]relShape
}

// renderEffects is what a render's Go functions read and reported. A
// render that resolved identities is memoized like one that only read the
// database: it comes out the same, and leaves the same components table,
// while the relations it read and the one it wrote keep their versions
// and nothing but the engine wrote since.
type renderEffects struct {
	reads    []dataRead
	identity []IdentityReport
	keep     bool // false: a function cannot say what it depends on
}

// Build loads fsys, plans it and runs opts.Command. Problems in the project
// come back as Result.Diagnostics with OK false; the error is for a bad
// request (*UsageError) or a database that cannot be used.
func (e *Engine) Build(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	start := time.Now()
	if opts.Command == "" {
		opts.Command = CmdBuild
	}
	if opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
		defer cancel()
	}
	res := &Result{OK: true}
	if opts.Profile {
		res.Profile = &Profile{}
	}
	stats0 := e.db.Stats()
	e.env.memo.begin()
	e.env.ctx = ctx
	p, err := e.env.lastPlan(fsys, opts.Vars, Warehouse{Target: opts.Target, Dialect: opts.Dialect}, !opts.Once)
	e.lastNodes = nil
	if err == nil {
		e.lastNodes = p.nodes()
	}
	if err != nil {
		var missing *missingPackagesError
		if errors.As(err, &missing) {
			res.Diagnostics = append(res.Diagnostics, missing.warnings...)
		}
		res.fail(diag.From(err, "", 0))
		res.Summary = "Nothing was built: fix the error above and run again."
		res.Seconds = time.Since(start).Seconds()
		return res, nil
	}
	res.Dialect = string(p.dialect)
	p.env.SetInvocation(jinja.Invocation{Which: string(opts.Command), FullRefresh: opts.FullRefresh, StoreFailures: opts.StoreFailures, Empty: opts.Empty, Select: opts.Select, Exclude: opts.Exclude})
	if again := e.again(p, opts, start); again != nil {
		again.Dialect = res.Dialect
		e.env.memo.cancel()
		return again, nil
	}
	res.Diagnostics = append(res.Diagnostics, p.proj.Warnings...)
	sel, selWarnings, err := p.graph.SelectWarn(opts.Select, opts.Exclude, opts.Command == CmdTest)
	if err != nil {
		return nil, &UsageError{err}
	}
	for _, w := range selWarnings {
		res.Diagnostics = append(res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, Message: w})
	}
	if err := p.checkUnnamed(sel); err != nil {
		res.fail(diag.From(err, "", 0))
		res.Summary = "Nothing was built: fix the error above and run again."
		res.Seconds = time.Since(start).Seconds()
		return res, nil
	}
	r := &runner{plan: p, db: e.db, ctx: ctx, opts: opts, res: res, bad: map[string]bool{}}
	e.db.ResetSession() // Snowflake's session parameters start at their defaults, as in a new session
	e.db.SetColumnTypes(r.columnTypeOf)
	e.db.SetColumnNames(r.columnNameOf)
	e.db.SetColumnFacets(r.columnFacetOf)
	todo := r.todo(sel)
	r.inRun = make(map[string]bool, len(todo))
	for _, n := range todo {
		r.inRun[n.ID] = true
	}
	if err := r.attachSchemas(); err != nil {
		return nil, err
	}
	if opts.Command == CmdRunOperation {
		// The operation's queries read the static types of what was
		// built, and keep those of the tables they create, for the
		// commands after it.
		if e.hist.types == nil || e.hist.writes != e.db.Writes() {
			e.hist.types = map[string]map[string]string{}
			r.keptTypes(e.hist.types)
		}
		r.types = e.hist.types
		r.opTypes = map[string]map[string]string{}
		tables, err := e.db.TablesAndTemp(ctx)
		if err != nil {
			return nil, err
		}
		r.dropSessionTemps(tables)
		r.loadLazyViews()
		r.runOperation(opts.Operation, opts.OperationArgs)
		e.hist.opTypes, e.hist.opWrites = r.opTypes, e.db.Writes()
		e.env.memo.finish()
		res.Seconds = time.Since(start).Seconds()
		res.Summary = "Operation " + opts.Operation + " ran."
		if !res.OK {
			res.Summary = "Operation " + opts.Operation + " failed."
		}
		return res, nil
	}
	r.startReuse(&e.hist)
	r.loadLazyViews()
	r.loadFileSources()
	r.loadFileTables()
	if res.Profile != nil {
		res.Profile.PlanSeconds = time.Since(start).Seconds()
	}
	r.runProjectHooks("on-run-start")
	for i, n := range todo {
		stepStart := time.Now()
		stats := e.db.Stats()
		if n.Kind == "test" && (i == 0 || todo[i-1].Kind != "test") {
			r.ephemeralViews(todo, i)
			r.countTests(todo[i:])
		}
		r.refreshViews(n)
		warned := len(res.Diagnostics)
		step := r.runNode(n)
		if res.Profile != nil {
			// A batch of tests is counted in its first test's step.
			step.Seconds = time.Since(stepStart).Seconds()
			now := e.db.Stats()
			step.Statements, step.SQLSeconds = now.Statements-stats.Statements, now.Seconds-stats.Seconds
			res.Profile.StepsSeconds += step.Seconds
		}
		r.record(n, &step, res.Diagnostics[warned:])
		r.staleViews(n, step)
		step.Index, step.Total = i+1, len(todo)
		step.Line = formatStep(step)
		res.Steps = append(res.Steps, step)
		if opts.Progress != nil {
			opts.Progress(step)
		}
	}
	r.refreshViews(nil)
	r.runProjectHooks("on-run-end")
	r.finishReuse()
	e.env.memo.finish()
	res.Seconds = time.Since(start).Seconds()
	if res.Profile != nil {
		now := e.db.Stats()
		res.Profile.Statements, res.Profile.SQLSeconds = now.Statements-stats0.Statements, now.Seconds-stats0.Seconds
	}
	res.Summary = summarize(res)
	if r.reused > 0 {
		res.Summary += fmt.Sprintf("\nReused %d node%s whose inputs did not change.", r.reused, plural(r.reused))
	}
	if line := p.proj.PackagesLine(); line != "" {
		res.Summary = line + "\n" + res.Summary
	}
	e.keepRun(p, opts, res, r.reused)
	return res, nil
}

func (res *Result) fail(d *diag.Diagnostic) {
	res.OK = false
	res.Diagnostics = append(res.Diagnostics, *d)
}

// todo lists the selected nodes the command executes, in build order.
func (r *runner) todo(sel map[string]bool) []*graph.Node {
	kinds := map[Command][]string{
		CmdSeed: {"seed"}, CmdRun: {"model"}, CmdTest: {"test", "unit_test"}, CmdSnapshot: {"snapshot"},
		CmdBuild: {"seed", "snapshot", "model", "test", "unit_test"},
	}[r.opts.Command]
	var out []*graph.Node
	for _, n := range r.plan.graph.Order() {
		if !sel[n.ID] {
			continue
		}
		for _, k := range kinds {
			if n.Kind == k {
				out = append(out, n)
			}
		}
	}
	if r.opts.Command != CmdBuild {
		r.queueOrder(out)
	}
	return r.unitTestsFirst(out)
}

// queueOrder sorts nodes, in build order, as dbt's queue runs them: by
// their level in the graph of the nodes the command runs (0 for one
// reading none of them, directly or through nodes it does not run; one
// more than its deepest parent otherwise), then by unique_id. So a model
// whose only parents are seeds runs in the first level of dbt run, and
// one model reading another that a hook of a third names in SQL (no
// ref() edge) has run when that hook runs, if its level is lower.
func (r *runner) queueOrder(nodes []*graph.Node) {
	level := make(map[string]int, len(nodes))
	for _, n := range nodes {
		level[n.ID] = -1
	}
	// above is the deepest level of the nodes run above a node not run
	above := map[string]int{}
	var deepestParent, deepest func(id string) int
	deepestParent = func(id string) int {
		d := -1
		for _, p := range r.plan.graph.Parents(id) {
			if l, ok := level[p]; ok {
				d = max(d, l)
			} else {
				d = max(d, deepest(p))
			}
		}
		return d
	}
	deepest = func(id string) int {
		if l, ok := above[id]; ok {
			return l
		}
		above[id] = -1 // a cycle is refused before a run
		above[id] = deepestParent(id)
		return above[id]
	}
	for _, n := range nodes {
		level[n.ID] = deepestParent(n.ID) + 1
	}
	sort.SliceStable(nodes, func(i, j int) bool {
		a, b := nodes[i], nodes[j]
		if level[a.ID] != level[b.ID] {
			return level[a.ID] < level[b.ID]
		}
		return a.ID < b.ID
	})
}

// unitTestsFirst moves each unit test just before its model, when the
// model runs too: as dbt builds, a model is only built once its unit
// tests pass.
func (r *runner) unitTestsFirst(nodes []*graph.Node) []*graph.Node {
	if len(r.plan.unitTests) == 0 {
		return nodes
	}
	running := map[string]bool{}
	for _, n := range nodes {
		running[n.ID] = true
	}
	out := make([]*graph.Node, 0, len(nodes))
	for _, n := range nodes {
		if n.Kind == "unit_test" && running[n.DependsOn[0]] {
			continue
		}
		if n.Kind == "model" {
			for _, id := range r.plan.unitsOf[n.ID] {
				if running[id] {
					out = append(out, r.plan.graph.Node(id))
				}
			}
		}
		out = append(out, n)
	}
	return out
}

// attachSchemas attaches every schema the run writes or reads up front:
// SQLite cannot attach inside the savepoint each model runs in.
func (r *runner) attachSchemas() error {
	schemas := map[string]bool{}
	for _, s := range r.plan.seeds {
		schemas[schemaOf(s.Config)] = true
	}
	for name := range r.plan.models {
		schemas[r.plan.relation(name).Schema] = true
	}
	for _, s := range r.plan.sources {
		schemas[s.rel.Schema] = true
	}
	for _, s := range r.plan.snapshots {
		schemas[s.relation().Schema] = true
	}
	delete(schemas, "temp")
	names := make([]string, 0, len(schemas))
	for s := range schemas {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		if err := r.db.EnsureSchema(s); err != nil {
			return err
		}
	}
	return nil
}

// nodeSchemas lists the schemas node n writes and reads: its own and its
// parents', through ephemeral models to what they read. Past what attaches
// at once it is none: each statement then attaches what it names, and one
// naming too many fails with the schemas it names.
func (r *runner) nodeSchemas(n *graph.Node) []string {
	set := map[string]bool{}
	seen := map[string]bool{}
	var add func(id string, parents bool)
	add = func(id string, parents bool) {
		if seen[id] {
			return
		}
		seen[id] = true
		d := r.plan.graph.Node(id)
		if d == nil {
			return
		}
		if key, view := r.plan.nodeRel(d); key != "" && !view {
			schema, _, _ := strings.Cut(key, ".")
			set[schema] = true
		} else if view {
			parents = true
		}
		if parents {
			for _, p := range r.plan.graph.Parents(id) {
				add(p, false)
			}
		}
	}
	add(n.ID, true)
	if n.Kind == "unit_test" {
		add(n.DependsOn[0], true)
	}
	if len(set) > r.db.MaxAttached() {
		return nil
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	return out
}

func (r *runner) runNode(n *graph.Node) Step {
	step := Step{Kind: n.Kind, Name: n.Name, File: n.Path}
	parents := r.plan.graph.Parents(n.ID)
	if n.Kind == "unit_test" {
		// it runs before its model, on what the model reads
		step.Name = r.plan.unitStepName(n.ID)
		parents = r.plan.graph.Parents(n.DependsOn[0])
	}
	for _, p := range parents {
		if r.bad[p] {
			r.bad[n.ID] = true
			step.Status = "SKIP"
			step.Message = "skipped: " + r.plan.graph.Node(p).Name + " did not build"
			return step
		}
	}
	if n.Kind != "test" {
		if of := r.failedTestBlocks(n); of != "" {
			r.bad[n.ID] = true
			step.Status = "SKIP"
			step.Message = "skipped: a test of " + of + " failed"
			return step
		}
	}
	for _, id := range r.plan.unitsOf[n.ID] {
		if r.bad[id] {
			r.bad[n.ID] = true
			step.Status = "SKIP"
			step.Message = "skipped: unit test " + r.plan.graph.Node(id).Name + " did not pass"
			return step
		}
	}
	if err := r.ctx.Err(); err != nil {
		r.bad[n.ID] = true
		step.Status = "SKIP"
		step.Message = "skipped: the run was stopped"
		r.noteStop(n)
		return step
	}
	if r.bad[onRunStartFailed] {
		r.bad[n.ID] = true
		step.Status = "SKIP"
		step.Message = "skipped: an on-run-start hook failed"
		return step
	}
	r.started = time.Now()
	// A node's savepoint can attach no schema: attach those it reads and
	// writes first (store/attach.go).
	err := r.db.Use(r.nodeSchemas(n)...)
	if err == nil {
		err = r.checkSchemaKept(n)
	}
	switch {
	case err != nil:
	case n.Kind == "seed":
		err = r.runHooked(n, &step, r.runSeed)
	case n.Kind == "model":
		r.unrunMaterialized = ""
		err = r.runHooked(n, &step, r.runModel)
	case n.Kind == "test":
		err = r.runTest(n, &step)
	case n.Kind == "unit_test":
		err = r.runUnitTest(n, &step)
		if step.Status == "FAIL" {
			r.bad[n.ID] = true
		}
	case n.Kind == "snapshot":
		err = r.runHooked(n, &step, r.runSnapshot)
	}
	step.Seconds = time.Since(r.started).Seconds()
	if r.spans == nil {
		r.spans = map[string][2]time.Time{}
	}
	r.spans[step.Kind+"\x00"+step.Name] = [2]time.Time{r.started, time.Now()}
	var list diag.List
	if errors.As(err, &list) {
		r.bad[n.ID] = true
		// one problem a line, continuation lines indented like the first
		step.Status, step.Message = "ERROR", strings.ReplaceAll(list.Error(), "\n", "\n  ")
		for _, d := range list {
			r.res.fail(d)
		}
		err = nil
	}
	if err != nil {
		r.bad[n.ID] = true
		d := unrunMaterializationFailed(r.diagnose(err, n), r.unrunMaterialized)
		step.Status = "ERROR"
		step.Message = d.Error()
		r.res.fail(d)
	}
	return step
}

// neverRuns skips an ephemeral model that nothing reads whose SQL fails:
// dbt runs an ephemeral model's SQL only inside the nodes that read it, so
// with no reader its SQL never runs and cannot fail.
func (r *runner) neverRuns(step *Step, why string) error {
	step.Status = "SKIP"
	step.Message = "skipped: ephemeral, and no table, view, test or snapshot reads it, so dbt never runs its SQL (here it fails: " + why + ")"
	return nil
}

// unreadEphemeral reports whether n is an ephemeral model that only
// ephemeral models read, if any: no table, view, test or snapshot does.
func (r *runner) unreadEphemeral(n *graph.Node) bool {
	ephemeral := func(id string) bool {
		d := r.plan.graph.Node(id)
		return d != nil && d.Kind == "model" && r.plan.configs[d.Name].Materialized == "ephemeral"
	}
	if !ephemeral(n.ID) {
		return false
	}
	for id := range r.plan.graph.Descendants(n.ID) {
		if !ephemeral(id) {
			return false
		}
	}
	return true
}

// noteStop records, once, that the run was stopped between nodes: no node
// failed, yet the build did not finish, so it must not report success.
func (r *runner) noteStop(n *graph.Node) {
	if r.res.Stopped {
		return
	}
	r.res.Stopped = true
	if errors.Is(r.ctx.Err(), context.DeadlineExceeded) {
		r.res.fail(diag.Errorf(n.Path, 0, "the run reached its time limit before %s %s", n.Kind, n.Name).
			WithHint("raise the time limit, or select fewer nodes"))
		return
	}
	r.res.fail(diag.Errorf(n.Path, 0, "the run was stopped before %s %s", n.Kind, n.Name))
}

func (r *runner) runSeed(n *graph.Node, step *Step) error {
	s := r.plan.seeds[n.Name]
	conf, err := configText(s.Config)
	if err != nil {
		conf = "" // not written down: never the same
		r.mustRun[n.ID] = "config cannot be compared"
	}
	// The data itself is the key: comparing it is cheaper than hashing it.
	// The dialect types its columns (seedTypes), so a seed loaded for
	// another warehouse loads again.
	if r.reuse(n, step, string(s.Data), partsText(conf, seedRelation(s).String(), string(r.plan.dialect))) {
		return nil
	}
	declared, untyped, err := r.columnTypes(s)
	if err != nil {
		return err
	}
	datetime := seedDatetime(r.plan.dialect)
	delimiter, err := seedDelimiter(s)
	if err != nil {
		return err
	}
	t, err := seed.ParseWith(s.Path, s.Data, seed.Options{Declared: declared, Datetime: datetime,
		Nulls: seedNulls(r.plan.dialect), NamesAsSQL: !quotesColumns(r.plan.dialect, s), Delimiter: delimiter,
		BlankLines: r.plan.dialect != dialect.SQLite, BlankLinesWide: r.plan.dialect == dialect.Snowflake || r.plan.dialect == dialect.BigQuery})
	if err != nil {
		return err
	}
	if err := untypedColumn(s, untyped, t.Columns); err != nil {
		return err
	}
	for _, msg := range t.Renamed {
		r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: s.Path, Line: 1,
			Message: fmt.Sprintf("seed %s: %s", s.Name, msg), Hint: "name every column once in the header line"})
	}
	if len(t.Datetimes)+len(t.Booleans)+len(t.Dates) > 0 && declared == nil {
		declared = map[string]seed.Declared{}
	}
	for _, c := range t.Datetimes {
		declared[c] = *datetime // typed as declared from here on
	}
	for _, c := range t.Booleans {
		declared[c] = seed.Boolean
	}
	for _, c := range t.Dates {
		declared[c] = seed.Date
	}
	r.checkColumnTypes(s, t, declared)
	rel := seedRelation(s)
	if err := r.db.LoadTable(r.ctx, rel.Schema, rel.Name, t.Columns, t.Types, t.Rows); err != nil {
		return err
	}
	// LoadTable's table is its columns' names and declared types.
	r.noteShape(relKey(rel.Schema, rel.Name), store.ShapeText(t.Columns, t.Types))
	types := seedTypes(r.plan.dialect, t.Columns, declared, t.Types)
	seedIntegers(types, t)
	if r.plan.dialect == dialect.Snowflake && quotesColumns(r.plan.dialect, s) {
		// dbt creates the columns quoted: Snowflake keeps their case
		dialect.QuotedColumns(types, t.Columns)
	} else if r.plan.dialect == dialect.Snowflake {
		dialect.UnquotedColumns(types, t.Columns)
	}
	r.keepTypes(relKey(rel.Schema, rel.Name), types)
	step.Status, step.Relation, step.Rows = "OK", rel.Schema+"."+rel.Name, int64(len(t.Rows))
	r.reportRendered(Rendered{Kind: "seed", Name: s.Name, Schema: rel.Schema, Relation: rel.Name, Materialized: "seed"})
	// the sources whose rows the seed gives, named on the warehouse by
	// their yml (raw.orders), which the seed's table stands for here
	id := nodeID("seed", r.plan.pkgOf(s.Package), s.Name)
	for _, key := range slices.Sorted(maps.Keys(r.plan.sources)) {
		if ref := r.plan.sources[key]; len(ref.seeds) == 1 && ref.seeds[0] == id {
			r.reportRendered(Rendered{Kind: "source", Name: key, Schema: rel.Schema, Relation: ref.decl.Identifier, DBTSchema: ref.decl.Schema, Materialized: "seed"})
		}
	}
	return nil
}

// renderModel renders a model for execution and translates its dialect,
// with the static types of the columns it selects.
func (r *runner) renderModel(m *project.Model) (translation, error) {
	cfg := r.plan.configs[m.Name].Clone()
	out, err := r.render(m.Path, m.SQL, &cfg, r.plan.relation(m.Name))
	if err != nil {
		return translation{}, err
	}
	if out, err = r.withMaxPartition(m, cfg, out); err != nil {
		return translation{refused: true}, err
	}
	// The model's sql_header runs before it, in the same script: the
	// functions it creates are defined for the model's SQL (a BigQuery
	// TEMP one for this model only).
	if header, _ := cfg.Extra["sql_header"].(string); strings.TrimSpace(header) != "" {
		defer r.defs().EndScript()
		if err := r.takeHeader(m, header); err != nil {
			return translation{refused: true}, err
		}
	}
	sql, run, lines, err := r.withEphemerals(m, out)
	if nq := (*notQueryBody)(nil); errors.As(err, &nq) {
		return translation{refused: true}, nq.d
	}
	if err != nil {
		return translation{}, err
	}
	place := r.placeIn(m.Path, m.SQL, out)
	at, added := lines.at, lines.added
	placeRun := func(d *diag.Diagnostic, line, col int) {
		if b, bl, bc := lines.body(line, col); b != nil {
			// in the SQL of an ephemeral model: its file's place
			if d.Col > 0 {
				_, _, d.Col = lines.body(line, d.Col)
			}
			r.placeIn(b.m.Path, b.m.SQL, b.rendered)(d, bl, bc)
			d.Message += fmt.Sprintf(" (in ephemeral model %s, which %s reads as CTE %s)", b.m.Name, m.Name, b.cte)
			return
		}
		// a place in the model before the CTEs were put in
		if added > 0 && line == at+added {
			col += lines.shift
			if d.Col > 0 {
				d.Col += lines.shift
			}
		}
		if line > at {
			line = max(at, line-added)
		}
		place(d, line, col)
	}
	tr, err := r.translateWith(run, placeRun)
	if err == nil && r.plan.dialect == dialect.BigQuery && cfg.Materialized != "ephemeral" {
		err = unnamedColumns(run, cfg.Materialized, placeRun)
	}
	tr.rendered = sql
	tr.refused = err != nil
	return tr, err
}

// unnamedColumns is BigQuery's refusal of a model whose select makes an
// anonymous column (select count(*) from t): its CREATE TABLE or CREATE
// VIEW needs every column named. SQLite would name the column by the
// translated expression.
func unnamedColumns(run, materialized string, place func(d *diag.Diagnostic, line, col int)) error {
	u := dialect.UnnamedColumns(run)
	if len(u) == 0 {
		return nil
	}
	what := "TABLE"
	if materialized == "view" {
		what = "VIEW"
	}
	d := &diag.Diagnostic{Severity: diag.Error,
		Message: fmt.Sprintf("CREATE %s columns must be named, but column %d has no name", what, u[0].Item),
		Hint:    "give the select item an alias (expression AS name): BigQuery names a column by itself only when it is a column or a field"}
	place(d, u[0].Line, u[0].Col)
	return d
}

// takeHeader defines the functions a model's sql_header creates, and runs
// its Snowflake ALTER SESSION statements (WEEK_START ...), which hold for
// the model and the statements after it, as dbt-snowflake sends the header
// in the model's session. Its other statements (a variable) are not run,
// which a warning says.
func (r *runner) takeHeader(m *project.Model, header string) error {
	rest, err := dialect.TakeDefinitions(r.plan.dialect, header, r.defs())
	line := configLine(m.SQL, "sql_header")
	if err != nil {
		return shiftLine(diag.From(err, m.Path, 0), m.Path, line)
	}
	rest, session, err := dialect.TakeSessionStatements(r.plan.dialect, rest)
	if err != nil {
		return shiftLine(diag.From(err, m.Path, 0), m.Path, line)
	}
	if session != "" {
		tr, err := r.translateWith(session, func(d *diag.Diagnostic, _, _ int) { d.File, d.Line, d.Col = m.Path, line, 0 })
		if err != nil {
			return err
		}
		if err := r.db.Exec(r.ctx, tr.sql); err != nil {
			return diag.Errorf(m.Path, line, "%s", cleanSQLiteError(err))
		}
	}
	if !blankSQL(rest) {
		msg := "sql_header statements other than CREATE FUNCTION in SQL are not run: " + strings.Join(strings.Fields(rest), " ")
		for _, d := range r.res.Diagnostics {
			if d.File == m.Path && d.Message == msg {
				return nil
			}
		}
		r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: m.Path, Line: line,
			Message: msg, Hint: "the model is built without them; put a statement that must run in a pre-hook"})
	}
	return nil
}

// translate translates rendered SQL of file, whose source is src.
func (r *runner) translate(file, src, rendered string) (string, error) {
	tr, err := r.translateWith(rendered, r.placeIn(file, src, rendered))
	return tr.sql, err
}

// placeIn puts a refusal in rendered SQL at the line of file it came from.
func (r *runner) placeIn(file, src, rendered string) func(d *diag.Diagnostic, line, col int) {
	return func(d *diag.Diagnostic, line, col int) {
		d.File = file
		r.place(d, file, src, rendered, line, col)
	}
}

// translateWith is the one translation of everything the engine runs:
// models, tests, snapshots, hooks and the queries macros run while
// rendering; place puts a refusal in the file it came from. It is
// remembered by its text, unless it read the columns of tables (to expand a
// star): the same text may expand differently once they change.
func (r *runner) translateWith(rendered string, place func(d *diag.Diagnostic, line, col int)) (translation, error) {
	if defs := r.defs(); !defs.Empty() || len(r.temps) > 0 {
		// DuckDB macros and type aliases, functions in SQL, defined by a
		// hook, temporary tables made: the translation depends on them,
		// so it is not memoized.
		expanded, err := dialect.ApplyDefinitions(r.plan.dialect, rendered, defs)
		if err != nil {
			d := diag.From(err, "", 0)
			place(d, d.Line, d.Col)
			return translation{}, d
		}
		tr, _, err := translate(expanded, r.plan.dialect, r.plan.session, r.dbtSchemas(), r.columnNames, r.relationsFrom, r.relTypes, r.temporary, r.fileTable, r.queryRows, place)
		return tr, err
	}
	var fresh translation
	schemas := r.dbtSchemas()
	tr, err := r.plan.memo.translate(r.plan.dialect, r.plan.session, schemas, rendered, r.sameTypes, func() (translation, error) {
		tr, read, err := translate(rendered, r.plan.dialect, r.plan.session, schemas, r.columnNames, r.relationsFrom, r.relTypes, r.temporary, r.fileTable, r.queryRows, place)
		if err == nil && read {
			fresh = tr
			return translation{}, errReadColumns
		}
		return tr, err
	})
	if errors.Is(err, errReadColumns) {
		return fresh, nil
	}
	return tr, err
}

var errReadColumns = errors.New("translation read columns")

// defs are the macros, functions and type aliases the build's hooks,
// queries and sql_headers defined so far, a Snowflake function named
// alone being in the target's schema, the session's current schema.
func (r *runner) defs() *dialect.Defs {
	r.plan.defs.Schema, r.plan.defs.Database = r.plan.target.Schema, r.plan.target.Database
	return &r.plan.defs
}

// takeDefinitions takes the definitions out of sql, a query a macro runs
// (run_query, a statement block) as its own script, and tells whether
// there were any: a render that made them is not memoized, since the
// next build starts without them.
func (r *runner) takeDefinitions(sql string) (string, bool, error) {
	rest, err := dialect.TakeDefinitions(r.plan.dialect, sql, r.defs())
	return rest, err == nil && rest != sql, err
}

// columnNames lists the columns of a relation the translator expands a
// star over.
func (r *runner) columnNames(schema, table string) ([]string, error) {
	cols, err := r.db.Columns(r.ctx, schema, table)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names, err
}

// queryRows runs a query of SQLite's SQL the translation asks (the values
// of a PIVOT without IN) and gives its rows.
func (r *runner) queryRows(sql string) ([][]any, error) {
	rows, err := r.db.QueryLast(r.ctx, sql)
	if err != nil {
		return nil, err
	}
	return rows.Rows, nil
}

// relationsFrom lists the tables and views of schema whose names start
// with prefix, for a BigQuery wildcard table.
func (r *runner) relationsFrom(schema, prefix string) ([]dialect.Relation, error) {
	schema = schemaOrMain(schema)
	out, err := relationsStarting(r.ctx, r.db, schema, prefix)
	if missing := r.unbuiltWildcardModels(schema, prefix, out); err == nil && len(missing) > 0 {
		return nil, wildcardOrderError(missing)
	}
	return out, err
}

// dbtSchemas resolves the names dbt gives the schemas the project builds
// in (target.schema, this.schema: jinja's dbtSchema) to the SQLite schemas
// attached, unless the root project names its schemas itself.
//
// It runs for every translation (each test's too), and the same plan gives
// the same answer while the same schemas are attached: the answer is kept
// on the plan with the attached schemas it was made for.
func (r *runner) dbtSchemas() dialect.Schemas {
	p := r.plan
	var attached []string
	key := "\x00own" // the project maps its schemas itself
	if !p.env.HasMacro("generate_schema_name") {
		attached = r.db.Schemas()
		key = strings.Join(attached, "\x00")
	}
	if p.attachedKey != "" && p.attachedKey == key {
		return p.dbtSchemas
	}
	s := dialect.OwnSchemas(p.target.Database)
	if attached != nil {
		s = dialect.NewSchemas(p.target.Database, p.target.Schema, attached)
	}
	p.dbtSchemas, p.attachedKey = s.WithSources(p.sourceTables()).WithViews(p.viewModels()), key
	return p.dbtSchemas
}

// translate turns rendered SQL of dialect d, run in session with schemas,
// into SQLite; read reports whether it asked for the columns or the tables
// of a schema. Every refusal is reported, placed by place (given the line
// and column in rendered).
func translate(rendered string, d dialect.Dialect, session dialect.Session, schemas dialect.Schemas, columns func(schema, table string) ([]string, error), relations func(schema, prefix string) ([]dialect.Relation, error), types func(schema, table string) map[string]string, temporary func(schema, table string) bool, fileTable func(string) (string, bool, error), query func(sql string) ([][]any, error), place func(d *diag.Diagnostic, line, col int)) (tr translation, read bool, err error) {
	tr.typesRead = map[string]string{}
	tr.sql, tr.types, tr.created, err = dialect.TranslateCreating(rendered, dialect.Options{Dialect: d, ItemNames: true, Session: session, Schemas: schemas, Temporary: temporary, FileTable: func(file string) (string, error) {
		table, preloaded, err := fileTable(file)
		if !preloaded {
			read = true // not remembered: the next build loads the file when it is asked for
		}
		return table, err
	}, Columns: func(schema, table string) ([]string, error) {
		read = true
		return columns(schema, table)
	}, Relations: func(schema, prefix string) ([]dialect.Relation, error) {
		read = true
		return relations(schema, prefix)
	}, Query: func(sql string) ([][]any, error) {
		read = true // the values of a PIVOT without IN: the data's
		return query(sql)
	}, Types: func(schema, table string) map[string]string {
		m := types(schema, table)
		tr.typesRead[schema+"\x00"+table] = typesText(m)
		return m
	}})
	var list diag.List
	if errors.As(err, &list) {
		mapped := make(diag.List, len(list))
		for i, e := range list {
			mapped[i] = diag.From(e, "", 0)
			place(mapped[i], e.Line, e.Col)
		}
		return translation{}, read, mapped
	}
	if err != nil {
		d := diag.From(err, "", 0)
		place(d, d.Line, d.Col)
		return translation{}, read, d
	}
	tr.key, tr.second, tr.blank = hashText(tr.sql), store.SecondStatement(tr.sql), blankSQL(tr.sql)
	return tr, read, nil
}

// render renders a file with execute=true against the tables built so far.
func (r *runner) render(file, src string, cfg *project.Config, this jinja.Relation) (string, error) {
	p := r.plan
	// is_incremental() reads the database: a render keeps its answer in
	// its key.
	unit := r.unit
	var incremental bool
	if unit != nil {
		incremental = unit.test.Incremental
	} else {
		incremental = r.isIncremental(*cfg, this)
	}
	// flags.WHICH and flags.FULL_REFRESH are the command's: a render keeps
	// them in its key too
	prefix := incrementalKey(p.shapeKey, incremental) + "\x00" + string(r.opts.Command) + fmt.Sprint(r.opts.FullRefresh, r.opts.Empty)
	if r.batch != nil {
		prefix += "\x00batch " + r.batch.start.String() + " " + r.batch.end.String()
	}
	key := nodeKey(prefix, file, src, this, *cfg)
	if unit == nil {
		if n, ok := p.memo.render(key, r.ask); ok {
			r.keepOutputs(file, n.out, n.outs)
			r.res.Identity = append(r.res.Identity, n.identity...)
			return n.out, nil
		}
	}
	// reads are the render's questions to the database, kept with its
	// output; a render that changed data (resolved identities, wrote through
	// run_query) is not kept.
	var reads []dataRead
	keep := true
	ctx := p.contextOf(file, src, cfg, this, true)
	if r.testNode != nil {
		ctx.Model = r.testNode
	}
	ctx.Incremental = incremental
	ctx.Model = r.batchModel(ctx.Model, *cfg)
	var outs []jinja.MacroOutput
	ctx.MacroOutput = func(o jinja.MacroOutput) {
		if len(outs) < maxMacroOutputs {
			outs = append(outs, o)
		}
	}
	ctx.Ref = func(pkg, name string, line int) (jinja.Relation, error) {
		if _, err := p.refID(file, pkg, name, line); err != nil {
			return jinja.Relation{}, err
		}
		return r.readRelation(p.refRelation(name), p.eventTime(name)), nil
	}
	ctx.Source = func(src, table string, line int) (jinja.Relation, error) {
		s, err := p.source(ctx.Package, file, src, table, line)
		if err != nil {
			return jinja.Relation{}, err
		}
		return r.readRelation(s.rel, s.decl.EventTime), nil
	}
	if unit != nil {
		// a unit test's model reads its given rows
		keep = false
		unit.bind(p, ctx)
	}
	ctx.RunQuery = func(sql string) (*jinja.Rows, error) {
		stop := r.db.TrackReads()
		rows, answer, err := r.runQuery(sql)
		read := stop()
		if answer == "" {
			keep = false
		}
		reads = append(reads, r.queryReads(sql, answer, read)...)
		return rows, err
	}
	ctx.QueryColumns = func(sql string) ([]jinja.Column, error) {
		keep = false // the query's columns are asked again on every render
		return r.queryColumns(sql)
	}
	ctx.Relations = func(schemaPattern, namePattern, exclude string) ([]jinja.FoundRelation, error) {
		rels, answer, err := r.relations(schemaPattern, namePattern, exclude)
		reads = append(reads, dataRead{kind: "relations", arg: schemaPattern + "\x00" + namePattern + "\x00" + exclude, answer: answer})
		return rels, err
	}
	ctx.Schema = func(name string) string {
		if s, ok := r.dbtSchemas().SQLite("", name); ok {
			return s
		}
		return name
	}
	ctx.SourceSchema = func(database, schema, table string) (string, bool) {
		if database != "" && strings.EqualFold(database, r.plan.target.Database) {
			database = "" // a source of the target's database, named with it or not
		}
		return r.dbtSchemas().Source(database, schema, table)
	}
	ctx.RelationType = func(schema, name string) string {
		if r.views[relKey(schema, name)] || r.dbtSchemas().IsView(schema, name) {
			return "view"
		}
		return "table"
	}
	ctx.CreateSchema = func(schema string) error {
		keep = false
		return r.db.EnsureSchema(schema)
	}
	ctx.Columns = func(rel jinja.Relation) ([]jinja.Column, error) {
		cols, answer, err := r.columns(rel)
		// A table the engine built keeps its columns while it keeps its
		// version and only the engine writes: the memo then checks the
		// version, in memory, instead of asking SQLite again (a statement
		// costs about a millisecond in js/wasm, and a re-run of the demo
		// asked 29 times); rebuilt, its columns are asked again, and the
		// render is reused when they are the same. A view's columns follow
		// the tables it reads, and temp holds the views of ephemeral
		// models: those are asked every time.
		k := relKey(rel.Schema, rel.Name)
		if v, clean := r.version(k), r.cleanState(); err == nil && v != "" && clean != "" && !strings.EqualFold(rel.Schema, "temp") && !r.views[k] {
			reads = append(reads, dataRead{kind: "clean", answer: clean}, dataRead{kind: "built columns", arg: k + "\x00" + v + "\x00" + rel.Schema + "\x00" + rel.Name, answer: answer})
			return cols, err
		}
		reads = append(reads, dataRead{kind: "columns", arg: rel.Schema + "\x00" + rel.Name, answer: answer})
		return cols, err
	}
	// A render that writes to the log renders again next time, so the
	// messages show on every run.
	if r.globals != nil {
		ctx.Globals = r.globals
		keep = false
	}
	logf := r.templateLog(file)
	ctx.Log = func(level jinja.LogLevel, msg string) {
		keep = false
		logf(level, msg)
	}
	fx := &renderEffects{keep: true}
	prev := r.effects
	r.effects = fx
	defer func() { r.effects = prev }()
	for name, f := range r.funcs() {
		ctx.Funcs[name] = func(args []any, kw map[string]any) (any, error) {
			if len(fx.reads) == 0 {
				// The functions read tables by version: that holds only
				// while no query or hook wrote behind the engine's back.
				clean := r.cleanState()
				fx.keep = fx.keep && clean != ""
				fx.reads = append(fx.reads, dataRead{kind: "clean", answer: clean})
			}
			return f(args, kw)
		}
	}
	out, err := p.env.Render(file, src, ctx)
	if err == nil {
		r.keepOutputs(file, out, outs)
		if keep && fx.keep {
			p.memo.keepRender(key, renderedNode{out: out, reads: append(reads, fx.reads...), outs: outs, identity: fx.identity})
		}
	}
	return out, err
}

// runQuery is run_query: the rows, and the answer written down for the
// memo; "" when the memo must not keep it: the statement changed the
// database (asking again would change it again) or the answer is too
// large, which is judged before writing it down.
func (r *runner) runQuery(sql string) (*jinja.Rows, string, error) {
	// The query is in the warehouse's SQL, like the model running it, and
	// is a script of its own: a BigQuery TEMP function it creates ends
	// with it.
	defer r.defs().EndScript()
	// a statement that reads no rows answers Snowflake's status row
	status, hasStatus := dialect.StatusOf(r.plan.dialect, sql)
	statusRows := func(changed int64) *jinja.Rows {
		if !hasStatus {
			return &jinja.Rows{}
		}
		return &jinja.Rows{Columns: status.Columns, Rows: [][]any{status.Rows(changed)}}
	}
	sql, defined, err := r.takeDefinitions(sql)
	if err != nil {
		return nil, "", queryRefused(err)
	}
	if sql, err = r.createSchemas(sql); err != nil {
		return nil, "", queryRefused(err)
	}
	if blankSQL(sql) {
		return statusRows(0), "", nil // only schemas or functions were made
	}
	place := func(*diag.Diagnostic, int, int) {}
	tr, err := r.translateWith(sql, place)
	if err == nil {
		tr, err = r.crossViews(sql, tr, place)
	}
	if err != nil {
		return nil, "", queryRefused(err)
	}
	if blankSQL(tr.sql) {
		return statusRows(0), "", nil // a statement that changes no row here (a GRANT)
	}
	// several statements run in order and the last one answers, as the
	// warehouses run a script (dbt-snowflake splits it into statements)
	q, err := r.db.QueryLast(r.ctx, tr.sql)
	if err != nil {
		if missing, ok := store.MissingTable(err.Error()); ok {
			return nil, "", missingQueryTable(missing)
		}
		return nil, "", err
	}
	r.keepCreated(tr.created)
	if err := r.keepCrossViews(tr); err != nil {
		return nil, "", err
	}
	if !q.ReadOnly {
		r.reportRendered(Rendered{Kind: "query", SQL: sql})
	}
	rows := &jinja.Rows{Columns: q.Columns, Rows: q.Rows}
	pythonValues(r.plan.dialect, rows.Columns, rows.Rows, tr.types)
	// agate's column names are the warehouse's: Snowflake's COL_1 for an
	// unquoted col_1
	rows.Columns = dialect.StoredNames(r.plan.dialect, tr.types, rows.Columns)
	if len(q.Columns) == 0 {
		rows = statusRows(q.Changed)
	}
	if !q.ReadOnly || defined || len(q.Rows)*max(1, len(q.Columns)) > maxMemoCells {
		return rows, "", nil
	}
	answer := answerText(rows.Columns, rows.Rows)
	if len(answer) > maxMemoAnswer {
		return rows, "", nil
	}
	return rows, answer, nil
}

// queryReads is what a memoized render keeps of a run_query whose answer
// was written down, to tell whether it would answer the same now. When it
// read only tables the engine built, and only the engine wrote, those
// tables' versions say it, in memory: a statement costs about a
// millisecond in js/wasm, and the demo's pivots ask two on every Run.
// Else the query is asked again and its answer compared. Views and temp
// are left to the query, as for a relation's columns.
func (r *runner) queryReads(sql, answer string, tables []string) []dataRead {
	asked := []dataRead{{kind: "query", arg: sql, answer: answer}}
	clean := r.cleanState()
	if answer == "" || clean == "" || len(tables) == 0 {
		return asked
	}
	sort.Strings(tables)
	out := []dataRead{{kind: "clean", answer: clean}}
	for _, k := range tables {
		v := r.version(k)
		if v == "" || strings.HasPrefix(k, "temp.") || r.views[k] {
			return asked
		}
		out = append(out, dataRead{kind: "version", arg: k, answer: v})
	}
	return out
}

// queryRefused is a translation refusal of a query a macro ran. It names
// no file, so the renderer places it at the call (the model's line and the
// macro's); the line it gives is the query's own.
// missingQueryTable says why run_query's SQL found no table named missing.
// One named None is a relation a macro printed as none: adapter.get_relation
// answers none for a table not built yet, as on the warehouse, where the
// query fails on NONE too.
func missingQueryTable(missing string) error {
	name := missing
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if strings.EqualFold(strings.Trim(name, "\"`"), "none") {
		return &diag.Diagnostic{Severity: diag.Error,
			Message: "no such table: " + missing + ": the query names a relation a macro printed as None (adapter.get_relation answers none for a table not built yet, and the warehouse fails on NONE too)",
			Hint:    "build the tables the macro looks up first (a package's own models: --select package:NAME), then run this again"}
	}
	return &diag.Diagnostic{Severity: diag.Error, Message: "no such table: " + missing,
		Hint: "build the models and tables the query reads first, or fix the name"}
}

func queryRefused(err error) error {
	var list diag.List
	if errors.As(err, &list) && len(list) > 0 {
		d := *diag.From(list[0], "", 0)
		if len(list) > 1 {
			d.Message += fmt.Sprintf(" (and %d more)", len(list)-1)
		}
		return queryRefusal(&d)
	}
	return queryRefusal(diag.From(err, "", 0))
}

func queryRefusal(d *diag.Diagnostic) error {
	c := *d
	c.File, c.Line, c.Col = "", 0, 0
	if d.Line > 0 {
		c.Message += fmt.Sprintf(" (line %d of the query)", d.Line)
	}
	return &c
}

// columnTypeOf is the data_type INFORMATION_SCHEMA.COLUMNS gives column
// of schema.table: what adapter.get_columns_in_relation gives it, the
// warehouse's name of its type; the declared type where that is not known.
// Snowflake's view shows the standard type, TEXT for a VARCHAR, and a
// NUMBER's precision and scale in columns of their own.
func (r *runner) columnTypeOf(schema, table, column, declared string) string {
	typ, ok := r.warehouseTypeOf(schema, table, column)
	if !ok {
		return declared
	}
	if r.plan.dialect != dialect.Snowflake {
		return typ
	}
	typ, _, _ = strings.Cut(typ, "(")
	if typ == "VARCHAR" {
		return "TEXT"
	}
	return typ
}

// warehouseTypeOf is the type get_columns_in_relation gives column of
// schema.table; ok false when that is not known.
func (r *runner) warehouseTypeOf(schema, table, column string) (string, bool) {
	if r.ctx.Err() != nil {
		// a run that ended: asking with its context would interrupt the
		// statement calling
		return "", false
	}
	cols, err := r.statementColumns(schema, table)
	if err != nil {
		return "", false
	}
	for _, c := range cols {
		if strings.EqualFold(c.Name, column) {
			return c.Type, true
		}
	}
	return "", false
}

// statementColumns are the columns of schema.table as get_columns_in_relation
// gives them, read once a statement: INFORMATION_SCHEMA.COLUMNS asks
// column_type_of and column_facet_of of each of its columns, each answer
// needing the relation's columns.
func (r *runner) statementColumns(schema, table string) ([]jinja.Column, error) {
	if seq := r.db.Statement(); r.stmtCols == nil || r.stmtColsSeq != seq {
		r.stmtCols, r.stmtColsSeq = map[string][]jinja.Column{}, seq
	}
	key := schema + "\x00" + table
	if cols, ok := r.stmtCols[key]; ok {
		return cols, nil
	}
	cols, _, err := r.columns(jinja.Relation{Schema: schema, Name: table})
	if err != nil {
		return nil, err
	}
	r.stmtCols[key] = cols
	return cols, nil
}

// snowflakeVarcharLength is the length of a VARCHAR declared without one,
// the most Snowflake holds.
const snowflakeVarcharLength = 16777216

// columnFacetOf is the character_maximum_length ("length") of a TEXT
// column, and the numeric_precision ("precision") and numeric_scale
// ("scale") of a NUMBER column, that Snowflake's INFORMATION_SCHEMA.COLUMNS
// gives column of schema.table: a NUMBER without them is NUMBER(38, 0), a
// VARCHAR without a length holds 16777216 characters; NULL for other types.
func (r *runner) columnFacetOf(schema, table, column, declared, facet string) (int64, bool) {
	typ, ok := r.warehouseTypeOf(schema, table, column)
	if !ok {
		typ = declared
	}
	name, args, _ := strings.Cut(strings.ToUpper(strings.TrimSpace(typ)), "(")
	var nums []int64
	for _, a := range strings.Split(strings.TrimSuffix(args, ")"), ",") {
		if n, err := strconv.ParseInt(strings.TrimSpace(a), 10, 64); err == nil {
			nums = append(nums, n)
		}
	}
	switch {
	case facet == "length" && (name == "VARCHAR" || name == "TEXT"):
		if len(nums) == 1 {
			return nums[0], true
		}
		return snowflakeVarcharLength, true
	case facet == "precision" && name == "NUMBER":
		if len(nums) >= 1 {
			return nums[0], true
		}
		return 38, true
	case facet == "scale" && name == "NUMBER":
		if len(nums) == 2 {
			return nums[1], true
		}
		return 0, true
	}
	return 0, false
}

// columnNameOf is the column_name INFORMATION_SCHEMA.COLUMNS gives column
// of schema.table: its name in the warehouse, as get_columns_in_relation
// gives it (Snowflake's upper case for a name not created quoted).
func (r *runner) columnNameOf(schema, table, column string) string {
	return dialect.StoredName(r.plan.dialect, r.relTypes(schema, table), column)
}

// columns is adapter.get_columns_in_relation, with the memo's answer. A
// column's type is the warehouse's name of what it holds (DATE,
// TIMESTAMP, DOUBLE, VARCHAR in DuckDB), from the static type the build
// knows, else from how SQLite stores it.
func (r *runner) columns(rel jinja.Relation) ([]jinja.Column, string, error) {
	if r.temporary(cmp.Or(rel.Schema, "main"), rel.Name) {
		rel.Schema = "temp"
	}
	static := r.relTypes(rel.Schema, rel.Name)
	warehouse := r.warehouseType(static)
	if rows, ok := r.builtRows(relKey(rel.Schema, rel.Name)); ok {
		// The rows the build read as it wrote the table give what the
		// statements below would: the declared types, else the type of
		// each column's first value that is not NULL.
		out := make([]jinja.Column, len(rows.Columns))
		for i, c := range rows.Columns {
			out[i] = jinja.Column{Name: dialect.StoredName(r.plan.dialect, static, c), Type: warehouse(c, cmp.Or(rows.Types[i], "TEXT"))}
		}
		return out, answerText(out), nil
	}
	schema := rel.Schema
	cols, err := r.db.Columns(r.ctx, schema, rel.Name)
	if err == nil && len(cols) == 0 && !strings.EqualFold(schema, "temp") {
		// a temporary table made for the relation (create_table_as(True,
		// relation)) is that relation for the session, as on the
		// warehouses, though SQLite keeps it in its temp schema
		schema = "temp"
		cols, err = r.db.Columns(r.ctx, schema, rel.Name)
	}
	if err == nil {
		err = r.db.ValueTypes(r.ctx, schema, rel.Name, cols)
	}
	if err != nil {
		return nil, "", err
	}
	out := make([]jinja.Column, len(cols))
	for i, c := range cols {
		out[i] = jinja.Column{Name: dialect.StoredName(r.plan.dialect, static, c.Name), Type: warehouse(c.Name, c.Type)}
	}
	return out, answerText(out), nil
}

// warehouseType names a column's type as the warehouse does, from the
// types the translator knows of the relation or query (static) and, for a
// column of unknown type, how SQLite stores its values.
func (r *runner) warehouseType(static map[string]string) func(name, storage string) string {
	return func(name, storage string) string {
		if full := static[dialect.FullTypePrefix+strings.ToLower(name)]; r.plan.dialect == dialect.BigQuery && dialect.Nested(full) {
			return full // ARRAY<STRUCT<a INT64, b STRING>>, as BigQuery reports it
		}
		if full := static[dialect.FullTypePrefix+strings.ToLower(name)]; r.plan.dialect == dialect.Snowflake && full != "" {
			return full // NUMBER(10,2), VARCHAR(16): the precision or length declared
		}
		return dialect.WarehouseType(r.plan.dialect, static[strings.ToLower(name)], storage)
	}
}

// queryColumns is get_column_schema_from_query: the columns the query
// gives, named as a table built of it stores them and typed as
// get_columns_in_relation would type them, a column of unknown type by
// its first value that is not NULL.
func (r *runner) queryColumns(sql string) ([]jinja.Column, error) {
	sql, err := r.createSchemas(sql)
	if err != nil {
		return nil, queryRefused(err)
	}
	tr, err := r.translateWith(sql, func(*diag.Diagnostic, int, int) {})
	if err != nil {
		return nil, queryRefused(err)
	}
	q, err := r.db.QueryLast(r.ctx, tr.sql)
	if err != nil {
		return nil, err
	}
	r.keepCreated(tr.created)
	warehouse := r.warehouseType(tr.types)
	out := make([]jinja.Column, len(q.Columns))
	for i, c := range q.Columns {
		storage := "TEXT"
		for _, row := range q.Rows {
			if t := storageType(row[i]); t != "" {
				storage = t
				break
			}
		}
		out[i] = jinja.Column{Name: dialect.StoredName(r.plan.dialect, tr.types, c), Type: warehouse(c, storage)}
	}
	return out, nil
}

// storageType is the SQLite storage class of a value read back, "" for
// NULL.
func storageType(v any) string {
	switch v.(type) {
	case int64:
		return "INTEGER"
	case float64:
		return "REAL"
	case string:
		return "TEXT"
	case []byte:
		return "BLOB"
	}
	return ""
}

// relations lists the built relations matching the patterns, with the
// answer a memoized render compares.
func (r *runner) relations(schemaPattern, namePattern, exclude string) ([]jinja.FoundRelation, string, error) {
	tables, err := r.db.Relations(r.ctx, "%", namePattern, exclude)
	if err != nil {
		return nil, "", err
	}
	out := []jinja.FoundRelation{}
	seen := map[string]bool{}
	for _, t := range tables {
		// the schema pattern matches the name dbt gives the schema
		// (analytics, analytics_%), as the warehouse's catalog has it,
		// or the SQLite schema's own
		dbtName := r.plan.env.DBTSchema(r.plan.target, r.plan.schemasAsWritten(), t.Schema)
		if sqlfunc.ILike(t.Schema, schemaPattern) || sqlfunc.ILike(dbtName, schemaPattern) {
			out = append(out, jinja.FoundRelation{Relation: jinja.Relation{Schema: t.Schema, Name: t.Name}})
			seen[relKey(dbtName, t.Name)] = true
		}
	}
	// A source's table is in the catalog under the schema its yml names
	// (raw.orders), which the seed it reads stands for here.
	for _, s := range r.plan.sourceTables() {
		if seen[relKey(s.Schema, s.Identifier)] || !sqlfunc.ILike(s.Schema, schemaPattern) || !sqlfunc.ILike(s.Identifier, namePattern) ||
			exclude != "" && sqlfunc.ILike(s.Identifier, exclude) {
			continue
		}
		// the seed's table, once loaded (its name is the identifier)
		for _, t := range tables {
			if strings.EqualFold(t.Schema, s.SQLite) && strings.EqualFold(t.Name, s.Identifier) {
				seen[relKey(s.Schema, s.Identifier)] = true
				out = append(out, jinja.FoundRelation{Relation: jinja.Relation{Schema: t.Schema, Name: t.Name},
					Names: jinja.SourceNames{Database: s.Database, Schema: s.Schema, Identifier: s.Identifier}})
				break
			}
		}
	}
	return out, answerText(out), nil
}

// ask answers a memoized render's question again, and gives the question
// to ask next time: the columns of a rebuilt table that are the same are
// asked again only once it is rebuilt again.
func (r *runner) ask(q dataRead) (string, dataRead, error) {
	switch q.kind {
	case "query":
		_, answer, err := r.runQuery(q.arg)
		return answer, q, err
	case "relations":
		p := strings.SplitN(q.arg, "\x00", 3)
		if len(p) != 3 {
			return "", q, fmt.Errorf("bad relations read %q", q.arg)
		}
		_, answer, err := r.relations(p[0], p[1], p[2])
		return answer, q, err
	case "columns":
		schema, name, _ := strings.Cut(q.arg, "\x00")
		_, answer, err := r.columns(jinja.Relation{Schema: schema, Name: name})
		return answer, q, err
	case "built columns":
		p := strings.SplitN(q.arg, "\x00", 4)
		if len(p) != 4 {
			return "", q, fmt.Errorf("bad columns read %q", q.arg)
		}
		v := r.version(p[0])
		if v == p[1] {
			return q.answer, q, nil
		}
		_, answer, err := r.columns(jinja.Relation{Schema: p[2], Name: p[3]})
		next := q
		next.arg = strings.Join([]string{p[0], v, p[2], p[3]}, "\x00")
		return answer, next, err
	case "clean":
		return r.cleanState(), q, nil
	case "version":
		return r.version(q.arg), q, nil
	}
	return "", q, fmt.Errorf("unknown read %q", q.kind)
}

func (r *runner) runModel(n *graph.Node, step *Step) (err error) {
	r.current = n
	defer func() { r.current = nil }()
	m := r.plan.models[n.Name]
	if isMicrobatch(r.plan.configs[m.Name]) && r.unit == nil {
		return r.runMicrobatch(n, m, step)
	}
	resolved := len(r.res.Identity)
	tr, err := r.renderModel(m)
	if err != nil {
		if tr.refused && r.ctx.Err() == nil && r.unreadEphemeral(n) {
			return r.neverRuns(step, diag.From(err, "", 0).Message)
		}
		return err
	}
	lazy := false
	defer func() {
		if err == nil && !lazy && step.Reuse != "reused: unchanged" {
			r.unlazy(r.plan.relation(m.Name))
		}
	}()
	defer func() {
		if err == nil {
			rel := r.plan.relation(m.Name)
			x := Rendered{Kind: "model", Name: m.Name, Schema: rel.Schema, Relation: rel.Name,
				Materialized: r.plan.configs[m.Name].Materialized, SQL: tr.rendered, InGo: len(r.res.Identity) > resolved}
			if d, ok := r.externalCSV(r.plan.configs[m.Name]); ok {
				x.CSVDelimiter = ","
				if d != 0 {
					x.CSVDelimiter = string(d)
				}
			}
			x.JSONFile = r.externalJSON(r.plan.configs[m.Name])
			r.reportRendered(x)
		}
	}()
	sql := tr.sql
	if tr.blank {
		if r.unreadEphemeral(n) {
			return r.neverRuns(step, fmt.Sprintf("model %s has no SQL to run", m.Name))
		}
		if r.emptyCustomMaterialization(m, step) {
			return nil
		}
		return diag.Errorf(m.Path, 1, "model %s has no SQL to run", m.Name).WithHint("write one select statement, e.g. select 1 as id")
	}
	if err := oneStatement(m, r.plan.dialect, tr.rendered, sql, tr.second); err != nil {
		return err
	}
	cfg := r.plan.configs[m.Name]
	if err := r.checkMaterialization(m, cfg); err != nil {
		return err
	}
	if !r.builtMaterialization(cfg.Materialized) {
		r.unrunMaterialized = cfg.Materialized
		defer func() {
			if err == nil {
				r.unrunMaterialized = "" // a post-hook failing after it is no failure of the SQL
			}
		}()
	}
	rel := r.plan.relation(m.Name)
	step.Relation = rel.String()
	qrel := store.Rel(rel.Schema, rel.Name)
	if r.isIncremental(cfg, rel) {
		if !r.first {
			step.Reuse = "rebuilt: incremental models run every time"
		}
	} else {
		conf, err := configText(cfg)
		if err != nil {
			r.mustRun[n.ID] = "config cannot be compared"
		}
		if strings.Contains(sql, "sequence_nextval(") {
			// dbt runs it again, drawing new values
			r.mustRun[n.ID] = "it draws from a sequence"
		}
		if r.reuse(n, step, tr.key, partsText(conf, rel.Schema, rel.Name, string(r.plan.dialect))) {
			return nil
		}
	}
	if cfg.ContractEnforced() {
		if sql, err = r.enforceContract(m, cfg.Materialized, sql); err != nil {
			return err
		}
	}
	if cfg.Materialized == "ephemeral" || r.isIncremental(cfg, rel) {
		// Only a table made by CREATE TABLE ... AS is rewritten in place.
		delete(r.hist.rewrites, n.ID)
	}
	if cfg.Materialized == "ephemeral" {
		if nq := (*notQueryBody)(nil); errors.As(notQuery(m, tr.rendered), &nq) {
			if r.unreadEphemeral(n) {
				return r.neverRuns(step, nq.d.Message)
			}
			return nq.d
		}
		if err := r.db.Exec(r.ctx, fmt.Sprintf("DROP VIEW IF EXISTS %s; CREATE TEMP VIEW %s AS\n%s", qrel, store.Ident(rel.Name), sql)); err != nil {
			if r.ctx.Err() == nil && r.unreadEphemeral(n) {
				return r.neverRuns(step, cleanSQLiteError(err))
			}
			return &sqlError{err: err, sql: sql}
		}
		r.keepTypes(relKey("temp", rel.Name), tr.types)
		step.Status = "OK"
		step.Message = "ephemeral"
		return nil
	}
	if r.isIncremental(cfg, rel) {
		if err := r.runIncremental(m, sql, cfg, rel, step); err != nil {
			return err
		}
		r.keepTypes(relKey(rel.Schema, rel.Name), tr.types)
		return nil
	}
	// Each model runs in a savepoint: a failure leaves the previous
	// version of its table, and every other table, as it was.
	// One Exec for the whole step: every statement costs a fixed overhead
	// in the js/wasm build.
	indexes, err := indexSQL(m, cfg, rel)
	if err != nil {
		return err
	}
	k := relKey(rel.Schema, rel.Name)
	csvDelim, externalCSV := r.externalCSV(cfg)
	externalJSON := r.externalJSON(cfg)
	rewrite := indexes == "" && !cfg.ContractEnforced() && !externalCSV && !externalJSON
	if rewrite && r.rewriteInPlace(n, k, qrel, sql) {
		r.keepTypes(k, tr.types)
		return r.finishStep(step, rel)
	}
	delete(r.hist.rewrites, n.ID)
	stop := r.db.TrackReads()
	drop := r.dropOld(k, qrel)
	// the warehouses' names for columns named twice are given before the
	// savepoint ends, so a refusal leaves the table as it was
	release := "RELEASE model"
	if r.plan.dialect != dialect.SQLite {
		release = ""
	}
	err = r.db.Exec(r.ctx, fmt.Sprintf("SAVEPOINT model; %s; CREATE TABLE %s AS\n%s\n;\n%s%s", drop, qrel, sql, indexes, release))
	if err != nil && readsItself(err, rel.Schema, rel.Name) {
		// The model reads its own table ({{ this }}): the warehouses
		// compute the new rows before they replace the table (CREATE OR
		// REPLACE, or dbt's __dbt_tmp table renamed), so the SELECT reads
		// the previous rows. Build them aside, then replace the table.
		if !r.db.Conn().GetAutocommit() {
			r.db.Exec(context.Background(), "ROLLBACK TO model; RELEASE model")
		}
		if b := r.pending[n.ID]; b != nil {
			b.self = true // never the same twice: a later build runs it
		}
		tmp := store.Rel(rel.Schema, rel.Name+"__dbt_tmp")
		err = r.db.Exec(r.ctx, fmt.Sprintf("SAVEPOINT model; DROP TABLE IF EXISTS %s; CREATE TABLE %s AS\n%s\n;\n%s; CREATE TABLE %s AS SELECT * FROM %s; DROP TABLE %s;\n%s%s",
			tmp, tmp, sql, drop, qrel, tmp, tmp, indexes, release))
	}
	if err == nil && release == "" {
		if err = r.duplicateColumns(qrel, rel.Schema, rel.Name); err != nil {
			stop()
			r.db.Exec(context.Background(), "ROLLBACK TO model; RELEASE model")
			return err
		}
		err = r.db.Exec(r.ctx, "RELEASE model")
	}
	reads := stop()
	if err == nil && rewrite {
		defer func() {
			if err == nil {
				r.noteRewrite(n, k, sql, reads)
			}
		}()
	}
	if err != nil {
		if !r.db.Conn().GetAutocommit() {
			r.db.Exec(context.Background(), "ROLLBACK TO model; RELEASE model")
		}
		if tooDeep(err) {
			if staged, serr := r.createStaged(drop, qrel, sql); staged {
				err = serr
				if err == nil && indexes != "" {
					err = r.db.Exec(r.ctx, indexes)
				}
			}
		}
	}
	if err == nil {
		err = r.keepTrueFalseNames(qrel, rel.Schema, rel.Name, sql)
	}
	if err != nil {
		if cfg.Materialized == "view" && r.lazyView(rel, sql, err) {
			lazy = true
			d := r.diagnose(&sqlError{err: err, sql: sql}, n)
			d.Severity = diag.Warning
			d.Message = fmt.Sprintf("view %s is made as its query, which a model or test reading it runs, as %s creates a view without computing its rows; reading them fails: %s", m.Name, warehouseTitle[r.plan.dialect], d.Message)
			r.res.Diagnostics = append(r.res.Diagnostics, *d)
			r.keepTypes(relKey(rel.Schema, rel.Name), tr.types)
			step.Status, step.Message = "OK", lazyViewMessage
			return nil
		}
		return &sqlError{err: err, sql: sql}
	}
	r.keepTypes(relKey(rel.Schema, rel.Name), tr.types)
	if externalCSV {
		// its view reads the CSV file back, typed again from the text
		if err := r.reloadExternalCSV(m, rel, csvDelim); err != nil {
			return err
		}
	}
	if externalJSON {
		// its view reads the JSON file back, typed again from the values
		if err := r.reloadExternalJSON(rel); err != nil {
			return err
		}
	}
	return r.finishStep(step, rel)
}

// lazyViewMessage is the Message of the step of a view model made as its
// query (lazy_views.go).
const lazyViewMessage = "view of its query"

// dropOld is the statement dropping what holds relation k (relKey) before
// a model's table is made: a view SQL made there (a hook's create view)
// is dropped as a view, as dbt drops a relation of the other type.
func (r *runner) dropOld(k, qrel string) string {
	if r.views[k] {
		return "DROP VIEW IF EXISTS " + qrel
	}
	return "DROP TABLE IF EXISTS " + qrel
}

// readsItself tells whether err is SQLite's failure to find the table
// schema.name, the one the model builds, after it was dropped to be made
// again: the model's SELECT reads its own previous rows.
func readsItself(err error, schema, name string) bool {
	_, missing, ok := strings.Cut(strings.ToLower(err.Error()), "no such table: ")
	if !ok {
		return false
	}
	if i := strings.IndexAny(missing, " \n,;("); i >= 0 {
		missing = missing[:i]
	}
	return missing == strings.ToLower(schema+"."+name) || missing == strings.ToLower(name)
}

// sqlError is a failure of SQLite on compiled SQL.
type sqlError struct {
	err error
	sql string
}

func (e *sqlError) Error() string { return e.err.Error() }
func (e *sqlError) Unwrap() error { return e.err }

// diagnose turns a node's error into a diagnostic naming its file and, for
// SQLite errors, the line of the source the message points at; a run that
// was stopped says which node and after how long.
func (r *runner) diagnose(err error, n *graph.Node) *diag.Diagnostic {
	elapsed := time.Since(r.started).Seconds()
	if r.ctx.Err() != nil {
		r.res.Stopped = true
	}
	switch {
	case errors.Is(r.ctx.Err(), context.DeadlineExceeded):
		return diag.Errorf(n.Path, 0, "%s %s stopped after %.1fs: the time limit was reached", n.Kind, n.Name, elapsed).
			WithHint("look for a query that never ends (a recursive CTE without a stop, a large cross join) or raise the time limit")
	case errors.Is(r.ctx.Err(), context.Canceled):
		return diag.Errorf(n.Path, 0, "%s %s stopped after %.1fs", n.Kind, n.Name, elapsed)
	}
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return diag.From(err, n.Path, 0)
	}
	var se *sqlError
	if errors.As(err, &se) {
		msg := cleanSQLiteError(se.err)
		d := diag.Errorf(n.Path, 0, "%s", msg)
		if l, rest := sqlfunc.LineOf(msg); l > 0 {
			// A function that fails where the warehouse fails names the
			// line of the compiled SQL, which is the rendered SQL's.
			d.Message = rest
			if views := r.lazyReads(n); len(views) > 0 && sqlfunc.DataFailure(rest) {
				// maybe in the query of a view it reads, whose line it is
				d.Message += fmt.Sprintf(" (where %s reads %s, made as %s query, whose rows fail when read)", n.Name, strings.Join(views, ", "), map[bool]string{true: "its", false: "their"}[len(views) == 1])
			} else if !r.inMacroSQL(d, n, se, l) {
				d.Line = mapLine(r.sourceOf(n), se.sql, l)
			}
		} else if l, perr := r.db.PrepareError(se.sql); perr == nil || l <= 0 || !r.inMacroSQL(d, n, se, l) {
			d.Line = r.errorLine(n, se, msg)
		}
		r.explainSyntax(d, n, msg)
		msg = d.Message
		missing, ok := store.MissingTable(msg)
		if src, what, line := r.plan.missingSource(missing); ok && src != nil {
			if d.Line == 0 {
				text := r.sourceOf(n)
				if s := r.plan.snapshots[n.Name]; n.Kind == "snapshot" && s != nil {
					text = s.decl.SQL // its file's lines
				}
				d.Line = sourceCallLine(text, src.SourceName, src.Table)
			}
			d.Hint = fmt.Sprintf("load the rows as a seed named %s (seeds/%s.csv), which the source then reads", src.Identifier, src.Identifier)
			switch asked, csv := csvLocation(src.ExternalLocation, src.ExternalFormatter, src.Table, src.Identifier, src.Schema); {
			case what != "" && !knownFormatter(src.ExternalFormatter):
				d.Message = fmt.Sprintf("%s: source(%q, %q) sets formatter: %s, which dbt-duckdb does not know (%s:%d)", msg, src.SourceName, src.Table, src.ExternalFormatter, src.File, line)
				d.Hint = "write formatter: newstyle ({name}, the default), oldstyle (%(name)s) or template ($name)"
			case src.ExternalLocation != "" && !locationFormats(src.ExternalLocation, src.ExternalFormatter):
				d.Message = fmt.Sprintf("%s: source(%q, %q) has an external_location that dbt-duckdb's %s formatter cannot fill in: %s (%s:%d)", msg, src.SourceName, src.Table, cmp.Or(src.ExternalFormatter, "newstyle"), src.ExternalLocation, src.File, line)
				d.Hint = "the table's name is {name} (newstyle, the default), %(name)s (oldstyle) or $name (template), and {identifier} and {schema} likewise; a location holding braces, as read_csv's columns={...} does, needs formatter: oldstyle or template"
			case what == "":
				// a table of the warehouse, which the project does not ship
				d.Message = fmt.Sprintf("%s: source(%q, %q) reads a table of the warehouse, which the project does not ship: no seed gives its rows (%s:%d)", msg, src.SourceName, src.Table, src.File, src.Line)
			case csv && r.projectHas(asked):
				// a file of the project's folder that failed to load
				file, _, _ := dialect.CSVFileOptions(asked)
				d.Message = fmt.Sprintf("%s: source(%q, %q) is read from file %s, which could not be read: %s (%s:%d)", msg, src.SourceName, src.Table, file, what, src.File, line)
				d.Hint = fmt.Sprintf("fix the file (the build says why at %s:%d), or load the rows as a seed named %s (seeds/%s.csv), which the source then reads", src.File, line, src.Identifier, src.Identifier)
			case csv:
				file, _, _ := dialect.CSVFileOptions(asked)
				// a CSV file of the project's folder, which it lacks
				d.Message = fmt.Sprintf("%s: source(%q, %q) is read from file %s, which the project does not have: %s (%s:%d)", msg, src.SourceName, src.Table, file, what, src.File, line)
			default:
				d.Message = fmt.Sprintf("%s: source(%q, %q) is read from a file, which the playground has no access to: %s (%s:%d)", msg, src.SourceName, src.Table, what, src.File, line)
			}
		} else {
			seed := r.seedRead(n, missing)
			if ok && seed != nil && r.bad[seed.ID] {
				// it failed to load in this run
				d.Hint = fmt.Sprintf("seed %s failed to load (%s): fix it and build again", seed.Name, seed.Path)
			} else if ok && seed != nil {
				d.Hint = "load the seeds first: `nexus seed`, or `nexus build --select +" + n.Name + "` to seed, run and test it"
			} else if ok {
				d.Hint = "build the models it reads first (select +" + n.Name + ") or fix the name"
			}
			r.explainMissingColumn(d, n)
		}
		if t := r.plan.tests[n.ID]; n.Kind == "test" && t != nil && t.Kind != "singular" && (d.File != t.File || d.Line != t.Line) {
			placeTestSQLError(d, t)
		}
		return d
	}
	return diag.Errorf(n.Path, 0, "%s", err.Error())
}

// explainSyntax adds to d, SQLite's syntax error on n's compiled SQL,
// where n's rendered SQL stops reading as the warehouse's: the dialect, the
// token and what was expected there, at the model's line and column when
// that line is the source's own.
func (r *runner) explainSyntax(d *diag.Diagnostic, n *graph.Node, msg string) {
	if r.plan.dialect == dialect.SQLite || !strings.Contains(msg, "syntax error") && !strings.Contains(msg, "incomplete input") {
		return
	}
	last, ok := r.rendered[n.Path]
	if !ok {
		return
	}
	line, col, why, ok := dialect.SyntaxProblem(r.plan.dialect, last.out)
	if !ok {
		return
	}
	src := r.sourceOf(n)
	if l := mapLineExact(src, last.out, line); l > 0 && strings.Split(src, "\n")[l-1] == strings.Split(last.out, "\n")[line-1] {
		d.Line, d.Col = l, col
	} else {
		// the line as rendered differs from the model's: say where in it
		why += fmt.Sprintf(", at line %d, column %d of the SQL as its Jinja rendered", line, col)
		if d.Line == 0 {
			d.Line = mapLine(src, last.out, line)
		}
	}
	d.Message += " (" + why + ")"
}

// seedRead is the seed whose table (as SQLite names it, maybe with a
// schema) n reads, directly or through a source, nil for none: then the
// table is missing because the seed was not loaded, which run never does,
// or failed to load.
func (r *runner) seedRead(n *graph.Node, table string) *graph.Node {
	_, name, ok := strings.Cut(table, ".")
	if !ok {
		name = table
	}
	for _, id := range slices.Sorted(maps.Keys(r.plan.graph.Ancestors(n.ID))) {
		if a := r.plan.graph.Node(id); a.Kind == "seed" && strings.EqualFold(a.Name, name) {
			return a
		}
	}
	return nil
}

// errorLine finds the source line an SQLite error is about: SQLite's own
// error offset in the compiled SQL, mapped back to the source line with the
// same text, else the token the message quotes, else the same line when the
// render kept the source's lines.
func (r *runner) errorLine(n *graph.Node, se *sqlError, msg string) int {
	src := r.sourceOf(n)
	line, err := r.db.PrepareError(se.sql)
	if err != nil && line > 0 {
		if l := mapLineExact(src, se.sql, line); l > 0 {
			return l
		}
	}
	if l := sourceLine(src, msg); l > 0 {
		return l
	}
	// A line whose Jinja rendered to other text (a macro's value): where
	// the render kept the source's lines, it is the same line.
	if err != nil && line > 0 && lineCount(src) == lineCount(se.sql) {
		return line
	}
	return 0
}

// sourceCallLine is the line of text's first source() call naming table
// of src (quoted either way, spaced freely), 0 when it has none.
func sourceCallLine(text, src, table string) int {
	re := regexp.MustCompile(`source\(\s*['"]` + regexp.QuoteMeta(src) + `['"]\s*,\s*['"]` + regexp.QuoteMeta(table) + `['"]`)
	if loc := re.FindStringIndex(text); loc != nil {
		return strings.Count(text[:loc[0]], "\n") + 1
	}
	return 0
}

// lineCount counts the lines of text, trailing blank ones aside.
func lineCount(s string) int { return strings.Count(strings.TrimRight(s, " \t\r\n"), "\n") + 1 }

// inMacroSQL places d, an SQLite error at line of n's compiled SQL (whose
// lines are its rendered SQL's), when a macro wrote that line.
func (r *runner) inMacroSQL(d *diag.Diagnostic, n *graph.Node, se *sqlError, line int) bool {
	last, ok := r.rendered[n.Path]
	if n.Kind != "model" || !ok || strings.Count(last.out, "\n") != strings.Count(se.sql, "\n") {
		return false
	}
	if _, ok := r.macroOrigin(n.Path, r.sourceOf(n), last.out, line, 0); !ok {
		return false
	}
	r.place(d, n.Path, r.sourceOf(n), last.out, line, 0)
	return true
}

func (r *runner) sourceOf(n *graph.Node) string {
	switch n.Kind {
	case "model":
		return r.plan.models[n.Name].SQL
	case "test":
		if t := r.plan.tests[n.ID]; t != nil {
			return t.SQL
		}
	}
	return ""
}

func cleanSQLiteError(err error) string {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "sqlite3: ")
	for _, p := range []string{"SQL logic error: ", "constraint failed: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

// summarize writes dbt's closing lines.
func summarize(res *Result) string {
	counts := map[string]int{}
	kinds := map[string]int{}
	total := 0
	for _, s := range res.Steps {
		if s.Kind == "log" {
			continue
		}
		kinds[s.Kind]++
		if s.Kind != "hook" || s.Status == "ERROR" { // nodes, and hooks that failed
			counts[s.Status]++
			total++
		}
	}
	var parts []string
	for _, k := range []string{"seed", "snapshot", "model", "test", "unit_test"} {
		if kinds[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s%s", kinds[k], strings.ReplaceAll(k, "_", " "), plural(kinds[k])))
		}
	}
	if n := kinds["hook"]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d project hook%s", n, plural(n)))
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing")
	}
	pass := counts["OK"] + counts["PASS"]
	end := "Done."
	if res.Stopped {
		end = "Stopped."
	}
	return fmt.Sprintf("Finished running %s in %.2fs.\n%s PASS=%d WARN=%d ERROR=%d SKIP=%d TOTAL=%d",
		strings.Join(parts, ", "), res.Seconds, end, pass, counts["WARN"], counts["ERROR"]+counts["FAIL"], counts["SKIP"], total)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatStep renders a run-log line like dbt's.
func formatStep(s Step) string {
	// A Run logs every node, reused or not: the line is put together
	// without fmt, which costs more than the rest of a reused node.
	var what string
	reused := s.Reuse == "reused: unchanged"
	rows := func() string { return " (" + strconv.FormatInt(s.Rows, 10) + " rows)" }
	switch {
	case reused && s.Kind == "seed":
		what = "OK reused seed " + s.Relation + rows()
	case reused && s.Message == "ephemeral":
		what = "OK reused ephemeral " + s.Name
	case reused && s.Kind == "model":
		what = "OK reused table " + s.Relation + rows()
	case reused:
		what = s.Status + " reused " + s.Name
	case s.Status == "SKIP":
		what = "SKIP " + s.Kind + " " + s.Name
	case s.Status == "ERROR":
		what = "ERROR " + s.Kind + " " + s.Name
	case s.Kind == "seed":
		what = "OK loaded seed " + s.Relation + rows()
	case s.Kind == "model" && s.Message == "ephemeral":
		what = "OK ephemeral " + s.Name
	case s.Kind == "snapshot":
		what = "OK snapshotted " + s.Relation + rows()
	case s.Kind == "model" && s.Message == lazyViewMessage:
		what = "OK created view " + s.Relation + " (rows computed when read)"
	case s.Kind == "model" && s.Message != "" && s.Relation == "":
		what = "OK model " + s.Name + ": " + s.Message
	case s.Kind == "model" && s.Message != "":
		what = "OK " + s.Message + " into " + s.Relation + rows()
	case s.Kind == "model":
		what = "OK created table " + s.Relation + rows()
	case (s.Kind == "test" || s.Kind == "unit_test") && s.Status == "PASS":
		what = "PASS " + s.Name
	default:
		what = s.Status + " " + strconv.FormatInt(s.Rows, 10) + " " + s.Name
	}
	head := strconv.Itoa(s.Index) + " of " + strconv.Itoa(s.Total) + " " + what + " "
	dots := 80 - len(head)
	if dots < 4 {
		dots = 4
	}
	line := head + strings.Repeat(".", dots) + " [" + strconv.FormatFloat(s.Seconds, 'f', 2, 64) + "s]"
	switch {
	case s.Status == "SKIP":
		line = head + strings.Repeat(".", dots) + " [SKIP]"
	case reused:
		line = head + strings.Repeat(".", dots) + " [unchanged]"
	case s.Reuse != "" && s.Status != "ERROR":
		line += " (" + s.Reuse + ")"
	}
	return line
}
