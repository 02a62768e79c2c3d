package dialect

import "testing"

// COLUMNS(...) in a select item repeats it once per column, named after
// the column; elsewhere, with an alias or over unknown columns it is
// refused.
func TestColumnsExpr(t *testing.T) {
	expectTranslated(t, duckdb, "select min(columns(*)) from t", "select min(id) AS id, min(a) AS a, min(b) AS b from t")
	expectTranslated(t, duckdb, "select a, max(columns(* exclude (a))) from t group by all order by all",
		"select a, max(id) AS id, max(b) AS b from t GROUP BY 1 ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST")
	expectTranslated(t, duckdb, "select count(columns('^(a|b)$')),\n  columns(['b', 'id']) from t",
		"select count(a) AS a, count(b) AS b,\n  id AS id, b AS b from t")
	expectTranslated(t, duckdb, "select coalesce(columns(* replace (b * 2 as b)), 0) from t",
		"select coalesce(id, 0) AS id, coalesce(a, 0) AS a, coalesce((b * 2), 0) AS b from t")
	expectRefused(t, duckdb, "select id from t where columns(*) > 0",
		"1:24: COLUMNS(...) star expressions are not supported here ("+refColumns.hint+")")
	expectRefused(t, duckdb, "select max(columns(*)) as m from t",
		"1:12: COLUMNS(...) cannot be expanded: an alias names every column it gives alike ("+refColumnsHere.hint+")")
	expectRefused(t, duckdb, "select columns('^z') from t",
		"1:8: COLUMNS(...) cannot be expanded: it selects no column ("+refColumnsHere.hint+")")
	expectRefused(t, duckdb, "select columns(c -> c like 'a%') from t",
		"1:8: COLUMNS(...) cannot be expanded: it takes *, a regular expression or a list of column names ("+refColumnsHere.hint+")")
}
