package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestReadableResults: after the demo's run the persons grid shows names
// and emails before its hash ids (kept, narrower), every header says its full
// name on hover and can be dragged wider; the lineage is laid out in
// dbt-nexus's layers and zooms, fits, focuses on one node's lineage and
// opens the node's table.
func TestReadableResults(t *testing.T) {
	ctx := newBrowser(t, 10*time.Minute)
	openRun(t, ctx, site+"?sample=demo")

	t.Run("persons grid", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
		sel := `#tablelist li.table[data-name="nexus_persons"]`
		waitFor(t, ctx, "nexus_persons in the list", `!!document.querySelector('`+sel+`')`, 30*time.Second)
		do(t, ctx, chromedp.Click(chromedp.CSS(sel)))
		waitFor(t, ctx, "the persons grid", `document.querySelectorAll("#table-grid tbody tr").length > 0`, 30*time.Second)
		const hex = `/^[0-9a-f]{32}$/`
		cells := `[...document.querySelector("#table-grid tbody tr").cells]`
		if first := eval[string](t, ctx, cells+`[0].textContent`); eval[bool](t, ctx, hex+`.test(`+cells+`[0].title || `+cells+`[0].textContent)`) {
			t.Fatalf("the persons grid starts with a hash id: %q", first)
		}
		if !eval[bool](t, ctx, cells+`.some((td) => `+hex+`.test(td.title || td.textContent))`) {
			t.Fatal("the hash ids are gone from the grid: they must stay, after the readable columns")
		}
		// Every readable column comes before the first hash id.
		if !eval[bool](t, ctx, `(() => { const c = `+cells+`; const i = c.findIndex((td) => `+hex+`.test(td.title || td.textContent)); return c.slice(i).every((td) => td.textContent === "NULL" || `+hex+`.test(td.title || td.textContent)); })()`) {
			t.Fatal("a readable column comes after a hash id")
		}
		if w := eval[float64](t, ctx, `Math.max(...`+cells+`.filter((td) => `+hex+`.test(td.title || td.textContent)).map((td) => td.getBoundingClientRect().width))`); w > 130 {
			t.Fatalf("a hash id column is %.0f px wide, want it narrow", w)
		}
		if !eval[bool](t, ctx, `[...document.querySelectorAll("#table-grid th")].every((th) => th.title.startsWith(th.querySelector(".colname").textContent))`) {
			t.Fatal("a header does not name its column on hover")
		}
		// Drag the first column's edge 80 px to the right.
		w0 := eval[float64](t, ctx, `document.querySelector("#table-grid th").getBoundingClientRect().width`)
		eval[bool](t, ctx, `(() => {
			const r = document.querySelector("#table-grid th .resizer"), b = r.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
			r.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, clientX: x, clientY: y }));
			dispatchEvent(new PointerEvent("pointermove", { clientX: x + 80, clientY: y }));
			dispatchEvent(new PointerEvent("pointerup", { clientX: x + 80, clientY: y }));
			return true; })()`)
		if w1 := eval[float64](t, ctx, `document.querySelector("#table-grid th").getBoundingClientRect().width`); w1 < w0+70 {
			t.Fatalf("dragging the column edge 80 px: width %.0f -> %.0f", w0, w1)
		}
		saveShot(t, ctx, "grid-persons")
	})

	t.Run("lineage", func(t *testing.T) {
		do(t, ctx, chromedp.Click(chromedp.ID("tab-lineage")))
		waitFor(t, ctx, "the lineage fitted", `!!document.querySelector("#lineage svg[data-fitted]")`, 30*time.Second)
		// Fit shows the whole graph.
		inView := `(() => { const s = document.querySelector("#lineage svg").getBoundingClientRect(), v = document.querySelector("#lineage g.viewport").getBoundingClientRect();
			return v.left >= s.left - 1 && v.right <= s.right + 1 && v.top >= s.top - 1 && v.bottom <= s.bottom + 1; })()`
		if !eval[bool](t, ctx, inView) {
			t.Fatal("after Fit the graph does not fit its view")
		}
		z0 := eval[string](t, ctx, `document.querySelector("#lineage svg").dataset.zoom`)
		do(t, ctx, chromedp.Click(chromedp.ID("lineage-zoom-in")))
		if z1 := eval[string](t, ctx, `document.querySelector("#lineage svg").dataset.zoom`); z1 <= z0 {
			t.Fatalf("zoom in: %s -> %s", z0, z1)
		}
		do(t, ctx, chromedp.Click(chromedp.ID("lineage-fit")))
		if !eval[bool](t, ctx, inView) {
			t.Fatal("Fit after zooming in does not show the whole graph")
		}
		// Layers left to right in dbt-nexus's order.
		order := eval[string](t, ctx, `(() => {
			const xs = (c) => [...document.querySelectorAll("#lineage g.node.cat-" + c)].map((g) => g.getBoundingClientRect().left);
			const cats = ["source", "event-log", "identity", "final", "states"].filter((c) => xs(c).length);
			for (let i = 1; i < cats.length; i++) if (Math.max(...xs(cats[i - 1])) >= Math.min(...xs(cats[i]))) return cats[i - 1] + " reaches past " + cats[i];
			return cats.join(" < "); })()`)
		if !strings.Contains(order, "source < event-log < identity < final") {
			t.Fatalf("lineage layers: %s", order)
		}
		// Focus on nexus_persons: its lineage stays, the rest dims; Open table.
		node := `#lineage g.node[data-name="nexus_persons"]`
		eval[bool](t, ctx, `(document.querySelector('`+node+`').dispatchEvent(new MouseEvent("click", {bubbles: true})), true)`)
		waitFor(t, ctx, "the focus", `document.querySelector("#lineage svg").dataset.focus === "nexus_persons"`, 20*time.Second)
		in := eval[int](t, ctx, `document.querySelectorAll("#lineage g.node.in-focus").length`)
		all := eval[int](t, ctx, `document.querySelectorAll("#lineage g.node").length`)
		if in < 3 || in >= all {
			t.Fatalf("focus on nexus_persons keeps %d of %d nodes", in, all)
		}
		if !eval[bool](t, ctx, `document.getElementById("file-name").textContent.endsWith("nexus_persons.sql")`) {
			t.Fatal("clicking a node did not open its file")
		}
		saveShot(t, ctx, "lineage-focus")
		do(t, ctx, chromedp.Click(chromedp.ID("lineage-open-table")))
		waitFor(t, ctx, "the table of the node", `document.getElementById("tab-tables").getAttribute("aria-selected") === "true" && (document.querySelector("#table-grid .caption") || {}).textContent?.includes("nexus_persons")`, 30*time.Second)
	})

	t.Run("person search and identity graph", func(t *testing.T) {
		openPersonNamed(t, ctx, "Dana Kim")
		if dup := eval[string](t, ctx, `(() => { const ids = [...document.querySelectorAll("#person-results li[data-person]")].map((li) => li.dataset.person); return ids.filter((x, i) => ids.indexOf(x) !== i).join(" "); })()`); dup != "" {
			t.Fatalf("the person search lists %s twice", dup)
		}
		// Every label of the identity graph inside the drawing and the drawing
		// inside its box, at the panel's width.
		clipped := eval[string](t, ctx, `(() => {
			const svg = document.querySelector("#person-view svg.idgraph"), wrap = svg.parentElement, b = svg.getBoundingClientRect();
			if (wrap.scrollWidth > wrap.clientWidth + 1) return "the graph is wider than its box: " + wrap.scrollWidth + " > " + wrap.clientWidth;
			return [...svg.querySelectorAll("text")].filter((t) => { const r = t.getBoundingClientRect(); return r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1; }).map((t) => t.textContent).join(", "); })()`)
		if clipped != "" {
			t.Fatalf("identity graph labels cut off: %s", clipped)
		}
		if !eval[bool](t, ctx, `[...document.querySelectorAll("#person-view svg.idgraph text.g-elabel")].every((t) => getComputedStyle(t).paintOrder.startsWith("stroke") && t.getAttribute("transform"))`) {
			t.Fatal("edge labels are drawn across the lines: want them along their edge on a halo")
		}
		saveShot(t, ctx, "identity-graph")
	})
}
