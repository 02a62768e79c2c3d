package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// adapter is dbt's adapter object for SQLite: dispatch, quote and
// get_columns_in_relation.
func (e *Env) adapter() attrs {
	return attrs{
		"dispatch":                e.dispatch,
		"quote":                   func(a *exec.VarArgs) string { return quoteIdent(argString(a, 0)) },
		"get_columns_in_relation": e.columnsInRelation,
		"type":                    func(*exec.VarArgs) string { return e.targetType() },
	}
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

// dispatch is adapter.dispatch(name, macro_namespace): it returns the first
// of <target type>__name and default__name found among the macros visible
// from the calling template (the project's, then all packages') or in the
// named package.
func (e *Env) dispatch(ev *exec.Evaluator, a *exec.VarArgs) (*exec.Value, error) {
	name := argString(a, 0)
	if name == "" {
		return nil, e.fail("adapter.dispatch() needs a macro name", "")
	}
	ns := argString(a, 1)
	if v, ok := a.KwArgs["macro_namespace"]; ok && !v.IsNil() {
		ns = v.String()
	}
	if v, ok := a.KwArgs["packages"]; ok && ns == "" && v.IsList() && v.Len() > 0 {
		ns = v.Index(0).String()
	}
	var pkg *namespaceValue
	if ns != "" {
		if v, ok := ev.Environment.Context.Get(ns); ok {
			pkg, _ = v.(*namespaceValue)
		}
	}
	candidates := []string{e.targetType() + "__" + name, "default__" + name}
	for _, c := range candidates {
		if v, ok := ev.Environment.Context.Get(c); ok && exec.ToValue(v).IsCallable() {
			return exec.AsValue(v), nil
		}
		if pkg != nil {
			if v, ok := pkg.members[c]; ok {
				return exec.AsValue(v), nil
			}
		}
	}
	return nil, e.fail(fmt.Sprintf("adapter.dispatch found no macro %q or %q", candidates[0], candidates[1]),
		"define one of them in macros/ or in the package")
}

// columnsInRelation is adapter.get_columns_in_relation(relation).
func (e *Env) columnsInRelation(a *exec.VarArgs) (*exec.Value, error) {
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
		out[i] = columnValue{c}
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
