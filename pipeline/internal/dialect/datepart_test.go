package dialect

import "testing"

// Snowflake's and DuckDB's YEAR(x), MONTH(x)... are their EXTRACT.
func TestDatePartShorthands(t *testing.T) {
	expectTranslated(t, duckdb, "select year(d), dayofmonth(\n  d) from t", "select datetime_part_duckdb('year', d), datetime_part_duckdb(\n  'day', d) from t")
	expectTranslated(t, snowflake, "select month(d), weekofyear(d) from t", "select datetime_part_snowflake('month', d), datetime_part_snowflake('week', d) from t")
	expectRows(t, snowflake, "select year('2024-05-17'), hour('2024-05-17T10:30:00Z'), dayofweek('2024-05-19')", "2024|10|0")
	expectRows(t, duckdb, "select month(date '2024-05-17'), dayofyear(date '2024-02-01')", "5|32")
	// BigQuery has no such functions: the name stays, and is refused.
	expectRefused(t, bigquery, "select year(d) from t", "1:8: unknown function YEAR in BigQuery SQL (write EXTRACT(YEAR FROM x))")
}
