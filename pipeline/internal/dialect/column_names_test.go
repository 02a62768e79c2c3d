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
		{duckdb, "with t(a, b) as (select 1 as x, 2 as y) select * replace (b * 10 as b) from t", "with t(a, b) as (select 1 as x, 2 as y) select a, integer_overflow(b * 10, 32, 'multiplication', 1) AS b from t"},
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
	// BigQuery's WITH has no column list
	expectRefused(t, bigquery, "with s as (select 1 as a),\nt(a, b) as (select 1, 2) select a from t", "2:2: a column list after a CTE's name is not supported in BigQuery SQL (name the columns inside the CTE: with t as (select 1 as a, 2 as b))")
}

// A bare VALUES names its columns col0, col1, ... in DuckDB, column1,
// column2, ... in Snowflake (and SQLite); a column list renames them.
func TestValuesColumnNames(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{duckdb, "select col0 from (values (1))", "select col0 from (SELECT column1 AS col0 FROM (values (1)))"},
		{duckdb, "select * exclude (col0) from (values (1, 2))", "select col1 from (SELECT column1 AS col0, column2 AS col1 FROM (values (1, 2)))"},
		{duckdb, "values (1, 2), (3, 4)", "SELECT column1 AS col0, column2 AS col1 FROM (values (1, 2), (3, 4))"},
		{duckdb, "select 1 as col1 union all by name values (2, 3)",
			"SELECT *, NULL AS col0 FROM (select 1 as col1) union all SELECT col1, col0 FROM (SELECT column1 AS col0, column2 AS col1 FROM (values (2, 3)))"},
		{duckdb, "select col1 + 1 from (values (1, date '2024-01-05'))", "select date(col1, ((1)) || ' days') from (SELECT column1 AS col0, column2 AS col1 FROM (values (1, date('2024-01-05'))))"},
		{snowflake, "select * exclude (column1) from (values (1, 2))", "select column2 from (values (1, 2))"},
		// renamed by a column list, or inserted by position: as written
		{duckdb, "select a from (values (1, 2)) v(a, b)", "select a from (WITH _nexus_cols1(a, b) AS (values (1, 2)) SELECT * FROM _nexus_cols1) AS v"},
		{duckdb, "with c(a) as (values (1)) select a from c", "with c(a) as (values (1)) select a from c"},
		{duckdb, "insert into t values (1, 'x', 2) on conflict do nothing", "insert into t values (1, 'x', 2) on conflict do nothing"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	expectRows(t, duckdb, "select * exclude (col0) from (values (1, 2), (3, 4)) order by col1", "2\n4")
	expectRows(t, duckdb, "select 1 as col1 union all by name values (2, 3) order by col1", "1|NULL\n3|2")
	// BigQuery has VALUES in INSERT only
	expectRefused(t, bigquery, "select a from (values (1, 2)) as v(a, b)", "1:16: VALUES is not supported in BigQuery SQL outside INSERT (select the rows: select 1 as a, 'x' as b union all select 2, 'y')")
	expectTranslated(t, bigquery, "insert into t values (1, 'x', 2)", "insert into t values (1, 'x', 2)")
}

// A name the warehouse takes bare but SQLite reads as a keyword (AS
// index, FLATTEN's column index read from a model) is quoted; SQLite SQL
// stays as written.
func TestKeywordNames(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{snowflake, "select a as index, t.index from t", `select a as "index", t."index" from t`},
		{snowflake, "select index + 1 from t", `select "index" + 1 from t`},
		{duckdb, "select count(*) index from t", `select count(*) "index" from t`},
		{bigquery, "select x.unique from t as x", `select x."unique" from t as x`},
		{sqlite, "select a as b from t", "select a as b from t"},
		// a CTE, a table and an alias by such a name too
		{duckdb, "with nothing as (select 1 as num) select * from nothing where num = 2", `with "nothing" as (select 1 as num) select * from "nothing" where num = 2`},
		{snowflake, "select nothing.x from s.nothing as nothing", `select "nothing".x from s."nothing" as "nothing"`},
		{bigquery, "select raise from (select 1 as raise) raise", `select "raise" from (select 1 as "raise") "raise"`},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	expectRows(t, snowflake, "select index + 1 from (select a as index from (select 1 as a))", "2")
	expectRows(t, duckdb, "with nothing as (select 1 as num) select num + 1 from nothing as nothing", "2")
}
