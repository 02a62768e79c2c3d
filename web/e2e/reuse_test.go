package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestRunReusesUnchangedTables: a second Run of an unchanged project reuses
// what the first built and the log says so per node; "Rebuild all" builds
// every node again and the log says why.
func TestRunReusesUnchangedTables(t *testing.T) {
	ctx := newBrowser(t, 5*time.Minute)
	// The sample's link makes the first run by itself.
	openRun(t, ctx, site+"?sample=demo")
	run := func(n int) {
		t.Helper()
		do(t, ctx, chromedp.Click(chromedp.ID("run")))
		waitFor(t, ctx, fmt.Sprintf("run %d", n), fmt.Sprintf(`document.body.dataset.runs === "%d"`, n), 3*time.Minute)
		if r := eval[string](t, ctx, `document.body.dataset.lastRun`); r != "ok" {
			t.Fatalf("run %d ended %q: %s", n, r, eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
		}
	}
	count := func(sel string) int {
		return eval[int](t, ctx, `document.querySelectorAll('#runlog tbody tr`+sel+`').length`)
	}
	if n := count(`[data-reuse]:not([data-reuse=""])`); n != 0 {
		t.Fatalf("a first run marks %d rows as reused or rebuilt", n)
	}
	// The grid of a table the next run leaves as it was stays on the page
	// as it is, without reading the table again.
	eval[bool](t, ctx, `(document.getElementById("tab-tables").click(), document.querySelector('#tablelist li.table[data-name="nexus_persons"]').click(), true)`)
	waitFor(t, ctx, "the persons grid", `(document.querySelector("#table-grid .caption") || {}).textContent?.startsWith("nexus_demo_data.nexus_persons") && document.querySelectorAll("#table-grid tbody tr").length > 0`, 30*time.Second)
	eval[bool](t, ctx, `(document.querySelector("#table-grid table").dataset.before = "1", true)`)
	run(2)
	// A console query answers after every call the run's end queued.
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	setConsole(t, ctx, "select 41 + 1 as answer")
	do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
	waitFor(t, ctx, "the console's answer", `[...document.querySelectorAll("#console-grid tbody td")].some(td => td.textContent === "42")`, 30*time.Second)
	if !eval[bool](t, ctx, `!!document.querySelector("#table-grid table[data-before]")`) {
		t.Fatal("the grid of an unchanged table was drawn again after the run")
	}
	reused := count(`[data-reuse="reused: unchanged"]`)
	if reused == 0 {
		t.Fatal("a second run of an unchanged project reused nothing")
	}
	// Every other node says why it ran again.
	if odd := eval[string](t, ctx, `[...document.querySelectorAll('#runlog tbody tr[data-reuse]')].map((r) => r.dataset.reuse).filter((r) => r !== "reused: unchanged" && !r.startsWith("rebuilt: ")).join(" | ")`); odd != "" {
		t.Fatalf("rows of the second run with neither reuse nor a reason: %s", odd)
	}
	if sum := eval[string](t, ctx, `document.getElementById("run-summary").textContent`); !strings.Contains(sum, fmt.Sprintf("Reused %d nodes", reused)) {
		t.Fatalf("the summary does not count the %d reused rows: %q", reused, sum)
	}
	if shown := eval[string](t, ctx, `document.querySelector('#runlog tbody tr.reused .reuse').textContent`); shown != "reused" {
		t.Fatalf("a reused row reads %q", shown)
	}
	personRows := `document.querySelector('#runlog tbody tr[data-name="nexus_persons"] td.num').textContent`
	persons := eval[string](t, ctx, personRows)

	eval[bool](t, ctx, `(document.getElementById("rebuild-all").click(), true)`)
	run(3)
	if n := count(`[data-reuse="reused: unchanged"]`); n != 0 {
		t.Fatalf("Rebuild all reused %d nodes", n)
	}
	if n := count(`[data-reuse="rebuilt: rebuild all"]`); n < reused {
		t.Fatalf("Rebuild all: %d rows say so, want at least the %d reused before", n, reused)
	}
	if again := eval[string](t, ctx, personRows); again != persons || !strings.HasSuffix(persons, " rows") {
		t.Fatalf("nexus_persons: %q when reused, %q when rebuilt", persons, again)
	}
}
