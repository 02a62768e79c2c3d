package dialect

import "testing"

// DuckDB's macros: the session's user and role, fdiv.
func TestDuckDBMacros(t *testing.T) {
	expectTranslated(t, duckdb, "select current_user, current_role, session_user, user, current_user()", "select 'duckdb', 'duckdb', 'duckdb', 'duckdb', 'duckdb'")
	// a column of the name is the column
	expectTranslated(t, duckdb, "select user from (select 1 as user)", "select user from (select 1 as user)")
	expectTranslated(t, duckdb, "select fdiv(a, 2) from t", "select floor(divide(a, 2, 'duckdb', 1)) from t")
	expectRows(t, duckdb, "select fdiv(-7, 2)", "-4.0")
	expectRows(t, duckdb, "select arg_max_nulls_last(a, b), arg_min_nulls_last(a, b) from (values (1, null), (null, 5), (3, 4)) v(a, b)", "NULL|3")
	expectRows(t, duckdb, "select struct_contains((1, 'a'), 'a'), struct_position((1, 'a'), 'a')", "1|2")
}
