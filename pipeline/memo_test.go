package pipeline

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// One session building a project edit after edit (the playground's Run
// button) must build exactly what a fresh session builds from the same
// files: memoized renders are reused only while everything they read is
// the same. Each edit changes something a render reads: seed data seen
// through run_query, an upstream model's columns, a macro, a var, another
// model's alias (which a third model's alias is made from). A render that
// writes with run_query is never reused.
func TestMemoizedRendersMatchFreshBuilds(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml":  "name: p\nvars:\n  greeting: hello\n",
		"seeds/people.csv": "id,name,kind\n1,ann,a\n2,bob,b\n",
		"macros/shout.sql": "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n",
		"models/base.sql":  "select id, {{ shout('name') }} as name, kind, '{{ var(\"greeting\") }}' as greeting from {{ ref('people') }}\n",
		"models/kinds.sql": "{% if execute %}{% set kinds = run_query(\"select distinct kind from \" ~ ref('base') ~ \" order by 1\") %}{% endif %}\n" +
			"select id{% if execute %}{% for row in kinds.rows %}, kind = '{{ row[0] }}' as is_{{ row[0] }}{% endfor %}{% endif %} from {{ ref('base') }}\n",
		"models/cols.sql":  "select 1 as one{% if execute %}{% for c in adapter.get_columns_in_relation(ref('base')) %}, {{ c.name }}{% endfor %}{% endif %} from {{ ref('base') }}\n",
		"models/other.sql": "{{ config(alias='other_v1') }}\nselect count(*) as n from {{ ref('base') }}\n",
		"models/final.sql": "select '{{ ref('other') }}' as rel, n from {{ ref('other') }}\n",
		// Named after other's alias, which parsing finds before it.
		"models/zz_copy.sql": "{{ config(alias=ref('other').name ~ '_copy') }}\nselect n from {{ ref('other') }}\n",
		// Changes the data while it renders.
		"seeds/hits.csv": "x\n0\n",
		"models/counter.sql": "{% if execute %}{% do run_query('insert into main.hits values (1)') %}" +
			"{% set p = run_query('select count(*) from ' ~ ref('people')) %}{% set n = run_query('select count(*) from main.hits') %}" +
			"select {{ n.rows[0][0] }} as hits, {{ p.rows[0][0] }} as people{% else %}select 0 as hits, 0 as people{% endif %} from {{ ref('hits') }} limit 1\n",
	}
	edit := func(changes map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range changes {
			out[k] = v
		}
		return out
	}
	steps := []struct {
		name  string
		files map[string]string
		vars  map[string]any
	}{
		{"first build", base, nil},
		{"unchanged", base, nil},
		{"seed row with a new kind", edit(map[string]string{"seeds/people.csv": "id,name,kind\n1,ann,a\n2,bob,b\n3,cy,c\n"}), nil},
		{"upstream model gains a column", edit(map[string]string{"models/base.sql": strings.Replace(base["models/base.sql"], "kind,", "kind, 7 as extra,", 1)}), nil},
		{"var given on the command line", base, map[string]any{"greeting": "hi"}},
		{"macro changes", edit(map[string]string{"macros/shout.sql": "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n"}), nil},
		{"macro back", base, nil},
		{"another model's alias", edit(map[string]string{"models/other.sql": strings.Replace(base["models/other.sql"], "other_v1", "other_v2", 1)}), nil},
		{"back to the start", base, nil},
	}
	ctx := context.Background()
	long, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer long.Close()
	for _, st := range steps {
		fsys := fstest.MapFS{}
		for name, text := range st.files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		fresh, err := Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		want := buildAndDump(t, fresh, fsys, st.vars, nil)
		got := buildAndDump(t, long, fsys, st.vars, fresh)
		fresh.Close()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the reused session built other tables (-fresh +reused):\n%s", st.name, diff)
		}
	}
}

// buildAndDump builds fsys in s and returns its steps and the tables, each
// as sorted rows of text; the tables listed are those of like (or of s when
// like is nil), since a long session also keeps tables an earlier edit
// renamed.
func buildAndDump(t *testing.T, s *Session, fsys fstest.MapFS, vars map[string]any, like *Session) map[string][]string {
	t.Helper()
	ctx := context.Background()
	res, err := s.Build(ctx, fsys, Options{Vars: vars})
	if err != nil || !res.OK {
		t.Fatalf("build: %v %+v", err, res)
	}
	if like == nil {
		like = s
	}
	tables, err := like.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, st := range res.Steps {
		out["steps"] = append(out["steps"], fmt.Sprintf("%s %s %s %s %d", st.Kind, st.Name, st.Status, st.Relation, st.Rows))
	}
	for _, tb := range tables {
		q, err := s.Query(ctx, fmt.Sprintf("select * from %q.%q", tb.Schema, tb.Name), 0)
		if err != nil {
			t.Fatal(err)
		}
		rows := []string{strings.Join(q.Columns, ",")}
		var body []string
		for _, r := range q.Rows {
			body = append(body, fmt.Sprintf("%#v", r))
		}
		sort.Strings(body)
		out[tb.Schema+"."+tb.Name] = append(rows, body...)
	}
	return out
}

// A render that read a table's columns is reused while that table keeps
// its version, without asking SQLite again; the table rebuilt with another
// column, changed by a query behind the engine's back, or a view whose
// table changed under it, render it again.
func TestMemoizedColumnsFollowTheirTable(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml":  "name: p\n",
		"seeds/people.csv": "id,name\n1,ann\n2,bob\n",
		"models/base.sql":  "select id, name from {{ ref('people') }}\n",
		"models/eph.sql":   "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('base') }}\n",
		"models/cols.sql":  "select 1 as one{% if execute %}{% for c in adapter.get_columns_in_relation(ref('base')) %}, {{ c.name }}{% endfor %}{% endif %} from {{ ref('base') }}\n",
		"models/ecols.sql": "select 1 as one{% if execute %}{% for c in adapter.get_columns_in_relation(ref('eph')) %}, {{ c.name }} as e_{{ c.name }}{% endfor %}{% endif %} from {{ ref('eph') }}\n",
	}
	edit := func(path, text string) map[string]string { return withFile(base, path, text) }
	expectLongSessionMatchesFresh(t, []sessionStep{
		{"first build", base, ""},
		{"unchanged", base, ""},
		{"upstream gains a column", edit("models/base.sql", "select id, name, 7 as extra from {{ ref('people') }}\n"), ""},
		{"upstream back", base, ""},
		{"upstream rows change, its columns do not", edit("models/base.sql", "select id, name from {{ ref('people') }} where id > 1\n"), ""},
		{"then it gains a column", edit("models/base.sql", "select id, name, 7 as extra from {{ ref('people') }} where id > 1\n"), ""},
		{"and loses it with other rows", edit("models/base.sql", "select id, name from {{ ref('people') }} where id < 2\n"), ""},
		{"a query adds a column behind the engine", base, "alter table main.base add column z"},
		{"unchanged after the query", base, ""},
	})
}

// A column holding values of several types takes the type of its first
// value in the table's order, whether the build answers from the rows it
// read as it wrote the table or asks SQLite, whose index on the column
// would put another value first.
func TestColumnTypesOfMixedColumnsDoNotDependOnTheRead(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml": "name: p\n",
		"models/a.sql":    "{{ config(indexes=[{'columns': ['v']}]) }}\nselect 'x' as v union all select 1\n",
		"models/b.sql":    "select 1 as one{% if execute %}{% for c in adapter.get_columns_in_relation(ref('a')) %}, '{{ c.data_type }}' as {{ c.name }}_type{% endfor %}{% endif %}\n",
	}
	expectLongSessionMatchesFresh(t, []sessionStep{
		{"first build", base, ""},
		{"the reading model alone changes", withFile(base, "models/b.sql", base["models/b.sql"]+"-- edited\n"), ""},
	})
}

// A render's run_query over tables the engine built is reused while those
// tables keep their versions, without running the query again; a seed or
// upstream change, a query writing behind the engine, or an ephemeral
// model's view (asked again every time) render it again when the answer
// would differ.
func TestMemoizedQueriesFollowTheirTables(t *testing.T) {
	base := map[string]string{
		"dbt_project.yml":  "name: p\n",
		"seeds/people.csv": "id,name\n1,ann\n2,bob\n",
		"models/base.sql":  "select id, name from {{ ref('people') }}\n",
		"models/eph.sql":   "{{ config(materialized='ephemeral') }}\nselect * from {{ ref('base') }} where id > 1\n",
		// One query a model, so that each answer is judged alone.
		"models/qbase.sql": "select {{ run_query('select count(*) from ' ~ ref('base')).rows[0][0] if execute else 0 }} as n\n",
		"models/qeph.sql":  "select '{{ run_query('select group_concat(name) from ' ~ ref('eph')).rows[0][0] if execute else '' }}' as e\n",
		"models/qseed.sql": "select {{ run_query('select max(id) from ' ~ ref('people')).rows[0][0] if execute else 0 }} as s\n",
	}
	edit := func(path, text string) map[string]string { return withFile(base, path, text) }
	expectLongSessionMatchesFresh(t, []sessionStep{
		{"first build", base, ""},
		{"unchanged", base, ""},
		{"a seed row more", edit("seeds/people.csv", "id,name\n1,ann\n2,bob\n3,cy\n"), ""},
		{"upstream filters", edit("models/base.sql", "select id, name from {{ ref('people') }} where id < 3\n"), ""},
		{"back to the start", base, ""},
		{"a query adds a row behind the engine", base, "insert into main.base values (9, 'zed')"},
		{"unchanged after the query", base, ""},
	})
}

// sessionStep is one Run of a long session: the project's files, after a
// query the session runs first (when given).
type sessionStep struct {
	name   string
	files  map[string]string
	before string
}

// expectLongSessionMatchesFresh runs the steps in one session and checks
// that each step's tables are those of a fresh build of the same files.
func expectLongSessionMatchesFresh(t *testing.T, steps []sessionStep) {
	t.Helper()
	ctx := context.Background()
	long, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer long.Close()
	for _, st := range steps {
		if st.before != "" {
			if _, err := long.Query(ctx, st.before, 0); err != nil {
				t.Fatal(err)
			}
		}
		fsys := fstest.MapFS{}
		for name, text := range st.files {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		fresh, err := Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		want := buildAndDump(t, fresh, fsys, nil, nil)
		got := buildAndDump(t, long, fsys, nil, fresh)
		fresh.Close()
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the reused session built other tables (-fresh +reused):\n%s", st.name, diff)
		}
	}
}

// withFile is files with path's text replaced.
func withFile(files map[string]string, path, text string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		out[k] = v
	}
	out[path] = text
	return out
}
