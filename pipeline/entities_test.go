package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// copySample copies samples/<name> into dir.
func copySample(t *testing.T, name, dir string) {
	t.Helper()
	src := filepath.Join("..", "samples", name)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// builtTables maps table name to schema.name of a session's tables.
func builtTables(t *testing.T, s *Session) map[string]string {
	t.Helper()
	tables, err := s.Tables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, tb := range tables {
		out[tb.Name] = tb.Schema + "." + tb.Name
	}
	return out
}

// The entity layer against dbt-nexus v0.13.0 itself: samples/entities
// built once with the built-in package and once with the real v0.13.0
// package shipped in it (DuckDB dialect, its on-run-start hook), both with
// every model and test passing. The real build's tables have the columns
// COLUMNS.md gives v0.13.0, and both builds agree on how many entities,
// identifiers, traits, participants and relationships there are.
func TestRealdataEntityLayerColumns(t *testing.T) {
	root := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	dir := filepath.Join(t.TempDir(), "entities")
	copySample(t, "entities", dir)
	rel, err := filepath.Rel(dir, root)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := fmt.Sprintf("packages:\n  - local: %s\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n", filepath.ToSlash(rel))
	if err := os.WriteFile(filepath.Join(dir, "packages.yml"), []byte(pkgs), 0o644); err != nil {
		t.Fatal(err)
	}
	proj, err := os.ReadFile(filepath.Join(dir, "dbt_project.yml"))
	if err != nil {
		t.Fatal(err)
	}
	hook := "on-run-start:\n  - \"{{ nexus.install_duckdb_compat() }}\"\n"
	if err := os.WriteFile(filepath.Join(dir, "dbt_project.yml"), append(proj, hook...), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	build := func(fsys fs.FS, opts Options, packages string) *Session {
		s := openSession(t)
		opts.Command = CmdBuild
		res, err := s.Build(ctx, fsys, opts)
		if err != nil {
			t.Fatal(err)
		}
		models := 0
		for _, st := range res.Steps {
			if st.Status != "OK" && st.Status != "PASS" {
				t.Errorf("%s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
			}
			if st.Kind == "model" {
				models++
			}
		}
		if !strings.Contains(res.Summary, packages) {
			t.Fatalf("the build used other packages:\n%s", res.Summary)
		}
		t.Logf("%d models: %s", models, strings.SplitN(res.Summary, "\n", 2)[0])
		return s
	}
	real := build(ProjectDir(dir), Options{Dialect: dialect.DuckDB}, "nexus from local: "+filepath.ToSlash(rel))
	ours := build(os.DirFS(filepath.Join("..", "samples", "entities")), Options{}, "nexus from the built-in package")
	realTables, ourTables := builtTables(t, real), builtTables(t, ours)

	for _, row := range readColumnsDoc(t, entityLayerSection) {
		t.Run(row.table, func(t *testing.T) {
			name, ok := realTables[row.table]
			if !ok {
				t.Fatalf("the real package built no %s", row.table)
			}
			q, err := real.Query(ctx, "SELECT * FROM "+name+" LIMIT 0", 0)
			if err != nil {
				t.Fatal(err)
			}
			if !matchColumns(row.dbtNexus, q.Columns) {
				t.Errorf("v0.13.0 built %v, COLUMNS.md says %v", q.Columns, row.dbtNexus)
			}
		})
	}

	count := func(s *Session, tables map[string]string, table, where string) string {
		name, ok := tables[table]
		if !ok {
			t.Fatalf("no table %s", table)
		}
		q, err := s.Query(ctx, "SELECT count(*) FROM "+name+" "+where, 1)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(q.Rows[0][0])
	}
	for _, c := range []struct{ table, where string }{
		{"nexus_events", ""},
		{"nexus_entity_identifiers", ""},
		{"nexus_entity_traits", ""},
		{"nexus_entity_identifiers_edges", ""},
		{"nexus_resolved_person_identifiers", ""},
		{"nexus_resolved_group_identifiers", ""},
		{"nexus_entities", "WHERE entity_type = 'person'"},
		{"nexus_entities", "WHERE entity_type = 'group'"},
		{"nexus_resolved_entity_traits", ""},
		{"nexus_entity_participants", ""},
		{"nexus_relationships", ""},
		{"nexus_relationships", "WHERE is_active"},
	} {
		if r, o := count(real, realTables, c.table, c.where), count(ours, ourTables, c.table, c.where); r != o {
			t.Errorf("%s %s: v0.13.0 has %s rows, the built-in package %s", c.table, strings.TrimSpace(c.where), r, o)
		}
	}

	// The same ids: entities, the entity of every identifier, the
	// relationships and whether they are active, traits.
	rows := func(s *Session, tables map[string]string, table, columns string) string {
		q, err := s.Query(ctx, "SELECT "+columns+" FROM "+tables[table]+" ORDER BY "+columns, 0)
		if err != nil {
			t.Fatal(err)
		}
		return tableCSV(q, false)
	}
	for _, c := range []struct{ table, columns string }{
		{"nexus_entities", "entity_id, entity_type, name"},
		{"nexus_resolved_person_identifiers", "identifier_type, identifier_value, person_id, person_identifier_id"},
		{"nexus_resolved_group_identifiers", "identifier_type, identifier_value, group_id, group_identifier_id"},
		// the same instant: the DuckDB build's seeds hold timestamps (dbt
		// infers them), the SQLite build's their text
		{"nexus_relationships", "relationship_id, relationship_type, entity_a_id, entity_b_id, cast(is_active as integer), instant_key(established_at)"},
		{"nexus_resolved_entity_traits", "entity_trait_id, entity_id, trait_name, trait_value"},
		{"nexus_entity_participants", "entity_participant_id, entity_id, event_id, role"},
	} {
		if r, o := rows(real, realTables, c.table, c.columns), rows(ours, ourTables, c.table, c.columns); r != o {
			t.Errorf("%s differs\n--- v0.13.0\n%s--- built-in\n%s", c.table, r, o)
		}
	}
}

// entityProject is a v0.13 project with one source, "a", whose identifier
// rows are given as (edge_id, entity_type, identifier_type, value).
func entityProject(maxRecursion int, rows [][4]string, extra map[string]string) fstest.MapFS {
	var sel []string
	for i, r := range rows {
		sel = append(sel, fmt.Sprintf("select 'i%d' as entity_identifier_id, 'e%d' as event_id, '%s' as edge_id, '%s' as entity_type, '%s' as identifier_type, '%s' as identifier_value, null as role, '2025-01-0%d' as occurred_at",
			i, i, r[0], r[1], r[2], r[3], 1+i%9))
	}
	fsys := fstest.MapFS{
		"dbt_project.yml":                 {Data: []byte(fmt.Sprintf("name: p\nconfig-version: 2\nvars:\n  nexus:\n    max_recursion: %d\n    sources:\n      a: {enabled: true, events: true, entities: true}\n", maxRecursion))},
		"models/a_entity_identifiers.sql": {Data: []byte(strings.Join(sel, "\nunion all\n"))},
		"models/a_entity_traits.sql":      {Data: []byte("select 't1' as entity_trait_id, 'e0' as event_id, 'person' as entity_type, 'email' as identifier_type, 'x@a.test' as identifier_value, 'name' as trait_name, 'X' as trait_value, '2025-01-01' as occurred_at")},
		"models/a_events.sql":             {Data: []byte("select distinct event_id, occurred_at, 'seen' as event_name from {{ ref('a_entity_identifiers') }}")},
	}
	for name, data := range extra {
		if data == "" {
			delete(fsys, name)
		} else {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	return fsys
}

// The entity layer's behaviour, case by case: what resolves into one
// entity, per type and within the bound, and what a project is told when
// it lacks a model v0.13 requires.
func TestEntityLayer(t *testing.T) {
	chain := [][4]string{
		{"r1", "person", "email", "x@a.test"}, {"r1", "person", "phone", "1"},
		{"r2", "person", "phone", "1"}, {"r2", "person", "user_id", "u1"},
		{"r3", "person", "user_id", "u1"}, {"r3", "person", "anonymous_id", "z9"},
	}
	cases := []struct {
		name         string
		maxRecursion int
		rows         [][4]string
		extra        map[string]string
		query        string
		want         string
		err          string
	}{
		{"a chain within the bound is one person", 5, chain,
			nil, "select count(distinct person_id) from nexus_resolved_person_identifiers", "1", ""},
		{"the bound splits a longer chain", 1, chain,
			nil, "select count(distinct person_id) from nexus_resolved_person_identifiers", "2", ""},
		{"a person and a group sharing an edge_id get an edge, never one entity", 5,
			[][4]string{{"r1", "person", "email", "x@a.test"}, {"r1", "group", "domain", "a.test"}},
			nil, "select (select count(*) from nexus_entities) || ' ' || (select count(*) from nexus_entity_identifiers_edges where entity_type_a <> entity_type_b)", "2 2", ""},
		{"traits pivot into the entity's columns", 5, chain,
			nil, "select name || ' ' || entity_type from nexus_entities where name is not null", "X person", ""},
		{"every person identifier names its person's id", 5, chain,
			nil, "select count(*) from nexus_resolved_person_identifiers where person_id like 'per\\_%' escape '\\' and person_identifier_id like 'per\\_idfr\\_%' escape '\\'", "4", ""},
		{"entities: true without a traits model", 5, chain,
			map[string]string{"models/a_entity_traits.sql": ""}, "", "",
			`vars.nexus.sources.a: source "a" has entities: true but there is no model "a_entity_traits"`},
		{"relationships: true without declarations", 5, chain,
			map[string]string{"dbt_project.yml": "name: p\nconfig-version: 2\nvars:\n  nexus:\n    sources:\n      a: {enabled: true, events: true, entities: true, relationships: true}\n"}, "", "",
			`vars.nexus.sources.a: source "a" has relationships: true but there is no model "a_relationship_declarations"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := openSession(t)
			res, err := s.Build(ctx, entityProject(c.maxRecursion, c.rows, c.extra), Options{Command: CmdBuild})
			if c.err != "" {
				got := fmt.Sprint(err)
				if res != nil {
					got += fmt.Sprint(res.Diagnostics)
				}
				if !strings.Contains(got, c.err) {
					t.Fatalf("got %s, want an error with %q", got, c.err)
				}
				return
			}
			if err != nil || !res.OK {
				var b strings.Builder
				if res != nil {
					writeLog(&b, res)
				}
				t.Fatalf("build: %v\n%s", err, b.String())
			}
			q, err := s.Query(ctx, c.query, 1)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(q.Rows[0][0]); got != c.want {
				t.Errorf("%s = %s, want %s", c.query, got, c.want)
			}
		})
	}
}
