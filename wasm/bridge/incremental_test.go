package bridge

import (
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
)

// The page's session keeps its tables between Runs: a second build is
// incremental, and full_refresh rebuilds.
func TestBuildsAreIncrementalUntilFullRefresh(t *testing.T) {
	b := New(":memory:")
	files := map[string]string{
		"dbt_project.yml":   "name: inc\n",
		"models/events.sql": "{{ config(materialized='incremental') }}\nselect {{ 2 if is_incremental() else 1 }} as id\n",
	}
	for i, tc := range []struct {
		fullRefresh bool
		line        string
		rows        int64
	}{
		{false, "OK created table main.events (1 rows)", 1},
		{false, "OK append 1 row into main.events (2 rows)", 2},
		{false, "OK append 1 row into main.events (3 rows)", 3},
		{true, "OK created table main.events (1 rows)", 1},
	} {
		var steps []pipeline.Step
		resp := roundTrip(t, b, Request{Op: "build", Command: "run", Files: files, Exclude: []string{"package:nexus"}, FullRefresh: tc.fullRefresh}, &steps)
		if !resp.OK || len(steps) != 1 || !strings.Contains(steps[0].Line, tc.line) {
			t.Fatalf("build %d: ok %v, steps %+v, want %q", i+1, resp.OK, steps, tc.line)
		}
		q := roundTrip(t, b, Request{Op: "query", SQL: "select count(*) as n, max(id) as top from events"}, nil)
		row := q.Result.(map[string]any)["rows"].([]any)[0].([]any)
		if n := int64(row[0].(float64)); n != tc.rows {
			t.Fatalf("build %d: events has %d rows, want %d", i+1, n, tc.rows)
		}
	}
}

// A second build reuses the unchanged models and says so; rebuild_all
// builds them again.
func TestBuildsReuseUntilRebuildAll(t *testing.T) {
	b := New(":memory:")
	files := map[string]string{
		"dbt_project.yml": "name: reuse\n",
		"models/a.sql":    "select 1 as id\n",
		"models/b.sql":    "select id + 1 as id from {{ ref('a') }}\n",
	}
	for i, tc := range []struct {
		edit       string
		rebuildAll bool
		want       []string
	}{
		{"", false, []string{"", ""}},
		{"", false, []string{"reused: unchanged", "reused: unchanged"}},
		{"select 2 as id\n", false, []string{"rebuilt: SQL changed", "rebuilt: upstream a rebuilt"}},
		{"", true, []string{"rebuilt: rebuild all", "rebuilt: rebuild all"}},
	} {
		if tc.edit != "" {
			files["models/a.sql"] = tc.edit
		}
		var steps []pipeline.Step
		resp := roundTrip(t, b, Request{Op: "build", Command: "run", Files: files, Exclude: []string{"package:nexus"}, RebuildAll: tc.rebuildAll}, &steps)
		if !resp.OK || len(steps) != 2 {
			t.Fatalf("build %d: ok %v, steps %+v", i+1, resp.OK, steps)
		}
		for j, st := range steps {
			if st.Reuse != tc.want[j] {
				t.Errorf("build %d: %s: reuse %q, want %q", i+1, st.Name, st.Reuse, tc.want[j])
			}
		}
	}
	q := roundTrip(t, b, Request{Op: "query", SQL: "select id from b"}, nil)
	if row := q.Result.(map[string]any)["rows"].([]any)[0].([]any); row[0].(float64) != 3 {
		t.Errorf("b holds %v, want 3", row[0])
	}
}
