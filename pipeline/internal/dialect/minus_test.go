package dialect

import "testing"

// Snowflake's MINUS ends a select list or a FROM item, so it is never an
// implicit alias; elsewhere minus is a name.
func TestSnowflakeMinus(t *testing.T) {
	expectTranslated(t, snowflake, "select 1 minus select 2", "select 1 EXCEPT select 2")
	expectTranslated(t, snowflake, "select a from t minus select a from u", "select a from t EXCEPT select a from u")
	expectTranslated(t, duckdb, "select 1 minus from t", "select 1 minus from t")
}
