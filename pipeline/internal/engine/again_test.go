package engine

import (
	"context"
	"slices"
	"testing"
)

// A Run with nothing changed after one that reused every node gives that
// Run's log again without a statement; a query that wrote to the
// database, another selection or rebuild-all run the nodes again.
func TestUnchangedRunRepeatsTheLastLog(t *testing.T) {
	ctx := context.Background()
	e, db, files := quickstartEngine(t)
	build := func(opts Options) (*Result, int) {
		t.Helper()
		before := db.Stats().Statements
		res, err := e.Build(ctx, files, opts)
		if err != nil || !res.OK {
			t.Fatalf("build: %v %+v", err, res.Diagnostics)
		}
		return res, db.Stats().Statements - before
	}
	lines := func(res *Result) []string {
		var out []string
		for _, st := range res.Steps {
			out = append(out, st.Line+" "+st.Reuse)
		}
		return out
	}
	build(Options{})
	second, _ := build(Options{})
	var progress []Step
	third, stmts := build(Options{Progress: func(s Step) { progress = append(progress, s) }})
	if stmts != 0 {
		t.Errorf("an unchanged Run after one that reused everything ran %d statements, want 0", stmts)
	}
	if !slices.Equal(lines(third), lines(second)) || third.Summary != second.Summary {
		t.Errorf("the repeated log differs:\n%q\n%q\nwant\n%q\n%q", lines(third), third.Summary, lines(second), second.Summary)
	}
	if len(progress) != len(third.Steps) {
		t.Errorf("progress saw %d steps of %d", len(progress), len(third.Steps))
	}
	for _, c := range []struct {
		name  string
		query string
		opts  Options
		why   string
	}{
		{"rebuild all", "", Options{RebuildAll: true}, "rebuilt: rebuild all"},
		{"a query wrote", "create table main.other_table as select 1 as x", Options{}, "rebuilt: a query changed the database"},
	} {
		build(Options{})
		if c.query != "" {
			if _, err := db.Query(ctx, c.query, 0); err != nil {
				t.Fatal(err)
			}
		}
		res, _ := build(c.opts)
		if res.Steps[0].Reuse != c.why {
			t.Errorf("%s: the first step says %q, want %q", c.name, res.Steps[0].Reuse, c.why)
		}
	}
	// another selection is run, not repeated
	build(Options{})
	build(Options{})
	res, _ := build(Options{Command: CmdRun, Select: []string{lastModel(t, second)}})
	if len(res.Steps) != 1 {
		t.Errorf("a run of one model gave %d steps, want 1", len(res.Steps))
	}
}

func lastModel(t *testing.T, res *Result) string {
	for i := len(res.Steps) - 1; i >= 0; i-- {
		if res.Steps[i].Kind == "model" {
			return res.Steps[i].Name
		}
	}
	t.Fatal("no model built")
	return ""
}
