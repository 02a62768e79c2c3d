package bridge

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

// decode turns a response's result into T through JSON, as the page reads it.
func decode[T any](t *testing.T, resp Response) T {
	t.Helper()
	if !resp.OK {
		t.Fatalf("request failed: %+v", resp.Error)
	}
	data, err := json.Marshal(resp.Result)
	if err != nil {
		t.Fatal(err)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// playWalkthrough does what the page does for each step: apply the change
// through the bridge, run the step's command with the vars so far, run the
// checks through the bridge. It returns the first step (0-based) whose
// command or checks failed, or -1.
func playWalkthrough(t *testing.T, w *walkthrough.Walkthrough, skip int) (int, string) {
	t.Helper()
	b := New(":memory:")
	files := sampleFiles(t, w.Sample)
	vars := map[string]any{}
	for i, step := range w.Steps {
		if i == skip {
			continue
		}
		if step.Change != nil {
			ap := decode[Applied](t, roundTrip(t, b, Request{Op: "walkthrough.apply", Files: files, Vars: vars, Identity: &IdentityArgs{Change: step.Change}}, nil))
			files, vars = ap.Files, ap.Vars
		}
		if step.Command != "" {
			resp := roundTrip(t, b, Request{Op: "build", Command: step.Command, Select: step.Select, Exclude: step.Exclude, Files: files, Vars: vars}, nil)
			res := decode[pipeline.Result](t, resp)
			if !res.OK {
				return i, "command: " + res.Summary
			}
		}
		if len(step.Checks) > 0 {
			got := decode[[]walkthrough.CheckResult](t, roundTrip(t, b, Request{Op: "walkthrough.check", Identity: &IdentityArgs{Checks: step.Checks}}, nil))
			if len(got) != len(step.Checks) {
				t.Fatalf("step %d: %d verdicts for %d checks", i+1, len(got), len(step.Checks))
			}
			for _, c := range got {
				if !c.OK {
					return i, c.Check + ": " + c.Message
				}
			}
		}
	}
	return -1, ""
}

func TestEveryWalkthroughThroughTheBridge(t *testing.T) {
	ws, err := walkthrough.List(os.DirFS(filepath.Join("..", "..", "samples")))
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) == 0 {
		t.Fatal("no walkthroughs")
	}
	for _, w := range ws {
		t.Run(w.Name, func(t *testing.T) {
			// The walkthroughs reach the page as JSON: play them from it.
			data, err := json.Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			var fromJSON walkthrough.Walkthrough
			if err := json.Unmarshal(data, &fromJSON); err != nil {
				t.Fatal(err)
			}
			if step, msg := playWalkthrough(t, &fromJSON, -1); step >= 0 {
				t.Fatalf("step %d (%s): %s", step+1, w.Steps[step].Title, msg)
			}
		})
	}
}

func TestSkippedWalkthroughStepFailsACheck(t *testing.T) {
	w, err := walkthrough.Load(os.DirFS(filepath.Join("..", "..", "samples")), "debug-identity")
	if err != nil {
		t.Fatal(err)
	}
	// Step 3 sets the bound to 3; without it step 4 finds Dana Kim whole.
	step, msg := playWalkthrough(t, w, 2)
	if step != 3 {
		t.Fatalf("skipping step 3: failed at step %d (%s), want step 4", step+1, msg)
	}
}

func TestExplainPreviewAndGraph(t *testing.T) {
	b := New(":memory:")
	files := sampleFiles(t, "demo")
	if res := decode[pipeline.Result](t, roundTrip(t, b, Request{Op: "build", Files: files}, nil)); !res.OK {
		t.Fatalf("build: %s", res.Summary)
	}
	args := &IdentityArgs{A: "email:dana@northwind-coffee.com", B: "email:d.kim@fastmail.com"}
	ex := decode[pipeline.Explanation](t, roundTrip(t, b, Request{Op: "identity.explain", Files: files, Identity: args}, nil))
	if len(ex.Chain) != 4 || ex.MaxRecursion != 5 || ex.LongerThanBound || ex.BoundedSplits {
		t.Fatalf("explain: %d edges, bound %d, longer %v, splits %v", len(ex.Chain), ex.MaxRecursion, ex.LongerThanBound, ex.BoundedSplits)
	}
	for _, l := range ex.Chain {
		if l.RowID == "" || l.Source == "" {
			t.Errorf("edge %s - %s has no source row", l.From, l.To)
		}
	}
	person := ex.EntityA
	// An explicit bound of 0 is no hops, not the project's bound.
	zero := 0
	ex0 := decode[pipeline.Explanation](t, roundTrip(t, b, Request{Op: "identity.explain", Files: files, Identity: &IdentityArgs{A: args.A, B: args.B, MaxRecursion: &zero}}, nil))
	if ex0.MaxRecursion != 0 || !ex0.BoundedSplits {
		t.Fatalf("explain at bound 0: bound %d, splits %v", ex0.MaxRecursion, ex0.BoundedSplits)
	}

	g := decode[pipeline.EntityGraph](t, roundTrip(t, b, Request{Op: "identity.graph", Identity: &IdentityArgs{ID: person}}, nil))
	if len(g.Nodes) < 5 || len(g.Edges) < 4 {
		t.Fatalf("graph: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
	}
	for _, e := range g.Edges {
		if e.Source == "" || e.RowID == "" || e.From == e.To {
			t.Errorf("graph edge %+v", e)
		}
	}

	// The preview at the built bound changes nothing; exact merges nothing.
	pv := decode[pipeline.Preview](t, roundTrip(t, b, Request{Op: "identity.preview", Files: files, Identity: &IdentityArgs{Strategy: "exact"}}, nil))
	if pv.Split != 0 || pv.Merged != 0 || pv.Before != pv.After {
		t.Fatalf("exact preview of the demo: %+v", pv)
	}
	// A low edge limit drops edges and splits persons.
	pv = decode[pipeline.Preview](t, roundTrip(t, b, Request{Op: "identity.preview", Files: files, Identity: &IdentityArgs{EdgeLimit: 2}}, nil))
	if pv.DroppedEdges == 0 || pv.Split == 0 {
		t.Fatalf("edge limit 2: %+v", pv)
	}

	// Built at bound 3, Dana Kim is two persons: explain says the chain is
	// longer than the bound, and the exact preview flags both halves.
	vars := map[string]any{"nexus_max_recursion": 3}
	if res := decode[pipeline.Result](t, roundTrip(t, b, Request{Op: "build", Files: files, Vars: vars}, nil)); !res.OK {
		t.Fatalf("build: %s", res.Summary)
	}
	ex = decode[pipeline.Explanation](t, roundTrip(t, b, Request{Op: "identity.explain", Files: files, Vars: vars, Identity: args}, nil))
	if len(ex.Chain) != 4 || ex.MaxRecursion != 3 || !ex.LongerThanBound || !ex.BoundedSplits || ex.EntityA == ex.EntityB {
		t.Fatalf("explain at bound 3: %+v", ex)
	}
	pv = decode[pipeline.Preview](t, roundTrip(t, b, Request{Op: "identity.preview", Files: files, Vars: vars, Identity: &IdentityArgs{Strategy: "exact"}}, nil))
	flagged := map[string]bool{}
	for _, id := range pv.MergedIDs {
		flagged[id] = true
	}
	if !flagged[ex.EntityA] || !flagged[ex.EntityB] {
		t.Fatalf("exact preview at bound 3 flags %v, want %s and %s", pv.MergedIDs, ex.EntityA, ex.EntityB)
	}
	g = decode[pipeline.EntityGraph](t, roundTrip(t, b, Request{Op: "identity.graph", Identity: &IdentityArgs{ID: ex.EntityA}}, nil))
	outside := 0
	for _, n := range g.Nodes {
		if n.Entity != ex.EntityA {
			outside++
		}
	}
	if outside == 0 {
		t.Fatalf("graph of a split half shows no identifier of the other half: %+v", g.Nodes)
	}
}
