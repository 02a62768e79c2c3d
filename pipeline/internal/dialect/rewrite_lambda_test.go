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
		{"select sender -> '$.email' from messages", `"a@x.com"`},
	}
	for _, c := range cases {
		expectRows(t, DuckDB, c.sql, c.want)
		// every line keeps its number
		if out, err := TranslateFor(DuckDB, c.sql); err != nil || strings.Count(out, "\n") != strings.Count(c.sql, "\n") {
			t.Errorf("%q translated to %q, %v: line breaks moved", c.sql, out, err)
		}
	}
	for _, bad := range []struct{ sql, want string }{
		{"select list_aggregate([1], 'histogram')", "list_aggregate with 'histogram' is not supported"},
		{"select list_transform([1], (a, b, c) -> a)", "one or two parameters"},
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
