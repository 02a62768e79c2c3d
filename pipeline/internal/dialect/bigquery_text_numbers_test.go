package dialect

import "testing"

// BigQuery compares no STRING with a number: where both types are known,
// the comparison is refused as BigQuery refuses it.
func TestBigQueryTextNumbers(t *testing.T) {
	cmpMsg := func(pos, op, a, b string) string {
		return pos + ": operator " + op + " of " + a + " and " + b + " is not BigQuery: BigQuery coerces no STRING to a number and no number to a STRING (a string literal only to a DATE, DATETIME, TIME or TIMESTAMP) (" + refBigQueryTextNumber.hint + ")"
	}
	aggMsg := func(pos, typ string) string {
		return pos + ": STRING_AGG of " + typ + " is not BigQuery: it joins STRING or BYTES values only (" + refStringAggNumber.hint + ")"
	}
	expectRefused(t, bigquery, "select '1' = 1", cmpMsg("1:8", "=", "STRING", "INT64"))
	expectRefused(t, bigquery, "select 1 < '1'", cmpMsg("1:12", "<", "STRING", "INT64"))
	expectRefused(t, bigquery, "select cast(n as string) = 1 from t", cmpMsg("1:8", "=", "STRING", "INT64"))
	expectRefused(t, bigquery, "select 1.5 <> upper(s) from t", cmpMsg("1:15", "<>", "STRING", "FLOAT64"))
	expectRefused(t, bigquery, "with c as (select 'a' as s) select * from c where s = 1", cmpMsg("1:51", "=", "STRING", "INT64"))
	expectRefused(t, bigquery, "with c as (select 'a' as s) select * from c where s in (1, 2)", cmpMsg("1:51", "IN", "STRING", "INT64"))
	expectRefused(t, bigquery, "with c as (select 'a' as s) select * from c\nwhere s between 1 and 2", cmpMsg("2:7", "BETWEEN", "STRING", "INT64"))
	expectRefused(t, bigquery, "with c as (select 1 as n) select * from c where n in (select 'a')", cmpMsg("1:49", "IN", "INT64", "STRING"))
	timeMsg := func(pos, op, a, b string) string {
		return pos + ": operator " + op + " of " + a + " and " + b + " is not BigQuery: BigQuery coerces no number to a DATE, DATETIME, TIME or TIMESTAMP (" + refBigQueryTimeNumber.hint + ")"
	}
	expectRefused(t, bigquery, "with c as (select date '2024-01-01' as d) select * from c where d >= 2020-01-01", timeMsg("1:65", ">=", "DATE", "INT64"))
	expectRefused(t, bigquery, "select 1 < cast(x as timestamp) from t", timeMsg("1:12", "<", "TIMESTAMP", "INT64"))
	expectRefused(t, bigquery, "with c as (select current_date() as d) select * from c\nwhere d between 1 and 2", timeMsg("2:7", "BETWEEN", "DATE", "INT64"))
	expectTranslated(t, bigquery, "select d >= 2020 from t", "select d >= 2020 from t")
	boolMsg := func(pos, op, b string) string {
		return pos + ": operator " + op + " of BOOL and " + b + " is not BigQuery: BigQuery coerces no STRING or number to a BOOL (not 'false', not 0) (" + refBigQueryBoolCompare.hint + ")"
	}
	// dbt's accepted_values of values: [false], quoted
	expectRefused(t, bigquery, "with c as (select true as b) select * from c where b not in ('False')", boolMsg("1:52", "IN", "STRING"))
	expectRefused(t, bigquery, "select (a < 2) = 1 from t", boolMsg("1:8", "=", "INT64"))
	expectRefused(t, bigquery, "select 'true' <> cast(x as bool) from t", boolMsg("1:18", "<>", "STRING"))
	expectRefused(t, bigquery, "with c as (select true as b) select * from c where b in (select 'true')", boolMsg("1:52", "IN", "STRING"))
	expectRefused(t, bigquery, "with c as (select 1 as n) select * from c where n in (select true)", boolMsg("1:49", "IN", "INT64"))
	expectTranslated(t, bigquery, "with c as (select true as b) select b = false, b in (true), b = x from c", "with c as (select true as b) select b = false, b in (true), b = x from c")
	expectRefused(t, bigquery, "select string_agg(n) from (select 1 as n)", aggMsg("1:19", "INT64"))
	expectRefused(t, bigquery, "select string_agg(1.5, ',')", aggMsg("1:19", "FLOAT64"))

	setMsg := func(pos, col, op, a, b string) string {
		return pos + ": column " + col + " in " + op + " has incompatible types: " + a + ", " + b + " (BigQuery refuses it too: it coerces no STRING to a number and no number to a STRING) (" + refSetTextNumber.hint + ")"
	}
	expectRefused(t, bigquery, "select '1' as a union all select 1", setMsg("1:8", "1", "UNION ALL", "STRING", "INT64"))
	expectRefused(t, bigquery, "select 1 as a, 'x' as b except distinct select 2, 3", setMsg("1:16", "2", "EXCEPT DISTINCT", "STRING", "INT64"))
	expectTranslated(t, bigquery, "select 'a' as a union all select null union all select s from t", "select 'a' as a union all select null union all select s from t")

	// a string literal is coerced to a DATE, TIMESTAMP or DATETIME, a
	// number literal to a NUMERIC or FLOAT64; a type not known is let be
	expectTranslated(t, bigquery, "select date '2024-01-01' = '2024-01-01'", "select date('2024-01-01') = '2024-01-01'")
	expectTranslated(t, bigquery, "select timestamp '2024-01-01' < '2024-01-02'", "select instant_key('2024-01-01T00:00:00Z') < instant_key('2024-01-02T00:00:00Z')")
	expectTranslated(t, bigquery, "select cast(x as datetime) between '2024-01-01' and '2024-01-02' from t",
		"select instant_key(cast_to(x, 'DATETIME', 'bigquery', 1)) between instant_key('2024-01-01T00:00:00Z') and instant_key('2024-01-02T00:00:00Z') from t")
	expectTranslated(t, bigquery, "select cast(n as float64) > 1 from t", "select cast_to(n, 'REAL', 'bigquery', 1) > 1 from t")
	expectTranslated(t, bigquery, "select 1 in (1, 2.5)", "select 1 in (1, 2.5)")
	expectTranslated(t, bigquery, "select s = 1, s in (1, 2) from t", "select s = 1, s in (1, 2) from t")
	expectTranslated(t, bigquery, "select '1' = '1'", "select '1' = '1'")
	expectTranslated(t, bigquery, "select string_agg(s) from t", "select group_concat(s) from t")
	expectTranslated(t, bigquery, "select string_agg(cast(n as string), ',') from (select 1 as n)",
		"select group_concat(cast_to(n, 'TEXT', 'bigquery', 1), ',') from (select 1 as n)")
	// DuckDB casts the literal, as it does
	expectTranslated(t, duckdb, "select 1 = '1'", "select 1 = cast_to('1', 'INTEGER', 'duckdb', 1)")
}

func TestDuckDBTimeNumberCompare(t *testing.T) {
	msg := func(pos, op, a, b string) string {
		return pos + ": operator " + op + " of " + a + " and " + b + " is not DuckDB: DuckDB cannot compare values of these types without an explicit cast (" + refDuckTimeNumber.hint + ")"
	}
	expectRefused(t, duckdb, "select date '2020-01-01' >= 2018", msg("1:8", ">=", "DATE", "INTEGER"))
	expectRefused(t, duckdb, "select * from (select current_date as d) where d between 1 and 2", msg("1:48", "BETWEEN", "DATE", "INTEGER"))
	expectRefused(t, duckdb, "select cast(x as timestamp) > 5 from t", msg("1:8", ">", "TIMESTAMP", "INTEGER"))
	for _, q := range []string{
		"select (date '2020-01-05' - date '2020-01-01') > 3",
		"select year(date '2020-01-05') = 2020",
		"select date_part('year', current_date) >= 2020",
		"select datediff('day', date '2020-01-01', current_date) > 30",
		"select epoch(timestamp '2020-01-01') > 5",
		"select date '2020-01-01' >= '2018-01-01'",
		"select (timestamp '2020-01-02' - timestamp '2020-01-01') > interval 1 hour",
		"select extract(year from current_date) = 2020",
		"select day(current_date) in (1, 15)",
	} {
		expectAccepted(t, duckdb, q)
	}
}
