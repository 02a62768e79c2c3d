package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tableList is the built tables with their row counts, as the page lists them.
const tableList = `[...document.querySelectorAll('#tablelist li.table')].map(li => li.dataset.name + ":" + li.dataset.rows).sort().join(",")`

// runAndList runs the project in the page and returns its table list.
func runAndList(t *testing.T, ctx context.Context) string {
	t.Helper()
	runs := eval[string](t, ctx, `document.body.dataset.runs || "0"`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the run", `(document.body.dataset.runs || "0") !== "`+runs+`" && document.body.dataset.lastRun === "ok"`, 2*time.Minute)
	waitFor(t, ctx, "the table list", `document.querySelectorAll('#tablelist li.table').length > 0`, 20*time.Second)
	return eval[string](t, ctx, tableList)
}

// waitForLine waits until the editor draws a line reading line. CodeMirror
// draws only the lines in view, and only after the page has laid out and
// the file has loaded: scroll to the end and look again until it is drawn.
func waitForLine(t *testing.T, ctx context.Context, what, line string) {
	t.Helper()
	eval[bool](t, ctx, helpersJS)
	waitFor(t, ctx, what, `(editorRoot().querySelector(".cm-scroller").scrollTop = 1e9,
		[...editorContent().querySelectorAll(".cm-line")].some(l => l.textContent === `+strconv.Quote(line)+`))`, 30*time.Second)
}

// TestKeepAndShare: an edit survives a reload; Share makes a link that a
// fresh browser profile opens to the same files and, after Run, the same
// tables; a tampered link shows the error and keeps the saved project.
func TestKeepAndShare(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	const marker = "# kept-across-reload"
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=0"))
	waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, time.Minute)
	waitFor(t, ctx, "dbt_project.yml in the editor", `document.getElementById("file-name").textContent === "dbt_project.yml"`, 10*time.Second)
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(editorContent().focus(), true)`)
	do(t, ctx, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	do(t, ctx, chromedp.KeyEvent("\n"+marker+"\n"))
	waitForLine(t, ctx, "the edit in the editor", marker)

	t.Run("reload keeps the edit", func(t *testing.T) {
		// At once: the pending autosave is written as the page goes away.
		do(t, ctx, chromedp.Reload())
		waitFor(t, ctx, "dbt_project.yml in the editor", `document.getElementById("file-name").textContent === "dbt_project.yml"`, 30*time.Second)
		waitForLine(t, ctx, "the edit after a reload", marker)
	})

	var link, tables string
	t.Run("share", func(t *testing.T) {
		waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, time.Minute)
		tables = runAndList(t, ctx)
		do(t, ctx, chromedp.Click(chromedp.ID("share")))
		waitFor(t, ctx, "the share link", `!!document.body.dataset.shareLink`, 20*time.Second)
		link = eval[string](t, ctx, `document.body.dataset.shareLink`)
		if !strings.Contains(link, "#s1.quickstart.") {
			t.Fatalf("a sample plus an edit should share as s1: %s", link)
		}
		t.Logf("share link: %d characters", len(link))
	})

	t.Run("the link in a fresh profile", func(t *testing.T) {
		fresh := newBrowser(t, 3*time.Minute)
		do(t, fresh, chromedp.Navigate(link))
		waitFor(t, fresh, "the shared project", `document.body.dataset.shared === "1"`, time.Minute)
		eval[bool](t, fresh, `(document.querySelector('#tree li.file[data-path="dbt_project.yml"]').click(), true)`)
		waitForLine(t, fresh, "the edit in the shared project", marker)
		if got := runAndList(t, fresh); got != tables {
			t.Fatalf("tables differ:\nshared: %s\nfresh:  %s", tables, got)
		}
	})

	t.Run("a tampered link keeps the saved project", func(t *testing.T) {
		i := strings.Index(link, "#s1.quickstart.") + len("#s1.quickstart.")
		mid := i + (len(link)-i)/2
		flip := "A"
		if link[mid] == 'A' {
			flip = "B"
		}
		bad := link[:mid] + flip + link[mid+1:]
		before := eval[string](t, ctx, `localStorage.getItem("nexus-playground:projects") || ""`)
		do(t, ctx, chromedp.Navigate("about:blank"))
		do(t, ctx, chromedp.Navigate(bad))
		waitFor(t, ctx, "the refusal", `!!document.body.dataset.shareError`, time.Minute)
		msg := eval[string](t, ctx, `document.getElementById("share-panel").textContent`)
		if !strings.Contains(msg, "cannot be opened") {
			t.Fatalf("refusal: %q", msg)
		}
		t.Logf("refusal: %s", msg)
		waitForLine(t, ctx, "the saved edit after a tampered link", marker)
		if after := eval[string](t, ctx, `localStorage.getItem("nexus-playground:projects") || ""`); after != before {
			t.Fatalf("the saved projects changed: %q -> %q", before, after)
		}
		if !eval[bool](t, ctx, `localStorage.getItem("nexus-playground:project:quickstart").includes("kept-across-reload")`) {
			t.Fatal("the saved sample copy lost the edit")
		}
	})
}
