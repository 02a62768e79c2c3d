package dialect

import "testing"

// A FROM subquery inside a subquery expression is a MATERIALIZED CTE of the
// expression's query, computed once; the values are checked on DuckDB in
// the conformance table.
func TestSubqueryTables(t *testing.T) {
	expectTranslated(t, duckdb, "select a from t where a in (select a from (\n  select a, count(*) as n from u group by a) x\n where n > 1)",
		"select a from t where a in (WITH __m1 AS MATERIALIZED (select a, count(*) as n from u group by a) select a from __m1\n x\n where n > 1)")
	// outside an expression, or with a WITH of its own, as written
	expectTranslated(t, duckdb, "select a from (select a from u) x", "select a from (select a from u) x")
	expectTranslated(t, duckdb, "select exists (with w as (select 1) select * from (select a from u) x, w) as e",
		"select exists (with w as (select 1) select * from (select a from u) x, w) as e")
}
