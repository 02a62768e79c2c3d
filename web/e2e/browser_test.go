package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/nexus-playground/nexus/web/serve"
)

// site is the address of the dev server that TestMain starts over dist/.
var site string

// TestMain serves the built site on a free loopback port. The site is not
// built here: `make dist` (or `go run ./web/cmd/build -out dist`) builds it,
// and NEXUS_DIST may point at another build. Without a build or without
// Chromium the tests are skipped, except under CI, where that is a failure.
func TestMain(m *testing.M) {
	dist := os.Getenv("NEXUS_DIST")
	if dist == "" {
		dist = filepath.Join("..", "..", "dist")
	}
	if msg := missing(dist); msg != "" {
		if os.Getenv("CI") != "" {
			fmt.Fprintln(os.Stderr, "e2e:", msg)
			os.Exit(1)
		}
		fmt.Fprintln(os.Stderr, "e2e: skipped:", msg)
		os.Exit(0)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: serve.Handler(dist)}
	go srv.Serve(ln)
	site = "http://" + ln.Addr().String() + "/"
	code := m.Run()
	srv.Close()
	os.Exit(code)
}

func missing(dist string) string {
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		return fmt.Sprintf("no built site in %s: run `make dist` first", dist)
	}
	if _, err := exec.LookPath(chromiumPath()); err != nil {
		return "chromium is not installed (apt-get install chromium)"
	}
	return ""
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// newBrowser starts headless Chromium with a fresh profile and a desktop
// sized window. A CSP violation or an uncaught exception reported to the
// page's console fails the test.
func newBrowser(t testing.TB, timeout time.Duration) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.WindowSize(1500, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	var mu sync.Mutex
	var violations []string
	go func() {
		for msg, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if msg.Type == chromedp.ConsoleError || msg.Type == chromedp.ConsoleException {
				t.Logf("page console %s: %s", msg.Type, msg.Text)
				mu.Lock()
				if strings.Contains(msg.Text, "Content Security Policy") || msg.Type == chromedp.ConsoleException {
					violations = append(violations, msg.Text)
				}
				mu.Unlock()
			}
		}
	}()
	// Runs before the browser closes (cleanups run last-in first-out).
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, v := range violations {
			t.Errorf("page broke its policy or threw: %s", v)
		}
	})
	return ctx
}

// eval runs a JavaScript expression in the page.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is truthy.
func waitFor(t testing.TB, ctx context.Context, what, expr string, timeout time.Duration) {
	t.Helper()
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		_, err := chromedp.Run(pctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
		if err == nil {
			return
		}
		// A page that is still navigating has no script context yet; that
		// is a reason to look again, not a failure.
		if pctx.Err() == nil && navigating(err) {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`))
		if errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("timed out after %v waiting for %s (status: %q)", timeout, what, status)
		}
		t.Fatalf("waiting for %s: %v (status: %q)", what, err, status)
	}
}

// navigating tells whether a failed evaluation only met a page between two
// documents.
func navigating(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context with specified id") ||
		strings.Contains(msg, "Execution context was destroyed") ||
		strings.Contains(msg, "Inspected target navigated or closed")
}

func do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
