package dialect

import "testing"

// Snowflake's OBJECT constants are OBJECT_CONSTRUCT: keys sorted, members
// whose value is NULL left out.
func TestSnowflakeObjectConstants(t *testing.T) {
	expectTranslated(t, snowflake, "select {'b': x, 'a': 1} from t",
		"select json_keys_sorted(json_without_null_members(json_object('b', x, 'a', 1))) from t")
	expectRows(t, snowflake, "select {'b': 'x', 'a': 1, 'c': null}", `{"a":1,"b":"x"}`)
	expectRows(t, snowflake, "select {'z': {'y': 2, 'x': [1, 2]}, 'a': true}", `{"a":true,"z":{"x":[1,2],"y":2}}`)
	expectRows(t, snowflake, "select {}", `{}`)
	expectRows(t, snowflake, "select o:b::int from (select {'a': 1, 'b': 2} as o)", `2`)
	expectRefused(t, snowflake, "select {*} from t", "1:8: {*} is not supported here (name the columns: {'a': a, 'b': b, ...})")
	expectRefused(t, snowflake, "select {t.*} from t", "1:8: {*} is not supported here (name the columns: {'a': a, 'b': b, ...})")
}

// DuckDB's struct literals keep their fields' order.
func TestDuckDBStructLiterals(t *testing.T) {
	expectRows(t, duckdb, "select {'b': 1, 'a': null}", `{"b":1,"a":null}`)
	expectRows(t, duckdb, "select {'b': {'d': 1, 'c': 2}}", `{"b":{"d":1,"c":2}}`)
}
