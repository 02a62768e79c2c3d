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

// A column number beyond the select list is refused at its place in the
// warehouses; SQLite's own error has no line.
func TestColumnNumberOutOfRange(t *testing.T) {
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		expectRefused(t, d, "select a, b\nfrom t\norder by 3", "3:10: ORDER BY 3 names no column: the select list has 2 (number the columns from 1 to the number of select items, or name the column)")
		expectRefused(t, d, "select a from t order by -1", "1:26: ORDER BY -1 names no column: the select list has 1 (number the columns from 1 to the number of select items, or name the column)")
		expectRefused(t, d, "select a, count(*) as n from t group by 1, 0", "1:44: GROUP BY 0 names no column: the select list has 2 (number the columns from 1 to the number of select items, or name the column)")
	}
	for _, q := range []string{
		"select a, b from t order by 2",
		"select * from t order by 3",
		"select a from t union all select b from t order by 1",
	} {
		if _, err := TranslateWith(q, testOptions(duckdb)); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
}

// IN of a subquery giving another number of columns than it compares is
// refused at the subquery's place.
func TestInSubqueryWidth(t *testing.T) {
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		expectRefused(t, d, "select a from t\nwhere a in (select a, b from t)", "2:12: the subquery of IN gives 2 columns, and IN compares 1 (select as many columns as IN compares: x IN (SELECT col FROM ...), (a, b) IN (SELECT a, b FROM ...))")
	}
	for _, q := range []string{
		"select a from t where a in (select a from t)",
		"select a from t where (a, b) in (select a, b from t)",
		"select a from t where a in (select * from t)",
	} {
		if _, err := TranslateWith(q, testOptions(duckdb)); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
}
