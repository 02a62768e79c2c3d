package dialect

import "testing"

// INFORMATION_SCHEMA.TABLES, COLUMNS and SCHEMATA list the relations built
// here, each schema by dbt's name, the engine's own tables left out.
func TestInformationSchema(t *testing.T) {
	const setup = `attach ':memory:' as events;
		create table t(id integer not null, a text);
		create view v as select id from t;
		create table events.e(x real);
		create table _nexus_types(y);`
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select table_schema, table_name, table_type from wh.information_schema.tables where table_schema ilike 'analytics%' order by 1, 2",
			"analytics|t|BASE TABLE\nanalytics|v|VIEW\nanalytics_events|e|BASE TABLE"},
		{duckdb, "select distinct t.table_catalog, t.table_name from information_schema.tables t where t.table_name not ilike 'v' order by 2", "WH|e\nWH|t"},
		{snowflake, "select table_schema, table_name from information_schema.tables where table_name ilike 'E'", "ANALYTICS_EVENTS|E"},
		{bigquery, "select table_name from `wh`.analytics_events.INFORMATION_SCHEMA.TABLES", "e"},
		{bigquery, "select schema_name from wh.INFORMATION_SCHEMA.SCHEMATA order by 1", "analytics\nanalytics_events"},
		{duckdb, "select table_name, column_name, ordinal_position, data_type, is_nullable from information_schema.columns order by 1, 3", "e|x|1|REAL|YES\nt|id|1|INTEGER|NO\nt|a|2|TEXT|YES\nv|id|1|INTEGER|YES"},
	} {
		sql, err := TranslateWith(c.in, Options{Dialect: c.d, Schemas: NewSchemas("WH", "analytics", []string{"events"})})
		if err != nil {
			t.Errorf("%s: %q: %v", c.d, c.in, err)
			continue
		}
		got, err := runWith(setup, sql)
		if err != nil || got != c.want {
			t.Errorf("%s: %q ran as %q\n got %q (%v)\nwant %q", c.d, c.in, sql, got, err, c.want)
		}
	}
	// without dbt's schema names (a root generate_schema_name), SQLite's
	sql, err := TranslateWith("select table_schema, table_name from information_schema.tables order by 1, 2", Options{Dialect: duckdb})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := runWith(setup, sql); err != nil || got != "events|e\nmain|t\nmain|v" {
		t.Errorf("ran as %q: got %q (%v)", sql, got, err)
	}
}
