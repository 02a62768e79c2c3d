package pipeline

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestMissingTableHints: a model that fails because a table is missing says
// what to run. On a fresh database `run` finds no seeds (run never loads
// them), so the hint names `nexus seed`; a missing model table asks for the
// models upstream.
func TestMissingTableHints(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		fsys     map[string]string
		sample   string
		sel      []string
		wantHint string
	}{
		{name: "quickstart source models before seed", sample: "../samples/quickstart", sel: []string{"source:your_source"},
			wantHint: "load the seeds first: `nexus seed`, or `nexus build --select +your_source_events` to seed, run and test it"},
		{name: "model before its parent", fsys: map[string]string{
			"dbt_project.yml": "name: p\n",
			"models/a.sql":    "select 1 as x",
			"models/b.sql":    "select x from {{ ref('a') }}",
		}, sel: []string{"b"}, wantHint: "build the models it reads first (select +b) or fix the name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(ctx, ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var fsys fs.FS = os.DirFS(tc.sample)
			if tc.fsys != nil {
				m := fstest.MapFS{}
				for name, text := range tc.fsys {
					m[name] = &fstest.MapFile{Data: []byte(text)}
				}
				fsys = m
			}
			res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Select: tc.sel})
			if err != nil {
				t.Fatal(err)
			}
			var hints []string
			for _, d := range res.Diagnostics {
				if strings.HasPrefix(d.Message, "no such table") {
					hints = append(hints, d.Hint)
				}
			}
			if len(hints) == 0 || hints[0] != tc.wantHint {
				t.Fatalf("hints %q, want first %q", hints, tc.wantHint)
			}
		})
	}
}
