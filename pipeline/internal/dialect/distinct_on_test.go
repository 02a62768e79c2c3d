package dialect

import "testing"

// DISTINCT ON keeps the first row of each key in the order of the query's
// ORDER BY; the answers are DuckDB's.
func TestDistinctOn(t *testing.T) {
	const kv = "from (values ('a', 2), ('a', 1), ('b', 3)) t(k, v) "
	expectTranslated(t, duckdb, "select distinct on (a) a, b\nfrom t order by a, b desc",
		"SELECT a, b FROM (SELECT *, row_number() OVER (PARTITION BY a ORDER BY a NULLS LAST, b desc NULLS LAST) AS _nexus_rn FROM (select a, b\nfrom t)) WHERE _nexus_rn = 1 order by a NULLS LAST, b desc NULLS LAST")
	expectTranslated(t, duckdb, "select distinct on (lower(a)) a from t",
		"SELECT a FROM (SELECT *, row_number() OVER (PARTITION BY _nexus_on1) AS _nexus_rn FROM (select a, lower_text(a) AS _nexus_on1 from t)) WHERE _nexus_rn = 1")
	expectTranslated(t, duckdb, "select distinct on (a) a as MyA, b from t",
		"SELECT MyA, b FROM (SELECT *, row_number() OVER (PARTITION BY _nexus_on1) AS _nexus_rn FROM (select a as MyA, b, a AS _nexus_on1 from t)) WHERE _nexus_rn = 1")
	// a position names a select item; a column not selected is computed on the rows read
	expectTranslated(t, duckdb, "select distinct on (1) a from t order by 1, id limit 2",
		"SELECT a FROM (SELECT *, row_number() OVER (PARTITION BY a ORDER BY a NULLS LAST, _nexus_ord2 NULLS LAST) AS _nexus_rn FROM (select a, id AS _nexus_ord2 from t)) WHERE _nexus_rn = 1 order by a NULLS LAST, _nexus_ord2 NULLS LAST limit 2")
	expectTranslated(t, duckdb, "select distinct on (a) * from t order by all desc",
		"SELECT id, a, b FROM (SELECT *, row_number() OVER (PARTITION BY a ORDER BY id DESC NULLS LAST, a DESC NULLS LAST, b DESC NULLS LAST) AS _nexus_rn FROM (select * from t)) WHERE _nexus_rn = 1 ORDER BY 1 DESC NULLS LAST, 2 DESC NULLS LAST, 3 DESC NULLS LAST")
	rows := []struct{ in, want string }{
		{"select distinct on (k) k, v " + kv + "order by k, v", "a|1\nb|3"},
		{"select distinct on (1) k, v " + kv + "order by 1, 2 desc", "a|2\nb|3"},
		// an alias wins over a column of the rows read, in the key and in ORDER BY
		{"select distinct on (k) upper(k) as k, v from (values ('a', 2), ('a', 1), ('b', 3), ('B', 0)) t(k, v) order by k, v", "A|1\nB|0"},
		{"select distinct on (k) k, v * 10 as v " + kv + "order by k, v desc", "a|20\nb|30"},
		{"select distinct on (kk) k as kk, v " + kv + "order by kk, v limit 1", "a|1"},
		// expressions and columns that are not selected
		{"select distinct on (lower(k)) k, v from (values ('a', 2), ('A', 1), ('b', 3)) t(k, v) order by v desc", "b|3\na|2"},
		{"select distinct on (k) v from (values ('a', 2, 9), ('a', 1, 8), ('b', 3, 7)) t(k, v, w) order by w", "3\n1"},
		// in an expression an alias stands for its item where no column of that name is read
		{"select distinct on (kk) k as kk, v " + kv + "order by lower(kk), v desc", "a|2\nb|3"},
		{"select distinct on (upper(kk)) k as kk, v from (values ('a', 2), ('A', 1), ('b', 3)) t(k, v) order by v", "A|1\nb|3"},
		{"select distinct on (k) k, -v as v " + kv + "order by k, v + 0", "a|-1\nb|-3"},
		{"select distinct on (k + 0) -v as k, v from (values (1, 2), (1, 1), (3, 3)) t(k, v) order by v", "-1|1\n-3|3"},
		{"select distinct on (k) k, count(*) as n " + kv + "group by k, v order by k, n desc", "a|1\nb|1"},
		// NULLs sort last, as in DuckDB
		{"with c as (select distinct on (k) k, v from (values ('a', 2), ('a', null), ('b', 3)) t(k, v) order by k, v desc) select * from c order by k", "a|2\nb|3"},
		{"select distinct a from t where a is not null order by a", "Y\nx"},
	}
	for _, r := range rows {
		expectRows(t, duckdb, r.in, r.want)
	}
	expectRefused(t, duckdb, "select distinct on (a) a, id as a from t", "1:17: DISTINCT ON cannot be written here: the name a occurs twice among the selected columns (name every selected column once, from relations whose columns are known, or keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1)")
	expectRefused(t, duckdb, "select distinct on (a) * from nowhere", "1:17: DISTINCT ON cannot be written here: relation nowhere does not exist yet (name every selected column once, from relations whose columns are known, or keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1)")
	expectRefused(t, duckdb, "select distinct on (a) a, b from t qualify b > 1", "1:17: DISTINCT ON cannot be written here: it cannot be combined with QUALIFY or unnest() in one SELECT (name every selected column once, from relations whose columns are known, or keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1)")
	expectRefused(t, snowflake, "select distinct on (a) a, b\nfrom t", "1:17: DISTINCT ON is not supported in Snowflake SQL (keep the first row of each group with QUALIFY row_number() OVER (PARTITION BY a ORDER BY ...) = 1)")
}
