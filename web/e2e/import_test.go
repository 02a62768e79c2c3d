package e2e

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// repoFiles is a project as its repository holds it: beside the project's
// files, a licence, a diagram and scripts, as real dbt projects carry them.
func repoFiles() map[string][]byte {
	return map[string][]byte{
		"dbt_project.yml":          []byte("name: shop\nprofile: shop\n"),
		"seeds/raw_orders.csv":     []byte("id,amount\n1,10\n2,32\n"),
		"models/orders.sql":        []byte("select id, amount * 2 as doubled from {{ ref('raw_orders') }}\n"),
		"models/forecast.py":       []byte("def model(dbt, session):\n    return dbt.ref('orders')\n"),
		"LICENSE":                  []byte("Apache License, Version 2.0\n"),
		"etc/shop_erd.png":         {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d},
		"scripts/load.sh":          []byte("#!/bin/sh\n"),
		".github/workflows/ci.yml": []byte("on: push\n"),
	}
}

// TestImportRealRepository: a zip of a project's repository and the
// repository's folder import with the files no project holds (LICENSE, a
// .png, scripts, a Python model) left out and named, where the import was
// refused by the first of them; the project then runs.
func TestImportRealRepository(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "shop")
	zpath := filepath.Join(dir, "shop.zip")
	f, err := os.Create(zpath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, data := range repoFiles() {
		w, err := zw.Create("shop/" + name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	ctx := newBrowser(t, 6*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	wantLeft := "LICENSE\netc/shop_erd.png\nmodels/forecast.py\nscripts/load.sh"
	for _, tc := range []struct{ how, input, path, name string }{
		{"zip", `input[type=file][accept^=".zip"]`, zpath, "shop"},
		{"folder", `input[type=file][webkitdirectory]`, root, "shop"},
	} {
		t.Run(tc.how, func(t *testing.T) {
			eval[bool](t, ctx, `(delete document.body.dataset.importError, delete document.body.dataset.importLeft, [...document.querySelectorAll(".toast")].forEach((el) => el.remove()), true)`)
			do(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(tc.input), []string{tc.path}))
			waitFor(t, ctx, "the import", `document.body.dataset.importLeft !== undefined || !!document.body.dataset.importError`, time.Minute)
			if e := eval[string](t, ctx, `document.body.dataset.importError || ""`); e != "" {
				t.Fatalf("the %s was refused: %s", tc.how, e)
			}
			if got := eval[string](t, ctx, `document.body.dataset.importLeft`); got != wantLeft {
				t.Errorf("left out %q, want %q", got, wantLeft)
			}
			toast := eval[string](t, ctx, `[...document.querySelectorAll(".toast")].map((el) => el.textContent).join(" | ")`)
			// Each message can be read: none covers another.
			if overlap := eval[string](t, ctx, `(() => { const r = [...document.querySelectorAll(".toast")].map((el) => el.getBoundingClientRect()); for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) if (r[i].top < r[j].bottom && r[j].top < r[i].bottom && r[i].left < r[j].right && r[j].left < r[i].right) return i + " and " + j + " of " + r.length; return ""; })()`); overlap != "" {
				t.Errorf("the import's messages cover each other: toasts %s", overlap)
			}
			for _, want := range []string{"Imported 3 files", "Left out 4 files", "LICENSE, etc/shop_erd.png", "A Python model does not run here"} {
				if !strings.Contains(toast, want) {
					t.Errorf("the message %q lacks %q", toast, want)
				}
			}
			if got := eval[string](t, ctx, `[...document.querySelectorAll("#tree li.file")].map((li) => li.dataset.path).sort().join(",")`); got != "dbt_project.yml,models/orders.sql,seeds/raw_orders.csv" {
				t.Errorf("the project's files: %s", got)
			}
			eval[bool](t, ctx, `(document.getElementById("timeout").value = "300", delete document.body.dataset.lastRun, true)`)
			do(t, ctx, chromedp.Click(chromedp.ID("run")))
			waitFor(t, ctx, "the run", `document.body.dataset.lastRun !== undefined`, 3*time.Minute)
			if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
				t.Fatalf("the run ended %s: %s", got, eval[string](t, ctx, `document.getElementById("runlog").textContent`))
			}
			waitFor(t, ctx, "the orders table", tableList+`.includes("orders")`, 30*time.Second)
			// dbt_project.yml names a profile the project has no
			// profiles.yml for: its SQL was read as SQLite's, and the
			// page says so, at the import and beside the run's outcome.
			if !strings.Contains(toast, "names the profile shop") {
				t.Errorf("the import's messages do not say the SQL is read as SQLite's: %q", toast)
			}
			if hint := eval[string](t, ctx, `document.querySelector("#run-summary .dialect-hint")?.textContent || ""`); !strings.Contains(hint, "Built as SQLite's SQL: dbt_project.yml names the profile shop") {
				t.Errorf("the run's outcome does not say the SQL was read as SQLite's: %q", hint)
			}
		})
	}
	// Once a warehouse is chosen, the note is gone.
	eval[bool](t, ctx, `(document.getElementById("dialect").value = "duckdb", document.getElementById("dialect").dispatchEvent(new Event("change")), delete document.body.dataset.lastRun, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the DuckDB run", `document.body.dataset.lastRun !== undefined`, 3*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("the DuckDB run ended %s", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#run-summary .dialect-hint").length`); n != 0 {
		t.Errorf("the note stays after DuckDB was chosen")
	}
}

// TestErrorOpensItsLine: the failing model's link in the run log, and the
// place its error message opens with, open the file at the error's line,
// where the link opened the file at its top.
func TestErrorOpensItsLine(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml":    []byte("name: wh\n"),
		"models/first.sql":   []byte("select 1 as x\n"),
		"models/failing.sql": []byte("-- one\n-- two\n-- three\n-- four\n-- five\n-- six\nselect\n  1 as a,\n  nope(1) as c\n"),
	}
	ctx := newBrowser(t, 6*time.Minute)
	openShared(t, ctx, share.Project{Files: files, Dialect: "duckdb"}, "")
	waitShared(t, ctx)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "300", delete document.body.dataset.lastRun, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the failed run", `document.body.dataset.lastRun === "error"`, 3*time.Minute)
	eval[bool](t, ctx, helpersJS)
	activeLine := `(editorRoot().querySelector(".cm-activeLineGutter")?.textContent || "")`
	for _, link := range []string{`#runlog tr.err a.model`, `#runlog tr.msg a.loc`} {
		openInEditor(t, ctx, "models/first.sql")
		do(t, ctx, chromedp.Click(chromedp.CSS(link)))
		waitFor(t, ctx, "the failing model", `document.getElementById("file-name").textContent === "models/failing.sql"`, 10*time.Second)
		waitFor(t, ctx, "the error's line", activeLine+` === "9"`, 10*time.Second)
	}
	if got := eval[string](t, ctx, `document.querySelector("#runlog tr.msg a.loc").textContent`); got != "models/failing.sql:9:3" {
		t.Errorf("the message's place reads %q", got)
	}
	// the error shows under its step, and is not listed again below the log
	if n := eval[int](t, ctx, `[...document.querySelectorAll("#runlog tr.msg")].filter(r => r.textContent.includes("failing.sql:9:3")).length`); n != 1 {
		t.Errorf("the error shows %d times in the run log, want once", n)
	}
}

// TestReloadReopensTheOpenFile: a reload opens the file that was open, at
// its cursor's line, where it opened dbt_project.yml at the top.
func TestReloadReopensTheOpenFile(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	const model = "models/sources/your_source_events.sql"
	if !eval[bool](t, ctx, `!!document.querySelector('#tree li.file[data-path="`+model+`"]')`) {
		t.Fatalf("the quickstart has no %s: %s", model, eval[string](t, ctx, `[...document.querySelectorAll("#tree li.file")].map((li) => li.dataset.path).join(",")`))
	}
	openInEditor(t, ctx, model)
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(editorContent().focus(), true)`)
	do(t, ctx, chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	activeLine := `(editorRoot().querySelector(".cm-activeLineGutter")?.textContent || "")`
	waitFor(t, ctx, "the cursor on line 3", activeLine+` === "3"`, 10*time.Second)
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, "the engine", `document.getElementById("status").dataset.state === "ready"`, time.Minute)
	waitFor(t, ctx, "the model reopened", `document.getElementById("file-name").textContent === "`+model+`"`, 10*time.Second)
	eval[bool](t, ctx, helpersJS)
	waitFor(t, ctx, "the cursor's line", activeLine+` === "3"`, 10*time.Second)
}
