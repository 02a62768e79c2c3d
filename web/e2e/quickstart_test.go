package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestQuickstartDataQuality runs the quickstart, whose schemas follow the
// Common Tasks page, and its "Verify Data Quality" queries as written.
func TestQuickstartDataQuality(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=1"))
	waitFor(t, ctx, "the quickstart run", `document.body.dataset.lastRun !== undefined`, 2*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("quickstart run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
	}
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	for _, ex := range []struct{ button, want string }{
		{button: `#examples button[title^="-- Check for duplicate persons"]`, want: `document.getElementById("console-status").textContent.startsWith("0 row(s)")`},
		{button: `#examples button[title^="-- Check event timeline"]`, want: `document.querySelectorAll("#console-grid tbody tr").length === 1`},
	} {
		eval[bool](t, ctx, `(document.getElementById("console-status").textContent = "", true)`)
		do(t, ctx, chromedp.Click(chromedp.CSS(ex.button)))
		waitFor(t, ctx, ex.button, ex.want, 15*time.Second)
	}
}

// TestProjectFiles adds, renames and deletes a file, opens a package model
// from the lineage graph and shows its compiled SQL.
func TestProjectFiles(t *testing.T) {
	ctx := newBrowser(t, 2*time.Minute)
	// The run comes first: compiling nexus_persons reads the built traits.
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=1"))
	waitFor(t, ctx, "the quickstart run", `document.body.dataset.lastRun === "ok"`, 2*time.Minute)
	treeHas := func(path string) string {
		return `!!document.querySelector('#tree li.file[data-path="` + path + `"]')`
	}

	do(t, ctx, chromedp.Click(chromedp.ID("file-add")),
		chromedp.SetValue(chromedp.CSS("#path-form input"), "models/extra/my_model.sql"),
		chromedp.Click(chromedp.CSS(`#path-form button[type="submit"]`)))
	waitFor(t, ctx, "the new file", treeHas("models/extra/my_model.sql"), 20*time.Second)

	do(t, ctx, chromedp.Click(chromedp.ID("file-rename")),
		chromedp.SetValue(chromedp.CSS("#path-form input"), "models/extra/renamed.sql"),
		chromedp.Click(chromedp.CSS(`#path-form button[type="submit"]`)))
	waitFor(t, ctx, "the renamed file", treeHas("models/extra/renamed.sql")+` && !`+treeHas("models/extra/my_model.sql"), 20*time.Second)

	eval[bool](t, ctx, `(window.confirm = () => true, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("file-delete")))
	waitFor(t, ctx, "the deleted file", `!`+treeHas("models/extra/renamed.sql"), 20*time.Second)

	do(t, ctx, chromedp.Click(chromedp.ID("tab-lineage")))
	node := `#lineage g.node[data-name="nexus_persons"]`
	waitFor(t, ctx, "nexus_persons in the lineage", `!!document.querySelector('`+node+`')`, 10*time.Second)
	eval[bool](t, ctx, `(document.querySelector('`+node+`').dispatchEvent(new MouseEvent("click", {bubbles: true})), true)`)
	waitFor(t, ctx, "the package model in the editor",
		`document.getElementById("file-name").textContent.endsWith("nexus_persons.sql") && !document.getElementById("file-badge").classList.contains("hidden")`, 5*time.Second)

	do(t, ctx, chromedp.Click(chromedp.ID("file-compiled")))
	waitFor(t, ctx, "the compiled SQL", `document.getElementById("file-name").textContent === "compiled: nexus_persons"`, 10*time.Second)
	eval[bool](t, ctx, helpersJS)
	if text := editorText(t, ctx); text == "" || strings.Contains(text, "{{") {
		t.Fatalf("compiled SQL still has Jinja or is empty:\n%s", text)
	}
}
