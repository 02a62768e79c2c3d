package dialect

import (
	"strings"
	"testing"
)

// DuckDB's lambdas read the list's elements, their 1-based index and the
// row's columns; -> outside a lambda function stays JSON extraction.
func TestDuckDBLambdas(t *testing.T) {
	cases := []struct{ sql, want string }{
		{"select list_transform([1, 2], x -> x + b) from t where id = 1", "[11,12]"},
		{"select list_transform(['a', 'b'], (x, i) -> x || i || coalesce(a, '?')) from t order by id", `["a1x","b2x"]` + "\n" + `["a1Y","b2Y"]` + "\n" + `["a1?","b2?"]`},
		{"select list_filter([1, 2, 3], lambda x: x > id) from t order by id", "[2,3]\n[3]\n[]"},
		{"select list_transform(\n  [1, 2],\n  x -> x * 2) as v, id from t where id = 1", "[2,4]|1"},
		{"select list_aggregate(list_filter([3, 1, 2], x -> x < 3), 'min')", "1"},
		{"select list_aggregate(\n  ['a', 'b'],\n  'string_agg', '+') -- joined\n, 1", "a+b|1"},
		// a parameter named as a DOUBLE column is the element: x // 2 of
		// integers truncates
		{"with d as (select 2.5::double as x, 7 as i) select list_transform([i, -1], x -> x // 2), list_filter([i, 4], x -> x // 2 = 3) from d", "[3,0]|[7]"},
		// list_reduce is of its lambda's type, each step cast to it: an
		// INTEGER beside a DECIMAL(6, 1) prints 0.0; 2.5 * 2.5 is 6.3
		{"select cast(case when id > 5 then 2.5::decimal(6,1) else list_reduce([id::integer, 1, 0], (a, b) -> a - b) end as varchar), list_reduce([1, 2, 0], (acc, x) -> acc * 2.5) from t where id = 1", "0.0|6.3"},
		{"select sender -> '$.email' from messages", `"a@x.com"`},
		// list comprehensions: the row's columns, the element's position
		// in the list before the filter, line breaks kept
		{"select [x + b for x in [1, 2, 3] if x > id] from t where id = 1", "[12,13]"},
		{"select [x || i for x, i in ['a', 'b', 'c']\n  if i > 1] as v, id from t where id = 1", `["b2","c3"]` + "|1"},
	}
	for _, c := range cases {
		expectRows(t, DuckDB, c.sql, c.want)
		// every line keeps its number
		if out, err := TranslateFor(DuckDB, c.sql); err != nil || strings.Count(out, "\n") != strings.Count(c.sql, "\n") {
			t.Errorf("%q translated to %q, %v: line breaks moved", c.sql, out, err)
		}
	}
	for _, bad := range []struct{ sql, want string }{
		{"select list_aggregate([1], 'arg_max')", "list_aggregate with 'arg_max' is not supported"},
		{"select list_transform([1], (a, b, c) -> a)", "wrong number of lambda parameters for LIST_TRANSFORM"},
		{"select list_reduce([1], x -> x)", "wrong number of lambda parameters for LIST_REDUCE"},
	} {
		if _, err := TranslateFor(DuckDB, bad.sql); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want %q", bad.sql, err, bad.want)
		}
	}
}

// list_count counts the elements that are not NULL.
func TestListCount(t *testing.T) {
	expectTranslated(t, duckdb, "select list_count(l) from t",
		"select (SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT count(_nexus_value) FROM (SELECT key AS _nexus_i, type AS _nexus_t, value AS _nexus_value FROM json_each(_nexus_list))) END FROM (SELECT l AS _nexus_list)) from t")
}

// Snowflake's FILTER, TRANSFORM and REDUCE: typed or untyped parameters,
// the row's columns in the body, a variant path on an element; a line
// break keeps its line.
func TestSnowflakeLambdas(t *testing.T) {
	cases := []struct{ sql, want string }{
		{"select filter([1, 2, 3], a INT -> a * 5 > b) from t where id = 1", "[3]"},
		{"select transform([1, 2], a NUMBER(38, 0) -> a * b) from t where id = 1", "[10,20]"},
		{"select reduce([1, 2, 3], 0, (acc INT, v INT) -> acc + v * id) from t order by id", "6\n12\n18"},
		{"select filter(parse_json('[{\"v\": 1}, {\"v\": 2}]'), e -> e:v::int > 1)", `[{"v":2}]`},
		{"select reduce(\n  [1, 2],\n  '',\n  (acc, v) -> acc || v) as s, id from t where id = 2", "12|2"},
	}
	for _, c := range cases {
		expectRows(t, Snowflake, c.sql, c.want)
		if out, err := TranslateFor(Snowflake, c.sql); err != nil || strings.Count(out, "\n") != strings.Count(c.sql, "\n") {
			t.Errorf("%q translated to %q, %v: line breaks moved", c.sql, out, err)
		}
	}
	for _, bad := range []struct{ sql, want string }{
		{"select filter([1], (a, b) -> a)", "wrong number of lambda parameters for FILTER (write FILTER(array, x -> e))"},
		{"select reduce([1], (acc, v) -> acc + v)", "REDUCE takes a lambda (write REDUCE(array, initial, (acc, x) -> e))"},
		{"select transform([1])", "TRANSFORM takes a lambda"},
	} {
		if _, err := TranslateFor(Snowflake, bad.sql); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want %q", bad.sql, err, bad.want)
		}
	}
}
