package dialect

import "testing"

// DuckDB indexes and slices lists and text alike; the values are checked
// on DuckDB itself in sqlfunc's conformance table.
func TestDuckDBIndexAndSlice(t *testing.T) {
	expectTranslated(t, duckdb, "select l[2], l[-1], s[a * 2] from t", "select list_or_text_at(l, 2), list_or_text_at(l, -1), list_or_text_at(s, a * 2) from t")
	expectTranslated(t, duckdb, "select l[2:3], l[:2], l[2:], s[ 1 : n ] from t", "select list_or_text_slice(l, 2, 3), list_or_text_slice(l, 1, 2), list_or_text_slice(l, 2, -1), list_or_text_slice(s, 1, n) from t")
	// A step, with the bounds left out marked (1 begin, 2 end); [::-1]
	// and [b::-1] lex their colons as the cast operator.
	expectTranslated(t, duckdb, "select l[1:3:2], l[:-2:n], l[::-1], l[4::-1], l[:2:-1] from t",
		"select list_or_text_slice(l, 1, 3, 2, 0), list_or_text_slice(l, 1, -2, n, 1), list_or_text_slice(l, 1, -1, -1, 3), list_or_text_slice(l, 4, -1, -1, 2), list_or_text_slice(l, 1, 2, -1, 1) from t")
	expectTranslated(t, duckdb, "select x::int, l[a::int:2] from t", "select integer_in_range(cast_to(x, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), list_or_text_slice(l, integer_in_range(cast_to(a, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), 2) from t")
	// IF and NULLIF of text are text: '[1,2]' beside them slices characters
	expectTranslated(t, duckdb, "select if(a > 'x', upper(a), '[1,2]')[1:2], nullif(upper(a), '')[2] from t",
		"select text_slice(iif(a > 'x', upper_duckdb(a), '[1,2]'), 1, 2), text_at(nullif(upper_duckdb(a), ''), 2) from t")
	// Slices outside DuckDB are left to SQLite, which refuses them.
	expectTranslated(t, bigquery, "select l[1:3] from t", "select l[1:3] from t")
}

func TestLikeAny(t *testing.T) {
	expectTranslated(t, snowflake, "select a like any ('x%', b), a ilike all ('%y', '%z') from t", `select (like_case_sensitive(a, 'x%', '\') OR like_case_sensitive(a, b, '\')), (a LIKE '%y' AND a LIKE '%z') from t`)
	expectTranslated(t, bigquery, "select a like some ('x%') escape '^' from t", "select (like_case_sensitive(a, 'x%', '^')) from t")
	// NOT negates each LIKE, as BigQuery documents it.
	expectTranslated(t, snowflake, "select a not like any ('x%', b), a not ilike all ('%y') from t", `select (NOT (like_case_sensitive(a, 'x%', '\')) OR NOT (like_case_sensitive(a, b, '\'))), (NOT (a LIKE '%y')) from t`)
	expectTranslated(t, snowflake, "select a like any (select p from q) from t", `select (like_case_sensitive(a, (select p from q), '\')) from t`)
	// BigQuery's patterns from UNNEST(array) or a subquery: one query over
	// the elements, empty sets as documented.
	expectTranslated(t, bigquery, "select a like any unnest(['x%', b]) from t",
		`select (SELECT CASE WHEN count(*) = 0 THEN 0 WHEN max(m) THEN 1 WHEN count(m) < count(*) THEN NULL ELSE 0 END FROM (SELECT like_case_sensitive(a, value, '\') AS m FROM json_each(json_array('x%', b)))) from t`)
	expectTranslated(t, bigquery, "select a not like all (select p from q) from t",
		`select (SELECT CASE WHEN count(*) = 0 THEN 0 WHEN min(m) = 0 THEN 0 WHEN count(m) < count(*) THEN NULL ELSE 1 END FROM (SELECT NOT (like_case_sensitive(a, value, '\')) AS m FROM json_each((SELECT json_group_array(_nexus_value) FROM (select p AS _nexus_value from q))))) from t`)
	expectRefused(t, bigquery, "select a like any unnest(x, y) from t", "1:19: "+refUnnestArgs.message+" ("+refUnnestArgs.hint+")")
}
