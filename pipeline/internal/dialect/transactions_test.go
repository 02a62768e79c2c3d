package dialect

import "testing"

// A project's transaction becomes a savepoint of its own in Snowflake and
// BigQuery SQL; a COMMIT or ROLLBACK with none open does nothing, and a
// scripting block or DuckDB's and SQLite's statements stay as written.
func TestProjectTransactions(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{snowflake, "begin transaction; delete from t; insert into t select 1; commit;", "SAVEPOINT project_transaction; delete from t; insert into t select 1; RELEASE project_transaction;"},
		{snowflake, "start transaction name load; insert into t select 1; rollback work", "SAVEPOINT project_transaction; insert into t select 1; ROLLBACK TO project_transaction; RELEASE project_transaction"},
		{snowflake, "commit", ""},
		{snowflake, "begin; begin work; commit; commit", "SAVEPOINT project_transaction; ; RELEASE project_transaction; "},
		{bigquery, "begin; insert into t select 1; commit transaction", "SAVEPOINT project_transaction; insert into t select 1; RELEASE project_transaction"},
		{bigquery, "rollback transaction", ""},
		{duckdb, "begin transaction; commit", "begin transaction; commit"},
		{sqlite, "begin; commit", "begin; commit"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
}
