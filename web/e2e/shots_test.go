package e2e

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// update rewrites the committed screenshots under web/testdata; without it a
// test's screenshots go to $NEXUS_SHOTS or a temporary folder, so a test run
// never changes a tracked file.
var update = flag.Bool("update", false, "rewrite the screenshots under web/testdata")

// saveShot captures the page and writes it as name.png: into web/testdata
// with -update, else into $NEXUS_SHOTS when set, else into the test's
// temporary folder (the capture still runs, so a page that cannot be
// captured fails either way). It returns the path written.
func saveShot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	switch {
	case *update:
		dir = filepath.Join("..", "testdata")
	case os.Getenv("NEXUS_SHOTS") != "":
		dir = os.Getenv("NEXUS_SHOTS")
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
