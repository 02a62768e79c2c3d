package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nexus-playground/nexus/web/components"
)

// captureBlobsJS keeps every Blob the page turns into a download URL.
const captureBlobsJS = `(() => {
	if (!window.__blobs) {
		window.__blobs = [];
		const orig = URL.createObjectURL;
		URL.createObjectURL = (b) => { window.__blobs.push(b); return orig.call(URL, b); };
	}
	return true;
})()`

// openReady opens address and waits for the engine to be ready.
func openReady(t *testing.T, ctx context.Context, address string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(address))
	waitFor(t, ctx, "the engine", `document.getElementById("status").dataset.state === "ready"`, time.Minute)
}

// consoleQuery types sql into the console, runs it and waits for its grid.
func consoleQuery(t *testing.T, ctx context.Context, sql string) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	setConsole(t, ctx, sql)
	eval[bool](t, ctx, `(document.getElementById("console-grid").replaceChildren(), true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
	waitFor(t, ctx, "the console's answer", `!!document.querySelector("#console-grid table, #console-grid .error-box")`, 30*time.Second)
}

// TestCSVExportQuotesFormulas: text that a spreadsheet would run as a
// formula is exported with a leading ', numbers as they are.
func TestCSVExportQuotesFormulas(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart")
	consoleQuery(t, ctx, `select '=HYPERLINK("http://x","y")' as a, '+1' as b, '-2' as c, '@SUM(1)' as d, char(9) || '=1' as e, char(13) || '=1' as f, -5 as n, 'plain' as p, '=cmd|x' as "=h"`)
	eval[bool](t, ctx, captureBlobsJS)
	do(t, ctx, chromedp.Click(chromedp.CSS("#console-grid button.csv")))
	waitFor(t, ctx, "the CSV download", `window.__blobs.length > 0`, 10*time.Second)
	got := eval[string](t, ctx, `window.__blobs.at(-1).text()`)
	want := "a,b,c,d,e,f,n,p,'=h\r\n" +
		"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2,'@SUM(1),'\t=1,\"'\r=1\",-5,plain,'=cmd|x\r\n"
	if got != want {
		t.Fatalf("CSV\n%q\nwant\n%q", got, want)
	}
}

// TestRunParamUsedOnce: run=1 leaves the address as soon as the page reads
// it, for a run that goes ahead and for a link that is refused.
func TestRunParamUsedOnce(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=1"))
	waitFor(t, ctx, "the run", `document.body.dataset.lastRun !== undefined`, 2*time.Minute)
	if q := eval[string](t, ctx, `location.search`); q != "?sample=quickstart" {
		t.Errorf("after the run the address holds %q", q)
	}
	files := quickstartFiles(t)
	files["../escape.sql"] = []byte("select 1\n")
	do(t, ctx, chromedp.Navigate(rawLink(files, "?run=1")))
	waitFor(t, ctx, "the refusal", `!!document.body.dataset.shareError`, time.Minute)
	if q := eval[string](t, ctx, `location.search`); strings.Contains(q, "run") {
		t.Errorf("after a refused link the address holds %q", q)
	}
}

// TestEmbedOneReading: the server frames the page for other sites exactly
// when the page shows itself in embed mode.
func TestEmbedOneReading(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	for _, q := range []string{"?embed=1&sample=quickstart", "?embed=0;&embed=1&sample=quickstart", "?embed=1;&sample=quickstart", "?e%6Dbed=%31&sample=quickstart", "?embed=0&embed=1&sample=quickstart", "?sample=quickstart"} {
		resp, err := http.Get(site + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		framed := resp.Header.Get("Content-Security-Policy") == components.EmbedHeaderCSP
		do(t, ctx, chromedp.Navigate(site+q))
		waitFor(t, ctx, "the page's boot", `!!document.getElementById("project") && document.getElementById("status").dataset.state !== undefined`, 30*time.Second)
		if embed := eval[bool](t, ctx, `document.body.classList.contains("embed")`); embed != framed {
			t.Errorf("%s: page in embed mode %v, server lets other sites frame it %v", q, embed, framed)
		}
	}
}

// TestEngineCallsBounded: a template that would render for ever, opened
// without a run, holds the engine no longer than the time limit: the
// lineage call made on open is bounded like a run.
func TestEngineCallsBounded(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	files := quickstartFiles(t)
	files["macros/f.sql"] = []byte("{% macro f(n) %}{% if n>0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n")
	files["models/bomb.sql"] = []byte("select 1 {{ f(60) }}\n")
	start := time.Now()
	do(t, ctx, chromedp.Navigate(fullLink(t, files, "")))
	waitFor(t, ctx, "the shared project", `document.body.dataset.shared === "1"`, time.Minute)
	consoleQuery(t, ctx, "select 41 + 1 as answer")
	waitFor(t, ctx, "the engine to answer again", `[...document.querySelectorAll("#console-grid tbody td")].some(td => td.textContent === "42")`, 45*time.Second)
	if took := time.Since(start); took > 60*time.Second {
		t.Errorf("the engine answered %v after the page opened", took)
	} else {
		t.Logf("the engine answered %v after the page opened", took.Round(time.Millisecond))
	}
}

// TestTwoTabsKeepBothEdits: two tabs edit the same project; each autosave
// merges the other's edits instead of overwriting them.
func TestTwoTabsKeepBothEdits(t *testing.T) {
	one := newBrowser(t, 3*time.Minute)
	two, cancel := chromedp.NewContext(one)
	defer cancel()
	for _, ctx := range []context.Context{one, two} {
		openReady(t, ctx, site+"?sample=quickstart")
		waitFor(t, ctx, "dbt_project.yml in the editor", `document.getElementById("file-name").textContent === "dbt_project.yml"`, 10*time.Second)
	}
	// Tab one edits dbt_project.yml, tab two the README, both before
	// either has seen the other's save.
	eval[bool](t, one, helpersJS)
	eval[bool](t, one, `(editorContent().focus(), true)`)
	do(t, one, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("\n# from tab one\n"))
	eval[bool](t, two, helpersJS)
	eval[bool](t, two, `(document.querySelector('#tree li.file[data-path="README.md"]').click(), true)`)
	waitFor(t, two, "README.md in the editor", `document.getElementById("file-name").textContent === "README.md"`, 10*time.Second)
	eval[bool](t, two, `(editorContent().focus(), true)`)
	do(t, two, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("\nfrom tab two\n"))
	time.Sleep(time.Second) // both autosaves (300 ms after the last key)
	const stored = `JSON.parse(localStorage.getItem("nexus-playground:project:quickstart") || "{}")`
	waitFor(t, one, "both edits saved", `(() => { const f = `+stored+`; return (f["dbt_project.yml"] || "").includes("# from tab one") && (f["README.md"] || "").includes("from tab two"); })()`, 10*time.Second)
	// Each tab now holds the other's edit too.
	do(t, one, chromedp.Click(chromedp.CSS(`#tree li.file[data-path="README.md"]`)))
	waitFor(t, one, "tab two's edit in tab one", `(editorRoot().querySelector(".cm-scroller").scrollTop = 1e9, [...editorContent().querySelectorAll(".cm-line")].some(l => l.textContent === "from tab two"))`, 10*time.Second)
	// An edit of the same file in both: neither text is lost.
	do(t, two, chromedp.KeyEvent("two again\n"))
	do(t, one, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("one again\n"))
	time.Sleep(time.Second)
	waitFor(t, one, "both texts of README.md kept", `(() => { const f = `+stored+`; const all = Object.entries(f).filter(([k]) => k.startsWith("README")).map(([, v]) => v).join("\n"); return all.includes("one again") && all.includes("two again"); })()`, 10*time.Second)
}

// TestStorageFullKeepsProjects: with storage full, a project opened from a
// link is not saved, says so, and a reload opens a project with its files,
// never an empty one.
func TestStorageFullKeepsProjects(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart")
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
	do(t, ctx, chromedp.Navigate(site))
	openReady(t, ctx, site)
	waitFor(t, ctx, "a project with files after the reload", `document.querySelectorAll("#tree li.file").length > 0`, 10*time.Second)
}
