package dialect

import "testing"

// DuckDB's UNION of a timestamp, a boolean or a number with text is text,
// each value as DuckDB casts it; of a timestamp with a DATE a timestamp;
// VALUES takes the type of its first row.
func TestSetColumnTypes(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"select timestamp '2024-01-01 10:00:00' as ts union all select 'n/a'", "select timestamp_string('2024-01-01T10:00:00Z', 'DATETIME', 'duckdb') as ts union all select 'n/a'"},
		{"with a as (select timestamptz '2024-01-01 10:00:00+00' as ts) select ts from a union select 'never'", "with a as (select '2024-01-01T10:00:00Z' as ts) select timestamp_string(ts, 'TIMESTAMP', 'duckdb') AS ts from a union select 'never'"},
		{"select true, 1, 2.50 union all select 'x', 'y', 'z'", "select CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END AS true, CAST(1 AS TEXT) AS \"1\", decimal_text(2.50, 2) AS \"2.50\" union all select 'x', 'y', 'z'"},
		{"select null as x union all select timestamp '2024-01-01' union all select 'a'::varchar", "select null as x union all select timestamp_string('2024-01-01T00:00:00Z', 'DATETIME', 'duckdb') union all select CAST('a' AS TEXT)"},
		{"select timestamp '2024-01-01' as x except select date '2024-01-01'", "select '2024-01-01T00:00:00Z' as x except select cast_to(date('2024-01-01'), 'DATETIME', 'duckdb', 1)"},
		// SELECT * of a relation whose columns are known is written out
		{"with a as (select timestamp '2024-01-01 10:00:00' as ts, 1 as n), b as (select 'x' as ts, 2 as n) select * from b union all select * from a", "with a as (select '2024-01-01T10:00:00Z' as ts, 1 as n), b as (select 'x' as ts, 2 as n) select * from b union all select timestamp_string(ts, 'DATETIME', 'duckdb') AS ts, n from a"},
		// a column whose type is not known is left as it is
		{"select ts from t union all select 'x'", "select ts from t union all select 'x'"},
	} {
		expectTranslated(t, duckdb, c.in, c.out)
	}
	// VALUES: a string literal after a first row of a type is read as it
	expectTranslated(t, duckdb, "select * from (values (timestamp '2024-01-01 10:00:00', 1), ('2024-02-03 04:05', '2')) v(ts, n)",
		"select * from (WITH _nexus_cols1(ts, n) AS (values ('2024-01-01T10:00:00Z', 1), (cast_to('2024-02-03 04:05', 'DATETIME', 'duckdb', 1), cast_to('2', 'INTEGER', 'duckdb', 1))) SELECT * FROM _nexus_cols1) AS v")
	expectRows(t, duckdb, "values (date '2024-01-01', true), (timestamp '2024-01-02 03:00:00', 'no')", "2024-01-01T00:00:00Z|1\n2024-01-02T03:00:00Z|0")
	expectTranslated(t, duckdb, "insert into t values (timestamp '2024-01-01 10:00:00'), ('2024-02-03')", "insert into t values ('2024-01-01T10:00:00Z'), ('2024-02-03')")
	expectRows(t, duckdb, "select timestamp '2024-01-01 10:00:00' as x union all select '2024-01-01 10:00:00' union select date '2024-01-01'", "2024-01-01\n2024-01-01 10:00:00")
}

// Text from a column known to be VARCHAR (of a CTE, a subquery, VALUES or
// a built table) makes the column text too; a model's text column carries
// VARCHAR to the next model.
func TestSetColumnTypesOfTextColumns(t *testing.T) {
	o := testOptions(duckdb)
	o.Types = func(schema, table string) map[string]string {
		if schema == "main" && table == "s" {
			return map[string]string{"status": TypeText, "ts": "DATETIME"}
		}
		return nil
	}
	for _, c := range []struct{ in, out string }{
		{"with a as (select 'x' as s) select timestamp '2024-01-01 10:00:00' as c union all select s from a", "with a as (select 'x' as s) select timestamp_string('2024-01-01T10:00:00Z', 'DATETIME', 'duckdb') as c union all select s from a"},
		{"select s from (select 'x' || n as s from t) union all select true", "select s from (select 'x' || n as s from t) union all select CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"},
		{"select (select status from main.s limit 1) as c union all select 2.50", "select (select status from main.s limit 1) as c union all select decimal_text(2.50, 2)"},
		{"select ts from main.s union select status from main.s", "select timestamp_string(ts, 'DATETIME', 'duckdb') AS ts from main.s union select status from main.s"},
		{"with v as (select * from (values ('a'), (null)) v(s)) select s from v union all select 1", "with v as (select * from (WITH _nexus_cols1(s) AS (values ('a'), (null)) SELECT * FROM _nexus_cols1) AS v) select s from v union all select CAST(1 AS TEXT)"},
		{"select upper(n) as c from t union all select true union all select coalesce(null, lower(n), 'x') union all select case when n then 'a' end union all select 1", "select upper_duckdb(n) as c from t union all select CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END union all select coalesce(null, lower_text(n), 'x') union all select case when n then 'a' end union all select CAST(1 AS TEXT)"},
		{"select coalesce(n, 'x') as c from t union all select true", "select coalesce(n, 'x') as c from t union all select true"},
		// text beside a number in a UNION makes the column text
		{"with a as (select 'x' as s union all select 1) select s from a union all select true", "with a as (select 'x' as s union all select CAST(1 AS TEXT)) select s from a union all select CASE (true) WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"},
		// a column of unknown type is left as it is

		{"select status from s union all select true", "select status from s union all select true"},
		// ->> and DuckDB's other functions of text give VARCHAR: a number beside them is text
		{"select j ->> 'a' as a from t except select 1", "select json_get_text_duckdb(j, 'a') as a from t except select CAST(1 AS TEXT)"},
		{"select json_extract_string(j, 'a') as a from t union select 2 union select substring(n, 1, 2) union select 3", "select json_get_text_duckdb(j, 'a') as a from t union select CAST(2 AS TEXT) union select substring(n, 1, 2) union select CAST(3 AS TEXT)"},
	} {
		got, _, err := TranslateTyped(c.in, o)
		if err != nil || got != c.out {
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.out)
		}
	}
	if _, types, err := TranslateTyped("select status, status::varchar || '!' as loud, ts from main.s", o); err != nil || len(types) != 3 || types["loud"] != TypeText || types["status"] != TypeText {
		t.Errorf("output types %v, %v; want status and loud VARCHAR", types, err)
	}
}
