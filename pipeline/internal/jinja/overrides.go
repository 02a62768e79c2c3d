package jinja

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// contextMembers are the names of dbt's context that are not macros. A
// unit test's override of one replaces it with the value itself, as dbt
// replaces any context entry that is not a macro (overrides: macros:
// invocation_id: 123): a model that then calls it fails, as in dbt.
var contextMembers = map[string]bool{
	"ref": true, "source": true, "var": true, "env_var": true, "config": true,
	"log": true, "print": true, "return": true, "fromjson": true, "tojson": true,
	"fromyaml": true, "toyaml": true, "zip": true, "load_result": true,
	"exceptions": true, "adapter": true, "api": true, "modules": true,
	"this": true, "target": true, "model": true, "execute": true, "graph": true,
	"flags": true, "invocation_id": true, "py_current_timestring": true, "run_started_at": true, "dbt_version": true, "thread_id": true,
	"project_name": true, "range": true, "none": true,
}

// contextValues are the members of dbt's context that are values, not
// functions: a package's macro of one of these names does not hide it
// from the package's other macros, which dbt runs in the node's context,
// where it is the node's (dbt's flat macro names are only the node's own
// package's and the root project's).
var contextValues = map[string]bool{
	"this": true, "target": true, "model": true, "execute": true, "graph": true,
	"flags": true, "invocation_id": true, "run_started_at": true, "dbt_version": true,
	"thread_id": true, "project_name": true, "modules": true, "api": true, "adapter": true,
	"exceptions": true,
}

// applyOverrides sets a unit test's overrides.macros for one render and
// returns what puts the originals back. dbt-core replaces the entries of
// the one context dict that the model and every macro it calls read
// (generate_runtime_unit_test_context), so a package macro calling
// audit_helper.x or a bare x gets the override too: name or package.name;
// a macro then returns the value whatever its arguments, any other entry
// of the context is the value. A name the model's context lacks is left
// out, as dbt leaves it. Package overrides come first and dbt.name is name
// too, and the other way round, as in dbt.
func (e *Env) applyOverrides(scope *exec.Context, overrides map[string]any) (restore func()) {
	names := make([]string, 0, len(overrides))
	for name := range overrides {
		names = append(names, name)
	}
	// package.name before name, each in name order
	sort.Slice(names, func(i, j int) bool {
		pi, pj := overridePackage(names[i]) != "", overridePackage(names[j]) != ""
		if pi != pj {
			return pi
		}
		return names[i] < names[j]
	})
	var undo []func()
	restore = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	setMember := func(ns *namespaceValue, name string, v any) {
		old, had := ns.members[name]
		ns.members[name] = v
		undo = append(undo, func() {
			if had {
				ns.members[name] = old
			} else {
				delete(ns.members, name)
			}
		})
	}
	setBare := func(name string, v any) {
		// every context a bare name is looked up in: the globals, and the
		// files and packages that define a macro of that name themselves
		ctxs := append([]*exec.Context{scope}, e.definedIn[name]...)
		if _, ok := e.globals.Get(name); ok {
			ctxs = append(ctxs, e.globals)
		}
		for _, c := range ctxs {
			old, _ := c.Get(name)
			c.Set(name, v)
			undo = append(undo, func() { c.Set(name, old) })
		}
	}
	for _, name := range names {
		v := overrides[name]
		pkg, bare := overridePackage(name), name[strings.LastIndex(name, ".")+1:]
		if pkg == "" {
			cur, ok := scope.Get(bare)
			if !ok {
				continue
			}
			val := e.overrideValue(bare, cur, v)
			setBare(bare, val)
			if ns, ok := namespaceIn(scope, "dbt"); ok && ns.members[bare] != nil {
				setMember(ns, bare, val)
			}
			continue
		}
		ns, ok := namespaceIn(scope, pkg)
		if !ok || ns.members[bare] == nil {
			continue
		}
		val := e.overrideValue(bare, ns.members[bare], v)
		setMember(ns, bare, val)
		if pkg == "dbt" {
			setBare(bare, val)
		}
	}
	return restore
}

// overridePackage is the package of an override's name: a name of two
// parts is package.macro, any other a bare name (its last part), as dbt
// splits it.
func overridePackage(name string) string {
	parts := strings.Split(name, ".")
	if len(parts) == 2 {
		return parts[0]
	}
	return ""
}

// overrideValue is what an override of cur, the entry name of the
// context, becomes: a macro returning v, or v. A function of dbt's
// context that is no macro (ref, var) becomes the value in dbt, which
// the model then cannot call: calling it here says so.
func (e *Env) overrideValue(name string, cur, v any) any {
	val := toJinja(v)
	isFunc := cur != nil && reflect.TypeOf(cur).Kind() == reflect.Func
	switch {
	case contextMembers[name] && isFunc:
		return func(*exec.VarArgs) (*exec.Value, error) {
			return nil, e.fail(fmt.Sprintf("%s is overridden by the unit test, and is no macro: dbt replaces it by the value %v, which cannot be called", name, v),
				fmt.Sprintf("remove %s from the unit test's overrides: macros:", name))
		}
	case contextMembers[name] || !isFunc:
		return val
	}
	// dbt's UnitTestMacroGenerator keeps the macro's node
	var info any
	if m, ok := cur.(macroFn); ok {
		info = m.info()
	}
	return macroFn(func(a *exec.VarArgs) *exec.Value {
		if a == nil {
			return exec.AsValue(info)
		}
		return exec.AsValue(val)
	})
}

func namespaceIn(scope *exec.Context, pkg string) (*namespaceValue, bool) {
	v, ok := scope.Get(pkg)
	if !ok {
		return nil, false
	}
	ns, ok := v.(*namespaceValue)
	return ns, ok
}
