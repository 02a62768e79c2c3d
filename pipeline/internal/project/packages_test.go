package project

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// builtinNX stands for the engine's built-in package: loaded only when a
// project asks for it.
func builtinNX() Package {
	return Package{Name: "nx", Builtin: true, AskVars: []string{"sources", "nx"}, Origin: "the built-in package",
		Files: files(map[string]string{
			"dbt_project.yml":      "name: nx\nvars:\n  depth: 5\n  shared: pkg\n",
			"models/nx_core.sql":   "select 1",
			"macros/nx_macros.sql": "{% macro hello() %}hi{% endmacro %}",
		})}
}

func modelNames(p *Project) []string {
	var out []string
	for _, m := range p.Models {
		out = append(out, p.pkgKey(m.Package)+"."+m.Name)
	}
	sort.Strings(out)
	return out
}

// Which packages a project loads, and from where, as the build log says.
func TestPackageResolution(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		models   []string
		packages string
	}{
		{name: "no dbt-nexus: no built-in package",
			files:  map[string]string{"dbt_project.yml": "name: app\n", "models/a.sql": "select 1"},
			models: []string{"app.a"}},
		{name: "vars.sources asks for the built-in package",
			files:    map[string]string{"dbt_project.yml": "name: app\nvars:\n  sources: []\n", "models/a.sql": "select 1"},
			models:   []string{"app.a", "nx.nx_core"},
			packages: "Packages: nx from the built-in package."},
		{name: "a packages.yml entry asks for it",
			files:    map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - git: https://github.com/acme/dbt-nx.git\n    revision: v1\n"},
			models:   []string{"nx.nx_core"},
			packages: "Packages: nx from the built-in package."},
		{name: "a root project named like it with its core models is its own copy",
			files:    map[string]string{"dbt_project.yml": "name: nx\nvars:\n  sources: []\n", "models/core/nx_core.sql": "select 'mine'"},
			models:   []string{"nx.nx_core"},
			packages: "Packages: nx from the root project itself (its own models and macros; the built-in package is not used)."},
		{name: "a shipped dbt_packages copy wins over the built-in one",
			files: map[string]string{"dbt_project.yml": "name: app\nvars:\n  sources: []\n",
				"packages.yml":                              "packages:\n  - package: acme/nx\n    version: 1.0.0\n",
				"dbt_packages/nx/dbt_project.yml":           "name: nx\n",
				"dbt_packages/nx/models/nx_shipped.sql":     "select 1",
				"dbt_packages/other/dbt_project.yml":        "name: other\nmodel-paths: [src]\n",
				"dbt_packages/other/src/other_model.sql":    "select 1",
				"dbt_packages/other/models/not_a_model.sql": "select 1"},
			models:   []string{"nx.nx_shipped", "other.other_model"},
			packages: "Packages: nx from dbt_packages/nx; other from dbt_packages/other."},
		{name: "a local package inside the project",
			files: map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - local: vendor/lib\n",
				"vendor/lib/dbt_project.yml": "name: lib\n", "vendor/lib/models/lib_model.sql": "select 1"},
			models:   []string{"lib.lib_model"},
			packages: "Packages: lib from local: vendor/lib."},
		{name: "a local package's own packages.yml adds its dependencies",
			files: map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - local: vendor/lib\n",
				"vendor/lib/dbt_project.yml": "name: lib\n", "vendor/lib/models/lib_model.sql": "select 1",
				"vendor/lib/packages.yml":                "packages:\n  - local: deps/helper\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n",
				"vendor/lib/deps/helper/dbt_project.yml": "name: helper\n",
				"vendor/lib/deps/helper/models/help.sql": "select 1"},
			models:   []string{"helper.help", "lib.lib_model"},
			packages: "Packages: lib from local: vendor/lib; helper from local: deps/helper; dbt_utils from the engine's own dbt_utils macros (dbt-labs/dbt_utils is not installed)."},
		{name: "dbt_utils without dbt_packages uses the engine's macros",
			files:    map[string]string{"dependencies.yml": "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n", "dbt_project.yml": "name: app\n"},
			packages: "Packages: dbt_utils from the engine's own dbt_utils macros (dbt-labs/dbt_utils is not installed)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(files(tc.files), nil, builtinNX())
			if err != nil {
				t.Fatal(err)
			}
			if got := modelNames(p); !reflect.DeepEqual(got, tc.models) {
				t.Errorf("models %v, want %v", got, tc.models)
			}
			if got := p.PackagesLine(); got != tc.packages {
				t.Errorf("log line %q, want %q", got, tc.packages)
			}
		})
	}
}

func TestPackageErrors(t *testing.T) {
	tests := []struct {
		name, wantErr string
		files         map[string]string
	}{
		{name: "local path outside a project that is not on disk",
			files:   map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - local: ../\n"},
			wantErr: "packages.yml:2: package local: ../: the path leaves the project, and only the project's own files are here (ship the package's folder with the project and point local: at it)"},
		{name: "local path missing",
			files:   map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - local: libs/x\n"},
			wantErr: "packages.yml:2: package local: libs/x: there is no folder libs/x in the project (ship the package's folder with the project and point local: at it)"},
		{name: "two packages define one model",
			files: map[string]string{"dbt_project.yml": "name: app\n", "models/shared.sql": "select 1",
				"dbt_packages/lib/dbt_project.yml": "name: lib\n", "dbt_packages/lib/models/deep/shared.sql": "select 2"},
			wantErr: `models/shared.sql:1: model "shared" is defined twice, here and in dbt_packages/lib/models/deep/shared.sql (model names must be unique across the project and its packages: rename one, or disable one with enabled: false)`},
		{name: "dispatch not a list",
			files:   map[string]string{"dbt_project.yml": "name: app\ndispatch:\n  macro_namespace: x\n"},
			wantErr: "dbt_project.yml:3: `dispatch` must be a list (write dispatch: [{macro_namespace: pkg, search_order: [my_project, pkg]}])"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(files(tc.files), nil, builtinNX())
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("error:\n got %v\nwant %s", err, tc.wantErr)
			}
		})
	}
}

// A package dbt deps would install and the project does not ship loads
// nothing and is named in a warning: the rest of the project builds, its
// tests are skipped (each named in a warning) and a call to one of its
// macros fails there.
func TestPackageNotInstalled(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{name: "hub package",
			files: map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - package: calogica/dbt_expectations\n    version: 0.10.0\n  - git: https://github.com/dbt-labs/dbt-codegen.git\n    revision: 0.12.1\n",
				"models/m.sql": "select 1 as v", "models/m.yml": "models:\n  - name: m\n    columns:\n      - name: v\n        tests:\n          - dbt_expectations.expect_column_values_to_be_between: {min_value: 0}\n"},
			want: []string{
				"packages.yml:2: package calogica/dbt_expectations is not installed: there is no dbt_packages/dbt_expectations, so calls to its macros fail and its tests are skipped (run `dbt deps` and ship the dbt_packages folder with the project, or use `local:` with the package's folder)",
				"packages.yml:4: package https://github.com/dbt-labs/dbt-codegen.git is not installed: there is no dbt_packages/dbt-codegen, so calls to its macros fail and its tests are skipped (run `dbt deps` and ship the dbt_packages folder with the project, or use `local:` with the package's folder)",
				"models/m.yml:6: test dbt_expectations.expect_column_values_to_be_between on m is skipped: package dbt_expectations is not installed (run `dbt deps` and ship the dbt_packages folder with the project)",
			}},
		{name: "a local package's dependency",
			files: map[string]string{"dbt_project.yml": "name: app\n", "packages.yml": "packages:\n  - local: vendor/lib\n",
				"vendor/lib/dbt_project.yml": "name: lib\n", "vendor/lib/packages.yml": "packages:\n  - package: calogica/dbt_expectations\n    version: 0.10.0\n"},
			want: []string{"lib/packages.yml:2: package calogica/dbt_expectations is not installed: there is no dbt_packages/dbt_expectations, so calls to its macros fail and its tests are skipped (run `dbt deps` and ship the dbt_packages folder with the project, or use `local:` with the package's folder)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Load(files(tc.files), nil, builtinNX())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range p.Warnings {
				got = append(got, w.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n got %s\nwant %s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if len(p.Missing) != len(tc.want)-strings.Count(strings.Join(tc.want, "\n"), "is skipped") {
				t.Errorf("missing packages: %v", p.Missing)
			}
		})
	}
}

// A disabled model gives way to the enabled one of the same name.
func TestDisabledDuplicateGivesWay(t *testing.T) {
	p, err := Load(files(map[string]string{
		"dbt_project.yml":                     "name: app\nmodels:\n  lib:\n    shared:\n      +enabled: false\n",
		"models/shared.sql":                   "select 'root'",
		"dbt_packages/lib/dbt_project.yml":    "name: lib\n",
		"dbt_packages/lib/models/shared.sql":  "select 'lib'",
		"dbt_packages/lib/models/lib_own.sql": "select 1",
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := p.Model("shared"); m == nil || m.Package != "" {
		t.Fatalf("want the root model kept, got %+v", m)
	}
	if len(p.Disabled) != 1 || p.Disabled[0].Package != "lib" {
		t.Errorf("disabled: %+v", p.Disabled)
	}
}

// On disk, local: may leave the project folder (an integration-test
// project using its parent as the package).
func TestLocalPackageOutsideOnDisk(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("dbt_project.yml", "name: nx\n")
	write("models/nx_core.sql", "select 1")
	write("integration_tests/dbt_project.yml", "name: it\nvars:\n  sources: []\n")
	write("integration_tests/packages.yml", "packages:\n  - local: ../\n")
	write("integration_tests/models/it_model.sql", "select 1")
	p, err := Load(LocalDir(filepath.Join(dir, "integration_tests")), nil, builtinNX())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := modelNames(p), []string{"it.it_model", "nx.nx_core"}; !reflect.DeepEqual(got, want) {
		t.Errorf("models %v, want %v", got, want)
	}
	if got := p.PackagesLine(); got != "Packages: nx from local: ../." {
		t.Errorf("log line %q", got)
	}
	if m := p.Model("nx_core"); !strings.HasSuffix(p.Where(m), "models/nx_core.sql") || p.Where(m) != "../models/nx_core.sql" {
		t.Errorf("where %q", p.Where(m))
	}
}

// On disk, local: may be an absolute path, as in dbt.
func TestLocalPackageAbsoluteOnDisk(t *testing.T) {
	pkg, proj := t.TempDir(), t.TempDir()
	for rel, text := range map[string]string{
		filepath.Join(pkg, "dbt_project.yml"):      "name: helpers\n",
		filepath.Join(pkg, "models", "helper.sql"): "select 1",
		filepath.Join(proj, "dbt_project.yml"):     "name: app\n",
		filepath.Join(proj, "packages.yml"):        "packages:\n  - local: " + filepath.ToSlash(pkg) + "\n",
		filepath.Join(proj, "models", "app.sql"):   "select 2",
	} {
		if err := os.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rel, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(LocalDir(proj), nil, builtinNX())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := modelNames(p), []string{"app.app", "helpers.helper"}; !reflect.DeepEqual(got, want) {
		t.Errorf("models %v, want %v", got, want)
	}
}

// var() in a package sees its own dbt_project.yml vars, the root project's
// global vars and those scoped to the package, then --vars, as dbt merges.
func TestVarsScopedPerPackage(t *testing.T) {
	p, err := Load(files(map[string]string{
		"dbt_project.yml": "name: app\nvars:\n  sources: []\n  shared: root\n  app:\n    mine: root-only\n  nx:\n    depth: 3\n",
	}), map[string]any{"cli": 1}, builtinNX())
	if err != nil {
		t.Fatal(err)
	}
	nx, root := p.VarsFor("nx"), p.VarsFor("")
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"package sees root's scoped value over its own", nx["depth"], 3},
		{"root global over package's own", nx["shared"], "root"},
		{"root's own scope is not the package's", nx["mine"], nil},
		{"root sees its scoped var", root["mine"], "root-only"},
		{"root does not see the package's own vars", root["depth"], nil},
		{"--vars everywhere", nx["cli"], 1},
		{"a scope stays a global var too (var('nx', {}))", root["nx"] != nil, true},
	}
	for _, c := range checks {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}
