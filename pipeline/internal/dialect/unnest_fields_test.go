package dialect

import "testing"

// u.k of FROM t, unnest(l) AS x(u): field k of the element u.
func TestUnnestColumnFields(t *testing.T) {
	expectTranslated(t, duckdb, "select u.k from t, unnest(t.kv) as x(u)", "select json_extract(x.value, '$.k') AS k from t, json_each(t.kv) as x")
	expectRows(t, duckdb, "select u.k, u.v from (select [{'k': 'a', 'v': 1}, {'k': 'b', 'v': 2}] as kv) t, unnest(kv) as x(u)", "a|1\nb|2")
}
