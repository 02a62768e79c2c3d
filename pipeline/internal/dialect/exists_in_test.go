package dialect

import "testing"

// An EXISTS correlated by equalities only is IN of its subquery, computed
// once; the values (NULL keys, NOT EXISTS, several keys) are checked on
// DuckDB in the conformance table.
func TestExistsAsIn(t *testing.T) {
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		expectTranslated(t, d, "select a from t where exists (select * from u where u.id = t.id and c > 1)",
			"select a from t where (((t.id) IN (SELECT u.id from u where 1 and c > 1)) IS TRUE)")
	}
	// NOT EXISTS, the outer name on either side, unqualified inner names
	expectTranslated(t, duckdb, "select a from t where not exists (select 1 from u where id = t.id)",
		"select a from t where not (((t.id) IN (SELECT id from u where 1)) IS TRUE)")
	// several equalities compare row values; joins inside stay
	expectTranslated(t, duckdb, "select a from t x where exists (select 1 from u join u v on u.id = v.id where x.id = u.id and v.c = x.b)",
		"select a from t x where (((x.id, x.b) IN (SELECT u.id, v.c from u join u v on u.id = v.id where 1 and 1)) IS TRUE)")
	// the lines keep their numbers
	expectTranslated(t, duckdb, "select a from t where exists (\n  select *\n  from u\n  where u.id = t.id\n)",
		"select a from t where (((t.id) IN (SELECT u.id from u where 1)) IS TRUE)\n\n\n\n")
	// left as an EXISTS: correlated otherwise than by equality, aggregated,
	// limited, holding a subquery, of an unknown table; its tables are read
	// through a MATERIALIZED CTE (subquery_tables.go)
	for _, c := range [][2]string{
		{"select a from t where exists (select 1 from u where u.id = t.id and u.c <> t.a)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select 1 from __m1 AS u where u.id = t.id and u.c <> t.a)"},
		{"select a from t where exists (select 1 from u where u.id = t.id or u.c = 1)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select 1 from __m1 AS u where u.id = t.id or u.c = 1)"},
		{"select a from t where exists (select 1 from u where u.id = t.id + u.c)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select 1 from __m1 AS u where u.id = t.id + u.c)"},
		{"select a from t where exists (select count(*) from u where u.id = t.id)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id FROM u) select count(*) from __m1 AS u where u.id = t.id)"},
		{"select a from t where exists (select c from u where u.id = t.id group by c)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id, c FROM u) select c from __m1 AS u where u.id = t.id group by c)"},
		{"select a from t where exists (select 1 from u where u.id = t.id limit 1)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id FROM u) select 1 from __m1 AS u where u.id = t.id limit 1)"},
		{"select a from t where exists (select 1 from u where u.id = t.id union all select 1)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id FROM u) select 1 from __m1 AS u where u.id = t.id union all select 1)"},
		{"select a from t where exists (select 1 from nowhere where nowhere.id = t.id)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT * FROM nowhere) select 1 from __m1 AS nowhere where nowhere.id = t.id)"},
		{"select a from t where exists (select 1 from u join t v on v.id = t.id where u.id = t.id)",
			"select a from t where exists (WITH __m1 AS MATERIALIZED (SELECT id FROM u), __m2 AS MATERIALIZED (SELECT id FROM t) select 1 from __m1 AS u join __m2 AS v on v.id = t.id where u.id = t.id)"},
	} {
		expectTranslated(t, duckdb, c[0], c[1])
	}
	// uncorrelated, or not told from uncorrelated (t is also the inner
	// subquery's): as written
	for _, q := range []string{
		"select a from t where exists (select 1 from u where u.id = t.id and c in (select id from t))",
		"select a from t where exists (select 1 from u where c > 1)",
	} {
		expectTranslated(t, duckdb, q, q)
	}
	// a FROM subquery inside: EXISTS stays (its subquery is materialized)
	expectTranslated(t, duckdb, "select a from t where exists (select 1 from u, (select id from t) s where u.id = t.id)",
		"select a from t where exists (WITH __m1 AS MATERIALIZED (select id from t) select 1 from u, __m1 s where u.id = t.id)")
	expectTranslated(t, sqlite, "select a from t where exists (select * from u where u.id = t.id)",
		"select a from t where exists (select * from u where u.id = t.id)")
}
