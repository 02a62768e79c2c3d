package dialect

import "testing"

// Snowflake's arithmetic of numbers of known scales has its result scale:
// the larger for + and -, the sum up to max(s1, s2, 12) for *, the
// dividend's plus 6 up to 12 for / and AVG; the value is rounded to it and written
// with it as text.
func TestSnowflakeArithmeticScales(t *testing.T) {
	expectTranslated(t, snowflake, "select 0.1 + 0.2, 10.01 * 1.1, 1 / 3, 1 + 2 from t",
		"select round_scale(0.1 + 0.2, 1), round_scale(10.01 * 1.1, 3), round_scale(CAST(1 AS REAL) / 3, 6), 1 + 2 from t")
	expectTranslated(t, snowflake, "select (a::number(10,2) * 2)::varchar from t",
		"select decimal_text((round_scale(decimal_fits(round_scale(cast_to(a, 'REAL', 'snowflake', 1), 2), 10, 2, 1) * 2, 2)), 2) from t")
	expectTranslated(t, snowflake, "select 1.123456789 * 2.123456789, 1.1234567890123 / 2 from t",
		"select round_scale(1.123456789 * 2.123456789, 12), round_scale(1.1234567890123 / 2, 13) from t")
	// a scale that is not known (a column of a source, a FLOAT) leaves the
	// arithmetic as SQLite computes it
	expectTranslated(t, snowflake, "select a * 2, 1.5::float * 2 from t", "select a * 2, cast_to(1.5, 'REAL', 'snowflake', 1) * 2 from t")
	// AVG divides as /: an INTEGER's average has 6 digits, a NUMBER(p, 2)'s 8
	expectTranslated(t, snowflake, "select avg(a::int), avg(a::number(10,2)) over (), avg(a) from t group by a",
		"select round_scale(avg(cast_to(a, 'INTEGER', 'snowflake', 1)), 6), round_scale(avg(decimal_fits(round_scale(cast_to(a, 'REAL', 'snowflake', 1), 2), 10, 2, 1)) over (), 8), avg(a) from t group by a")
	// SUM keeps its argument's scale
	expectTranslated(t, snowflake, "select sum(a::number(12,2)), sum(a::int), sum(a) from t",
		"select round_scale(sum(decimal_fits(round_scale(cast_to(a, 'REAL', 'snowflake', 1), 2), 12, 2, 1)), 2), sum(cast_to(a, 'INTEGER', 'snowflake', 1)), sum(a) from t")
	expectTranslated(t, snowflake, "select div0(10, 3), div0null(1.5, 2) from t", "select round_scale(div_or_zero(10, 3), 6), round_scale(div_or_zero_if_null(1.5, 2), 7) from t")
	// LENGTH, EDITDISTANCE and the other counts are integers, and so is GREATEST of integers: divided, they have 6 digits
	expectRows(t, snowflake, "select 1.0 - editdistance('kitten', 'sitting') / greatest(length('kitten'), length('sitting')), length('ab') / 3, regexp_count('aaa', 'a') / 7, least(1, 2) / 3",
		"0.571429|0.666667|0.428571|0.333333")
	expectRows(t, snowflake, "select length('ab') * 1.5", "3.0")
	// a column selecting NULL takes the type of the number beside it
	expectTranslated(t, snowflake, "select coalesce(b, a)::varchar from (select null as b, 1.5::number(10,2) as a)",
		"select decimal_text(coalesce(b, a), 2) from (select null as b, decimal_fits(round_scale(cast_to(1.5, 'REAL', 'snowflake', 1), 2), 10, 2, 1) as a)")
}

// A boolean joined to text is true or false, as the warehouses write it.
func TestConcatBooleans(t *testing.T) {
	expectTranslated(t, duckdb, "select 'b=' || (x > 1) from t", "select 'b=' || CASE ((x > 1)) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END from t")
	expectTranslated(t, duckdb, "select concat('a', true)", "select concat('a', CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)")
	expectTranslated(t, snowflake, "select 'b=' || true", "select 'b=' || CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END")
	expectTranslated(t, duckdb, "select 'n=' || x from t", "select 'n=' || x from t")
}

// A FLOAT's supertype with a DECIMAL or an INTEGER is FLOAT in DuckDB: a
// UNION's, VALUES' or conditional's other values are rounded to 32 bits,
// and a column wrapped to round it keeps its name.
func TestFloatSupertype(t *testing.T) {
	expectTranslated(t, duckdb, "with t as (select 1 as n) select n from t union all select 1.5",
		"with t as (select 1 as n) select CAST(n AS REAL) AS n from t union all select 1.5")
	expectTranslated(t, duckdb, `with t as (select 2 as "N") select t."N" from t union all select 1.5::float`,
		`with t as (select 2 as "N") select to_float32(t."N") AS "N" from t union all select to_float32(cast_to('1.5', 'REAL', 'duckdb', 1))`)
	expectRows(t, duckdb, "select n from (with t as (select 1 as n) select n from t union all select 1.5) order by n", "1.0\n1.5")
	expectRows(t, duckdb, "select x from (with t as (select 16777217 as x) select x from t union all select 1.5::float) order by x", "1.5\n16777216.0")
	expectRows(t, duckdb, "select coalesce(4.2::decimal(28,6), null::float) = 4.2::float, coalesce(4.2::decimal(28,6), 1::double) = 4.2", "1|1")
}

// || and CONCAT (and Snowflake's and DuckDB's CONCAT_WS) cast each value
// to a string as CAST(x AS STRING) does: a timestamp as the warehouse writes
// it, a boolean as true or false, a BigQuery FLOAT64 without a trailing .0.
func TestConcatCastsAsCast(t *testing.T) {
	expectRows(t, bigquery, "select timestamp '2020-11-07 02:45:38.717' || ' - x', concat(timestamp '2020-11-07 02:45:38', 'y'), concat(datetime '2020-01-01 01:02:03', '')",
		"2020-11-07 02:45:38.717+00 - x|2020-11-07 02:45:38+00y|2020-01-01 01:02:03")
	expectRows(t, bigquery, "select true || 'x', concat(false, 'x'), concat(cast(2.0 as float64), 'x'), 2.5 || 'x', 3 || 'x', concat('a', null) is null",
		"truex|falsex|2x|2.5x|3x|1")
	expectRows(t, bigquery, "select concat(x, '') from (select cast(1 as float64) as x)", "1")
	expectRows(t, snowflake, "select concat('2020-11-07 02:45:38.717'::timestamp_ntz, 'x'), concat(true, 'x'), concat_ws('-', '2020-11-07 02:45:38'::timestamp, true)",
		"2020-11-07 02:45:38.717x|truex|2020-11-07 02:45:38.000-true")
	expectRows(t, duckdb, "select concat(timestamp '2020-11-07 02:45:38.717', 'x'), concat_ws('-', timestamp '2020-11-07 02:45:38', true), concat(1.50, 'x')",
		"2020-11-07 02:45:38.717x|2020-11-07 02:45:38-true|1.50x")
}
