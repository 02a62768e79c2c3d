package dialect

import "testing"

// The inputs of a compound, and a whole query, may be written in
// parentheses, each keeping its ORDER BY and LIMIT.
func TestParenthesizedBodies(t *testing.T) {
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "(select 1 as a) union all (select 2 as a)", "SELECT * FROM (select 1 as a) union all SELECT * FROM (select 2 as a)"},
		{duckdb, "(select 1 as a)", "SELECT * FROM (select 1 as a)"},
		{bigquery, "select 1 as a union all (select 2 as a order by a limit 1)", "select 1 as a union all SELECT * FROM (select 2 as a order by a limit 1)"},
		{snowflake, "with x as (select 1 as a) (select a from x) union all (select 2)", "with x as (select 1 as a) SELECT * FROM (select a from x) union all SELECT * FROM (select 2)"},
		{duckdb, "select * from ((select 1 as a) union all (select 2 as a))", "select * from (SELECT * FROM (select 1 as a) union all SELECT * FROM (select 2 as a))"},
	} {
		expectTranslated(t, c.d, c.in, c.want)
	}
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "(select 1 as a) union all (select 2 as a) order by a desc", "2\n1"},
		{duckdb, "(select 1 as a)", "1"},
		{bigquery, "(select a from (select 3 as a union all select 1) order by a limit 1) union all (select 2) order by 1", "1\n2"},
		{snowflake, "with x as ((select 1 as a) union all (select 2)) select sum(a) from x", "3"},
		{duckdb, "select count(*) from ((select 1 as a) union (select 1 as a))", "1"},
		{duckdb, "((select 1 as a) union all (select 2 as a)) except (select 2)", "1"},
	} {
		expectRows(t, c.d, c.in, c.want)
	}
}
