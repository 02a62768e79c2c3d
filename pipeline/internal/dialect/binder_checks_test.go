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
		expectAccepted(t, duckdb, q)
	}
	expectAccepted(t, snowflake, "select a from t order by 'x'")
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
		expectAccepted(t, duckdb, q)
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
		expectAccepted(t, duckdb, q)
	}
}

// A subquery read as one value that gives several columns is refused at
// its place; IN, ANY, EXISTS, a row beside a tuple and BigQuery's SELECT AS
// STRUCT are not one column.
func TestScalarSubqueryWidth(t *testing.T) {
	const hint = " (select one column in it, or join the subquery in FROM and read its columns by name)"
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		for _, c := range [][2]string{
			{"select a,\n  (select a, b from t) as x\nfrom t", "2:3: a subquery read as one value gives 2 columns"},
			{"select a from t\nwhere a = (select a, b, c from t)", "2:11: a subquery read as one value gives 3 columns"},
			{"select coalesce((select a, b from t), 0) as x", "1:17: a subquery read as one value gives 2 columns"},
			{"select 1 + (select 1, 2) as x", "1:12: a subquery read as one value gives 2 columns"},
			{"select a from t where (select a, b from t) is null", "1:23: a subquery read as one value gives 2 columns"},
		} {
			expectRefused(t, d, c[0], c[1]+hint)
		}
	}
	for _, q := range []string{
		"select (select a from t) as x",
		"select a from t where exists (select a, b from t)",
		"select a from t where a = any (select a from t)",
		"select (select * from t) as x",
	} {
		expectAccepted(t, duckdb, q)
	}
	expectAccepted(t, bigquery, "select (select as struct a, b from t) as x")
	expectAccepted(t, snowflake, "select a from t where (a, b) = (select a, b from t)")
}

// A column neither grouped nor aggregated in a grouped select is refused
// in the warehouses, which fail on it; what is grouped, aggregated, a
// select alias, or not told is left alone (each checked on DuckDB).
func TestUngroupedColumns(t *testing.T) {
	const hint = " is neither grouped nor inside an aggregate, which the warehouse refuses (SQLite would take it from any row of the group) (add it to GROUP BY, or read it through an aggregate: any_value(x), max(x))"
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		for _, c := range [][2]string{
			{"select a,\n  sum(b) as s\nfrom t", "1:8: a"},
			{"select a, b from t group by a", "1:11: b"},
			{"select t.a, count(*) as n from t group by t.b", "1:8: t.a"},
			{"select case when a > 0 then b end as x from t group by a", "1:29: b"},
			{"select a, count(*) as n from t group by a having max(b) > 1 and b > 1", "1:65: b"},
			{"select a, count(*) as n from t group by a order by b", "1:52: b"},
			{"select a + 1 as a1, count(*) as n from t group by a + 2", "1:8: a"},
			{"select upper(b) as u, coalesce(sum(a), 0) as s from t group by lower(b)", "1:14: b"},
			// a window runs on the groups
			{"select a, sum(b) over () as s, count(*) as n from t group by a", "1:15: b"},
			{"select a, row_number() over (order by b) as r from t group by a", "1:39: b"},
			{"select a, count(*) as n, rank() over (partition by b order by count(*)) as r from t group by a", "1:52: b"},
		} {
			expectRefused(t, d, c[0], c[1]+hint)
		}
		for _, q := range []string{
			"select a + 1 as a1, sum(b) as s from t group by a",
			"select a as k, sum(b) as s from t group by k",
			"select b, sum(a) as s from t group by 1",
			"select t.a, count(*) as n from t group by a",
			"select a + b as ab, count(*) as n from t group by a+b",
			"select a, count(*) as n from t group by a order by max(b)",
			"select a, count(*) as n from t group by a order by n",
			"select a, count(*) as n from t group by a having n > 1",
			"select a, (select max(b) from t) as m from t group by a",
			"select a, b from t",
			"select a, sum(b) over () as s from t",
			"select a, count(*) as n from t group by rollup(a)",
			"select t.*, 1 as one from t",
			"select x, count(*) as n from t group by x",
			"select upper(b) as u, coalesce(sum(a), 0) as s, coalesce(max(a), b) as m from t group by b",
			"select upper(b) as u from t group by upper(b)",
			"select a, sum(sum(b)) over () as s from t group by a",
			"select a, rank() over (partition by a order by max(b) desc) as r from t group by a",
			"select a, count(*) as n, lag(count(*)) over (order by a) as prev from t group by a",
		} {
			expectAccepted(t, d, q)
		}
	}
}

// expectAccepted fails the test when in is refused in dialect d.
func expectAccepted(t *testing.T, d Dialect, in string) {
	t.Helper()
	if _, err := TranslateWith(in, testOptions(d)); err != nil {
		t.Errorf("%s: %q: %v", d, in, err)
	}
}
