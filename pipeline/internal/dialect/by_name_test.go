package dialect

import "testing"

// UNION BY NAME selects each input in the order of the result's columns:
// the first input's, then the new ones of each later input.
func TestUnionByName(t *testing.T) {
	expectTranslated(t, duckdb, "select id, a from t\nunion all by name\nselect c, id from u",
		"SELECT *, NULL AS c FROM (select id, a from t)\nunion all\nSELECT id, NULL AS a, c FROM (select c, id from u)")
	expectTranslated(t, snowflake, "select a, id from t union by name select id, a from t", "select a, id from t union SELECT a, id FROM (select id, a from t)")
	expectTranslated(t, duckdb, "select * from t union by name (select b as a, 1 as x)",
		"SELECT *, NULL AS x FROM (select * from t) union SELECT NULL AS id, a, NULL AS b, x FROM (select b as a, 1 as x)")
	// a column keeps its name as written
	expectTranslated(t, duckdb, "select 1 as Id union all by name select 2 as \"Extra\"",
		"SELECT *, NULL AS Extra FROM (select 1 as Id) union all SELECT NULL AS Id, Extra FROM (select 2 as \"Extra\")")
	// later set operations match by position against the columns so far
	expectTranslated(t, duckdb, "select 1 as a union by name select 2 as c union all select 5, 6 order by all",
		"SELECT *, NULL AS c FROM (select 1 as a) union SELECT NULL AS a, c FROM (select 2 as c) union all select 5, 6 ORDER BY 1 NULLS LAST, 2 NULLS LAST")
	expectTranslated(t, duckdb, "select 1 as a union all select 2 union by name select 3 as b",
		"SELECT *, NULL AS b FROM (select 1 as a) union all SELECT *, NULL AS b FROM (select 2) union SELECT NULL AS a, b FROM (select 3 as b)")
	expectRows(t, duckdb, "select distinct on (b) b, a from t union all by name select id as a from t where id = 1 order by a", "NULL|1\nNULL|Y\n10|x\n30|NULL")
	// the columns of a CTE with BY NAME are known to what reads it
	expectTranslated(t, duckdb, "with x as (select 1 as a union all by name select 2 as b) select * exclude (a) from x",
		"with x as (SELECT *, NULL AS b FROM (select 1 as a) union all SELECT NULL AS a, b FROM (select 2 as b)) select b from x")
	expectRows(t, duckdb, "select id, a from t where id < 3 union all by name select b, id from t where id = 3 order by id", "1|x|NULL\n2|Y|NULL\n3|NULL|30")
	expectRows(t, duckdb, "select 'x' as A, 1 as b union by name select 2 as B, 'x' as a order by b", "x|1\nx|2")
	expectRefused(t, duckdb, "select * from nowhere\nunion by name select 1 as a", "2:1: UNION BY NAME cannot be written here: relation nowhere does not exist yet (read CTEs, subqueries or tables whose columns are known, name every selected column once and keep INTERSECT and EXCEPT in a query of their own; or select the same columns in the same order on both sides and drop BY NAME)")
	expectRefused(t, duckdb, "select 1 as a, 2 as a union by name select 3 as a", "1:23: UNION BY NAME cannot be written here: the name a occurs twice among the selected columns (read CTEs, subqueries or tables whose columns are known, name every selected column once and keep INTERSECT and EXCEPT in a query of their own; or select the same columns in the same order on both sides and drop BY NAME)")
	expectRefused(t, duckdb, "select a + 1 from t union by name select 3 as a", "1:21: UNION BY NAME cannot be written here: a selected expression has no name (read CTEs, subqueries or tables whose columns are known, name every selected column once and keep INTERSECT and EXCEPT in a query of their own; or select the same columns in the same order on both sides and drop BY NAME)")
	expectRefused(t, duckdb, "select 1 as a union by name select 2 as a except select 1 as a", "1:15: UNION BY NAME cannot be written here: EXCEPT in the same query keeps its operands by position (read CTEs, subqueries or tables whose columns are known, name every selected column once and keep INTERSECT and EXCEPT in a query of their own; or select the same columns in the same order on both sides and drop BY NAME)")
	expectRefused(t, duckdb, "select 1 as a intersect by name select 1 as a", "1:15: INTERSECT BY NAME is not supported in DuckDB SQL (select the same columns in the same order on both sides and drop BY NAME)")
	// BigQuery's BY NAME is STRICT CORRESPONDING: the same names in every input
	expectTranslated(t, bigquery, "select 1 as one_digit, 10 as two_digit\nunion all by name\nselect 20 as two_digit, 2 as one_digit",
		"SELECT one_digit, two_digit FROM (select 1 as one_digit, 10 as two_digit)\nunion all\nSELECT one_digit, two_digit FROM (select 20 as two_digit, 2 as one_digit)")
	expectRows(t, bigquery, "select 1 as one_digit, 10 as two_digit union all by name select 20 as two_digit, 2 as one_digit", "1|10\n2|20")
	expectRows(t, bigquery, "select 1 as a, 2 as b union all by name on (b, a) select 3 as b, 4 as a", "2|1\n3|4")
	expectRows(t, bigquery, "select * from (select 1 as x, 2 as y except distinct by name select 2 as y, 1 as x)", "")
	const bqHint = " (read CTEs, subqueries or tables whose columns are known and select the same column names, each once, in every input (in any order); or select the same columns in the same order on both sides and drop BY NAME)"
	expectRefused(t, bigquery, "select 1 as a, 2 as b\nunion all by name select 2 as b, 3 as c", "2:1: UNION BY NAME cannot be written here: input 2 does not select the same column names as the first, as BY NAME wants"+bqHint)
	expectRefused(t, bigquery, "select 1 as a, 2 as b union all by name on (c) select 2 as b, 1 as a", "1:23: UNION BY NAME cannot be written here: input 1 has no column c"+bqHint)
	expectRefused(t, bigquery, "select 1 as a inner union all by name select 2 as a", "1:15: INNER UNION ... is not supported in BigQuery SQL (INNER UNION ALL BY NAME is UNION ALL CORRESPONDING, which works; for FULL or LEFT, select NULL AS each missing column in the inputs that lack it and write UNION ALL BY NAME)")
	expectRefused(t, bigquery, "select 1 as a full union all by name select 2 as b", "1:15: FULL UNION ... is not supported in BigQuery SQL (INNER UNION ALL BY NAME is UNION ALL CORRESPONDING, which works; for FULL or LEFT, select NULL AS each missing column in the inputs that lack it and write UNION ALL BY NAME)")
	expectRefused(t, bigquery, "select 1 as a left outer union all by name select 2 as b", "1:15: LEFT OUTER ... is not supported in BigQuery SQL (INNER UNION ALL BY NAME is UNION ALL CORRESPONDING, which works; for FULL or LEFT, select NULL AS each missing column in the inputs that lack it and write UNION ALL BY NAME)")
	expectTranslated(t, bigquery, "select t.a from t left join u on t.id = u.id", "select t.a from t left join u on t.id = u.id")
	expectRefused(t, sqlite, "select a from t\nunion all by name\nselect a from t", "2:1: UNION BY NAME is not supported in SQLite SQL (select the same columns in the same order on both sides and drop BY NAME)")
}
