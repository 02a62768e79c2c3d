package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// TestRunsAreIncremental: the page keeps its tables between Runs, so a
// second Run adds to an incremental model's table, and a Run with "Full
// refresh" ticked rebuilds it from the model's SQL.
func TestRunsAreIncremental(t *testing.T) {
	files := map[string][]byte{
		"dbt_project.yml": []byte("name: inc\n"),
		"models/visits.sql": []byte("{{ config(materialized='incremental') }}\n" +
			"select {{ 2 if is_incremental() else 1 }} as run_kind\n"),
	}
	ctx := newBrowser(t, 4*time.Minute)
	openShared(t, ctx, share.Project{Files: files}, "?run=1")
	waitFor(t, ctx, "the first run", `document.body.dataset.lastRun === "ok"`, 2*time.Minute)
	const visits = `[...document.querySelectorAll('#tablelist li.table')].filter(li => li.dataset.name.endsWith('visits')).map(li => li.dataset.rows).join()`
	const logText = `document.getElementById("runlog").textContent`
	waitFor(t, ctx, "visits listed with 1 row", visits+` === "1"`, 20*time.Second)
	if got := eval[string](t, ctx, logText); strings.Contains(got, "append") {
		t.Fatalf("the first run appended: %s", got)
	}

	for i, want := range []string{"append 1 row", "append 1 row"} {
		runAndList(t, ctx)
		waitFor(t, ctx, "visits grown", visits+` === "`+string(rune('2'+i))+`"`, 20*time.Second)
		if got := eval[string](t, ctx, logText); !strings.Contains(got, want) {
			t.Fatalf("run %d log lacks %q: %s", i+2, want, got)
		}
	}

	do(t, ctx, chromedp.Click(chromedp.ID("full-refresh")))
	runAndList(t, ctx)
	waitFor(t, ctx, "visits rebuilt with 1 row", visits+` === "1"`, 20*time.Second)
	if got := eval[string](t, ctx, logText); strings.Contains(got, "append") {
		t.Fatalf("full refresh log: %s", got)
	}
}
