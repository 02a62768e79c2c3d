package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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

// openRun opens an address whose project runs by itself (sample=, an
// embed, run=1) and waits for that run to end well. The longest time limit
// is set while the engine loads, before the run starts, so a busy machine
// cannot fail it.
func openRun(t *testing.T, ctx context.Context, address string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(address))
	if !eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", document.body.dataset.runs === undefined)`) {
		t.Fatal("the run started before the time limit could be set")
	}
	waitFor(t, ctx, "the run the address starts", `document.body.dataset.runs === "1" && document.getElementById("status").dataset.state !== "running"`, 4*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("the run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("status").textContent`))
	}
	// The run log scrolls to what needs reading in the frame after the run:
	// wait for it, so what a test measures next stays put.
	eval[bool](t, ctx, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
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
	openReady(t, ctx, site+"?sample=quickstart&run=0")
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
	for _, q := range []string{"?embed=1&sample=quickstart", "?embed=0;&embed=1&sample=quickstart", "?embed=1;&sample=quickstart", "?e%6Dbed=%31&sample=quickstart", "?embed=0&embed=1&sample=quickstart", "?embed=1&embed=0&sample=quickstart", "?sample=quickstart"} {
		resp, err := http.Get(site + q)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		framed := resp.Header.Get("Content-Security-Policy") == components.EmbedHeaderCSP
		do(t, ctx, chromedp.Navigate(site+q))
		waitFor(t, ctx, "the page's boot", `!!document.getElementById("picker") && document.getElementById("status").dataset.state !== undefined`, 30*time.Second)
		if embed := eval[bool](t, ctx, `document.body.classList.contains("embed")`); embed != framed {
			t.Errorf("%s: page in embed mode %v, server lets other sites frame it %v", q, embed, framed)
		}
	}
}
