package oracle

import (
	"context"
	"database/sql"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/realdata"
)

// projectCase is a dbt project built by the pipeline for DuckDB into
// SQLite, and by DuckDB itself from the same rendered SQL.
type projectCase struct {
	name string
	dir  func(t *testing.T) string
	vars map[string]any
	// notDuckDB names the models whose SQL DuckDB cannot run, and why: the
	// test checks that it fails there, and DuckDB reads our table instead.
	notDuckDB map[string]string
	// unstable names, by model, the columns left out of the comparison and
	// why: values no two runs of the warehouse agree on either.
	unstable map[string]map[string]string
}

// processedAt is v0.13's _processed_at: current_timestamp, the time each
// build ran.
var processedAt = map[string]string{"_processed_at": "current_timestamp: the time the build ran"}

var projectCases = []projectCase{
	{
		// The demo is a SQLite project (it has no profile): built for
		// DuckDB, most of it is DuckDB's SQL too, but not these models.
		name: "demo", dir: sample("demo"),
		notDuckDB: map[string]string{
			"gmail_message_participants": "json_each(...).value is JSON in DuckDB, and a union with text casts the text to JSON",
		},
	},
	{name: "quickstart", dir: sample("quickstart")},
	{
		name: "entities", dir: sample("entities"),
		unstable: map[string]map[string]string{"nexus_events": processedAt, "nexus_entities": processedAt, "nexus_relationships": processedAt},
	},
	// Projects written for DuckDB as its users write them: idiomatic
	// DuckDB SQL in staging and marts, dbt_utils, and dbt-nexus sources.
	{name: "duck_shop", dir: project("duck_shop")},
	{name: "duck_saas", dir: project("duck_saas")},
	{name: "duck_ads", dir: project("duck_ads")},
	{name: "duck_log", dir: project("duck_log")},
	{name: "duck_names", dir: project("duck_names")},
	{
		name: "duck_files", dir: project("duck_files"),
		unstable: map[string]map[string]string{"region_read": {"filename": replayPaths}},
	},
	{
		name: "duck_json", dir: project("duck_json"),
		unstable: map[string]map[string]string{"clicks": {"filename": replayPaths}},
	},
	{
		name: "duck_parquet", dir: project("duck_parquet"),
		unstable: map[string]map[string]string{"hive_text": {"filename": replayPaths}},
	},
	{name: "duck_real", dir: project("duck_real")},
	{name: "duck_external", dir: project("duck_external")},
	{name: "duck_expectations", dir: project("duck_expectations")},
	{name: "duck_dates", dir: project("duck_dates")},
	// Every scenario of the v0.13.0 harness, every batch visible: the
	// first build takes the full path of the incremental models.
	v013Case("accretion"), v013Case("birth_singleton"), v013Case("chain_across_batches"), v013Case("chain_within_batch"),
	v013Case("groups_merge"), v013Case("out_of_order"), v013Case("reobserved_watermark"), v013Case("simple_merge"),
}

// replayPaths: the replay gives DuckDB the files' absolute paths, which
// filename = true writes; dbt-duckdb, run in the project's folder, writes
// the relative path as ours does.
const replayPaths = "the replay reads the files by their absolute paths"

func v013Case(scenario string) projectCase {
	return projectCase{
		name: "v0.13.0 integration_tests " + scenario, dir: v013Integration,
		vars:     map[string]any{"it_now": "2100-01-01 00:00:00", "it_scenario": scenario},
		unstable: map[string]map[string]string{"nexus_events": processedAt, "nexus_entities": processedAt},
	}
}

func sample(name string) func(t *testing.T) string {
	return func(*testing.T) string { return filepath.Join("..", "..", "..", "..", "samples", name) }
}

// project is a DuckDB project of testdata/projects.
func project(name string) func(t *testing.T) string {
	return func(*testing.T) string { return filepath.Join("testdata", "projects", name) }
}

// v013Integration is dbt-nexus v0.13.0's consumer project, unpacked from
// the real projects kept beside the repository.
func v013Integration(t *testing.T) string {
	root := realdata.Extract(t, filepath.Join(realdata.Dir(t), "dbt-nexus-v0.13.0-91b50f8.tar.gz"))
	return filepath.Join(root, "integration_tests")
}

// TestProjectsAgreeWithDuckDB builds each project with the pipeline
// (dialect duckdb, into SQLite), runs the same seeds, hooks and rendered
// models on DuckDB, and compares every model's table: columns, and rows as
// a multiset of normalised values.
func TestProjectsAgreeWithDuckDB(t *testing.T) {
	dirs := map[uintptr]string{} // a project's folder, unpacked once
	for _, c := range projectCases {
		key := reflect.ValueOf(c.dir).Pointer()
		if dirs[key] == "" {
			dirs[key] = c.dir(t)
		}
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
			defer cancel()
			ours, steps := buildOurs(ctx, t, dirs[key], c.vars)
			defer ours.Close()
			duck := openDuck(t)
			defer duck.Close()
			built := replayOnDuck(ctx, t, ours, duck, dirs[key], steps, c.notDuckDB)
			names := map[string]bool{}
			for _, st := range steps {
				names[st.Name] = true
			}
			for _, m := range slices.Concat(slices.Collect(maps.Keys(c.notDuckDB)), slices.Collect(maps.Keys(c.unstable))) {
				if !names[m] {
					t.Errorf("the table names model %s, which the build did not run", m)
				}
			}
			for _, st := range built {
				compareRelation(ctx, t, ours, duck, st, c.unstable[st.Name])
			}
		})
	}
}

// ranStep is a node or hook the build ran, with copies of the tables its
// Go part wrote (the identity components) as they were when it ran.
type ranStep struct {
	pipeline.Rendered
	temps []*pipeline.Table
	names []string
}

// buildOurs builds the project into an in-memory SQLite database and
// returns the steps it ran, in order.
func buildOurs(ctx context.Context, t *testing.T, dir string, vars map[string]any) (*pipeline.Session, []ranStep) {
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	var steps []ranStep
	res, err := s.Build(ctx, pipeline.ProjectDir(dir), pipeline.Options{Command: pipeline.CmdBuild, Dialect: dialect.DuckDB, Vars: vars, Once: true,
		Rendered: func(r pipeline.Rendered) {
			st := ranStep{Rendered: r}
			if r.InGo {
				st.names, st.temps = goTables(ctx, t, s, r.SQL)
			}
			steps = append(steps, st)
		}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		for _, st := range res.Steps {
			if st.Status != "OK" && st.Status != "PASS" {
				t.Errorf("%s %s %s: %s", st.Kind, st.Name, st.Status, st.Message)
			}
		}
		t.Fatalf("our build failed: %s", res.Summary)
	}
	return s, steps
}

// goTables copies the temp tables a model's SQL reads that the engine
// wrote in Go while rendering it: DuckDB reads the same rows.
func goTables(ctx context.Context, t *testing.T, s *pipeline.Session, sqlText string) ([]string, []*pipeline.Table) {
	list, err := s.Query(ctx, "SELECT name FROM temp.sqlite_schema WHERE type = 'table'", 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	var tables []*pipeline.Table
	for _, r := range list.Rows {
		name, _ := r[0].(string)
		if !readsTemp(sqlText, name) {
			continue
		}
		tab, err := s.Query(ctx, "SELECT * FROM temp."+quoteIdent(name), 0)
		if err != nil {
			t.Fatal(err)
		}
		names, tables = append(names, name), append(tables, tab)
	}
	return names, tables
}

func openDuck(t *testing.T) *sql.DB {
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	// One connection: temp tables and views, and the session's settings,
	// belong to it.
	duck.SetMaxOpenConns(1)
	// dbt-duckdb's profile for these projects sets the UTC zone; 1.x
	// lambdas, as in TestDuckDBAgrees.
	for _, q := range []string{"SET TimeZone = 'UTC'", "SET lambda_syntax = 'ENABLE_SINGLE_ARROW'"} {
		if _, err := duck.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return duck
}
