package dialect

import "testing"

func TestSessionFunctions(t *testing.T) {
	o := Options{Dialect: Snowflake, Session: Session{Database: "analytics", Schema: "dbt_ann", User: "ann", Role: "transformer", Warehouse: "transforming"}}
	for _, c := range []struct{ in, want string }{
		{"select current_database(), current_schema()", "select 'ANALYTICS', 'DBT_ANN'"},
		{"select CURRENT_USER(), current_role(),\n current_warehouse()", "select 'ANN', 'TRANSFORMER',\n 'TRANSFORMING'"},
		{"select current_database() || '.' || current_schema() as here", "select 'ANALYTICS' || '.' || 'DBT_ANN' as here"},
	} {
		got, err := TranslateWith(c.in, o)
		if err != nil || got != c.want {
			t.Errorf("%q:\n got  %q, %v\n want %q", c.in, got, err, c.want)
		}
	}
	// the account identifier names the organization and the account, or
	// as a legacy locator the account's locator
	for _, c := range []struct{ account, want string }{
		{"myorg-my_account", "select 'MYORG', 'MY_ACCOUNT', NULL"},
		{"xy12345.us-east-2.aws", "select NULL, NULL, 'XY12345'"},
		{"xy12345", "select NULL, NULL, 'XY12345'"},
		{"", "select NULL, NULL, NULL"},
	} {
		got, err := TranslateWith("select current_organization_name(), current_account_name(), current_account()", Options{Dialect: Snowflake, Session: Session{Account: c.account}})
		if err != nil || got != c.want {
			t.Errorf("account %q:\n got  %q, %v\n want %q", c.account, got, err, c.want)
		}
	}
	// DuckDB's catalog is named as written (dbt-duckdb's path's stem)
	got, err := TranslateWith("select current_database() as db", Options{Dialect: DuckDB, Session: Session{Database: "dev", Schema: "main"}})
	if want := "select 'dev' as db"; err != nil || got != want {
		t.Errorf("DuckDB current_database():\n got  %q, %v\n want %q", got, err, want)
	}
	// its schema is main whatever the target's (dbt-duckdb never changes
	// the connection's), and version() the DuckDB release checked against
	got, err = TranslateWith("select current_schema() as s, version() as v", Options{Dialect: DuckDB, Session: Session{Database: "dev", Schema: "analytics"}})
	if want := "select 'main' as s, 'v2.0.0' as v"; err != nil || got != want {
		t.Errorf("DuckDB current_schema(), version():\n got  %q, %v\n want %q", got, err, want)
	}
	expectTranslated(t, duckdb, "select current_database()", "select 'memory'")
	// without a target value the function is NULL, as with no database in use
	expectTranslated(t, snowflake, "select current_warehouse(), current_database()", "select NULL, NULL")
}

func TestDuckDBNanosecondParts(t *testing.T) {
	expectRefused(t, duckdb, "select a,\n  date_part('nanosecond', ts) from t", "2:13: the date part nanosecond: DuckDB refuses nanosecond parts on a DATE, TIMESTAMP or TIMESTAMPTZ (extract specifier not recognized) (write nanosecond(ts) for the nanoseconds of the minute, epoch_ns(ts) for those since 1970, or a microsecond part)")
	expectRefused(t, duckdb, "select extract(ns from ts) from t", "1:8: the date part ns: DuckDB refuses nanosecond parts on a DATE, TIMESTAMP or TIMESTAMPTZ (extract specifier not recognized) (write nanosecond(ts) for the nanoseconds of the minute, epoch_ns(ts) for those since 1970, or a microsecond part)")
	expectRefused(t, duckdb, "select date_diff('epoch_ns', a, b) from t", "1:18: the date part epoch_ns: DuckDB refuses nanosecond parts on a DATE, TIMESTAMP or TIMESTAMPTZ (extract specifier not recognized) (write nanosecond(ts) for the nanoseconds of the minute, epoch_ns(ts) for those since 1970, or a microsecond part)")
	expectRefused(t, duckdb, "select pg_typeof(a) from t", "1:8: PG_TYPEOF is not supported: SQLite's typeof names its storage classes (integer, real, text), not the warehouse's types (test the value itself: json_type(x) for JSON, or x = cast(x as integer))")
	// the nanoseconds of the minute stay nanosecond(ts); a column named ns is read
	expectTranslated(t, duckdb, "select nanosecond(ts), date_part('microsecond', ts), ns from t", "select (datetime_part_duckdb('microsecond', ts) * 1000), datetime_part_duckdb('microsecond', ts), ns from t")
}
