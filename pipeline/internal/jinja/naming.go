package jinja

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// HasMacro reports whether the root project defines a macro of that name
// (generate_schema_name, generate_alias_name: dbt calls the root's
// override of its own macro when it names a node's relation).
func (e *Env) HasMacro(name string) bool {
	ns := e.namespaces[""]
	if ns == nil {
		return false
	}
	_, ok := ns.members[name]
	return ok
}

// installNaming defines dbt's own naming macros, which a project's
// generate_schema_name and generate_alias_name often call, and which
// templates call to name a schema (generate_schema_name('raw')): bare and
// under dbt., as dbt's global macros are. A root project's macro of the
// same name replaces the bare one.
func (e *Env) installNaming() {
	dbt, _ := e.globals.Get("dbt")
	ns, _ := dbt.(*namespaceValue)
	for name, fn := range map[string]any{
		"default__generate_schema_name":   e.defaultSchemaName,
		"generate_schema_name_for_env":    e.schemaNameForEnv,
		"default__generate_alias_name":    e.defaultAliasName,
		"default__generate_database_name": e.defaultDatabaseName,
		"generate_schema_name":            e.dispatchedNaming("generate_schema_name"),
		"generate_alias_name":             e.dispatchedNaming("generate_alias_name"),
		"generate_database_name":          e.dispatchedNaming("generate_database_name"),
	} {
		e.globals.Set(name, fn)
		if ns != nil {
			ns.members[name] = fn
		}
	}
}

// dispatchedNaming is dbt's generate_<kind>_name(custom=none, node=none):
// adapter.dispatch(name, 'dbt') called with the same arguments, so a root
// project's default__ or <adapter>__ version answers before dbt's own.
func (e *Env) dispatchedNaming(name string) func(*exec.Evaluator, *exec.VarArgs) (*exec.Value, error) {
	return func(ev *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
		fn, err := e.dispatch(ev, &exec.VarArgs{Args: []*exec.Value{exec.AsValue(name), exec.AsValue("dbt")}, KwArgs: map[string]*exec.Value{}})
		if err != nil {
			return nil, err
		}
		custom := argOr(a, 0, "custom_"+strings.TrimPrefix(name, "generate_"))
		return spreadCall(ev, &exec.VarArgs{Args: []*exec.Value{fn, custom, argOr(a, 1, "node")}, KwArgs: map[string]*exec.Value{}})
	}
}

// customName is the first argument of a naming macro (custom_schema_name,
// custom_alias_name), "" for none; node is the second.
func customName(a *exec.VarArgs, name string) (string, map[string]any) {
	custom := ""
	if v := arg(a, 0, name); v != nil && !v.IsNil() {
		custom = strings.TrimSpace(v.String())
	}
	node, _ := fromJinja(argOr(a, 1, "node")).(map[string]any)
	return custom, node
}

func argOr(a *exec.VarArgs, i int, name string) *exec.Value {
	if v := arg(a, i, name); v != nil {
		return v
	}
	return exec.AsValue(nil)
}

func (e *Env) targetField(f func(Target) string) string {
	if e.cur == nil {
		return ""
	}
	return f(e.cur.Target)
}

// defaultSchemaName is dbt's default: the target's schema, followed by
// _custom when the node has a custom schema.
func (e *Env) defaultSchemaName(a *exec.VarArgs) (*exec.Value, error) {
	custom, _ := customName(a, "custom_schema_name")
	schema := e.targetField(func(t Target) string { return t.Schema })
	if custom != "" {
		schema += "_" + custom
	}
	return exec.AsValue(schema), nil
}

// schemaNameForEnv is dbt's generate_schema_name_for_env: the custom
// schema as is on a target named prod, else the target's schema.
func (e *Env) schemaNameForEnv(a *exec.VarArgs) (*exec.Value, error) {
	custom, _ := customName(a, "custom_schema_name")
	if custom != "" && e.targetField(func(t Target) string { return t.Name }) == "prod" {
		return exec.AsValue(custom), nil
	}
	return exec.AsValue(e.targetField(func(t Target) string { return t.Schema })), nil
}

// defaultDatabaseName is dbt's default: the custom database, else the
// target's.
func (e *Env) defaultDatabaseName(a *exec.VarArgs) (*exec.Value, error) {
	if v := arg(a, 0, "custom_database_name"); v != nil && !v.IsNil() {
		return exec.AsValue(v.String()), nil
	}
	return exec.AsValue(e.targetField(func(t Target) string { return t.Database })), nil
}

// defaultAliasName is dbt's default alias: the custom alias, else the
// name, with _v<version> for a versioned model.
func (e *Env) defaultAliasName(a *exec.VarArgs) (*exec.Value, error) {
	custom, node := customName(a, "custom_alias_name")
	if custom != "" {
		return exec.AsValue(custom), nil
	}
	name := fmt.Sprint(node["name"])
	if v, ok := node["version"]; ok && v != nil && fmt.Sprint(v) != "" {
		return exec.AsValue(name + "_v" + strings.ReplaceAll(fmt.Sprint(v), ".", "_")), nil
	}
	return exec.AsValue(name), nil
}

// nodeRel is the relation of a node the project builds (this, ref()) as
// dbt names it: its schema is dbtSchema of the SQLite schema it is built
// in, its database the target's.
func (e *Env) nodeRel(r Relation) relValue {
	v := relValue{Relation: r}
	if e.cur != nil {
		v.schema, v.database, v.warehouse = e.dbtSchema(r.Schema), e.cur.Target.Database, e.cur.Target.Type
	}
	return v
}

// dbtSchema is the schema dbt gives a node built here in SQLite schema s.
func (e *Env) dbtSchema(s string) string {
	if e.cur == nil {
		return s
	}
	return e.DBTSchema(e.cur.Target, e.cur.SchemasAsWritten, s)
}

// DBTSchema is the schema dbt gives a node built here in SQLite schema s
// under target t (this.schema, graph.nodes[...].schema). Without the root
// project's generate_schema_name, dbt's default names the target's schema,
// or <target schema>_<custom> for a node with a custom schema, which the
// playground builds in schema <custom> (main for none); the root's macro
// answers the name the playground builds in. A schema of asWritten (a
// snapshot's target_schema) is its name as written.
func (e *Env) DBTSchema(t Target, asWritten []string, s string) string {
	switch {
	case e.HasMacro("generate_schema_name") || t.Schema == "" || s == "temp" || slices.Contains(asWritten, s):
		return s
	case s == "" || s == "main":
		return t.Schema
	}
	return t.Schema + "_" + s
}

// sqliteSchema is the SQLite schema of a schema a template names as dbt
// does (adapter.get_relation(schema=this.schema, ...)), as the context's
// Schema gives it.
func (e *Env) sqliteSchema(s string) string {
	if e.cur == nil || e.cur.Schema == nil {
		return s
	}
	return e.cur.Schema(s)
}
