package serve

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/web/components"
)

// Only the page in embed mode may be framed by another site; every other
// response keeps frame-ancestors 'self'.
func TestFrameAncestorsOnlyInEmbedMode(t *testing.T) {
	h := Handler(site(t))
	for _, c := range []struct {
		path, want string
	}{
		{"/?embed=1&sample=demo", components.EmbedHeaderCSP},
		{"/index.html?embed=1", components.EmbedHeaderCSP},
		{"/", components.HeaderCSP},
		{"/?embed=0", components.HeaderCSP},
		{"/nexus.wasm?embed=1", components.HeaderCSP},
		// The page reads the first "embed" the way URLSearchParams does;
		// the server reads the same one.
		{"/?embed=0;&embed=1", components.HeaderCSP},
		{"/?embed=1;", components.HeaderCSP},
		{"/?embed=0&embed=1", components.HeaderCSP},
		{"/?embed=1&embed=0", components.EmbedHeaderCSP},
		{"/?e%6Dbed=%31", components.EmbedHeaderCSP},
		{"/?embed=1%", components.HeaderCSP},
		{"/?embed+=1", components.HeaderCSP},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
		if got := rec.Header().Get("Content-Security-Policy"); got != c.want {
			t.Errorf("%s: CSP %q, want %q", c.path, got, c.want)
		}
	}
	if !strings.Contains(components.EmbedHeaderCSP, "object-src 'none'") {
		t.Error("the embed policy lost the rest of the CSP")
	}
}
