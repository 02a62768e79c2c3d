package dialect

import "testing"

// A Snowflake temporary table made in a schema is created in temp, with
// that schema as its home, and one named alone has main; a later
// statement naming schema.table reads, writes and drops temp's table.
// DuckDB's and BigQuery's are named alone, main.x finding them; SQLite's
// SQL keeps its names.
func TestTemporaryTablesInASchema(t *testing.T) {
	_, _, created, err := TranslateCreating("create or replace temporary table s.stage as select 1 as a; create temporary table plain as select 1 as a", Options{Dialect: Snowflake})
	if err != nil {
		t.Fatal(err)
	}
	if len(created) != 2 || created[0].Schema != "temp" || created[0].Home != "s" || created[1].Home != "main" {
		t.Fatalf("created %+v, want temp tables homed in s and main", created)
	}
	_, _, created, err = TranslateCreating("create temp table stage as select 1 as a", Options{Dialect: DuckDB})
	if err != nil || len(created) != 1 || created[0].Home != "main" {
		t.Fatalf("created %+v, %v, want a temp table homed in main", created, err)
	}
	temps := func(schema, table string) bool { return (schema == "s" || schema == "main") && table == "stage" }
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{Snowflake, "insert into s.stage select a from s.stage join s.other using (a)", "insert into temp.stage select a from temp.stage join s.other using (a)"},
		{Snowflake, "drop table if exists S.Stage", "drop table if exists temp.Stage"},
		{Snowflake, "delete from s.stage where a in (select a from s.stage)", "delete from temp.stage where a in (select a from temp.stage)"},
		{DuckDB, "select * from main.stage", "select * from temp.stage"},
		{DuckDB, `select * from "memory"."main"."stage"`, "select * from temp.stage"}, // dbt's name of it
		{BigQuery, "insert into main.stage select 1", "insert into temp.stage select 1"},
		{SQLite, "select * from main.stage", "select * from main.stage"},
	} {
		got, err := TranslateWith(c.in, Options{Dialect: c.d, Temporary: temps, Schemas: NewSchemas("memory", "main", nil)})
		if err != nil || got != c.out {
			t.Errorf("%s: %q\n got %q, %v\nwant %q", c.d, c.in, got, err, c.out)
		}
	}
}
