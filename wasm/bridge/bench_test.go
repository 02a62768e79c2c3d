package bridge

import (
	"context"
	"io/fs"
	"os"
	"testing"
)

// BenchmarkRun is the page's Run on the demo, served by the bridge as the
// browser's worker serves it (build, then the tables compared with the
// previous run's), after one untimed first build: "unchanged" reuses every
// table, "rebuild-all" builds every node, and the edit-* modes change one
// model before each run, every other run back as it was: a condition that
// changes its rows (what a user's edit does), or for "edit-comment" a
// comment, whose table comes out the same, so nothing that reads it runs.
// Under js/wasm it shows what a warm engine in a page spends, without the
// browser:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/bridge -run '^$' -bench Run
func BenchmarkRun(b *testing.B) {
	files := demoFiles(b)
	for _, mode := range []struct{ name, edit, suffix string }{
		{"unchanged", "", ""},
		{"rebuild-all", "", ""},
		{"edit-state", "models/states/billing_lifecycle.sql", benchEdits["models/states/billing_lifecycle.sql"]},
		{"edit-source-events", "models/sources/stripe/stripe_events.sql", benchEdits["models/sources/stripe/stripe_events.sql"]},
		{"edit-source-identifiers", "models/sources/stripe/stripe_person_identifiers.sql", benchEdits["models/sources/stripe/stripe_person_identifiers.sql"]},
		{"edit-comment", "models/sources/stripe/stripe_person_identifiers.sql", "\n-- edited\n"},
	} {
		b.Run(mode.name, func(b *testing.B) {
			br := New(":memory:")
			req := Request{Op: "build", Files: map[string]string{}}
			for k, v := range files {
				req.Files[k] = v
			}
			run := func() {
				if resp := br.Handle(context.Background(), req, nil); !resp.OK {
					b.Fatalf("%s: %+v", mode.name, resp.Error)
				}
			}
			run()
			req.RebuildAll = mode.name == "rebuild-all"
			orig := files[mode.edit]
			before := br.sess.Stats()
			for i := 0; b.Loop(); i++ {
				if mode.edit != "" {
					req.Files[mode.edit] = orig
					if i%2 == 0 {
						req.Files[mode.edit] = orig + mode.suffix
					}
				}
				run()
			}
			// The statements a run sends to SQLite and their time: in
			// js/wasm each has a fixed cost, and the count does not depend
			// on the machine's load.
			after := br.sess.Stats()
			b.ReportMetric(float64(after.Statements-before.Statements)/float64(b.N), "statements/op")
			b.ReportMetric((after.Seconds-before.Seconds)*1000/float64(b.N), "sqlite-ms/op")
		})
	}
}

// benchEdits are the edits of the demo the benches make, each typed at the
// end of its file: conditions that drop rows, so that the edited table
// and what reads it change (the identifiers edit changes who is who).
var benchEdits = map[string]string{
	"models/states/billing_lifecycle.sql":                 " and 1 = 0",
	"models/sources/stripe/stripe_events.sql":             " where event_value is null",
	"models/sources/stripe/stripe_person_identifiers.sql": " where occurred_at is null",
}

func demoFiles(b *testing.B) map[string]string {
	b.Helper()
	fsys := os.DirFS("../../samples/demo")
	files := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		files[name] = string(data)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}
