package walkthrough

import (
	"context"
	"errors"
	"os"
	"testing"
)

var samples = os.DirFS("../../samples")

func walkthroughs(t *testing.T) []*Walkthrough {
	t.Helper()
	ws, err := List(samples)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) == 0 {
		t.Fatal("no walkthroughs under samples/walkthroughs")
	}
	return ws
}

// TestWalkthroughsRunToTheEnd plays every walkthrough headless.
func TestWalkthroughsRunToTheEnd(t *testing.T) {
	for _, w := range walkthroughs(t) {
		t.Run(w.Name, func(t *testing.T) {
			reps, err := Run(context.Background(), samples, w, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(reps) != len(w.Steps) {
				t.Fatalf("%d of %d steps ran", len(reps), len(w.Steps))
			}
		})
	}
}

// TestSkippedChangesFail proves the checks can fail: leaving out the change
// of any step must make that step's or a later step's check fail, and
// skipping a whole step that changes the project must make a later check
// fail for at least one step of every walkthrough.
func TestSkippedChangesFail(t *testing.T) {
	for _, w := range walkthroughs(t) {
		t.Run(w.Name, func(t *testing.T) {
			ctx := context.Background()
			changes, laterFails := 0, 0
			for i, step := range w.Steps {
				if step.Change == nil {
					continue
				}
				changes++
				_, err := Run(ctx, samples, w, Options{SkipChange: map[int]bool{i: true}})
				var f *Failure
				if !errors.As(err, &f) || f.Check == "" || f.Step < i+1 {
					t.Errorf("without the change of step %d (%s), want a failed check at that step or later, got %v", i+1, step.Title, err)
				} else {
					t.Logf("without the change of step %d: %v", i+1, f)
				}
				_, err = Run(ctx, samples, w, Options{Skip: map[int]bool{i: true}})
				if errors.As(err, &f) && f.Check != "" && f.Step > i+1 {
					laterFails++
					t.Logf("skipping step %d: %v", i+1, f)
				}
			}
			if changes == 0 {
				t.Fatal("the walkthrough changes nothing")
			}
			if laterFails == 0 {
				t.Error("skipping no step that changes the project makes a later check fail")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []string{
		"title: x\nsample: demo\n",
		"title: x\nsample: demo\nsteps:\n  - title: a\n    command: deploy\n",
		"title: x\nsample: demo\nsteps:\n  - title: a\n    checks:\n      - query: select 1\n",
		"title: x\nsample: demo\nsteps:\n  - title: a\n    checks:\n      - table_exists: a.b\n        test_passes: t\n",
		"title: x\nsample: demo\nsteps:\n  - title: a\n    checks:\n      - persons_split: [email:a]\n",
		"title: x\nsample: demo\nsteps:\n  - title: a\n    chekcs: []\n",
	} {
		if _, err := Parse("bad", []byte(c)); err == nil {
			t.Errorf("Parse(%q) accepted", c)
		}
	}
}
