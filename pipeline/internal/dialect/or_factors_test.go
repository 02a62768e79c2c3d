package dialect

import "testing"

// The comparisons every OR branch holds are written once more beside the
// WHERE, so that SQLite joins by them; the values are checked on DuckDB in
// the conformance table.
func TestOrFactors(t *testing.T) {
	expectTranslated(t, duckdb, "select a.x from a, b\nwhere a.y = 1 and ((a.k = b.k and b.n = 1)\n  or (b.n = 2 and a.k = b.k))",
		"select a.x from a, b\nwhere (a.y = 1 and ((a.k = b.k and b.n = 1)\n  or (b.n = 2 and a.k = b.k))) AND (a.k = b.k)")
	expectTranslated(t, snowflake, "select 1 from a, b where (a.k = b.k and a.s between 1 and 2) or (A.K = B.K and a.s between 1 and 2)",
		"select 1 from a, b where ((a.k = b.k and a.s between 1 and 2) or (A.K = B.K and a.s between 1 and 2)) AND (a.k = b.k) AND (a.s between 1 and 2)")
	// nothing every branch holds, a call, or the comparison already beside
	expectTranslated(t, duckdb, "select 1 from a, b where (a.k = b.k and b.n = 1) or b.n = 2", "select 1 from a, b where (a.k = b.k and b.n = 1) or b.n = 2")
	expectTranslated(t, duckdb, "select 1 from a, b where (abs(a.k) = 1 and b.n = 1) or (abs(a.k) = 1 and b.n = 2)",
		"select 1 from a, b where (absolute_value(a.k) = 1 and b.n = 1) or (absolute_value(a.k) = 1 and b.n = 2)")
	expectTranslated(t, duckdb, "select 1 from a, b where a.k = b.k and ((a.k = b.k and b.n = 1) or (a.k = b.k and b.n = 2))",
		"select 1 from a, b where a.k = b.k and ((a.k = b.k and b.n = 1) or (a.k = b.k and b.n = 2))")
	expectTranslated(t, duckdb, "select 1 from a where (s = 'M' and n = 1) or (s = 'm' and n = 1)",
		"select 1 from a where ((s = 'M' and n = 1) or (s = 'm' and n = 1)) AND (n = 1)")
}
