package dialect

import (
	"strings"
	"testing"
)

// A DuckDB list or struct cast to a string is written as DuckDB writes it,
// with the scale of its DECIMALs; || of two lists is one list; list_sum
// and list_avg of DECIMALs add them exactly.
func TestListTypes(t *testing.T) {
	expectTranslated(t, duckdb, "select [1, 2]::varchar", "select nested_text(json_array(1, 2), 'INTEGER')")
	expectTranslated(t, duckdb, "select cast([1.50, 2] as varchar)", "select nested_text(json_array(1.50, 2), 'DECIMAL 2')")
	expectTranslated(t, duckdb, "select cast(string_split(s, ',') as text) from t", "select nested_text(split_to_json(s, ','), '') from t")
	expectTranslated(t, duckdb, "select cast({'a': 1} as varchar)", "select nested_text(json_object('a', 1), '')")
	expectTranslated(t, duckdb, "with l as (select list(2.50) as xs from t) select xs::varchar from l",
		"with l as (select list_or_null(2.50) as xs from t) select nested_text(xs, 'DECIMAL 2') from l")
	expectTranslated(t, duckdb, "select [1] || [2.5]", "select array_concat(json_array(1), json_array(2.5))")
	expectTranslated(t, duckdb, "select list_sum([1.10, 2.20]), list_avg([0.1, 0.2])", "select list_sum_json(json_array(1.10, 2.20), 2), list_avg_json(json_array(0.1, 0.2), 1)")
	expectTranslated(t, duckdb, "select list_sum([1, 2]), list_sum([1.5::double])", "select list_sum_json(json_array(1, 2)), list_sum_json(json_array(double_as_json(cast_to('1.5', 'REAL', 'duckdb', 1))))")
	// text of unknown type stays as it is; a string is no list
	expectTranslated(t, duckdb, "select 'a' || 'b', cast(x as varchar) from t", "select 'a' || 'b', cast_to(x, 'TEXT', 'duckdb', 1) from t")

	expectRows(t, duckdb, "select cast(['a b', 'c,d', '', 'it''s', null] as varchar)", `[a b, 'c,d', '', 'it\'s', NULL]`)
	expectRows(t, duckdb, "select cast([[1.5::double, 2]] as varchar), cast([1e20, 0.5] as varchar)", "[[1.5, 2.0]]|[1e+20, 0.5]")
	expectRows(t, duckdb, "select list_sum([1.10, 2.20]), list_avg([0.10, 0.20, 0.40])", "3.3|0.23333333333333334")
}

// DuckDB's concat_ws joins the elements of a list argument.
func TestConcatWSLists(t *testing.T) {
	expectTranslated(t, duckdb, "select concat_ws(',', ['a', 'b'], x) from t",
		"select concat_ws(',', (SELECT group_concat(CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE value END, ',') FROM json_each(json_array('a', 'b')) WHERE type <> 'null'), x) from t")
}

// A struct's or list's dates, timestamps and DECIMALs are known field by
// field and element by element: nested_text writes them as DuckDB does.
func TestNestedShapes(t *testing.T) {
	expectTranslated(t, duckdb, "select cast({'k': timestamp '2024-01-02 03:04:05', 'n': 1.50} as varchar)",
		`select nested_text(json_object('k', '2024-01-02T03:04:05Z', 'n', 1.50), 'SHAPE {"k":"TIMESTAMP","n":"DECIMAL 2"}')`)
	expectTranslated(t, duckdb, "select [d]::varchar from t", `select nested_text(json_array(d), '') from t`)
	expectTranslated(t, duckdb, "select row(1.50, 'a')::varchar", `select nested_text(json_array(1.50, 'a'), 'ROW ["DECIMAL 2","VARCHAR"]')`)
}

// DuckDB's parser refuses a slice right after a cast.
func TestCastSliceRefused(t *testing.T) {
	expectRefused(t, duckdb, "select 'abcd'::text[2:3]", "1:20: "+refCastSlice.message+" ("+refCastSlice.hint+")")
	expectTranslated(t, duckdb, "select ('abcd'::text)[2:3]", "select text_slice((CAST('abcd' AS TEXT)), 2, 3)")
}

// A built table keeps what is known of its struct and list columns'
// leaves: a model reading it writes them as DuckDB does.
func TestNestedShapesOfTables(t *testing.T) {
	types := func(schema, table string) map[string]string {
		return map[string]string{"st": TypeStruct, FullTypePrefix + "st": `SHAPE {"d":"DECIMAL 2","t":"TIMESTAMP"}`}
	}
	out, err := TranslateWith("select st::varchar, st.d + 1 from n", Options{Dialect: DuckDB, Types: types})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `nested_text(st, 'SHAPE {"d":"DECIMAL 2","t":"TIMESTAMP"}')`) || !strings.Contains(out, "round_scale") {
		t.Errorf("got %s", out)
	}
}

// A DOUBLE's negative zero keeps its sign where SQLite drops it: -x is
// x * -1, and an element of a list or struct goes in through
// double_as_json; a DECIMAL has no negative zero.
func TestDoubleNegativeZero(t *testing.T) {
	for in, want := range map[string]string{
		"select -(x::double) from t":          "select ((cast_to(x, 'REAL', 'duckdb', 1)) * -1) from t",
		"select [x::double, 1.5] from t":      "select json_array(double_as_json(cast_to(x, 'REAL', 'duckdb', 1)), 1.5) from t",
		"select {'a': x::double} from t":      "select json_object('a', double_as_json(cast_to(x, 'REAL', 'duckdb', 1))) from t",
		"select -x, [-1.5] from t":            "select -x, json_array(-1.5) from t",
		"select list_value(x::double) from t": "select json_array(double_as_json(cast_to(x, 'REAL', 'duckdb', 1))) from t",
	} {
		expectTranslated(t, duckdb, in, want)
	}
}

// map(keys, values)[k] is of the values' type: a DECIMAL's product keeps
// its scale (and has no negative zero).
func TestDuckDBMapValueType(t *testing.T) {
	expectTranslated(t, duckdb, "select map(['k'], [1.5])['k'] * 3 from t", "select round_scale(map_value_duck(map_of_lists(json_array('k'), json_array(1.5)), 'k') * 3, 1) from t")
}
