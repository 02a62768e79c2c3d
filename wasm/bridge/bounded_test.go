package bridge

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestTemplateCallsBounded: a template that would render for ever stops
// within the time limit in every call that renders one, not only in a
// build: the lineage (nodes), compile with and without a built session, and
// build.
func TestTemplateCallsBounded(t *testing.T) {
	files := sampleFiles(t, "quickstart")
	files["macros/f.sql"] = "{% macro f(n) %}{% if n>0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n"
	files["models/bomb.sql"] = "select 1 as x {{ f(60) }}\n"
	built := New(":memory:")
	fine := sampleFiles(t, "quickstart")
	if resp := roundTrip(t, built, Request{Op: "build", Files: fine}, nil); !resp.OK {
		t.Fatalf("build: %+v", resp.Error)
	}
	for _, tc := range []struct {
		name string
		b    *Bridge
		req  Request
	}{
		{"nodes", New(":memory:"), Request{Op: "nodes", Files: files}},
		{"compile", New(":memory:"), Request{Op: "compile", Name: "bomb", Files: files}},
		{"compile after a build", built, Request{Op: "compile", Name: "bomb", Files: files}},
		{"build", New(":memory:"), Request{Op: "build", Files: files}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.TimeoutMS = 100
			start := time.Now()
			resp := roundTrip(t, tc.b, tc.req, nil)
			took := time.Since(start)
			if took > 5*time.Second { // unbounded, the bomb renders for minutes
				t.Errorf("answered after %v with a 0.1 s limit", took)
			}
			// The render checks the clock: the limit comes before the
			// template's work cap (about 0.5 s of work here). A build
			// reports it in its result; the other calls fail with it.
			all, _ := json.Marshal(resp)
			if !strings.Contains(string(all), "time limit") || (tc.req.Op != "build" && resp.OK) {
				t.Errorf("got %s, want the time limit", all)
			}
		})
	}
}
