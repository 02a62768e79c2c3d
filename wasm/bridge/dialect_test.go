package bridge

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline"
)

// The page's dialect reaches compile and build: target.type follows it,
// and an unknown one is an error that names the choices.
func TestDialectFromPage(t *testing.T) {
	files := map[string]string{
		"dbt_project.yml": "name: shop\n",
		"models/wh.sql":   "select '{{ target.type }}' as wh",
	}
	b := New(":memory:")
	for _, d := range []string{"", "bigquery", "duckdb"} {
		want := d
		if d == "" {
			want = "sqlite"
		}
		resp := roundTrip(t, b, Request{Op: "compile", Files: files, Name: "wh", Dialect: pipeline.Dialect(d)}, nil)
		if !resp.OK || !strings.Contains(resp.Result.(string), "'"+want+"'") {
			t.Errorf("dialect %q: %+v", d, resp)
		}
	}
	resp := roundTrip(t, b, Request{Op: "build", Files: files, Dialect: "postgres"}, nil)
	// A build reports project problems in its result, not as a failed call.
	if res, _ := resp.Result.(map[string]any); res == nil || res["ok"] != false || !strings.Contains(fmt.Sprint(res["diagnostics"]), `unknown dialect "postgres": use one of bigquery, snowflake, duckdb, sqlite`) {
		t.Errorf("unknown dialect: %+v", resp)
	}
}
