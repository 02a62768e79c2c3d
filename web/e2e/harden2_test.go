package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// front brings a tab to the front, so the keys sent to it reach its focused
// editor.
func front(t testing.TB, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.BringToFront, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
}

// typeAtEnd types text at the end of the file open in the editor.
func typeAtEnd(t testing.TB, ctx context.Context, text string) {
	t.Helper()
	front(t, ctx)
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(editorContent().focus(), true)`)
	do(t, ctx, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(text))
}

// openInEditor clicks a file of the tree and waits for the editor to show it.
func openInEditor(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	eval[bool](t, ctx, `(document.querySelector('#tree li.file[data-path="`+path+`"]').click(), true)`)
	waitFor(t, ctx, path+" in the editor", `document.getElementById("file-name").textContent === "`+path+`"`, 10*time.Second)
}

// storedHas is a condition: the saved quickstart working copy's file holds text.
func storedHas(file, text string) string {
	return `(() => { const f = JSON.parse(localStorage.getItem("nexus-playground:project:quickstart") || "{}"); return (f["` + file + `"] || "").includes("` + text + `"); })()`
}

// TestTwoTabsKeepBothEdits: two tabs edit the same project; each autosave
// merges the other's edits instead of overwriting them, and each tab takes
// the other's saved edits.
func TestTwoTabsKeepBothEdits(t *testing.T) {
	one := newBrowser(t, 4*time.Minute)
	two, cancel := chromedp.NewContext(one)
	defer cancel()
	for _, ctx := range []context.Context{one, two} {
		openReady(t, ctx, site+"?sample=quickstart&run=0")
		waitFor(t, ctx, "dbt_project.yml in the editor", `document.getElementById("file-name").textContent === "dbt_project.yml"`, 10*time.Second)
	}
	// Tab one edits dbt_project.yml and saves; tab two, which loaded the
	// project before that save, edits the README.
	typeAtEnd(t, one, "\n# from tab one\n")
	waitFor(t, one, "tab one's save", storedHas("dbt_project.yml", "# from tab one"), 10*time.Second)
	front(t, two)
	openInEditor(t, two, "README.md")
	typeAtEnd(t, two, "\nfrom tab two\n")
	waitFor(t, two, "tab two's save", storedHas("README.md", "from tab two"), 10*time.Second)
	if !eval[bool](t, two, storedHas("dbt_project.yml", "# from tab one")) {
		t.Fatalf("tab two's save dropped tab one's edit of dbt_project.yml")
	}
	// Tab one took tab two's edit: in its project and in its editor.
	front(t, one)
	waitFor(t, one, "tab two's edit merged into tab one", `Number(document.body.dataset.merged || 0) > 0`, 10*time.Second)
	openInEditor(t, one, "README.md")
	waitFor(t, one, "tab two's edit in tab one's editor", `(editorRoot().querySelector(".cm-scroller").scrollTop = 1e9, [...editorContent().querySelectorAll(".cm-line")].some(l => l.textContent === "from tab two"))`, 10*time.Second)
	// Both edit the README again: neither text is lost, in storage or in
	// either tab.
	typeAtEnd(t, two, "two again\n")
	typeAtEnd(t, one, "one again\n")
	const bothKept = `(() => { const f = JSON.parse(localStorage.getItem("nexus-playground:project:quickstart") || "{}"); const all = Object.entries(f).filter(([k]) => k.startsWith("README")).map(([, v]) => v).join("\n"); return all.includes("one again") && all.includes("two again") && f["dbt_project.yml"].includes("# from tab one"); })()`
	waitFor(t, one, "both texts of README.md saved", bothKept, 10*time.Second)
	front(t, two)
	waitFor(t, two, "tab one's text in tab two's project", `[...document.querySelectorAll("#tree li.file")].some(li => (li.dataset.path || "").startsWith("README")) && Number(document.body.dataset.merged || 0) > 0`, 10*time.Second)
}

// TestStorageFullKeepsProjects: with storage full, a project opened from a
// link is not saved, says so, and a reload opens a project with its files,
// never an empty one.
func TestStorageFullKeepsProjects(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	eval[bool](t, ctx, `(() => {
		for (let size = 1 << 20; size >= 16; size >>= 1) {
			try { for (let i = 0; ; i++) localStorage.setItem("junk:" + size + ":" + i, "x".repeat(size)); } catch (e) {}
		}
		return true;
	})()`)
	files := quickstartFiles(t)
	files["models/extra.sql"] = []byte("select 1 as one\n")
	do(t, ctx, chromedp.Navigate(fullLink(t, files, "?from=link")))
	waitFor(t, ctx, "the shared project", `document.body.dataset.shared === "1"`, time.Minute)
	waitFor(t, ctx, "the storage message", `[...document.querySelectorAll(".toast")].some(el => el.textContent.includes("storage is full"))`, 10*time.Second)
	if n := eval[int](t, ctx, `document.querySelectorAll("#tree li.file").length`); n != len(files) {
		t.Errorf("the unsaved project shows %d files, want %d", n, len(files))
	}
	openReady(t, ctx, site)
	waitFor(t, ctx, "a project with files after the reload", `document.querySelectorAll("#tree li.file").length > 0`, 10*time.Second)
	if eval[bool](t, ctx, `[...document.querySelectorAll("#picker-saved [role=menuitemradio]")].some(o => o.textContent.startsWith("Shared"))`) {
		t.Errorf("the project storage had no room for is listed after the reload")
	}
}

// bombFiles is the quickstart with a macro that doubles itself 60 times: a
// render that never ends by itself.
func bombFiles(t *testing.T) map[string][]byte {
	files := quickstartFiles(t)
	files["macros/f.sql"] = []byte("{% macro f(n) %}{% if n>0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n")
	files["models/bomb.sql"] = []byte("select 1 as x {{ f(60) }}\n")
	return files
}

// setLimit sets the page's time limit while the engine loads.
func setLimit(t *testing.T, ctx context.Context, seconds string) {
	t.Helper()
	waitFor(t, ctx, "the limit box", `!!document.getElementById("timeout")`, 10*time.Second)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "`+seconds+`", true)`)
}

// TestEngineCallsBounded: a template that would render for ever holds the
// engine no longer than the time limit in every call the page makes: the
// lineage read on open, the compiled view, a run a link starts with
// &run=1 (which says it hit the limit and is not started again); Stop ends
// such a run at once.
func TestEngineCallsBounded(t *testing.T) {
	ctx := newBrowser(t, 5*time.Minute)
	files := bombFiles(t)

	// Lineage on open, without a run.
	do(t, ctx, chromedp.Navigate(fullLink(t, files, "")))
	setLimit(t, ctx, "3")
	waitFor(t, ctx, "the shared project", `document.body.dataset.shared === "1"`, time.Minute)
	waitFor(t, ctx, "the engine", `document.getElementById("status").dataset.state === "ready"`, time.Minute)
	waitFor(t, ctx, "the lineage's time limit", `/time limit/i.test((document.querySelector("#lineage .error-box") || {}).textContent || "")`, 30*time.Second)
	consoleQuery(t, ctx, "select 41 + 1 as answer")
	waitFor(t, ctx, "the engine to answer again", `[...document.querySelectorAll("#console-grid tbody td")].some(td => td.textContent === "42")`, 30*time.Second)

	// The compiled view of the model.
	eval[bool](t, ctx, `(document.getElementById("tab-files") && document.getElementById("tab-files").click(), true)`)
	openInEditor(t, ctx, "models/bomb.sql")
	start := time.Now()
	eval[bool](t, ctx, `(document.getElementById("file-compiled").click(), true)`)
	waitFor(t, ctx, "the compile's time limit", `[...document.querySelectorAll(".toast")].some(el => /time limit/i.test(el.textContent))`, 30*time.Second)
	t.Logf("compile stopped %v after it started", time.Since(start).Round(time.Millisecond))

	// A run started by the link.
	do(t, ctx, chromedp.Navigate(fullLink(t, files, "?run=1&from=run")))
	setLimit(t, ctx, "3")
	waitFor(t, ctx, "the run", `document.body.dataset.lastRun !== undefined`, time.Minute)
	summary := eval[string](t, ctx, `document.getElementById("status").textContent + " | " + document.getElementById("run-summary").textContent + " | " + document.getElementById("runlog").textContent`)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got == "ok" || !strings.Contains(strings.ToLower(summary), "time limit") {
		t.Fatalf("the run ended %q: %s", got, summary)
	}
	if q := eval[string](t, ctx, `location.search`); strings.Contains(q, "run=") {
		t.Errorf("after the run the address holds %q", q)
	}

	// Stop, with a limit far away.
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "120", true)`)
	runs := eval[string](t, ctx, `document.body.dataset.runs`)
	do(t, ctx, chromedp.SetValue(chromedp.ID("select"), "bomb"), chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the build to run", `!document.getElementById("stop").disabled`, 10*time.Second)
	start = time.Now()
	do(t, ctx, chromedp.Click(chromedp.ID("stop")))
	waitFor(t, ctx, "the stop", `document.body.dataset.runs !== "`+runs+`" && document.body.dataset.lastRun === "stopped"`, 10*time.Second)
	// The bomb runs far past the wait, so the stop within it is the proof;
	// the time depends on the machine and is logged.
	t.Logf("stopped in %v", time.Since(start).Round(time.Millisecond))
	if runs := eval[string](t, ctx, `document.body.dataset.runs`); runs != "2" {
		t.Errorf("%s runs, want the link's one and the one stopped", runs)
	}
	consoleQuery(t, ctx, "select 6 * 7 as answer")
	waitFor(t, ctx, "the engine to answer after Stop", `[...document.querySelectorAll("#console-grid tbody td")].some(td => td.textContent === "42")`, 30*time.Second)
}

// TestFolderImportScreens: a chosen folder's build output, .git and
// installed packages are never read, whatever their size, and a file over
// the size cap is refused by name before anything is read.
func TestFolderImportScreens(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "myproject")
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sparse := func(name string, size int64) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	write("dbt_project.yml", "name: myproject\n")
	write("models/a.sql", "select 1 as a\n")
	write("seeds/s.csv", "x\n1\n")
	sparse("target/huge.db", 300<<20)
	sparse(".git/objects/pack/big.pack", 300<<20)
	sparse("dbt_packages/x/big.sql", 300<<20)

	ctx := newBrowser(t, 3*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	input := `input[type=file][webkitdirectory]`
	start := time.Now()
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(input), []string{dir}))
	waitFor(t, ctx, "the imported project", `[...document.querySelectorAll(".toast")].some(el => el.textContent.includes("Imported 3 files"))`, 30*time.Second)
	if read := eval[string](t, ctx, `document.body.dataset.importRead`); read != "3" {
		t.Errorf("read %s files, want the project's 3", read)
	}
	t.Logf("imported in %v beside 900 MB of build output, .git and packages", time.Since(start).Round(time.Millisecond))

	sparse("seeds/big.csv", 300<<20)
	start = time.Now()
	do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(input), []string{dir}))
	waitFor(t, ctx, "the refusal", `(document.body.dataset.importError || "").includes("seeds/big.csv")`, 30*time.Second)
	t.Logf("refused in %v", time.Since(start).Round(time.Millisecond))
	if got := eval[string](t, ctx, `document.body.dataset.importRead`); got != "3" {
		t.Errorf("the refused folder was read: %s files", got)
	}
}

// recordCallsJS logs every call the page sends to the engine's worker (op
// and time limit) in window.__calls.
const recordCallsJS = `(() => {
	window.__calls = [];
	const post = Worker.prototype.postMessage;
	Worker.prototype.postMessage = function (m, ...rest) {
		if (m && m.type === "call") { const r = JSON.parse(m.json); window.__calls.push({ op: r.op, timeout_ms: r.timeout_ms || 0 }); }
		return post.call(this, m, ...rest);
	};
})()`

// TestEveryEngineCallHasTheLimit: every call the page makes into the engine
// (lineage, build, query, identity.*, share.*; a build's answer lists the
// tables) carries the time
// limit of the page's Limit box, which the engine applies to the call as to
// a run.
func TestEveryEngineCallHasTheLimit(t *testing.T) {
	ctx := newBrowser(t, 8*time.Minute)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordCallsJS}); err != nil {
		t.Fatal(err)
	}
	// The sample's link runs it by itself, under the limit set while the
	// engine loads.
	do(t, ctx, chromedp.Navigate(site+"?sample=demo"))
	setLimit(t, ctx, "470")
	waitFor(t, ctx, "the sample's own run", `document.body.dataset.runs === "1"`, 4*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("the run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("status").textContent`))
	}
	do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
	waitFor(t, ctx, "nexus_persons in the table list", `!!document.querySelector('#tablelist li.table[data-name="nexus_persons"]')`, 30*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="nexus_persons"]`)))
	waitFor(t, ctx, "the persons grid", `!!document.querySelector("#table-grid td.link")`, 30*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#table-grid td.link`)))
	waitFor(t, ctx, "the person's identifiers", `document.querySelectorAll('#person-view section[data-section="Identifiers"] tbody tr').length > 0`, 30*time.Second)
	do(t, ctx, chromedp.Click(chromedp.ID("share")))
	waitFor(t, ctx, "the share link", `!!document.body.dataset.shareLink`, 30*time.Second)
	eval[bool](t, ctx, captureBlobsJS)
	eval[bool](t, ctx, `(document.getElementById("export-zip").click(), true)`)
	waitFor(t, ctx, "the zip download", `window.__blobs.length > 0`, 30*time.Second)
	type call struct {
		Op        string `json:"op"`
		TimeoutMS int    `json:"timeout_ms"`
	}
	calls := eval[[]call](t, ctx, `window.__calls`)
	seen := map[string]bool{}
	for _, c := range calls {
		if c.TimeoutMS != 470000 {
			t.Errorf("%s went to the engine with a time limit of %d ms, want the Limit box's 470000", c.Op, c.TimeoutMS)
		}
		op := c.Op
		if i := strings.IndexByte(op, '.'); i > 0 {
			op = op[:i+1]
		}
		seen[op] = true
	}
	for _, want := range []string{"nodes", "build", "identity.", "share."} {
		if !seen[want] {
			t.Errorf("no %s call was made; calls: %+v", want, calls)
		}
	}
	t.Logf("%d calls, all with the limit", len(calls))
}
