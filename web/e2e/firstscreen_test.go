package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestFirstScreen: before the first run the results pane says what to do
// (Run, or a walkthrough) instead of standing blank; the Share panel offers
// "Run when opened", whose link (run=1) runs the project by itself.
func TestFirstScreen(t *testing.T) {
	ctx := newBrowser(t, 10*time.Minute)
	do(t, ctx, chromedp.Navigate(site))
	waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)

	t.Run("the results pane leads before the first run", func(t *testing.T) {
		text := eval[string](t, ctx, `(() => { const w = document.getElementById("welcome"); return w && w.getClientRects().length ? w.textContent : ""; })()`)
		for _, want := range []string{"Run", "walkthrough"} {
			if !strings.Contains(text, want) {
				t.Fatalf("the first screen's results pane lacks %q: %q", want, text)
			}
		}
		if eval[bool](t, ctx, `document.getElementById("welcome-run").disabled`) {
			t.Fatal("the first screen's Run button is disabled once the engine is ready")
		}
		do(t, ctx, chromedp.Click(chromedp.ID("welcome-learn")))
		waitFor(t, ctx, "the walkthroughs tab", `document.getElementById("tab-learn").getAttribute("aria-selected") === "true"`, 20*time.Second)
		do(t, ctx, chromedp.Click(chromedp.ID("tab-log")))
		eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
		do(t, ctx, chromedp.Click(chromedp.ID("welcome-run")))
		waitFor(t, ctx, "the run", `document.body.dataset.lastRun === "ok"`, 4*time.Minute)
		if eval[bool](t, ctx, `document.getElementById("welcome").getClientRects().length > 0`) {
			t.Fatal("the first-screen note stays after a run")
		}
	})

	t.Run("share offers run when opened", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("share")))
		waitFor(t, ctx, "the share link", `!!document.body.dataset.shareLink`, time.Minute)
		plain := eval[string](t, ctx, `document.body.dataset.shareLink`)
		if u, _ := url.Parse(plain); u.Query().Get("run") != "" {
			t.Fatalf("a plain share link carries run: %s", plain)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("share-run")))
		waitFor(t, ctx, "the run=1 link", `document.body.dataset.shareLink.includes("run=1")`, 10*time.Second)
		link := eval[string](t, ctx, `document.body.dataset.shareLink`)
		if got := eval[string](t, ctx, `document.getElementById("share-link").value`); got != link {
			t.Fatalf("the panel shows %q, the link is %q", got, link)
		}
		fresh := newBrowser(t, 5*time.Minute)
		do(t, fresh, chromedp.Navigate(link))
		waitFor(t, fresh, "the shared project to run by itself", `document.body.dataset.runs === "1" && document.body.dataset.lastRun !== undefined`, 4*time.Minute)
	})
}

// TestEmbedParams: what a docs author writes in an iframe's src decides what
// the embed shows: it runs by itself, opens the tab, table and file asked
// for, hides the editor unless editor=1 (then height=PX tall), and a
// parameter given twice counts by its first value, as the server reads it.
func TestEmbedParams(t *testing.T) {
	ctx := newBrowser(t, 10*time.Minute)
	do(t, ctx, chromedp.EmulateViewport(720, 480))

	t.Run("tab, table and file", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?embed=1&sample=demo&tab=tables&table=nexus_persons&file=models/billing/billing_events.sql"))
		// The longest time limit, set while the engine loads, before the
		// embed's own run, so a busy machine cannot fail it.
		if !eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", document.body.dataset.runs === undefined)`) {
			t.Log("the embed's run started before the time limit was raised")
		}
		waitFor(t, ctx, "the embed's own run", `document.body.dataset.runs === "1" && document.body.dataset.lastRun !== undefined`, 4*time.Minute)
		waitFor(t, ctx, "the persons grid", `(document.querySelector("#table-grid .caption") || {}).textContent?.startsWith("nexus_demo_data.nexus_persons")`, 30*time.Second)
		if got := eval[string](t, ctx, `document.querySelector(".tab[aria-selected=true]").id`); got != "tab-tables" {
			t.Fatalf("open tab %q, want tab-tables", got)
		}
		if got := eval[string](t, ctx, `document.getElementById("file-name").textContent`); got != "models/billing/billing_events.sql" {
			t.Fatalf("open file %q", got)
		}
		if eval[bool](t, ctx, `document.getElementById("editor-pane").getClientRects().length > 0`) {
			t.Fatal("an embed shows the editor without editor=1")
		}
	})

	t.Run("editor=1 and height", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?embed=1&sample=demo&run=0&editor=1&height=180&file=models/billing/billing_events.sql"))
		waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)
		h := eval[float64](t, ctx, `document.getElementById("editor-pane").getBoundingClientRect().height`)
		if h < 179 || h > 181 {
			t.Fatalf("editor height %.0f px, want 180", h)
		}
		if r := eval[float64](t, ctx, `document.getElementById("result-pane").getBoundingClientRect().bottom`); r < 479 {
			t.Fatalf("the results end at %.0f px of a 480 px frame", r)
		}
		if eval[string](t, ctx, `document.body.dataset.runs || ""`) != "" {
			t.Fatal("run=0 ran the embed")
		}
	})

	t.Run("a parameter given twice counts by its first value", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?embed=0;&embed=1&sample=quickstart&run=0"))
		waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)
		if eval[bool](t, ctx, `document.body.classList.contains("embed")`) {
			t.Fatal("?embed=0;&embed=1 turned embed mode on")
		}
		do(t, ctx, chromedp.Navigate(site+"?embed=1&embed=0&sample=quickstart&run=0&tab=lineage&tab=tables"))
		waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)
		if !eval[bool](t, ctx, `document.body.classList.contains("embed")`) {
			t.Fatal("?embed=1&embed=0 left embed mode off")
		}
		if tab := eval[string](t, ctx, `document.querySelector(".tab[aria-selected=true]").dataset.panel`); tab != "lineage" {
			t.Errorf("?tab=lineage&tab=tables shows tab %q", tab)
		}
	})
}

// TestSampleLinkRuns: a sample's link (?sample=demo, the docs page's "try
// it") shows the built tables without a click; run=0 opens the same sample
// waiting for Run, also after a reload, and so does the visitor's own
// edited copy of the sample.
func TestSampleLinkRuns(t *testing.T) {
	ctx := newBrowser(t, 8*time.Minute)
	// waitsForRun checks a page that must not run by itself: the package's
	// files are listed after the page decided whether to run, so once they
	// are there a run would have started.
	waitsForRun := func(t *testing.T, what string) {
		t.Helper()
		waitFor(t, ctx, "the package's files", `document.querySelectorAll("#pkgtree li.file").length > 0`, 2*time.Minute)
		if got := eval[string](t, ctx, `(document.body.dataset.runs || "none") + " " + document.getElementById("status").dataset.state`); got != "none ready" {
			t.Fatalf("%s: runs and status %q, want no run and ready", what, got)
		}
		if !eval[bool](t, ctx, `document.getElementById("welcome").getClientRects().length > 0`) {
			t.Fatalf("%s: the first-screen note is hidden though nothing ran", what)
		}
	}

	t.Run("sample= runs by itself", func(t *testing.T) {
		openRun(t, ctx, site+"?sample=demo")
		do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
		waitFor(t, ctx, "the built tables", `!!document.querySelector('#tablelist li.table[data-name="nexus_persons"]')`, 30*time.Second)
		if eval[bool](t, ctx, `document.getElementById("welcome").getClientRects().length > 0`) {
			t.Fatal("the first-screen note stays after the sample's own run")
		}
		if q := eval[string](t, ctx, `location.search`); q != "?sample=demo" {
			t.Errorf("after the run the address holds %q", q)
		}
	})

	t.Run("run=0 waits for Run", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?sample=demo&run=0"))
		waitsForRun(t, "sample=demo&run=0")
		if q := eval[string](t, ctx, `location.search`); q != "?sample=demo&run=0" {
			t.Errorf("run=0 left the address: %q", q)
		}
		do(t, ctx, chromedp.Reload())
		waitsForRun(t, "sample=demo&run=0 reloaded")
	})

	t.Run("an edited copy waits for Run", func(t *testing.T) {
		eval[bool](t, ctx, `fetch("samples.json").then((r) => r.json()).then((s) => {
			const demo = s.find((x) => x.name === "demo");
			localStorage.setItem("nexus-playground:project:demo", JSON.stringify({ ...demo.files, "notes.md": "mine\n" }));
			return true; })`)
		do(t, ctx, chromedp.Navigate(site+"?sample=demo"))
		waitsForRun(t, "the edited demo")
		if !eval[bool](t, ctx, `!!document.querySelector('#tree li.file[data-path="notes.md"]')`) {
			t.Fatal("the edited copy did not open")
		}
	})
}
