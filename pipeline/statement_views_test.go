package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// A view an operation creates over a table of another schema, or over a
// CSV file of the project (dbt-external-tables' stage_external_sources on
// DuckDB), is there for the commands after it, in another process too, and
// for a query of the built tables.
func TestStatementViewAcrossCommands(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("commands sharing a database file are native only: the js/wasm build keeps databases in memory")
	}
	ctx := context.Background()
	file := t.TempDir() + "/p.db"
	fsys := fstest.MapFS{
		"dbt_project.yml":  {Data: []byte("name: p\nseeds:\n  p:\n    +schema: raw\n")},
		"seeds/people.csv": {Data: []byte("id,name\n1,ann\n2,bob\n3,cy\n")},
		"csvs/album.csv":   {Data: []byte("id,title\n1,Blue\n2,Red\n")},
		"macros/stage.sql": {Data: []byte(`{% macro stage() %}
{% do run_query("create schema if not exists stage") %}
{% do run_query("create or replace view stage.people_v as select id, name from " ~ ref('people') ~ " where id > 1") %}
{% do run_query("create or replace view stage.album as select * from read_csv_auto('csvs/album.csv')") %}
{% endmacro %}
`)},
		"models/both.sql": {Data: []byte("select p.name, a.title from stage.people_v p join stage.album a on a.id = p.id\n")},
	}
	command := func(o Options) *Result {
		t.Helper()
		s, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		o.Dialect = dialect.DuckDB
		res, err := s.Build(ctx, fsys, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range res.Diagnostics {
			t.Errorf("%s: %s", o.Command, d.Message)
		}
		return res
	}
	command(Options{Command: CmdSeed})
	command(Options{Command: CmdRunOperation, Operation: "stage"})
	command(Options{Command: CmdRun})
	s, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tab, err := s.QueryIn(ctx, dialect.DuckDB, "select name, title from main.both", 0)
	if err != nil || len(tab.Rows) != 1 || tab.Rows[0][0] != "bob" || tab.Rows[0][1] != "Red" {
		t.Errorf("main.both: %v, %v; want bob, Red", tab, err)
	}
	tab, err = s.QueryIn(ctx, dialect.DuckDB, "select count(*) from stage.people_v", 0)
	if err != nil || len(tab.Rows) != 1 || fmt.Sprint(tab.Rows[0][0]) != "2" {
		t.Errorf("stage.people_v: %v, %v; want 2 rows", tab, err)
	}
}
