package engine

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// builtMaterializations are dbt's materializations that the playground
// builds: each stores its SELECT's rows (a view and a materialized view as a
// table), so the answers are the warehouse's.
var builtMaterializations = map[string]bool{"table": true, "view": true, "incremental": true,
	"ephemeral": true, "materialized_view": true}

// adapterMaterializations are those only one warehouse's adapter has.
var adapterMaterializations = map[dialect.Dialect][]string{
	dialect.Snowflake: {"dynamic_table"},
	// dbt-duckdb's external writes the rows to a file and makes a view
	// reading it: the playground writes no files, and keeps the rows (as
	// read back from CSV for a CSV file: external_csv.go)
	dialect.DuckDB: {"external"},
}

// builtMaterialization reports whether the playground builds name itself:
// dbt's own, the target adapter's, or none given (a table).
func (r *runner) builtMaterialization(name string) bool {
	return name == "" || builtMaterializations[name] || slices.Contains(adapterMaterializations[r.plan.dialect], name)
}

// checkMaterialization refuses a materialization dbt would not find, as
// dbt does, and names one the project defines, which is built as a table.
func (r *runner) checkMaterialization(m *project.Model, cfg project.Config) error {
	name := cfg.Materialized
	if r.builtMaterialization(name) {
		return nil
	}
	adapter := r.plan.target.Type
	if pkg, ok := r.plan.proj.CustomMaterialization(name, adapter); ok {
		where := "the project"
		if pkg != "" {
			where = "package " + pkg
		}
		r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: m.Path, Line: 1,
			Message: fmt.Sprintf("model %s: materialization %s, which %s defines, is not run by the playground: the model is built as a table of its rows", m.Name, name, where)})
		return nil
	}
	known := []string{}
	for k := range builtMaterializations {
		known = append(known, k)
	}
	known = append(known, adapterMaterializations[r.plan.dialect]...)
	sort.Strings(known)
	return diag.Errorf(m.Path, 1, "no materialization %q was found for adapter %s", name, adapter).
		WithHint("use one of %s, or define {%% materialization %s, default %%} in macros/", strings.Join(known, ", "), name)
}

// unrunMaterializationFailed says of the failure d of a model whose
// materialization name the playground does not run ("" for one it runs)
// that its SQL ran as written: what the materialization would have done
// first (replace a placeholder, such as AutomateDV's __PERIOD_FILTER__, or
// run a statement) did not happen.
func unrunMaterializationFailed(d *diag.Diagnostic, name string) *diag.Diagnostic {
	if name == "" {
		return d
	}
	c := *d
	c.Message += fmt.Sprintf("; materialization %s is not run by the playground, so the model's SQL ran as written, without what the materialization does to it or runs before it", name)
	return &c
}

// emptyCustomMaterialization reports whether m, whose SQL is empty, has a
// materialization of its project or a package: such a materialization may
// run no SQL at all (a model other models read through the graph), so
// nothing is built, with a warning, where a table of its rows would fail.
func (r *runner) emptyCustomMaterialization(m *project.Model, step *Step) bool {
	name := r.plan.configs[m.Name].Materialized
	if r.builtMaterialization(name) {
		return false
	}
	if _, ok := r.plan.proj.CustomMaterialization(name, r.plan.target.Type); !ok {
		return false
	}
	r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: m.Path, Line: 1,
		Message: fmt.Sprintf("model %s: materialization %s is not run by the playground, and the model's SQL is empty: no table is built", m.Name, name)})
	step.Status = "OK"
	step.Message = "no SQL, nothing built (materialization " + name + ")"
	return true
}
