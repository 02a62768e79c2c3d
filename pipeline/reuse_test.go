package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/gen"
)

// A session's next build reuses what did not change: its tables must be
// those of a fresh build of the same files, whatever was edited. The test
// generates projects, edits random files between builds (a seed's rows,
// a model's SQL, a macro, vars, the states list, a schema, a deleted
// model), sometimes builds the same files three times (the second build
// takes the first one's plan, the third the second's log when it reused
// everything), and compares every table with a fresh session's.
func TestReuseMatchesAFreshBuild(t *testing.T) {
	projects, edits := 3, 5
	if runtime.GOOS == "js" {
		projects, edits = 1, 3
	}
	ctx := context.Background()
	for p := range projects {
		seed := uint64(100 + p)
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 1))
			files, err := gen.Generate(gen.Options{Persons: 12 + r.IntN(20), Seed: seed, Sample: os.DirFS("../samples/demo")})
			if err != nil {
				t.Fatal(err)
			}
			s := openSession(t)
			build(t, s, files, Options{})
			// read follows the session's tables as the page does, reading
			// again only what the builds wrote (ReadTablesSince).
			read, err := s.ReadTables(ctx, -1)
			if err != nil {
				t.Fatal(err)
			}
			reused, kept := 0, 0
			for e := range edits {
				what := editProject(r, files)
				twice := false
				switch r.IntN(4) {
				case 0:
					// a selection runs first: part of the graph is newer
					sel := selectable(files)[r.IntN(len(selectable(files)))]
					what += "; then a run of " + sel
					// it may fail: its parents may not be built where they now go
					if _, err := s.Build(ctx, mapFS(files), Options{Select: []string{sel}}); err != nil {
						t.Fatal(err)
					}
				case 1:
					// a model fails once, then is mended
					f := selectable(files)[r.IntN(len(selectable(files)))]
					path := "models/" + f + ".sql"
					for name := range files {
						if strings.HasSuffix(name, "/"+f+".sql") {
							path = name
						}
					}
					good := files[path]
					files[path] = []byte("select * from no_such_table")
					if _, err := s.Build(ctx, mapFS(files), Options{}); err != nil {
						t.Fatal(err)
					}
					files[path] = good
					what += "; after " + f + " failed once"
				case 2:
					twice = true
					what += "; built three times"
				}
				res := build(t, s, files, Options{})
				if twice {
					// the second takes the plan again, the third the log
					build(t, s, files, Options{})
					res = build(t, s, files, Options{})
				}
				for _, st := range res.Steps {
					if st.Reuse == "reused: unchanged" {
						reused++
					}
				}
				fresh := openSession(t)
				want := build(t, fresh, files, Options{})
				// A memoized identity render reports its resolution again.
				if !slices.Equal(res.Identity, want.Identity) {
					t.Errorf("edit %d (%s): identity reports %+v, a fresh build's %+v", e, what, res.Identity, want.Identity)
				}
				diffs, err := Diff(ctx, fresh, s, 3)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range diffs {
					if d.Status != "same" {
						t.Errorf("edit %d (%s): %s.%s is %s against a fresh build: %+v", e, what, d.Schema, d.Name, d.Status, d.Diff)
					}
				}
				since, n := readSince(t, s, read)
				for _, d := range n {
					t.Errorf("edit %d (%s): %s", e, what, d)
				}
				kept += sharedTables(read, since)
				read = since
			}
			if reused == 0 {
				t.Errorf("no node was reused in %d builds", edits)
			}
			if kept == 0 {
				t.Errorf("no table read was kept in %d builds", edits)
			}
		})
	}
}

// The rebuild-all option builds every node again.
func TestRebuildAllReusesNothing(t *testing.T) {
	files, err := gen.Generate(gen.Options{Persons: 10, Seed: 3, Sample: os.DirFS("../samples/demo")})
	if err != nil {
		t.Fatal(err)
	}
	s := openSession(t)
	build(t, s, files, Options{})
	again := build(t, s, files, Options{})
	all := build(t, s, files, Options{RebuildAll: true})
	for i, st := range again.Steps {
		if st.Kind == "log" || st.Kind == "hook" {
			continue
		}
		if st.Reuse != "reused: unchanged" {
			t.Errorf("unchanged build: %s %s: %q, want it reused", st.Kind, st.Name, st.Reuse)
		}
		if got := all.Steps[i]; got.Reuse != "rebuilt: rebuild all" {
			t.Errorf("rebuild all: %s %s: %q", got.Kind, got.Name, got.Reuse)
		}
	}
	if !strings.Contains(again.Summary, "Reused ") {
		t.Errorf("summary does not count the reused nodes: %s", again.Summary)
	}
}

// A model's edit rebuilds it and what reads it, and says why; when its
// rows come out the same, what reads it is reused.
func TestReuseSaysWhy(t *testing.T) {
	const f = "models/states/billing_lifecycle.sql"
	for _, tc := range []struct {
		name, where string
		want        map[string]string
	}{
		{"rows change", "state <> 'trial'", map[string]string{
			"model billing_lifecycle":                 "rebuilt: SQL changed",
			"model nexus_states":                      "rebuilt: upstream billing_lifecycle rebuilt",
			"seed stripe_invoices":                    "reused: unchanged",
			"model states":                            "rebuilt: upstream nexus_states rebuilt",
			"model nexus_resolved_person_identifiers": "reused: unchanged",
			// They come after the batch of nexus_states' tests, whose reads
			// are the tests' own.
			"model memberships":          "reused: unchanged",
			"model stripe_person_traits": "reused: unchanged",
			"model nexus_persons":        "reused: unchanged",
		}},
		{"same rows", "1 = 1", map[string]string{
			"model billing_lifecycle":              "rebuilt: SQL changed; its rows are the same as before",
			"model nexus_states":                   "reused: unchanged",
			"model states":                         "reused: unchanged",
			"test not_null_nexus_states_entity_id": "reused: unchanged",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := gen.Generate(gen.Options{Persons: 10, Seed: 4, Sample: os.DirFS("../samples/demo")})
			if err != nil {
				t.Fatal(err)
			}
			s := openSession(t)
			build(t, s, files, Options{})
			files[f] = []byte("select * from (\n" + string(files[f]) + "\n) as edited where " + tc.where)
			res := build(t, s, files, Options{})
			why := map[string]string{}
			for _, st := range res.Steps {
				why[st.Kind+" "+st.Name] = st.Reuse
			}
			for node, want := range tc.want {
				if _, ok := why[node]; !ok {
					t.Errorf("the build has no step %s", node)
				} else if why[node] != want {
					t.Errorf("%s: %q, want %q", node, why[node], want)
				}
			}
		})
	}
}

// readSince reads s's tables again after prev, keeping what no build
// wrote, and says where that read differs from reading every table.
func readSince(t *testing.T, s *Session, prev *TableSet) (*TableSet, []string) {
	t.Helper()
	ctx := context.Background()
	since, err := s.ReadTablesSince(ctx, -1, prev)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.ReadTables(ctx, -1)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, d := range CompareTables(all, since, 3) {
		if d.Status != "same" {
			bad = append(bad, fmt.Sprintf("%s.%s kept from the last read is %s against reading it: %+v", d.Schema, d.Name, d.Status, d.Diff))
		}
	}
	return since, bad
}

func findRel(set *TableSet, name string) (rel, bool) {
	for k := range set.tables {
		if k.name == name {
			return k, true
		}
	}
	return rel{}, false
}

// sharedTables counts the tables of b that are a's read, kept.
func sharedTables(a, b *TableSet) int {
	n := 0
	for k, tb := range b.tables {
		if ta, ok := a.tables[k]; ok && len(tb.content.Rows) > 0 && len(ta.content.Rows) > 0 && &ta.content.Rows[0] == &tb.content.Rows[0] {
			n++
		}
	}
	return n
}

// A read of the tables after a build keeps the earlier read of each table
// the build did not write, and reads again one a query or a hook wrote,
// and views.
func TestReadTablesSinceRereadsWhatChanged(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		files   map[string][]byte
		before  func(s *Session) // after the first build
		between func(s *Session) // after the first read, before the build
		edit    map[string]string
		kept    []string // tables kept from the first read
		reread  []string // tables read again
	}{
		{
			name:  "an edit rebuilds one model and what reads it",
			files: map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/a.sql": []byte("select id from {{ ref('people') }}\n"), "models/b.sql": []byte("select sum(id) as n from {{ ref('a') }}\n"), "models/c.sql": []byte("select 1 as one\n")},
			edit:  map[string]string{"models/a.sql": "select id * 2 as id from {{ ref('people') }}\n"},
			kept:  []string{"people", "c"}, reread: []string{"a", "b"},
		},
		{
			name:  "a table rebuilt with the same rows is not read again",
			files: map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/a.sql": []byte("select id from {{ ref('people') }}\n"), "models/b.sql": []byte("select count(*) as n from {{ ref('a') }}\n"), "models/c.sql": []byte("select 1 as one\n")},
			edit:  map[string]string{"models/a.sql": "select id * 2 as id from {{ ref('people') }}\n"},
			kept:  []string{"people", "b", "c"}, reread: []string{"a"},
		},
		{
			name:    "a query wrote: nothing is kept",
			files:   map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/a.sql": []byte("select id from {{ ref('people') }}\n"), "models/c.sql": []byte("select 1 as one\n")},
			between: func(s *Session) { s.Query(ctx, "update c set one = 2", 0) },
			reread:  []string{"people", "a", "c"},
		},
		{
			name:   "a hook ran: nothing is kept",
			files:  map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/a.sql": []byte("{{ config(post_hook='update people set id = id + 10') }}\nselect id from {{ ref('people') }}\n"), "models/c.sql": []byte("select 1 as one\n")},
			edit:   map[string]string{"models/a.sql": "{{ config(post_hook='update people set id = id + 20') }}\nselect id from {{ ref('people') }}\n"},
			reread: []string{"people", "a", "c"},
		},
		{
			name:   "a view (made by a query before) is always read",
			files:  map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/v.sql": []byte("{{ config(materialized='view') }}\nselect id from {{ ref('people') }}\n")},
			before: func(s *Session) { s.Query(ctx, "create view w as select * from people", 0) },
			kept:   []string{"people", "v"},
			reread: []string{"w"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Exclude: []string{"package:nexus"}}
			s := openSession(t)
			files := maps.Clone(tc.files)
			build(t, s, files, opts)
			if tc.before != nil {
				tc.before(s)
				build(t, s, files, opts)
			}
			first, err := s.ReadTables(ctx, -1)
			if err != nil {
				t.Fatal(err)
			}
			if tc.between != nil {
				tc.between(s)
			}
			for f, text := range tc.edit {
				files[f] = []byte(text)
			}
			build(t, s, files, opts)
			since, bad := readSince(t, s, first)
			for _, d := range bad {
				t.Error(d)
			}
			for _, name := range append(append([]string{}, tc.kept...), tc.reread...) {
				k, ok := findRel(since, name)
				if !ok {
					t.Fatalf("%s is not in the read: %v", name, since.tables)
				}
				keptIt := &first.tables[k].content.Rows[0] == &since.tables[k].content.Rows[0]
				if want := slices.Contains(tc.kept, name); keptIt != want {
					t.Errorf("%s: kept %v, want %v", name, keptIt, want)
				}
			}
		})
	}
}

func openSession(t *testing.T) *Session {
	t.Helper()
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func build(t *testing.T, s *Session, files map[string][]byte, opts Options) *Result {
	t.Helper()
	res, err := s.Build(context.Background(), mapFS(files), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		for _, st := range res.Steps {
			if st.Status == "ERROR" || st.Status == "FAIL" {
				t.Log(st.Line, st.Message)
			}
		}
		t.Fatalf("build failed: %s", res.Summary)
	}
	return res
}

// editProject makes one random edit that keeps the project valid and
// says what it did.
func editProject(r *rand.Rand, files map[string][]byte) string {
	var seeds, models []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		switch {
		case strings.HasPrefix(name, "seeds/") && strings.HasSuffix(name, ".csv"):
			seeds = append(seeds, name)
		case strings.HasPrefix(name, "models/sources/") || strings.HasPrefix(name, "models/states/"):
			if strings.HasSuffix(name, ".sql") {
				models = append(models, name)
			}
		}
	}
	project := string(files["dbt_project.yml"])
	switch r.IntN(8) {
	case 0, 1:
		f := seeds[r.IntN(len(seeds))]
		return f + ": " + editSeed(r, files, f)
	case 2:
		f := models[r.IntN(len(models))]
		files[f] = []byte("select * from (\n" + string(files[f]) + "\n) as edited")
		return f + ": wrapped in a select"
	case 3:
		f := models[r.IntN(len(models))]
		files[f] = append(files[f], "\n-- edited\n"...)
		return f + ": a comment added"
	case 4:
		n := 1 + r.IntN(6)
		files["dbt_project.yml"] = []byte(regexp.MustCompile(`nexus_max_recursion: \d+`).ReplaceAllString(project, fmt.Sprint("nexus_max_recursion: ", n)))
		return fmt.Sprint("vars: nexus_max_recursion ", n)
	case 5:
		if strings.Contains(project, `"lumenhq.com", "lumen.dev"`) {
			project = strings.Replace(project, `"lumenhq.com", "lumen.dev"`, `"lumenhq.com"`, 1)
		} else {
			project = strings.Replace(project, `"lumenhq.com"`, `"lumenhq.com", "lumen.dev"`, 1)
		}
		files["dbt_project.yml"] = []byte(project)
		return "vars: internal_domains"
	case 6:
		f := "macros/demo_filters.sql"
		src := string(files[f])
		if strings.Contains(src, "coalesce( ") {
			src = strings.ReplaceAll(src, "coalesce( ", "coalesce(")
		} else {
			src = strings.ReplaceAll(src, "coalesce(", "coalesce( ")
		}
		files[f] = []byte(src)
		return f + ": macro output changed"
	default:
		if r.IntN(2) == 0 && strings.Contains(project, "states: [billing_lifecycle, billing_payment_status]") {
			delete(files, "models/states/billing_payment_status.sql")
			files["dbt_project.yml"] = []byte(strings.Replace(project, "states: [billing_lifecycle, billing_payment_status]", "states: [billing_lifecycle]", 1))
			return "model billing_payment_status deleted"
		}
		re := regexp.MustCompile(`(nexus_demo:\n\s+\+schema: )(\w+)`)
		to := "nexus_demo_moved"
		if strings.Contains(project, to) {
			to = "nexus_demo_data"
		}
		files["dbt_project.yml"] = []byte(re.ReplaceAllString(project, "${1}"+to))
		return "dbt_project.yml: the project's models moved to schema " + to
	}
}

// editSeed deletes a row of a seed or copies one cell into another row.
func editSeed(r *rand.Rand, files map[string][]byte, f string) string {
	rows, err := csv.NewReader(bytes.NewReader(files[f])).ReadAll()
	if err != nil || len(rows) < 3 {
		return "left as it was"
	}
	what := ""
	if r.IntN(2) == 0 {
		i := 1 + r.IntN(len(rows)-1)
		rows = slices.Delete(rows, i, i+1)
		what = fmt.Sprint("row ", i, " deleted")
	} else {
		a, b, c := 1+r.IntN(len(rows)-1), 1+r.IntN(len(rows)-1), r.IntN(len(rows[0]))
		rows[a][c] = rows[b][c]
		what = fmt.Sprintf("row %d column %s copied from row %d", a, rows[0][c], b)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll(rows)
	files[f] = buf.Bytes()
	return what
}

// What the database holds after a build is what a fresh build leaves,
// whatever happened between builds: a query that changed a table makes
// the next build reuse nothing, a deleted model's table goes, and a reused
// seed shows its warnings again.
func TestReuseAfterChangesOutsideTheProject(t *testing.T) {
	ctx := context.Background()
	files := map[string][]byte{
		"dbt_project.yml":  []byte("name: p\nseeds:\n  p:\n    +column_types: {nope: integer}\n"),
		"seeds/people.csv": []byte("id\n1\n2\n"),
		"models/a.sql":     []byte("select id from {{ ref('people') }}\n"),
		"models/b.sql":     []byte("select count(*) as n from {{ ref('a') }}\n"),
	}
	opts := Options{Exclude: []string{"package:nexus"}}
	s := openSession(t)
	first := build(t, s, files, opts)
	if _, err := s.Query(ctx, "delete from a", 0); err != nil {
		t.Fatal(err)
	}
	res := build(t, s, files, opts)
	for _, st := range res.Steps {
		if st.Reuse != "rebuilt: a query changed the database" {
			t.Errorf("after a query wrote: %s %s: %q", st.Kind, st.Name, st.Reuse)
		}
	}
	if tab, err := s.Query(ctx, "select count(*) from a", 1); err != nil || tab.Rows[0][0].(int64) != 2 {
		t.Errorf("a after the build: %v %v, want 2 rows", tab, err)
	}
	again := build(t, s, files, opts)
	if len(again.Diagnostics) != len(first.Diagnostics) || len(first.Diagnostics) == 0 {
		t.Errorf("warnings: first build %v, reused build %v", first.Diagnostics, again.Diagnostics)
	}
	delete(files, "models/b.sql")
	build(t, s, files, opts)
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Name == "b" {
			t.Errorf("the deleted model's table is still there: %+v", tb)
		}
	}
}

func mapFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: slices.Clone(data)}
	}
	return m
}

// selectable lists the project's own source and state models by name.
func selectable(files map[string][]byte) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if (strings.HasPrefix(name, "models/sources/") || strings.HasPrefix(name, "models/states/")) && strings.HasSuffix(name, ".sql") {
			out = append(out, strings.TrimSuffix(name[strings.LastIndex(name, "/")+1:], ".sql"))
		}
	}
	return out
}

// After a build that wrote nothing, the next read of the tables is the
// last one, without a statement; a query that wrote makes it read again.
func TestReadTablesSinceNothingWritten(t *testing.T) {
	ctx := context.Background()
	files := map[string][]byte{"dbt_project.yml": []byte("name: p\n"), "seeds/people.csv": []byte("id\n1\n2\n"), "models/a.sql": []byte("select id from {{ ref('people') }}\n")}
	s := openSession(t)
	build(t, s, files, Options{})
	first, err := s.ReadTables(ctx, -1)
	if err != nil {
		t.Fatal(err)
	}
	build(t, s, files, Options{})
	before := s.Stats().Statements
	if same, err := s.ReadTablesSince(ctx, -1, first); err != nil || same != first {
		t.Errorf("a build that wrote nothing: the tables were read again (%v)", err)
	}
	if n := s.Stats().Statements - before; n != 0 {
		t.Errorf("a build that wrote nothing: reading the tables ran %d statements, want 0", n)
	}
	same, bad := readSince(t, s, first)
	for _, d := range bad {
		t.Error(d)
	}
	if _, err := s.Query(ctx, "insert into main.a values (3)", 0); err != nil {
		t.Fatal(err)
	}
	again, bad := readSince(t, s, same)
	if again == same {
		t.Errorf("after a query wrote, the last read was kept whole")
	}
	for _, d := range bad {
		t.Error(d)
	}
}

// A node that reads a table by its bare name, without ref() or a schema,
// is rebuilt when that table is: SQLite names such a read without its
// schema, which the engine resolves to every schema the name could mean.
func TestReuseFollowsReadsByBareName(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml":  "name: p\n",
		"seeds/people.csv": "id\n1\n2\n",
		"models/a.sql":     "{{ config(materialized='table') }}\nselect id from {{ ref('people') }}\n",
		// No ref: the graph does not know zcount reads a (built first by name).
		"models/zcount.sql": "{{ config(materialized='table') }}\nselect count(*) as n from a\n",
		"models/zmax.sql":   "{{ config(materialized='table') }}\nselect max(id) as m from a\n",
	}
	edit := func(path, text string) map[string]string { return withFile(base, path, text) }
	expectLongSessionMatchesFresh(t, []sessionStep{
		{"first build", base, ""},
		{"a seed row more", edit("seeds/people.csv", "id\n1\n2\n3\n"), ""},
		{"a filters", edit("models/a.sql", "{{ config(materialized='table') }}\nselect id from {{ ref('people') }} where id > 1\n"), ""},
		{"back to the start", base, ""},
	})
}
