package dialect

import (
	"strings"
	"testing"
)

// A cast to MAP(K, V) in DuckDB casts each entry's key and value; text
// cast to a MAP is refused.
func TestDuckMapCasts(t *testing.T) {
	expectTranslated(t, duckdb, "select m::map(varchar, integer) from t",
		"select json((SELECT CASE WHEN _nexus_map IS NULL THEN NULL ELSE (SELECT json_group_array(json_object('key', "+
			"cast_to(CASE json_type(value, '$.key') WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_extract(value, '$.key') END, 'TEXT', 'duckdb', 1), "+
			"'value', integer_in_range(cast_to(json_extract(value, '$.value'), 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1)) ORDER BY key) FROM json_each(_nexus_map)) END FROM (SELECT m AS _nexus_map))) from t")
	expectRefused(t, duckdb, "select '{a=1}'::map(varchar, integer)", "1:8: "+refMapText.message+" ("+refMapText.hint+")")
	// a map cast to text afterwards is written as a MAP
	got, err := TranslateWith("select m::map(varchar, double)::varchar from t", Options{Dialect: duckdb})
	if err != nil || !strings.Contains(got, "nested_text(") || !strings.Contains(got, "'MAP REAL'") {
		t.Errorf("got %s, %v", got, err)
	}
}
