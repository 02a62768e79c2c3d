package pipeline

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// A model whose SQL and whose tables' columns are what they were when it
// last made its table writes its rows into that table (DELETE and INSERT)
// instead of making it again. Every step of a long session leaves the
// tables a fresh build makes: the same columns with the same declared
// types, the same values of the same types, the same rowids; and a change
// to what the SQL reads (a column's type, a column more, a hook that
// alters the table, the schema table itself) makes the table again.
func TestRewriteInPlaceMatchesAFreshBuild(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml":  "name: p\n",
		"seeds/people.csv": "id,name,amount\n1,ann,2.5\n2,bob,3\n3,cy,4.0\n",
		"models/a.sql":     "select id, cast(name as text) as label, amount from {{ ref('people') }} where id > 0\n",
		// b, star and u have only columns without affinity, or TEXT or
		// REAL ones: they are written in place when a changes.
		"models/b.sql":    "select label, id || '' as k, cast(amount as real) as r from {{ ref('a') }}\n",
		"models/star.sql": "select * from {{ ref('b') }}\n",
		"models/u.sql":    "select label as x from {{ ref('a') }} union all select 'q' || id from {{ ref('a') }}\n",
		// A NUM column of a compound SELECT keeps 299.0 as a real, as
		// CREATE TABLE ... AS writes it.
		"models/num.sql": "select cast(null as real) as v from {{ ref('a') }} where id > 0 union all select amount * 2 from {{ ref('a') }}\n",
		// It reads the schema table, which DROP and CREATE change.
		"models/selfish.sql": "select count(*) as n, max(sql) as s from main.sqlite_master where name = 'selfish'\n",
	}
	edit := func(files map[string]string, path, text string) map[string]string { return withFile(files, path, text) }
	typed := edit(base, "models/a.sql", "select id, cast(id as real) as label, amount from {{ ref('people') }} where id > 0\n")
	wider := edit(base, "models/a.sql", "select id, cast(name as text) as label, amount, 'w' as extra from {{ ref('people') }} where id > 0\n")
	starA := edit(wider, "models/star.sql", "select * from {{ ref('a') }}\n")
	hooked := edit(starA, "models/a.sql", "{{ config(post_hook=\"alter table {{ this }} add column later text\") }}\nselect id, cast(name as text) as label, amount, 'w' as extra from {{ ref('people') }} where id > 0\n")
	// The hook makes the table again with a REAL label: what reads it
	// must see the hook's columns, not those a's SELECT made.
	replaced := edit(starA, "models/a.sql", "{{ config(post_hook=\"create or replace table {{ this }} as select id, cast(id as real) as label, amount, 'w' as extra from {{ ref('people') }}\") }}\nselect id, cast(name as text) as label, amount, 'w' as extra from {{ ref('people') }} where id > 0\n")
	steps := []struct {
		name  string
		files map[string]string
		all   bool
	}{
		{"first build", base, false},
		{"rebuild all", base, true},
		{"a's rows change", edit(base, "models/a.sql", "select id, cast(name as text) as label, amount from {{ ref('people') }} where id > 1\n"), false},
		{"a's rows come back", base, false},
		{"a's label becomes a real", typed, false},
		{"rebuild all after the type change", typed, true},
		{"a's label is text again", base, false},
		{"a has a column more", wider, false},
		{"star reads a", starA, false},
		{"rebuild all reading a", starA, true},
		{"a's post-hook adds a column", hooked, false},
		{"rebuild all with the hook", hooked, true},
		{"a's post-hook makes it again", replaced, false},
		{"rebuild all with that hook", replaced, true},
		{"no hook", starA, true},
		{"seed rows change", edit(starA, "seeds/people.csv", "id,name,amount\n1,ann,2.5\n2,bob,3\n4,di,149.5\n"), true},
		{"seed column type changes", edit(starA, "seeds/people.csv", "id,name,amount\n1,ann,x\n2,bob,3\n"), false},
		{"rebuild all at the end", starA, true},
	}
	long := openSession(t)
	for _, st := range steps {
		fsys := fstest.MapFS{}
		for name, text := range st.files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		fresh := openSession(t)
		want := dumpTyped(t, fresh, fsys, Options{})
		got := dumpTyped(t, long, fsys, Options{RebuildAll: st.all})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the session's tables differ from a fresh build's (-fresh +session):\n%s", st.name, diff)
		}
		fresh.Close()
	}
}

// dumpTyped builds fsys and lists every table: its schema text, and each
// row with its rowid and its values' types.
func dumpTyped(t *testing.T, s *Session, fsys fstest.MapFS, opts Options) map[string][]string {
	t.Helper()
	ctx := context.Background()
	res, err := s.Build(ctx, fsys, opts)
	if err != nil || !res.OK {
		t.Fatalf("build: %v %+v", err, res)
	}
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, tb := range tables {
		q, err := s.Query(ctx, fmt.Sprintf("select sql from %q.sqlite_schema where name = '%s'", tb.Schema, tb.Name), 0)
		if err != nil {
			t.Fatal(err)
		}
		rows := []string{fmt.Sprint(q.Rows)}
		if q, err = s.Query(ctx, fmt.Sprintf("select rowid as _rowid, * from %q.%q", tb.Schema, tb.Name), 0); err != nil {
			t.Fatal(err)
		}
		var body []string
		for _, r := range q.Rows {
			var row string
			for _, v := range r {
				row += fmt.Sprintf("%T:%#v ", v, v)
			}
			body = append(body, row)
		}
		sort.Strings(body)
		out[tb.Schema+"."+tb.Name] = append(rows, body...)
	}
	return out
}
