package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// TestExportProfileTemplate: export writes the project's own files, the
// packages.yml pin and a profiles.yml template for the warehouse --dialect
// names (BigQuery without one), to a folder or a zip; a project's own
// profiles.yml is kept and no template is added.
func TestExportProfileTemplate(t *testing.T) {
	src := filepath.Join("../../../samples", "quickstart")
	own, err := share.ReadFS(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		flags []string
		want  string // the template's type: line
	}{
		{nil, "type: bigquery"},
		{[]string{"--dialect", "sqlite"}, "type: bigquery"},
		{[]string{"--dialect", "bigquery"}, "type: bigquery"},
		{[]string{"--dialect", "snowflake"}, "type: snowflake"},
		{[]string{"--dialect", "DuckDB"}, "type: duckdb"},
	} {
		for _, out := range []string{"folder", "project.zip"} {
			t.Run(strings.Join(append(tc.flags, out), " "), func(t *testing.T) {
				dst := filepath.Join(t.TempDir(), out)
				args := append([]string{"export", "--project-dir", src}, tc.flags...)
				code, _, errOut := runCLI(append(args, dst)...)
				if code != 0 {
					t.Fatalf("export: exit %d: %s", code, errOut)
				}
				got := readExport(t, dst)
				for name, data := range own {
					if got[name] != string(data) {
						t.Errorf("%s differs from the project's own file", name)
					}
				}
				if got["packages.yml"] != share.PackagesYML {
					t.Errorf("packages.yml:\n%s", got["packages.yml"])
				}
				tmpl := got[share.ProfilesTemplatePath]
				if !strings.Contains(tmpl, tc.want) {
					t.Errorf("%s has no %q:\n%s", share.ProfilesTemplatePath, tc.want, tmpl)
				}
				if len(got) != len(own)+2 {
					t.Errorf("%d files, want the project's %d plus packages.yml and the template", len(got), len(own))
				}
			})
		}
	}

	withProfile := writeProject(t, map[string]string{
		"dbt_project.yml": "name: p\nprofile: wh\n",
		"profiles.yml":    "wh:\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n",
		"models/m.sql":    "select 1 as x\n",
	})
	dst := filepath.Join(t.TempDir(), "out")
	if code, _, errOut := runCLI("export", "--project-dir", withProfile, "--dialect", "duckdb", dst); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	got := readExport(t, dst)
	if _, ok := got[share.ProfilesTemplatePath]; ok {
		t.Errorf("a project with its own profiles.yml got a template too")
	}
	if !strings.Contains(got["profiles.yml"], "type: snowflake") {
		t.Errorf("the project's profiles.yml changed:\n%s", got["profiles.yml"])
	}

	if code, _, errOut := runCLI("export", "--project-dir", src, "--dialect", "postgres", filepath.Join(t.TempDir(), "x")); code != 2 || !strings.Contains(errOut, "--dialect") {
		t.Errorf("--dialect postgres: exit %d, %q; want a usage error naming --dialect", code, errOut)
	}
	if code, _, errOut := runCLI("export", "--project-dir", src, dst); code == 0 || !strings.Contains(errOut, "not empty") {
		t.Errorf("export into a folder that is not empty: exit %d, %q", code, errOut)
	}
}

// readExport reads an exported folder, or a zip's files under its one
// top folder.
func readExport(t *testing.T, path string) map[string]string {
	t.Helper()
	got := map[string]string{}
	if !strings.HasSuffix(path, ".zip") {
		files, err := share.ReadFS(os.DirFS(path))
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range files {
			got[k] = string(v)
		}
		return got
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		name, ok := strings.CutPrefix(f.Name, "project/")
		if !ok {
			t.Fatalf("zip entry %s is not under project/", f.Name)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		r.Close()
		got[name] = string(data)
	}
	return got
}
