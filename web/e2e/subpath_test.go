package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/web/serve"
)

// TestServedFromASubPath loads the site under /docs/play/, as a static host
// of documentation would serve it: every URL in the page must be relative.
func TestServedFromASubPath(t *testing.T) {
	dist := os.Getenv("NEXUS_DIST")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	mux := http.NewServeMux()
	mux.Handle("/docs/play/", http.StripPrefix("/docs/play", serve.Handler(dist)))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := newBrowser(t, time.Minute)
	do(t, ctx, chromedp.Navigate(srv.URL+"/docs/play/?sample=quickstart&run=0"))
	waitFor(t, ctx, "engine ready under a sub-path", `document.getElementById("status").dataset.state === "ready"`, 45*time.Second)
	if got := eval[string](t, ctx, `document.getElementById("picker").dataset.sample`); got != "quickstart" {
		t.Fatalf("sample %q, want quickstart", got)
	}
	// Picking another sample loads its files and puts it in the address.
	do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.CSS(`#picker-samples [data-sample="demo"]`)))
	waitFor(t, ctx, "the demo's files", `!!document.querySelector('#tree li.file[data-path="models/billing/billing_events.sql"]')`, 20*time.Second)
	if got := eval[string](t, ctx, `location.pathname + location.search`); got != "/docs/play/?sample=demo" {
		t.Fatalf("address %q after picking demo", got)
	}
}
