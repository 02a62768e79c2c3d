package dialect

import "testing"

// DuckDB's JSON values read from a column (text there) go into lists,
// structs and the JSON functions' results as JSON, as DuckDB puts them.
func TestDuckDBJSONValues(t *testing.T) {
	expectTranslated(t, duckdb, "select list(j) from (select '{\"a\": 1}'::json as j)", "select list_or_null(json(j)) from (select json('{\"a\": 1}') as j)")
	expectRows(t, duckdb, "with e as (select '{\"a\": 1}'::json as j) select json_group_array(j), json_array(j, 1), json_object('k', j), to_json(list(j)) from e",
		`[{"a":1}]|[{"a":1},1]|{"k":{"a":1}}|[{"a":1}]`)
}
