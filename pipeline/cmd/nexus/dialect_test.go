package main

import (
	"strings"
	"testing"
)

// --dialect overrides the warehouse of profiles.yml for every command that
// renders; an unknown one is a usage error.
func TestCLIDialect(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"dbt_project.yml":   "name: shop\nprofile: shop\n",
		"profiles.yml":      "shop:\n  target: dev\n  outputs:\n    dev:\n      type: bigquery\n",
		"models/wh.sql":     "select '{{ target.type }}' as wh",
		"models/reader.sql": "select 1 as x {% if target.type == 'snowflake' %}from {{ ref('wh') }}{% endif %}",
	})
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"compile", "--project-dir", dir, "wh"}, 0, "select 'bigquery' as wh"},
		{[]string{"compile", "--project-dir", dir, "--dialect", "duckdb", "wh"}, 0, "select 'duckdb' as wh"},
		{[]string{"compile", "--project-dir", dir, "--dialect", "SQLite", "wh"}, 0, "select 'sqlite' as wh"},
		{[]string{"run", "--project-dir", dir, "--db", ":memory:", "--select", "wh", "--dialect", "snowflake"}, 0, "OK created table main.wh (1 rows)"},
		{[]string{"ls", "--project-dir", dir, "--select", "+reader", "--dialect", "snowflake"}, 0, "model   shop.wh"},
		{[]string{"run", "--project-dir", dir, "--db", ":memory:", "--dialect", "postgres"}, 2, `--dialect: unknown dialect "postgres": use one of bigquery, snowflake, duckdb, sqlite`},
	}
	for _, tc := range tests {
		code, out, errOut := runCLI(tc.args...)
		if code != tc.wantCode || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%v: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q", tc.args, code, tc.wantCode, out, errOut, tc.want)
		}
	}
	// Without the override, ls sees bigquery's graph: reader reads nothing.
	if _, out, _ := runCLI("ls", "--project-dir", dir, "--select", "+reader"); strings.Contains(out, "shop.wh") {
		t.Errorf("bigquery graph lists wh:\n%s", out)
	}
}
