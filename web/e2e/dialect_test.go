package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// TestDialectSelector: a link's dialect sets the page's Dialect selector and
// the run's target.type; choosing another warehouse rebuilds for it, and
// Share puts the new choice in the link.
func TestDialectSelector(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: wh\n"),
		"models/wh.sql":   []byte("{{ config(alias='built_for_' ~ target.type) }}\nselect 1 as x\n"),
	}
	ctx := newBrowser(t, 8*time.Minute)
	openShared(t, ctx, share.Project{Files: files, Dialect: "duckdb"}, "")
	waitShared(t, ctx)
	// A loaded machine compiles the engine slowly: the run gets time.
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	runSlow(t, ctx)
	if got := eval[string](t, ctx, `document.getElementById("dialect").value`); got != "duckdb" {
		t.Fatalf("selector after opening the link: %q", got)
	}
	waitFor(t, ctx, "the duckdb table", tableList+`.includes("built_for_duckdb")`, 20*time.Second)

	eval[bool](t, ctx, `(document.getElementById("dialect").value = "bigquery", document.getElementById("dialect").dispatchEvent(new Event("change")), true)`)
	runSlow(t, ctx)
	// The table list is read again after the run ends: wait for it.
	waitFor(t, ctx, "the bigquery table", tableList+`.includes("built_for_bigquery")`, 20*time.Second)

	do(t, ctx, chromedp.Click(chromedp.ID("share")))
	waitFor(t, ctx, "the share link", `!!document.body.dataset.shareLink`, 20*time.Second)
	link := eval[string](t, ctx, `document.body.dataset.shareLink`)
	p, err := share.Decode(link, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Dialect != "bigquery" {
		t.Errorf("the shared link carries dialect %q, want bigquery", p.Dialect)
	}
}

// runSlow is runAndList with room for a loaded machine.
func runSlow(t *testing.T, ctx context.Context) string {
	t.Helper()
	runs := eval[string](t, ctx, `document.body.dataset.runs || "0"`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the run", `(document.body.dataset.runs || "0") !== "`+runs+`"`, 4*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("the run ended %s: %s", got, eval[string](t, ctx, `document.getElementById("runlog").textContent`))
	}
	waitFor(t, ctx, "the table list", `document.querySelectorAll('#tablelist li.table').length > 0`, time.Minute)
	return eval[string](t, ctx, tableList)
}

// TestConsoleReadsTheDialect: the SQL console reads the SQL of the warehouse
// the Dialect selector names, translated as a model's SQL is, where it read
// SQLite's whatever the choice; a construct the warehouse lacks is refused
// at its line and column in the query.
func TestConsoleReadsTheDialect(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml":   []byte("name: wh\n"),
		"models/orders.sql": []byte("select 1 as id, 'x2' as code union all select 2, '7'\n"),
	}
	ctx := newBrowser(t, 8*time.Minute)
	openShared(t, ctx, share.Project{Files: files, Dialect: "bigquery"}, "")
	waitShared(t, ctx)
	// a shared project is named after dbt_project.yml's name
	if name := eval[string](t, ctx, `document.getElementById("picker-name").textContent`); name != "Shared: wh" {
		t.Errorf("the shared project is named %q, want %q", name, "Shared: wh")
	}
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	runSlow(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	query := func(sql string) string {
		t.Helper()
		eval[bool](t, ctx, `(document.getElementById("console-status").textContent = "", true)`)
		setConsole(t, ctx, sql)
		do(t, ctx, chromedp.Click(chromedp.ID("console-run")))
		waitFor(t, ctx, "the query", `/row|error/.test(document.getElementById("console-status").textContent)`, time.Minute)
		return eval[string](t, ctx, `document.getElementById("console-status").textContent + " | " + document.getElementById("console-grid").textContent`)
	}
	got := query("select count(safe_cast(code as int64)) as n from `main.orders`")
	if !strings.Contains(got, "1 row(s)") || !strings.Contains(got, "BigQuery SQL") {
		t.Errorf("a BigQuery query in the console: %s", got)
	}
	got = query("select id::int64 from main.orders")
	if !strings.Contains(got, "error (BigQuery SQL)") || !strings.Contains(got, "query:1:") || !strings.Contains(got, "CAST(x AS type)") {
		t.Errorf("a :: cast in BigQuery's console: %s", got)
	}
	// Project, with no profiles.yml: SQLite's SQL, as the build.
	eval[bool](t, ctx, `(document.getElementById("dialect").value = "", document.getElementById("dialect").dispatchEvent(new Event("change")), true)`)
	got = query("select typeof(id) as t from main.orders limit 1")
	if !strings.Contains(got, "1 row(s)") || !strings.Contains(got, "SQLite SQL") {
		t.Errorf("a SQLite query in the console under Project: %s", got)
	}
	// Project, with a profiles.yml of DuckDB: after a run the console reads
	// DuckDB's SQL, as the build did (// divides integers there).
	files["profiles.yml"] = []byte("wh:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n")
	files["dbt_project.yml"] = []byte("name: wh\nprofile: wh\n")
	openShared(t, ctx, share.Project{Files: files}, "?second=1") // a new page, not a new fragment
	waitShared(t, ctx)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	runSlow(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	got = query("select 7 // 2 as q")
	if !strings.Contains(got, "1 row(s)") || !strings.Contains(got, "DuckDB SQL") || !strings.Contains(got, "3") {
		t.Errorf("a DuckDB query in the console under Project with a DuckDB profile: %s", got)
	}
}

// openShared opens project p through a share link (with the query, such as
// ?run=1, before its fragment).
func openShared(t *testing.T, ctx context.Context, p share.Project, query string) {
	t.Helper()
	fragment, err := share.Encode(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate(site+query+"#"+fragment))
}

// waitShared waits for the engine and the shared project the link opened.
func waitShared(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, "the engine", `!document.getElementById("run").disabled`, 2*time.Minute)
	waitFor(t, ctx, "the shared project", `document.body.dataset.shared === "1"`, 30*time.Second)
}
