package dialect

import (
	"reflect"
	"testing"
)

// A BigQuery select item without an alias keeps its implicit alias (a
// column's or a field's name) or is anonymous, named f0_, f1_, ... as
// BigQuery's results name them.
func TestBigQueryAnonymousColumns(t *testing.T) {
	o := testOptions(bigquery)
	o.ItemNames = true
	for _, c := range [][2]string{
		{"select count(*), max(a) as m, a + 1, t.b, true, 1 from t group by a, t.b",
			"select count(*) AS f0_, max(a) as m, a + 1 AS f1_, t.b, true AS f2_, 1 AS f3_ from t group by a, t.b"},
		// a CTE's columns are its own (a UNION's are its first input's)
		{"with c as (select 1) select a, 2 from t union all select 3, 4",
			"with c as (select 1 AS f0_) select a, 2 AS f0_ from t union all select 3 AS f0_, 4 AS f1_"},
		// AS STRUCT names the fields otherwise
		{"select as struct 1, 2", "select   json_object('_field_1', 1, '_field_2', 2) AS _nexus_value"},
	} {
		got, err := TranslateWith(c[0], o)
		if err != nil || got != c[1] {
			t.Errorf("%s\n got %s (%v)\nwant %s", c[0], got, err, c[1])
		}
	}
}

// UnnamedColumns lists the items a model's CREATE TABLE would refuse, with
// where they start.
func TestUnnamedColumns(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want []Unnamed
	}{
		{"select a, t.b, s.f.g, c as d, * from t", nil},
		{"select a,\n  count(*), true from t", []Unnamed{{Item: 2, Line: 2, Col: 3}, {Item: 3, Line: 2, Col: 13}}},
		{"with c as (select 1) select x from c union all select 2", nil},
		{"select 1 as x union all select 2", nil},
		{"select (select max(a) from t) from u", []Unnamed{{Item: 1, Line: 1, Col: 8}}},
		{"select as struct 1, 2", nil},
		{"select from where", nil},
		// * over an unaliased UNNEST of values: its column has no name
		{"select *\nfrom unnest([1, 2, 3])", []Unnamed{{Item: 1, Line: 1, Col: 8}}},
		{"select id, * from t, unnest([1, 2])", []Unnamed{{Item: 2, Line: 1, Col: 12}}},
		{"select * from unnest([1, 2]) as n", nil},
		{"select * from unnest([1, 2]) with offset", []Unnamed{{Item: 1, Line: 1, Col: 8}}},
		{"select * from unnest([struct(1 as a)])", nil},
	} {
		if got := UnnamedColumns(c.sql); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.sql, got, c.want)
		}
	}
}

// A Snowflake select item without an alias that is no column is named by
// its text in upper case, as Snowflake names it.
func TestSnowflakeItemNames(t *testing.T) {
	o := testOptions(Snowflake)
	o.ItemNames = true
	for _, c := range [][2]string{
		{"select count(*), concat(a, 'Ab'), t.b, \"Q\", a::int from t group by a, t.b", `select count(*) AS "COUNT(*)", concat_or_null(a, 'Ab') AS "CONCAT(A, 'AB')", t.b, "Q", cast_to(a, 'INTEGER', 'snowflake', 1) AS "A::INT" from t group by a, t.b`},
		// a semi-structured path too, with its relation's name
		{"select v:a.b, s.v:c from t s", `select json_extract(v, '$.a.b') AS "V:A.B", json_extract(s.v, '$.c') AS "S.V:C" from t s`},
		// a set operation's columns are its first input's; a CTE's its own
		{"with c as (select a + 1 from t) select true, seq4() from table(generator(rowcount => 1)) union all select 1, 2",
			`with c as (select a + 1 AS "A + 1" from t) select true AS "TRUE", _nexus_seq AS "SEQ4()" from (WITH RECURSIVE _nexus_gen(_nexus_seq) AS (SELECT 0 WHERE 0 < (1) UNION ALL SELECT _nexus_seq + 1 FROM _nexus_gen WHERE _nexus_seq + 1 < (1)) SELECT _nexus_seq FROM _nexus_gen) union all select 1, 2`},
	} {
		got, err := TranslateWith(c[0], o)
		if err != nil || got != c[1] {
			t.Errorf("%s\n got %s (%v)\nwant %s", c[0], got, err, c[1])
		}
	}
}
