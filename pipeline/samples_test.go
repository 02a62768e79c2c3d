package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoQueries are the Common Tasks page's "Explore Demo Data" queries,
// verbatim, run against the demo sample.
var demoQueries = map[string]string{
	"demo_events": `-- View all demo events
SELECT * FROM nexus_demo_data.nexus_events
ORDER BY occurred_at DESC;`,
	"demo_persons": `-- View resolved persons
SELECT * FROM nexus_demo_data.nexus_persons;`,
	"demo_memberships": `-- View group memberships
SELECT
    p.name as person_name,
    g.name as group_name,
    m.role
FROM nexus_demo_data.nexus_memberships m
JOIN nexus_demo_data.nexus_persons p ON m.person_id = p.id
JOIN nexus_demo_data.nexus_groups g ON m.group_id = g.id;`,
}

// finalTables are golden-tested for every sample.
var finalTables = []string{"nexus_events", "nexus_persons", "nexus_groups", "nexus_memberships",
	"nexus_person_participants", "nexus_group_participants", "nexus_states", "nexus_resolved_person_identifiers",
	"nexus_resolved_group_identifiers",
	// the entity layer's (samples/entities)
	"nexus_entities", "nexus_entity_participants", "nexus_relationships", "nexus_resolved_entity_traits",
	"nexus_entity_identifiers_edges"}

// buildTimeColumns hold the time of the build (v0.13's _processed_at): a
// golden shows them as a placeholder.
var buildTimeColumns = map[string]bool{"_processed_at": true}

// TestSamples builds every sample project: all models and tests must pass,
// and the final tables must equal the reviewed goldens under
// testdata/samples/NAME/ (rewrite them with -update).
func TestSamples(t *testing.T) {
	dirs, _ := filepath.Glob("../samples/*/dbt_project.yml")
	if len(dirs) < 2 {
		t.Fatalf("want the demo and quickstart samples, found %v", dirs)
	}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			res, err := s.Build(ctx, os.DirFS(dir), Options{Command: CmdBuild})
			if err != nil {
				t.Fatal(err)
			}
			if !res.OK {
				var b strings.Builder
				writeLog(&b, res)
				t.Fatalf("build failed:\n%s", b.String())
			}
			got := map[string]string{}
			tables, err := s.Tables(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range tables {
				for _, ft := range finalTables {
					if tb.Name == ft {
						q, err := s.Query(ctx, "SELECT * FROM "+tb.Schema+"."+tb.Name, 0)
						if err != nil {
							t.Fatal(err)
						}
						for j, c := range q.Columns {
							if buildTimeColumns[c] {
								for _, row := range q.Rows {
									if row[j] != nil {
										row[j] = "(build time)"
									}
								}
							}
						}
						got[tb.Schema+"."+tb.Name+".csv"] = tableCSV(q, true)
					}
				}
			}
			if name == "demo" {
				for qn, sql := range demoQueries {
					q, err := s.Query(ctx, sql, 0)
					if err != nil {
						t.Fatalf("%s: %v", qn, err)
					}
					if len(q.Rows) == 0 {
						t.Errorf("%s: no rows", qn)
					}
					got["query_"+qn+".csv"] = tableCSV(q, !strings.Contains(sql, "ORDER BY"))
				}
			}
			compareDir(t, filepath.Join("testdata", "samples", name), got)
		})
	}
}

func compareDir(t *testing.T, dir string, got map[string]string) {
	t.Helper()
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 {
		t.Fatalf("no goldens in %s (run with -update and review)", dir)
	}
	for _, f := range files {
		want, _ := os.ReadFile(f)
		g, ok := got[filepath.Base(f)]
		if !ok {
			t.Errorf("%s is no longer produced", f)
			continue
		}
		if string(want) != g {
			t.Errorf("%s differs\n--- want\n%s--- got\n%s", f, want, g)
		}
	}
	for name := range got {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: new output %s (run with -update and review)", dir, name)
		}
	}
}
