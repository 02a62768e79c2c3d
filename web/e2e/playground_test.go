package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nexus-playground/nexus/pipeline"
)

// nativeDemo builds samples/demo with the pipeline natively, as the CLI
// does, and returns the row counts of the tables the test compares.
func nativeDemo(t *testing.T) (persons, events int64, took time.Duration) {
	t.Helper()
	ctx := context.Background()
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	res, err := s.Build(ctx, os.DirFS(filepath.Join("..", "..", "samples", "demo")), pipeline.Options{Command: pipeline.CmdBuild})
	took = time.Since(start)
	if err != nil || !res.OK {
		t.Fatalf("native demo build: %v %v", err, res)
	}
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ti := range tables {
		switch ti.Name {
		case "nexus_persons":
			persons = ti.Rows
		case "nexus_events":
			events = ti.Rows
		}
	}
	return persons, events, took
}

// TestPlayground drives the page as a person would, in one browser: open
// the demo with &run=1, check the tables against the native build, open a
// person, run console queries, break a model and stop a runaway query.
func TestPlayground(t *testing.T) {
	persons, events, nativeTook := nativeDemo(t)
	if persons == 0 || events == 0 {
		t.Fatalf("native demo built no persons (%d) or events (%d)", persons, events)
	}
	ctx := newBrowser(t, 4*time.Minute)

	t.Run("load and run the demo", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?sample=demo&run=1"))
		waitFor(t, ctx, "the demo run", `document.body.dataset.lastRun !== undefined`, 3*time.Minute)
		if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
			t.Fatalf("demo run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
		}
		firstMS := eval[string](t, ctx, `document.body.dataset.firstRunMs`)
		runSec, _ := strconv.ParseFloat(eval[string](t, ctx, `document.body.dataset.firstRunSeconds`), 64)
		t.Logf("navigation to first run finished: %s ms; demo run in the browser %.2f s, native %.3f s (%.0fx)",
			firstMS, runSec, nativeTook.Seconds(), runSec/nativeTook.Seconds())
		t.Logf("transfer: %s", eval[string](t, ctx, transferJS))
		// A second run in the same page: the engine's code is warm.
		do(t, ctx, chromedp.Click(chromedp.ID("run")))
		waitFor(t, ctx, "the second demo run", `document.body.dataset.runs === "2"`, 2*time.Minute)
		if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
			t.Fatalf("second demo run ended %q", got)
		}
		second, _ := strconv.ParseFloat(eval[string](t, ctx, `document.body.dataset.lastRunSeconds`), 64)
		t.Logf("second demo run in the browser: %.2f s", second)
	})

	t.Run("persons row count matches the native build", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
		sel := `#tablelist li.table[data-name="nexus_persons"]`
		waitFor(t, ctx, "nexus_persons in the table list", fmt.Sprintf(`!!document.querySelector('%s')`, sel), 10*time.Second)
		got := eval[string](t, ctx, fmt.Sprintf(`document.querySelector('%s').dataset.rows`, sel))
		if got != strconv.FormatInt(persons, 10) {
			t.Fatalf("nexus_persons has %s rows in the browser, %d natively", got, persons)
		}
		do(t, ctx, chromedp.Click(chromedp.CSS(sel)))
		waitFor(t, ctx, "the persons grid", `document.querySelectorAll("#table-grid tbody tr").length > 0`, 10*time.Second)
	})

	t.Run("the grid pages, sorts and shows NULL", func(t *testing.T) {
		rangeText := `document.querySelector("#table-grid .range").textContent`
		do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="nexus_person_identifiers"]`)))
		waitFor(t, ctx, "page one", rangeText+` === "1–100 of 111"`, 10*time.Second)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#table-grid button.pager[title="Next page"]`)))
		waitFor(t, ctx, "page two", rangeText+` === "101–111 of 111"`, 10*time.Second)
		firstCell := `document.querySelector("#table-grid tbody td").textContent`
		do(t, ctx, chromedp.Click(chromedp.CSS(`#table-grid th`)))
		waitFor(t, ctx, "sorted ascending", `document.querySelector("#table-grid th.sorted.asc") !== null && `+rangeText+` === "1–100 of 111"`, 10*time.Second)
		asc := eval[string](t, ctx, firstCell)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#table-grid th`)))
		waitFor(t, ctx, "sorted descending", `document.querySelector("#table-grid th.sorted.desc") !== null`, 10*time.Second)
		if desc := eval[string](t, ctx, firstCell); desc <= asc {
			t.Fatalf("descending sort starts with %q, ascending with %q", desc, asc)
		}
		do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="nexus_events"]`)))
		waitFor(t, ctx, "a NULL cell in nexus_events", `[...document.querySelectorAll("#table-grid td.null")].some(td => td.textContent === "NULL")`, 10*time.Second)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="nexus_persons"]`)))
		waitFor(t, ctx, "the persons grid", `document.querySelector("#table-grid .caption").textContent.startsWith("nexus_demo_data.nexus_persons")`, 10*time.Second)
	})

	t.Run("open a person", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.CSS(`#table-grid td.link`)))
		waitFor(t, ctx, "the person's identifiers",
			`document.querySelectorAll('#person-view section[data-section="Identifiers"] tbody tr').length > 0`, 15*time.Second)
		waitFor(t, ctx, "the person's events",
			`document.querySelectorAll('#person-view section[data-section="Events"] .timeline li').length > 0`, 15*time.Second)
		// The page after the demo run, with a person open, for the README.
		saveShot(t, ctx, "screenshot")
		do(t, ctx, chromedp.Click(chromedp.ID("tab-lineage")))
		waitFor(t, ctx, "the lineage graph", `document.querySelectorAll("#lineage svg g.node").length > 10`, 10*time.Second)
		shot(t, ctx, "lineage")
		do(t, ctx, chromedp.Click(chromedp.ID("tab-log")))
		shot(t, ctx, "runlog")
		do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
		shot(t, ctx, "tables")
	})

	t.Run("console queries", func(t *testing.T) {
		// The Common Tasks page's "Explore Demo Data" query, one click.
		do(t, ctx, chromedp.Click(chromedp.ID("tab-console")),
			chromedp.Click(chromedp.CSS(`#examples button[title*="nexus_demo_data.nexus_persons;"]`)))
		want := fmt.Sprintf("%d row(s)", persons)
		waitFor(t, ctx, "the resolved persons example", fmt.Sprintf(`document.getElementById("console-status").textContent.startsWith(%q)`, want), 15*time.Second)
		// A query typed by hand.
		setConsole(t, ctx, "select count(*) as n from nexus_demo_data.nexus_events")
		do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
		waitFor(t, ctx, "the typed query", fmt.Sprintf(`[...document.querySelectorAll("#console-grid tbody td")].map(td => td.textContent).join() === "%d"`, events), 15*time.Second)
	})

	shot(t, ctx, "console")

	t.Run("stop a runaway query", func(t *testing.T) {
		setConsole(t, ctx, "with recursive r(n) as (select 1 union all select n+1 from r) select count(*) from r")
		do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
		waitFor(t, ctx, "the query to run", `!document.getElementById("stop").disabled`, 20*time.Second)
		time.Sleep(500 * time.Millisecond)
		start := time.Now()
		do(t, ctx, chromedp.Click(chromedp.ID("stop")))
		waitFor(t, ctx, "the stop", `document.getElementById("stop").disabled && /stopped/.test(document.getElementById("console-status").textContent)`, 20*time.Second)
		// The runaway never ends by itself, so its stop within the wait is the
		// proof; the time is logged, not asserted, as it depends on the machine.
		took := time.Since(start)
		t.Logf("stopped in %v: %s", took.Round(time.Millisecond), eval[string](t, ctx, `document.getElementById("console-status").textContent`))
		// The page takes a new query at once.
		setConsole(t, ctx, "select 41 + 1 as answer")
		do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
		waitFor(t, ctx, "a query after the stop", `[...document.querySelectorAll("#console-grid tbody td")].some(td => td.textContent === "42")`, 10*time.Second)
	})

	t.Run("stop a runaway model", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("file-add")),
			chromedp.SetValue(chromedp.CSS("#path-form input"), "models/runaway.sql"),
			chromedp.Click(chromedp.CSS(`#path-form button[type="submit"]`)))
		waitFor(t, ctx, "the new model", `document.getElementById("file-name").textContent === "models/runaway.sql"`, 20*time.Second)
		eval[bool](t, ctx, helpersJS)
		eval[bool](t, ctx, `(editorContent().focus(), true)`)
		do(t, ctx, chromedp.KeyEvent("with recursive r(n) as (select 1 union all select n+1 from r) select count(*) as n from r"))
		do(t, ctx, chromedp.SetValue(chromedp.ID("select"), "runaway"), chromedp.Click(chromedp.ID("run")))
		waitFor(t, ctx, "the build to run", `!document.getElementById("stop").disabled`, 20*time.Second)
		time.Sleep(500 * time.Millisecond)
		start := time.Now()
		do(t, ctx, chromedp.Click(chromedp.ID("stop")))
		waitFor(t, ctx, "the stop", `document.getElementById("stop").disabled && document.body.dataset.lastRun === "stopped"`, 20*time.Second)
		// The runaway never ends by itself, so its stop within the wait is the
		// proof; the time is logged, not asserted, as it depends on the machine.
		took := time.Since(start)
		t.Logf("build stopped in %v: %s", took.Round(time.Millisecond), eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
		// Clean up for the next step: delete the model, select everything.
		eval[bool](t, ctx, `(window.confirm = () => true, true)`)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#tree li.file[data-path="models/runaway.sql"]`)),
			chromedp.Click(chromedp.ID("file-delete")))
		eval[bool](t, ctx, `(document.getElementById("select").value = "", true)`)
		waitFor(t, ctx, "the model deleted", `!document.querySelector('#tree li.file[data-path="models/runaway.sql"]')`, 20*time.Second)
	})

	t.Run("a SQL error is underlined at its line", func(t *testing.T) {
		const model = "models/billing/billing_events.sql"
		do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#tree li.file[data-path="%s"]`, model))))
		waitFor(t, ctx, "the model in the editor", fmt.Sprintf(`document.getElementById("file-name").textContent === %q`, model), 20*time.Second)
		before := editorText(t, ctx)
		// Type a wrong column before "s.plan" on line 7, as a person would.
		eval[bool](t, ctx, `(editorContent().focus(), true)`)
		do(t, ctx, chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		for range 6 {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
		}
		do(t, ctx, chromedp.KeyEvent(kb.Home), chromedp.KeyEvent("no_such_column, "))
		after := editorText(t, ctx)
		if after == before {
			t.Fatal("typing did not change the editor")
		}
		// Ctrl+Enter in the editor runs the project.
		do(t, ctx, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		waitFor(t, ctx, "the failed run", `document.body.dataset.lastRun === "error"`, 2*time.Minute)
		waitFor(t, ctx, "an underline", `!!editorRoot().querySelector(".cm-lintRange-error")`, 20*time.Second)
		line := eval[int](t, ctx, `(() => {
			const mark = editorRoot().querySelector(".cm-lintRange-error");
			const lines = [...editorRoot().querySelectorAll(".cm-content .cm-line")];
			return lines.findIndex(l => l.contains(mark)) + 1; })()`)
		if line != 7 {
			t.Fatalf("underline on line %d, want 7; diagnostics: %s", line, eval[string](t, ctx, `document.getElementById("diagnostics").textContent`))
		}
		shot(t, ctx, "error")
		if got := editorText(t, ctx); got != after {
			t.Fatalf("editor text changed by the run:\n%s\nwant:\n%s", got, after)
		}
		if name := eval[string](t, ctx, `document.getElementById("file-name").textContent`); name != model {
			t.Fatalf("editor shows %s after the run, want %s", name, model)
		}
	})
}

// Helpers defined in the page for the test: CodeMirror lives in a shadow
// root, which CSS selectors from outside do not reach.
const helpersJS = `
window.editorRoot = () => document.getElementById("editor").shadowRoot;
window.editorContent = () => editorRoot().querySelector(".cm-content");
window.consoleContent = () => document.getElementById("console-editor").shadowRoot.querySelector(".cm-content");
true`

func editorText(t *testing.T, ctx context.Context) string {
	t.Helper()
	eval[bool](t, ctx, helpersJS)
	return eval[string](t, ctx, `[...editorContent().querySelectorAll(".cm-line")].map(l => l.textContent).join("\n")`)
}

// setConsole replaces the console's text by typing it.
func setConsole(t *testing.T, ctx context.Context, sql string) {
	t.Helper()
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(consoleContent().focus(), true)`)
	do(t, ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent("\b"))
	do(t, ctx, chromedp.KeyEvent(sql))
}

// transferJS sums what the page fetched over the network, compressed.
const transferJS = `(() => {
	const rs = performance.getEntriesByType("resource").concat(performance.getEntriesByType("navigation"));
	const parts = rs.map(r => r.name.replace(/^.*\//, "").replace(/\?.*$/, "") + " " + Math.round(r.transferSize / 1024) + " KB");
	const total = rs.reduce((a, r) => a + r.transferSize, 0);
	return Math.round(total / 1024) + " KB (" + parts.join(", ") + ")";
})()`

// shot writes a screenshot to $NEXUS_SHOTS/name.png when that variable is
// set, for looking at every panel while working on the page.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("NEXUS_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
