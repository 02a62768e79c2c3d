package e2e

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// v013Project is dbt-nexus v0.13.0's integration project with the package
// in its folder nexus_package (the page has no folder above the project for
// its `local: ../`), read from the tarball in shared/realdata.
func v013Project(t *testing.T, scenario, now string) map[string][]byte {
	t.Helper()
	dir := os.Getenv("NEXUS_REALDATA")
	if dir == "" {
		// shared/realdata beside the repository, as the pipeline's tests find it
		abs, _ := filepath.Abs(".")
		for dir = filepath.Join(abs, "shared", "realdata"); filepath.Dir(abs) != abs; abs = filepath.Dir(abs) {
			if _, err := os.Stat(filepath.Join(abs, "shared", "realdata")); err == nil {
				dir = filepath.Join(abs, "shared", "realdata")
				break
			}
		}
	}
	tarball := filepath.Join(dir, "dbt-nexus-v0.13.0-91b50f8.tar.gz")
	if _, err := os.Stat(tarball); errors.Is(err, fs.ErrNotExist) {
		// As the pipeline's real-project tests: a clone without the real
		// projects beside it skips them; CI has them.
		t.Skip("real projects not found in shared/realdata beside the repository (set NEXUS_REALDATA)")
	}
	f, err := os.Open(tarball)
	if err != nil {
		t.Fatalf("the v0.13.0 tarball (set NEXUS_REALDATA): %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := path.Clean(h.Name)
		if i := strings.Index(name, "/"); i >= 0 && strings.HasPrefix(name, "dbt-nexus") {
			name = name[i+1:]
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		top, _, _ := strings.Cut(name, "/")
		switch {
		case strings.HasPrefix(path.Base(name), "."), !strings.HasSuffix(name, ".sql") && !strings.HasSuffix(name, ".yml") && !strings.HasSuffix(name, ".csv"):
			// .gitkeep, run.py and the like: not project files
		case strings.HasPrefix(name, "integration_tests/"):
			files[strings.TrimPrefix(name, "integration_tests/")] = data
		case top == "dbt_project.yml" || top == "macros" || top == "models":
			files["nexus_package/"+name] = data
		}
	}
	files["packages.yml"] = []byte("packages:\n  - local: nexus_package\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n")
	proj := string(files["dbt_project.yml"])
	for old, repl := range map[string]string{`it_scenario: "_none"`: `it_scenario: "` + scenario + `"`, `it_now: "1970-01-01 00:00:00"`: `it_now: "` + now + `"`} {
		if !strings.Contains(proj, old) {
			t.Fatalf("integration_tests/dbt_project.yml has no %s", old)
		}
		proj = strings.Replace(proj, old, repl, 1)
	}
	files["dbt_project.yml"] = []byte(proj)
	return files
}

// The person page and its explain and graph on a dbt-nexus v0.13 build:
// persons are entities of type person, their identifiers, edges and events
// come from the entity tables.
func TestPersonPageOnV013Entities(t *testing.T) {
	// Too large for a share link: imported as a folder.
	dir := filepath.Join(t.TempDir(), "v013")
	for name, data := range v013Project(t, "simple_merge", "2030-01-01 00:00:00") {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := newBrowser(t, 10*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`input[type=file][webkitdirectory]`), []string{dir}))
	waitFor(t, ctx, "the imported project", `[...document.querySelectorAll(".toast")].some(el => el.textContent.includes("Imported"))`, time.Minute)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	eval[bool](t, ctx, `(delete document.body.dataset.lastRun, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the v0.13 run", `document.body.dataset.lastRun !== undefined`, 6*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("status").textContent`))
	}
	openPersonNamed(t, ctx, "per_")
	waitFor(t, ctx, "every section filled", `(() => { const secs = [...document.querySelectorAll("#person-view .person-sec")]; const last = secs[secs.length - 1]; return last && last.dataset.section === "States" && !!last.querySelector(".count, .empty, .error-box"); })()`, time.Minute)
	counts := eval[string](t, ctx, `[...document.querySelectorAll("#person-view .person-sec")].map((s) => s.dataset.section + "=" + (s.querySelector(".count")?.textContent ?? s.textContent.slice(-40))).join("; ")`)
	for _, want := range []string{"Identifiers=4", "Edges that joined them=3", "Events=3", "Relationships=0"} {
		if !strings.Contains(counts, want) {
			t.Errorf("sections %q lack %q", counts, want)
		}
	}
	if n := explainPair(t, ctx, "anonymous_id:sm-anon-1", "email:m2@sm.test"); n != 1 {
		t.Errorf("explain anonymous_id:sm-anon-1 and email:m2@sm.test: %d edges, want 1", n)
	}
	if text := eval[string](t, ctx, `document.querySelector("#person-view .x-out").textContent`); !strings.Contains(text, "nexus_entity_identifiers_edges") {
		t.Errorf("explain did not read the entity edges:\n%s", text)
	}
	if nodes := eval[string](t, ctx, `document.querySelector("#person-view .g-box").dataset.nodes`); nodes != "4" {
		t.Errorf("graph has %s nodes, want the person's 4 identifiers", nodes)
	}
}
