package e2e

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRunShowsWhatChanged edits the demo's Stripe customers seed in the
// editor as a person would (a name, an email, a deleted row), runs again,
// and reads what changed: the log's counts for the seed, the grid's
// "Changed rows only" view with the old value beside the new, and the
// person page's joined identifier. Every expected value comes from the
// seed file.
func TestRunShowsWhatChanged(t *testing.T) {
	const seed = "seeds/stripe_customers.csv"
	raw, err := os.ReadFile(filepath.Join("..", "..", "samples", "demo", seed))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	recs, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int {
		for i, c := range recs[0] {
			if c == name {
				return i
			}
		}
		t.Fatalf("%s has no column %s", seed, name)
		return 0
	}
	idCol, emailCol, nameCol := col("customer_id"), col("email"), col("name")
	// Rows 2, 3 and 4 of the file (1-based lines 3, 4, 5): renamed, new
	// email, deleted. offset is where a column starts on a plain line.
	renamed, reemailed, deleted := recs[2], recs[3], recs[4]
	offset := func(row []string, c int) int {
		prefix := strings.Join(row[:c], ",") + ","
		if !strings.HasPrefix(lines[indexOf(t, recs, row)], prefix) {
			t.Fatalf("line of %s is not plain CSV: %q", row[idCol], lines[indexOf(t, recs, row)])
		}
		return len(prefix)
	}
	if reemailed[emailCol] == "" {
		t.Fatalf("%s has no email to change", reemailed[idCol])
	}
	oldName, newName := renamed[nameCol], "Dr. "+renamed[nameCol]
	newEmail := "new." + reemailed[emailCol]

	ctx := newBrowser(t, 8*time.Minute)
	openRun(t, ctx, site+"?sample=demo")
	waitFor(t, ctx, "the first run's note", `!!document.querySelector('#run-changes [data-changes="first"]')`, 20*time.Second)

	// Edit the seed in the editor with the keyboard.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#tree li.file[data-path="`+seed+`"]`)))
	waitFor(t, ctx, "the seed in the editor", `document.getElementById("file-name").textContent === "`+seed+`"`, 10*time.Second)
	eval[bool](t, ctx, helpersJS)
	eval[bool](t, ctx, `(editorContent().focus(), true)`)
	gotoCol := func(line, col int) {
		do(t, ctx, chromedp.KeyEvent(kb.Home, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		for range line {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
		}
		do(t, ctx, chromedp.KeyEvent(kb.Home))
		for range col {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
		}
	}
	gotoCol(indexOf(t, recs, renamed), offset(renamed, nameCol))
	do(t, ctx, chromedp.KeyEvent("Dr. "))
	gotoCol(indexOf(t, recs, reemailed), offset(reemailed, emailCol))
	do(t, ctx, chromedp.KeyEvent("new."))
	gotoCol(indexOf(t, recs, deleted), 0)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierShift)), chromedp.KeyEvent(kb.Backspace))
	text := editorText(t, ctx)
	if !strings.Contains(text, ","+newName+",") || !strings.Contains(text, ","+newEmail+",") || strings.Contains(text, deleted[idCol]+",") {
		t.Fatalf("the edits did not land as typed:\n%s", text)
	}

	runAndList(t, ctx)
	row := `document.querySelector('#run-changes tr[data-name="stripe_customers"]')`
	waitFor(t, ctx, "the seed in the changes", "!!"+row, 20*time.Second)
	if got := eval[string](t, ctx, `["added", "removed", "changed"].map(k => `+row+`.dataset[k]).join()`); got != "0,1,2" {
		t.Errorf("stripe_customers added,removed,changed = %s, want 0,1,2", got)
	}
	logRow := `[...document.querySelectorAll('#runlog tr[data-name="stripe_customers"] .diff')].map(s => s.textContent).join()`
	if got := eval[string](t, ctx, logRow); got != "+0 −1 ~2" {
		t.Errorf("the seed's log row says %q, want +0 −1 ~2", got)
	}
	t.Logf("run %ss on the page, %ss in the engine; %s", eval[string](t, ctx, `document.body.dataset.lastRunSeconds`), eval[string](t, ctx, `document.body.dataset.lastRunEngineSeconds`),
		eval[string](t, ctx, `document.querySelector("#run-changes p.muted").textContent`))

	// The grid's diff view, from the log's link.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#run-changes tr[data-name="stripe_customers"] a`)))
	waitFor(t, ctx, "the changed rows", `document.querySelectorAll("#table-grid .diffgrid tbody tr").length === 3`, 20*time.Second)
	if !eval[bool](t, ctx, `document.getElementById("diff-only").checked`) {
		t.Error("the log's link did not open the changed rows only")
	}
	cells := func(kind, colName, part string) string {
		return eval[string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('#table-grid .diffgrid tr[data-kind=%q] td[data-col=%q]%s')].map(c => c.textContent).join("|")`, kind, colName, part))
	}
	if got, want := cells("removed", "customer_id", ""), deleted[idCol]; got != want {
		t.Errorf("removed row %q, want %q", got, want)
	}
	if got, want := cells("changed", "name", " .old"), oldName; got != want {
		t.Errorf("old name %q, want %q", got, want)
	}
	if got, want := cells("changed", "name", " .new"), newName; got != want {
		t.Errorf("new name %q, want %q", got, want)
	}
	if got, want := cells("changed", "email", " .new"), newEmail; got != want {
		t.Errorf("new email %q, want %q", got, want)
	}
	// Unticked, the grid shows the whole table again.
	do(t, ctx, chromedp.Click(chromedp.ID("diff-only")))
	waitFor(t, ctx, "the whole table", `!document.querySelector("#table-grid .diffgrid") && document.querySelectorAll("#table-grid tbody tr").length === `+fmt.Sprint(len(recs)-2), 20*time.Second)

	// The person with the new email: it joined them.
	do(t, ctx, chromedp.Click(chromedp.ID("tab-person")), chromedp.SetValue(chromedp.ID("person-find"), newEmail))
	eval[bool](t, ctx, `(document.getElementById("person-find").dispatchEvent(new Event("input")), true)`)
	waitFor(t, ctx, "the person found", `document.querySelectorAll("#person-results li[data-person]").length === 1`, 20*time.Second)
	do(t, ctx, chromedp.Click(chromedp.CSS(`#person-results li[data-person]`)))
	joined := `[...document.querySelectorAll('#person-view .person-changes .joined code')].map(c => c.textContent).join("|")`
	waitFor(t, ctx, "the joined identifiers", joined+` !== ""`, 20*time.Second)
	if got := eval[string](t, ctx, joined); !strings.Contains("|"+got+"|", ":"+newEmail+"|") {
		t.Errorf("joined %q, want one ending :%s", got, newEmail)
	}
}

// indexOf is the 0-based line of a record in a CSV of one line per record.
func indexOf(t *testing.T, recs [][]string, row []string) int {
	for i, r := range recs {
		if &r[0] == &row[0] {
			return i
		}
	}
	t.Fatal("record not in the file")
	return 0
}
