package dialect

import "testing"

// A BigQuery set operation types its columns by its first input, so an
// anonymous STRUCT field in a later input takes the first input's name.
func TestSetStructNames(t *testing.T) {
	for _, op := range []string{"union all", "union distinct", "intersect distinct", "except distinct"} {
		expectTranslated(t, bigquery, "select struct(1 as x) as s "+op+" select struct(3)",
			"select json_object('x', 1) as s "+translatedSetOp(op)+" select json_object('x', 3)")
	}
	expectTranslated(t, bigquery, "select 1 as n, struct(1 as x, 'a' as y) as s union all select 2, struct(3, 'b') union all select 3, struct(4, 'c')",
		"select 1 as n, json_object('x', 1, 'y', 'a') as s union all select 2, json_object('x', 3, 'y', 'b') union all select 3, json_object('x', 4, 'y', 'c')")
	// a field written with a name, or taken from a column, keeps it
	expectTranslated(t, bigquery, "select struct(1 as x, 2 as y) union all select struct(3 as z, 4) from t",
		"select json_object('x', 1, 'y', 2) union all select json_object('z', 3, 'y', 4) from t")
	// parenthesised inputs, on either side
	expectTranslated(t, bigquery, "(select struct(1 as x)) union all (select struct(2) union all select struct(3))",
		"SELECT * FROM (select json_object('x', 1)) union all SELECT * FROM (select json_object('x', 2) union all select json_object('x', 3))")
	// arrays of structs
	expectTranslated(t, bigquery, "select [struct(1 as x)] union all select [struct(2), struct(3)]",
		"select json_array(json_object('x', 1)) union all select json_array(json_object('x', 2), json_object('x', 3))")
	// another number of fields is not the same type: left as written
	expectTranslated(t, bigquery, "select struct(1 as x) union all select struct(2, 3)",
		"select json_object('x', 1) union all select json_object('_field_1', 2, '_field_2', 3)")
	expectRows(t, bigquery, "select to_json_string(s), s.x from (select struct(1 as x) as s union all select struct(3)) order by s.x",
		`{"x":1}|1`+"\n"+`{"x":3}|3`)
}

func translatedSetOp(op string) string {
	switch op {
	case "union distinct":
		return "union"
	case "intersect distinct":
		return "intersect"
	case "except distinct":
		return "except"
	}
	return op
}

// SELECT AS STRUCT * is refused in words that fit wherever it stands.
func TestStructStarRefused(t *testing.T) {
	const msg = " SELECT AS STRUCT * is not supported (list the columns: SELECT AS STRUCT a, b FROM t)"
	expectRefused(t, bigquery, "select (select as struct * from t limit 1) as s", "1:26:"+msg)
	expectRefused(t, bigquery, "select array(select as struct * from t) as a", "1:31:"+msg)
	expectRefused(t, bigquery, "select as struct t.* from t", "1:18:"+msg)
}
