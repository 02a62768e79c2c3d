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

// dbt-nexus at c918759 is a dbt project named nexus with its own package
// core and a BigQuery demo. It builds unchanged as BigQuery: every seed,
// model and test, nothing skipped, the 29 demo source models among them,
// and persons resolved.
func TestRealdataNexusC918759(t *testing.T) {
	dir := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-c918759.tar.gz"))
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, os.DirFS(dir), Options{Command: CmdBuild, Dialect: dialect.BigQuery})
	if err != nil {
		t.Fatal(err)
	}
	sources := 0
	for _, st := range res.Steps {
		if st.Status != "OK" && st.Status != "PASS" {
			t.Errorf("%s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
		}
		if st.Kind == "model" && strings.HasPrefix(st.Relation, "sources_demo.") {
			sources++
		}
	}
	for _, d := range res.Diagnostics {
		t.Errorf("diagnostic: %s", d.Error())
	}
	if sources != 29 {
		t.Errorf("built %d demo source models, want 29", sources)
	}
	tab, err := s.Query(ctx, "select count(*) from final_tables_demo.nexus_persons", 1)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := tab.Rows[0][0].(int64); n == 0 {
		t.Errorf("nexus_persons is empty")
	}
	if !res.OK {
		t.Errorf("build not OK: %s", res.Summary)
	}
}
