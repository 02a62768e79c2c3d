package jinja

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// adapter is dbt's adapter object for SQLite: dispatch, quote and
// get_columns_in_relation.
func (e *Env) adapter() attrs {
	return attrs{
		"dispatch":                e.dispatch,
		"quote":                   func(a *exec.VarArgs) string { return e.quote(argString(a, 0)) },
		"get_columns_in_relation": e.columnsInRelation,
		// the adapter's own takes the SQL as given; the macro of that
		// name wraps it in a query of no rows first
		"get_column_schema_from_query": e.columnSchemaFromQuery,
		"get_relation":                 e.getRelation,
		"drop_relation":                e.dropRelation,
		"create_schema":                e.createSchema,
		"drop_schema":                  e.dropSchema,
		"check_schema_exists":          e.checkSchemaExists,
		"truncate_relation":            e.truncateRelation,
		"rename_relation":              e.renameRelation,
		"execute":                      e.adapterExecute,
		"type":                         func(*exec.VarArgs) string { return e.targetType() },
		// Each statement here is applied as it runs: there is no open
		// transaction to commit, and a target column's type never needs
		// widening, as SQLite's columns take any value.
		"commit":                     func(*exec.VarArgs) *exec.Value { return noneValue() },
		"expand_target_column_types": func(*exec.VarArgs) *exec.Value { return noneValue() },
	}
}

// dropSchema is adapter.drop_schema(relation): the relation's schema and
// everything in it are gone afterwards, as dbt's drop schema if exists
// ... cascade leaves it.
func (e *Env) dropSchema(a *exec.VarArgs) (*exec.Value, error) {
	if _, err := e.relationArg(a, 0, "relation", "adapter.drop_schema()"); err != nil {
		return nil, err
	}
	// the schema as dbt names it, which DROP SCHEMA reads
	schema, _ := arg(a, 0, "relation").GetAttribute("schema")
	if _, err := e.queryAs("adapter.drop_schema", "drop schema if exists "+e.quote(schema.String())+" cascade"); err != nil {
		return nil, err
	}
	return noneValue(), nil
}

// checkSchemaExists is adapter.check_schema_exists(database, schema):
// whether INFORMATION_SCHEMA.SCHEMATA of the target's database lists the
// schema, named as dbt names it (any case); another database has none.
func (e *Env) checkSchemaExists(a *exec.VarArgs) (*exec.Value, error) {
	database, schema := arg(a, 0, "database"), arg(a, 1, "schema")
	if schema == nil || !schema.IsString() {
		return nil, e.fail("adapter.check_schema_exists() takes a database and a schema name", "")
	}
	if e.cur == nil || !e.cur.Execute {
		return exec.AsValue(false), nil
	}
	if database != nil && database.IsString() && database.String() != "" && !strings.EqualFold(database.String(), e.cur.Target.Database) {
		return exec.AsValue(false), nil
	}
	name := strings.ReplaceAll(schema.String(), "'", "''")
	rows, err := e.queryAs("adapter.check_schema_exists", "select count(*) from information_schema.schemata where lower(schema_name) = lower('"+name+"')")
	if err != nil {
		return nil, err
	}
	n := int64(0)
	if len(rows.Rows) > 0 && len(rows.Rows[0]) > 0 {
		n, _ = rows.Rows[0][0].(int64)
	}
	return exec.AsValue(n > 0), nil
}

// truncateRelation is adapter.truncate_relation(relation): the table keeps
// its columns and loses its rows.
func (e *Env) truncateRelation(a *exec.VarArgs) (*exec.Value, error) {
	rel, err := e.relationArg(a, 0, "relation", "adapter.truncate_relation()")
	if err != nil {
		return nil, err
	}
	if _, err := e.queryAs("adapter.truncate_relation", "delete from "+rel.String()); err != nil {
		return nil, err
	}
	return noneValue(), nil
}

// renameRelation is adapter.rename_relation(from_relation, to_relation):
// the table takes the new identifier in its schema.
func (e *Env) renameRelation(a *exec.VarArgs) (*exec.Value, error) {
	from, err := e.relationArg(a, 0, "from_relation", "adapter.rename_relation()")
	if err != nil {
		return nil, err
	}
	to, err := e.relationArg(a, 1, "to_relation", "adapter.rename_relation()")
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(from.Schema, to.Schema) {
		return nil, e.fail(fmt.Sprintf("adapter.rename_relation() moves %s to another schema (%s), which is not supported here", from, to),
			"rename within the schema, or create the table in the other schema: create table ... as select * from ...")
	}
	if v := arg(a, 0, "from_relation"); v != nil {
		if r, ok := v.Interface().(relValue); ok && r.typ == "view" {
			return nil, e.fail(fmt.Sprintf("adapter.rename_relation() renames a table here, and %s is a view", from),
				"create the view again under the new name")
		}
	}
	if _, err := e.queryAs("adapter.rename_relation", "alter table "+from.String()+" rename to "+quoteIfNeeded(to.Name)); err != nil {
		return nil, err
	}
	return noneValue(), nil
}

// adapterExecute is adapter.execute(sql, auto_begin=False, fetch=False):
// runs the SQL and answers (response, table), the table empty unless
// fetch is true, as dbt's does.
func (e *Env) adapterExecute(a *exec.VarArgs) (*exec.Value, error) {
	sql := arg(a, 0, "sql")
	if sql == nil || sql.IsNil() {
		return nil, e.fail("adapter.execute() needs the SQL to run", "write adapter.execute(sql, fetch=True)")
	}
	rows, err := e.queryAs("adapter.execute", sql.String())
	if err != nil {
		return nil, err
	}
	if rows == nil {
		rows = &Rows{}
	}
	fetched := &Rows{Columns: rows.Columns}
	if f := arg(a, 2, "fetch"); f != nil && f.IsTrue() {
		fetched = rows
	}
	response := attrs{"code": "SELECT", "rows_affected": len(rows.Rows), "_message": "OK"}
	return exec.AsValue([]any{response, newTable(fetched)}), nil
}

func argString(a *exec.VarArgs, i int) string {
	if i < len(a.Args) {
		return a.Args[i].String()
	}
	return ""
}

func (e *Env) targetType() string {
	if e.cur != nil && e.cur.Target.Type != "" {
		return e.cur.Target.Type
	}
	return "sqlite"
}

// adapterParents are the adapters an adapter inherits macros from, as
// dbt-redshift builds on dbt-postgres: dispatch tries their prefixes after
// the adapter's own and before default__.
var adapterParents = map[string][]string{"redshift": {"postgres"}, "databricks": {"spark"}}

// dispatch is adapter.dispatch(name, macro_namespace), searched as dbt
// does: the packages of the namespace's dispatch: search order in
// dbt_project.yml, else the root project then the namespace when it names a
// package, else the names visible where dispatch is called (the caller's
// package, then the root project); in each package <target type>__name,
// the adapter's parents', then default__name.
func (e *Env) dispatch(ev *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
	name := argString(a, 0)
	if name == "" {
		return nil, e.fail("adapter.dispatch() needs a macro name", "")
	}
	if pkg, macro, ok := strings.Cut(name, "."); ok {
		return nil, e.fail(fmt.Sprintf("adapter.dispatch got the macro name %q, but \".\" is not valid in a macro name", name),
			fmt.Sprintf("write adapter.dispatch('%s', macro_namespace='%s')", macro, pkg))
	}
	ns := argString(a, 1)
	if v, ok := a.KwArgs["macro_namespace"]; ok && !v.IsNil() {
		ns = v.String()
	}
	search := e.searchPackages(ns)
	if v, ok := a.KwArgs["packages"]; ok && v.IsList() && v.Len() > 0 {
		search = nil
		for i := 0; i < v.Len(); i++ {
			search = append(search, v.Index(i).String())
		}
	}
	typ := e.targetType()
	prefixes := append(append([]string{typ}, adapterParents[typ]...), "default")
	var tried []string
	for _, pkg := range search {
		for _, prefix := range prefixes {
			candidate := prefix + "__" + name
			if pkg == "" {
				tried = append(tried, candidate)
				if v, ok := ev.Environment.Context.Get(candidate); ok && exec.ToValue(v).IsCallable() {
					return exec.AsValue(v), nil
				}
				continue
			}
			tried = append(tried, pkg+"."+candidate)
			if members := e.packageMacros(pkg); members != nil {
				if v, ok := members[candidate]; ok {
					return exec.AsValue(v), nil
				}
			}
		}
	}
	where := ""
	if ns != "" {
		where = fmt.Sprintf(" within namespace %q", ns)
	}
	return nil, e.fail(fmt.Sprintf("adapter.dispatch found no macro %q%s (target type %s); searched %s", name, where, typ, strings.Join(tried, ", ")),
		fmt.Sprintf("define %s__%s or default__%s, or list the package that has it in dispatch: of dbt_project.yml", typ, name, name))
}

// searchPackages is the list of packages dispatch searches for a
// macro_namespace; "" stands for the names visible from the caller.
func (e *Env) searchPackages(ns string) []string {
	if ns == "" {
		// then dbt's own macros, as dbt searches its internal packages
		return []string{"", "dbt"}
	}
	if order, ok := e.dispatchOrder[ns]; ok && len(order) > 0 {
		return order
	}
	if e.packageMacros(ns) != nil {
		return []string{e.rootName, ns}
	}
	return []string{""}
}

// packageMacros are the macros of a package by name, the root project's
// under its own name; nil when no such package is loaded.
func (e *Env) packageMacros(pkg string) map[string]any {
	if pkg == "" {
		return nil
	}
	if pkg == e.rootName {
		if ns := e.namespaces[""]; ns != nil {
			return ns.members
		}
		return map[string]any{}
	}
	if ns := e.namespaces[pkg]; ns != nil {
		return ns.members
	}
	if pkg == "dbt_utils" {
		return e.dbtUtils().members
	}
	if pkg == "dbt" {
		if v, ok := e.globals.Get("dbt"); ok {
			if ns, ok := v.(*namespaceValue); ok {
				return ns.members
			}
		}
	}
	return nil
}

// getRelation is adapter.get_relation(database, schema, identifier): the
// relation, of its type (table or view), when it exists, else none (always
// none while the project is parsed, as nothing is built yet).
func (e *Env) getRelation(a *exec.VarArgs) (*exec.Value, error) {
	schema, name := arg(a, 1, "schema"), arg(a, 2, "identifier")
	if schema == nil || name == nil || schema.IsNil() || name.IsNil() {
		return nil, e.fail("adapter.get_relation() needs a schema and an identifier",
			"write adapter.get_relation(database=target.database, schema='s', identifier='t')")
	}
	database := ""
	if d := arg(a, 0, "database"); d != nil && !d.IsNil() {
		database = d.String()
	}
	if e.cur != nil && e.cur.SourceSchema != nil {
		if s, ok := e.cur.SourceSchema(database, schema.String(), name.String()); ok {
			// a source's table: named as asked, as dbt finds it
			rel := Relation{Schema: s, Name: name.String()}
			if cols, err := e.columns(rel); err != nil || len(cols) == 0 {
				return noneValue(), err
			}
			return exec.AsValue(relValue{Relation: rel, schema: schema.String(), database: cmp.Or(database, e.cur.Target.Database), warehouse: e.cur.Target.Type, typ: e.relationType(rel)}), nil
		}
	}
	rel := Relation{Schema: e.sqliteSchema(schema.String()), Name: name.String()}
	cols, err := e.columns(rel)
	if err != nil || len(cols) == 0 {
		return noneValue(), err
	}
	v := e.nodeRel(rel)
	v.typ = e.relationType(rel)
	return exec.AsValue(v), nil
}

// relationType is dbt's type of rel, which exists: the warehouse's
// catalog knows each relation's.
func (e *Env) relationType(rel Relation) string {
	if e.cur == nil || e.cur.RelationType == nil {
		return "table"
	}
	return e.cur.RelationType(rel.Schema, rel.Name)
}

// dropRelation is adapter.drop_relation(relation): drop <type> if exists,
// run like run_query. dbt drops only a relation whose type it knows
// (this.incorporate(type='table')), and nothing while parsing.
func (e *Env) dropRelation(a *exec.VarArgs) (*exec.Value, error) {
	v := arg(a, 0, "relation")
	if v == nil || v.IsNil() {
		return nil, e.fail("adapter.drop_relation() needs a relation", "pass ref('model') or this.incorporate(type='table')")
	}
	r, ok := v.Interface().(relValue)
	if !ok {
		return nil, e.fail(fmt.Sprintf("adapter.drop_relation() needs a relation, got %s", v.String()), "pass ref('model') or this.incorporate(type='table')")
	}
	switch r.typ {
	case "table", "view":
	case "":
		return nil, e.fail(fmt.Sprintf("Tried to drop relation %s, but its type is null.", r.String()),
			"give it its type: adapter.drop_relation(this.incorporate(type='table'))")
	default:
		return nil, e.fail(fmt.Sprintf("adapter.drop_relation() drops a table or a view, not a relation of type %q", r.typ), "")
	}
	// a view model's rows are stored in a table, which the translation of
	// drop view drops (dialect/view_models.go)
	if _, err := e.queryAs("adapter.drop_relation", "drop "+r.typ+" if exists "+r.String()); err != nil {
		return nil, err
	}
	return noneValue(), nil
}

// createSchema is adapter.create_schema(relation): the relation's schema
// exists afterwards, as dbt's create schema if not exists leaves it.
func (e *Env) createSchema(a *exec.VarArgs) (*exec.Value, error) {
	rel, err := e.relationArg(a, 0, "relation", "adapter.create_schema()")
	if err != nil {
		return nil, err
	}
	if e.cur == nil || e.cur.CreateSchema == nil {
		return nil, e.unavailable("adapter.create_schema", "CreateSchema")
	}
	if err := e.cur.CreateSchema(rel.Schema); err != nil {
		return nil, e.failErr(err)
	}
	return noneValue(), nil
}

// columnsInRelation is adapter.get_columns_in_relation(relation). While
// the project is parsed it answers no columns whatever it is given, as
// dbt's parse does (a relation adapter.get_relation did not find is None
// then).
func (e *Env) columnsInRelation(a *exec.VarArgs) (*exec.Value, error) {
	if e.cur == nil || !e.cur.Execute {
		return exec.AsValue(&[]any{}), nil
	}
	rel, err := e.relationArg(a, 0, "relation", "adapter.get_columns_in_relation()")
	if err != nil {
		return nil, err
	}
	cols, err := e.columns(rel)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = columnValue{Column: c, quote: e.quote, bigQuery: e.targetType() == "bigquery", snowflake: e.targetType() == "snowflake", schema: true}
	}
	return exec.AsValue(&out), nil
}

// columnSchemaFromQuery is get_column_schema_from_query(select_sql,
// select_sql_header=none), dbt's macro and the adapter's method: the
// columns the query gives, as get_columns_in_relation gives a relation's
// (name, dtype, data_type, ...). While the project is parsed it answers
// no columns, as dbt's parse does.
func (e *Env) columnSchemaFromQuery(a *exec.VarArgs) (*exec.Value, error) {
	q := arg(a, 0, "select_sql")
	if q == nil || !q.IsString() {
		return nil, e.fail("get_column_schema_from_query() needs the query's SQL", "write get_column_schema_from_query('select ...')")
	}
	if e.cur == nil || !e.cur.Execute {
		return exec.AsValue(&[]any{}), nil
	}
	sql := q.String()
	if h := arg(a, 1, "select_sql_header"); h != nil && !h.IsNil() && h.String() != "" {
		sql = h.String() + "\n" + sql
	}
	if e.cur.QueryColumns == nil {
		return nil, e.unavailable("get_column_schema_from_query", "QueryColumns")
	}
	cols, err := e.cur.QueryColumns(sql)
	if err != nil {
		return nil, e.failErr(err)
	}
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = columnValue{Column: c, quote: e.quote, bigQuery: e.targetType() == "bigquery", snowflake: e.targetType() == "snowflake", schema: true}
	}
	return exec.AsValue(&out), nil
}

// columns asks Context.Columns. While the project is parsed (Execute false)
// tables may not exist yet, so it answers no columns, as dbt does.
func (e *Env) columns(rel Relation) ([]Column, error) {
	if e.cur == nil || !e.cur.Execute {
		return nil, nil
	}
	if e.cur.Columns == nil {
		return nil, e.unavailable("listing columns", "Columns")
	}
	cols, err := e.cur.Columns(rel)
	if err != nil {
		return nil, e.failErr(err)
	}
	return cols, nil
}

// relationArg reads a relation argument: a ref()/source() result or a
// string "schema.name" / "name".
func (e *Env) relationArg(a *exec.VarArgs, i int, kw, fn string) (Relation, error) {
	v := arg(a, i, kw)
	if v == nil || v.IsNil() {
		return Relation{}, e.fail(fn+" needs a relation", "pass ref('model') or source('src', 'table')")
	}
	return e.toRelation(v, fn)
}

func (e *Env) toRelation(v *exec.Value, fn string) (Relation, error) {
	switch r := v.Interface().(type) {
	case relValue:
		return r.Relation, nil
	case Relation:
		return r, nil
	}
	if v.IsString() {
		s := v.String()
		for i := len(s) - 1; i >= 0; i-- {
			if s[i] == '.' {
				return Relation{Schema: s[:i], Name: s[i+1:]}, nil
			}
		}
		return Relation{Name: s}, nil
	}
	return Relation{}, e.fail(fmt.Sprintf("%s needs a relation, got %s", fn, v.String()), "pass ref('model') or source('src', 'table')")
}
