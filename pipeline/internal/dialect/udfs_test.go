package dialect

import "testing"

// TestFunctionsRefused: a statement creating a user-defined function is
// refused by name, with the language it is written in,
// where it reached SQLite as a syntax error.
func TestFunctionsRefused(t *testing.T) {
	lang := func(what, language, d string) string {
		return "1:1: " + what + " is not supported: it is a " + language + " function, which " + d + " runs and SQLite cannot (" + refFunctionLanguage.hint + ")"
	}
	sql := func(what string) string {
		return "1:1: " + what + " is not supported here: a function in SQL is created by a hook, a query a macro runs (run_query, run-operation) or a model's sql_header, and its calls in later SQL are inlined (" + refFunctionSQL.hint + ")"
	}
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{snowflake, "create or replace function s.first_touch(arr array) returns variant language javascript as $$ return ARR[0]; $$",
			lang("CREATE FUNCTION s.first_touch", "JavaScript", "Snowflake")},
		{snowflake, "create or replace secure temporary function f(x float) returns float language javascript as 'return X * 2;'",
			lang("CREATE FUNCTION f", "JavaScript", "Snowflake")},
		{snowflake, "create function if not exists \"S\".\"F\"(x int) returns int language python runtime_version = '3.11' handler = 'h' as $$\ndef h(x):\n  return x\n$$",
			lang("CREATE FUNCTION \"S\".\"F\"", "Python", "Snowflake")},
		{snowflake, "create function f(x int) returns int language java handler = 'A.f' as 'class A { }'",
			lang("CREATE FUNCTION f", "Java", "Snowflake")},
		{bigquery, "create temp function f(x string) returns string language js as r\"\"\"\nreturn x.trim();\n\"\"\"",
			lang("CREATE FUNCTION f", "JavaScript", "BigQuery")},
		{bigquery, "create or replace function `p.ds.f`(x int64) returns int64 language python options (runtime_version = 'python-3.11', entry_point = 'f') as r'''def f(x): return x'''",
			lang("CREATE FUNCTION `p.ds.f`", "Python", "BigQuery")},
		{bigquery, "create temp function f(x int64) as (x + 1)", sql("CREATE FUNCTION f")},
		{bigquery, "create or replace function ds.f(x int64) returns int64 as (x + 1)", sql("CREATE FUNCTION ds.f")},
		{snowflake, "create function f(x number) returns number as 'x + 1'", sql("CREATE FUNCTION f")},
		{snowflake, "create or replace function f(x number) returns number language sql as $$ x + 1 $$", sql("CREATE FUNCTION f")},
	} {
		expectRefused(t, c.d, c.in, c.want)
	}
	// a table or column of such a name is no such statement
	expectTranslated(t, snowflake, "create table function_calls as select 1 as language", "create table function_calls as select 1 as language")
}

// TestProceduresRefused: a statement creating a stored procedure, or
// calling one, is refused by name, with the language where given and the
// dialect, where it reached SQLite as a syntax error (or was read as a call
// of an unknown function named as the procedure).
func TestProceduresRefused(t *testing.T) {
	proc := func(what, in, d string) string {
		return "1:1: " + what + " is not supported: it is a stored procedure" + in + ", which " + d + " runs and SQLite cannot (" + refProcedure.hint + ")"
	}
	call := func(what, d string) string {
		return "1:1: " + what + " is not supported: it runs a stored procedure, which " + d + " has and SQLite cannot, and a procedure is not created here (" + refCall.hint + ")"
	}
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{snowflake, "create or replace procedure s.load_events(n float) returns string language javascript execute as caller as $$ return 'ok'; $$",
			proc("CREATE PROCEDURE s.load_events", " in JavaScript", "Snowflake")},
		{snowflake, "create or replace secure procedure p() returns varchar language sql as $$\nbegin\n  insert into t values (1);\n  return 'x';\nend;\n$$",
			proc("CREATE PROCEDURE p", " in SQL", "Snowflake")},
		{snowflake, "create procedure if not exists \"S\".\"P\"(x int) returns table() language python runtime_version = '3.11' packages = ('snowflake-snowpark-python') handler = 'run' as $$\ndef run(session, x):\n  return session.sql('select 1')\n$$",
			proc("CREATE PROCEDURE \"S\".\"P\"", " in Python", "Snowflake")},
		{snowflake, "create procedure p() returns varchar as $$ begin return 'x'; end $$", proc("CREATE PROCEDURE p", "", "Snowflake")},
		{bigquery, "create or replace procedure ds.p(x int64)\nbegin\n  insert into ds.t values (x);\n  select x;\nend",
			proc("CREATE PROCEDURE ds.p", "", "BigQuery")},
		{bigquery, "create procedure `p.ds.p`(out n int64) begin set n = 1; end", proc("CREATE PROCEDURE `p.ds.p`", "", "BigQuery")},
		{snowflake, "call s.load_events(3)", call("CALL s.load_events", "Snowflake")},
		{snowflake, "call p()", call("CALL p", "Snowflake")},
		{bigquery, "call ds.p(1)", call("CALL ds.p", "BigQuery")},
		{bigquery, "call `p.ds.p`(1, 'a')", call("CALL `p.ds.p`", "BigQuery")},
		// DuckDB has none: refused by name as DuckDB refuses it
		{duckdb, "create or replace procedure p() as select 1",
			"1:1: CREATE PROCEDURE p is not supported: DuckDB has no stored procedures and refuses the statement (" + refProcedureDuckDB.hint + ")"},
	} {
		expectRefused(t, c.d, c.in, c.want)
	}
	// a table or column of such a name is no such statement
	expectTranslated(t, snowflake, "create table procedure_calls as select 1 as call", "create table procedure_calls as select 1 as call")
	expectTranslated(t, bigquery, "create table call_log as select 1 as procedure", "create table call_log as select 1 as procedure")
}
