package bridge

import (
	"encoding/json"
	"testing"
)

// TestNodesAfterBuildMatchAFreshLoad: the nodes the bridge lists from the
// last build's plan are what loading the project again lists, for the
// project the build ran and after every kind of change to it.
func TestNodesAfterBuildMatchAFreshLoad(t *testing.T) {
	files := sampleFiles(t, "demo")
	edited := func(path, add string) map[string]string {
		out := map[string]string{}
		for k, v := range files {
			out[k] = v
		}
		out[path] += add
		return out
	}
	fresh := New(":memory:")
	for _, tc := range []struct {
		name  string
		build Request
		nodes Request
	}{
		{"same project", Request{Op: "build", Files: files}, Request{Op: "nodes", Files: files}},
		{"a model edited since the build", Request{Op: "build", Files: files},
			Request{Op: "nodes", Files: edited("models/states/billing_lifecycle.sql", "\n-- edited\n")}},
		{"a model's ref changed since the build", Request{Op: "build", Files: files},
			Request{Op: "nodes", Files: edited("models/states/billing_lifecycle.sql", "\n-- {{ ref('stripe_events') }}\n")}},
		{"another dialect", Request{Op: "build", Files: files}, Request{Op: "nodes", Files: files, Dialect: "duckdb"}},
		{"vars in the build only", Request{Op: "build", Files: files, Vars: map[string]any{"nexus_max_recursion": 2}}, Request{Op: "nodes", Files: files}},
		{"a project that does not load", Request{Op: "build", Files: edited("dbt_project.yml", "\n: :\n")}, Request{Op: "nodes", Files: files}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := New(":memory:")
			roundTrip(t, b, tc.build, nil)
			got := roundTrip(t, b, tc.nodes, nil)
			want := roundTrip(t, fresh, tc.nodes, nil)
			if !got.OK || !want.OK {
				t.Fatalf("nodes failed: %+v / %+v", got.Error, want.Error)
			}
			g, _ := json.Marshal(got.Result)
			w, _ := json.Marshal(want.Result)
			if string(g) != string(w) {
				t.Fatalf("nodes after a build differ from a fresh load:\n got %.400s\nwant %.400s", g, w)
			}
		})
	}
}
