package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/pipeline/walkthrough"
	"github.com/nexus-playground/nexus/web/serve"
)

// hostileWalkthrough is a walkthrough whose title, intro, step texts, links
// and check queries carry the payloads. Walkthroughs ship with the site, not
// in share links, but their text goes through the same rendering, so it is
// held to the same rule: text, and links only to http(s) or relative targets.
func hostileWalkthrough(t *testing.T) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString("title: " + jsonString(payloads[0]) + "\nsection: " + jsonString(payloads[1]) + "\nsample: quickstart\n")
	b.WriteString("intro: " + jsonString("Intro "+payloads[3]+" [open]("+payloads[2]+")") + "\nsteps:\n")
	b.WriteString("  - title: " + jsonString(payloads[4]) + "\n")
	b.WriteString("    text: " + jsonString("Read [this](javascript:window.__pwned=7) and [that](https://example.org/x) then `"+payloads[0]+"`. "+strings.Join(payloads, " ")) + "\n")
	b.WriteString("    command: build\n    checks:\n      - query: " + jsonString("select '"+strings.ReplaceAll(payloads[0], "'", "''")+"' as x") + "\n        expect_rows: 1\n")
	w, err := walkthrough.Parse("hostile", []byte(b.String()))
	if err != nil {
		t.Fatalf("hostile walkthrough: %v", err)
	}
	data, err := json.Marshal([]*walkthrough.Walkthrough{w})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func jsonString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// TestHostileWalkthroughText serves the site with a walkthrough list holding
// only the hostile walkthrough, opens it, plays its step, and checks that no
// payload ran, no javascript: link exists and the safe link kept its target.
func TestHostileWalkthroughText(t *testing.T) {
	dist := os.Getenv("NEXUS_DIST")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	list := hostileWalkthrough(t)
	site := serve.Handler(dist)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/walkthroughs.json") {
			w.Header().Set("Content-Type", "application/json")
			w.Write(list)
			return
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()

	ctx := newBrowser(t, 3*time.Minute)
	do(t, ctx, chromedp.Navigate(srv.URL+"/?walkthrough=hostile"))
	eval[bool](t, ctx, wtJS)
	waitFor(t, ctx, "the hostile walkthrough", `wt.view().dataset.state === "step" && wt.view().dataset.walkthrough === "hostile"`, time.Minute)
	waitFor(t, ctx, "its text shown as text", `wt.view().textContent.includes("onerror")`, 10*time.Second)
	if !eval[bool](t, ctx, `wt.click(".wt-run")`) {
		t.Fatal("no run button")
	}
	waitFor(t, ctx, "the step's checks", `["pass", "fail"].includes(wt.view().dataset.check)`, 2*time.Minute)
	time.Sleep(500 * time.Millisecond)
	if !eval[bool](t, ctx, noPayloadRan) {
		t.Fatal("a payload in walkthrough text ran or became markup")
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("#learn-view a")].every(a => /^(https?:|\/|\.|[^:]*$)/.test(a.getAttribute("href") || ""))`) {
		t.Fatal("a walkthrough link points somewhere other than http(s) or a relative target")
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("#learn-view a")].some(a => a.getAttribute("href") === "https://example.org/x")`) {
		t.Error("the safe https link lost its target")
	}
}
