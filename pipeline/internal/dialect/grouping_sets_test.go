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
	expectRefused(t, duckdb, "select distinct a from t group by cube(a)",
		"1:35: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: SELECT DISTINCT would remove duplicates across the sets (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	expectRefused(t, duckdb, "select a, rank() over (order by count(*)) from t group by rollup(a)",
		"1:11: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: a window function would see the rows of one set only (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	expectRefused(t, duckdb, "select a, count(*) from t group by rollup(a) order by count(*)",
		"1:55: GROUP BY ROLLUP, CUBE or GROUPING SETS cannot be written here: ORDER BY reads the selected columns only: order by a select item's alias or position (write one grouped select per set, with NULL AS each column the set leaves out, joined with UNION ALL)")
	expectRefused(t, duckdb, "select a, count(*) from t group by cube(a) order by grouping(a)",
		"1:53: GROUPING() outside the select list and HAVING of a grouped SELECT is not supported (select it as a column (grouping(a) as g) and order by or filter on g in an outer query)")
	expectRefused(t, duckdb, "select grouping_id(a) from t",
		"1:8: GROUPING_ID() outside the select list and HAVING of a grouped SELECT is not supported (select it as a column (grouping(a) as g) and order by or filter on g in an outer query)")
}
