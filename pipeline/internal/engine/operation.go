package engine

import (
	"regexp"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// operationName is a macro run-operation can call: name or package.name.
var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$`)

// operationArgs is the variable the operation's keyword arguments ride in.
const operationArgs = "nexus_operation_args"

// runOperation runs a macro as dbt's run-operation does: with execute
// true, its keyword arguments from --args, its run_query and statement
// calls run (a table it creates is there for the commands after it); what
// it prints is dropped, as dbt drops it. No hook runs.
func (r *runner) runOperation(name string, args map[string]any) {
	const file = "run-operation"
	if !operationName.MatchString(name) {
		r.res.fail(diag.Errorf(file, 0, "run-operation needs a macro name, got %q", name).WithHint("write nexus run-operation my_macro, or package.my_macro"))
		return
	}
	if args == nil {
		args = map[string]any{}
	}
	r.globals = map[string]any{operationArgs: args}
	defer func() { r.globals = nil }()
	// a name alone is the root project's macro, else a package's (by
	// package name), as dbt's run-operation finds it
	src := "{% if " + name + " is defined %}{{ " + name + "(**" + operationArgs + ") }}"
	if !strings.Contains(name, ".") {
		for _, pkg := range r.macroPackages() {
			src += "{% elif " + pkg + "." + name + " is defined %}{{ " + pkg + "." + name + "(**" + operationArgs + ") }}"
		}
	}
	src += "{% else %}{{ exceptions.raise_compiler_error('no macro named " + name + "') }}{% endif %}"
	if _, err := r.render(file, src, &project.Config{}, jinja.Relation{}); err != nil {
		r.res.fail(diag.From(err, file, 0))
	}
}

// macroPackages are the packages whose macro files the project loads, by
// name: those whose names a template can write.
func (r *runner) macroPackages() []string {
	var out []string
	for _, f := range r.plan.proj.Macros {
		if f.Namespace != "" && f.Namespace != "dbt" && operationName.MatchString(f.Namespace) && !strings.Contains(f.Namespace, ".") && !slices.Contains(out, f.Namespace) {
			out = append(out, f.Namespace)
		}
	}
	slices.Sort(out)
	return out
}
