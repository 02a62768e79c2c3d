package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// openPersonNamed finds a person in the person tab and opens it.
func openPersonNamed(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.ID("tab-person")))
	eval[bool](t, ctx, `(() => { const f = document.getElementById("person-find"); f.value = `+strconv.Quote(name)+`; f.dispatchEvent(new Event("input")); return true; })()`)
	// The list is drawn again after each build: find and click in one go.
	waitFor(t, ctx, "person "+name, `(() => { const li = [...document.querySelectorAll("#person-results li[data-person]")].find((li) => li.textContent.includes(`+strconv.Quote(name)+`)); if (li) li.click(); return !!li; })()`, 20*time.Second)
	waitFor(t, ctx, "the identity sections", `!!document.querySelector("#person-view .x-out[data-edges]") && !!document.querySelector("#person-view .g-box[data-nodes]")`, 30*time.Second)
}

// explainPair picks two identifiers and answers the number of edges shown.
func explainPair(t *testing.T, ctx context.Context, a, b string) int {
	t.Helper()
	js := `(() => {
  const pick = (sel, text) => { const s = document.querySelector(sel); const o = [...s.options].find((o) => o.textContent.startsWith(text)); if (!o) return false; s.value = o.value; return true; };
  if (!pick("#person-view .xa", ` + strconv.Quote(a) + `) || !pick("#person-view .xb", ` + strconv.Quote(b) + `)) return false;
  const out = document.querySelector("#person-view .x-out"); delete out.dataset.edges;
  document.querySelector("#person-view .x-go").click(); return true; })()`
	if !eval[bool](t, ctx, js) {
		t.Fatalf("identifiers %s and %s are not offered: %s", a, b, eval[string](t, ctx, `[...document.querySelector("#person-view .xb").options].map((o) => o.textContent).join(", ")`))
	}
	waitFor(t, ctx, "the chain", `!!document.querySelector("#person-view .x-out").dataset.edges`, 20*time.Second)
	n, _ := strconv.Atoi(eval[string](t, ctx, `document.querySelector("#person-view .x-out").dataset.edges`))
	return n
}

// TestExplainGraphAndGuards: the demo's known chain (Dana Kim's two emails,
// 4 edges), her identity graph, the threshold preview, and at bound 3 the
// flag and the chain longer than the bound.
func TestExplainGraphAndGuards(t *testing.T) {
	ctx := newBrowser(t, 8*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=demo&run=1"))
	// The longest time limit, set while the engine loads, before the
	// auto-run, so a busy machine cannot fail it.
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	waitFor(t, ctx, "the demo run", `document.body.dataset.lastRun !== undefined`, 4*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("demo run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("status").textContent`))
	}
	openPersonNamed(t, ctx, "Dana Kim")
	if n := explainPair(t, ctx, "email:dana@northwind-coffee.com", "email:d.kim@fastmail.com"); n != 4 {
		t.Fatalf("Dana Kim's emails: %d edges, want 4", n)
	}
	text := eval[string](t, ctx, `document.querySelector("#person-view .x-out").textContent`)
	for _, want := range []string{"of gadget", "of stripe", "keeps them one person"} {
		if !strings.Contains(text, want) {
			t.Errorf("explain lacks %q:\n%s", want, text)
		}
	}
	nodes, _ := strconv.Atoi(eval[string](t, ctx, `document.querySelector("#person-view .g-box").dataset.nodes`))
	lines := eval[int](t, ctx, `document.querySelectorAll("#person-view svg.idgraph line").length`)
	labels := eval[int](t, ctx, `document.querySelectorAll("#person-view svg.idgraph text.g-elabel").length`)
	if nodes < 5 || lines < 4 || labels != lines {
		t.Fatalf("graph: %d nodes, %d edges, %d edge labels", nodes, lines, labels)
	}

	// The threshold preview moves with the slider.
	do(t, ctx, chromedp.Click(chromedp.ID("tab-guards")))
	waitFor(t, ctx, "the preview", `document.getElementById("guard-figures")?.dataset.state === "done"`, 20*time.Second)
	fig := func() string {
		return eval[string](t, ctx, `(() => { const d = document.getElementById("guard-figures").dataset; return [d.after, d.split, d.dropped].join("/"); })()`)
	}
	before := fig()
	if n := eval[int](t, ctx, `document.querySelectorAll(".guard-top tbody tr").length`); n == 0 {
		t.Fatal("no identifiers in the edge distribution")
	}
	eval[bool](t, ctx, `(() => { const s = document.getElementById("guard-threshold"); s.value = "2"; document.getElementById("guard-figures").dataset.state = ""; s.dispatchEvent(new Event("input")); return true; })()`)
	waitFor(t, ctx, "the moved preview", `document.getElementById("guard-figures").dataset.state === "done"`, 20*time.Second)
	after := fig()
	if after == before {
		t.Fatalf("the preview did not change when the threshold moved: %s", after)
	}
	// An empty depth field previews the project's own bound; 0 is no hops.
	setDepth := func(v string) string {
		eval[bool](t, ctx, `(() => { const d = document.getElementById("guard-depth"); d.value = `+strconv.Quote(v)+`; document.getElementById("guard-figures").dataset.state = ""; d.dispatchEvent(new Event("input")); return true; })()`)
		waitFor(t, ctx, "the preview at depth "+strconv.Quote(v), `document.getElementById("guard-figures").dataset.state === "done"`, 20*time.Second)
		return fig()
	}
	if got := setDepth(""); got != after {
		t.Fatalf("an empty depth previews %s, want the project's bound's %s", got, after)
	}
	if got := setDepth("0"); got == after {
		t.Fatalf("depth 0 previews the same as the project's bound: %s", got)
	}

	// At bound 3 (the walkthrough link sets it), Dana Kim is two persons:
	// both halves are flagged and explain shows the chain beyond the bound.
	do(t, ctx, chromedp.Navigate(site+"?walkthrough=debug-identity&step=4"))
	eval[bool](t, ctx, wtJS)
	if ok, checks := playStep(t, ctx, 4, true); !ok {
		t.Fatalf("step 4: %s", checks)
	}
	waitFor(t, ctx, "the flags", `document.body.dataset.flagged === "2"`, time.Minute)
	openPersonNamed(t, ctx, "Dana Kim")
	waitFor(t, ctx, "a flagged person in the list", `!!document.querySelector("#person-results li.flagged .flag")`, 20*time.Second)
	if n := explainPair(t, ctx, "email:dana@northwind-coffee.com", "email:d.kim@fastmail.com"); n != 4 {
		t.Fatalf("at bound 3: %d edges, want 4", n)
	}
	if eval[string](t, ctx, `document.querySelector("#person-view .x-out").dataset.longer`) != "true" {
		t.Fatalf("the chain is not shown as longer than the bound: %s", eval[string](t, ctx, `document.querySelector("#person-view .x-out").textContent`))
	}

	// Run at the project's own bound: the resolution changed, so the flags
	// are asked for again and Dana Kim is one person. Run once more: the
	// identity tables are the same, so the page keeps its flags without
	// asking the engine.
	for i, want := range []struct {
		flagged string
		asked   bool
	}{{"0", true}, {"0", false}} {
		runs := eval[int](t, ctx, `Number(document.body.dataset.runs)`)
		previews := eval[int](t, ctx, `Number(document.body.dataset.previews || 0)`)
		do(t, ctx, chromedp.Click(chromedp.ID("run")))
		waitFor(t, ctx, fmt.Sprintf("run %d's flags", i+1), fmt.Sprintf(`document.body.dataset.flaggedRun === "%d"`, runs+1), 2*time.Minute)
		got := eval[string](t, ctx, `document.body.dataset.flagged`)
		asked := eval[int](t, ctx, `Number(document.body.dataset.previews || 0)`) > previews
		if got != want.flagged || asked != want.asked {
			t.Fatalf("run %d: flagged %q (want %q), preview asked %v (want %v)", i+1, got, want.flagged, asked, want.asked)
		}
	}
}
