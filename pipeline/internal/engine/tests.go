package engine

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"

	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func (r *runner) runTest(n *graph.Node, step *Step) error {
	t := r.plan.tests[n.ID]
	sql, err := r.cachedTestSQL(t)
	if err != nil {
		return err
	}
	if r.reuse(n, step, sql, r.testConf(t)) {
		return nil
	}
	failures, ok := r.testCounts[n.ID]
	if calc := failCalc(t); calc != "" {
		if failures, err = r.calcFailures(t, sql, calc); err != nil {
			return err
		}
	} else if !ok {
		q, err := r.db.Query(r.ctx, "SELECT count(*) FROM (\n"+sql+"\n)", 1)
		if err != nil {
			return &sqlError{err: err, sql: sql}
		}
		failures, _ = q.Rows[0][0].(int64)
	}
	if src, ok := r.testSources[t]; ok {
		r.reportRendered(Rendered{Kind: "test", Name: t.Name, SQL: src, Failures: failures, FailCalc: failCalc(t)})
	}
	if lim, err := testLimit(t); err != nil {
		return err
	} else if lim >= 0 && failures > lim {
		// dbt counts the failing rows of the test's query with `limit N`
		failures = lim
	}
	step.Rows = failures
	if as := r.storeFailuresAs(t); as != "" {
		if err := r.storeFailures(t, sql, as); err != nil {
			return err
		}
	}
	errorIf, err := failureCondition(t, "error_if")
	if err != nil {
		return err
	}
	warnIf, err := failureCondition(t, "warn_if")
	if err != nil {
		return err
	}
	switch {
	case t.Config.Severity == "warn" && !warnIf(failures),
		t.Config.Severity != "warn" && !errorIf(failures) && !warnIf(failures):
		step.Status = "PASS"
	case t.Config.Severity == "warn" || !errorIf(failures):
		step.Status = "WARN"
		step.Message = fmt.Sprintf("%d failing row%s%s", failures, plural(int(failures)), r.failingSources(t))
	default:
		step.Status = "FAIL"
		step.Message = fmt.Sprintf("%d failing row%s", failures, plural(int(failures)))
		r.res.OK = false
		d := failureDiag(t, failures)
		if r.storeFailuresAs(t) != "" {
			// as dbt says: see test failures in the table that keeps them
			d.Hint = "see the failing rows: select * from " + testOwnRelation(t).String()
		}
		r.res.Diagnostics = append(r.res.Diagnostics, d)
		r.failedTests = append(r.failedTests, n.ID)
	}
	return nil
}

// storeFailuresAs is how a test's failing rows are kept, as dbt's test
// materialization decides: store_failures_as (table, view; ephemeral
// keeps none) when set, else a table when store_failures (the test's
// config, else --store-failures) says so; "" for none.
func (r *runner) storeFailuresAs(t *project.Test) string {
	if as, _ := t.Config.Extra["store_failures_as"].(string); strings.TrimSpace(as) != "" {
		switch as = strings.ToLower(strings.TrimSpace(as)); as {
		case "table", "view":
			return as
		}
		return ""
	}
	store := r.opts.StoreFailures
	switch v := t.Config.Extra["store_failures"].(type) {
	case bool:
		store = v
	case string:
		store = strings.EqualFold(strings.TrimSpace(v), "true")
	}
	if store {
		return "table"
	}
	return ""
}

// storeFailures keeps a test's failing rows (its query's rows, up to its
// limit) in its own relation, dbt_test__audit.<test name> unless its
// schema or alias config says otherwise, made again on every run as dbt
// makes it. A view is kept as a table of its rows, as view models are:
// SQLite's views cannot read other schemas' tables.
func (r *runner) storeFailures(t *project.Test, sql, as string) error {
	rel := testOwnRelation(t)
	if err := r.db.EnsureSchema(rel.Schema); err != nil {
		return err
	}
	if err := r.db.Use(rel.Schema); err != nil {
		return err
	}
	body := sql
	if lim, err := testLimit(t); err == nil && lim >= 0 {
		body = fmt.Sprintf("SELECT * FROM (\n%s\n) LIMIT %d", sql, lim)
	}
	q := store.Rel(rel.Schema, rel.Name)
	// The relation a run before made is a table; a view of that name
	// (a hook's) is dropped as a view: SQLite refuses DROP VIEW of a table.
	drop := "DROP VIEW IF EXISTS " + q
	if r.tableExists(rel) {
		drop = "DROP TABLE IF EXISTS " + q
	}
	if err := r.db.Exec(r.ctx, fmt.Sprintf("%s; CREATE TABLE %s AS\n%s\n", drop, q, body)); err != nil {
		return &sqlError{err: err, sql: sql}
	}
	return nil
}

// failCalc is a test's fail_calc config, "" for dbt's default count(*).
func failCalc(t *project.Test) string {
	v, ok := t.Config.Extra["fail_calc"]
	if !ok || v == nil {
		return ""
	}
	calc := strings.TrimSpace(fmt.Sprint(v))
	if strings.EqualFold(strings.ReplaceAll(calc, " ", ""), "count(*)") {
		return ""
	}
	return calc
}

// calcFailures computes a test's failures as dbt's test materialization
// does with fail_calc: the expression, written for the warehouse, over
// the test's rows (dbt_internal_test); NULL counts as none.
func (r *runner) calcFailures(t *project.Test, sql, calc string) (int64, error) {
	src := "select " + calc + " as failures from dbt_internal_test"
	translated, err := r.translate(t.File, src, src)
	if err != nil {
		return 0, err
	}
	q, err := r.db.Query(r.ctx, "WITH dbt_internal_test AS (\n"+sql+"\n) "+translated, 1)
	if err != nil {
		return 0, &sqlError{err: err, sql: sql}
	}
	switch v := q.Rows[0][0].(type) {
	case int64:
		return v, nil
	case float64:
		return int64(v), nil
	case nil:
		return 0, nil
	case string:
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return int64(n), nil
		}
	}
	return 0, diag.Errorf(t.File, t.Line, "test %s: fail_calc %s gave %v, not a number", t.Name, calc, q.Rows[0][0]).
		WithHint("write an aggregate over the test's rows that gives a number, as count(*) or sum(n_records)")
}

// testLimit is a test's limit config, -1 without one.
func testLimit(t *project.Test) (int64, error) {
	v, ok := t.Config.Extra["limit"]
	if !ok || v == nil {
		return -1, nil
	}
	if n, err := strconv.ParseInt(fmt.Sprint(v), 10, 64); err == nil && n >= 0 {
		return n, nil
	}
	return 0, diag.Errorf(t.File, t.Line, "test %s: limit %v is not a whole number of rows", t.Name, v).
		WithHint("write limit: 100, or leave it out")
}

// failureCondition reads a test's warn_if or error_if config (dbt's
// default "!=0"): a comparison of the failure count with a number.
func failureCondition(t *project.Test, key string) (func(int64) bool, error) {
	text := "!=0"
	if v, ok := t.Config.Extra[key]; ok && v != nil {
		text = strings.TrimSpace(fmt.Sprint(v))
	}
	ops := []string{">=", "<=", "!=", "<>", "==", ">", "<", "="}
	for _, op := range ops {
		rest, ok := strings.CutPrefix(text, op)
		if !ok {
			continue
		}
		n, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
		if err != nil {
			break
		}
		return func(f int64) bool {
			x := float64(f)
			switch op {
			case ">=":
				return x >= n
			case "<=":
				return x <= n
			case "!=", "<>":
				return x != n
			case ">":
				return x > n
			case "<":
				return x < n
			}
			return x == n
		}, nil
	}
	return nil, diag.Errorf(t.File, t.Line, "test %s: %s %q is not a comparison with a number", t.Name, key, text).
		WithHint("write %s: \">10\" (one of >, >=, <, <=, =, != then a number)", key)
}

// failingSources says which sources a warned test's failing rows come
// from, when those rows have a source column: " (from gmail: 3, stripe: 1)".
func (r *runner) failingSources(t *project.Test) string {
	sql, err := r.testSQL(t)
	if err != nil {
		return ""
	}
	q, err := r.db.Query(r.ctx, "SELECT coalesce(cast(source AS TEXT), 'no source'), count(*) FROM (\n"+sql+"\n) GROUP BY 1 ORDER BY 2 DESC, 1", 20)
	if err != nil || len(q.Rows) == 0 {
		return "" // no source column: nothing more to say
	}
	parts := make([]string, len(q.Rows))
	for i, row := range q.Rows {
		parts[i] = fmt.Sprintf("%v: %v", row[0], row[1])
	}
	return " (from " + strings.Join(parts, ", ") + ")"
}

// maxTestBatch bounds how many tests share one statement.
const maxTestBatch = 64

// countTests counts the failing rows of the consecutive tests at the start
// of nodes in one statement, since each statement has a fixed cost in the
// js/wasm build. A test that does not compile, or a batch that fails, is
// left to runTest, which runs it alone and reports its own error.
func (r *runner) countTests(nodes []*graph.Node) {
	r.testCounts, r.batchReads = map[string]int64{}, nil
	var ids, parts []string
	// with more schemas than attach at once, a batch names no more
	schemas := map[string]bool{}
	for _, n := range nodes {
		if n.Kind != "test" || len(ids) == maxTestBatch {
			break
		}
		if r.skipped(n) {
			continue
		}
		t := r.plan.tests[n.ID]
		sql, err := r.cachedTestSQL(t)
		if err != nil || failCalc(t) != "" {
			continue
		}
		if ok, _ := r.reuseReason(n, sql, r.testConf(t)); ok {
			continue
		}
		if !r.db.SchemasFit() {
			before := len(schemas)
			for _, s := range r.db.SchemasIn(sql) {
				schemas[s] = true
			}
			if len(schemas) > r.db.MaxAttached() && before > 0 {
				break
			}
		}
		ids = append(ids, n.ID)
		parts = append(parts, "(SELECT count(*) FROM (\n"+sql+"\n))")
	}
	if len(ids) < 2 {
		return
	}
	stop := r.db.TrackReads()
	q, err := r.db.Query(r.ctx, "SELECT "+strings.Join(parts, ",\n"), 1)
	r.batchReads = stop()
	if err != nil {
		return
	}
	for i, id := range ids {
		r.testCounts[id], _ = q.Rows[0][i].(int64)
	}
}

// cachedTestSQL is testSQL, compiled once a build.
func (r *runner) cachedTestSQL(t *project.Test) (string, error) {
	if sql, ok := r.testSQLs[t]; ok {
		return sql, nil
	}
	sql, err := r.testSQL(t)
	if err == nil {
		if r.testSQLs == nil {
			r.testSQLs = map[*project.Test]string{}
		}
		r.testSQLs[t] = sql
	}
	return sql, err
}

// testConf is what a test's result depends on beside its SQL.
func (r *runner) testConf(t *project.Test) string {
	c, err := configText(t.Config)
	if err != nil {
		return ""
	}
	return c
}

// skipped tells whether a node will be skipped because a parent failed.
func (r *runner) skipped(n *graph.Node) bool {
	for _, p := range r.plan.graph.Parents(n.ID) {
		if r.bad[p] {
			return true
		}
	}
	return false
}

// testSQL compiles a test to a query returning its failing rows.
func (r *runner) testSQL(t *project.Test) (string, error) {
	if t.Broken != nil {
		return "", t.Broken
	}
	if t.Kind == "singular" {
		cfg := t.Config.Clone()
		out, err := r.render(t.File, t.SQL, &cfg, testOwnRelation(t))
		if err != nil {
			return "", err
		}
		out = strings.TrimRight(strings.TrimSpace(out), ";")
		return r.translateTest(t, t.SQL, out, out)
	}
	if t.Kind == "generic" {
		return r.genericTestSQL(t)
	}
	rel := whereSubquery(r.warehouseName(t.Model), t)
	sql, err := r.builtinTestSQL(t, rel, false)
	if err != nil {
		return sql, err
	}
	run := sql
	if t.Kind == "relationships" {
		// the one builtin test whose query runs here in another text
		if run, err = r.builtinTestSQL(t, rel, true); err != nil {
			return sql, err
		}
	}
	// The query is the warehouse's SQL, as dbt renders it there: its
	// where condition, and values compared as the warehouse compares them
	// (an INTEGER column is not in ('10') in DuckDB when it holds 10).
	return r.translateTest(t, sql, sql, run)
}

// plainName is a column name, bare or quoted.
var plainName = regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_$]*|"[^"]+"|` + "`[^`]+`" + `)$`)

// testOwnRelation is a test's this, as dbt's: the relation store_failures
// would build, named by the test's alias in its schema (dbt_test__audit
// unless configured), not the relation the test reads.
func testOwnRelation(t *project.Test) jinja.Relation {
	return jinja.Relation{Schema: cmp.Or(t.Config.Schema, "dbt_test__audit"), Name: cmp.Or(t.Config.Alias, t.Name)}
}

// translateTest translates run, a test's query as it runs here, keeping
// out, the query dbt renders for the warehouse, for Options.Rendered: they
// differ only where SQLite needs another text for the same rows.
func (r *runner) translateTest(t *project.Test, src, out, run string) (string, error) {
	if r.opts.Rendered != nil {
		if r.testSources == nil {
			r.testSources = map[*project.Test]string{}
		}
		r.testSources[t] = out
	}
	if t.Kind != "singular" {
		// src is the call of the test's macro, or the query of dbt's own
		// test, not the properties file: a refusal is at the test's line,
		// naming the macro that wrote it
		place := r.placeIn(t.File, src, run)
		tr, err := r.translateWith(run, func(d *diag.Diagnostic, line, col int) {
			place(d, line, col)
			d.Line, d.Col = t.Line, 0
		})
		return tr.sql, err
	}
	return r.translate(t.File, src, run)
}

// testWhere is a test's where config, "" without one.
func testWhere(t *project.Test) string {
	w, _ := t.Config.Extra["where"].(string)
	return strings.TrimSpace(w)
}

// whereSubquery is the relation a test reads: with a where config, the
// rows that meet it, as dbt writes it.
func whereSubquery(rel string, t *project.Test) string {
	if w := testWhere(t); w != "" {
		return "(select * from " + rel + " where " + w + ") dbt_subquery"
	}
	return rel
}

// builtinTestSQL is the query of dbt's own generic tests on rel, as dbt
// writes it, or (here) as it runs here, with the same rows.
func (r *runner) builtinTestSQL(t *project.Test, rel string, here bool) (string, error) {
	col := r.plan.testColumn(t)
	switch t.Kind {
	case "not_null":
		return fmt.Sprintf("select * from %s where %s is null", rel, col), nil
	case "unique":
		return fmt.Sprintf("select %s as unique_field, count(*) as n_records from %s where %s is not null group by %s having count(*) > 1", col, rel, col, col), nil
	case "accepted_values":
		vals := t.Args["values"].([]any)
		quote := true
		if q, ok := t.Args["quote"].(bool); ok {
			quote = q
		}
		lits := make([]string, len(vals))
		for i, v := range vals {
			// written as dbt's Jinja writes each value: 2.0, True
			if quote {
				lits[i] = store.Quote(jinja.PyStr(v))
			} else {
				lits[i] = jinja.PyStr(v)
			}
		}
		return fmt.Sprintf("select %s as value_field, count(*) as n_records from %s where %s is not null and %s not in (%s) group by %s",
			col, rel, col, col, strings.Join(lits, ", "), col), nil
	case "relationships":
		// as dbt writes it: the column and the field may be expressions
		to := r.warehouseName(refName(t.Args["to"].(string)))
		field := t.Args["field"].(string)
		distinct := ""
		if here && !plainName.MatchString(strings.TrimSpace(field)) {
			// SQLite cannot index a join on an expression (upper(id)):
			// it compares every child row with every parent row, minutes
			// for some thousands of rows. DISTINCT computes the parent's
			// values once into a table it indexes; the rows kept, child
			// rows without a parent value, are the same.
			distinct = "distinct "
		}
		return fmt.Sprintf("with child as (select %s as from_field from %s where %s is not null), parent as (select %s%s as to_field from %s) "+
			"select from_field from child left join parent on child.from_field = parent.to_field where parent.to_field is null",
			col, rel, col, distinct, field, to), nil
	}
	return "", fmt.Errorf("unknown test kind %q", t.Kind)
}

// warehouseName is the relation of a model, seed, snapshot or source
// ("source:src.table") as dbt prints it on the target, which the translator
// reads back: what tests and the engine's own warehouse SQL name.
func (r *runner) warehouseName(model string) string {
	return fmt.Sprint(r.plan.testModel(model))
}

// failedTestBlocks names what a failed test checks when it keeps n from
// running in a build, "" when none does. As dbt's add_test_edges, a test
// comes before every node whose upstream holds all the nodes the test reads:
// a test of one model skips what reads that model, and a relationships or
// equality test of two skips only what reads both, where every dependant
// of either was skipped (a failing relationships test to a seed skipped
// every model reading the seed). A unit test goes with its model.
func (r *runner) failedTestBlocks(n *graph.Node) string {
	if len(r.failedTests) == 0 {
		return ""
	}
	id := n.ID
	if n.Kind == "unit_test" {
		id = n.DependsOn[0]
	}
	up := r.plan.graph.Ancestors(id)
	if n.Kind == "unit_test" {
		// the unit test runs before its model, on what the model reads
		delete(up, id)
	}
	for _, t := range r.failedTests {
		parents := r.plan.graph.Parents(t)
		all := len(parents) > 0
		for _, p := range parents {
			all = all && up[p]
		}
		if !all {
			continue
		}
		if len(parents) == 1 {
			return r.plan.graph.Node(parents[0]).Name
		}
		if test := r.plan.tests[t]; test != nil {
			return strings.TrimPrefix(test.Model, "source:")
		}
		return r.plan.graph.Node(t).Name
	}
	return ""
}
