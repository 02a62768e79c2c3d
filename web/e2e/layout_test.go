package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// layoutJS measures the page from element boxes: the visible top-bar
// controls (none may overlap another, none may be clipped by the window or
// cut inside its own box), the result tabs (none clipped), and how much of
// the frame the results pane and its open panel fill.
const layoutJS = `(() => {
	const vw = innerWidth, vh = innerHeight, out = { problems: [] };
	const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
	const box = (el) => el.getBoundingClientRect();
	const label = (el) => "#" + (el.id || el.className || el.tagName);
	const controls = ["#topbar .brand", "#picker", "#run", "#stop", "#command", "#select", "#timeout", "#share", "#status", "#open-full"]
		.map((s) => document.querySelector(s)).filter(visible);
	out.controls = controls.map(label);
	for (const el of controls) {
		const r = box(el);
		if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) out.problems.push(label(el) + " is outside the window: " + JSON.stringify([r.left, r.top, r.right, r.bottom]));
		if (el.tagName !== "INPUT" && el.tagName !== "SELECT" && el.scrollWidth > el.clientWidth + 1) out.problems.push(label(el) + " is cut: " + el.scrollWidth + " px of text in " + el.clientWidth);
		if (el.tagName === "BUTTON" && r.height > 34) out.problems.push(label(el) + " wraps to " + Math.round(r.height) + " px");
	}
	for (let i = 0; i < controls.length; i++) for (let j = i + 1; j < controls.length; j++) {
		const a = box(controls[i]), b = box(controls[j]);
		const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
		if (w > 0.5 && h > 0.5) out.problems.push(label(controls[i]) + " overlaps " + label(controls[j]));
	}
	for (const need of ["#run", "#stop", "#status"]) if (!visible(document.querySelector(need))) out.problems.push(need + " is not shown");
	if (document.body.classList.contains("embed") && !visible(document.querySelector("#open-full"))) out.problems.push("#open-full is not shown");
	const pane = document.getElementById("result-pane"), p = box(pane);
	for (const el of document.querySelectorAll("#result-pane .tabs > button")) {
		const r = box(el);
		if (r.right > p.right + 0.5 || r.left < p.left - 0.5 || el.scrollWidth > el.clientWidth + 1 || r.height > 36) out.problems.push("tab " + label(el) + " is clipped or wraps");
	}
	const panel = [...document.querySelectorAll("#result-pane .panel")].find(visible);
	const q = box(panel);
	out.pane = [Math.round(p.top), Math.round(p.bottom), Math.round(p.width)];
	out.panel = [Math.round(q.top), Math.round(q.bottom)];
	out.fill = (q.bottom - p.top) / (vh - p.top);
	if (document.body.classList.contains("embed")) {
		if (p.bottom < vh - 1 || p.width < vw - 1) out.problems.push("the results pane does not fill the frame: " + JSON.stringify(out.pane) + " in " + vw + "x" + vh);
		if (q.bottom < p.bottom - 2) out.problems.push("the open panel ends " + Math.round(p.bottom - q.bottom) + " px above the pane's bottom");
	}
	if (p.width < 200 || p.height < 150) out.problems.push("the results pane is " + Math.round(p.width) + "x" + Math.round(p.height));
	// The first screen shows the results (300 px of them, or all), a
	// phone's page too, which scrolls.
	if (vh - p.top < Math.min(300, p.height) - 1) out.problems.push("the first screen shows " + Math.round(vh - p.top) + " px of the results pane");
	return JSON.stringify(out);
})()`

type layoutReport struct {
	Problems []string
	Controls []string
	Pane     []int
	Panel    []int
	Fill     float64
}

// TestLayouts: at the sizes the page is shown at (a phone, docs embeds,
// laptops and a desktop), after the demo's run, no two top-bar controls
// overlap, none is clipped, the tabs fit, the first screen shows the
// results (on a phone too), and in an embed they fill the frame. A screenshot of each size goes to web/testdata with -update.
func TestLayouts(t *testing.T) {
	ctx := newBrowser(t, 15*time.Minute)
	for _, tc := range []struct {
		w, h  int64
		embed bool
	}{
		{720, 480, true},
		{480, 300, true},
		{1100, 700, true},
		{390, 844, false},
		{1024, 768, false},
		{1280, 720, false},
		{1440, 900, false},
	} {
		name := fmt.Sprintf("%dx%d", tc.w, tc.h)
		if tc.embed {
			name += "-embed"
		}
		t.Run(name, func(t *testing.T) {
			// The sample runs by itself, as a visitor from a docs link sees it.
			url := site + "?sample=demo"
			if tc.embed {
				url = site + "?embed=1&sample=demo"
			}
			do(t, ctx, chromedp.EmulateViewport(tc.w, tc.h))
			openRun(t, ctx, url)
			// A phone's page scrolls: measure the top bar from the top.
			eval[bool](t, ctx, `(scrollTo(0, 0), true)`)
			var r layoutReport
			if err := json.Unmarshal([]byte(eval[string](t, ctx, layoutJS)), &r); err != nil {
				t.Fatal(err)
			}
			t.Logf("controls %v; results pane top/bottom/width %v, panel top/bottom %v", r.Controls, r.Pane, r.Panel)
			if len(r.Problems) > 0 {
				t.Errorf("at %s:\n  %s", name, strings.Join(r.Problems, "\n  "))
			}
			saveShot(t, ctx, "layout-"+name)
		})
	}
}
