package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestQuickstartDataQuality runs the quickstart, whose schemas follow the
// Common Tasks page, and its "Verify Data Quality" queries as written.
func TestQuickstartDataQuality(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart&run=1"))
	waitFor(t, ctx, "the quickstart run", `document.body.dataset.lastRun !== undefined`, 2*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("quickstart run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
	}
	do(t, ctx, chromedp.Click(chromedp.ID("tab-console")))
	for _, ex := range []struct{ button, want string }{
		{button: `#examples button[title^="-- Check for duplicate persons"]`, want: `document.getElementById("console-status").textContent.startsWith("0 row(s)")`},
		{button: `#examples button[title^="-- Check event timeline"]`, want: `document.querySelectorAll("#console-grid tbody tr").length === 1`},
	} {
		eval[bool](t, ctx, `(document.getElementById("console-status").textContent = "", true)`)
		do(t, ctx, chromedp.Click(chromedp.CSS(ex.button)))
		waitFor(t, ctx, ex.button, ex.want, 15*time.Second)
	}
}
