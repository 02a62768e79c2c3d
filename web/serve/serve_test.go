package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/web/components"
)

func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":      "<!doctype html>page",
		"nexus.wasm":      "\x00asm raw",
		"nexus.wasm.gz":   "gzip bytes",
		"nexus.wasm.br":   "brotli bytes",
		"app.js":          "js",
		"sub/index.html":  "sub page",
		"samples.json.gz": "only compressed",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHandler(t *testing.T) {
	h := Handler(site(t))
	cases := []struct {
		name, path, accept string
		wantCode           int
		wantBody, wantType string
		wantEncoding       string
	}{
		{name: "index", path: "/", wantCode: 200, wantBody: "<!doctype html>page", wantType: "text/html; charset=utf-8"},
		{name: "index by name", path: "/index.html", wantCode: 200, wantBody: "<!doctype html>page", wantType: "text/html; charset=utf-8"},
		{name: "sub-folder index", path: "/sub/", wantCode: 200, wantBody: "sub page"},
		{name: "wasm raw", path: "/nexus.wasm", wantCode: 200, wantBody: "\x00asm raw", wantType: "application/wasm"},
		{name: "wasm gzip", path: "/nexus.wasm", accept: "gzip, deflate", wantCode: 200, wantBody: "gzip bytes", wantType: "application/wasm", wantEncoding: "gzip"},
		{name: "wasm brotli first", path: "/nexus.wasm", accept: "gzip, br", wantCode: 200, wantBody: "brotli bytes", wantType: "application/wasm", wantEncoding: "br"},
		{name: "brotli refused by q=0", path: "/nexus.wasm", accept: "br;q=0, gzip", wantCode: 200, wantBody: "gzip bytes", wantEncoding: "gzip"},
		{name: "no plain file", path: "/samples.json", accept: "gzip", wantCode: 404},
		{name: "sibling not served alone", path: "/nexus.wasm.gz", wantCode: 404},
		{name: "outside the folder", path: "/../../etc/passwd", wantCode: 404},
		{name: "missing", path: "/nope.js", wantCode: 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", c.path, nil)
			if c.accept != "" {
				req.Header.Set("Accept-Encoding", c.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != c.wantCode {
				t.Fatalf("code %d, want %d", rec.Code, c.wantCode)
			}
			if c.wantCode != 200 {
				return
			}
			if got := rec.Body.String(); got != c.wantBody {
				t.Errorf("body %q, want %q", got, c.wantBody)
			}
			if c.wantType != "" && rec.Header().Get("Content-Type") != c.wantType {
				t.Errorf("type %q, want %q", rec.Header().Get("Content-Type"), c.wantType)
			}
			if got := rec.Header().Get("Content-Encoding"); got != c.wantEncoding {
				t.Errorf("encoding %q, want %q", got, c.wantEncoding)
			}
			if got := rec.Header().Get("Content-Security-Policy"); got != components.HeaderCSP {
				t.Errorf("CSP %q", got)
			}
		})
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler(site(t)).ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader("x")))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Fatalf("POST: %d", rec.Code)
	}
}
