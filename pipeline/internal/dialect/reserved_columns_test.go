package dialect

import "testing"

// A join word written as a bare column name is refused where the
// warehouse refuses it; quoted, qualified, as an alias, as a call, and in
// SQLite's own SQL it is a name as before.
func TestJoinWordColumns(t *testing.T) {
	expectRefused(t, duckdb, "select id, left = 'T' as is_leftside from t", `1:12: LEFT is a reserved word in DuckDB SQL, which refuses it as a column name unquoted: write "left" (quote the name as the warehouse quotes one ("left", Snowflake's "LEFT", BigQuery's `+"`left`"+`), or qualify it: t.left)`)
	expectRefused(t, snowflake, "select right from t", `1:8: RIGHT is a reserved word in Snowflake SQL, which refuses it as a column name unquoted: write "RIGHT" (quote the name as the warehouse quotes one ("left", Snowflake's "LEFT", BigQuery's `+"`left`"+`), or qualify it: t.left)`)
	expectRefused(t, bigquery, "select * from t where full is null", "1:23: FULL is a reserved word in BigQuery SQL, which refuses it as a column name unquoted: write `full` (quote the name as the warehouse quotes one (\"left\", Snowflake's \"LEFT\", BigQuery's `left`), or qualify it: t.left)")
	expectTranslated(t, duckdb, `select t.left, "left", x as left from t left join u on t.a = u.a natural join v`, `select t.left, "left", x as left from t left join u on t.a = u.a natural join v`)
	expectTranslated(t, snowflake, "select outer from t", "select outer from t") // not reserved in Snowflake
	expectRefused(t, duckdb, "select cast(coalesce(ends, end) as timestamp) as end_at from t", `1:28: END is a reserved word in DuckDB SQL, which refuses it as a column name unquoted: write "end" (quote the name as the warehouse quotes one ("left", Snowflake's "LEFT", BigQuery's `+"`left`"+`), or qualify it: t.left)`)
	expectRefused(t, bigquery, "select end from t", "1:8: END is a reserved word in BigQuery SQL, which refuses it as a column name unquoted: write `end` (quote the name as the warehouse quotes one (\"left\", Snowflake's \"LEFT\", BigQuery's `left`), or qualify it: t.left)")
	// DuckDB's words for types and functions: refused bare, names when qualified or an alias
	expectRefused(t, duckdb, "select id, authorization as code from t", `1:12: AUTHORIZATION is a reserved word in DuckDB SQL, which refuses it as a column name unquoted: write "authorization" (quote the name as the warehouse quotes one ("left", Snowflake's "LEFT", BigQuery's `+"`left`"+`), or qualify it: t.left)`)
	expectTranslated(t, duckdb, "select t.authorization, x as binary, b similar to a from t", "select t.authorization, x as binary, regexp_full_match(b, a) from t")
	expectTranslated(t, snowflake, "select authorization, binary from t", "select authorization, binary from t")
	// Snowflake does not reserve END: a column where an expression starts
	expectTranslated(t, snowflake, "select cast(coalesce(ends, end) as timestamp) as end_at, end, case when end > 1 then end else 0 end as e from t",
		"select cast_to(coalesce(ends, end), 'DATETIME', 'snowflake', 1) as end_at, end, case when end > 1 then end else 0 end as e from t")
	// nor OFFSET: a column, and a lateral alias the select list reads, beside LIMIT ... OFFSET
	expectTranslated(t, snowflake, "select x, 2000 as offset, cos(x) * 2 + offset as cycle from t limit 2 offset 1",
		"select x, 2000 as offset, cos(x) * 2 + (2000) as cycle from t limit 2 offset 1")
	expectRows(t, snowflake, "with g as (select 1 as x, 2000 as offset) select offset + x, coalesce(offset, 0) from g", "2001|2000")
	expectTranslated(t, sqlite, "select left = 'T' as l from t", "select left = 'T' as l from t")
}

// DuckDB's keywords for types and functions are no table alias, with AS
// or not, nor a column's alias without AS; after AS in a select list, and
// qualified, they are names.
func TestDuckDBKeywordAliases(t *testing.T) {
	why := " is a keyword of DuckDB SQL, which refuses it as a table's alias and as a column's alias without AS (syntax error at or near it) (" + refAliasWord.hint + ")"
	expectRefused(t, duckdb, "select at.a from (select a from t) at", "1:36: AT"+why)
	expectRefused(t, duckdb, "select a from t as semi", "1:20: SEMI"+why)
	expectRefused(t, duckdb, "select a binary from t", "1:10: BINARY"+why)
	expectRefused(t, duckdb, "select at from (select a as at from t)", `1:8: AT is a reserved word in DuckDB SQL, which refuses it as a column name unquoted: write "at" (`+refJoinWordColumn.hint+")")
	expectTranslated(t, duckdb, `select a as at, s.at, "at".a from (select a as at from t) s, t as "at"`, `select a as at, s.at, "at".a from (select a as at from t) s, t as "at"`)
	expectTranslated(t, sqlite, "select a at from t at", "select a at from t at")
}
