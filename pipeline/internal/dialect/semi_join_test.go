package dialect

import (
	"strings"
	"testing"
)

// DuckDB's SEMI and ANTI joins filter the left FROM item with EXISTS, or
// after another join the WHERE; ASOF joins join on the nearest value;
// POSITIONAL joins pair the rows by their place.
const asofHint = "(write ON t.k = p.k AND t.ts >= p.ts, equalities and one inequality naming the right side's column as p.ts; or join on the keys and p.ts <= t.ts, and keep each row's latest match with QUALIFY row_number() OVER (PARTITION BY t's key ORDER BY p.ts DESC) = 1 (a LEFT JOIN for ASOF LEFT))"

func TestDuckDBJoins(t *testing.T) {
	expectTranslated(t, duckdb, "select * from t as x semi join u on x.a = u.a\nwhere x.b > 1",
		"select * from (SELECT * FROM t as x WHERE EXISTS (SELECT 1 FROM u WHERE x.a = u.a)) AS x \nwhere x.b > 1")
	expectTranslated(t, duckdb, "select * from t anti join u using (a, b)",
		"select * from (SELECT * FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE t.a = u.a AND t.b = u.b)) AS t ")
	expectTranslated(t, duckdb, "select * from (select 1 as a) semi\njoin u on a = u.b",
		"select * from (SELECT * FROM (select 1 as a) WHERE EXISTS (SELECT 1 FROM u WHERE a = u.b)) \n")
	expectTranslated(t, bigquery, "select semi.a from t semi join u on semi.a = u.a", "select semi.a from t semi join u on semi.a = u.a")
	expectTranslated(t, duckdb, "select * from t join v on t.a = v.a anti join u on u.a = t.a",
		"select * from t join v on t.a = v.a  WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.a = t.a)")
	expectTranslated(t, duckdb, "select t.a from t left join v on t.a = v.a\nsemi join u on u.a = v.b -- u\nleft join w using (a)\nwhere t.b or t.c\ngroup by 1",
		"select t.a from t left join v on t.a = v.a\n -- u\nleft join w using (a)\nwhere (t.b or t.c) AND EXISTS (SELECT 1 FROM u WHERE u.a = v.b)\ngroup by 1")
	expectRefused(t, duckdb, "select * from t join v on t.a = v.a semi join u using (a)",
		"1:37: SEMI JOIN cannot be written here: USING after another join does not say which side's column it compares (join one FROM item with an ON or USING: from a as x semi join b on x.id = b.id, the joins before it in a subquery)")
	expectRefused(t, duckdb, "select * from t join v on t.a = v.a semi join u on u.a = t.a right join w on w.a = t.a",
		"1:37: SEMI JOIN cannot be written here: a RIGHT or FULL JOIN follows it (join one FROM item with an ON or USING: from a as x semi join b on x.id = b.id, the joins before it in a subquery)")
	expectRefused(t, duckdb, "select * from t join (v semi join u on u.a = v.a) on t.a = v.a",
		"1:25: SEMI JOIN cannot be written here: it is inside parentheses (join one FROM item with an ON or USING: from a as x semi join b on x.id = b.id, the joins before it in a subquery)")
	expectTranslated(t, duckdb, "select * from t asof left join p on t.id = p.id and t.ts >= p.ts",
		"select * from t  left join p on (t.id = p.id and t.ts >= p.ts) AND p.ts = (SELECT CASE WHEN count(*) > 1 THEN "+
			"error_raised('ASOF JOIN at line 1: several rows of p are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)') "+
			"ELSE max(_nexus_asof) END FROM (SELECT p.ts AS _nexus_asof, MAX(p.ts) OVER () AS _nexus_nearest FROM p WHERE t.id = p.id and t.ts >= p.ts) WHERE _nexus_asof = _nexus_nearest)")
	expectTranslated(t, duckdb, "select * from t asof join (select * from q) p on p.ts < t.ts",
		"select * from t  join (select * from q) p on (p.ts < t.ts) AND p.ts = (SELECT CASE WHEN count(*) > 1 THEN "+
			"error_raised('ASOF JOIN at line 1: several rows of p are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)') "+
			"ELSE max(_nexus_asof) END FROM (SELECT p.ts AS _nexus_asof, MAX(p.ts) OVER () AS _nexus_nearest FROM (select * from q) p WHERE p.ts < t.ts) WHERE _nexus_asof = _nexus_nearest)")
	expectTranslated(t, duckdb, "select * from t asof join p on t.ts <= p.ts",
		"select * from t  join p on (t.ts <= p.ts) AND p.ts = (SELECT CASE WHEN count(*) > 1 THEN "+
			"error_raised('ASOF JOIN at line 1: several rows of p are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)') "+
			"ELSE max(_nexus_asof) END FROM (SELECT p.ts AS _nexus_asof, MIN(p.ts) OVER () AS _nexus_nearest FROM p WHERE t.ts <= p.ts) WHERE _nexus_asof = _nexus_nearest)")
	// USING (k, ts) is ON t.k = p.k AND t.ts >= p.ts, each column given once
	nearest := func(cond, r string) string {
		return r + ".ts = (SELECT CASE WHEN count(*) > 1 THEN " +
			"error_raised('ASOF JOIN at line 1: several rows of " + r + " are equally near one row; DuckDB keeps one of them and which one is not defined (make them unique, for instance with QUALIFY row_number() in a subquery)') " +
			"ELSE max(_nexus_asof) END FROM (SELECT " + r + ".ts AS _nexus_asof, MAX(" + r + ".ts) OVER () AS _nexus_nearest FROM " + r + " WHERE " + cond + ") WHERE _nexus_asof = _nexus_nearest)"
	}
	expectTranslated(t, duckdb, "select k, ts, p.ts as p_ts from t asof join p using (k, ts) where ts > 0",
		"select t.k AS k, t.ts AS ts, p.ts as p_ts from t  join p ON (t.k = p.k AND t.ts >= p.ts) AND "+nearest("t.k = p.k AND t.ts >= p.ts", "p")+" where t.ts > 0")
	expectTranslated(t, duckdb, "select * from u asof full join t using (id)",
		"select COALESCE(u.id, t.id) AS id, u.c, t.a, t.b from u  full join t ON (u.id >= t.id) AND "+strings.ReplaceAll(nearest("u.id >= t.id", "t"), ".ts", ".id"))
	expectRefused(t, duckdb, "select k from t, q asof join p using (k, ts)",
		"1:39: ASOF JOIN cannot be translated: which relation before it has k is not known (write ON t.k = p.k AND t.ts >= p.ts) "+asofHint)
	expectRefused(t, duckdb, "select * from t asof join p using (id)",
		"1:8: SELECT * over ASOF JOIN ... USING cannot be expanded: relation p does not exist yet (list the columns to keep)")
	expectRows(t, duckdb, "select id, a, u.c from t asof left join (select 2 as id, 'c' as c) u using (id) order by id", "1|x|NULL\n2|Y|c\n3|NULL|c")
	expectRefused(t, duckdb, "select * from t asof join p on t.k = p.k",
		"1:17: ASOF JOIN cannot be translated: its condition has no inequality "+asofHint)
	expectRefused(t, duckdb, "select * from t asof join p on t.ts >= p.ts and t.ts < p.ts + 5",
		"1:49: ASOF JOIN cannot be translated: it has more than one inequality "+asofHint)
	expectRefused(t, duckdb, "select * from t asof join p on t.k = p.k and ts >= p0",
		"1:46: ASOF JOIN cannot be translated: its inequality must compare a column of p, named p.column, with one of the left side "+asofHint)
	expectRefused(t, duckdb, "select * from t asof join p on t.k <> p.k and t.ts >= p.ts",
		"1:32: ASOF JOIN cannot be translated: its condition may only hold equalities and one inequality "+asofHint)
	expectRefused(t, duckdb, "select * from unnest([10, 20]) with ordinality as t(x, i)",
		"1:32: WITH ORDINALITY is not supported (unnest in FROM and number the elements: select x, row_number() over () as i from unnest(l) as u(x))\n"+
			"1:52: an UNNEST alias list must name exactly one column (write unnest(x) as u(value))")
	// POSITIONAL JOIN: the sides numbered and fully joined on the number,
	// * their columns without it
	expectTranslated(t, duckdb, "select * from t positional join u",
		"select t.id, t.a, t.b, u.id, u.c from (SELECT *, row_number() OVER () AS _nexus_pos FROM t) AS t FULL join (SELECT *, row_number() OVER () AS _nexus_pos FROM u) AS u ON t._nexus_pos = u._nexus_pos")
	expectTranslated(t, duckdb, "select x.a, u.*\nfrom t as x positional join (select 1 as c) u",
		"select x.a, u.c\nfrom (SELECT *, row_number() OVER () AS _nexus_pos FROM t as x) AS x FULL join (SELECT *, row_number() OVER () AS _nexus_pos FROM (select 1 as c) u) AS u ON x._nexus_pos = u._nexus_pos")
	expectRows(t, duckdb, "select t.id, u.c from t positional join (select 'p' as c union all select 'q') u order by 1", "1|p\n2|q\n3|NULL")
	expectRefused(t, duckdb, "select * from t join u on t.id = u.id positional join t",
		"1:39: this POSITIONAL JOIN is not supported: its left side is not one FROM item (a table, a CTE or a subquery) (number the rows of each side with row_number() OVER () AS n in a subquery and join on n (a FULL JOIN keeps the rows of the longer side))")
	expectRefused(t, duckdb, "select * from t positional join u using (id)",
		"1:17: this POSITIONAL JOIN is not supported: it takes no ON or USING (number the rows of each side with row_number() OVER () AS n in a subquery and join on n (a FULL JOIN keeps the rows of the longer side))")
}
