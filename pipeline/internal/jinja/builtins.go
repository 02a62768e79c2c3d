package jinja

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/nikolalohinski/gonja/v2/builtins"
	"github.com/nikolalohinski/gonja/v2/exec"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// fail records a builtin's error as the diagnostic of the current render
// (the line is added when the error reaches Render) and returns it.
func (e *Env) fail(msg, hint string) error {
	e.failure = &diag.Diagnostic{Severity: diag.Error, Message: msg, Hint: hint}
	return errors.New(msg)
}

// failErr records an error returned by a Context callback. A
// *diag.Diagnostic keeps its own file, line and hint.
func (e *Env) failErr(err error) error {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		c := *d
		e.failure = &c
		return errors.New(d.Message)
	}
	return e.fail(err.Error(), "")
}

// unavailable is the error of a builtin whose Context callback is nil.
func (e *Env) unavailable(fn, field string) error {
	return e.fail(fmt.Sprintf("%s is not available here", fn),
		fmt.Sprintf("the caller of the renderer set no Context.%s", field))
}

// installBuiltins defines dbt's context: functions read the current
// Context through e.cur, so macros defined once see every model's values.
func (e *Env) installBuiltins() {
	g := e.globals
	g.Set(listFuncName, newList)
	g.Set(dictFuncName, dictLiteral)
	g.Set(opFuncName, applyOperator)
	g.Set(negFuncName, applyNegation)
	g.Set(spreadFuncName, spreadCall)
	g.Set(truthFuncName, truth)
	g.Set(keepIfName, keepIf)
	g.Set(firstName, first)
	g.Set(printFuncName, printValue)
	g.Set(keyFuncName, subscriptKey)
	g.Set(seqFuncName, subscriptSeq)
	g.Set(noneAttrFuncName, e.noneAttr)
	g.Set(methodCallName, e.envMethodCall)
	g.Set("none", none)
	g.Set("range", rangeFn)
	g.Set("ref", e.ref)
	g.Set("render", e.renderString)
	g.Set("source", e.source)
	g.Set("var", varCall(e.varFn))
	g.Set("context", contextDict{e})
	g.Set("config", e.configFunc())
	// builtins holds dbt's own ref, source and config, for a project that
	// overrides them; builtins.ref.config is the project's runtime config.
	g.Set("builtins", map[string]any{"ref": refCall(func(a *exec.VarArgs) (*exec.Value, error) {
		if a == nil {
			return exec.AsValue(e.runtimeConfig()), nil
		}
		return e.ref(a)
	}), "source": e.source, "config": e.configFunc()})
	g.Set("is_incremental", func(*exec.VarArgs) bool { return e.cur != nil && e.cur.Incremental })
	g.Set("env_var", e.envVar)
	g.Set("log", e.logFn)
	g.Set("print", e.printFn)
	g.Set("return", e.returnFn)
	g.Set("run_query", e.runQuery)
	g.Set(relationsFuncName, e.relationsByPattern)
	g.Set("statement", e.statement)
	g.Set("load_result", e.loadResult)
	g.Set("fromjson", fromJSON)
	g.Set("tojson", toJSON)
	g.Set("exceptions", attrs{
		"raise_compiler_error": func(a *exec.VarArgs) (*exec.Value, error) {
			msg := ""
			if len(a.Args) > 0 {
				msg = a.Args[0].String()
			}
			return nil, e.fail(msg, "")
		},
		"warn": e.warnFn,
	})
	g.Set("adapter", e.adapter())
	g.Set("dbt_utils", e.dbtUtils())
	g.Set("zip", zipFn)
	g.Set("dict", dictFn)
	e.installCrossDB()
	e.installNaming()
	e.installGlobalMacros()
	g.Set("api", e.api())
	installModules(g)
}

// filters are gonja's, with list producing a list that changes in place and
// dbt's fromjson added.
func (e *Env) filters() *exec.FilterSet {
	f := exec.NewFilterSet(map[string]exec.FilterFunction{})
	f.Update(builtins.Filters)
	addDictFilters(f)
	decimalFilters(f)
	noneFilters(f)
	trimAnyValue(f)
	pythonFilters(f)
	if unique, ok := f.Get("unique"); ok {
		_ = f.Replace("unique", uniqueFilter(unique))
	}
	if sorted, ok := f.Get("sort"); ok {
		_ = f.Replace("sort", sortFilter(sorted))
	}
	_ = f.Replace("list", func(_ *exec.Evaluator, in *exec.Value, _ *exec.VarArgs) *exec.Value {
		if in.IsError() {
			return in
		}
		out := []any{}
		if in.IsString() {
			for _, r := range in.String() {
				out = append(out, string(r))
			}
			return exec.AsValue(&out)
		}
		in.Iterate(func(_, _ int, k, _ *exec.Value) bool {
			out = append(out, k.Interface())
			return true
		}, func() {})
		return exec.AsValue(&out)
	})
	_ = f.Replace("tojson", func(_ *exec.Evaluator, in *exec.Value, params *exec.VarArgs) *exec.Value {
		if in.IsError() {
			return in
		}
		text := appendPyJSON(nil, in, true)
		indent := arg(params, 0, "indent")
		if indent != nil && indent.IsInteger() {
			// json.dumps(indent=n): one item a line, n spaces a level
			var b bytes.Buffer
			if err := json.Indent(&b, text, "", strings.Repeat(" ", min(max(indent.Integer(), 0), 64))); err == nil {
				text = b.Bytes()
			}
		}
		return exec.AsSafeValue(htmlSafe(string(text)))
	})
	// dbt's type filters: its text rendering passes the value through
	// unchanged (a YAML value is then read as the literal it spells).
	for _, name := range []string{"as_bool", "as_number", "as_native", "as_text"} {
		_ = f.Register(name, func(_ *exec.Evaluator, in *exec.Value, _ *exec.VarArgs) *exec.Value { return in })
	}
	_ = f.Register("fromjson", func(_ *exec.Evaluator, in *exec.Value, _ *exec.VarArgs) *exec.Value {
		v, err := fromJSON(&exec.VarArgs{Args: []*exec.Value{in}, KwArgs: map[string]*exec.Value{}})
		if err != nil {
			return exec.AsValue(err)
		}
		return exec.AsValue(v)
	})
	passErrors(f)
	return f
}

// lineOf returns the template line the token rewriting passed to ref and
// source.
func lineOf(a *exec.VarArgs) int {
	if v, ok := a.KwArgs[lineKwarg]; ok {
		return v.Integer()
	}
	return 0
}

func (e *Env) ref(a *exec.VarArgs) (*exec.Value, error) {
	var pkg, name string
	switch len(a.Args) {
	case 1:
		name = a.Args[0].String()
	case 2:
		pkg, name = a.Args[0].String(), a.Args[1].String()
	default:
		return nil, e.fail(fmt.Sprintf("ref() takes 1 or 2 arguments (%d given)", len(a.Args)), "write ref('model') or ref('package', 'model')")
	}
	// A version of a versioned model: ref('m', v=2) is named m.v2, which
	// model names cannot spell (dbt forbids dots in them).
	for _, k := range []string{"v", "version"} {
		if v, ok := a.KwArgs[k]; ok && !v.IsNil() {
			name += ".v" + v.String()
		}
	}
	if e.cur == nil || e.cur.Ref == nil {
		return nil, e.unavailable("ref()", "Ref")
	}
	rel, err := e.cur.Ref(pkg, name, lineOf(a))
	if err != nil {
		return nil, e.failErr(err)
	}
	v := e.nodeRel(rel)
	// while dbt parses (execute is false) ref() gives a plain relation,
	// an ephemeral model's too: the model's own config() may make it
	// a table, which dbt reads only when it parses that model
	v.parsing = !e.cur.Execute
	return exec.AsValue(v), nil
}

func (e *Env) source(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 2 {
		return nil, e.fail(fmt.Sprintf("source() takes 2 arguments (%d given)", len(a.Args)), "write source('source_name', 'table_name')")
	}
	if e.cur == nil || e.cur.Source == nil {
		return nil, e.unavailable("source()", "Source")
	}
	rel, err := e.cur.Source(a.Args[0].String(), a.Args[1].String(), lineOf(a))
	if err != nil {
		return nil, e.failErr(err)
	}
	v := relValue{Relation: rel, warehouse: e.cur.Target.Type}
	if e.cur.SourceName != nil {
		v.database, v.schema, v.identifier = e.cur.SourceName(a.Args[0].String(), a.Args[1].String())
	}
	return exec.AsValue(v), nil
}

// varCall is dbt's var: called, var('name'); var.has_var('name') tells
// whether the project or --vars set name (a default does not count). The
// function answers has_var when its keyword arguments hold hasVarKey, a
// name no template can write.
type varCall func(*exec.VarArgs) (*exec.Value, error)

const hasVarKey = " has_var"

func (v varCall) GetAttribute(name string) (*exec.Value, bool) {
	if name == "has_var" {
		return exec.AsValue(func(a *exec.VarArgs) (*exec.Value, error) {
			if len(a.Args) != 1 || len(a.KwArgs) != 0 {
				return nil, exec.ErrInvalidCall(fmt.Errorf("has_var() takes 1 argument (%d given)", len(a.Args)+len(a.KwArgs)))
			}
			return v(&exec.VarArgs{Args: a.Args, KwArgs: map[string]*exec.Value{hasVarKey: exec.AsValue(true)}})
		}), true
	}
	return exec.AsValue(nil), false
}

func (e *Env) varFn(a *exec.VarArgs) (*exec.Value, error) {
	if _, has := a.KwArgs[hasVarKey]; !has {
		// dbt's var(var_name, default=...) takes either by keyword too
		args := a.Args
		for _, k := range []string{"var_name", "default"} {
			v, ok := a.KwArgs[k]
			if !ok {
				continue
			}
			if k == "default" && len(args) == 0 {
				return nil, e.fail("var() missing 1 required positional argument: 'var_name'", "write var('name') or var('name', default)")
			}
			if k == "var_name" && len(args) > 0 || k == "default" && len(args) > 1 {
				return nil, e.fail(fmt.Sprintf("var() got multiple values for argument '%s'", k), "write var('name') or var('name', default)")
			}
			args = append(args[:len(args):len(args)], v)
		}
		for k := range a.KwArgs {
			if k != "var_name" && k != "default" {
				return nil, e.fail(fmt.Sprintf("var() got an unexpected keyword argument '%s'", k), "write var('name') or var('name', default)")
			}
		}
		a = &exec.VarArgs{Args: args}
	}
	if len(a.Args) < 1 || len(a.Args) > 2 {
		return nil, e.fail(fmt.Sprintf("var() takes 1 or 2 arguments (%d given)", len(a.Args)), "write var('name') or var('name', default)")
	}
	if _, has := a.KwArgs[hasVarKey]; has {
		if e.cur == nil {
			return exec.AsValue(false), nil
		}
		_, ok := e.cur.Vars[a.Args[0].String()]
		return exec.AsValue(ok), nil
	}
	name := a.Args[0].String()
	if e.cur != nil {
		if v, ok := e.cur.Vars[name]; ok {
			if s, ok := v.(string); ok && (strings.Contains(s, "{{") || strings.Contains(s, "{%")) {
				return e.renderVar(name, s)
			}
			return exec.AsValue(toJinja(v)), nil
		}
	}
	if len(a.Args) == 2 {
		return a.Args[1], nil
	}
	if e.cur != nil && e.cur.Parsing {
		return exec.AsValue(nil), nil
	}
	return nil, e.fail(fmt.Sprintf("var %q is not defined", name),
		"add it under vars: in dbt_project.yml or pass --vars")
}

// renderVar renders a var's text as dbt does when var() reads it: with the
// context of the node being rendered, so vars: {pages: "{{ ref('raw_pages')
// }}"} names raw_pages's relation and makes it a parent of the node.
func (e *Env) renderVar(name, text string) (*exec.Value, error) {
	if e.varDepth >= maxVarDepth {
		return nil, e.fail(fmt.Sprintf("var %q renders vars %d deep", name, maxVarDepth), "a var's Jinja must not read the var itself")
	}
	root, err := e.parse("vars:"+name, text)
	if err != nil {
		return nil, e.fail(fmt.Sprintf("var %q: %v", name, err), "fix the Jinja of the var's value")
	}
	scope := e.globals
	if e.cur.Package != "" && e.pkgCtx[e.cur.Package] != nil {
		scope = e.pkgCtx[e.cur.Package]
	}
	e.varDepth++
	defer func() { e.varDepth-- }()
	var out strings.Builder
	if err := e.execute(root, scope.Inherit(), &out); err != nil {
		return nil, err
	}
	return exec.AsValue(out.String()), nil
}

// maxVarDepth bounds vars whose Jinja reads vars.
const maxVarDepth = 20

func (e *Env) envVar(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) < 1 {
		return nil, e.fail("env_var() needs a variable name", "")
	}
	name := a.Args[0].String()
	if e.cur != nil {
		if v, ok := e.cur.EnvVars[name]; ok {
			return exec.AsValue(v), nil
		}
	}
	if v, ok := os.LookupEnv(name); ok {
		return exec.AsValue(v), nil
	}
	if len(a.Args) >= 2 {
		return a.Args[1], nil
	}
	if v, ok := a.KwArgs["default"]; ok {
		return v, nil
	}
	return nil, e.fail(fmt.Sprintf("env_var %q is not set", name),
		fmt.Sprintf("set it in the environment, or give a default: env_var('%s', 'value')", name))
}

// configFn is dbt's config: config(materialized='table', ...) records the
// keyword arguments and prints nothing; config.get(key, default) reads them
// back, then Context.ModelConfig. Called with nil arguments it returns its
// Env, which GetAttribute needs (a function type cannot hold a field).
type configFn func(a *exec.VarArgs) (*exec.Value, error)

func (e *Env) configFunc() configFn {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		if a == nil {
			return exec.AsValue(e), nil
		}
		if len(a.Args) > 1 || (len(a.Args) == 1 && !a.Args[0].IsDict()) {
			return nil, e.fail("config() takes keyword arguments only", "write config(materialized='table')")
		}
		kw := map[string]any{}
		if len(a.Args) == 1 {
			for _, p := range dictEntries(a.Args[0]) {
				kw[p.Key.String()] = fromJinja(p.Value)
			}
		}
		for k, v := range a.KwArgs {
			kw[k] = fromJinja(v)
		}
		if e.cur == nil || e.cur.Config == nil {
			return nil, e.unavailable("config()", "Config")
		}
		for k, v := range kw {
			e.configSet[k] = v
		}
		if err := e.cur.Config(kw); err != nil {
			return nil, e.failErr(err)
		}
		return exec.AsValue(""), nil
	}
}

func (c configFn) GetAttribute(name string) (*exec.Value, bool) {
	ev, _ := c(nil)
	e := ev.Interface().(*Env)
	switch name {
	case "get", "require":
	case "meta_get", "meta_require":
		return exec.AsValue(e.configMeta(name)), true
	default:
		return exec.AsValue(nil), false
	}
	return exec.AsValue(func(a *exec.VarArgs) (*exec.Value, error) {
		if len(a.Args) < 1 {
			return nil, e.fail("config.get() needs a key", "")
		}
		// dbt's config.get and config.require answer "" while a node is
		// parsed (its ParseConfigObject), so the refs a template makes
		// on one branch of a config.get are the ones dbt records
		if e.cur != nil && e.cur.Parsing {
			return exec.AsValue(""), nil
		}
		key := a.Args[0].String()
		if v, ok := e.configSet[key]; ok {
			return exec.AsValue(toJinja(v)), nil
		}
		if e.cur != nil {
			if v, ok := e.cur.ModelConfig[key]; ok {
				return exec.AsValue(toJinja(v)), nil
			}
		}
		if len(a.Args) > 1 {
			return a.Args[1], nil
		}
		if d, ok := a.KwArgs["default"]; ok {
			return d, nil
		}
		if name == "require" {
			return nil, e.fail(fmt.Sprintf("config %q is required", key), "set it in config() or in dbt_project.yml")
		}
		return noneValue(), nil
	}), true
}

// configMeta is dbt 1.10's config.meta_get(key, default=None) and
// config.meta_require(key): a key of the node's meta config (what
// config(meta={...}) set, then the meta merged from dbt_project.yml and
// the properties file), its default or None when absent (meta_require
// fails); while parsing they answer "" as config.get does.
func (e *Env) configMeta(name string) func(a *exec.VarArgs) (*exec.Value, error) {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		if len(a.Args) < 1 {
			return nil, e.fail(fmt.Sprintf("config.%s() needs a key", name), fmt.Sprintf("write config.%s('key')", name))
		}
		if e.cur != nil && e.cur.Parsing {
			return exec.AsValue(""), nil
		}
		key := a.Args[0].String()
		metas := []any{e.configSet["meta"]}
		if e.cur != nil {
			metas = append(metas, e.cur.ModelConfig["meta"])
		}
		for _, m := range metas {
			if d, ok := m.(map[string]any); ok {
				if v, ok := d[key]; ok {
					return exec.AsValue(toJinja(v)), nil
				}
			}
		}
		if name == "meta_require" {
			return nil, e.fail(fmt.Sprintf("meta key %q is required", key), "set it under meta: in config() or in the node's properties or dbt_project.yml")
		}
		if len(a.Args) > 1 {
			return a.Args[1], nil
		}
		if d, ok := a.KwArgs["default"]; ok {
			return d, nil
		}
		return noneValue(), nil
	}
}

func (e *Env) runQuery(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 1 {
		return nil, e.fail("run_query() takes 1 argument", "")
	}
	rows, err := e.queryAs("run_query", a.Args[0].String())
	if err != nil || rows == nil {
		return noneValue(), err
	}
	return exec.AsValue(newTable(rows)), nil
}

// relationsFuncName lists built relations by pattern for the engine's
// dbt_utils.get_relations_by_pattern: (schema_pattern, table_pattern,
// exclude) gives the matching relations, none while parsing.
const relationsFuncName = "__relations_by_pattern__"

func (e *Env) relationsByPattern(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 3 {
		return nil, e.fail(relationsFuncName+"() takes 3 arguments", "")
	}
	out := []any{}
	if e.cur == nil || !e.cur.Execute {
		return exec.AsValue(&out), nil
	}
	if e.cur.Relations == nil {
		return nil, e.unavailable("listing relations", "Relations")
	}
	rels, err := e.cur.Relations(e.sqliteSchema(a.Args[0].String()), a.Args[1].String(), a.Args[2].String())
	if err != nil {
		return nil, e.failErr(err)
	}
	for _, r := range rels {
		v := e.nodeRel(r.Relation)
		if n := r.Names; n.Identifier != "" {
			v.database, v.schema, v.identifier = n.Database, n.Schema, n.Identifier
		}
		out = append(out, v)
	}
	return exec.AsValue(&out), nil
}

// query runs sql, in the project's dialect, through Context.RunQuery when
// executing; it returns nil rows while the project is parsed (Execute
// false), as dbt does.
func (e *Env) query(sql string) (*Rows, error) { return e.queryAs("run_query", sql) }

// queryAs is query; what (run_query, statement('x')) names the caller in
// an error.
func (e *Env) queryAs(what, sql string) (*Rows, error) {
	if e.cur == nil || !e.cur.Execute {
		return nil, nil
	}
	if e.cur.RunQuery == nil {
		return nil, e.unavailable("run_query()", "RunQuery")
	}
	rows, err := e.cur.RunQuery(sql)
	var d *diag.Diagnostic
	switch {
	case errors.As(err, &d):
		c := *d
		c.Message = what + ": " + c.Message
		return nil, e.failErr(&c)
	case err != nil:
		return nil, e.failErr(fmt.Errorf("%s: %w", what, err))
	}
	if rows == nil {
		rows = &Rows{}
	}
	return rows, nil
}

// goFunc exposes a Context.Funcs entry: arguments become plain Go values,
// the result becomes a template value.
func (e *Env) goFunc(name string, fn Func) func(*exec.VarArgs) (*exec.Value, error) {
	return func(a *exec.VarArgs) (*exec.Value, error) {
		args := make([]any, len(a.Args))
		for i, v := range a.Args {
			args[i] = fromJinja(v)
		}
		kwargs := make(map[string]any, len(a.KwArgs))
		for k, v := range a.KwArgs {
			kwargs[k] = fromJinja(v)
		}
		out, err := fn(args, kwargs)
		if err != nil {
			return nil, e.failErr(err)
		}
		return exec.AsValue(toJinja(out)), nil
	}
}

// missingFunc replaces a Context.Funcs entry of an earlier render that the
// current render does not provide.
func (e *Env) missingFunc(name string) func(*exec.VarArgs) (*exec.Value, error) {
	return func(*exec.VarArgs) (*exec.Value, error) {
		return nil, e.fail(fmt.Sprintf("%s() is not available here", name), "the caller of the renderer did not provide it in Context.Funcs")
	}
}

// rangeFn is Python's range as a list (gonja's streams through a goroutine
// that leaks when a loop breaks early).
func rangeFn(a *exec.VarArgs) (*exec.Value, error) {
	start, stop, step := 0, 0, 1
	switch len(a.Args) {
	case 1:
		stop = a.Args[0].Integer()
	case 2:
		start, stop = a.Args[0].Integer(), a.Args[1].Integer()
	case 3:
		start, stop, step = a.Args[0].Integer(), a.Args[1].Integer(), a.Args[2].Integer()
	default:
		return nil, errors.New("range() takes 1 to 3 arguments")
	}
	if step == 0 {
		return nil, errors.New("range() step must not be zero")
	}
	out := []any{}
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, i)
		if len(out) > 1_000_000 {
			return nil, errors.New("range() is too large")
		}
	}
	return exec.AsValue(&out), nil
}

func zipFn(a *exec.VarArgs) *exec.Value {
	out := []any{}
	if len(a.Args) == 0 {
		return exec.AsValue(&out)
	}
	n := a.Args[0].Len()
	for _, l := range a.Args[1:] {
		n = min(n, l.Len())
	}
	for i := 0; i < n; i++ {
		// A tuple, as Python's zip yields (it prints as one).
		t := make(exec.ValuesList, len(a.Args))
		for j, l := range a.Args {
			t[j] = l.Index(i)
		}
		out = append(out, t)
	}
	return exec.AsValue(&out)
}

func fromJSON(a *exec.VarArgs) (any, error) {
	if len(a.Args) < 1 {
		return nil, errors.New("fromjson() needs a string")
	}
	v, err := decodeJSON(a.Args[0].String())
	if err != nil {
		if len(a.Args) > 1 {
			return a.Args[1].Interface(), nil
		}
		return nil, fmt.Errorf("fromjson: %v", err)
	}
	return toJinja(v), nil
}

// toJSON is dbt's tojson(value, sort_keys=False): compact separators as
// Python's json.dumps (", " and ": ").
func toJSON(a *exec.VarArgs) (string, error) {
	if len(a.Args) < 1 {
		return "", errors.New("tojson() needs a value")
	}
	sortKeys := false
	if s, ok := a.KwArgs["sort_keys"]; ok {
		sortKeys = s.IsTrue()
	}
	var b []byte
	b = appendPyJSON(b, a.Args[0], sortKeys)
	return string(b), nil
}

// htmlSafe escapes as Jinja2's tojson filter does.
func htmlSafe(s string) string {
	return strings.NewReplacer("<", `\u003c`, ">", `\u003e`, "&", `\u0026`, "'", `\u0027`).Replace(s)
}

func appendPyJSON(b []byte, v *exec.Value, sortKeys bool) []byte {
	switch {
	case v == nil || v.IsNil():
		return append(b, "null"...)
	case v.IsBool():
		if v.Bool() {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case v.IsFloat() && math.IsNaN(v.Float()):
		return append(b, "NaN"...) // json.dumps writes JavaScript's names
	case v.IsFloat() && math.IsInf(v.Float(), 0):
		if v.Float() < 0 {
			return append(b, "-Infinity"...)
		}
		return append(b, "Infinity"...)
	case v.IsInteger(), v.IsFloat():
		return append(b, v.String()...)
	case v.IsString():
		return appendPyString(b, v.String())
	case v.IsList():
		b = append(b, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendPyJSON(b, v.Index(i), sortKeys)
		}
		return append(b, ']')
	case v.IsDict():
		pairs := dictEntries(v)
		if sortKeys {
			pairs = append([]*exec.Pair(nil), pairs...)
			sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].Key.String() < pairs[j].Key.String() })
		}
		b = append(b, '{')
		for i, p := range pairs {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendPyString(b, p.Key.String())
			b = append(b, ": "...)
			b = appendPyJSON(b, p.Value, sortKeys)
		}
		return append(b, '}')
	}
	return appendPyString(b, v.String())
}

// appendPyString quotes s as Python's json.dumps does (ensure_ascii: every
// non-ASCII character as \uXXXX; <, > and & left as they are).
func appendPyString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, `\"`...)
		case r == '\\':
			b = append(b, `\\`...)
		case r == '\n':
			b = append(b, `\n`...)
		case r == '\r':
			b = append(b, `\r`...)
		case r == '\t':
			b = append(b, `\t`...)
		case r < 0x20 || (r > 0x7f && r <= 0xffff):
			b = fmt.Appendf(b, `\u%04x`, r)
		case r > 0xffff:
			r -= 0x10000
			b = fmt.Appendf(b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			b = append(b, byte(r))
		}
	}
	return append(b, '"')
}

// refCall is dbt's builtins.ref: called it is ref(), and its config
// attribute is the project's runtime config (the function answers a nil
// argument list with it).
type refCall func(*exec.VarArgs) (*exec.Value, error)

func (r refCall) GetAttribute(name string) (*exec.Value, bool) {
	if name == "config" {
		v, _ := r(nil)
		return v, true
	}
	return exec.AsValue(nil), false
}

// runtimeConfig is dbt's RuntimeConfig as a ref resolver holds it: the
// project's name and version, and dependencies, every project by name
// (the root too) with its project_name and version.
func (e *Env) runtimeConfig() map[string]any {
	deps := map[string]any{}
	for name, v := range e.versions {
		deps[name] = map[string]any{"project_name": name, "version": v}
	}
	return map[string]any{"project_name": e.rootName, "version": e.versions[e.rootName], "dependencies": deps}
}
