package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestSmokeLoad(t *testing.T) {
	ctx := newBrowser(t, 2*time.Minute)
	do(t, ctx, chromedp.Navigate(site+"?sample=quickstart"))
	waitFor(t, ctx, "engine ready", `document.getElementById("status").dataset.state === "ready"`, 60*time.Second)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "run finished", `["done","error"].includes(document.getElementById("status").dataset.state)`, 60*time.Second)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/smoke.png", png, 0o644)
	t.Log(eval[string](t, ctx, `document.getElementById("status").textContent`))
}
