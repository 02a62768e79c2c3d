package dialect

import (
	"cmp"
	"reflect"
	"strings"
	"testing"
)

// BigQuery's columns keep their full types, nested ones as BigQuery
// writes them (ARRAY<STRUCT<a INT64, b STRING>>), and fields, elements
// and UNNEST's rows of typed columns are typed from them.
func TestBigQueryFullTypes(t *testing.T) {
	o := testOptions(bigquery)
	o.Types = func(schema, table string) map[string]string {
		if schema == "main" && table == "ev" {
			return map[string]string{
				"event_params": TypeList, "<event_params": "ARRAY<STRUCT<key STRING, value STRUCT<string_value STRING, int_value INT64, double_value FLOAT64>>>",
				"items": TypeList, "<items": "ARRAY<STRUCT<item_id STRING, price FLOAT64, quantity INT64>>",
				"geo": TypeStruct, "<geo": "STRUCT<country STRING, d DATE>", "<a": "STRING", "b": typeNumber + "INTEGER"}
		}
		return nil
	}
	for _, c := range []struct {
		in   string
		want map[string]string // the full types of the columns named
	}{
		{`select [1, 2] as ri, [struct(1 as n, [struct("a" as s)] as r), struct(2 as n, [struct("a" as s)] as r)] as rs`,
			map[string]string{"ri": "ARRAY<INT64>", "rs": "ARRAY<STRUCT<n INT64, r ARRAY<STRUCT<s STRING>>>>"}},
		{`select struct(1 as x, 'a' as y) as s, struct(1, 'a') as t, struct<x int64, y string>(1, 'a') as u, array<string>['a'] as v, cast(null as array<int64>) as w, [1, 2.5] as z, [struct(1 as a), struct(2.5)] as q`,
			map[string]string{"s": "STRUCT<x INT64, y STRING>", "t": "STRUCT<_field_1 INT64, _field_2 STRING>", "u": "STRUCT<x INT64, y STRING>", "v": "ARRAY<STRING>", "w": "ARRAY<INT64>", "z": "ARRAY<FLOAT64>", "q": "ARRAY<STRUCT<a FLOAT64>>"}},
		{`select struct(a, b) as s, array_agg(struct(a, b)) as g, geo.country as c, geo.d as d, items[offset(0)] as it, items[safe_offset(1)].price as p, ev.geo as g2 from main.ev`,
			map[string]string{"s": "STRUCT<a STRING, b INT64>", "g": "ARRAY<STRUCT<a STRING, b INT64>>", "c": "STRING", "d": "DATE", "it": "STRUCT<item_id STRING, price FLOAT64, quantity INT64>", "p": "FLOAT64", "g2": "STRUCT<country STRING, d DATE>"}},
		{`select (select value.string_value from unnest(event_params) where key = 'x') as loc, (select value.int_value from unnest(event_params) where key = 'y') as n from main.ev`,
			map[string]string{"loc": "STRING", "n": "INT64"}},
		{`select p.key, p.value.int_value as v, i.price, off from main.ev, unnest(event_params) as p, unnest(items) as i with offset as off`,
			map[string]string{"key": "STRING", "v": "INT64", "price": "FLOAT64", "off": "INT64"}},
		{`select array(select as struct key, value.int_value from unnest(event_params)) as a, array(select p.key from unnest(event_params) p) as k, array_concat(split(a), ['x']) as l from main.ev`,
			map[string]string{"a": "ARRAY<STRUCT<key STRING, int_value INT64>>", "k": "ARRAY<STRING>", "l": "ARRAY<STRING>"}},
		{`with c as (select geo from main.ev union all select null) select geo.d as d, geo from c`,
			map[string]string{"d": "DATE", "geo": "STRUCT<country STRING, d DATE>"}},
		// an element of unknown type: the array's type is not known
		{`select [x] as l, struct(x as f) as s from t`, map[string]string{"l": "", "s": ""}},
	} {
		_, got, err := TranslateTyped(c.in, o)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		for col, want := range c.want {
			// a full type the flat type says is left out
			full := cmp.Or(got[FullTypePrefix+col], BigQueryColumnType(got[col], ""))
			if full != want {
				t.Errorf("%q: column %s is %q, want %q", c.in, col, full, want)
			}
		}
	}
	// the flat types follow: a DATE field is a DATE, an INT64 element a number
	_, got, _ := TranslateTyped("select geo.d as d, items[offset(0)].quantity as q, geo as g from main.ev", o)
	if want := map[string]string{"d": TypeDate, "q": typeNumber + "INTEGER", "g": TypeStruct}; got["d"] != want["d"] || got["q"] != want["q"] || got["g"] != want["g"] {
		t.Errorf("flat types %v, want %v", got, want)
	}
	expectTranslated(t, bigquery, "with c as (select struct(date '2024-01-05' as d) as s) select s.d + 1 from c",
		"with c as (select json_object('d', date('2024-01-05')) as s) select date(json_extract(s, '$.d'), ((1)) || ' days') from c")
	expectRows(t, bigquery, "with c as (select struct(date '2024-01-05' as d) as s, [date '2024-02-29'] as l) select s.d + 1, l[offset(0)] + 1 from c", "2024-01-06|2024-03-01")
}

// A type as written reads as BigQuery reports it.
func TestBigQueryTypeNames(t *testing.T) {
	for in, want := range map[string]string{
		"int64": "INT64", "Integer": "INT64", "string(10)": "STRING(10)", "numeric(10,2)": "NUMERIC(10, 2)",
		"array<struct<a int64, `b` string>>": "ARRAY<STRUCT<a INT64, b STRING>>", "struct<int64, x array<date>>": "STRUCT<INT64, x ARRAY<DATE>>",
		"array<array<int64>>": "ARRAY<ARRAY<INT64>>", "struct<a struct<b bool>>": "STRUCT<a STRUCT<b BOOL>>",
		"varchar": "", "array<int64": "", "struct<a>": "",
	} {
		if got := BigQueryType(in); got != want {
			t.Errorf("BigQueryType(%q) = %q, want %q", in, got, want)
		}
	}
	fields, _ := typeFields("STRUCT<a INT64, b ARRAY<STRUCT<c STRING, d INT64>>, STRING>")
	if want := []bqTypeField{{"a", "INT64"}, {"b", "ARRAY<STRUCT<c STRING, d INT64>>"}, {"", "STRING"}}; !reflect.DeepEqual(fields, want) {
		t.Errorf("fields %v, want %v", fields, want)
	}
	if !strings.HasPrefix(FullTypePrefix+"x", FullTypePrefix) || !IsFullTypeKey("<x") || IsFullTypeKey("x") {
		t.Errorf("full type keys")
	}
}

// A STRUCT(...) given to a declared ARRAY<STRUCT<...>> or STRUCT<...>
// takes the declared field names, as BigQuery coerces it to that type.
func TestBigQueryStructsTakeDeclaredNames(t *testing.T) {
	expectTranslated(t, bigquery, "select array<struct<key string, value struct<n int64, s string>>>[struct('a', struct(1, 'x')), ('b', (2, 'y'))] as p",
		"select json_array(json_object('key', 'a', 'value', json_object('n', 1, 's', 'x')), json_object('key', 'b', 'value', json_object('n', 2, 's', 'y'))) as p")
	expectRows(t, bigquery, "select to_json_string(array<struct<key string, value struct<n int64, s string>>>[('b', (2, 'y'))])", `[{"key":"b","value":{"n":2,"s":"y"}}]`)
	expectTranslated(t, bigquery, "select struct<a struct<b int64>, l array<struct<c string>>>(struct(1), [struct('x')]) as s",
		"select json_object('a', json_object('b', 1), 'l', json_array(json_object('c', 'x'))) as s")
	expectRows(t, bigquery, "select (select value.n from unnest(array<struct<key string, value struct<n int64>>>[struct('a', struct(1)), struct('b', struct(2))]) where key = 'b')", "2")
	expectRows(t, bigquery, "select struct<a struct<b int64>>(struct(5)).a.b", "5")
}

// BigQuery's PARSE_DATE, DATE, DATE_ADD, DATE_SUB and DATE_FROM_UNIX_DATE
// give a DATE, and DATE_TRUNC the type of what it truncates: a model's
// column of them is a DATE.
func TestBigQueryDateFunctionsAreDates(t *testing.T) {
	_, got, err := TranslateTyped("select parse_date('%Y%m%d', e) as a, date(ts) as b, date_add(current_date(), interval 1 day) as c, date_sub(current_date, interval 1 day) as d, "+
		"date_from_unix_date(1) as u, date_trunc(parse_date('%Y%m%d', s), month) as f, date_trunc(current_datetime(), month) as g from t", testOptions(bigquery))
	want := map[string]string{"a": TypeDate, "b": TypeDate, "c": TypeDate, "d": TypeDate, "u": TypeDate, "f": TypeDate, "g": "DATETIME"}
	for col, typ := range want {
		if got[col] != typ {
			t.Errorf("column %s is %q, want %q (%v, %v)", col, got[col], typ, got, err)
		}
	}
	expectRows(t, bigquery, "with c as (select parse_date('%Y%m%d', '20240228') as d) select d + 1, date_diff(d + 2, d, day) from c", "2024-02-29|2")
}

// A CAST to a STRUCT type casts the fields by their order to the declared
// types, which name them; one to an ARRAY type casts the elements.
func TestNestedCasts(t *testing.T) {
	expectTranslated(t, bigquery, "select cast(s as struct<a int64, b string>), safe_cast(l as array<int64>) from x",
		"select cast_nested_bigquery(s, 'STRUCT<a INT64, b STRING>', 0, 1), cast_nested_bigquery(l, 'ARRAY<INT64>', 1, 1) from x")
	expectRows(t, bigquery, "select to_json_string(cast(struct(1 as a, 'x' as b) as struct<a int64, b string>))", `{"a":1,"b":"x"}`)
	expectRows(t, bigquery, "select s.p, s.q from (select cast(struct(1, 'x') as struct<p float64, q string>) as s)", "1.0|x")
	expectRows(t, bigquery, "select cast(struct('2' as a, '2024-01-30' as d) as struct<n int64, d date>).n + 1, date_add(cast(struct('2' as a, '2024-01-30' as d) as struct<n int64, d date>).d, interval 2 day)", "3|2024-02-01")
	expectRows(t, bigquery, "select e.k, e.v from unnest(cast([struct('a', 1), struct('b', 2)] as array<struct<k string, v int64>>)) as e", "a|1\nb|2")
	expectRows(t, bigquery, "select to_json_string(cast(struct(1 as a, 0 as b, true as c, 2.5 as d) as struct<a bool, b bool, c string, d string>))", `{"a":true,"b":false,"c":"true","d":"2.5"}`)
	expectRows(t, bigquery, "select to_json_string(cast(struct(cast(null as string) as a, 1 as b) as struct<x string, y string>))", `{"x":null,"y":"1"}`)
	expectRows(t, bigquery, "select cast(struct(struct(1 as i) as s) as struct<t struct<j float64>>).t.j", "1.0")
	expectRows(t, bigquery, "select cast([1, 2] as array<float64>)[offset(1)], array_length(cast([struct(1 as a)] as array<struct<b int64>>))", "2.0|1")
	expectRows(t, bigquery, "select safe_cast(struct('x' as a) as struct<a int64>), safe_cast(struct('7' as a) as struct<a int64>).a", "NULL|7")
	expectFails(t, bigquery, "select 1,\n cast(struct('x' as a) as struct<a int64>)", `line 2: CAST of "x" to INT64 failed, as it fails on BigQuery; use SAFE_CAST to get NULL instead`)
	expectRefused(t, bigquery, "select cast(struct(1 as a, 2 as b) as struct<a int64>)", "1:39: invalid cast from STRUCT<a INT64, b INT64> to STRUCT<a INT64>, as BigQuery refuses it (BigQuery casts an ARRAY to the same ARRAY type only, and a STRUCT to a STRUCT of as many fields, each castable; cast the elements with ARRAY(SELECT CAST(e AS T) FROM UNNEST(a) AS e))")
}
