package pipeline

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// realdataDir is where the real projects are kept beside the repository:
// shared/realdata in the folder above its root (or above that, for a
// worktree); NEXUS_REALDATA overrides it.
func realdataDir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("NEXUS_REALDATA"); dir != "" {
		return dir
	}
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "realdata")
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("real projects not found in shared/realdata beside the repository (set NEXUS_REALDATA)")
		}
		dir = up
	}
}

// extractTarball unpacks a git-archive tarball into a new temporary folder.
func extractTarball(t *testing.T, file string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Clean(h.Name)
		if !filepath.IsLocal(name) {
			t.Fatalf("%s: unsafe path %q", file, h.Name)
		}
		dst := filepath.Join(out, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				t.Fatal(err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// dbt-nexus at c918759 is a dbt project named nexus with its own package
// core and a BigQuery demo. It builds unchanged as BigQuery: every seed,
// model and test, nothing skipped, the 29 demo source models among them,
// and persons resolved.
func TestRealdataNexusC918759(t *testing.T) {
	dir := extractTarball(t, filepath.Join(realdataDir(t), "dbt-nexus-c918759.tar.gz"))
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
