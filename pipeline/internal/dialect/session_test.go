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
	// without a target value the function is NULL, as with no database in use
	expectTranslated(t, snowflake, "select current_warehouse(), current_database()", "select NULL, NULL")
}
