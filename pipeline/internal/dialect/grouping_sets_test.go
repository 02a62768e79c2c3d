package dialect

import "testing"

// ROLLUP, CUBE and GROUPING SETS are a UNION ALL of one grouped SELECT per
// set; the values are checked on DuckDB in the conformance table.
func TestGroupingSets(t *testing.T) {
	expectTranslated(t, duckdb, "select k, -- key\n  grouping(k) as g, sum(n)\nfrom t\ngroup by rollup(k)\norder by 1",
		"SELECT * FROM (select k AS k, -- key\n  0 as g, duck_sum(n)\nfrom t\nGROUP BY k UNION ALL select NULL AS k,   1 as g, duck_sum(n) from t )\norder by 1 NULLS LAST")
	expectTranslated(t, duckdb, "select a, b, count(*) as c from t group by grouping sets ((a, b), (), b)",
		"SELECT * FROM (select a AS a, b AS b, count(*) as c from t GROUP BY a, b UNION ALL select NULL AS a, NULL AS b, count(*) as c from t  UNION ALL select NULL AS a, b AS b, count(*) as c from t GROUP BY b)")
	expectTranslated(t, duckdb, "select a, count(*) as c from t group by grouping sets ((a))",
		"select a AS a, count(*) as c from t GROUP BY a")
	expectTranslated(t, snowflake, "select a, grouping(a) as g from t group by a", "select a, 0 as g from t group by a")
	// SELECT DISTINCT removes duplicates across the sets
	expectTranslated(t, duckdb, "select distinct sum(n) as s from t group by cube(a)",
		"SELECT DISTINCT * FROM (select distinct duck_sum(n) as s from t GROUP BY a UNION ALL select distinct duck_sum(n) as s from t )")
	expectRefused(t, duckdb, "select distinct a, row_number() over () as r from t group by cube(a)",
		"1:62: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: SELECT DISTINCT with a window function would remove duplicates before the windows see the rows of every set (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	// windows run over the union of the sets, from the values each set gives
	expectTranslated(t, duckdb, "select k,\n  rank() over (order by sum(n) desc) as r -- rank\nfrom t\ngroup by rollup(k)\norder by r, t.k",
		"SELECT __g1 AS k, rank() over (order by __g2 desc NULLS LAST) as r FROM (select k AS __g1,\n  duck_sum(n) AS __g2 -- rank\nfrom t\nGROUP BY k UNION ALL select NULL AS __g1, duck_sum(n) AS __g2   from t )\norder by r NULLS LAST, k NULLS LAST")
	expectTranslated(t, duckdb, "select 1 as one, row_number() over () as rn from t group by cube(k) having k is null",
		"SELECT 1 as one, row_number() over () as rn FROM (select NULL AS __i1, count(*) AS __gc, NULL AS __i2 from t GROUP BY k having k is null UNION ALL select NULL AS __i1, count(*) AS __gc, NULL AS __i2 from t  having NULL is null)")
	// an ORDER BY of GROUPING(), an aggregate or a grouped column the
	// select list does not give reads a column each set's copy adds
	expectTranslated(t, duckdb, "select a, count(*) from t group by rollup(a) order by count(*)",
		`SELECT __g1 AS a, __g2 AS "count(*)" FROM (select a AS __g1, count(*) AS __g2, count(*) AS __o1 from t GROUP BY a UNION ALL select NULL AS __g1, count(*) AS __g2, count(*) AS __o1 from t ) order by __o1 NULLS LAST`)
	expectTranslated(t, duckdb, "select a, count(*) from t group by cube(a) order by grouping(a)",
		`SELECT __g1 AS a, __g2 AS "count(*)" FROM (select a AS __g1, count(*) AS __g2, 0 AS __o1 from t GROUP BY a UNION ALL select NULL AS __g1, count(*) AS __g2, 1 AS __o1 from t ) order by __o1 NULLS LAST`)
	expectTranslated(t, duckdb, "select sum(n) as s from t group by rollup(k) order by k",
		"SELECT __g1 as s FROM (select duck_sum(n) AS __g1, k AS __o1 from t GROUP BY k UNION ALL select duck_sum(n) AS __g1, NULL AS __o1 from t ) order by __o1 NULLS LAST")
	expectTranslated(t, duckdb, "select a, count(*) from t group by a order by grouping(a), 1 + grouping(a)",
		"select a, count(*) from t group by a order by 0+0 NULLS LAST, 1 + 0 NULLS LAST")
	expectRefused(t, duckdb, "select a, count(*) from t group by rollup(a) order by t.b",
		"1:55: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: ORDER BY reads the selected columns only: order by a select item's alias or position (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	expectRefused(t, duckdb, "select distinct a from t group by cube(a) order by grouping(a)",
		"1:52: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: ORDER BY reads the selected columns only: order by a select item's alias or position (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	expectRefused(t, duckdb, "select grouping_id(a) from t",
		"1:8: GROUPING_ID() outside the select list, HAVING and ORDER BY of a grouped SELECT is not supported (select it as a column (grouping(a) as g) and order by or filter on g in an outer query)")
}
