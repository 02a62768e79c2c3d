package dialect

import "testing"

// TestInertStatements: grants, warehouse and query-tag statements and the
// definitions of policies and tags become empty statements in the
// warehouses that have them; ALTER SESSION of the week parameters sets
// them for the connection, of another that changes answers is refused by
// name; the same words elsewhere are left alone.
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
	// the week parameters are kept for the statements after them
	for _, c := range []struct{ in, out string }{
		{"ALTER SESSION SET WEEK_START = 7", "SELECT snowflake_alter_session('week_start', 7) AS status"},
		{"alter session set week_of_year_policy=1, week_start='3'", "SELECT snowflake_alter_session('week_of_year_policy', 1, 'week_start', '3') AS status"},
		{"alter session set week_start = 1 query_tag = 'x' lock_timeout = 60", "SELECT snowflake_alter_session('week_start', 1) AS status"},
		{"alter session unset week_of_year_policy, query_tag", "SELECT snowflake_alter_session('week_of_year_policy', NULL) AS status"},
		{"alter session set statement_timeout_in_seconds = 3600, use_cached_result = false", ""},
		// the values the playground computes with
		{"alter session set timezone = 'UTC' timestamp_type_mapping = timestamp_ntz", ""},
		{"alter session set week_start = 1, date_output_format = 'yyyy-mm-dd', quoted_identifiers_ignore_case = false", "SELECT snowflake_alter_session('week_start', 1) AS status"},
		{"alter session unset timestamp_input_format, date_output_format", ""},
	} {
		expectTranslated(t, snowflake, c.in, c.out)
	}
	for _, c := range []struct{ in, at, what string }{
		{"alter session set timezone = 'America/New_York'", "1:19", "SET TIMEZONE"},
		{"alter session set week_start = 1, date_output_format = 'DD/MM/YYYY'", "1:35", "SET DATE_OUTPUT_FORMAT"},
		{"alter session unset timezone", "1:21", "UNSET TIMEZONE"},
		{"alter session set quoted_identifiers_ignore_case = true", "1:19", "SET QUOTED_IDENTIFIERS_IGNORE_CASE"},
		{"alter session set geography_output_format = 'WKT'", "1:19", "SET GEOGRAPHY_OUTPUT_FORMAT"},
	} {
		expectRefused(t, snowflake, c.in, c.at+": ALTER SESSION "+c.what+" is not supported: the parameter changes what later statements compute (time zones, formats, the case of names ...), and the playground computes with one value of it: TIMEZONE 'UTC', TIMESTAMP_TYPE_MAPPING TIMESTAMP_NTZ, QUOTED_IDENTIFIERS_IGNORE_CASE FALSE, the default formats ("+refSessionParameter.hint+")")
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

// TakeSessionStatements takes Snowflake's ALTER SESSION statements out of
// a sql_header, keeping the rest and its line breaks.
func TestTakeSessionStatements(t *testing.T) {
	rest, session, err := TakeSessionStatements(snowflake, "alter session set week_start = 7;\nset x = 1; -- a variable\nALTER SESSION UNSET query_tag")
	if err != nil || rest != "\nset x = 1;-- a variable\n" || session != "alter session set week_start = 7;\nALTER SESSION UNSET query_tag;\n" {
		t.Errorf("got %q, %q, %v", rest, session, err)
	}
	if rest, session, _ := TakeSessionStatements(duckdb, "alter session set week_start = 7"); rest != "alter session set week_start = 7" || session != "" {
		t.Errorf("duckdb: got %q, %q", rest, session)
	}
}
