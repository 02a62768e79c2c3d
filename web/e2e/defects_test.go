package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSmallDefects drives the quickstart through the defects a new user
// met: the completion popup stayed open over the results after Run and its
// icons had no glyphs; Reset left the last run's diagnostics and "Failed"
// status behind and its Undo button was white on white; a stopped run's
// summary said "Done"; a YAML error was underlined lines below the edit.
func TestSmallDefects(t *testing.T) {
	ctx := newBrowser(t, 8*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=0&file=models/sources/your_source_events.sql"))
	waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)
	waitFor(t, ctx, "the model in the editor", `document.getElementById("file-name").textContent === "models/sources/your_source_events.sql"`, 10*time.Second)
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	// replace types text over the editor's content, as a person would, and
	// waits until the editor holds it (keys sent before the editor has the
	// focus go nowhere, so it tries again).
	replace := func(text string) {
		t.Helper()
		for try := 0; ; try++ {
			eval[bool](t, ctx, `(editorContent().focus(), true)`)
			waitFor(t, ctx, "the editor's focus", `editorRoot().activeElement === editorContent()`, 20*time.Second)
			do(t, ctx, chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.Delete))
			do(t, ctx, chromedp.KeyEvent(text))
			got := editorText(t, ctx)
			if got == text {
				return
			}
			if try == 2 {
				t.Fatalf("typing into the editor left %q, want %q", got, text)
			}
		}
	}
	popup := `!!editorRoot().querySelector(".cm-tooltip-autocomplete")`

	t.Run("one name per action in the sidebar", func(t *testing.T) {
		dup := eval[string](t, ctx, `(() => { const b = [...document.querySelectorAll("#sidebar button, #sidebar summary")].filter((x) => x.getClientRects().length).map((x) => x.textContent.trim());
			return b.filter((x, i) => b.indexOf(x) !== i).join(", "); })()`)
		if dup != "" {
			t.Fatalf("two sidebar buttons read the same: %s", dup)
		}
	})

	t.Run("completion", func(t *testing.T) {
		replace("select nope_col fro")
		waitFor(t, ctx, "the completion popup", popup, 10*time.Second)
		icons := eval[string](t, ctx, `[...editorRoot().querySelectorAll(".cm-completionIcon")].map((i) => getComputedStyle(i, "::after").content).join(" ")`)
		for _, r := range icons {
			if r > 0x7e {
				t.Fatalf("completion icons use characters many fonts lack (drawn as empty boxes): %s", icons)
			}
		}
		do(t, ctx, chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		waitFor(t, ctx, "the failing run", `document.body.dataset.lastRun === "error"`, 3*time.Minute)
		if eval[bool](t, ctx, popup) {
			t.Fatal("the completion popup stays open over the results after Run")
		}
	})

	t.Run("reset", func(t *testing.T) {
		if eval[string](t, ctx, `document.getElementById("diagnostics").textContent`) == "" {
			t.Fatal("the failing run left no diagnostics to clear")
		}
		do(t, ctx, chromedp.Click(chromedp.ID("project-reset")))
		waitFor(t, ctx, "the undo toast", `!!document.getElementById("undo")`, 20*time.Second)
		if d := eval[string](t, ctx, `document.getElementById("diagnostics").textContent`); d != "" {
			t.Fatalf("the diagnostics stay after Reset restored the file: %q", d)
		}
		if st := eval[string](t, ctx, `document.getElementById("status").textContent`); strings.HasPrefix(st, "Failed") {
			t.Fatalf("the status still says %q after Reset", st)
		}
		// Contrast of the Undo button's text on its background (WCAG ratio).
		ratio := eval[float64](t, ctx, `(() => {
			const b = document.getElementById("undo"), cs = getComputedStyle(b);
			const lum = (c) => { const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
			const a = lum(cs.color), c = lum(cs.backgroundColor);
			return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05); })()`)
		if ratio < 4.5 {
			t.Fatalf("the Undo button's text has a contrast of %.2f:1 on its background, want 4.5:1", ratio)
		}
	})

	t.Run("a stopped run does not say Done", func(t *testing.T) {
		// Reset opened dbt_project.yml: back to the model.
		eval[bool](t, ctx, `(document.querySelector('#tree li.file[data-path="models/sources/your_source_events.sql"]').click(), true)`)
		waitFor(t, ctx, "the model in the editor", `document.getElementById("file-name").textContent === "models/sources/your_source_events.sql"`, 10*time.Second)
		replace("with recursive r(x) as (select 1 union all select x + 1 from r) select count(*) as n from r")
		do(t, ctx, chromedp.Click(chromedp.ID("run")))
		// Steps are reported as nodes finish; the runaway model never does,
		// so the run is stopped once it is under way with a node done.
		waitFor(t, ctx, "the run under way", `!document.getElementById("stop").disabled && /^Running \d+\/\d+ /.test(document.getElementById("status").textContent)`, 2*time.Minute)
		do(t, ctx, chromedp.Click(chromedp.ID("stop")))
		waitFor(t, ctx, "the stop", `document.body.dataset.lastRun === "stopped"`, time.Minute)
		sum := eval[string](t, ctx, `document.getElementById("run-summary").textContent`)
		if !strings.HasPrefix(sum, "Stopped") || strings.Contains(sum, "Done") || strings.Contains(sum, "Finished running") {
			t.Fatalf("a stopped run's summary: %q", sum)
		}
	})

	t.Run("a YAML error is underlined where it was made", func(t *testing.T) {
		const file = "models/sources/your_source.yml"
		eval[bool](t, ctx, `(document.querySelector('#tree li.file[data-path="`+file+`"]').click(), true)`)
		waitFor(t, ctx, "the YAML in the editor", `document.getElementById("file-name").textContent === "`+file+`"`, 10*time.Second)
		if l := strings.Split(editorText(t, ctx), "\n"); len(l) < 12 || strings.TrimSpace(l[7]) != "tables:" {
			t.Fatalf("line 8 of %s is not \"tables:\": %q", file, l)
		}
		// Delete the colon of "tables:" on line 8: the four lines below it
		// become one plain value, which the parser notices at line 12.
		runs := eval[string](t, ctx, `document.body.dataset.runs`)
		eval[bool](t, ctx, `(editorContent().focus(), true)`)
		do(t, ctx, chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		for range 7 {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
		}
		do(t, ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.Backspace))
		do(t, ctx, chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		waitFor(t, ctx, "the failed run", `document.body.dataset.runs !== "`+runs+`" && document.body.dataset.lastRun === "error"`, 2*time.Minute)
		waitFor(t, ctx, "an underline", `!!editorRoot().querySelector(".cm-lintRange-error")`, 10*time.Second)
		line := eval[int](t, ctx, `(() => {
			const mark = editorRoot().querySelector(".cm-lintRange-error");
			return [...editorRoot().querySelectorAll(".cm-content .cm-line")].findIndex((l) => l.contains(mark)) + 1; })()`)
		if line != 8 {
			t.Fatalf("underline on line %d, want 8 (the edit); diagnostics: %s", line, eval[string](t, ctx, `document.getElementById("diagnostics").textContent`))
		}
	})

	t.Run("the project picker follows a walkthrough's sample", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?sample=demo&walkthrough=new-source"))
		waitFor(t, ctx, "the walkthrough's sample", `document.getElementById("picker").dataset.sample === "quickstart"`, 2*time.Minute)
		if got := eval[string](t, ctx, `document.getElementById("picker-name").textContent`); got != "Sample: quickstart" {
			t.Fatalf("after opening a quickstart walkthrough the project picker says %q", got)
		}
	})
}
