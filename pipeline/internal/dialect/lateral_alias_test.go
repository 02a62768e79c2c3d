package dialect

import "testing"

// Lateral column aliases: t has columns id, a, b; src is a table whose
// columns are not known.
func TestLateralAlias(t *testing.T) {
	expectTranslated(t, duckdb, "select 2 as a, a * 10 as b, b + 1 as c", "select 2 as a, integer_overflow((2) * 10, 32, 'multiplication', 1) as b, integer_overflow((integer_overflow((2) * 10, 32, 'multiplication', 1)) + 1, 32, 'addition', 1) as c")
	expectTranslated(t, snowflake, "select 2 as x, x * 10 as y", "select 2 as x, (2) * 10 as y")
	expectTranslated(t, duckdb, "select id + 1 as n, n from t", "select date_arith(id, 1, '+', 1) as n, (date_arith(id, 1, '+', 1)) AS n from t")
	expectTranslated(t, duckdb, "select id * 2 as a, a + 1 as c from t", "select id * 2 as a, date_arith(a, 1, '+', 1) as c from t")
	expectTranslated(t, duckdb, "select id as k, sum(b) as s, s / 2 as half from t group by k", "select id as k, duck_sum(b) as s, CAST((duck_sum(b)) AS REAL) / 2 as half from t group by k")
	expectTranslated(t, duckdb, "select row_number() over (order by id) as rn, rn * 10 as r10 from t", "select row_number() over (order by id NULLS LAST) as rn, integer_overflow((row_number() over (order by id NULLS LAST)) * 10, 64, 'multiplication', 1) as r10 from t")
	expectTranslated(t, snowflake, "select id % 2 as k, k * 10 as kk from t where kk > 0 qualify kk = 10",
		"SELECT k, kk FROM (select modulo(id, 2, 'snowflake', 1) as k, (modulo(id, 2, 'snowflake', 1)) * 10 as kk, ((modulo(id, 2, 'snowflake', 1)) * 10) = 10 AS _nexus_qualify from t where kk > 0) WHERE _nexus_qualify ")
	expectTranslated(t, duckdb, "with w as (select 1 as x) select x + 1 as y, y * 2 as z from w", "with w as (select 1 as x) select integer_overflow(x + 1, 32, 'addition', 1) as y, integer_overflow((integer_overflow(x + 1, 32, 'addition', 1)) * 2, 32, 'multiplication', 1) as z from w")
	expectTranslated(t, duckdb, "select 1 as q, (select q) as r", "select 1 as q, (select q) as r")
	expectTranslated(t, duckdb, "select [1, 2] as l, 3 as x, list_transform(l, x -> x + 1) as m", "select json_array(1, 2) as l, 3 as x, json((SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT json_group_array(x + 1 ORDER BY _nexus_i) FROM (SELECT key AS _nexus_i, type AS _nexus_t, value AS x FROM json_each(_nexus_list))) END FROM (SELECT (json_array(1, 2)) AS _nexus_list))) as m")
	expectTranslated(t, duckdb, "select 2 as a,\n  a -- two\n  * 10 as b", "select 2 as a,\n  integer_overflow((2) -- two\n  * 10, 32, 'multiplication', 3) as b")
	expectTranslated(t, duckdb, "select 1, \"\" from t", "select 1, \"\" from t") // an empty name is no unnamed item's alias
	expectTranslated(t, duckdb, "select date '2024-01-31' as d, d + 1 as e", "select date('2024-01-31') as d, date((date('2024-01-31')), ((1)) || ' days') as e")
	expectTranslated(t, duckdb, "select {'x': 1} as s, s.x", `select json_object('x', 1) as s, json_extract((json_object('x', 1)), '$.x') AS x`)
	expectTranslated(t, duckdb, "select (select id from t qualify id = 1) as a, a + 1 as b",
		"select (SELECT id FROM (select id, id = 1 AS _nexus_qualify from t) WHERE _nexus_qualify ) as a, date_arith(((SELECT id FROM (select id, id = 1 AS _nexus_qualify from t) WHERE _nexus_qualify )), 1, '+', 1) as b")
	// the columns of src are not known: the name is left for SQLite
	expectTranslated(t, duckdb, "select 2 as a, a * 10 as b from src", "select 2 as a, a * 10 as b from src")
	expectTranslated(t, bigquery, "select 2 as a, a * 10 as b from src", "select 2 as a, a * 10 as b from src")
	expectTranslated(t, bigquery, "select id * 2 as a, a + 1 as c from t", "select id * 2 as a, a + 1 as c from t")
	expectRefused(t, bigquery, "select 2 as a,\n a * 10 as b", "2:2: a is an alias of this select list: BigQuery does not let a select item use an alias an earlier item defines (repeat the expression, or select it in a subquery and compute from that: select a, a * 10 as b from (select 2 as a))")
}

func TestLateralAliasRows(t *testing.T) {
	expectRows(t, duckdb, "select 2 as a, a * 10 as b, b + 1 as c", "2|20|21")
	expectRows(t, snowflake, "with v as (select 1 as x union all select 2) select x * 10 as y, y + 1 as z from v where z > 15 order by z", "20|21")
	expectRows(t, duckdb, "with v as (select 1 as x union all select 2 union all select 3) select x % 2 as k, count(*) as n, n * 100 as pct from v group by k having pct > 100 order by k", "1|2|200")
	expectRows(t, snowflake, "with v as (select 1 as x union all select 2 union all select 3) select x * 2 as y, row_number() over (order by y desc) as rn from v qualify rn = 1", "6|1")
	// TABLE(GENERATOR(...)) gives rows without columns: a name is an
	// earlier item's alias, as in Snowflake (an hour spine's hour_end)
	expectRows(t, snowflake, "select seq4() + 1 as h, h * 10 as tens from table(generator(rowcount => 3)) order by h", "1|10\n2|20\n3|30")
}
