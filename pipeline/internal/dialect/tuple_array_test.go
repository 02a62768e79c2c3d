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
	expectTranslated(t, duckdb, "select count(distinct (a,\n b)) from t", "select count(distinct json_array(a,\n b)) from t")
}

// DuckDB reads a tuple standing as a value as an unnamed struct, held as
// row(...) is: the JSON list of its values. Beside another tuple it stays
// a row value, compared as DuckDB compares structs.
func TestDuckDBTupleValues(t *testing.T) {
	expectTranslated(t, duckdb, "select (1, 'x') as t", "select json_array(1, 'x') as t")
	expectTranslated(t, duckdb, "select [(1, 'a'), (2, 'b')]", "select json_array(json(json_array(1, 'a')), json(json_array(2, 'b')))")
	expectTranslated(t, duckdb, "select list((a, b)) from t", "select list_or_null(json(json_array(a, b))) from t")
	expectTranslated(t, duckdb, "select ((1, 2), 3)", "select json_array(json_array(1, 2), 3)")
	expectTranslated(t, duckdb, "select 1 from t where (a, b) = (c, d)", "select 1 from t where (a, b) IS (c, d)")
	expectTranslated(t, duckdb, "select 1 from t where (a, b) <> (1, 2)", "select 1 from t where (a, b) IS NOT (1, 2)")
	expectTranslated(t, duckdb, "select 1 from t where (a, b) in (select 1, 2)", "select 1 from t where (a, b) in (select 1, 2)")
	expectTranslated(t, duckdb, "select 1 from t where (a, b) not in ((1, 2), (3, null))", "select 1 from t where NOT ((a, b) IS (1, 2) OR (a, b) IS (3, null))")
	expectTranslated(t, duckdb, "select a, b, count(*) from t group by (a, b)", "select a, b, count(*) from t group by a, b")
	expectRows(t, duckdb, "select (1, 'x')::varchar", "(1, x)")
	expectRows(t, duckdb, "select row(1, 'x')::varchar", "(1, x)")
	expectRows(t, duckdb, "select struct_extract((1, 'x'), 2)", "x")
	expectRows(t, duckdb, "select to_json(list((a, b) order by a desc)) from (values (1, 'x'), (2, 'y')) v(a, b)", `[[2,"y"],[1,"x"]]`)
	expectRows(t, duckdb, "select count(*) from (values (1, null), (2, 3)) v(a, b) where (a, b) in ((1, null), (2, 3))", "2")
	// ordered field by field, a NULL field after the others
	expectRows(t, duckdb, "select (1, null) < (1, 2), (1, 2) < (1, null), (null, 1) > (1, 1), (1, null) <= (1, null), (2, 0) > (1, 9)", "0|1|1|1|1")
	expectTranslated(t, duckdb, "select a from t order by (a, b) desc", "select a from t order by a DESC NULLS FIRST, b DESC NULLS FIRST")
	expectRows(t, duckdb, "select b from (values (1, 2), (1, null), (1, 1)) v(a, b) order by (a, b)", "1\n2\nNULL")
	// the tuples of SQLite's own SQL stay row values
	expectTranslated(t, sqlite, "select 1 from t where (a, b) = (c, d)", "select 1 from t where (a, b) = (c, d)")
}

// BigQuery reads a tuple standing as a value as an anonymous STRUCT, its
// fields _field_1, _field_2, ...
func TestBigQueryTupleValues(t *testing.T) {
	expectTranslated(t, bigquery, "select (1, 'x') as t", "select json_object('_field_1', 1, '_field_2', 'x') as t")
	expectRows(t, bigquery, "select to_json_string((1, 'x'))", `{"_field_1":1,"_field_2":"x"}`)
	expectRows(t, bigquery, "select s._field_2 from (select (1, 'x') as s)", "x")
	expectTranslated(t, bigquery, "select 1 from t where (a, b) = (1, 2)", "select 1 from t where (a, b) = (1, 2)")
}

// A struct is JSON text here: ordering by one is refused by name.
func TestDuckDBStructOrder(t *testing.T) {
	const msg = "ordering by a struct (ORDER BY, MIN, MAX, the key of arg_max and arg_min) is not supported: structs are JSON text here, which would sort as text ({'a': 10} before {'a': 2}) (order by its fields: ORDER BY s.a, s.b, or max(s.a); ORDER BY (a, b) of a tuple orders field by field)"
	expectRefused(t, duckdb, "select max({'a': a}) from t", "1:12: "+msg)
	expectRefused(t, duckdb, "select arg_max(a, (a, b)) from t", "1:19: "+msg)
	expectRefused(t, duckdb, "select a from t order by {'a': a}", "1:26: "+msg)
}
