package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteSamples(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"quickstart/dbt_project.yml":     "name: q\n",
		"quickstart/README.md":           "intro\n# Quickstart: one source\nmore\n",
		"demo/dbt_project.yml":           "name: d\n",
		"demo/models/a.sql":              "select 1",
		"demo/target/run.sql":            "build output",
		"demo/.hidden":                   "dotfile",
		"demo/seeds/blob.csv":            "a,b\x00c",
		"demo/seeds/ok.csv":              "a,b\n1,2\n",
		".git/config":                    "not a sample",
		"notes.txt":                      "a file beside the samples",
		"empty_name/dbt_packages/x.yml":  "installed package",
		"empty_name/dbt_project.yml":     "name: e\n",
		"empty_name/logs/dbt.log":        "log",
		"empty_name/models/.keep/x.sql":  "hidden folder",
		"empty_name/models/visible.sql":  "select 2",
		"empty_name/README.md":           "no heading here\n",
		"empty_name/macros/m.sql":        "{% macro m() %}1{% endmacro %}",
		"empty_name/seeds/latin1.csv":    "caf\xe9",
		"empty_name/tests/singular.sql":  "select 1 where false",
		"empty_name/analyses/unused.sql": "select 3",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dst := filepath.Join(t.TempDir(), "samples.json")
	n, err := writeSamples(dir, dst)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	var got []Sample
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	want := []Sample{
		{Name: "demo", Title: "demo", Files: map[string]string{
			"dbt_project.yml": "name: d\n", "models/a.sql": "select 1", "seeds/ok.csv": "a,b\n1,2\n",
		}},
		{Name: "empty_name", Title: "empty_name", Files: map[string]string{
			"dbt_project.yml": "name: e\n", "models/visible.sql": "select 2", "README.md": "no heading here\n",
			"macros/m.sql": "{% macro m() %}1{% endmacro %}", "tests/singular.sql": "select 1 where false",
			"analyses/unused.sql": "select 3",
		}},
		{Name: "quickstart", Title: "Quickstart: one source", Files: map[string]string{
			"dbt_project.yml": "name: q\n", "README.md": "intro\n# Quickstart: one source\nmore\n",
		}},
	}
	if n != len(want) {
		t.Errorf("count %d, want %d", n, len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("samples.json (-want +got):\n%s", diff)
	}
}

func TestWriteSamplesWithoutFolder(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "samples.json")
	if _, err := writeSamples(filepath.Join(t.TempDir(), "missing"), dst); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dst); string(data) != "[]" {
		t.Fatalf("got %s, want []", data)
	}
}
