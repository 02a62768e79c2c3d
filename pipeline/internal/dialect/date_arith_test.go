package dialect

import "testing"

func TestDateArithmetic(t *testing.T) {
	expectTranslated(t, duckdb, "select date '2024-01-05' + 3", "select date(date('2024-01-05'), ((3)) || ' days')")
	expectTranslated(t, duckdb, "select current_date - n from t", "select date(date('now'), (-(n)) || ' days') from t")
	expectTranslated(t, duckdb, "select 2 + make_date(2024, 1, 5)", "select date(date_of(2024, 1, 5), ((2)) || ' days')")
	expectTranslated(t, snowflake, "select a::date - b::date from t", "select CAST(julianday(cast_to(a, 'DATE', 'snowflake', 1)) - julianday(cast_to(b, 'DATE', 'snowflake', 1)) AS INTEGER) from t")
	expectTranslated(t, snowflake, "select to_date(a) + 1 from t", "select date(to_date_snowflake(a), ((1)) || ' days') from t")
	expectTranslated(t, bigquery, "select a + 1 from t", "select a + 1 from t")
	expectRefused(t, duckdb, "select\n  timestamp '2024-01-05 10:00:00' - a::timestamp from t", "2:35: timestamp - timestamp is not supported in DuckDB SQL: it gives an INTERVAL, which has no value in SQLite (take the difference in a unit: date_diff('second', a, b) in DuckDB, datediff(second, a, b) in Snowflake)")
}

func TestNumericScaleCasts(t *testing.T) {
	expectTranslated(t, snowflake, "select a::number(10,2) from t", "select round_scale(cast_to(a, 'REAL', 'snowflake', 1), 2) from t")
	expectTranslated(t, bigquery, "select safe_cast(a as numeric(10, 2)) from t", "select round_scale(try_cast(a, 'REAL', 'bigquery'), 2) from t")
	expectTranslated(t, duckdb, "select a::decimal(18,0), a::double from t", "select cast_to(a, 'INTEGER', 'duckdb', 1), cast_to(a, 'REAL', 'duckdb', 1) from t")
	expectRows(t, duckdb, "select 1.005::decimal(10,2), (-0.125)::decimal(4,2), 9.995::decimal(10,2)", "1.01|-0.13|10.0")
}
