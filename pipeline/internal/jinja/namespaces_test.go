package jinja

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A root project named nexus that calls its own macros as nexus.x(), as
// dbt-nexus's repository does; a package whose bare names find its own
// macros first; adapter.dispatch by target type, adapter parents, and the
// dispatch: search order.
func TestNamespacesAndDispatch(t *testing.T) {
	macros := []MacroFile{
		{Path: "macros/root.sql", Source: `{% macro unpivot(x) %}root {{ x }}{% endmacro %}
{% macro helper() %}root helper{% endmacro %}
{% macro calls_dispatch() %}{{ adapter.dispatch('shape', 'lib')() }}{% endmacro %}
{% macro default__shape() %}root default shape{% endmacro %}`},
		{Path: "macros/lib.sql", Namespace: "lib", Source: `{% macro helper() %}lib helper{% endmacro %}
{% macro uses_helper() %}{{ helper() }}{% endmacro %}
{% macro uses_root_only() %}{{ unpivot('from lib') }}{% endmacro %}
{% macro bigquery__shape() %}lib bigquery shape{% endmacro %}
{% macro postgres__kind() %}lib postgres kind{% endmacro %}
{% macro default__kind() %}lib default kind{% endmacro %}
{% macro sqlite__kind() %}lib sqlite kind{% endmacro %}`},
	}
	tests := []struct {
		name, src, pkg, typ string
		dispatch            map[string][]string
		want, wantErr       string
	}{
		{name: "root namespace under the project's name", src: `{{ nexus.unpivot('a') }}|{{ unpivot('b') }}`, want: "root a|root b"},
		{name: "project_name", src: `{{ project_name }}`, want: "nexus"},
		{name: "a package macro's bare names: its own package first", src: `{{ lib.uses_helper() }}|{{ helper() }}`, want: "lib helper|root helper"},
		{name: "then the root project", src: `{{ lib.uses_root_only() }}`, want: "root from lib"},
		{name: "a package node sees its own macros first", src: `{{ helper() }}`, pkg: "lib", want: "lib helper"},
		{name: "dispatch: root project first, then the namespace", src: `{{ calls_dispatch() }}`, typ: "sqlite", want: "root default shape"},
		{name: "dispatch: the root's default__ wins over the package's bigquery__ (packages outer, prefixes inner)", src: `{{ calls_dispatch() }}`, typ: "bigquery", want: "root default shape"},
		{name: "dispatch: search order from dbt_project.yml", src: `{{ calls_dispatch() }}`, typ: "bigquery", dispatch: map[string][]string{"lib": {"lib", "nexus"}}, want: "lib bigquery shape"},
		{name: "dispatch: an adapter's parent before default", src: `{{ adapter.dispatch('kind', 'lib')() }}`, typ: "redshift", want: "lib postgres kind"},
		{name: "dispatch: the target type", src: `{{ adapter.dispatch('kind', macro_namespace='lib')() }}`, typ: "sqlite", want: "lib sqlite kind"},
		{name: "dispatch: default", src: `{{ adapter.dispatch('kind', 'lib')() }}`, typ: "duckdb", want: "lib default kind"},
		{name: "dispatch: a namespace that is no package searches what the caller sees", src: `{{ adapter.dispatch('shape', 'dbt_nexus')() }}`, typ: "bigquery", want: "root default shape"},
		{name: "dispatch: a dotted name", src: `{{ adapter.dispatch('lib.kind')() }}`,
			wantErr: `models/m.sql:1: adapter.dispatch got the macro name "lib.kind", but "." is not valid in a macro name (write adapter.dispatch('kind', macro_namespace='lib'))`},
		{name: "dispatch: nothing found names what was searched", src: `{{ adapter.dispatch('shape', 'lib')() }}`, typ: "snowflake", dispatch: map[string][]string{"lib": {"lib"}},
			wantErr: `models/m.sql:1: adapter.dispatch found no macro "shape" within namespace "lib" (target type snowflake); searched lib.snowflake__shape, lib.default__shape (define snowflake__shape or default__shape, or list the package that has it in dispatch: of dbt_project.yml)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env, err := NewProjectEnv(Project{Name: "nexus", Dispatch: tc.dispatch}, macros)
			if err != nil {
				t.Fatal(err)
			}
			ctx := testContext()
			ctx.Package = tc.pkg
			if tc.typ != "" {
				ctx.Target.Type = tc.typ
			}
			got, err := env.Render("models/m.sql", tc.src, ctx)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("no error, output %q", got)
				}
				if diff := cmp.Diff(tc.wantErr, err.Error()); diff != "" {
					t.Errorf("error (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
		})
	}
}
