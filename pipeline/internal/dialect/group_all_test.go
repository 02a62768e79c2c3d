package dialect

import "testing"

// GROUP BY ALL groups by every select item that is not an aggregate.
func TestGroupByAll(t *testing.T) {
	expectTranslated(t, duckdb, "select a, upper(a) as u, count(*) as n, sum(b) over () as w from t group by all",
		"select a, upper_duckdb(a) as u, count(*) as n, duck_sum(b) over () as w from t GROUP BY 1, 2, 4")
	expectTranslated(t, snowflake, "select a,\n  max(b) as m,\n  (select count(*) from t) as c\nfrom t\ngroup\nby all\norder by 1",
		"select a,\n  max(b) as m,\n  (select count(*) from t) as c\nfrom t\nGROUP BY 1, 3\n\norder by 1 NULLS LAST")
	expectTranslated(t, bigquery, "select count(*), max(a, b) from t group by all", "select count(*), max(a, b) from t GROUP BY 2")
	expectTranslated(t, duckdb, "select count(*) as n from t group by all", "select count(*) as n from t ")
	// an item reading an aggregate through a lateral alias is no key; a
	// column of the relation read by that name is
	expectTranslated(t, duckdb, "with t as (select 1 as a, 2 as b) select a, sum(b) as s, s / 2 as h, h + a as k from t group by all",
		"with t as (select 1 as a, 2 as b) select a, duck_sum_int(b, 1) as s, CAST((duck_sum_int(b, 1)) AS REAL) / 2 as h, (CAST((duck_sum_int(b, 1)) AS REAL) / 2) + a as k from t GROUP BY 1")
	expectTranslated(t, duckdb, "with t as (select 1 as a, 2 as b) select a, sum(b) as b, b + 1 as c from t group by all",
		"with t as (select 1 as a, 2 as b) select a, duck_sum_int(b, 1) as b, integer_overflow(b + 1, 32, 'addition', 1) as c from t GROUP BY 1, 3")
	expectRows(t, duckdb, "select a is null as missing, count(*) as n from t group by all order by 1", "0|2\n1|1")
	// a star is the columns it expands to, each a key (unless REPLACE
	// gives it an aggregate), when the relations' columns are known
	expectTranslated(t, duckdb, "select *, count(*) as n from t group by all", "select *, count(*) as n from t GROUP BY 1, 2, 3")
	expectTranslated(t, snowflake, "select t.*, count(*) as n, u.c from t join u on u.id = t.id group by all", "select t.*, count(*) as n, u.c from t join u on u.id = t.id GROUP BY 1, 2, 3, 5")
	expectTranslated(t, duckdb, "select * exclude (b), sum(b) as s from t group by all", "select id, a, duck_sum(b) as s from t GROUP BY 1, 2")
	expectTranslated(t, duckdb, "select * replace (sum(b) as b) from t group by all", "select id, a, duck_sum(b) AS b from t GROUP BY 1, 2")
	expectRows(t, duckdb, "with d as (select 1 as k, 2 as v union all select 1, 2 union all select 3, 4) select *, count(*) as n from d group by all order by k", "1|2|2\n3|4|1")
	expectRefused(t, duckdb, "select *, count(*) from nowhere group by all", "1:42: GROUP BY ALL over SELECT * cannot be written out: relation nowhere does not exist yet (list the columns to group by, or list the select items instead of *)")
}

// ORDER BY ALL orders by every column, left to right.
func TestOrderByAll(t *testing.T) {
	expectTranslated(t, duckdb, "select a, b from t order by all", "select a, b from t ORDER BY 1 NULLS LAST, 2 NULLS LAST")
	expectTranslated(t, duckdb, "select * from t order by all desc", "select * from t ORDER BY 1 DESC NULLS LAST, 2 DESC NULLS LAST, 3 DESC NULLS LAST")
	expectTranslated(t, snowflake, "select a from t order by all desc", "select a from t ORDER BY 1 DESC NULLS FIRST")
	expectTranslated(t, duckdb, "select a from t order by all nulls first", "select a from t ORDER BY 1 NULLS FIRST")
	expectRows(t, duckdb, "select a, b from t order by all", "Y|NULL\nx|10\nNULL|30")
	expectRefused(t, duckdb, "select * from nowhere order by all", "1:32: ORDER BY ALL cannot be written out: relation nowhere does not exist yet (list the columns to order by: ORDER BY 1, 2, ...)")
}
