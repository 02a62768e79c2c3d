package engine

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// Hooks, as dbt runs them: dbt_project.yml's on-run-start before the first
// node and on-run-end after the last, and a model's pre-hook / post-hook
// configs around its own statement. Each is a Jinja template rendered when
// it runs and translated from the project's dialect like a model.

// onRunStartFailed marks, in runner.bad, a run whose on-run-start failed:
// dbt then skips every node.
const onRunStartFailed = "hook.on-run-start"

// runProjectHooks runs the on-run-start or on-run-end hooks and logs each
// as a step.
func (r *runner) runProjectHooks(key string) {
	hooks, err := r.plan.proj.RunHooks(key)
	if err != nil {
		r.res.fail(diag.From(err, "dbt_project.yml", 0))
		if key == "on-run-start" {
			r.bad[onRunStartFailed] = true
		}
		return
	}
	for i, h := range hooks {
		start := time.Now()
		name := fmt.Sprintf("%s.%s.%d", r.plan.pkgOf(h.Package), key, h.Index)
		step := Step{Kind: "hook", Name: name, File: h.File, Index: i + 1, Total: len(hooks), Status: "OK"}
		src := h.SQL
		if key == "on-run-end" {
			// dbt's on-run-end context: the schemas the run built into,
			// and the results of its nodes.
			src = "{%- set schemas = " + r.builtSchemas() + " -%}" + src
			r.globals = map[string]any{"results": r.results()}
		}
		// A package's hook renders among its own macros and vars.
		r.plan.pkgOfFile[h.File+"\x00"+src] = h.Package
		err := r.runHook(h.File, h.Line, src, &project.Config{}, jinja.Relation{})
		r.globals = nil
		step.Seconds = time.Since(start).Seconds()
		if err != nil {
			d := diag.From(err, h.File, h.Line)
			d.Message = key + " hook " + fmt.Sprint(i) + ": " + d.Message
			step.Status, step.Message = "ERROR", d.Error()
			r.res.fail(d)
			if key == "on-run-start" {
				r.bad[onRunStartFailed] = true
			}
		}
		step.Line = formatHookStep(step)
		r.res.Steps = append(r.res.Steps, step)
		if r.opts.Progress != nil {
			r.opts.Progress(step)
		}
		if err != nil && key == "on-run-start" {
			return
		}
	}
}

// learnStartDefinitions keeps the functions, macros and types the
// on-run-start hooks define, without running the hooks: dbt compile runs
// none, but the SQL compiled here is the SQL as run, whose calls of a
// hook's function are inlined. Each hook renders as dbt parses (execute
// false, no queries run); one that does not render so, or defines
// nothing, is left to the build.
func (r *runner) learnStartDefinitions() {
	hooks, err := r.plan.proj.RunHooks("on-run-start")
	if err != nil {
		return // the build reports it
	}
	for _, h := range hooks {
		r.plan.pkgOfFile[h.File+"\x00"+h.SQL] = h.Package
		ctx := r.plan.contextOf(h.File, h.SQL, &project.Config{}, jinja.Relation{}, false)
		out, err := r.plan.env.Render(h.File, h.SQL, ctx)
		if err != nil {
			continue
		}
		// a definition that fails is the build's to report, where the
		// hook runs; a node calling it fails to compile naming the call
		defs := r.defs()
		_, _ = dialect.TakeDefinitions(r.plan.dialect, out, defs)
		defs.EndScript()
	}
}

func formatHookStep(s Step) string {
	head := fmt.Sprintf("%d of %d %s hook %s ", s.Index, s.Total, s.Status, s.Name)
	return head + strings.Repeat(".", max(4, 80-len(head))) + fmt.Sprintf(" [%.2fs]", s.Seconds)
}

// runHook renders one hook, translates it and runs it. line is where the
// hook's text starts in file, so errors point into it.
func (r *runner) runHook(file string, line int, src string, cfg *project.Config, this jinja.Relation) error {
	if r.hist != nil {
		r.hist.hooks++
	}
	out, err := r.render(file, src, cfg, this)
	if err != nil {
		return shiftLine(err, file, line)
	}
	out = project.HookText(out)
	rendered := out
	// DuckDB's CREATE MACRO, CREATE TYPE and SET, and BigQuery's and
	// Snowflake's CREATE FUNCTION in SQL, define names for the SQL that
	// follows; the plan keeps them (a BigQuery TEMP function while the
	// hook's script runs).
	defs := r.defs()
	defer defs.EndScript()
	if out, err = dialect.TakeDefinitions(r.plan.dialect, out, defs); err != nil {
		return shiftLine(diag.From(err, file, 0), file, line)
	}
	if out, err = r.createSchemas(out); err != nil {
		return shiftLine(diag.From(err, file, 0), file, line)
	}
	place := r.placeIn(file, src, out)
	tr, err := r.translateWith(out, place)
	if err == nil {
		tr, err = r.crossViews(out, tr, place)
	}
	if err != nil {
		return shiftLine(err, file, line)
	}
	if !blankSQL(tr.sql) {
		if err := r.db.Exec(r.ctx, tr.sql); err != nil {
			return diag.Errorf(file, line, "%s", cleanSQLiteError(err))
		}
		r.keepCreated(tr.created)
		if err := r.keepCrossViews(tr); err != nil {
			return diag.Errorf(file, line, "%s", err)
		}
	}
	r.reportRendered(Rendered{Kind: "hook", Name: file, SQL: rendered})
	return nil
}

// createSchemas makes the schemas sql's CREATE SCHEMA statements name
// and returns the rest of sql. A schema dbt names for the target (the
// target's own, <target>_<custom>) is the SQLite schema the models build
// in; another is made under its own name, which later SQL then names.
// Without IF NOT EXISTS an existing schema is an error, as the warehouses
// give it.
func (r *runner) createSchemas(sql string) (string, error) {
	sql, err := r.dropSchemas(sql)
	if err != nil {
		return "", err
	}
	rest, creates, err := dialect.TakeSchemaCreates(r.plan.dialect, sql)
	if err != nil {
		return "", err
	}
	for _, c := range creates {
		fail := func(msg, hint string) error {
			return &diag.Diagnostic{Severity: diag.Error, Line: c.Line, Col: c.Col, Message: msg, Hint: hint}
		}
		schema, err := r.hookSchema("CREATE", c.Database, c.Schema)
		if err != nil {
			return "", fail(err.Error(), "create schemas of the target's database only: the project's SQL touches its own database")
		}
		if r.db.HasSchema(schema) {
			switch {
			case c.OrReplace:
				// Snowflake's OR REPLACE: the schema is made anew, empty
				if err := r.dropRelationsOf(schema); err != nil {
					return "", fail(err.Error(), "")
				}
			case !c.IfNotExists:
				return "", fail("schema "+c.Schema+" already exists", "write CREATE SCHEMA IF NOT EXISTS")
			default:
				continue
			}
		}
		if err := r.db.EnsureSchema(schema); err != nil {
			return "", fail(err.Error(), "")
		}
		if c.CloneSchema != "" {
			if err := r.cloneSchema(c.CloneDatabase, c.CloneSchema, schema); err != nil {
				return "", fail(err.Error(), "clone a schema of the target's database that the build or a hook made")
			}
		}
	}
	return rest, nil
}

// cloneSchema copies the tables and views of the schema named database.name
// (as CREATE SCHEMA names it) into the SQLite schema into, each a table of
// the same rows and the static types the build knew, as Snowflake's CLONE
// copies them as they are now.
func (r *runner) cloneSchema(database, name, into string) error {
	from, err := r.hookSchema("CLONE", database, name)
	if err != nil {
		return err
	}
	if !r.db.HasSchema(from) {
		return fmt.Errorf("schema %s does not exist", name)
	}
	rels, err := r.relationsOf(from)
	if err != nil {
		return err
	}
	for _, t := range rels {
		if strings.HasPrefix(t.Name, "_nexus_") {
			continue // the engine's own bookkeeping
		}
		if err := r.db.Exec(r.ctx, "CREATE TABLE "+store.Ident(into)+"."+store.Ident(t.Name)+" AS SELECT * FROM "+store.Ident(from)+"."+store.Ident(t.Name)); err != nil {
			return err
		}
		if types, ok := r.types[relKey(from, t.Name)]; ok {
			r.types[relKey(into, t.Name)] = types
		}
	}
	return nil
}

// relationsOf lists the tables and views of the SQLite schema schema.
func (r *runner) relationsOf(schema string) ([]store.Table, error) {
	all, err := r.db.Relations(r.ctx, "%", "%", "")
	if err != nil {
		return nil, err
	}
	var rels []store.Table
	for _, t := range all {
		if t.Schema == schema {
			rels = append(rels, t)
		}
	}
	return rels, nil
}

// dropRelationsOf drops the tables and views of the SQLite schema schema.
func (r *runner) dropRelationsOf(schema string) error {
	rels, err := r.relationsOf(schema)
	if err != nil {
		return err
	}
	for _, t := range rels {
		kind := "TABLE"
		if strings.EqualFold(t.Kind, "view") {
			kind = "VIEW"
		}
		if err := r.db.Exec(r.ctx, "DROP "+kind+" IF EXISTS "+store.Ident(t.Schema)+"."+store.Ident(t.Name)); err != nil {
			return err
		}
		delete(r.types, relKey(t.Schema, t.Name))
	}
	return nil
}

// hookSchema is the SQLite schema of a schema a CREATE or DROP SCHEMA
// names: the target's own is main, <target>_<custom> is <custom>, as a
// model of that custom schema builds in it, so that dbt's name of it
// (this.schema, INFORMATION_SCHEMA's table_schema) is the name written;
// another is its own name. A schema of another database is an error.
func (r *runner) hookSchema(verb, database, name string) (string, error) {
	if database != "" && !strings.EqualFold(database, r.plan.target.Database) {
		return "", fmt.Errorf("%s SCHEMA %s.%s names a database other than the target's (%s)", verb, database, name, r.plan.target.Database)
	}
	return r.sqliteSchema(name), nil
}

// sqliteSchema is the SQLite schema of a schema name, as hookSchema reads it.
func (r *runner) sqliteSchema(name string) string {
	if schema, ok := r.dbtSchemas().SQLite("", name); ok {
		return schema
	}
	if n := len(r.plan.target.Schema) + 1; len(name) > n && strings.EqualFold(name[:n], r.plan.target.Schema+"_") {
		custom := strings.ToLower(name[n:])
		if custom != "main" && custom != "temp" && strings.EqualFold(r.plan.env.DBTSchema(r.plan.target, r.plan.schemasAsWritten(), custom), name) {
			return custom
		}
	}
	return name
}

// dropSchemas carries out sql's DROP SCHEMA statements, before its other
// statements, and returns the rest of sql: the schema's tables and views
// are dropped, as the warehouse drops them. Without IF EXISTS a schema
// that is not there is an error; so is one holding relations where the
// statement restricts the drop (RESTRICT, and BigQuery's and DuckDB's
// default; Snowflake's default is CASCADE). A schema is named as CREATE
// SCHEMA names it (the target's own, <target>_<custom>).
func (r *runner) dropSchemas(sql string) (string, error) {
	rest, drops, err := dialect.TakeSchemaDrops(r.plan.dialect, sql)
	if err != nil || len(drops) == 0 {
		return rest, err
	}
	for _, c := range drops {
		fail := func(msg, hint string) error {
			return &diag.Diagnostic{Severity: diag.Error, Line: c.Line, Col: c.Col, Message: msg, Hint: hint}
		}
		schema, err := r.hookSchema("DROP", c.Database, c.Schema)
		if err != nil {
			return "", fail(err.Error(), "drop schemas of the target's database only: the project's SQL touches its own database")
		}
		if !r.db.HasSchema(schema) {
			if c.IfExists {
				continue
			}
			return "", fail("schema "+c.Schema+" does not exist", "write DROP SCHEMA IF EXISTS")
		}
		rels, err := r.relationsOf(schema)
		if err != nil {
			return "", err
		}
		if c.Restrict && len(rels) > 0 {
			return "", fail("schema "+c.Schema+" is not empty (it holds "+rels[0].Name+"), and DROP SCHEMA without CASCADE drops only an empty schema in "+string(r.plan.dialect),
				"write DROP SCHEMA "+c.Schema+" CASCADE to drop its relations with it")
		}
		if err := r.dropRelationsOf(schema); err != nil {
			return "", fail(err.Error(), "")
		}
		if err := r.db.DropSchema(schema); err != nil {
			return "", fail(err.Error(), "")
		}
	}
	return rest, nil
}

// dropSessionTemps drops the temporary tables and views of tables that an
// earlier command's hooks or queries made: each dbt command opens a new
// warehouse session, where they are gone. The engine's own stay: the views
// of ephemeral models (a build may reuse them) and the catalog copy. A
// build lists its relations only when something other than the engine
// wrote since the last (startReuse), so only then can there be any.
func (r *runner) dropSessionTemps(tables []store.Table) {
	var sql strings.Builder
	for _, t := range tables {
		if t.Schema != "temp" || strings.HasPrefix(t.Name, strings.TrimPrefix(ephemeralRef, "temp.")) || strings.HasPrefix(t.Name, "_nexus_") {
			continue
		}
		kind := "TABLE"
		if t.Kind == "view" {
			kind = "VIEW"
		}
		fmt.Fprintf(&sql, "DROP %s IF EXISTS temp.%s;", kind, store.Ident(t.Name))
		if r.exists != nil {
			delete(r.exists, relKey("temp", t.Name))
		}
	}
	if sql.Len() == 0 {
		return
	}
	if err := r.db.Exec(r.ctx, sql.String()); err != nil {
		r.res.fail(&diag.Diagnostic{Severity: diag.Error, Message: "dropping the temporary tables of the last command: " + err.Error()})
	}
}

// checkSchemaKept refuses to build node n into a schema a DROP SCHEMA
// dropped since the run made it: the warehouse has no such schema then.
func (r *runner) checkSchemaKept(n *graph.Node) error {
	key, view := r.plan.nodeRel(n)
	if key == "" || view || n.Kind == "source" {
		return nil
	}
	if schema, _, _ := strings.Cut(key, "."); !r.db.HasSchema(schema) {
		return fmt.Errorf("the schema %s builds in was dropped by a DROP SCHEMA before it was built: create it again (CREATE SCHEMA) or drop it after the nodes that build in it", n.Name)
	}
	return nil
}

// shiftLine moves a diagnostic's line, counted in the hook's text, to the
// file the hook is written in.
func shiftLine(err error, file string, line int) error {
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		return diag.Errorf(file, line, "%s", err.Error())
	}
	c := *d
	c.File = file
	if c.Line > 0 && line > 0 {
		c.Line += line - 1
	} else {
		c.Line = line
	}
	return &c
}

// runHooked runs a model, seed or snapshot between its pre-hooks and
// post-hooks, all in one savepoint: a failing hook leaves its table as it
// was.
func (r *runner) runHooked(n *graph.Node, step *Step, run func(*graph.Node, *Step) error) error {
	var cfg project.Config
	var file, src, pkg string
	var rel jinja.Relation
	switch n.Kind {
	case "model":
		m := r.plan.models[n.Name]
		cfg, file, src, rel, pkg = r.plan.configs[n.Name], m.Path, m.SQL, r.plan.relation(n.Name), m.Package
	case "seed":
		s := r.plan.seeds[n.Name]
		cfg, file, rel, pkg = s.Config, s.Path, seedRelation(s), s.Package
	case "snapshot":
		s := r.plan.snapshots[n.Name]
		cfg, file, src, rel, pkg = s.cfg, s.decl.Path, s.decl.SQL, s.relation(), s.decl.Package
	}
	pre, err := cfg.Hooks("pre")
	if err != nil {
		return diag.Errorf(file, configLine(src, "pre"), "%s", err.Error())
	}
	post, err := cfg.Hooks("post")
	if err != nil {
		return diag.Errorf(file, configLine(src, "post"), "%s", err.Error())
	}
	// An ephemeral model is never run by itself, so neither are its hooks.
	if len(pre)+len(post) == 0 || cfg.Materialized == "ephemeral" {
		return run(n, step)
	}
	r.mustRun[n.ID] = "it has hooks"
	hooks := func(when string, hooks []string) error {
		for i, h := range hooks {
			c := cfg.Clone()
			// A node's hooks render in its package, as the node does:
			// the package's own macros are called by their bare names.
			r.plan.pkgOfFile[file+"\x00"+h] = pkg
			err := r.runHook(file, configLine(src, when+"_hook"), h, &c, rel)
			if err == nil && r.db.Conn().GetAutocommit() {
				err = endedTransaction(file, configLine(src, when+"_hook"))
			}
			if err != nil {
				d := diag.From(err, file, 0)
				d.Message = fmt.Sprintf("%s's %s-hook %d of %d: %s", n.Name, when, i+1, len(hooks), d.Message)
				return d
			}
		}
		return nil
	}
	// A post-hook may change the table after its rows were read: it gets
	// a new version (wroteVersion), not one made from those rows.
	defer delete(r.content, relKey(rel.Schema, rel.Name))
	return r.savepointNamed("hooks", func() error {
		if err := hooks("pre", pre); err != nil {
			return err
		}
		if err := run(n, step); err != nil {
			return err
		}
		return hooks("post", post)
	})
}

// endedTransaction is the error of a hook whose COMMIT or ROLLBACK ended
// the transaction dbt runs a node's hooks in (DuckDB's; Snowflake's and
// BigQuery's own transactions nest). dbt's COMMIT after the node then
// finds none open, and the warehouse fails the node.
func endedTransaction(file string, line int) error {
	return diag.Errorf(file, line, "its COMMIT or ROLLBACK ended the transaction dbt runs the node and its hooks in, and dbt's own COMMIT after them then fails: cannot commit - no transaction is active").
		WithHint("leave the COMMIT out: dbt commits the node's transaction itself")
}

// builtSchemas is the Jinja list of the schemas this run built into, by
// dbt's names.
func (r *runner) builtSchemas() string {
	seen := map[string]bool{}
	var out []string
	for _, st := range r.res.Steps {
		if st.Status != "OK" {
			continue
		}
		var schema string
		switch st.Kind {
		case "model":
			if r.plan.configs[st.Name].Materialized == "ephemeral" {
				continue
			}
			schema = r.plan.relation(st.Name).Schema
		case "seed":
			schema = schemaOf(r.plan.seeds[st.Name].Config)
		case "snapshot":
			schema = r.plan.snapshots[st.Name].relation().Schema
		default:
			continue
		}
		// named as dbt names it (the target's schema, <target>_<custom>),
		// which SQL built from it reads back
		schema = r.plan.env.DBTSchema(r.plan.target, r.plan.schemasAsWritten(), schema)
		if !seen[schema] {
			seen[schema] = true
			out = append(out, strconv.Quote(schema))
		}
	}
	sort.Strings(out)
	return "[" + strings.Join(out, ", ") + "]"
}

// results is dbt's `results` in on-run-end: one result per node the run
// executed, with its node, status (success, error, skipped, pass, fail,
// warn), message, execution_time, timing, failures and adapter_response.
// A result, its node and its timing entries answer to_dict() as dbt's
// objects do.
func (r *runner) results() []any {
	const isoMicro = "2006-01-02T15:04:05.000000Z"
	status := map[string]string{"OK": "success", "ERROR": "error", "SKIP": "skipped", "PASS": "pass", "FAIL": "fail", "WARN": "warn"}
	byName := map[string]*graph.Node{}
	for _, n := range r.plan.graph.Order() {
		name := n.Name
		if n.Kind == "unit_test" {
			name = r.plan.unitStepName(n.ID) // as its step names it
		}
		if k := n.Kind + "\x00" + name; byName[k] == nil {
			byName[k] = n
		}
	}
	var out []any
	for _, st := range r.res.Steps {
		switch st.Kind {
		case "seed", "model", "test", "snapshot", "unit_test":
		default:
			continue
		}
		node := jinja.Object{
			"name": st.Name, "resource_type": jinja.StrEnum(st.Kind), "original_file_path": st.File, "path": st.File,
			"package_name": r.plan.proj.Name,
		}
		if _, name, ok := strings.Cut(st.Name, "::"); ok && st.Kind == "unit_test" {
			node["name"] = name
		}
		if st.Relation != "" {
			node["relation_name"] = st.Relation
		}
		if n := byName[st.Kind+"\x00"+st.Name]; n != nil {
			node["unique_id"], node["package_name"] = n.ID, n.Package
			if g := r.plan.jinjaGraph(); g != nil && g.Nodes[n.ID] != nil {
				node["relation_name"] = g.Nodes[n.ID]["relation_name"] // dbt's name, as graph has it
				// the rest of the node as graph.nodes has it (config,
				// schema, alias, tags, depends_on...), as dbt's result
				// holds the manifest's node
				for k, v := range g.Nodes[n.ID] {
					if _, ok := node[k]; !ok {
						node[k] = v
					}
				}
				if cfg, ok := node["config"].(map[string]any); ok {
					switch n.Kind {
					case "test":
						cfg = withTestConfigDefaults(cfg)
					case "unit_test":
					default:
						cfg = withNodeConfigDefaults(cfg)
					}
					// dbt's config object: what it lacks is None
					node["config"] = jinja.ConfigObject(cfg)
				}
			}
		}
		var failures any
		var message any = st.Message
		if (st.Kind == "test" || st.Kind == "unit_test") && st.Status != "ERROR" && st.Status != "SKIP" {
			// a test that errored or was skipped counted no failures:
			// dbt's result has None there, as packages read it
			failures = st.Rows
		}
		if st.Kind == "test" {
			message = testMessage(st, node)
		}
		if st.Kind == "unit_test" && st.Status == "PASS" {
			message = nil // a failing one's message is its difference
		}
		timing := []any{}
		if span, ok := r.spans[st.Kind+"\x00"+st.Name]; ok {
			// dbt times a node's compile and its execute; here they are one
			timing = append(timing, jinja.Object{"name": "execute",
				"started_at": span[0].UTC().Format(isoMicro), "completed_at": span[1].UTC().Format(isoMicro)})
		}
		out = append(out, jinja.Object{
			"node": node, "status": jinja.StrEnum(status[st.Status]), "message": message, "execution_time": st.Seconds,
			"timing": timing, "failures": failures, "thread_id": "Thread-1",
			"adapter_response": map[string]any{"rows_affected": st.Rows, "_message": st.Status},
		})
	}
	return out
}

// testMessage is a test result's message as dbt's test runner gives it:
// None when it passes, "Got 2 results, configured to fail if != 0" when it
// fails or warns (the condition its error_if or warn_if config gives), and
// the error when it errors.
func testMessage(st Step, node jinja.Object) any {
	cond := func(key string) string {
		if cfg, ok := node["config"].(jinja.ConfigObject); ok {
			if s, ok := cfg[key].(string); ok {
				return s
			}
		}
		return "!= 0"
	}
	got := fmt.Sprintf("%d result", st.Rows)
	if st.Rows != 1 {
		got += "s"
	}
	switch st.Status {
	case "PASS":
		return nil
	case "FAIL":
		return "Got " + got + ", configured to fail if " + cond("error_if")
	case "WARN":
		return "Got " + got + ", configured to warn if " + cond("warn_if")
	}
	return st.Message
}

// withTestConfigDefaults is cfg with every key of dbt's TestConfig that it
// lacks, as a run result's test node has them.
func withTestConfigDefaults(cfg map[string]any) map[string]any {
	out := map[string]any{"database": nil, "meta": map[string]any{}, "group": nil, "store_failures": nil,
		"store_failures_as": nil, "where": nil, "limit": nil, "fail_calc": "count(*)", "warn_if": "!= 0", "error_if": "!= 0"}
	for k, v := range cfg {
		out[k] = v
	}
	return out
}

// withNodeConfigDefaults is cfg with every key of dbt's NodeConfig (a
// model's, seed's or snapshot's) that it lacks, None or empty, as a run
// result's node has them.
func withNodeConfigDefaults(cfg map[string]any) map[string]any {
	out := map[string]any{"full_refresh": nil, "unique_key": nil, "database": nil, "incremental_strategy": nil,
		"on_schema_change": "ignore", "on_configuration_change": "apply", "persist_docs": map[string]any{},
		"quoting": map[string]any{}, "column_types": map[string]any{}, "grants": map[string]any{}, "meta": map[string]any{},
		"packages": []any{}, "pre-hook": []any{}, "post-hook": []any{}, "docs": map[string]any{"show": true, "node_color": nil}}
	for k, v := range cfg {
		out[k] = v
	}
	return out
}
