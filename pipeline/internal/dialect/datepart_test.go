package dialect

import "testing"

// Snowflake's and DuckDB's YEAR(x), MONTH(x)... are their EXTRACT.
func TestDatePartShorthands(t *testing.T) {
	expectTranslated(t, duckdb, "select year(d), dayofmonth(\n  d) from t", "select datetime_part_duckdb('year', d), datetime_part_duckdb(\n  'day', d) from t")
	expectTranslated(t, snowflake, "select month(d), weekofyear(d) from t", "select datetime_part_snowflake('month', d), datetime_part_snowflake('week', d) from t")
	// a bare date part only in the part's place: a column named date or day elsewhere stays a column
	expectTranslated(t, snowflake, "select dateadd(day, 1, date), timeadd(mins, 5, day), last_day(date), date_part(yearofweekiso, date) from t",
		"select datetime_add_snowflake('day', 1, date), datetime_add_snowflake('mins', 5, day), last_day_snowflake(date), datetime_part_snowflake('yearofweekiso', date) from t")
	expectTranslated(t, bigquery, "select date_trunc(date, month), date_diff(date, day, day), last_day(date, month) from t",
		"select datetime_trunc_bigquery(date, 'month'), datetime_diff_bigquery(date, day, 'day'), last_day_bigquery(date, 'month') from t")
	expectRows(t, snowflake, "select year('2024-05-17'), hour('2024-05-17T10:30:00Z'), dayofweek('2024-05-19')", "2024|10|0")
	expectRows(t, duckdb, "select month(date '2024-05-17'), dayofyear(date '2024-02-01')", "5|32")
	// DuckDB's eras; Snowflake has no such functions.
	expectTranslated(t, duckdb, "select century(d), decade(d), millennium(d) from t", "select datetime_part_duckdb('century', d), datetime_part_duckdb('decade', d), datetime_part_duckdb('millennium', d) from t")
	expectRefused(t, snowflake, "select century(d) from t", "1:8: unknown function CENTURY in Snowflake SQL (no SQLite or built-in function has this name; write the computation with SQLite's functions)")
	// BigQuery has no such functions: the name stays, and is refused.
	expectRefused(t, bigquery, "select year(d) from t", "1:8: unknown function YEAR in BigQuery SQL (write EXTRACT(YEAR FROM x))")
}

// BigQuery's SAFE. prefix gives NULL where the function fails.
func TestSafePrefix(t *testing.T) {
	expectTranslated(t, bigquery, "select safe.parse_date('%Y', x), SAFE.SQRT(x) from t", "select safe_parse_date_strftime('%Y', x), SQRT(x) from t")
	expectRows(t, bigquery, "select safe.parse_date('%Y-%m-%d', 'nope'), safe.parse_date('%Y-%m-%d', '2024-05-17'), safe.parse_timestamp('%Y', 'x'), safe.sqrt(-1), safe.ln(0), safe.divide(1, 0)", "NULL|2024-05-17|NULL|NULL|NULL|NULL")
	// CAST ... FORMAT would run on SQLite with FORMAT '...' read into the type's name
	expectRefused(t, bigquery, "select cast(d as string format 'DD/MM/YYYY') from t", "1:32: CAST ... FORMAT is not supported (write FORMAT_DATE('%d/%m/%Y', d), FORMAT_TIMESTAMP('%Y-%m-%d %H:%M', ts) or PARSE_DATE('%m/%d/%Y', s) with %-elements, or FORMAT('%.2f', x) for a number)")
	// any scalar function: the functions it runs as are called through
	// safe_call, outside its arguments' own text
	expectTranslated(t, bigquery, "select safe.substr(a, 1, -1), SAFE.LEFT(upper(a), 2) from t", "select safe_call(a, 1, -1, 'substr_bigquery'), safe_call(upper_text(a), 2, 'left_chars') from t")
	expectTranslated(t, bigquery, "select safe.date_add(d, interval 1 day), safe.timestamp_micros(b) from t", "select safe_call(d, 1, 'day', 'datetime_add'), safe_call(b, 'timestamp_from_micros') from t")
	expectRows(t, bigquery, "select safe.substr(a, 1, -1), safe.substr(a, 1, 1), safe.regexp_extract(a, '(x)(y)') from t where id = 1", "NULL|x|NULL")
	expectRefused(t, bigquery, "select safe.sum(b), safe.row_number() over () from t", "1:8: SAFE.SUM is an aggregate or window function, and BigQuery takes SAFE. on scalar functions only (drop SAFE., or apply a SAFE. scalar function to the values before aggregating)\n1:21: SAFE.ROW_NUMBER is an aggregate or window function, and BigQuery takes SAFE. on scalar functions only (drop SAFE., or apply a SAFE. scalar function to the values before aggregating)")
	expectRefused(t, bigquery, "select safe.abs(b) from t", "1:8: SAFE.ABS is not supported: it runs as SQLite's abs, which fails where BigQuery's SAFE. gives NULL (check the arguments with CASE WHEN, or use SAFE_CAST)")
}
