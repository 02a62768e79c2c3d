package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// The dbt-nexus v0.13.0 repository, built unchanged as the root project
// with DuckDB as its dialect. It configures no sources, so two models fail
// as they fail on dbt-duckdb: nexus_events unions no relations (its CTE is
// empty) and nexus_event_dimensions_metadata calls INITCAP, which DuckDB
// does not have (the package's own install_duckdb_compat on-run-start
// defines it, and the root project does not run that hook). Every other
// model builds, every model downstream of those two is skipped, and every
// test that runs passes.
func TestRealdataNexusV013Root(t *testing.T) {
	dir := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, os.DirFS(dir), Options{Command: CmdBuild, Dialect: dialect.DuckDB})
	if err != nil {
		t.Fatal(err)
	}
	wantErrors := map[string]string{
		"nexus_events":                    "models/core/nexus_events.sql:131: near \")\": syntax error",
		"nexus_event_dimensions_metadata": "unknown function INITCAP in DuckDB SQL",
	}
	built, seeds, tests := 0, 0, 0
	for _, st := range res.Steps {
		switch {
		case st.Status == "ERROR" && wantErrors[st.Name] != "":
			if !strings.Contains(st.Message, wantErrors[st.Name]) {
				t.Errorf("%s failed with %q, want %q", st.Name, st.Message, wantErrors[st.Name])
			}
			delete(wantErrors, st.Name)
		case st.Status == "SKIP":
		case st.Kind == "model" && st.Status == "OK":
			built++
		case st.Kind == "seed" && st.Status == "OK":
			seeds++
		case st.Kind == "test" && st.Status == "PASS":
			tests++
		default:
			t.Errorf("%s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
		}
	}
	for name, msg := range wantErrors {
		t.Errorf("%s did not fail with %q", name, msg)
	}
	if built != 24 || seeds != 5 || tests == 0 {
		t.Errorf("built %d models, loaded %d seeds, passed %d tests; want 24 models, 5 seeds and some tests", built, seeds, tests)
	}
	tab, err := s.Query(ctx, "select count(*) from nexus_resolved_person_identifiers", 1)
	if err != nil {
		t.Fatalf("the identity resolution models were not built: %v", err)
	}
	if len(tab.Rows) != 1 {
		t.Errorf("nexus_resolved_person_identifiers: %v", tab.Rows)
	}
}
