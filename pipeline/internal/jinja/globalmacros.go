package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// installGlobalMacros defines macros of dbt's global project that packages
// call bare or as dbt.name: load_relation, load_cached_relation,
// should_store_failures, equals and get_column_schema_from_query; the hook
// helpers before_begin, in_transaction and after_commit; and run_query,
// statement and is_incremental, which are bare builtins, as dbt.name too.
func (e *Env) installGlobalMacros() {
	dbt, _ := e.globals.Get("dbt")
	ns, _ := dbt.(*namespaceValue)
	for name, fn := range map[string]func(*exec.VarArgs) (*exec.Value, error){
		"load_relation":                e.loadRelation,
		"load_cached_relation":         e.loadRelation,
		"should_store_failures":        e.shouldStoreFailures,
		"equals":                       e.equals,
		"get_column_schema_from_query": e.columnSchemaFromQuery,
	} {
		e.globals.Set(name, fn)
		if ns != nil {
			ns.members[name] = fn
			ns.members["default__"+name] = fn
		}
	}
	for name, inTransaction := range map[string]bool{"before_begin": false, "in_transaction": true, "after_commit": false} {
		fn := hookConfig(inTransaction)
		e.globals.Set(name, fn)
		if ns != nil {
			ns.members[name] = fn
		}
	}
	for _, name := range []string{"run_query", "statement", "is_incremental"} {
		if fn, ok := e.globals.Get(name); ok && ns != nil {
			ns.members[name] = fn
		}
	}
}

// equals is dbt.equals(expr1, expr2): SQL equality, or, when the project's
// flags set enable_truthy_nulls_equals_macro, equality that takes two NULLs
// as equal.
func (e *Env) equals(a *exec.VarArgs) (*exec.Value, error) {
	x, y := arg(a, 0, "expr1"), arg(a, 1, "expr2")
	if x == nil || y == nil {
		return nil, e.fail("dbt.equals() needs two expressions", "write dbt.equals('a.id', 'b.id')")
	}
	if e.behavior["enable_truthy_nulls_equals_macro"] {
		return exec.AsValue(fmt.Sprintf("case when ((%[1]s = %[2]s) or (%[1]s is null and %[2]s is null)) then 0 else 1 end = 0", x.String(), y.String())), nil
	}
	return exec.AsValue(fmt.Sprintf("(%s = %s)", x.String(), y.String())), nil
}

// loadRelation is load_relation(relation): adapter.get_relation of the
// relation's database, schema and identifier, none when it does not exist.
func (e *Env) loadRelation(a *exec.VarArgs) (*exec.Value, error) {
	v := arg(a, 0, "relation")
	if v == nil || v.IsNil() {
		return nil, e.fail("load_relation() needs a relation", "pass ref('model') or source('src', 'table')")
	}
	if _, ok := v.Interface().(relValue); !ok {
		return nil, e.fail("load_relation() needs a relation, got "+v.String(), "pass ref('model') or source('src', 'table')")
	}
	get := func(attr string) *exec.Value {
		x, _ := v.GetAttribute(attr)
		return x
	}
	return e.getRelation(&exec.VarArgs{
		Args:   []*exec.Value{},
		KwArgs: map[string]*exec.Value{"database": get("database"), "schema": get("schema"), "identifier": get("identifier")},
	})
}

// shouldStoreFailures is should_store_failures(): the node's store_failures
// config, else the --store-failures flag.
func (e *Env) shouldStoreFailures(*exec.VarArgs) (*exec.Value, error) {
	if v, ok := e.configSet["store_failures"]; ok && v != nil {
		return exec.AsValue(toJinja(v)), nil
	}
	if e.cur != nil {
		if v, ok := e.cur.ModelConfig["store_failures"]; ok && v != nil {
			return exec.AsValue(toJinja(v)), nil
		}
	}
	return exec.AsValue(e.invocation.StoreFailures), nil
}

// hookConfig is before_begin(sql), in_transaction(sql) or after_commit(sql):
// the hook as dbt writes it, JSON text of its SQL and whether it runs in
// the model's transaction, which the hook list reads back when it runs
// (project.HookText), and the config's hook list orders by
// (project.Config.Hooks).
func hookConfig(inTransaction bool) func(*exec.VarArgs) (*exec.Value, error) {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		v := arg(a, 0, "sql")
		if v == nil || v.IsNil() {
			return nil, fmt.Errorf("the hook needs its SQL: before_begin(\"insert into audit select 1\")")
		}
		// as dbt's tojson writes it; sql sorts before transaction, the
		// order dbt writes them in
		h := exec.AsValue(map[string]any{"sql": v.String(), "transaction": inTransaction})
		return exec.AsValue(string(appendPyJSON(nil, h, true))), nil
	}
}
