package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

// wtJS drives the walkthroughs tab.
const wtJS = `window.wt = {
  view: () => document.getElementById("learn-view"),
  click: (sel) => { const b = document.querySelector("#learn-view " + sel); if (!b || b.disabled) return false; b.click(); return true; },
  checks: () => [...document.querySelectorAll("#learn-view .wt-checks li")].map((li) => li.textContent).join("\n"),
}; true`

// playStep applies, runs and checks the open step; it answers whether the
// checks held, with their text.
func playStep(t *testing.T, ctx context.Context, step int, showMe bool) (bool, string) {
	t.Helper()
	// After a navigation the step shows once the engine has started, which
	// a busy machine takes its time over.
	waitFor(t, ctx, fmt.Sprintf("step %d", step), `wt.view().dataset.state === "step" && wt.view().dataset.step === "`+strconv.Itoa(step)+`"`, 2*time.Minute)
	if showMe && eval[bool](t, ctx, `wt.click(".wt-show")`) {
		waitFor(t, ctx, "the change", `document.querySelector("#learn-view .wt-show").textContent === "Applied"`, 20*time.Second)
	}
	if !eval[bool](t, ctx, `wt.click(".wt-run")`) {
		t.Fatalf("step %d: no run button", step)
	}
	waitFor(t, ctx, fmt.Sprintf("the checks of step %d", step), `["pass", "fail"].includes(wt.view().dataset.check)`, 2*time.Minute)
	return eval[string](t, ctx, `wt.view().dataset.check`) == "pass", eval[string](t, ctx, `wt.checks()`)
}

func openWalkthrough(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(site+"?walkthrough="+name))
	eval[bool](t, ctx, wtJS)
	waitFor(t, ctx, "walkthrough "+name, `wt.view().dataset.state === "step" && wt.view().dataset.walkthrough === "`+name+`"`, 60*time.Second)
}

// TestEveryWalkthroughInTheBrowser plays every walkthrough to its end the
// way a user does: Show me, Run, the checks pass, Next.
func TestEveryWalkthroughInTheBrowser(t *testing.T) {
	ws, err := walkthrough.List(os.DirFS(filepath.Join("..", "..", "samples")))
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t, 12*time.Minute)
	for _, w := range ws {
		t.Run(w.Name, func(t *testing.T) {
			openWalkthrough(t, ctx, w.Name)
			for i, st := range w.Steps {
				ok, checks := playStep(t, ctx, i+1, true)
				if !ok {
					t.Fatalf("step %d (%s) failed:\n%s\nrun log: %s", i+1, st.Title, checks,
						eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
				}
				if !eval[bool](t, ctx, `wt.click(".wt-next")`) {
					t.Fatalf("step %d: Next is not enabled after its checks held", i+1)
				}
			}
			waitFor(t, ctx, "the end", `wt.view().dataset.state === "done"`, 20*time.Second)
		})
	}
}

// TestSkippedWalkthroughStep leaves out step 3 of debug-identity (it sets
// the bound to 3): step 4's check that Dana Kim splits then fails, and Next
// stays disabled. A link then opens the walkthrough at step 4 with the
// earlier steps applied, and the step holds.
func TestSkippedWalkthroughStep(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	openWalkthrough(t, ctx, "debug-identity")
	for step := 1; step <= 2; step++ {
		if ok, checks := playStep(t, ctx, step, true); !ok {
			t.Fatalf("step %d: %s", step, checks)
		}
		eval[bool](t, ctx, `wt.click(".wt-next")`)
	}
	// Step 3 without its change: it has no checks of its own.
	if ok, checks := playStep(t, ctx, 3, false); !ok {
		t.Fatalf("step 3: %s", checks)
	}
	eval[bool](t, ctx, `wt.click(".wt-next")`)
	ok, checks := playStep(t, ctx, 4, true)
	if ok {
		t.Fatalf("step 4 passed although step 3 was skipped:\n%s", checks)
	}
	if eval[bool](t, ctx, `!document.querySelector("#learn-view .wt-next").disabled`) {
		t.Fatal("Next is enabled after a failed check")
	}
	t.Logf("failed as expected:\n%s", checks)

	// The shareable link: step 4, with steps 1-3 applied before it.
	do(t, ctx, chromedp.Navigate(site+"?walkthrough=debug-identity&step=4"))
	eval[bool](t, ctx, wtJS)
	if ok, checks := playStep(t, ctx, 4, true); !ok {
		t.Fatalf("step 4 from a link: %s", checks)
	}
}
