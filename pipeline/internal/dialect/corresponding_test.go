package dialect

import "testing"

// CORRESPONDING selects each input again in the order of the columns the
// inputs share, or of the BY list.
func TestCorresponding(t *testing.T) {
	expectTranslated(t, bigquery, "select 1 as a, 2 as b, 3 as c\nunion all corresponding\nselect 4 as c, 5 as a",
		"SELECT a, c FROM (select 1 as a, 2 as b, 3 as c)\nunion all\nSELECT a, c FROM (select 4 as c, 5 as a)")
	expectTranslated(t, bigquery, "select id, a from t union distinct corresponding by (a) select a, b from t",
		"SELECT a FROM (select id, a from t) union SELECT a FROM (select a, b from t)")
	expectTranslated(t, bigquery, "select 1 as A, 2 as b except distinct strict corresponding select 2 as B, 1 as a",
		"SELECT A, b FROM (select 1 as A, 2 as b) except SELECT a, B FROM (select 2 as B, 1 as a)")
	expectRows(t, bigquery, "select id, a from t where id < 3 union all corresponding select a, b, id from t where id = 3 order by id", "1|x\n2|Y\n3|NULL")
	expectRows(t, bigquery, "select 1 as x, 2 as y union all corresponding by (y, x) select 3 as y, 4 as x", "2|1\n3|4")
	expectRows(t, bigquery, "select * from (select 1 as x, 2 as y intersect distinct corresponding select 2 as y, 1 as x)", "1|2")
	// the columns of a CTE with CORRESPONDING are known to what reads it
	expectTranslated(t, bigquery, "with x as (select 1 as a, 2 as b, 3 as c union all corresponding select 4 as c, 5 as b) select * except (b) from x",
		"with x as (SELECT b, c FROM (select 1 as a, 2 as b, 3 as c) union all SELECT b, c FROM (select 4 as c, 5 as b)) select c from x")
	const hint = " (read CTEs, subqueries or tables whose columns are known, name every selected column once and use one kind of CORRESPONDING in a query; or select the same columns in the same order on both sides and drop CORRESPONDING)"
	expectRefused(t, bigquery, "select 1 as a\nunion all corresponding select 2 as b", "2:1: UNION CORRESPONDING cannot be written here: the inputs have no column name in common"+hint)
	expectRefused(t, bigquery, "select 1 as a union all corresponding by (b) select 2 as b", "1:15: UNION CORRESPONDING cannot be written here: input 1 has no column b"+hint)
	expectRefused(t, bigquery, "select 1 as a, 2 as b union all strict corresponding select 2 as b", "1:23: UNION CORRESPONDING cannot be written here: input 2 does not select the same column names as the first, as STRICT wants"+hint)
	expectRefused(t, bigquery, "select 1 as a union all corresponding select 2 as a union all select 3", "1:15: UNION CORRESPONDING cannot be written here: UNION without CORRESPONDING in the same query keeps its operands by position"+hint)
	expectRefused(t, bigquery, "select * from nowhere union all corresponding select 1 as a", "1:23: UNION CORRESPONDING cannot be written here: relation nowhere does not exist yet"+hint)
	expectRefused(t, bigquery, "select 1 as a full outer union all corresponding select 2 as a", "1:15: FULL OUTER ... is not supported in BigQuery SQL (INNER UNION ALL BY NAME is UNION ALL CORRESPONDING, which works; for FULL or LEFT, select NULL AS each missing column in the inputs that lack it and write UNION ALL BY NAME)")
	expectRefused(t, duckdb, "select 1 as a union all corresponding select 2 as a", "1:15: UNION CORRESPONDING is not supported in DuckDB SQL (select the same columns in the same order on both sides and drop BY NAME)")
}
