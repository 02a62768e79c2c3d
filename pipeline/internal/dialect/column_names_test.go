package dialect

import "testing"

// A CTE's column list names its columns by position: what reads the CTE
// sees those names, not the ones inside it.
func TestCTEColumnList(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * exclude (a) from t", "with t(a, b) as (select 1 as x, 2 as y) select b from t"},
		{snowflake, "with t(a, b) as (select 1 as x, 2 as y) select * exclude (b) from t", "with t(a, b) as (select 1 as x, 2 as y) select a from t"},
		{duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * replace (b * 10 as b) from t", "with t(a, b) as (select 1 as x, 2 as y) select a, b * 10 AS b from t"},
		{duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * from t union all by name select 3 as b",
			"with t(a, b) as (select 1 as x, 2 as y) select * from t union all SELECT NULL AS a, b FROM (select 3 as b)"},
		{duckdb, "with t(a, b) as (select 1 as x, 2 as y) select distinct on (a) * from t",
			"with t(a, b) as (select 1 as x, 2 as y) SELECT a, b FROM (SELECT *, row_number() OVER (PARTITION BY a) AS _nexus_rn FROM (select * from t)) WHERE _nexus_rn = 1"},
		// a quoted name keeps its case
		{duckdb, `with t("A", b) as (select 1, 2) select * exclude (b) from t`, `with t("A", b) as (select 1, 2) select A from t`},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	expectRows(t, duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * exclude (a) from t", "2")
	expectRows(t, duckdb, "with t(a, b) as (select 1 as x, 2 as y) select distinct on (a) * from t", "1|2")
	expectRows(t, duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * from t union all by name select 3 as b", "1|2\nNULL|3")
}
