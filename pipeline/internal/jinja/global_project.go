package jinja

import (
	_ "embed"
	"fmt"
)

// globalProject holds the macros of dbt's global project written in Jinja
// (global_project.sql); the others are Go functions (crossdb.go,
// naming.go, globalmacros.go).
//
//go:embed global_project.sql
var globalProject string

// installGlobalProject defines global_project.sql's macros as dbt.name,
// dbt.default__name (for adapter.dispatch) and bare names, which a
// project's or package's own macro of that name overrides.
func (e *Env) installGlobalProject() error {
	defs, err := e.defineMacros(MacroFile{Path: "dbt/global_project.sql", Source: globalProject, Namespace: "dbt"}, e.globals)
	if err != nil {
		return fmt.Errorf("dbt's global macros: %w", err)
	}
	dbt, _ := e.globals.Get("dbt")
	ns, _ := dbt.(*namespaceValue)
	written := map[string]bool{}
	for _, d := range defs {
		written[d.name] = true
	}
	for _, d := range defs {
		e.globals.Set(d.name, d.fn)
		if ns != nil {
			ns.members[d.name] = d.fn
			// default__name is the macro itself unless the file writes
			// one (a macro that dispatches)
			if !written["default__"+d.name] {
				ns.members["default__"+d.name] = d.fn
			}
		}
	}
	return nil
}
