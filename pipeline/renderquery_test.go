package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// SQL a model's Jinja runs while it renders (run_query and the dbt_utils
// macros built on it) is in the warehouse's SQL, like the model: it is
// translated the same way and answers as the warehouse does.
func TestRenderTimeQueriesSpeakTheDialect(t *testing.T) {
	const base = "select 1 as id, 'b' as kind, '2024-01-02 10:30:00' as created_at\n" +
		"union all select 2, 'a', '2024-01-05 08:00:00'\nunion all select 3, 'a', '2024-01-03 23:59:59'\n"
	cases := []struct {
		name  string
		d     dialect.Dialect
		model string
		want  string
	}{
		{"BigQuery safe_cast through get_single_value", dialect.BigQuery,
			"select '{{ dbt_utils.get_single_value(\"select coalesce(safe_cast('x7' as int64), -1) + safe_cast('7' as int64)\") }}' as answer\n",
			"6"},
		{"BigQuery date_trunc through run_query", dialect.BigQuery,
			"{% set r = run_query(\"select cast(max(date_trunc(date(cast(created_at as timestamp)), month)) as string) from \" ~ ref('base')) %}\n" +
				"select '{{ r.rows[0][0] if execute else '' }}' as answer\n",
			"2024-01-01"},
		{"Snowflake qualify through get_column_values", dialect.Snowflake,
			"{% set q = \"(select kind from \" ~ ref('base') ~ \" qualify row_number() over (partition by kind order by id) = 1)\" %}\n" +
				"select '{{ run_query(\"select listagg(kind, ',') within group (order by kind) from \" ~ q ~ \" as k\").rows[0][0] if execute else '' }}' as answer\n",
			"a,b"},
		{"Snowflake iff through get_query_results_as_dict", dialect.Snowflake,
			"{% set d = dbt_utils.get_query_results_as_dict(\"select iff(count(*) > 2, 'many', 'few') as size from \" ~ ref('base')) %}\n" +
				"select '{{ d['SIZE'][0] if execute else '' }}' as answer\n",
			"many"},
		{"Snowflake statement and load_result data", dialect.Snowflake,
			"{% call statement('latest', fetch_result=True) %}\nselect kind from {{ ref('base') }}\nqualify row_number() over (order by id desc) = 1\n{% endcall %}\n" +
				"select '{{ load_result('latest')['data'][0][0] if execute else '' }}' as answer\n",
			"a"},
		{"BigQuery statement and load_result table", dialect.BigQuery,
			"{% call statement('n', fetch_result=True) %}select countif(kind = 'a') as n from {{ ref('base') }}{% endcall %}\n" +
				"select '{{ load_result('n').table.columns[0].values()[0] if execute else '' }}' as answer\n",
			"2"},
		{"statement without fetch_result keeps the response, not the rows", dialect.Snowflake,
			"{% call statement('all') %}select kind from {{ ref('base') }}{% endcall %}\n{% set r = load_result('all') %}\n" +
				"select '{{ (r['data']|length ~ '/' ~ r.table.column_names|length ~ '/' ~ r['response']['rows_affected']) if execute else '' }}' as answer\n",
			"0/0/3"},
		{"statement with fetch_result=False, positional", dialect.DuckDB,
			"{% call statement('all', False) %}select kind from {{ ref('base') }}{% endcall %}\n" +
				"select '{{ load_result('all')['data']|length if execute else '' }}' as answer\n",
			"0"},
		{"BigQuery dates through get_intervals_between", dialect.BigQuery,
			"select '{{ dbt_utils.get_intervals_between(\"date '2024-01-31'\", \"date '2024-03-01'\", 'month') if execute else '' }}' as answer\n",
			"2"},
		{"DuckDB date_trunc and qualify", dialect.DuckDB,
			"{% set r = run_query(\"select strftime(date_trunc('day', created_at::timestamp), '%Y-%m-%d') as day from \" ~ ref('base') ~ \" qualify row_number() over (order by created_at desc) = 1\") %}\n" +
				"select '{{ r.rows[0][0] if execute else '' }}' as answer\n",
			"2024-01-05"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := openSession(t)
			fsys := fstest.MapFS{
				"dbt_project.yml": {Data: []byte("name: shop\n")},
				"packages.yml":    {Data: []byte("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n")},
				"models/base.sql": {Data: []byte(base)},
				"models/m.sql":    {Data: []byte(c.model)},
			}
			// Twice: the second build renders from the memo.
			for run := 0; run < 2; run++ {
				res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Dialect: c.d})
				if err != nil {
					t.Fatal(err)
				}
				if !res.OK {
					t.Fatalf("run %d: build failed: %v", run, res.Diagnostics)
				}
				rel := ""
				for _, st := range res.Steps {
					if st.Name == "m" {
						rel = st.Relation
					}
				}
				q, err := s.Query(ctx, "select answer from "+rel, 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(q.Rows) != 1 || fmt.Sprint(q.Rows[0][0]) != c.want {
					t.Errorf("run %d: answer %v, want %q", run, q.Rows, c.want)
				}
			}
		})
	}
}

// A query a macro runs that the translator refuses names the model's line
// calling the macro and the macro's file and line.
func TestRenderTimeQueryRefusalNamesTheCall(t *testing.T) {
	const macros = "{% macro latest(rel) %}\n  {% set r = run_query(\"select array_agg(id) from \" ~ rel) %}\n  {{ return(r) }}\n{% endmacro %}\n"
	cases := []struct {
		name  string
		d     dialect.Dialect
		model string
		want  []string
	}{
		{"in the model", dialect.SQLite,
			"select 1 as id\n{% if execute %}{% do run_query('select array_agg(1)') %}{% endif %}\n",
			[]string{"models/m.sql:2: run_query: ARRAY_AGG is not supported by SQLite"}},
		{"in a macro", dialect.SQLite,
			"select 1 as id\n\n{% if execute %}{% do latest(ref('base')) %}{% endif %}\n",
			[]string{"models/m.sql:3: run_query: ARRAY_AGG is not supported by SQLite", "(in macro latest at macros/q.sql:2)"}},
		{"in a statement block", dialect.SQLite,
			"select 1 as id\n{% call statement('x', fetch_result=True) %}\nselect array_agg(1)\n{% endcall %}\n",
			[]string{"models/m.sql:2: statement(\"x\"): ARRAY_AGG is not supported by SQLite", "(line 2 of the query)"}},
		{"MERGE on BigQuery", dialect.BigQuery,
			"select 1 as id\n{% if execute %}{% do run_query('merge into t using u on t.id = u.id\\nwhen matched then insert (a) values (1)') %}{% endif %}\n",
			[]string{"models/m.sql:2: run_query: this form of MERGE INTO is not supported by SQLite", "(line 1 of the query)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := openSession(t)
			fsys := fstest.MapFS{
				"dbt_project.yml": {Data: []byte("name: shop\n")},
				"macros/q.sql":    {Data: []byte(macros)},
				"models/base.sql": {Data: []byte("select 1 as id\n")},
				"models/m.sql":    {Data: []byte(c.model)},
			}
			res, err := s.Build(ctx, fsys, Options{Command: CmdRun, Dialect: c.d})
			if err != nil {
				t.Fatal(err)
			}
			if res.OK || len(res.Diagnostics) == 0 {
				t.Fatal("built; want it to fail")
			}
			got := res.Diagnostics[0].Error()
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("got %q\nwant it to hold %q", got, w)
				}
			}
		})
	}
}

// dbt_utils.get_relations_by_pattern reads the engine's catalog: the built
// tables and views by schema and name pattern (any case, \ escapes), those
// matching exclude left out, the engine's own tables never. A relation's
// schema is dbt's name for it (<target schema>_<custom>), and a pattern may
// name it so.
func TestRelationsByPattern(t *testing.T) {
	cases := []struct{ call, want string }{
		{"dbt_utils.get_relations_by_pattern('%', 'STG%')", "main.stg_a,main.stg_b,main_mart.stg_c"},
		{"dbt_utils.get_relations_by_pattern('%', 'stg%', exclude='%b')", "main.stg_a,main_mart.stg_c"},
		{"dbt_utils.get_relations_by_pattern('MAIN_MART', '%')", "main_mart.stg_c"},
		{"dbt_utils.get_relations_by_pattern('%', 'stg\\\\_a')", "main.stg_a"},
		{"dbt_utils.get_relations_by_prefix('main', 'stg')", "main.stg_a,main.stg_b"},
		{"dbt_utils.get_relations_by_pattern('%', '%nexus%')", ""},
		{"dbt_utils.get_relations_by_pattern('nowhere', '%')", ""},
	}
	for _, c := range cases {
		t.Run(c.call, func(t *testing.T) {
			ctx := context.Background()
			s := openSession(t)
			fsys := fstest.MapFS{
				"dbt_project.yml":   {Data: []byte("name: shop\n")},
				"packages.yml":      {Data: []byte("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.3.0\n")},
				"models/stg_a.sql":  {Data: []byte("select 1 as id\n")},
				"models/stg_b.sql":  {Data: []byte("{{ config(materialized='view') }}\nselect 2 as id\n")},
				"models/stg_c.sql":  {Data: []byte("{{ config(schema='mart') }}\nselect 3 as id\n")},
				"models/answer.sql": {Data: []byte("-- depends_on: {{ ref('stg_a') }} {{ ref('stg_b') }} {{ ref('stg_c') }}\n{% set found = " + c.call + " %}\nselect '{% for r in found %}{{ r.schema }}.{{ r.identifier }}{{ ',' if not loop.last }}{% endfor %}' as answer\n")},
			}
			// Twice: the second build renders from the memo.
			for run := 0; run < 2; run++ {
				res, err := s.Build(ctx, fsys, Options{Command: CmdRun})
				if err != nil {
					t.Fatal(err)
				}
				if !res.OK {
					t.Fatalf("run %d: build failed: %v", run, res.Diagnostics)
				}
				q, err := s.Query(ctx, "select answer from answer", 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(q.Rows) != 1 || fmt.Sprint(q.Rows[0][0]) != c.want {
					t.Errorf("run %d: answer %v, want %q", run, q.Rows, c.want)
				}
			}
		})
	}
}
