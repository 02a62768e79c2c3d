package pipeline

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

const targetModel = "select '{{ target.type }}' as type, '{{ target.name }}' as name, " +
	"'{{ target.schema }}' as schema, '{{ target.database }}' as db, '{{ target.profile_name }}' as profile"

func profileProject(profile, profiles string) fstest.MapFS {
	fsys := fstest.MapFS{
		"dbt_project.yml":   {Data: []byte("name: shop\n" + profile)},
		"models/target.sql": {Data: []byte(targetModel)},
	}
	if profiles != "" {
		fsys["profiles.yml"] = &fstest.MapFile{Data: []byte(profiles)}
	}
	return fsys
}

// buildTarget builds the target model and returns its row as
// "type name schema db profile", or the build's first error.
func buildTarget(t *testing.T, s *Session, fsys fstest.MapFS, d dialect.Dialect) string {
	t.Helper()
	res, err := s.Build(context.Background(), fsys, Options{Command: CmdRun, Dialect: d})
	if err != nil {
		return "error: " + err.Error()
	}
	if !res.OK {
		return "error: " + res.Diagnostics[0].Error()
	}
	q, err := s.Query(context.Background(), "select * from target", 0)
	if err != nil {
		t.Fatal(err)
	}
	if typ := fmt.Sprint(q.Rows[0][0]); q.Columns[0] == "type" && res.Dialect != typ {
		t.Errorf("the result names dialect %q, target.type is %q", res.Dialect, typ)
	}
	return strings.TrimSpace(fmt.Sprintln(q.Rows[0]...))
}

// The warehouse comes from the profiles.yml target dbt_project.yml names,
// as dbt reads it; --dialect (Options.Dialect) overrides it; without
// either the project is SQLite.
func TestProjectDialect(t *testing.T) {
	bq := "shop:\n  target: prod\n  outputs:\n    dev:\n      type: duckdb\n    prod:\n      type: bigquery\n      project: acme-dw\n      dataset: analytics\n"
	cases := []struct {
		name, profile, profiles string
		override                dialect.Dialect
		want                    string
	}{
		{"no profiles.yml", "profile: shop\n", "", "", "sqlite dev main main shop"},
		{"no profiles.yml, flag", "", "", dialect.DuckDB, "duckdb dev main memory shop"},
		// dbt-duckdb names the database by the path's file, memory without one
		{"duckdb path names the database", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n", "", "duckdb dev main dev shop"},
		{"duckdb database as written", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/dev.duckdb\n      database: dev\n", "", "duckdb dev main dev shop"},
		{"target picks output", "profile: shop\n", bq, "", "bigquery prod analytics acme-dw shop"},
		{"flag overrides profile", "profile: shop\n", bq, dialect.Snowflake, "snowflake prod analytics acme-dw shop"},
		{"single output without target", "profile: wh\n", "wh:\n  outputs:\n    ci:\n      type: Snowflake\n      database: RAW\n      schema: dbt_ci\n", "", "snowflake ci dbt_ci RAW wh"},
		{"sqlite profile", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: sqlite\n", "", "sqlite dev main main shop"},
		{"postgres is refused", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n", "",
			`error: profiles.yml:5: target "dev" of profile "shop" has type postgres, which the playground cannot run`},
		{"postgres with flag", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n", dialect.DuckDB, "duckdb dev main memory shop"},
		{"unknown flag", "", "", "oracle", `error: unknown dialect "oracle"`},
		{"missing profile", "profile: other\n", bq, "", `error: profiles.yml:1: profiles.yml has no profile "other", which dbt_project.yml names`},
		{"missing output", "profile: shop\n", "shop:\n  target: qa\n  outputs:\n    dev:\n      type: duckdb\n", "", `error: profiles.yml:2: profile "shop" has no output "qa" (set ` + "`target:`" + ` to one of: dev)`},
		{"no type", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      schema: x\n", "", "error: profiles.yml:5: output \"dev\" of profile \"shop\" has no `type:`"},
		{"no profile key", "", bq, "", "error: dbt_project.yml:1: profiles.yml is there but dbt_project.yml names no profile"},
		// profiles.yml renders env_var as dbt does; the variables below are never set
		{"env_var defaults", "profile: shop\n", "shop:\n  target: \"{{ env_var('NEXUS_TEST_UNSET_TARGET', 'prod') }}\"\n  outputs:\n    prod:\n      type: \"{{ env_var('NEXUS_TEST_UNSET_TYPE', 'bigquery') }}\"\n      project: acme\n      dataset: \"{{ env_var('NEXUS_TEST_UNSET_DS', 'marts') }}\"\n", "", "bigquery prod marts acme shop"},
		{"credentials without a default are left out", "profile: shop\n", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: bigquery\n      project: \"{{ env_var('NEXUS_TEST_UNSET_PROJECT') }}\"\n      dataset: analytics\n      keyfile: \"{{ env_var('NEXUS_TEST_UNSET_KEY') }}\"\n", "", "bigquery dev analytics main shop"},
		{"a target without a default stops, as in dbt", "profile: shop\n", "shop:\n  target: \"{{ env_var('NEXUS_TEST_UNSET_TARGET') }}\"\n  outputs:\n    dev:\n      type: duckdb\n", "", `error: profiles.yml:2: "{{ env_var('NEXUS_TEST_UNSET_TARGET') }}": `},
	}
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := buildTarget(t, s, profileProject(c.profile, c.profiles), c.override)
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// The same project rebuilt in one session with another dialect renders
// again: the memo's keys include the dialect.
func TestDialectChangeRendersAgain(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fsys := profileProject("", "")
	for _, d := range []dialect.Dialect{dialect.BigQuery, dialect.DuckDB, "", dialect.BigQuery} {
		want := string(d)
		if d == "" {
			want = "sqlite"
		}
		if got := buildTarget(t, s, fsys, d); !strings.HasPrefix(got, want+" ") {
			t.Errorf("dialect %q: got %s", d, got)
		}
	}
}

// Snowflake's session functions answer the target's database and schema
// (in upper case, as Snowflake names unquoted objects) and the profile's
// user, role and warehouse, and the organization and account name of its
// account (orgname-account_name) or its account locator (xy12345.region);
// NULL where the profile has none. A profile
// edited in the same session is read again.
func TestSnowflakeSessionFunctions(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const model = "select current_database() as db, current_schema() as s, coalesce(current_user(), 'none') as u, " +
		"coalesce(current_role(), 'none') as r, coalesce(current_warehouse(), 'none') as w, " +
		"coalesce(current_organization_name() || '/' || current_account_name(), current_account(), 'none') as a"
	full := "shop:\n  target: dev\n  outputs:\n    dev:\n      type: snowflake\n      database: analytics\n      schema: dbt_ann\n" +
		"      user: ann\n      role: transformer\n      warehouse: transforming\n      account: acme-prod\n      password: \"{{ env_var('PW') }}\"\n"
	for _, c := range []struct{ profiles, want string }{
		{full, "ANALYTICS DBT_ANN ANN TRANSFORMER TRANSFORMING ACME/PROD"},
		{strings.Replace(full, "dbt_ann", "dbt_bob", 1), "ANALYTICS DBT_BOB ANN TRANSFORMER TRANSFORMING ACME/PROD"},
		{strings.Replace(full, "acme-prod", "xy12345.us-east-2.aws", 1), "ANALYTICS DBT_ANN ANN TRANSFORMER TRANSFORMING XY12345"},
		{"shop:\n  outputs:\n    dev:\n      type: snowflake\n      user: \"{{ env_var('SNOWFLAKE_USER') }}\"\n      account: \"{{ env_var('SNOWFLAKE_ACCOUNT') }}\"\n", "MAIN MAIN none none none none"},
	} {
		fsys := profileProject("profile: shop\n", c.profiles)
		fsys["models/target.sql"] = &fstest.MapFile{Data: []byte(model)}
		if got := buildTarget(t, s, fsys, ""); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
