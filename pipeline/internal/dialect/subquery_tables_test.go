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

// The tables of a correlated subquery are read through a MATERIALIZED CTE
// of the columns it names, computed once; the values are checked on DuckDB
// in the conformance table.
func TestCorrelatedSubqueryTables(t *testing.T) {
	for _, c := range [][2]string{
		// an aggregate per outer row; a bare outer name
		{"select id, (select max(c) from u where u.id = t.id) as m from t",
			"select id, (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select max(c) from __m1 AS u where u.id = t.id) as m from t"},
		{"select id from t where not exists (select 1 from u x where x.id = t.id and x.c > a)",
			"select id from t where not exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select 1 from __m1 AS x where x.id = t.id and x.c > a)"},
		// the whole row, or *, outside EXISTS: every column
		{"select id, (select to_json(x) from u x where x.id = t.id) from t",
			"select id, (WITH __m1 AS MATERIALIZED (SELECT * FROM u) select to_json_duck(x) from __m1 AS x where x.id = t.id) from t"},
		// a * or COLUMNS(...) may read any column: all of them, but for
		// count(*), and in EXISTS
		{"select id, (select max(columns('c')) from u where u.id = t.id) from t",
			"select id, (WITH __m1 AS MATERIALIZED (SELECT * FROM u) select max(c) AS c from __m1 AS u where u.id = t.id) from t"},
		{"select id, (select sum(c * 2) from u where u.id = t.id) from t",
			"select id, (WITH __m1 AS MATERIALIZED (SELECT * FROM u) select duck_sum(c * 2) from __m1 AS u where u.id = t.id) from t"},
		{"select id, (select count(*) from u where u.id = t.id) from t",
			"select id, (WITH __m1 AS MATERIALIZED (SELECT id FROM u) select count(*) from __m1 AS u where u.id = t.id) from t"},
		{"select id from t where exists (select * from u where u.id = t.id and u.c > t.a)",
			"select id from t where exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select * from __m1 AS u where u.id = t.id and u.c > t.a)"},
		// the lines keep their numbers
		{"select id, (\n  select max(c)\n  from u\n  where u.id = t.id) from t",
			"select id, (\n  WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select max(c)\n  from __m1 AS u\n  where u.id = t.id) from t"},
	} {
		expectTranslated(t, duckdb, c[0], c[1])
	}
	for _, q := range []string{
		// uncorrelated: SQLite runs it once
		"select id, (select max(c) from u) as m from t",
		// a table's rowid, which a CTE has not
		"select id, (select max(c) from u where u.rowid = t.id) from t",
		// schema.table.column, which the CTE's alias does not give
		"select id, (select max(c) from main.s where main.s.n = t.id) from t",
	} {
		expectTranslated(t, duckdb, q, q)
	}
	expectTranslated(t, sqlite, "select id, (select max(c) from u where u.id = t.id) from t",
		"select id, (select max(c) from u where u.id = t.id) from t")
}
