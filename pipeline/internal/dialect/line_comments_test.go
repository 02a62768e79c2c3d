package dialect

import "testing"

// BigQuery's # and Snowflake's // line comments are SQLite's --.
func TestLineComments(t *testing.T) {
	expectTranslated(t, bigquery, "select 1 as a # the first\n, 2 as b", "select 1 as a -- the first\n, 2 as b")
	expectTranslated(t, snowflake, "select 7 // 2 as d\n, 2 as e", "select 7 -- 2 as d\n, 2 as e")
	expectTranslated(t, snowflake, "select 1 /* c */ // d", "select 1 /* c */ -- d")
}

// COLLATE other than BINARY (and DuckDB's NOCASE) is refused: SQLite
// has no locale or accent rules; Snowflake's ASOF JOIN is refused by name.
func TestCollateAndMatchCondition(t *testing.T) {
	expectRefused(t, snowflake, "select 'a' collate 'en-ci' = 'A'",
		"1:20: COLLATE 'en-ci' is not supported: SQLite compares text by its bytes (or, with NOCASE, ASCII letters case aside) (compare lower(a) = lower(b) for a case-insensitive comparison, or order by lower(a))")
	expectTranslated(t, duckdb, "select s collate nocase as s from t order by s collate nocase", "select s collate nocase as s from t order by s collate nocase NULLS LAST")
	// Snowflake's COLLATE(s, spec) is the operator; utf8 compares bytes
	expectTranslated(t, snowflake, "select collate(s, 'utf8') = 'A' as a, s collate 'utf8' as b, collate(s, '') as c from t",
		"select (s) = 'A' as a, s as b, (s) as c from t")
	expectRefused(t, snowflake, "select 1,\n collate(s, 'en-ci') = 'a' as x from t",
		"2:13: COLLATE 'en-ci' is not supported: SQLite compares text by its bytes (or, with NOCASE, ASCII letters case aside) (compare lower(a) = lower(b) for a case-insensitive comparison, or order by lower(a))")
	expectRefused(t, snowflake, "select collate(s, spec) from t",
		"1:19: COLLATE of a computed specification is not supported: SQLite compares text by its bytes (or, with NOCASE, ASCII letters case aside) (compare lower(a) = lower(b) for a case-insensitive comparison, or order by lower(a))")
	expectRefused(t, snowflake, "select t.a from t asof join m match_condition (t.ts >= m.ts)",
		"1:31: ASOF JOIN ... MATCH_CONDITION is not supported (pick the matching row with a correlated subquery: (select m.x from m where m.ts <= t.ts order by m.ts desc limit 1))")
}
