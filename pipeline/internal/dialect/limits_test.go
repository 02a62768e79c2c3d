package dialect

import "testing"

// Snowflake's SELECT TOP n and FETCH FIRST n ROWS are the query's LIMIT.
func TestTopAndFetch(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"select top 2 x from t order by x", "select   x from t order by x NULLS LAST LIMIT 2"},
		{"select top 5 * from t", "select   * from t LIMIT 5"},
		{"select x from (select top 1 x from t order by x desc)", "select x from (select   x from t order by x desc NULLS FIRST LIMIT 1)"},
		{"select x from t order by x fetch first 3 rows only", "select x from t order by x NULLS LAST LIMIT 3"},
		{"select x from t order by x offset 1 rows fetch next 2 rows only", "select x from t order by x NULLS LAST LIMIT 2 OFFSET 1"},
	} {
		expectTranslated(t, snowflake, c.in, c.out)
	}
	expectRows(t, snowflake, "select top 2 x from (select 3 as x union all select 1 union all select 2) order by x", "1\n2")
	expectRows(t, snowflake, "select x from (select 3 as x union all select 1 union all select 2) order by x offset 1 row fetch first 1 row", "2")
	expectRefused(t, snowflake, "select top 1 x from t union all select 2", "1:8: SELECT TOP n in one input of a UNION, INTERSECT or EXCEPT, or beside LIMIT or FETCH, is not supported here (write LIMIT n at the end of a select in parentheses: (select ... order by x limit n))")
	expectRefused(t, snowflake, "select top 1 x from t limit 2", "1:8: SELECT TOP n in one input of a UNION, INTERSECT or EXCEPT, or beside LIMIT or FETCH, is not supported here (write LIMIT n at the end of a select in parentheses: (select ... order by x limit n))")
	// OFFSET m without LIMIT skips m rows and keeps the rest, as SQLite's LIMIT -1 OFFSET m
	expectTranslated(t, snowflake, "select x from t order by x offset 2", "select x from t order by x NULLS LAST LIMIT -1 offset 2")
	expectRows(t, snowflake, "select x from (select 3 as x union all select 1 union all select 2) order by x offset 1", "2\n3")
	expectRows(t, duckdb, "select x from (select 3 as x union all select 1 union all select 2) order by x offset 1", "2\n3")
	expectTranslated(t, bigquery, "select x from t limit 2 offset 1", "select x from t limit 2 offset 1")
	// TOP is a name elsewhere
	expectTranslated(t, duckdb, "select top from t", "select top from t")
}

// DuckDB's LIMIT p%: that share of the rows, rounded down (checked on
// DuckDB in the conformance table).
func TestLimitPercent(t *testing.T) {
	expectTranslated(t, duckdb, "select * from t limit 10%", "select * from t LIMIT (SELECT CAST(count(*) * (10) / 100.0 AS INTEGER) FROM (select * from t))")
	expectTranslated(t, duckdb, "select a from t union all select b from u limit 25 percent offset 1",
		"select a from t union all select b from u LIMIT (SELECT CAST(count(*) * (25) / 100.0 AS INTEGER) FROM (select a from t union all select b from u)) offset 1")
	expectRefused(t, duckdb, "select * from (select * from t limit 10%) limit 50%",
		"1:43: LIMIT p% of a query that holds another LIMIT p% is not supported (take the share in one query: count its rows in a CTE and LIMIT by that count)")
}
