package pipeline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A problem in SQL a macro wrote names the model's line calling the macro
// and the macro's file and line, where the fix goes: translation refusals
// and SQLite's and the warehouse functions' errors alike.
func TestErrorInMacroNamesMacroLine(t *testing.T) {
	const macros = "{% macro first_of(col) %}\n  ({{ col }} similar to 'a')\n{% endmacro %}\n\n" +
		"{% macro as_int(col) -%}\ncast({{ col }} as int64)\n{%- endmacro %}\n\n" +
		"{% macro wrapped(col) %}\n  {{ agg(col) }}\n{% endmacro %}\n\n" +
		"{% macro missing() %}\nselect\n  no_such_col\nfrom (select 1 as id)\n{% endmacro %}\n\n" +
		"{% macro agg(col) %}\n  {%- if col %} array_agg( {{- col }}) {% endif -%}\n{% endmacro %}\n"
	cases := []struct {
		name  string
		d     dialect.Dialect
		model string
		want  string
	}{
		{"refusal in a macro", dialect.SQLite, "select\n  id,\n  {{ agg('code') }} as c\nfrom (select 1 as id, 'a' as code)\n",
			"models/m.sql:3: ARRAY_AGG is not supported by SQLite (in the SQL of macro agg, macros/util.sql:20) (use json_group_array(x) for a JSON array or group_concat(x, ',') for text; change macro agg at macros/util.sql:20)"},
		{"refusal through two macros", dialect.SQLite, "select\n  id,\n\n  {{ wrapped('code') }} as c\nfrom (select 1 as id, 'a' as code)\n",
			"models/m.sql:4: ARRAY_AGG is not supported by SQLite (in the SQL of macro agg, macros/util.sql:20) (use json_group_array(x) for a JSON array or group_concat(x, ',') for text; change macro agg at macros/util.sql:20 (reached through wrapped))"},
		{"SQLite syntax error inline", dialect.BigQuery, "select\n  id,\n  {{ first_of('code') }} as c\nfrom (select 1 as id, 'a' as code)\n",
			"models/m.sql:3: near \"similar\": syntax error (in the SQL of macro first_of, macros/util.sql:2)"},
		{"MERGE in a model", dialect.BigQuery, "-- upsert\nmerge into t using u on t.id = u.id\nwhen matched then update set v = u.v\n",
			"models/m.sql:2: model m is a MERGE statement; a model is one select (select the new rows and configure materialized='incremental' with unique_key and incremental_strategy='merge'"},
		{"the model's own line", dialect.SQLite, "select\n  array_agg(code) as c,\n  {{ first_of('id') }} as f\nfrom (select 1 as id, 'a' as code)\n",
			"models/m.sql:2:3: ARRAY_AGG is not supported by SQLite (use json_group_array(x) for a JSON array or group_concat(x, ',') for text)"},
		{"function failure inline", dialect.BigQuery, "select\n  id,\n  {{ as_int('code') }} as c\nfrom (select 1 as id, 'A7' as code)\n",
			"models/m.sql:3: CAST of \"A7\" to an integer failed, as it fails on BigQuery; use SAFE_CAST to get NULL instead (in the SQL of macro as_int, macros/util.sql:6)"},
		{"SQLite error in a macro's lines", dialect.SQLite, "{{ missing() }}\n",
			"models/m.sql:1: no such column: no_such_col (in the SQL of macro missing, macros/util.sql:15)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(context.Background(), ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			fsys := fstest.MapFS{
				// tables: a view's rows fail where they are read
				"dbt_project.yml": {Data: []byte("name: shop\nmodels:\n  +materialized: table\n")},
				"macros/util.sql": {Data: []byte(macros)},
				"models/m.sql":    {Data: []byte(c.model)},
			}
			// Twice: the second run renders from the memo.
			for run := 0; run < 2; run++ {
				res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun, Dialect: c.d})
				if err != nil {
					t.Fatal(err)
				}
				if res.OK || len(res.Diagnostics) == 0 {
					t.Fatalf("run %d: built; want it to fail", run)
				}
				if got := res.Diagnostics[0].Error(); !strings.Contains(got, c.want) {
					t.Errorf("run %d: got %q\nwant it to hold %q", run, got, c.want)
				}
			}
		})
	}
}
