package dialect

import (
	"fmt"
	"testing"
)

// DuckDB's json_each gives JSON values, its own type names and VARCHAR
// keys: read from SQLite's json_each.
func TestDuckJSONEach(t *testing.T) {
	expectTranslated(t, duckdb, "select j.value, j.key from t, json_each(t.x) as j", "select json_get_json(j.json, j.fullkey) AS value, CAST(j.key AS TEXT) AS key from t, json_each(t.x) as j")
	expectTranslated(t, duckdb, "select value ->> 'a' from json_each('[1]')", "select json_get_text_duckdb(json_get_json(json_each.json, json_each.fullkey), 'a') from json_each('[1]')")
	expectTranslated(t, duckdb, "select type, fullkey from json_tree('[1]') j", "select json_type_duckdb(j.json, j.fullkey) AS type, fullkey from json_tree('[1]') j")
	expectTranslated(t, sqlite, "select j.value, j.id, * from json_each('[1]') j", "select j.value, j.id, * from json_each('[1]') j")
	expectTranslated(t, bigquery, "select v from unnest([1]) as v", "select v.value AS v from json_each(json_array(1)) as v")
	expectRefused(t, duckdb, "select j.id from json_each('[1]') j", "1:8: "+fmt.Sprintf(refDuckEachID.message, "id")+" ("+refDuckEachID.hint+")")
	expectRefused(t, duckdb, "select * from json_each('[1]') j", "1:8: "+refDuckEachStar.message+" ("+refDuckEachStar.hint+")")
	expectRefused(t, duckdb, "select value from src, json_each(src.x)", "1:8: "+fmt.Sprintf(refDuckEachBare.message, "value")+" ("+refDuckEachBare.hint+")")
}

// json_each's value is JSON in DuckDB: compared with a string that is no
// JSON text, DuckDB fails.
func TestDuckJSONEachText(t *testing.T) {
	msg := refDuckEachText.message + " (" + refDuckEachText.hint + ")"
	expectRefused(t, duckdb, "select 1 from json_each('[\"a\"]') j where j.value = 'a'", "1:52: "+msg)
	expectRefused(t, duckdb, "select 1 from json_each('[\"a\"]') where 'a' <> value", "1:40: "+msg)
	expectRefused(t, duckdb, "select 1 from json_each('[\"a\"]') j where j.atom in ('\"a\"', 'b')", "1:60: "+msg)
	expectTranslated(t, duckdb, "select 1 from json_each('[1]') j where j.value = '1' and j.key = 'a'", "select 1 from json_each('[1]') j where json_get_json(j.json, j.fullkey) = '1' and CAST(j.key AS TEXT) = 'a'")
}
