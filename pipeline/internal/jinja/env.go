package jinja

import (
	"fmt"
	"os"
	"strings"

	"github.com/nikolalohinski/gonja/v2/builtins"
	"github.com/nikolalohinski/gonja/v2/config"
	"github.com/nikolalohinski/gonja/v2/exec"
	"github.com/nikolalohinski/gonja/v2/loaders"
	"github.com/nikolalohinski/gonja/v2/nodes"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Env renders the files of one project. It holds the project's and
// packages' macros, parsed and defined once, and the templates it has
// already parsed. An Env is reused for every model of the project, but it is
// not safe for concurrent use: Render sets the model's context on the
// globals the macros share.
type Env struct {
	cfg         *config.Config
	environment *exec.Environment
	globals     *exec.Context // builtins, macros, namespaces; per-render values
	carrier     *exec.Template
	loader      loaders.Loader

	macroFile map[string]string // macro name -> file defining it (for errors)
	parsed    map[string]parsedFile
	defining  string // the macro file being defined (defineMacros)
	// definingPkg is the package of that file: "dbt" for dbt's global
	// project, the root project's name for its own macros.
	definingPkg string

	// invocation is the command renders stand for (SetInvocation).
	invocation Invocation

	// state of the current Render
	cur     *Context
	curPath string
	frames  []*returnFrame
	// pendingCaller is the caller() of the {% call %} block whose macro is
	// being invoked (calltag.go).
	pendingCaller callerMacro
	failure       *diag.Diagnostic           // last error raised by a builtin
	funcs         map[string]bool            // ctx.Funcs names installed in globals
	configSet     map[string]any             // config() arguments of this render
	contextSet    map[string]any             // what context.update() set in this render
	hiddenDefs    map[string]any             // the file's macros named as a context value (contextValues)
	results       map[string]statementResult // statement answers of this render, for load_result
	limits        limits                     // caps and context of this render (limits.go)

	// packages: each package's macro context and namespace object
	// ("" is the root project), and dispatch: search orders.
	pkgCtx map[string]*exec.Context
	// definedIn: the contexts a macro name is defined in besides the
	// globals, its file's and its package's, where a bare call of it
	// looks first.
	definedIn     map[string][]*exec.Context
	namespaces    map[string]*namespaceValue
	rootName      string
	dispatchOrder map[string][]string
	behavior      map[string]bool
	versions      map[string]string
	varDepth      int // vars being rendered within vars (renderVar)
	// macrosUseGraph: some macro's text names graph (see begin).
	macrosUseGraph bool
}

type parsedFile struct {
	source string
	root   *nodes.Template
}

// returnFrame receives the value a macro passes to return().
type returnFrame struct {
	set   bool
	value *exec.Value
}

// Project says how a project's macros are named: the root project's name
// (its macros' namespace, as `nexus.x()` in a root project named nexus) and
// the dispatch: search orders of its dbt_project.yml.
type Project struct {
	Name string
	// Dispatch maps a macro_namespace to the packages adapter.dispatch
	// searches for it, in order.
	Dispatch map[string][]string
	// Behavior are the boolean flags of dbt_project.yml's flags: that
	// change what dbt's macros write (enable_truthy_nulls_equals_macro).
	Behavior map[string]bool
	// Versions are the version: of the root project's and each package's
	// dbt_project.yml, by project name (builtins.ref.config.dependencies).
	Versions map[string]string
	// Missing are the namespaces of packages the project lists and does
	// not ship (dbt_date): a call of one of their macros renders nothing
	// while a node is parsed, so its refs are found, and fails where the
	// node runs.
	Missing []string
}

// NewEnv parses and defines all macro files once, for a project without a
// name (see NewProjectEnv).
func NewEnv(macros []MacroFile) (*Env, error) { return NewProjectEnv(Project{}, macros) }

// NewProjectEnv parses and defines all macro files once. Every package's
// macros are callable as <package>.name, the root project's (Namespace "")
// too under the project's name. A bare name resolves as in dbt: in the
// package of the macro or node being rendered first, then in the root
// project, then dbt's builtins; another package's macros need their
// namespace. Errors are *diag.Diagnostic naming the macro file and line.
func NewProjectEnv(proj Project, macros []MacroFile) (*Env, error) {
	e := &Env{
		limits:        limits{maxWork: MaxWork},
		cfg:           config.New(),
		macroFile:     map[string]string{},
		parsed:        map[string]parsedFile{},
		funcs:         map[string]bool{},
		pkgCtx:        map[string]*exec.Context{},
		definedIn:     map[string][]*exec.Context{},
		rootName:      proj.Name,
		dispatchOrder: proj.Dispatch,
		behavior:      proj.Behavior,
		versions:      proj.Versions,
	}
	e.globals = exec.EmptyContext().Update(builtins.GlobalFunctions).Update(builtins.GlobalVariables)
	e.environment = &exec.Environment{
		Context:           e.globals,
		Filters:           e.filters(),
		Tests:             pythonTests(noneTests(builtins.Tests)),
		ControlStructures: e.controlStructures(),
		Methods:           methods(),
	}
	e.loader = loaders.MustNewMemoryLoader(map[string]string{"/carrier": ""})
	carrier, err := exec.NewTemplate("/carrier", e.cfg, e.loader, e.environment)
	if err != nil {
		return nil, err
	}
	e.carrier = carrier
	e.installBuiltins()
	if err := e.installGlobalProject(); err != nil {
		return nil, err
	}
	if proj.Name != "" {
		e.globals.Set("project_name", proj.Name)
	}

	// Define every file's macros in its package's context, so a macro's
	// bare names find its own package first, then the root project.
	e.namespaces = map[string]*namespaceValue{}
	for _, f := range macros {
		if strings.Contains(f.Source, "graph") {
			e.macrosUseGraph = true
		}
		ctx := e.globals
		if f.Namespace != "" {
			ctx = e.packageContext(f.Namespace)
		}
		defs, err := e.defineMacros(f, ctx)
		if err != nil {
			return nil, err
		}
		ns := e.namespace(f.Namespace)
		for _, d := range defs {
			ns.members[d.name] = d.fn
			if ctx != e.globals && contextValues[d.name] {
				// A package's macro named model (or this, target...) is
				// pkg.model(): in its siblings, as in dbt, model is still
				// the node.
				e.definedIn[d.name] = append(e.definedIn[d.name], d.scope)
				continue
			}
			ctx.Set(d.name, d.fn)
			e.definedIn[d.name] = append(e.definedIn[d.name], d.scope)
			if ctx != e.globals {
				e.definedIn[d.name] = append(e.definedIn[d.name], ctx)
			}
			if f.Namespace == "" || e.macroFile[d.name] == "" {
				e.macroFile[d.name] = d.file
			}
		}
	}
	for name, ns := range e.namespaces {
		if name == "" {
			continue
		}
		if name == "dbt_utils" {
			for k, v := range e.dbtUtils().members {
				if _, ok := ns.members[k]; !ok {
					ns.members[k] = v
				}
			}
		}
		e.globals.Set(name, ns)
	}
	for _, name := range proj.Missing {
		if _, defined := e.globals.Get(name); !defined && e.namespaces[name] == nil {
			e.globals.Set(name, &missingNamespace{env: e, name: name})
		}
	}
	// The root project's namespace: its macros under its own name. A
	// package of the same name (a root project named nexus that also uses
	// the built-in package) adds the macros the root does not define, bare
	// too, as that package's own nodes see them.
	if pkg := e.namespaces[proj.Name]; pkg != nil && proj.Name != "" && e.namespaces[""] == nil {
		e.namespace("")
	}
	if root := e.namespaces[""]; root != nil && proj.Name != "" {
		if pkg := e.namespaces[proj.Name]; pkg != nil {
			for k, v := range pkg.members {
				if _, ok := root.members[k]; !ok {
					root.members[k] = v
					if _, defined := e.globals.Get(k); !defined {
						e.globals.Set(k, v)
					}
				}
			}
		}
		root.name = proj.Name
		e.globals.Set(proj.Name, root)
	}
	return e, nil
}

// packageContext is the context a package's macros and nodes render in:
// its own macros, then the globals.
func (e *Env) packageContext(pkg string) *exec.Context {
	ctx := e.pkgCtx[pkg]
	if ctx == nil {
		ctx = e.globals.Inherit()
		e.pkgCtx[pkg] = ctx
	}
	return ctx
}

// namespace is the namespace object of a package ("" = the root project).
func (e *Env) namespace(pkg string) *namespaceValue {
	ns := e.namespaces[pkg]
	if ns == nil {
		ns = &namespaceValue{name: pkg, members: map[string]any{}}
		e.namespaces[pkg] = ns
	}
	return ns
}

type macroDef struct {
	name, file string
	fn         any
	scope      *exec.Context // the file's context, its macros' first look-up
}

// defineMacros runs a macro file once so its {% macro %} tags define their
// functions, and returns them. Text outside macros is ignored, as in dbt.
func (e *Env) defineMacros(f MacroFile, in *exec.Context) ([]macroDef, error) {
	root, err := e.parse(f.Path, f.Source)
	if err != nil {
		return nil, err
	}
	ctx := in.Inherit()
	var sink strings.Builder
	e.hiddenDefs = map[string]any{}
	e.defining, e.definingPkg = f.Path, f.Namespace
	if f.Namespace == "" {
		e.definingPkg = e.rootName
	}
	err = e.execute(root, ctx, &sink)
	e.defining, e.definingPkg = "", ""
	if err != nil {
		return nil, e.diagnose(f.Path, err)
	}
	var defs []macroDef
	for name := range root.Macros {
		fn, ok := e.hiddenDefs[name]
		if !ok {
			fn, ok = ctx.Get(name)
		}
		if !ok {
			continue
		}
		defs = append(defs, macroDef{name: name, file: f.Path, fn: fn, scope: ctx})
	}
	return defs, nil
}

// Render renders one model, test or analysis file with the model's context.
// Errors are *diag.Diagnostic naming path and the template line.
func (e *Env) Render(path, source string, ctx *Context) (string, error) {
	if ctx == nil {
		ctx = &Context{}
	}
	root, err := e.parse(path, source)
	if err != nil {
		return "", err
	}
	e.begin(path, ctx, e.macrosUseGraph || strings.Contains(source, "graph"))
	defer e.end()
	var out strings.Builder
	scope := e.globals
	if ctx.Package != "" && e.pkgCtx[ctx.Package] != nil {
		scope = e.pkgCtx[ctx.Package]
	}
	scope = scope.Inherit()
	if len(ctx.Overrides) > 0 {
		defer e.applyOverrides(scope, ctx.Overrides)()
	}
	if err := e.execute(root, scope, &out); err != nil {
		return "", e.diagnose(path, err)
	}
	return out.String(), nil
}

// parse parses a file, reusing the tree when the same path and source were
// parsed before.
func (e *Env) parse(path, source string) (*nodes.Template, error) {
	if p, ok := e.parsed[path]; ok && p.source == source {
		return p.root, nil
	}
	root, err := parseTemplate(path, source, e.cfg, e.environment.ControlStructures)
	if err != nil {
		return nil, err
	}
	e.parsed[path] = parsedFile{source: source, root: root}
	return root, nil
}

func (e *Env) execute(root *nodes.Template, ctx *exec.Context, out *strings.Builder) (err error) {
	// gonja panics on a few operands it does not check (`'' % ()` divides
	// by zero): the template's mistake, reported as one, never a crash.
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(returned); ok {
				panic(p) // a return() for a macro call further out
			}
			err = e.fail(fmt.Sprintf("the template could not be evaluated: %v", p), "check the operands of the expression on this line")
		}
	}()
	env := &exec.Environment{
		Context:           ctx,
		Filters:           e.environment.Filters,
		Tests:             e.environment.Tests,
		ControlStructures: e.environment.ControlStructures,
		Methods:           e.environment.Methods,
	}
	r := exec.NewRenderer(env, out, e.cfg, e.loader, e.carrier)
	r.RootNode = root
	return r.Execute()
}

// begin publishes the model's context to the globals that templates and
// macros read. The graph is converted for templates only when one can read
// it (usesGraph): a template names a global to read it, and only the
// source being rendered and the macros are templates. Converting a
// project's graph costs more than rendering most models.
func (e *Env) begin(path string, ctx *Context, usesGraph bool) {
	e.cur, e.curPath, e.failure, e.frames = ctx, path, nil, nil
	e.limits.work = 0
	e.configSet = map[string]any{}
	e.contextSet = nil
	e.results = map[string]statementResult{}
	e.globals.Set("this", e.nodeRel(ctx.This))
	if ctx.Model != nil {
		e.globals.Set("model", toJinja(ctx.Model))
	} else {
		e.globals.Set("model", attrs{"name": ctx.This.Name, "schema": e.dbtSchema(ctx.This.Schema), "unique_id": "model." + ctx.This.Name})
	}
	e.globals.Set("execute", ctx.Execute)
	if usesGraph {
		if ctx.Graph == nil && ctx.GraphOf != nil {
			ctx.Graph = ctx.GraphOf()
		}
		e.globals.Set("graph", ctx.Graph.jinja())
	} else {
		e.globals.Set("graph", unreadGraph)
	}
	inv := e.invocation
	if inv.Which == "" {
		inv.Which = "run"
	}
	// flags: the command and --full-refresh, and the flags packages read
	// besides, at dbt's defaults: the width dbt's log lines are cut to,
	// colours, debug and quiet logging, the log format, fail-fast,
	// warn-error (None: not set) and indirect selection
	e.globals.Set("flags", attrs{"WHICH": inv.Which, "FULL_REFRESH": inv.FullRefresh, "STORE_FAILURES": inv.StoreFailures, "EMPTY": inv.Empty,
		"PRINTER_WIDTH": 80, "USE_COLORS": true, "DEBUG": false, "QUIET": false, "LOG_FORMAT": "default",
		"FAIL_FAST": false, "WARN_ERROR": none, "INDIRECT_SELECTION": "eager"})
	// dbt's invocation_args_dict: the invocation's flags by their lower-case
	// names, as flags gives them, which packages record and copy
	e.globals.Set("invocation_args_dict", map[string]any{"which": inv.Which, "invocation_command": "dbt " + inv.Which,
		"full_refresh": inv.FullRefresh, "store_failures": inv.StoreFailures, "empty": inv.Empty, "select": toJinja(inv.Select), "exclude": toJinja(inv.Exclude), "vars": map[string]any{},
		"target": ctx.Target.Name, "quiet": false, "warn_error": none})
	e.globals.Set("dbt_metadata_envs", metadataEnvs(ctx.EnvVars))
	target := attrs{
		"name":         ctx.Target.Name,
		"type":         ctx.Target.Type,
		"schema":       ctx.Target.Schema,
		"profile_name": ctx.Target.Profile,
		"database":     ctx.Target.Database,
		"threads":      1,
	}
	if ctx.Target.Type == "bigquery" {
		// dbt-bigquery's target also names them by their aliases
		target["project"], target["dataset"] = ctx.Target.Database, ctx.Target.Schema
	}
	e.globals.Set("target", target)
	for name := range e.funcs {
		if _, ok := ctx.Funcs[name]; !ok {
			e.globals.Set(name, e.missingFunc(name))
			delete(e.funcs, name)
		}
	}
	for name, fn := range ctx.Funcs {
		e.globals.Set(name, e.goFunc(name, fn))
		e.funcs[name] = true
	}
	for name, v := range ctx.Globals {
		e.globals.Set(name, toJinja(v))
	}
}

func (e *Env) end() {
	if e.cur != nil {
		for name := range e.cur.Globals {
			e.globals.Set(name, nil) // undefined again
		}
	}
	e.cur = nil
	e.frames = nil
}

// metadataEnvs is dbt's dbt_metadata_envs: the environment variables named
// DBT_ENV_CUSTOM_ENV_<name>, by <name>, the render's own (EnvVars) over
// the process's.
func metadataEnvs(own map[string]string) map[string]any {
	const prefix = "DBT_ENV_CUSTOM_ENV_"
	out := map[string]any{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(k, prefix) {
			out[strings.TrimPrefix(k, prefix)] = v
		}
	}
	for k, v := range own {
		if strings.HasPrefix(k, prefix) {
			out[strings.TrimPrefix(k, prefix)] = v
		}
	}
	return out
}
