package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// dbt-nexus's own repository at c918759 is a root project named nexus: it
// uses its own core models and macros (no built-in package), calls them as
// nexus.x(), and its dispatched macros resolve for BigQuery
// (TestRealdataNexusC918759 builds it).
func TestRealdataPackagesC918759(t *testing.T) {
	dir := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-c918759.tar.gz"))
	fsys := project.LocalDir(dir)

	p, err := newPlan(fsys, nil, Warehouse{Dialect: dialect.BigQuery})
	if err != nil {
		t.Fatalf("the project does not plan for BigQuery: %v", err)
	}
	if got, want := p.proj.PackagesLine(), "nexus from the root project itself"; !strings.Contains(got, want) {
		t.Errorf("packages line %q does not say %q", got, want)
	}
	var sqlFiles int
	filepath.WalkDir(filepath.Join(dir, "models"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".sql") {
			sqlFiles++
		}
		return nil
	})
	if len(p.proj.Models) != sqlFiles {
		t.Errorf("%d models loaded, the repository has %d model files", len(p.proj.Models), sqlFiles)
	}
	for _, m := range p.proj.Models {
		if m.Package != "" || m.Override {
			t.Errorf("model %s comes from package %q (override %v): the built-in package must not load", m.Name, m.Package, m.Override)
		}
	}
	for _, core := range []string{"nexus_persons", "nexus_groups", "nexus_events", "nexus_resolved_person_identifiers"} {
		if _, ok := p.models[core]; !ok {
			t.Errorf("core model %s is missing from the plan", core)
		}
	}
	if ids := p.graph.Parents("model.nexus.nexus_persons"); len(ids) == 0 {
		t.Errorf("nexus_persons depends on nothing in the plan")
	}

	// For SQLite, dbt itself would find no implementation of the
	// dispatched identity resolution: the error says what it searched.
	if _, err := newPlan(fsys, nil, Warehouse{Dialect: dialect.SQLite}); err == nil || !strings.Contains(err.Error(), `adapter.dispatch found no macro "resolve_identifiers"`) {
		t.Errorf("planning for SQLite: got %v, want dispatch to find no sqlite__/default__resolve_identifiers", err)
	}
}

// dbt-nexus v0.13.0's integration_tests project consumes the package with
// `local: ../`: the package loads from the parent folder, under its name.
func TestRealdataPackagesV013IntegrationTests(t *testing.T) {
	dir := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	fsys := project.LocalDir(filepath.Join(dir, "integration_tests"))
	proj, err := project.Load(fsys, nil, project.Package{Name: PackageName, Files: PackageFiles(), Builtin: true, AskVars: askVars})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := proj.PackagesLine(), "nexus from local: ../"; !strings.Contains(got, want) {
		t.Errorf("packages line %q does not say %q", got, want)
	}
	own, pkg := 0, 0
	for _, m := range proj.Models {
		switch m.Package {
		case "":
			own++
		case "nexus":
			pkg++
		default:
			t.Errorf("model %s from unexpected package %q", m.Name, m.Package)
		}
	}
	if own == 0 || pkg == 0 {
		t.Errorf("want the project's own models and the package's from ../, got %d and %d", own, pkg)
	}
	if m := proj.Model("nexus_persons"); m != nil && m.Package != "nexus" {
		t.Errorf("nexus_persons comes from %q", m.Package)
	}
	if _, err := newPlan(fsys, nil, Warehouse{Dialect: dialect.DuckDB}); err != nil {
		t.Logf("v0.13.0 integration_tests still does not plan: %v", err)
	}
}
