package pipeline

import (
	"context"
	"fmt"
	"testing"
	"testing/fstest"
)

// A chain of CTEs that each read the previous one twice grows past
// SQLite's nesting limit when inlined; the model is then built one CTE at a
// time and gives the statement's result. A singular test's own
// config(tags=...) counts for tag: selectors.
func TestStagedCTEsAndSingularTestTags(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml":       {Data: []byte("name: p\n")},
		"models/deep.sql":       {Data: []byte("with d0 as (select 1 as a, 1 as b),\nd1 as (select * from d0 union select d.a, d.b + 1 from d0 d),\nd2 as (select * from d1 union select d.a, d.b + 1 from d1 d),\nd3 as (select * from d2 union select d.a, d.b + 1 from d2 d),\nd4 as (select * from d3 union select d.a, d.b + 1 from d3 d),\nd5 as (select * from d4 union select d.a, d.b + 1 from d4 d),\nd6 as (select * from d5 union select d.a, d.b + 1 from d5 d),\nd7 as (select * from d6 union select d.a, d.b + 1 from d6 d),\nd8 as (select * from d7 union select d.a, d.b + 1 from d7 d),\nd9 as (select * from d8 union select d.a, d.b + 1 from d8 d),\nd10 as (select * from d9 union select d.a, d.b + 1 from d9 d)\nselect count(*) as n, max(b) as top from d10\n")},
		"models/deep_inc.sql":   {Data: []byte("{{ config(materialized='incremental', unique_key='n') }}\nwith d0 as (select 1 as a, 1 as b),\nd1 as (select * from d0 union select d.a, d.b + 1 from d0 d),\nd2 as (select * from d1 union select d.a, d.b + 1 from d1 d),\nd3 as (select * from d2 union select d.a, d.b + 1 from d2 d),\nd4 as (select * from d3 union select d.a, d.b + 1 from d3 d),\nd5 as (select * from d4 union select d.a, d.b + 1 from d4 d),\nd6 as (select * from d5 union select d.a, d.b + 1 from d5 d),\nd7 as (select * from d6 union select d.a, d.b + 1 from d6 d),\nd8 as (select * from d7 union select d.a, d.b + 1 from d7 d),\nd9 as (select * from d8 union select d.a, d.b + 1 from d8 d),\nd10 as (select * from d9 union select d.a, d.b + 1 from d9 d)\nselect count(*) as n, max(b) as top from d10\n")},
		"models/flat.sql":       {Data: []byte("with a as (select 1 as x), b(y) as (select x + 1 from a) select y from b\n")},
		"tests/deep_counts.sql": {Data: []byte("{{ config(tags=['invariant']) }}\nselect * from {{ ref('deep') }} where n != 11 or top != 11\n")},
		"tests/untagged.sql":    {Data: []byte("select * from {{ ref('flat') }} where y != 2\n")},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun})
	if err != nil || !res.OK {
		t.Fatalf("run: %v %+v", err, res.Diagnostics)
	}
	// The second run adds to the incremental model from a temporary table.
	if res, err = s.Build(context.Background(), fsys, Options{Command: CmdRun, Select: []string{"deep_inc"}}); err != nil || !res.OK {
		t.Fatalf("incremental run: %v %+v", err, res.Diagnostics)
	}
	res, err = s.Build(context.Background(), fsys, Options{Command: CmdTest, Select: []string{"tag:invariant"}})
	if err != nil || !res.OK {
		t.Fatalf("test: %v %+v", err, res.Diagnostics)
	}
	var ran []string
	for _, st := range res.Steps {
		ran = append(ran, st.Name+" "+st.Status)
	}
	if fmt.Sprint(ran) != "[deep_counts PASS]" {
		t.Errorf("tag:invariant ran %v, want [deep_counts PASS]", ran)
	}
	for _, q := range []struct{ sql, want string }{
		{"select n || ',' || top from deep", "11,11"},
		{"select y from flat", "2"},
		{"select count(*) || ',' || n || ',' || top from deep_inc", "1,11,11"},
		{"select count(*) from sqlite_temp_master where name like 'd%'", "0"},
	} {
		tab, err := s.Query(context.Background(), q.sql, 1)
		if err != nil || fmt.Sprint(tab.Rows[0][0]) != q.want {
			t.Errorf("%s: %v %v, want %s", q.sql, tab, err, q.want)
		}
	}
}
