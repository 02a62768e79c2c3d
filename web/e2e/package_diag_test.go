package e2e

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// A project that runs on load and fails inside a package model shows the
// problem at the package file, though the package's file list reaches the
// page after the run: the first run is not made to wait for it.
func TestAutoRunErrorInPackageFile(t *testing.T) {
	files := map[string][]byte{}
	root := os.DirFS("../../samples/quickstart")
	err := fs.WalkDir(root, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, path)
		files[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// A state model without the columns of nexus_states: the package's
	// nexus_states.sql refuses it while it runs.
	files["models/not_a_state.sql"] = []byte("select 1 as x\n")
	files["dbt_project.yml"] = []byte(strings.Replace(string(files["dbt_project.yml"]), "vars:\n", "vars:\n  states: [not_a_state]\n", 1))
	ctx := newBrowser(t, 3*time.Minute)
	openShared(t, ctx, share.Project{Files: files}, "?run=1")
	waitFor(t, ctx, "the failed run", `document.body.dataset.lastRun === "error"`, 2*time.Minute)
	waitFor(t, ctx, "the problem listed at the package model",
		`[...document.querySelectorAll("#diagnostics .diag")].some((d) => d.textContent.includes("state model not_a_state (listed in vars.states) has neither"))`, 20*time.Second)
	waitFor(t, ctx, "the package model open in the editor",
		`document.getElementById("file-name").textContent.includes("nexus_states") && !document.getElementById("file-badge").classList.contains("hidden")`, 20*time.Second)
}
