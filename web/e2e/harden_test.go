package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
	ctx := newBrowser(t, 2*time.Minute)
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
