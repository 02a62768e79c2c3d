package dialect

import "testing"

// TestInertStatements: grants, warehouse and query-tag statements and the
// definitions of policies and tags become empty statements in the
// warehouses that have them; an ALTER SESSION that changes answers is
// refused by name; the same words elsewhere are left alone.
func TestInertStatements(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{snowflake, "grant select on table s.t to role reporter", ""},
		{snowflake, "grant usage on schema s to role r; select 1", "; select 1"},
		{snowflake, "revoke select on all tables in schema s from role r", ""},
		{snowflake, "use warehouse transforming_xl", ""},
		{snowflake, "alter warehouse w set warehouse_size = 'XSMALL'", ""},
		{snowflake, "alter session set query_tag = '{\"model\": \"m\"}'", ""},
		{snowflake, "alter session unset query_tag", ""},
		{snowflake, "CREATE MASKING POLICY IF NOT EXISTS p AS (val string) RETURNS string ->\n  CASE WHEN CURRENT_ROLE() IN ('R') THEN val ELSE '***' END", "\n"},
		{snowflake, "create or replace row access policy p as (r string) returns boolean -> true", ""},
		{snowflake, "drop masking policy if exists p", ""},
		{snowflake, "create tag if not exists s.pii allowed_values 'a', 'b'", ""},
		{bigquery, "GRANT `roles/bigquery.dataViewer` ON TABLE ds.t TO \"user:a@b.com\"", ""},
		{bigquery, "revoke `roles/bigquery.dataViewer` on schema ds from \"group:g@b.com\"", ""},
		// not such statements
		{snowflake, "select grant from t", "select grant from t"},
		{snowflake, "create table tag as select 1 as x", "create table tag as select 1 as x"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	for _, c := range []struct{ in, what string }{
		{"ALTER SESSION SET WEEK_START = 7", "SET WEEK_START"},
		{"alter session set timezone = 'America/New_York'", "SET TIMEZONE"},
		{"alter session unset week_of_year_policy", "UNSET WEEK_OF_YEAR_POLICY"},
	} {
		expectRefused(t, snowflake, c.in, "1:1: ALTER SESSION "+c.what+" is not supported: a session parameter changes what later statements compute (week numbering, time zones, formats), and the playground computes with Snowflake's defaults ("+refSessionParameter.hint+")")
	}
	for _, c := range []struct{ in, want string }{
		{"create stream if not exists wh.s.c_st on table wh.s.c show_initial_rows = true", "1:1: CREATE STREAM is not supported: a stream records a table's changes since it was last read, which the playground does not keep (" + refStream.hint + ")"},
		{" drop stream if exists wh.s.c_st", "1:2: DROP STREAM is not supported: a stream records a table's changes since it was last read, which the playground does not keep (" + refStream.hint + ")"},
		{"create or replace task t warehouse = w schedule = '5 minute' as insert into x select 1", "1:1: CREATE TASK is not supported: a task runs SQL on a schedule, which the playground does not keep (" + refTask.hint + ")"},
		{"execute task t", "1:1: EXECUTE TASK is not supported: a task runs SQL on a schedule, which the playground does not keep (" + refTask.hint + ")"},
	} {
		expectRefused(t, snowflake, c.in, c.want)
	}
	for _, in := range []string{"show grants on schema wh.public", "SHOW FUTURE GRANTS IN SCHEMA wh.public", "show grants to role r"} {
		expectRefused(t, snowflake, in, "1:1: SHOW GRANTS is not supported: the playground keeps no grants (a GRANT or REVOKE runs as an empty statement here), so it cannot tell who holds what ("+refShowGrants.hint+")")
	}
	expectTranslated(t, snowflake, "create table stream as select 1 as task", "create table stream as select 1 as task")
	// DuckDB has no such statements: they are left to DuckDB's own errors
	expectTranslated(t, duckdb, "use main", "use main")
}
