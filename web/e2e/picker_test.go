package e2e

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestProjectPicker: one picker in the top bar opens the samples and the
// saved projects and holds new, import, rename and delete; it is labelled
// and works from the keyboard alone; an embed does not show it.
func TestProjectPicker(t *testing.T) {
	ctx := newBrowser(t, 6*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	name := func() string { return eval[string](t, ctx, `document.getElementById("picker-name").textContent`) }
	open := func() bool { return eval[bool](t, ctx, `!document.getElementById("picker-menu").hidden`) }
	focused := func() string {
		return eval[string](t, ctx, `(() => { const a = document.activeElement; return a.id || a.dataset.sample || a.dataset.project || a.tagName; })()`)
	}

	t.Run("one labelled picker", func(t *testing.T) {
		if n := eval[int](t, ctx, `document.querySelectorAll("select#sample, select#project, .projectbar").length`); n != 0 {
			t.Errorf("%d old sample or project menus are still on the page", n)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#project-rename, #project-delete").length`); n != 2 || !eval[bool](t, ctx, `document.getElementById("picker-menu").contains(document.getElementById("project-rename"))`) {
			t.Errorf("the project's Rename and Delete are not (only) in the picker")
		}
		label := eval[string](t, ctx, `document.getElementById("picker").getAttribute("aria-labelledby").split(" ").map((id) => document.getElementById(id).textContent).join(" ")`)
		if label != "Project Sample: quickstart" {
			t.Errorf("the picker is labelled %q", label)
		}
		if got := eval[string](t, ctx, `document.getElementById("picker").getAttribute("aria-haspopup") + "/" + document.getElementById("picker").getAttribute("aria-expanded")`); got != "menu/false" {
			t.Errorf("aria-haspopup/aria-expanded %s", got)
		}
	})

	t.Run("keyboard: arrows pick a sample, Escape closes", func(t *testing.T) {
		do(t, ctx, chromedp.Focus(chromedp.ID("picker")), chromedp.KeyEvent(kb.ArrowDown))
		if !open() || focused() != "quickstart" {
			t.Fatalf("ArrowDown: menu open %v, focus on %q, want the open sample", open(), focused())
		}
		if got := eval[string](t, ctx, `document.getElementById("picker").getAttribute("aria-expanded")`); got != "true" {
			t.Errorf("aria-expanded %s with the menu open", got)
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
		if open() || focused() != "picker" {
			t.Fatalf("Escape: menu open %v, focus on %q", open(), focused())
		}
		// The samples in name order: demo, entities, quickstart.
		do(t, ctx, chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.ArrowUp))
		if focused() != "entities" {
			t.Fatalf("ArrowUp went to %q, want entities", focused())
		}
		do(t, ctx, chromedp.KeyEvent(kb.ArrowUp))
		if focused() != "demo" {
			t.Fatalf("a second ArrowUp went to %q, want demo", focused())
		}
		do(t, ctx, chromedp.KeyEvent(kb.Enter))
		waitFor(t, ctx, "the demo's files", `!!document.querySelector('#tree li.file[data-path="models/billing/billing_events.sql"]')`, 10*time.Second)
		if open() || focused() != "picker" || name() != "Sample: demo" {
			t.Errorf("after picking demo: menu open %v, focus on %q, picker says %q", open(), focused(), name())
		}
		if q := eval[string](t, ctx, `location.search`); q != "?sample=demo" {
			t.Errorf("address %q after picking demo", q)
		}
	})

	t.Run("new, rename, switch and delete a saved project", func(t *testing.T) {
		eval[bool](t, ctx, `(window.prompt = () => "Mine", window.confirm = () => true, true)`)
		// A first letter moves to the entry it starts.
		do(t, ctx, chromedp.Focus(chromedp.ID("picker")), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent("n"))
		if focused() != "project-new" {
			t.Fatalf("n went to %q", focused())
		}
		do(t, ctx, chromedp.KeyEvent(kb.Enter))
		waitFor(t, ctx, "the saved copy", `document.getElementById("picker-name").textContent === "Mine"`, 20*time.Second)
		if got := eval[string](t, ctx, `[...document.querySelectorAll("#picker-saved [aria-checked=true]")].map((b) => b.textContent).join()`); got != "Mine" {
			t.Errorf("the checked saved project is %q", got)
		}
		if eval[string](t, ctx, `document.getElementById("project-rename").getAttribute("aria-disabled")`) != "false" {
			t.Errorf("Rename is disabled on a saved project")
		}

		eval[bool](t, ctx, `(window.prompt = () => "Renamed", true)`)
		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.ID("project-rename")))
		waitFor(t, ctx, "the new name", `document.getElementById("picker-name").textContent === "Renamed"`, 20*time.Second)
		if open() {
			t.Errorf("the menu stayed open after Rename")
		}

		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.CSS(`#picker-samples [data-sample="quickstart"]`)))
		waitFor(t, ctx, "the quickstart", `document.getElementById("picker-name").textContent === "Sample: quickstart" && !document.querySelector('#tree li.file[data-path="models/billing/billing_events.sql"]')`, 20*time.Second)
		if eval[string](t, ctx, `document.getElementById("project-delete").getAttribute("aria-disabled")`) != "true" {
			t.Errorf("Delete is offered on a sample")
		}
		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.CSS(`#picker-saved [role=menuitemradio]`)))
		waitFor(t, ctx, "the saved project's files", `document.getElementById("picker-name").textContent === "Renamed" && !!document.querySelector('#tree li.file[data-path="models/billing/billing_events.sql"]')`, 20*time.Second)

		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.ID("project-delete")))
		waitFor(t, ctx, "the sample it was made from", `document.getElementById("picker-name").textContent === "Sample: demo"`, 20*time.Second)
		if n := eval[int](t, ctx, `document.querySelectorAll("#picker-saved [role=menuitemradio]").length`); n != 0 {
			t.Errorf("%d saved projects listed after the delete", n)
		}
		if open() {
			t.Errorf("the menu stayed open after Delete")
		}
		// A disabled entry does nothing and leaves the menu open.
		eval[bool](t, ctx, `(window.prompt = () => { document.body.dataset.prompted = "1"; return "x"; }, true)`)
		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.ID("project-rename")))
		if !open() || eval[string](t, ctx, `document.body.dataset.prompted || ""`) != "" {
			t.Errorf("a disabled Rename acted: menu open %v", open())
		}
		do(t, ctx, chromedp.KeyEvent(kb.Escape))
	})

	t.Run("a click elsewhere closes it", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("picker")))
		if !open() {
			t.Fatal("a click does not open the menu")
		}
		do(t, ctx, chromedp.Click(chromedp.ID("tab-lineage")))
		if open() {
			t.Error("the menu stayed open after a click on a tab")
		}
	})

	t.Run("import a .zip from the picker", func(t *testing.T) {
		dir := t.TempDir()
		zpath := filepath.Join(dir, "myimport.zip")
		f, err := os.Create(zpath)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		files := quickstartFiles(t)
		for p, b := range files {
			w, err := zw.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(b)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()

		if _, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
			t.Fatal(err)
		}
		chooser := make(chan *page.EventFileChooserOpened, 1)
		if err := chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*page.EventFileChooserOpened); ok {
				select {
				case chooser <- e:
				default:
				}
			}
		}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.ID("import-zip")))
		var ev *page.EventFileChooserOpened
		select {
		case ev = <-chooser:
		case <-time.After(20 * time.Second):
			t.Fatal("Import a project .zip opened no file chooser")
		}
		if ev.Mode != page.FileChooserOpenedModeSelectSingle {
			t.Errorf("file chooser mode %s", ev.Mode)
		}
		if _, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{zpath}, BackendNodeID: ev.BackendNodeID}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, "the imported project", `document.getElementById("picker-name").textContent === "myimport" || !!document.body.dataset.importError`, 2*time.Minute)
		if e := eval[string](t, ctx, `document.body.dataset.importError || ""`); e != "" {
			t.Fatalf("the import was refused: %s", e)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#tree li.file").length`); n != len(files) {
			t.Errorf("the imported project shows %d files, want %d", n, len(files))
		}
	})

	t.Run("an embed has no picker", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(site+"?embed=1&sample=demo&run=0"))
		waitFor(t, ctx, "the embed", `document.body.classList.contains("embed") && document.getElementById("picker-name").textContent === "Sample: demo"`, 30*time.Second)
		if eval[bool](t, ctx, `document.getElementById("picker-field").getClientRects().length > 0`) {
			t.Error("an embed shows the project picker")
		}
	})
}
