package dialect

import "testing"

// DuckDB refuses an ORDER BY of a literal that is not a column's number,
// in a query and in an aggregate; a window's ORDER BY takes it.
func TestOrderByLiteral(t *testing.T) {
	const refused = ", a literal that is not an integer, has no effect, and DuckDB refuses it (order by a column, an expression, or a column's number (ORDER BY 1); or leave the literal out)"
	for _, c := range [][2]string{
		{"select a from t order by 'x'", "1:26: ORDER BY 'x'"},
		{"select a from t order by a, 1.5", "1:29: ORDER BY 1.5"},
		{"select a from t order by (null)", "1:26: ORDER BY (null)"},
		{"select a from t order by true desc", "1:26: ORDER BY true"},
		{"select a from t order by -1.5", "1:26: ORDER BY -1.5"},
		{"select a from t union all select 1 order by e'x'", "1:45: ORDER BY e'x'"},
		{"select list(a order by 'x') from t", "1:24: ORDER BY 'x'"},
	} {
		expectRefused(t, duckdb, c[0], c[1]+refused)
	}
	for _, q := range []string{
		"select a from t order by 1",
		"select a from t order by 'x'::varchar",
		"select a, row_number() over (order by 'x') as r from t",
	} {
		if _, err := TranslateWith(q, testOptions(duckdb)); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
	if _, err := TranslateWith("select a from t order by 'x'", testOptions(snowflake)); err != nil {
		t.Errorf("Snowflake: %v", err)
	}
}
