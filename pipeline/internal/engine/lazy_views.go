package engine

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// A warehouse creates a view without computing its rows: a view whose
// query fails on some row's values (a CAST of text that is no number, a
// division by zero) is created, and fails only where a query reads those
// values. The playground stores a view model as a table of its rows, which
// computes every value. Where that fails on a row's values
// (sqlfunc.DataFailure), the model is a temporary view of its query
// instead, named by the relation's name: the translator reads the
// relation there (Options.Temporary), so a model or test reading the view
// runs its query as the warehouse does, failing where it reads a failing
// value and giving the rows where it does not. Temporary views last as
// long as the connection: the query is kept in main._nexus_lazy_views,
// from which each command makes them again.

const lazyViewsTable = "CREATE TABLE IF NOT EXISTS main._nexus_lazy_views (relation TEXT PRIMARY KEY, schema TEXT NOT NULL, name TEXT NOT NULL, sql TEXT NOT NULL)"

// lazyView makes the view model rel, whose table failed with err, a
// temporary view of its translated query sql, when err is a failure of a
// row's values in a warehouse's dialect and no other temporary relation
// has the name; it tells whether it did.
func (r *runner) lazyView(rel jinja.Relation, sql string, err error) bool {
	if r.plan.dialect == dialect.SQLite || r.ctx.Err() != nil {
		return false
	}
	if l, what := sqlfunc.LineOf(cleanSQLiteError(err)); l <= 0 || !sqlfunc.DataFailure(what) {
		return false
	}
	k := relKey(rel.Schema, rel.Name)
	if !r.lazy[k] {
		q, qerr := r.db.Query(r.ctx, "SELECT 1 FROM temp.sqlite_schema WHERE name = "+store.Quote(rel.Name)+" COLLATE NOCASE", 1)
		if qerr != nil || len(q.Rows) > 0 {
			return false
		}
	}
	qrel := store.Rel(rel.Schema, rel.Name)
	stmt := fmt.Sprintf("SAVEPOINT model; %s; DROP VIEW IF EXISTS temp.%s; CREATE TEMP VIEW %s AS\n%s\n;\n%s; INSERT OR REPLACE INTO main._nexus_lazy_views VALUES (%s, %s, %s, %s); RELEASE model",
		r.dropOld(k, qrel), store.Ident(rel.Name), store.Ident(rel.Name), sql, lazyViewsTable,
		store.Quote(k), store.Quote(rel.Schema), store.Quote(rel.Name), store.Quote(sql))
	if err := r.db.Exec(r.ctx, stmt); err != nil {
		if !r.db.Conn().GetAutocommit() {
			r.db.Exec(r.ctx, "ROLLBACK TO model; RELEASE model")
		}
		return false
	}
	r.markLazy(rel.Schema, rel.Name)
	return true
}

// markLazy notes that schema.name is read from its temporary view.
func (r *runner) markLazy(schema, name string) {
	if r.lazy == nil {
		r.lazy = map[string]bool{}
	}
	if r.temps == nil {
		r.temps = map[string]bool{}
	}
	k := relKey(schema, name)
	r.lazy[k], r.temps[k] = true, true
}

// unlazy forgets the temporary view of relation rel, which a model built as a
// table again.
func (r *runner) unlazy(rel jinja.Relation) {
	k := relKey(rel.Schema, rel.Name)
	if !r.lazy[k] {
		return
	}
	delete(r.lazy, k)
	delete(r.temps, k)
	r.db.Exec(r.ctx, fmt.Sprintf("DROP VIEW IF EXISTS temp.%s; DELETE FROM main._nexus_lazy_views WHERE relation = %s", store.Ident(rel.Name), store.Quote(k)))
}

// loadLazyViews makes again the temporary views an earlier command made
// of view models whose rows fail, for the models it builds, and of views
// statements made across schemas (crossViews): one whose table or schema
// is gone is forgotten.
func (r *runner) loadLazyViews() {
	q, err := r.db.Query(r.ctx, "SELECT relation, schema, name, sql FROM main._nexus_lazy_views ORDER BY relation", 0)
	if err != nil {
		return // none were made
	}
	views := map[string]bool{}
	for _, name := range r.plan.viewModels() {
		views[name] = true
	}
	models := r.plan.modelRelations()
	for _, row := range q.Rows {
		k, schema, name, sql := fmt.Sprint(row[0]), fmt.Sprint(row[1]), fmt.Sprint(row[2]), fmt.Sprint(row[3])
		// a view model's, or a view a statement made (no model's relation)
		if (views[k] || !models[k]) && !strings.EqualFold(schema, "temp") && (schema == "main" || r.db.HasSchema(schema)) && !r.tableExists(jinja.Relation{Schema: schema, Name: name}) {
			r.loadViewFiles(sql)
			if r.db.Exec(r.ctx, remakeLazyView(name, sql)) == nil {
				r.markLazy(schema, name)
				continue
			}
		}
		r.db.Exec(r.ctx, "DELETE FROM main._nexus_lazy_views WHERE relation = "+store.Quote(k))
	}
}

var warehouseTitle = map[dialect.Dialect]string{dialect.BigQuery: "BigQuery", dialect.Snowflake: "Snowflake", dialect.DuckDB: "DuckDB"}

// lazyReads names the view models made as their query (lazy) that node n
// reads, itself or through the views and ephemeral models it reads, as
// "view name (file)".
func (r *runner) lazyReads(n *graph.Node) []string {
	if len(r.lazy) == 0 {
		return nil
	}
	var out []string
	for id := range r.plan.graph.Ancestors(n.ID) {
		a := r.plan.graph.Node(id)
		if a == nil || a.Kind != "model" {
			continue
		}
		if k, _ := r.plan.nodeRel(a); r.lazy[k] {
			out = append(out, fmt.Sprintf("view %s (%s)", a.Name, a.Path))
		}
	}
	sort.Strings(out)
	return out
}

// queryLazyViews makes the temporary views of the view models a build
// made as their query (where a build in another process made them) for a
// query of the built tables, and lists them by relKey.
func queryLazyViews(ctx context.Context, db *store.DB) map[string]bool {
	q, err := db.Query(ctx, "SELECT relation, name, sql FROM main._nexus_lazy_views", 0)
	if err != nil || len(q.Rows) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, row := range q.Rows {
		k, name, sql := fmt.Sprint(row[0]), fmt.Sprint(row[1]), fmt.Sprint(row[2])
		if db.Exec(ctx, remakeLazyView(name, sql)) == nil {
			out[k] = true
		}
	}
	return out
}

// A view a hook, a macro's query or an operation creates (CREATE [OR
// REPLACE] VIEW s.v AS ...) may read a table of another schema, or a CSV
// file's table or a temporary table, which SQLite keeps in temp: the
// warehouse makes it, SQLite refuses a view of one attached database
// reading another. Such a view is made as a lazy view is, a temporary view
// named by the relation's name that later statements read for s.v
// (Options.Temporary), kept in main._nexus_lazy_views, from which later
// commands make it again.

// crossViewRefused is SQLite's refusal of a view reading another database.
var crossViewRefused = regexp.MustCompile(`view (.+) cannot reference objects in database \S+`)

// createView is the start of a CREATE VIEW statement as translated.
var createView = regexp.MustCompile(`(?is)^(?:\s|--[^\n]*\n|/\*.*?\*/)*create\s+view\b`)

// crossViews marks the views the statements of tr create that SQLite
// would refuse for reading another database as temporary and translates
// sql again, so it creates them in temp; tr is kept when there are none.
func (r *runner) crossViews(sql string, tr translation, place func(*diag.Diagnostic, int, int)) (translation, error) {
	if r.plan.dialect == dialect.SQLite || len(tr.created) == 0 {
		return tr, nil
	}
	marked := false
	for rest := tr.sql; rest != ""; {
		stmt := rest
		if i := store.SecondStatement(rest); i >= 0 {
			stmt, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if !createView.MatchString(stmt) {
			continue
		}
		_, err := r.db.PrepareError(stmt)
		m := crossViewRefused.FindStringSubmatch(fmt.Sprint(err))
		if err == nil || m == nil {
			continue
		}
		name := strings.Trim(m[1], `"`)
		for _, c := range tr.created {
			if c.Home == "" && strings.EqualFold(c.Table, name) && !strings.EqualFold(c.Schema, "temp") {
				r.markLazy(cmp.Or(c.Schema, "main"), c.Table)
				marked = true
			}
		}
	}
	if !marked {
		return tr, nil
	}
	return r.translateWith(sql, place)
}

// keepCrossViews checks the temporary views the statements of tr made for
// relations of other schemas (crossViews), as the warehouse checks a view
// it creates, and keeps their SQL for later commands.
func (r *runner) keepCrossViews(tr translation) error {
	if len(r.lazy) == 0 {
		return nil
	}
	models := r.plan.modelRelations()
	for _, c := range tr.created {
		k := relKey(cmp.Or(c.Schema, "main"), c.Table)
		if c.Home != "" || !r.lazy[k] || models[k] {
			continue
		}
		q, err := r.db.Query(r.ctx, "SELECT sql FROM temp.sqlite_schema WHERE type = 'view' AND name = "+store.Quote(c.Table)+" COLLATE NOCASE", 1)
		if err != nil || len(q.Rows) == 0 {
			continue
		}
		if _, err := r.db.Query(r.ctx, "SELECT * FROM temp."+store.Ident(c.Table)+" LIMIT 0", 0); err != nil {
			r.db.Exec(r.ctx, "DROP VIEW IF EXISTS temp."+store.Ident(c.Table))
			delete(r.lazy, k)
			delete(r.temps, k)
			return fmt.Errorf("view %s.%s: %s", cmp.Or(c.Schema, "main"), c.Table, cleanSQLiteError(err))
		}
		// SQLite keeps the statement without the view's schema
		create, ok := strings.CutPrefix(fmt.Sprint(q.Rows[0][0]), "CREATE VIEW ")
		if !ok {
			continue
		}
		schema := cmp.Or(c.Schema, "main")
		if err := r.db.Exec(r.ctx, fmt.Sprintf("%s; INSERT OR REPLACE INTO main._nexus_lazy_views VALUES (%s, %s, %s, %s)",
			lazyViewsTable, store.Quote(k), store.Quote(schema), store.Quote(c.Table), store.Quote(tempViewPrefix+create))); err != nil {
			return err
		}
	}
	return nil
}

// tempViewPrefix opens the SQL main._nexus_lazy_views keeps of a view a
// statement made: its whole CREATE TEMP VIEW statement.
const tempViewPrefix = "CREATE TEMP VIEW "

// remakeLazyView is the SQL that makes the temporary view name again from
// the SQL main._nexus_lazy_views keeps: a view model's query, or the
// whole CREATE VIEW statement of a view a statement made.
func remakeLazyView(name, sql string) string {
	if strings.HasPrefix(sql, tempViewPrefix) {
		return fmt.Sprintf("DROP VIEW IF EXISTS temp.%s; %s;", store.Ident(name), sql)
	}
	return fmt.Sprintf("DROP VIEW IF EXISTS temp.%s; CREATE TEMP VIEW %s AS\n%s\n;", store.Ident(name), store.Ident(name), sql)
}

// fileTableRef names the CSV file a temporary table of a view's SQL holds.
var fileTableRef = regexp.MustCompile(`"` + fileTableName("") + `((?:[^"]|"")+)"`)

// loadViewFiles loads the CSV files whose tables the view SQL sql reads.
func (r *runner) loadViewFiles(sql string) {
	for _, m := range fileTableRef.FindAllStringSubmatch(sql, -1) {
		r.fileTable(strings.ReplaceAll(m[1], `""`, `"`))
	}
}
