package dialect

import "testing"

// Snowflake casts text to BINARY reading hex, its default input format.
func TestSnowflakeBinaryCasts(t *testing.T) {
	expectTranslated(t, snowflake, "select a::binary, cast(a as varbinary), try_cast(a as binary) from t",
		"select to_binary_snowflake(a), to_binary_snowflake(a), try_to_binary_snowflake(a) from t")
	// DuckDB reads text as its bytes, with \xAA escapes
	expectTranslated(t, duckdb, "select a::blob from t", "select blob_duckdb(a) from t")
}
