package dialect

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// A BigQuery or Snowflake function in SQL, created in a hook, is taken out
// of the hook's SQL and its calls are inlined: the arguments cast to the
// declared types, the result to RETURNS, the answers the warehouse's.
func TestSQLFunctionsInlined(t *testing.T) {
	for _, c := range []struct {
		d          Dialect
		hook       string
		rest       string
		sql, want  string
		expandedTo string // the call as inlined, when given
	}{
		// BigQuery: a TEMP function by its name, a dataset's qualified
		{bigquery, "create temp function add_one(x INT64) as (x + 1);\nselect 1", "\nselect 1",
			"select add_one(id) from t order by id", "2\n3\n4", "select (cast((id) as INT64) + 1) from t order by id"},
		{bigquery, "CREATE OR REPLACE FUNCTION analytics.label(x INT64, s STRING) RETURNS STRING AS (concat(s, '-', cast(x as string)))", "",
			"select analytics.label(id, a) from t where id < 3 order by id", "x-1\nY-2", ""},
		{bigquery, "create function if not exists `proj.analytics.half`(x FLOAT64) returns FLOAT64 as (x / 2)", "",
			"select `proj.analytics.half`(b), analytics.half(3), `analytics`.`half`(1) from t where id = 1", "5.0|1.5|0.5", ""},
		// arguments are cast as BigQuery coerces them; ANY TYPE is not
		{bigquery, "create temp function twice(x ANY TYPE) as (x || x);\ncreate temp function n(x INT64) as (x)", "\n",
			"select twice(a), n('7') + 1 from t where id = 1", "xx|8", ""},
		// a scalar subquery as the body
		{bigquery, "create temp function biggest() as ((select max(b) from t))", "",
			"select biggest()", "30", ""},
		{bigquery, "create temp function a(x INT64) as (x * 2);\ncreate temp function b(x INT64) as (a(x) + 1)", "\n",
			"select b(\n  id)\nfrom t where id = 2", "5", ""},
		// Snowflake: the current schema's function by its name or qualified,
		// a database before the schema
		{snowflake, "create or replace function main.clean(s varchar) returns varchar as 'lower(trim(s))'", "",
			"select clean(' Ab '), main.clean('C'), db.main.clean('D')", "ab|c|d", ""},
		{snowflake, "create or replace secure function cents(x number(10, 2)) returns number(12, 0) language sql as $$\n  x * 100 -- to cents\n$$;", "\n\n",
			"select cents(1.234), cents(1.235)", "123|124", ""},
		// Snowflake casts a NUMBER argument to its scale 0
		{snowflake, "create function r(x number) returns number as 'x'", "", "select r(1.5), r(2.4)", "2|2", ""},
		// overloads by number of arguments, a query as the body
		{snowflake, "create function f(x number) returns number as 'x + 1';\ncreate function f(x number, y number) returns number as 'x * y';\ncreate function total() returns number as 'select sum(b) from t'", "\n\n",
			"select f(2), f(2, 5), total()", "3|10|40", ""},
		{snowflake, "create function nz(x number) returns number returns null on null input as 'coalesce(x, 0) + 1'", "",
			"select nz(b) from t order by id", "11\nNULL\n31", ""},
	} {
		defs := Defs{Schema: "main"}
		rest, err := TakeDefinitions(c.d, c.hook, &defs)
		if err != nil {
			t.Errorf("%s: %q: %v", c.d, c.hook, err)
			continue
		}
		if rest != c.rest {
			t.Errorf("%s: %q left %q, want %q", c.d, c.hook, rest, c.rest)
		}
		sql, err := ApplyDefinitions(c.d, c.sql, &defs)
		if err != nil {
			t.Errorf("%s: %q: %v", c.d, c.sql, err)
			continue
		}
		if c.expandedTo != "" && sql != c.expandedTo {
			t.Errorf("%s: %q expanded to %q, want %q", c.d, c.sql, sql, c.expandedTo)
		}
		if strings.Count(sql, "\n") != strings.Count(c.sql, "\n") {
			t.Errorf("%s: %q expanded to %q: line breaks moved", c.d, c.sql, sql)
		}
		expectRows(t, c.d, sql, c.want)
	}
}

// Bad definitions and calls are errors naming the function and the place;
// DROP FUNCTION forgets a function, and a BigQuery TEMP function lasts
// its script.
func TestSQLFunctionErrors(t *testing.T) {
	for _, c := range []struct {
		d          Dialect
		hook, call string
		want       string
	}{
		{snowflake, "create function f(x number) returns number as 'x';\ncreate function f(x number, y number) returns number as 'x'", "select 1,\n f(1, 2, 3)",
			"2:2: function f takes 1 or 2 arguments, and this call gives 3"},
		{bigquery, "create temp function g(x INT64) as (x)", "select g()", "1:8: function g takes 1 argument, and this call gives 0"},
		{bigquery, "create temp function g(x INT64) as (g(x - 1))", "", "1:1: CREATE FUNCTION g calls itself, and a recursive function is not supported"},
		{snowflake, "create function s.g(x number) returns number as 'main.h(x)';\ncreate function h(x number) returns number as 's.g(x)'", "select h(1)",
			"functions call each other more than 16 deep"},
		{snowflake, "create function f(x number) returns number as 'x';\ncreate function f(y number) returns number as 'y'", "",
			"2:1: CREATE FUNCTION f: function f already exists with 1 argument"},
		{snowflake, "create function f(x number) returns number as 'x';\ncreate or replace function f(x varchar) returns number as '1'", "",
			"2:1: CREATE FUNCTION f: function f is defined with 1 argument of other types, and overloads with the same number of arguments, told apart by their types, are not supported here"},
		{snowflake, "create function f(x number) returns number as $$\ndeclare y number;\nbegin\n  return x;\nend;\n$$", "",
			"1:47: CREATE FUNCTION f is a Snowflake Scripting function (DECLARE ... BEGIN ... END), whose statements are not inlined here"},
		{bigquery, "create or replace table function ds.t(x INT64) as select x as y", "",
			"1:1: CREATE TABLE FUNCTION ds.t is a table function, which is not inlined here"},
		{snowflake, "create function t(x number) returns table (a number) as 'select x'", "",
			"1:1: CREATE FUNCTION t is a table function (RETURNS TABLE), which is not inlined here"},
		{snowflake, "create function f(x number default 1) returns number as 'x'", "",
			"1:28: CREATE FUNCTION f: a parameter's DEFAULT is not supported"},
		{bigquery, "create temp function f(x INT64) as x + 1", "", "1:36: CREATE FUNCTION f: its body is not an expression in brackets"},
	} {
		defs := Defs{Schema: "main"}
		_, err := TakeDefinitions(c.d, c.hook, &defs)
		if err == nil && c.call != "" {
			_, err = ApplyDefinitions(c.d, c.call, &defs)
		}
		if !strings.Contains(errorAt(err), c.want) {
			t.Errorf("%s: %q then %q: %q, want %q", c.d, c.hook, c.call, errorAt(err), c.want)
		}
	}
	defs := Defs{Schema: "main"}
	if _, err := TakeDefinitions(snowflake, "create function f(x number) returns number as 'x';\ncreate function f(x number, y number) returns number as 'x';\ndrop function f(number, number)", &defs); err != nil {
		t.Fatal(err)
	}
	if got := arities(defs.Macros["main.f"]); got != "1" {
		t.Errorf("after DROP FUNCTION f(number, number), f takes %s arguments, want 1", got)
	}
	if _, err := TakeDefinitions(bigquery, "create temp function g(x INT64) as (x);\ncreate function ds.h(x INT64) as (x);\ndrop function if exists ds.h", &defs); err != nil {
		t.Fatal(err)
	}
	if _, ok := defs.Macros["ds.h"]; ok {
		t.Errorf("ds.h is still there after DROP FUNCTION")
	}
	defs.EndScript()
	if _, ok := defs.Macros["g"]; ok {
		t.Errorf("TEMP function g outlived its script")
	}
	if _, err := ApplyDefinitions(bigquery, "select 1,\n  g(1)", &defs); !strings.Contains(errorAt(err), "2:3: function g is a TEMP function of an earlier script") {
		t.Errorf("a call of an ended TEMP function: %v", err)
	}
	// other languages and remote functions are left for the translator,
	// which refuses them by name
	for _, c := range []struct {
		d    Dialect
		stmt string
	}{
		{snowflake, "create function f(x number) returns number language javascript as 'return X'"},
		{bigquery, "create temp function f(x STRING) returns STRING language js as r'''return x'''"},
		{bigquery, "create function ds.f(x STRING) returns STRING remote with connection `p.us.c` options (endpoint = 'https://x')"},
	} {
		if rest, err := TakeDefinitions(c.d, c.stmt, &Defs{}); err != nil || rest != c.stmt {
			t.Errorf("%s: %q taken as %q, %v", c.d, c.stmt, rest, err)
		}
	}
	expectRefused(t, bigquery, "create function ds.f(x STRING) returns STRING remote with connection `p.us.c` options (endpoint = 'https://x')",
		"1:1: CREATE FUNCTION ds.f is not supported: it is a remote function, which calls a service outside BigQuery that SQLite cannot reach ("+refFunctionRemote.hint+")")
}

// errorAt is an error as line:col: message, a diagnostic's place first.
func errorAt(err error) string {
	var d *diag.Diagnostic
	if errors.As(err, &d) {
		return fmt.Sprintf("%d:%d: %s", d.Line, d.Col, d.Message)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}
