package dialect

import "testing"

// A VALUES column of number literals with a decimal is a DECIMAL: a later
// string literal is read as it, rounded to its scale, or refused where
// DuckDB fails.
func TestValuesDecimals(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"values (1.5), ('2.25')", "SELECT column1 AS col0 FROM (values (1.5), (2.3))"},
		{"select * from (values (1), (-10.50), (' -2.255 '), ('.5'), ('+3'), (null)) v(x)", "select * from (WITH _nexus_cols1(x) AS (values (1.00), (-10.50), (-2.26), (0.50), (3.00), (null)) SELECT * FROM _nexus_cols1) AS v"},
		{"select * from (values (1.5, 'a'), ('-0.04', 'b')) v(x, y)", "select * from (WITH _nexus_cols1(x, y) AS (values (1.5, 'a'), (0.0, 'b')) SELECT * FROM _nexus_cols1) AS v"},
		// beside a value of another kind, or first, the string is left as it is
		{"select * from (values (1.5), (abs(-1.5)), ('2.25')) v(x)", "select * from (WITH _nexus_cols1(x) AS (values (1.5), (absolute_value(-1.5)), ('2.25')) SELECT * FROM _nexus_cols1) AS v"},
		{"select * from (values ('2.25'), (1.5)) v(x)", "select * from (WITH _nexus_cols1(x) AS (values ('2.25'), (1.5)) SELECT * FROM _nexus_cols1) AS v"},
	} {
		expectTranslated(t, duckdb, c.in, c.out)
	}
	expectRefused(t, duckdb, "values (1.5), ('12.5')", "1:16: '12.5' cannot be read as the DECIMAL(2, 1) the number literals of its VALUES column give it, as DuckDB fails to (write the number itself, or give the first row the width it needs (10.00))")
	expectRefused(t, duckdb, "values (9.5), ('9.96')", "1:16: '9.96' cannot be read as the DECIMAL(2, 1) the number literals of its VALUES column give it, as DuckDB fails to (write the number itself, or give the first row the width it needs (10.00))")
	expectRefused(t, duckdb, "values (1.5), ('1e1')", "1:16: '1e1' cannot be read as the DECIMAL(2, 1) the number literals of its VALUES column give it, as DuckDB fails to (write the number itself, or give the first row the width it needs (10.00))")
}
