package dialect

import "testing"

// DuckDB's SEMI and ANTI joins filter the left FROM item with EXISTS; its
// ASOF and POSITIONAL joins are refused, naming the join.
func TestDuckDBJoins(t *testing.T) {
	expectTranslated(t, duckdb, "select * from t as x semi join u on x.a = u.a\nwhere x.b > 1",
		"select * from (SELECT * FROM t as x WHERE EXISTS (SELECT 1 FROM u WHERE x.a = u.a)) AS x \nwhere x.b > 1")
	expectTranslated(t, duckdb, "select * from t anti join u using (a, b)",
		"select * from (SELECT * FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE t.a = u.a AND t.b = u.b)) AS t ")
	expectTranslated(t, duckdb, "select * from (select 1 as a) semi\njoin u on a = u.b",
		"select * from (SELECT * FROM (select 1 as a) WHERE EXISTS (SELECT 1 FROM u WHERE a = u.b)) \n")
	expectTranslated(t, bigquery, "select semi.a from t semi join u on semi.a = u.a", "select semi.a from t semi join u on semi.a = u.a")
	expectRefused(t, duckdb, "select * from t join v on t.a = v.a anti join u on u.a = t.a",
		"1:37: ANTI JOIN cannot be written here: its left side is a join (join one FROM item with an ON or USING: from a as x semi join b on x.id = b.id, the joins before it in a subquery)")
	expectRefused(t, duckdb, "select * from t asof left join p on t.id = p.id and t.ts >= p.ts",
		"1:17: ASOF LEFT JOIN of DuckDB SQL is not supported (join on the keys and p.ts <= t.ts, and keep each row's latest match with QUALIFY row_number() OVER (PARTITION BY t's key ORDER BY p.ts DESC) = 1 (a LEFT JOIN for ASOF LEFT))")
	expectRefused(t, duckdb, "select * from unnest([10, 20]) with ordinality as t(x, i)",
		"1:32: WITH ORDINALITY is not supported (unnest in FROM and number the elements: select x, row_number() over () as i from unnest(l) as u(x))\n"+
			"1:52: an UNNEST alias list must name exactly one column (write unnest(x) as u(value))")
	expectRefused(t, duckdb, "select * from t positional join u",
		"1:17: POSITIONAL JOIN is not supported in DuckDB SQL (number the rows of each side with row_number() OVER () AS n in a subquery and join on n (a FULL JOIN keeps the rows of the longer side))")
}
