package dialect

import "testing"

// BigQuery reads a tuple in an array literal as a STRUCT: its fields are
// named by the array's type, else anonymous (_field_1, _field_2, ...).
func TestTupleArrays(t *testing.T) {
	expectTranslated(t, bigquery, "select [(1, 'a'), (2, 'b')]",
		"select json_array(json_object('_field_1', 1, '_field_2', 'a'), json_object('_field_1', 2, '_field_2', 'b'))")
	expectTranslated(t, bigquery, "select ARRAY<STRUCT<x INT64, y STRING>>[(1, 'a')]",
		"select json_array(json_object('x', 1, 'y', 'a'))")
	expectTranslated(t, bigquery, "select array<struct<x int64, y array<struct<z int64>>>>[(1, [2])]",
		"select json_array(json_object('x', 1, 'y', json_array(2)))")
	expectTranslated(t, bigquery, "select ARRAY[(a, b)] from t", "select json_array(json_object('_field_1', a, '_field_2', b)) from t")
	// a later STRUCT takes the names of the first element, as BigQuery types the array by it
	expectTranslated(t, bigquery, "select [struct(1 as k, 2 as v), (3, 4)]",
		"select json_array(json_object('k', 1, 'v', 2), json_object('k', 3, 'v', 4))")
	expectRows(t, bigquery, "select x, y from unnest(array<struct<x int64, y string>>[(1, 'a'), (2, 'b')])", "1|a\n2|b")
	expectRows(t, bigquery, "select p._field_2 from unnest([(1, 'a'), (2, 'b')]) as p where p._field_1 = 2", "b")
	expectRows(t, bigquery, "select to_json_string([(1, 'a')])", `[{"_field_1":1,"_field_2":"a"}]`)
	// a tuple stays a row value elsewhere
	expectTranslated(t, bigquery, "select 1 from t where (id, a) in (select 1, 'x')", "select 1 from t where (id, a) in (select 1, 'x')")
}

// count(DISTINCT (a, b)) counts the distinct pairs, as DuckDB counts structs.
func TestCountDistinctTuple(t *testing.T) {
	expectTranslated(t, duckdb, "select count(distinct (a,\n b)) from t", "select count(distinct json_array(a, b)\n) from t")
}
