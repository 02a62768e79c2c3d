package dialect

import "testing"

// x op ANY|SOME|ALL (subquery); the values are checked on DuckDB in the
// conformance table.
func TestAnyAll(t *testing.T) {
	expectTranslated(t, snowflake, "select * from t where a = any (select u.b from u)", "select * from t where a IN (select u.b from u)")
	expectTranslated(t, snowflake, "select * from t where a != all (select u.b from u)", "select * from t where a NOT IN (select u.b from u)")
	expectTranslated(t, snowflake, "select a > some (select u.b from u) as x from t",
		"select (WITH _nexus_rows(_nexus_v) AS (select u.b from u) SELECT CASE WHEN max(_nexus_c) = 1 THEN 1 WHEN count(*) > count(_nexus_c) THEN NULL ELSE 0 END FROM (SELECT (a) > _nexus_v AS _nexus_c FROM _nexus_rows)) as x from t")
	expectTranslated(t, snowflake, "select a <= all (select u.b from u) as x from t",
		"select (WITH _nexus_rows(_nexus_v) AS (select u.b from u) SELECT CASE WHEN min(_nexus_c) = 0 THEN 0 WHEN count(*) > count(_nexus_c) THEN NULL ELSE 1 END FROM (SELECT (a) <= _nexus_v AS _nexus_c FROM _nexus_rows)) as x from t")
	expectRefused(t, bigquery, "select * from t where a = any (select u.b from u)",
		"1:27: ANY, SOME and ALL of a subquery are not BigQuery SQL (write x IN (SELECT ...), NOT x IN (...), or compare with the subquery's MIN or MAX)")
}
