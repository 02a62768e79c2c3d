package dialect

import (
	"strings"
	"testing"
)

// produce is the table of BigQuery's PIVOT and UNPIVOT examples.
const produce = "with produce as (select 'Kale' as product, 51 as sales, 'Q1' as quarter, 2020 as year union all " +
	"select 'Kale', 23, 'Q2', 2020 union all select 'Kale', 45, 'Q3', 2020 union all select 'Kale', 3, 'Q4', 2020 union all " +
	"select 'Kale', 70, 'Q1', 2021 union all select 'Kale', 85, 'Q2', 2021 union all " +
	"select 'Apple', 77, 'Q1', 2020 union all select 'Apple', 0, 'Q2', 2020 union all select 'Apple', 1, 'Q1', 2021) "

// quarters is the same data as columns.
const quarters = "with produce as (select 'Kale' as product, 51 as q1, 23 as q2, 45 as q3, 3 as q4 union all " +
	"select 'Apple', 77, 0, 25, 2) "

// halves has two groups of columns, one all NULL.
const halves = "with halves as (select 'Kale' as product, 51 as s1, 2 as r1, 3 as s2, 4 as r2 union all " +
	"select 'Apple', 77, 1, null, null) "

func TestPivot(t *testing.T) {
	translated := []struct {
		d       Dialect
		in, out string
	}{
		{bigquery, "select * from t pivot(sum(b) for a in ('x', 'y'))",
			"select * from (SELECT id, sum(CASE WHEN a = 'x' THEN b END) AS x, sum(CASE WHEN a = 'y' THEN b END) AS y FROM t GROUP BY id) AS t"},
		{bigquery, "select *\nfrom t\npivot(\n  sum(b) as total, count(*) as n\n  for a in ('x' as ex)\n) as p",
			"select *\nfrom (SELECT id, sum(CASE WHEN a = 'x' THEN b END) AS total_ex, count(CASE WHEN a = 'x' THEN 1 END) AS n_ex FROM t GROUP BY id) AS p\n\n\n\n"},
		{snowflake, "select * from t pivot(sum(b) for a in ('x'))",
			`select * from (SELECT id, sum(CASE WHEN a = 'x' THEN b END) AS "'x'" FROM t GROUP BY id) AS t`},
		{duckdb, "select * from t unpivot (v for k in (a, b))",
			"select * from (SELECT id, 'a' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL SELECT id, 'b' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t"},
		{bigquery, "select * from t unpivot include nulls (v for k in (a as 'first', b))",
			"select * from (SELECT id, a AS v, 'first' AS k FROM t UNION ALL SELECT id, b AS v, 'b' AS k FROM t) AS t"},
		{snowflake, "select * from t unpivot (v for k in (a, b))",
			"select * from (SELECT id, 'A' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL SELECT id, 'B' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t"},
		{snowflake, "select * from t pivot(sum(b) for a in ('x') default on null (0))",
			`select * from (SELECT id, coalesce(sum(CASE WHEN a = 'x' THEN b END), 0) AS "'x'" FROM t GROUP BY id) AS t`},
		{duckdb, "select * from t unpivot ((v, w) for k in ((a, b) as x, (id, id)))",
			"select * from (SELECT 'x' AS k, a AS v, b AS w FROM t WHERE a IS NOT NULL AND b IS NOT NULL UNION ALL SELECT 'id_id' AS k, id AS v, id AS w FROM t WHERE id IS NOT NULL AND id IS NOT NULL) AS t"},
		{bigquery, "select * from t unpivot ((v, w) for k in ((a, b) as 'x'))",
			"select * from (SELECT id, a AS v, b AS w, 'x' AS k FROM t WHERE a IS NOT NULL OR b IS NOT NULL) AS t"},
		// over an alias list t(a, b), the columns are the list's
		{duckdb, "select * from (values ('a', 'q1', 1)) t(k, q, v)\npivot (sum(v) for q in ('q1'))",
			"select * from (SELECT k, duck_sum(CASE WHEN q = 'q1' THEN v END) AS q1 FROM (WITH _nexus_cols1(k, q, v) AS (values ('a', 'q1', 1)) SELECT * FROM _nexus_cols1) AS t GROUP BY k) AS t\n"},
		{duckdb, "select * from t as s(x, y, z) unpivot (v for q in (y, z))",
			"select * from (SELECT x, 'y' AS q, y AS v FROM (WITH _nexus_cols1(x, y, z) AS (SELECT * FROM t) SELECT * FROM _nexus_cols1) AS s WHERE y IS NOT NULL UNION ALL SELECT x, 'z' AS q, z AS v FROM (WITH _nexus_cols1(x, y, z) AS (SELECT * FROM t) SELECT * FROM _nexus_cols1) AS s WHERE z IS NOT NULL) AS s"},
		// DuckDB's simplified UNPIVOT is the standard clause
		{duckdb, "unpivot t\non a, b\ninto name k value v;\nselect 1",
			"SELECT * FROM (SELECT id, 'a' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL SELECT id, 'b' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t\n\n ;\nselect 1"},
		{duckdb, "with c as (select id, b, b * 2 as d from t) unpivot c on b as x, d",
			"with c as (select id, b, b * 2 as d from t) SELECT * FROM (SELECT id, 'x' AS name, b AS value FROM c WHERE b IS NOT NULL UNION ALL SELECT id, 'd' AS name, d AS value FROM c WHERE d IS NOT NULL) AS c"},
		// UNPIVOT ON COLUMNS(...) or * EXCLUDE: the columns it names
		{duckdb, "unpivot t on columns(* exclude (id)) into name k value v",
			"SELECT * FROM (SELECT id, 'a' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL SELECT id, 'b' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t"},
		{duckdb, "unpivot t on * exclude (id, a) into name k value v",
			"SELECT * FROM (SELECT id, a, 'b' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t"},
		{duckdb, "select * from t unpivot (v for k in (columns('^[ab]$')))",
			"select * from (SELECT id, 'a' AS k, a AS v FROM t WHERE a IS NOT NULL UNION ALL SELECT id, 'b' AS k, b AS v FROM t WHERE b IS NOT NULL) AS t"},
		// DuckDB's PIVOT statement; without IN the values are read from
		// the data (t's a: 'x', 'Y' and NULL), in the order of their text
		{duckdb, "pivot t on a using sum(b)",
			"SELECT * FROM (SELECT id, duck_sum(CASE WHEN a = 'Y' THEN b END) AS Y, duck_sum(CASE WHEN a = 'x' THEN b END) AS x FROM t GROUP BY id) AS t"},
		{duckdb, "pivot t\non a\nusing sum(b) as s, count(*)\ngroup by id\norder by id",
			`SELECT * FROM (SELECT id, duck_sum(CASE WHEN a = 'Y' THEN b END) AS Y_s, count(CASE WHEN a = 'Y' THEN 1 END) AS "Y_count_star()", duck_sum(CASE WHEN a = 'x' THEN b END) AS x_s, count(CASE WHEN a = 'x' THEN 1 END) AS "x_count_star()" FROM t GROUP BY id) AS t` + "\n\n\n\n order by id NULLS LAST"},
		{duckdb, "pivot t on a in ('x', 'z') using max(b) group by id",
			"SELECT * FROM (SELECT id, max(CASE WHEN a = 'x' THEN b END) AS x, max(CASE WHEN a = 'z' THEN b END) AS z FROM t GROUP BY id) AS t"},
		// without USING the rows are counted; numbers name columns too
		{duckdb, "pivot_wider t on b",
			`SELECT * FROM (SELECT id, a, count(CASE WHEN b = 10 THEN 1 END) AS "10", count(CASE WHEN b = 30 THEN 1 END) AS "30" FROM t GROUP BY id, a) AS t`},
		// the values are read through the CTEs before the PIVOT
		{duckdb, "with c as (select id, a from t where id > 1) pivot c on a",
			"with c as (select id, a from t where id > 1) SELECT * FROM (SELECT id, count(CASE WHEN a = 'Y' THEN 1 END) AS Y FROM c GROUP BY id) AS c"},
		// several ON columns: every combination, the first outermost
		{duckdb, "select * from (pivot t on upper(a), b using max(id) group by id)",
			"select * from (SELECT * FROM (SELECT id, max(CASE WHEN (upper_duckdb(a)) = 'X' AND b = 10 THEN id END) AS X_10, max(CASE WHEN (upper_duckdb(a)) = 'X' AND b = 30 THEN id END) AS X_30, max(CASE WHEN (upper_duckdb(a)) = 'Y' AND b = 10 THEN id END) AS Y_10, max(CASE WHEN (upper_duckdb(a)) = 'Y' AND b = 30 THEN id END) AS Y_30 FROM t GROUP BY id) AS t )"},
		{duckdb, "select * from t pivot (sum(b) for a in ('x') group by id)",
			"select * from (SELECT id, duck_sum(CASE WHEN a = 'x' THEN b END) AS x FROM t GROUP BY id) AS t"},
	}
	for _, c := range translated {
		expectTranslated(t, c.d, c.in, c.out)
	}
	rows := []struct {
		d        Dialect
		in, want string
	}{
		// BigQuery's documented PIVOT example
		{bigquery, produce + "select * from produce pivot(sum(sales) for quarter in ('Q1', 'Q2', 'Q3', 'Q4')) order by product, year",
			"Apple|2020|77|0|NULL|NULL\nApple|2021|1|NULL|NULL|NULL\nKale|2020|51|23|45|3\nKale|2021|70|85|NULL|NULL"},
		{bigquery, produce + "select * from (select product, sales, quarter from produce) pivot(sum(sales) as total_sales, count(*) as num_records for quarter in ('Q1', 'Q2')) order by product",
			"Apple|78|2|0|1\nKale|121|2|108|2"},
		{bigquery, produce + "select p.product, p.q from produce pivot(sum(sales) for quarter in ('Q1' as q)) as p where p.year = 2021 order by 1",
			"Apple|1\nKale|70"},
		// BigQuery's documented UNPIVOT example
		{bigquery, quarters + "select * from produce unpivot(sales for quarter in (q1, q2, q3, q4)) order by product, quarter",
			"Apple|77|q1\nApple|0|q2\nApple|25|q3\nApple|2|q4\nKale|51|q1\nKale|23|q2\nKale|45|q3\nKale|3|q4"},
		{duckdb, quarters + "select product, quarter, sales from produce unpivot (sales for quarter in (q1, q2)) where product = 'Kale' order by quarter",
			"Kale|q1|51\nKale|q2|23"},
		// several value columns: DuckDB leaves out a row with any NULL, BigQuery one with all NULL
		{duckdb, halves + "select * from halves unpivot ((s, r) for h in ((s1, r1) as 'first', (s2, r2))) order by all",
			"Apple|first|77|1\nKale|first|51|2\nKale|s2_r2|3|4"},
		{duckdb, halves + "select * from halves unpivot include nulls ((s, r) for h in ((s1, r1), (s2, r2))) order by all",
			"Apple|s1_r1|77|1\nApple|s2_r2|NULL|NULL\nKale|s1_r1|51|2\nKale|s2_r2|3|4"},
		{bigquery, halves + "select * from halves unpivot ((s, r) for h in ((s1, r1) as 'first', (s2, r2) as 'second')) order by product, h",
			"Apple|77|1|first\nKale|51|2|first\nKale|3|4|second"},
		{bigquery, "with h as (select 'Kale' as product, 5 as s1, null as r1) select * from h unpivot ((s, r) for k in ((s1, r1)))",
			"Kale|5|NULL|s1_r1"},
		// Snowflake's DEFAULT ON NULL fills the cells without rows
		{snowflake, produce + "select * from (select product, sales, quarter from produce) pivot(sum(sales) for quarter in ('Q3', 'Q4') default on null (-1)) order by product",
			"Apple|-1|-1\nKale|45|3"},
	}
	for _, c := range rows {
		expectRows(t, c.d, c.in, c.want)
	}
	refused := []struct {
		d        Dialect
		in, want string
	}{
		{snowflake, "select * from t pivot(sum(b) for a in (any order by a))", "1:40: PIVOT over values that a subquery or ANY gives is not supported (list the values: FOR k IN ('a', 'b') — the columns must be known before the query runs)"},
		{bigquery, "select * from t pivot(sum(b) for a in (select distinct a from t))", "1:40: PIVOT over values that a subquery or ANY gives is not supported (list the values: FOR k IN ('a', 'b') — the columns must be known before the query runs)"},
		{bigquery, "select * from nowhere pivot(sum(b) for a in ('x'))", "1:23: PIVOT cannot be written here: relation nowhere does not exist yet (read a table or a CTE whose columns are known, or write the query out: max(case when k = 'a' then v end) as a for PIVOT, a union all of one select per column for UNPIVOT)"},
		{bigquery, "select * from t pivot(sum(b) + 1 for a in ('x'))", "1:23: this PIVOT or UNPIVOT is not supported (PIVOT takes aggregates of one argument, like sum(v); UNPIVOT takes plain column names; otherwise write max(case when k = 'a' then v end) as a, or union all of one select per column)"},
		{duckdb, "pivot t on nosuch using sum(b)", "1:35: PIVOT without IN cannot read the values that become its columns: sqlite3: SQL logic error: no such column: nosuch (list the values: PIVOT t ON k IN ('a', 'b') USING sum(v), or select * from t pivot (sum(v) for k in ('a', 'b')))"},
		{duckdb, "pivot f(t) on a using sum(b)", "1:1: this form of PIVOT is not supported (list the values after the table: select * from t pivot (sum(v) for k in ('a', 'b')), or write max(case when k = 'a' then v end) as a)\n1:7: unknown function F in DuckDB SQL (the closest known function is IF)"},
		{duckdb, "unpivot t on columns('zzz')", "1:45: UNPIVOT cannot be written here: COLUMNS names no column (read a table or a CTE whose columns are known, or write the query out: max(case when k = 'a' then v end) as a for PIVOT, a union all of one select per column for UNPIVOT)"},
	}
	for _, c := range refused {
		expectRefused(t, c.d, c.in, c.want)
	}
	// where no database is read, a PIVOT without IN is refused
	o := testOptions(duckdb)
	o.Query = nil
	if _, err := TranslateWith("pivot t on a using sum(b)", o); err == nil || !strings.Contains(err.Error(), "PIVOT without IN cannot read the values that become its columns: no database is read here") {
		t.Errorf("pivot without a database: %v", err)
	}
}
