package dialect

import (
	"strings"
	"testing"
)

// A FULL or RIGHT JOIN of a SELECT that filters and projects is the union
// of the left rows with their matches and the right rows without one; the
// values (NULL keys, duplicates, USING, conditions on one side) are checked
// on DuckDB in the conformance table.
func TestFullJoinAsUnion(t *testing.T) {
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		expectTranslated(t, d, "select t.a, u.c from t full outer join u on t.id = u.id",
			"select t.a, u.c from t LEFT outer join u on t.id = u.id UNION ALL select t.a, u.c from (SELECT * FROM t WHERE 0) AS t RIGHT outer join u on t.id = u.id WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE)")
	}
	for _, c := range [][2]string{
		// a WHERE; RIGHT JOIN; conditions on one side; USING
		{"select * from t a full join u b on b.id = a.id and a.b > 1 and b.c = 'x' where a.a is null",
			"select * from t a LEFT join u b on b.id = a.id and a.b > 1 and b.c = 'x' where a.a is null UNION ALL select * from (SELECT * FROM t a WHERE 0) AS a RIGHT join u b on b.id = a.id and a.b > 1 and b.c = 'x' where (a.a is null) AND NOT ((b.c = 'x') IS TRUE AND ((b.id) IN (SELECT a.id FROM t a WHERE a.b > 1)) IS TRUE)"},
		{"select id, a, c from t right outer join u using (id)",
			"select id, a, c from t INNER  join u using (id) UNION ALL select id, a, c from (SELECT * FROM t WHERE 0) AS t RIGHT outer join u using (id) WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE)"},
		// a condition reading both sides beyond the equalities: the right
		// rows among those an inner join gives, by their values
		{"select t.a, u.c from t full join u on t.id = u.id and t.a < u.c",
			"select t.a, u.c from t LEFT join u on t.id = u.id and t.a < u.c UNION ALL select t.a, u.c from (SELECT * FROM t WHERE 0) AS t RIGHT join u on t.id = u.id and t.a < u.c WHERE NOT (((quote(u.id), quote(u.c)) IN (SELECT quote(u.id), quote(u.c) FROM t JOIN u ON t.id = u.id and t.a < u.c)) IS TRUE)"},
		// joins before it are the left side, after it stay
		{"select x.a, u.c from t x left join t y on y.id = x.a full join u on u.id = y.b join t z on z.id = u.id",
			"select x.a, u.c from t x left join t y on y.id = x.a LEFT join u on u.id = y.b join t z on z.id = u.id UNION ALL select x.a, u.c from (SELECT * FROM t x WHERE 0) AS x left join (SELECT * FROM t y WHERE 0) AS y on y.id = x.a RIGHT join u on u.id = y.b join t z on z.id = u.id WHERE NOT (((u.id) IN (SELECT y.b FROM t x left join t y on y.id = x.a)) IS TRUE)"},
		// DISTINCT is UNION; ORDER BY an output column; a member of a UNION
		{"select distinct t.a from t full join u on t.id = u.id order by a",
			"select distinct t.a from t LEFT join u on t.id = u.id UNION select distinct t.a from (SELECT * FROM t WHERE 0) AS t RIGHT join u on t.id = u.id WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE) order by a NULLS LAST"},
		{"select 1 as a union all select t.a from t full join u on t.id = u.id",
			"select 1 as a union all SELECT * FROM (select t.a from t LEFT join u on t.id = u.id UNION ALL select t.a from (SELECT * FROM t WHERE 0) AS t RIGHT join u on t.id = u.id WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE))"},
		// the lines keep their numbers
		{"select t.a\nfrom t\nfull join u\n  on t.id = u.id\nwhere t.b > 0",
			"select t.a\nfrom t\nLEFT join u\n  on t.id = u.id\nwhere t.b > 0 UNION ALL select t.a from (SELECT * FROM t WHERE 0) AS t RIGHT join u on t.id = u.id where (t.b > 0) AND NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE)"},
	} {
		expectTranslated(t, duckdb, c[0], c[1])
	}
	// left as written: a window, an inequality, a second outer join, an
	// ORDER BY of an expression, SQLite
	for _, q := range []string{
		"select t.a, row_number() over () from t full join u on t.id = u.id",
		"select t.a from t full join u on t.id < u.id",
		"select t.a from t full join u on t.id = u.id + t.b",
	} {
		expectTranslated(t, duckdb, q, q)
	}
	expectTranslated(t, duckdb, "select t.a from t full join u on t.id = u.id order by coalesce(t.a, u.c)",
		"select t.a from t full join u on t.id = u.id order by coalesce(t.a, u.c) NULLS LAST")
	expectTranslated(t, sqlite, "select t.a from t full join u on t.id = u.id", "select t.a from t full join u on t.id = u.id")
}

// Grouped or aggregated over a FULL JOIN, the join's rows are one derived
// table of the union, each column named alias.column, read there by name.
func TestFullJoinAsTable(t *testing.T) {
	const union = `(SELECT t.id AS "t.id", t.a AS "t.a", t.b AS "t.b", u.id AS "u.id", u.c AS "u.c" FROM t LEFT join u on t.id = u.id UNION ALL ` +
		`SELECT t.id AS "t.id", t.a AS "t.a", t.b AS "t.b", u.id AS "u.id", u.c AS "u.c" FROM (SELECT * FROM t WHERE 0) AS t RIGHT join u on t.id = u.id ` +
		`WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE)) AS _nexus_full`
	for _, c := range [][2]string{
		// qualified and bare names; a column named alone keeps its name
		{"select a, count(u.c) as n from t full join u on t.id = u.id group by a having count(*) > 1",
			`select _nexus_full."t.a" AS a, count(_nexus_full."u.c") as n from ` + union + ` group by _nexus_full."t.a" having count(*) > 1`},
		{"select sum(case when t.id is null then 1 else 0 end) as n from t full join u on t.id = u.id",
			`select duck_sum_int(case when _nexus_full."t.id" is null then 1 else 0 end, 1) as n from ` + union},
		// a USING column named alone is the union's
		{"select id, count(*) as n from t full join u using (id) group by id",
			`select _nexus_full.id AS id, count(*) as n from (SELECT t.id AS "t.id", t.a AS "t.a", t.b AS "t.b", u.id AS "u.id", u.c AS "u.c", id AS id FROM t LEFT join u using (id) UNION ALL ` +
				`SELECT t.id AS "t.id", t.a AS "t.a", t.b AS "t.b", u.id AS "u.id", u.c AS "u.c", id AS id FROM (SELECT * FROM t WHERE 0) AS t RIGHT join u using (id) ` +
				`WHERE NOT (((u.id) IN (SELECT t.id FROM t)) IS TRUE)) AS _nexus_full group by _nexus_full.id`},
	} {
		expectTranslated(t, duckdb, c[0], c[1])
	}
	// an expression without an alias keeps the name of its text as written
	expectTranslated(t, duckdb, "select count(*), max(t.a + u.c) from t full join u on t.id = u.id",
		`select count(*) AS "count(*)", max(_nexus_full."t.a" + _nexus_full."u.c") AS "max(t.a + u.c)" from `+union)
	// left as written: a name two relations hold, a subquery, a column in
	// parentheses, an expression over two lines
	for _, q := range []string{
		"select (t.a), count(*) as n from t full join u on t.id = u.id group by t.a",
		"select count(*) as n, max(t.a +\n u.c) from t full join u on t.id = u.id",
		"select id, count(*) as n from t full join u on t.id = u.id group by id",
		"select t.a, count(*) as n from t full join u on t.id = u.id where t.b in (select id from u) group by t.a",
	} {
		expectTranslated(t, duckdb, q, q)
	}
}

// A chain of FULL or RIGHT JOINs is one derived table built a join at a
// time, each step a CTE of the rows before joined to the next relation.
func TestFullJoinChainAsTable(t *testing.T) {
	const j1 = `_nexus_j0 AS (SELECT t.id AS "t.id", t.a AS "t.a", t.b AS "t.b" FROM t), _nexus_j1 AS (SELECT _nexus_full."t.id" AS "t.id", _nexus_full."t.a" AS "t.a", _nexus_full."t.b" AS "t.b", u.id AS "u.id", u.c AS "u.c"`
	for _, c := range [][2]string{
		// ON the coalesce of the rows before
		{"select t.a, z.b from t full join u on t.id = u.id full join t z on z.id = coalesce(t.id, u.id)",
			`select _nexus_full."t.a" AS a, _nexus_full."z.b" AS b from (WITH ` + j1 + ` FROM _nexus_j0 AS _nexus_full LEFT JOIN u ON _nexus_full."t.id" = u.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", u.id AS "u.id", u.c AS "u.c" FROM u WHERE NOT (((u.id) IN (SELECT _nexus_full."t.id" FROM _nexus_j0 AS _nexus_full)) IS TRUE)), ` +
				`_nexus_j2 AS (SELECT _nexus_full."t.id" AS "t.id", _nexus_full."t.a" AS "t.a", _nexus_full."t.b" AS "t.b", _nexus_full."u.id" AS "u.id", _nexus_full."u.c" AS "u.c", z.id AS "z.id", z.a AS "z.a", z.b AS "z.b" FROM _nexus_j1 AS _nexus_full LEFT JOIN t z ON z.id = coalesce(_nexus_full."t.id", _nexus_full."u.id") UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", NULL AS "u.id", NULL AS "u.c", z.id AS "z.id", z.a AS "z.a", z.b AS "z.b" FROM t z WHERE NOT (((z.id) IN (SELECT coalesce(_nexus_full."t.id", _nexus_full."u.id") FROM _nexus_j1 AS _nexus_full)) IS TRUE)) SELECT * FROM _nexus_j2) AS _nexus_full`},
		// USING twice: the second compares the first's coalesced column
		{"select id, t.a, z.c from t full join u using (id) full join u z using (id)",
			`select _nexus_full.id AS id, _nexus_full."t.a" AS a, _nexus_full."z.c" AS c from (WITH ` + j1 + `, COALESCE(_nexus_full."t.id", u.id) AS id FROM _nexus_j0 AS _nexus_full LEFT JOIN u ON _nexus_full."t.id" = u.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", u.id AS "u.id", u.c AS "u.c", u.id AS id FROM u WHERE NOT (((u.id) IN (SELECT _nexus_full."t.id" FROM _nexus_j0 AS _nexus_full)) IS TRUE)), ` +
				`_nexus_j2 AS (SELECT _nexus_full."t.id" AS "t.id", _nexus_full."t.a" AS "t.a", _nexus_full."t.b" AS "t.b", _nexus_full."u.id" AS "u.id", _nexus_full."u.c" AS "u.c", z.id AS "z.id", z.c AS "z.c", COALESCE(_nexus_full.id, z.id) AS id FROM _nexus_j1 AS _nexus_full LEFT JOIN u z ON _nexus_full.id = z.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", NULL AS "u.id", NULL AS "u.c", z.id AS "z.id", z.c AS "z.c", z.id AS id FROM u z WHERE NOT (((z.id) IN (SELECT _nexus_full.id FROM _nexus_j1 AS _nexus_full)) IS TRUE)) SELECT * FROM _nexus_j2) AS _nexus_full`},
		// grouped, an inner join after the FULL JOIN
		{"select t.a, count(*) as n from t full join u on t.id = u.id join t z on z.id = t.id group by t.a",
			`select _nexus_full."t.a" AS a, count(*) as n from (WITH ` + j1 + ` FROM _nexus_j0 AS _nexus_full LEFT JOIN u ON _nexus_full."t.id" = u.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", u.id AS "u.id", u.c AS "u.c" FROM u WHERE NOT (((u.id) IN (SELECT _nexus_full."t.id" FROM _nexus_j0 AS _nexus_full)) IS TRUE)), ` +
				`_nexus_j2 AS (SELECT _nexus_full."t.id" AS "t.id", _nexus_full."t.a" AS "t.a", _nexus_full."t.b" AS "t.b", _nexus_full."u.id" AS "u.id", _nexus_full."u.c" AS "u.c", z.id AS "z.id", z.a AS "z.a", z.b AS "z.b" FROM _nexus_j1 AS _nexus_full INNER JOIN t z ON z.id = _nexus_full."t.id") SELECT * FROM _nexus_j2) AS _nexus_full group by _nexus_full."t.a"`},
		// * is each relation's columns, a USING column once, where the
		// left side gives it, as the join's value; u.* is u's own
		{"select *, u.* from t full join u using (id) full join u z using (id)",
			`select _nexus_full.id AS id, _nexus_full."t.a" AS a, _nexus_full."t.b" AS b, _nexus_full."u.c" AS c, _nexus_full."z.c" AS c, _nexus_full."u.id" AS id, _nexus_full."u.c" AS c from (WITH ` + j1 + `, COALESCE(_nexus_full."t.id", u.id) AS id FROM _nexus_j0 AS _nexus_full LEFT JOIN u ON _nexus_full."t.id" = u.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", u.id AS "u.id", u.c AS "u.c", u.id AS id FROM u WHERE NOT (((u.id) IN (SELECT _nexus_full."t.id" FROM _nexus_j0 AS _nexus_full)) IS TRUE)), ` +
				`_nexus_j2 AS (SELECT _nexus_full."t.id" AS "t.id", _nexus_full."t.a" AS "t.a", _nexus_full."t.b" AS "t.b", _nexus_full."u.id" AS "u.id", _nexus_full."u.c" AS "u.c", z.id AS "z.id", z.c AS "z.c", COALESCE(_nexus_full.id, z.id) AS id FROM _nexus_j1 AS _nexus_full LEFT JOIN u z ON _nexus_full.id = z.id UNION ALL SELECT NULL AS "t.id", NULL AS "t.a", NULL AS "t.b", NULL AS "u.id", NULL AS "u.c", z.id AS "z.id", z.c AS "z.c", z.id AS id FROM u z WHERE NOT (((z.id) IN (SELECT _nexus_full.id FROM _nexus_j1 AS _nexus_full)) IS TRUE)) SELECT * FROM _nexus_j2) AS _nexus_full`},
	} {
		expectTranslated(t, duckdb, c[0], c[1])
	}
	// * EXCLUDE leaves the columns it names out; over ON, every column
	got, err := TranslateWith("select * exclude (b, c) from t full join u on t.id = u.id full join t z on z.id = u.id", testOptions(duckdb))
	if want := `select _nexus_full."t.id" AS id, _nexus_full."t.a" AS a, _nexus_full."u.id" AS id, _nexus_full."z.id" AS id, _nexus_full."z.a" AS a from (WITH `; err != nil || !strings.HasPrefix(got, want) {
		t.Errorf("* EXCLUDE over a chain: %v\n%s\nwant it to start %s", err, got, want)
	}
	// a step whose ON reads both sides beyond the equality
	got, err = TranslateWith("select t.a, z.b from t full join u on t.id = u.id full join t z on z.id = u.id and z.b > t.b", testOptions(duckdb))
	if want := `FROM t z WHERE NOT (((quote(z.id), quote(z.a), quote(z.b)) IN (SELECT quote(z.id), quote(z.a), quote(z.b) FROM _nexus_j1 AS _nexus_full JOIN t z ON z.id = _nexus_full."u.id" and z.b > _nexus_full."t.b")) IS TRUE)) SELECT * FROM _nexus_j2) AS _nexus_full`; err != nil || !strings.HasSuffix(got, want) {
		t.Errorf("a step's ON reading both sides: %v\n%s\nwant it to end %s", err, got, want)
	}
	// * REPLACE reads the relations: written as its columns, the joins as written
	got, err = TranslateWith("select * replace (1 as a) from t full join u on t.id = u.id full join t z on z.id = u.id", testOptions(duckdb))
	if err != nil || strings.Contains(got, "_nexus_j0") {
		t.Errorf("* REPLACE over a chain: %v\n%s", err, got)
	}
	// left as written: an inequality, a name two relations hold
	for _, q := range []string{
		"select t.a from t full join u on t.id = u.id full join t z on z.id < u.id",
		"select id, a from t full join u using (id) full join t z using (id)",
	} {
		expectTranslated(t, duckdb, q, q)
	}
}
