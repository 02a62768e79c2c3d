package main

import (
	"strings"
	"testing"
)

// --target picks the output of the project's profile as dbt's --target
// does: target.name, .type, .schema and .database follow it, and its type
// is the dialect unless --dialect overrides it. Without it the profile's
// `target:` is the default, as the page builds.
func TestCLITarget(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"dbt_project.yml": "name: shop\nprofile: shop\n",
		"profiles.yml": "shop:\n  target: dev\n  outputs:\n" +
			"    dev:\n      type: duckdb\n      schema: dev_s\n      database: dev_db\n" +
			"    prod:\n      type: snowflake\n      schema: prod_s\n      database: prod_db\n" +
			"    bq:\n      type: bigquery\n      dataset: bq_s\n      project: bq_p\n",
		"models/t.sql":         "select '{{ target.name }} {{ target.type }} {{ target.schema }} {{ target.database }}' as t",
		"models/prod_only.sql": "{{ config(enabled=target.name == 'prod') }} select 1 as x",
	})
	noProfile := writeProject(t, map[string]string{"dbt_project.yml": "name: shop\n", "models/t.sql": "select 1 as x"})
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"compile", "--project-dir", dir, "t"}, 0, "select 'dev duckdb dev_s dev_db' as t"},
		{[]string{"compile", "--project-dir", dir, "--target", "prod", "t"}, 0, "select 'prod snowflake prod_s prod_db' as t"},
		{[]string{"compile", "--project-dir", dir, "--target", "bq", "t"}, 0, "select 'bq bigquery bq_s bq_p' as t"},
		{[]string{"compile", "--project-dir", dir, "--target", "prod", "--dialect", "duckdb", "t"}, 0, "select 'prod duckdb prod_s prod_db' as t"},
		{[]string{"ls", "--project-dir", dir, "--target", "prod"}, 0, "model   shop.prod_only"},
		{[]string{"run", "--project-dir", dir, "--db", ":memory:", "--target", "prod"}, 0, "OK created table main.prod_only (1 rows)"},
		{[]string{"run", "--project-dir", dir, "--db", ":memory:", "--target", "qa"}, 1, `profiles.yml:4: --target qa: profile "shop" does not have a target named "qa" (the targets of profile "shop" are: dev, prod, bq)`},
		{[]string{"compile", "--project-dir", dir, "--target", "qa", "t"}, 1, `does not have a target named "qa"`},
		{[]string{"compile", "--project-dir", noProfile, "--target", "prod", "t"}, 1, "--target prod: the project has no profiles.yml, so it has no targets"},
	}
	for _, tc := range tests {
		code, out, errOut := runCLI(tc.args...)
		if code != tc.wantCode || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%v: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s\nwant %q", tc.args, code, tc.wantCode, out, errOut, tc.want)
		}
	}
	// The default target leaves prod_only out, as dbt's does.
	if _, out, _ := runCLI("ls", "--project-dir", dir); strings.Contains(out, "prod_only") {
		t.Errorf("dev lists prod_only:\n%s", out)
	}
}
