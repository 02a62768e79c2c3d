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
		return "1:1: " + what + " is not supported: SQLite has no user-defined functions written in SQL, and calls of it are not inlined (" + refFunctionSQL.hint + ")"
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
