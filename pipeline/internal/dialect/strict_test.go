package dialect

import (
	"strings"
	"testing"
)

// expectFails runs in as written for d and wants SQLite to fail with an
// error holding want.
func expectFails(t *testing.T, d Dialect, in, want string) {
	t.Helper()
	sql, err := TranslateWith(in, testOptions(d))
	if err != nil {
		t.Errorf("%s: %q: %v", d, in, err)
		return
	}
	got, err := runSQL(sql)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("%s: %q ran as %q\n got %q, %v\nwant an error with %q", d, in, sql, got, err, want)
	}
}

// A plain CAST, a division and an array OFFSET fail where the warehouse
// fails, naming the line; SAFE_/TRY_ forms give NULL.
func TestWarehouseFailures(t *testing.T) {
	expectTranslated(t, bigquery, "select\n  cast(a as int64),\n  safe_cast(a as int64)", "select\n  cast_to(a, 'INTEGER', 'bigquery', 2),\n  try_cast(a, 'INTEGER', 'bigquery')")
	expectTranslated(t, duckdb, "select cast(2.5 as integer), 2.5::int, x::date", "select integer_in_range(cast_to(round_scale('2.5', 0), 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), integer_in_range(cast_to(round_scale('2.5', 0), 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1), cast_to(x, 'DATE', 'duckdb', 1)")
	expectTranslated(t, sqlite, "select cast(a as integer), a / b", "select cast(a as INTEGER), a / b")

	expectFails(t, duckdb, "select 'on'::boolean", `cannot cast "on" to BOOL: write true, false, t, f, yes, no, y, n, 1 or 0`)
	expectFails(t, snowflake, "select 'maybe'::boolean", `cannot cast "maybe" to BOOL: write true, false, t, f, yes, no, y, n, on, off, 1 or 0`)
	// text that is not a number
	expectFails(t, bigquery, "select 1,\n cast('abc' as int64)", `line 2: CAST of "abc" to an integer failed, as it fails on BigQuery; use SAFE_CAST`)
	expectFails(t, snowflake, "select 'abc'::number(10,2)", `CAST of "abc" to a number failed, as it fails on Snowflake; use TRY_CAST`)
	expectFails(t, duckdb, "select cast('' as integer)", `CAST of "" to an integer failed`)
	expectFails(t, bigquery, "select cast('2.5' as int64)", `CAST of "2.5" to an integer failed`)
	expectFails(t, bigquery, "select cast('2024-13-01' as date)", `CAST of "2024-13-01" to DATE failed`)
	expectFails(t, duckdb, "select cast(1e20 as integer)", `CAST of 1.0e+20 (out of range) to an integer failed`)
	expectRows(t, bigquery, "select safe_cast('abc' as int64), safe_cast('2.5' as int64), cast(null as int64), cast(' 12 ' as int64), cast('0x1F' as int64)", "NULL|NULL|NULL|12|31")
	expectRows(t, snowflake, "select cast('2.5' as int), try_cast('abc' as int), '1e3'::int, cast(' 2.5 ' as double)", "3|NULL|1000|2.5")
	// reals round: halves away from zero, but a DuckDB DOUBLE's to even
	expectRows(t, bigquery, "select cast(2.5 as int64), cast(-2.5 as int64), cast(2.4 as int64)", "3|-3|2")
	expectRows(t, snowflake, "select 2.5::int, (-0.5)::int", "3|-1")
	expectRows(t, duckdb, "select cast(2.5 as integer), cast(2.5::double as integer), cast(3.5::double as integer), cast('0.5' as integer), try_cast('2.5' as integer)", "3|2|4|1|3")
	// dates take a date or a timestamp's UTC date; a BigQuery STRING a date's text only
	expectRows(t, bigquery, "select cast('2024-05-17' as date), cast(timestamp '2024-05-17 23:30:00-02:00' as date)", "2024-05-17|2024-05-18")
	expectFails(t, bigquery, "select cast('2024-05-17T23:30:00-02:00' as date)", `CAST of "2024-05-17T23:30:00-02:00" to DATE failed, as it fails on BigQuery`)

	// division by zero
	expectFails(t, bigquery, "select a,\n  10 / (b - b)\nfrom t where id = 1", "line 2: division by zero: 10 / 0; use SAFE_DIVIDE(x, y) to get NULL")
	expectFails(t, snowflake, "select 1 / 0", "division by zero: 1 / 0, which fails on Snowflake; use DIV0(x, y) to get 0")
	expectRows(t, duckdb, "select 1 / 0, -1 / 0, 0 / 0, 7 / 2", "Inf|-Inf|NULL|3.5")
	expectRows(t, bigquery, "select 1 / null, b / 4 from t where id = 2", "NULL|NULL")

	// array indexes
	expectTranslated(t, bigquery, "select arr[offset(1)], arr[safe_offset(1)], arr[1]", "select array_at(arr, 1, 0, 1), json_extract(arr, '$[1]'), array_at(arr, 1, 0, 1)")
	expectRows(t, bigquery, "select [1, 2, 3][offset(2)], [1, 2, 3][ordinal(1)], ['a', 'b'][1], [1][safe_offset(5)], json_array(json_object('x', 1))[offset(0)]", `3|1|b|NULL|{"x":1}`)
	expectFails(t, bigquery, "select\n\n  [1, 2, 3][offset(3)]", "line 3: array index OFFSET(3) is out of range: the array has 3 elements; use SAFE_OFFSET to get NULL")
	expectFails(t, bigquery, "select [1][ordinal(0)]", "array index ORDINAL(0) is out of range: the array has 1 element; use SAFE_ORDINAL")
	expectRows(t, snowflake, "select array_construct(1, 2)[5]", "NULL")
	expectRows(t, duckdb, "select [1, 2, 3][5]", "NULL")
}

// A select alias whose expression names a column of the same name stands
// for that expression in QUALIFY once: the inner name is the column.
func TestQualifyAliasNamingItself(t *testing.T) {
	got, err := TranslateWith("select b + 1 as b from t qualify b > 1", testOptions(snowflake))
	if err != nil || !strings.Contains(got, "(b + 1) > 1") {
		t.Errorf("got %q, %v; want QUALIFY's b as (b + 1)", got, err)
	}
	expectRows(t, snowflake, "select b + 1 as b from t qualify b > 11", "31")
}

// DuckDB's and Snowflake's % keeps a real's fraction; DuckDB fails on zero.
func TestModulo(t *testing.T) {
	expectTranslated(t, duckdb, "select a % 2 from t", "select modulo(a, 2, 'duckdb', 1) from t")
	expectTranslated(t, bigquery, "select mod(a, 2) from t", "select modulo(a, 2, 'bigquery', 1) from t")
	expectFails(t, bigquery, "select 1,\n mod(5, 0)", "line 2: division by zero: MOD(5, 0), which fails on BigQuery")
	expectRows(t, duckdb, "select 5.5 % 2, -7 % 3, 7 % -3, 7 % 2.5, null % 2", "1.5|-1|1|2.0|NULL")
	expectRows(t, snowflake, "select 10.5 % 3, 7 % 0", "1.5|NULL")
	expectFails(t, duckdb, "select 1,\n 5 % 0", "line 2: division by zero: 5 % 0, which fails on DuckDB")
}
