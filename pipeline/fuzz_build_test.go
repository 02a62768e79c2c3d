package pipeline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzBuild builds a small project whose model, properties file, seed and
// macro are the fuzzer's, in each dialect: whatever the files hold, the
// build ends (no panic, within its time limit), every failure has a
// message, and no Go runtime error reaches the user.
func FuzzBuild(f *testing.F) {
	seeds := []struct {
		dialect                   byte
		model, props, seed, macro string
	}{
		{0, "select id, name from {{ ref('people') }} where id > {{ var('min', 0) }}", "models:\n  - name: a\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n", "id,name\n1,ann\n2,bo\n", "{% macro twice(x) %}{{ x }} * 2{% endmacro %}"},
		{1, "select struct(1 as a, 'x' as b) as s, [1, 2] as arr, safe_divide(1, 0) as d, {{ twice('3') }} as t", "version: 2\nmodels:\n  - name: a\n    config:\n      materialized: view\n", "id\n1\n", "{% macro twice(x) %}{{ x }} * 2{% endmacro %}"},
		{2, "select v:field::string as f, iff(1 < 2, 'y', 'n') as c from (select parse_json('{\"field\": \"x\"}') as v) qualify row_number() over (order by f) = 1", "models:\n  - name: a\n    data_tests:\n      - dbt_utils.expression_is_true:\n          expression: \"1 = 1\"\n", "a,b\n,\n", ""},
		{3, "{{ config(materialized='incremental', unique_key='id') }}\nselect * exclude (name) from {{ ref('people') }}\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}", "", "id,name\n1,\"a,b\"\n", "{% macro m() %}{% do return(1) %}{% endmacro %}"},
		{4, "select 1 as x union all select 2 as x", "models: [", "", "{% macro %}"},
	}
	for _, s := range seeds {
		f.Add(s.dialect, s.model, s.props, s.seed, s.macro)
	}
	dialects := []Dialect{"sqlite", "bigquery", "snowflake", "duckdb", ""}
	f.Fuzz(func(t *testing.T, d byte, model, props, seed, macro string) {
		fsys := fstest.MapFS{
			"dbt_project.yml":   {Data: []byte("name: fuzz\nprofile: fuzz\n")},
			"models/a.sql":      {Data: []byte(model)},
			"models/b.sql":      {Data: []byte("select * from {{ ref('a') }}")},
			"models/schema.yml": {Data: []byte(props)},
			"seeds/people.csv":  {Data: []byte(seed)},
			"macros/m.sql":      {Data: []byte(macro)},
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		s, err := Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		res, err := s.Build(ctx, fsys, Options{Command: CmdBuild, Dialect: dialects[int(d)%len(dialects)]})
		if err != nil {
			return // refused before building: a usage error
		}
		for _, st := range res.Steps {
			if st.Status == "ERROR" && st.Message == "" {
				t.Errorf("%s %s failed without a message", st.Kind, st.Name)
			}
			if strings.Contains(st.Message, "runtime error") || strings.Contains(st.Message, "goroutine ") {
				t.Errorf("%s %s: an internal error reached the user: %s", st.Kind, st.Name, st.Message)
			}
		}
		for _, dg := range res.Diagnostics {
			if strings.Contains(dg.Error(), "runtime error") {
				t.Errorf("an internal error reached the user: %s", dg.Error())
			}
		}
	})
}
