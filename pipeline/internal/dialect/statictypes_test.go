package dialect

import (
	"reflect"
	"testing"
)

// Types follow CTE and subquery columns and the conditionals: a column
// holding a DATE adds days, a column holding a timestamp is written as the
// warehouse writes it.
func TestStaticTypesInStatement(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{duckdb, "with c as (select date '2024-01-05' as d) select d + 7 from c",
			"with c as (select date('2024-01-05') as d) select date(d, ((7)) || ' days') from c"},
		{duckdb, "with c as (select a::date as d from t) select x.d - 1 from c as x",
			"with c as (select cast_to(a, 'DATE', 'duckdb', 1) as d from t) select date(x.d, (-(1)) || ' days') from c as x"},
		{snowflake, "select d - e from (select current_date as d, to_date(a) as e from t)",
			"select CAST(julianday(d) - julianday(e) AS INTEGER) from (select date('now') as d, to_date_snowflake(a) as e from t)"},
		{duckdb, "with c as (select * from (select a::date as d, b from t)) select d + 1, b + 1 from c",
			"with c as (select * from (select cast_to(a, 'DATE', 'duckdb', 1) as d, b from t)) select date(d, ((1)) || ' days'), date_arith(b, 1, '+', 1) from c"},
		{duckdb, "with c as (select case when a > 0 then a::date else null end as d from t) select d + 1 from c",
			"with c as (select case when a > 0 then cast_to(a, 'DATE', 'duckdb', 1) else null end as d from t) select date(d, ((1)) || ' days') from c"},
		{duckdb, "select coalesce(a::date, current_date) + 1 from t",
			"select date(coalesce(cast_to(a, 'DATE', 'duckdb', 1), date('now')), ((1)) || ' days') from t"},
		{duckdb, "select coalesce(a::date, b) + 1 from t", "select date_arith(coalesce(cast_to(a, 'DATE', 'duckdb', 1), b), 1, '+', 1) from t"},
		{snowflake, "with c as (select a::timestamp as ts from t) select ts::varchar, ts || 'x' from c",
			"with c as (select cast_to(a, 'DATETIME', 'snowflake', 1) as ts from t) select timestamp_string(ts, 'DATETIME', 'snowflake'), timestamp_string(ts, 'DATETIME', 'snowflake') || 'x' from c"},
		{bigquery, "with c as (select timestamp(a) as ts from t union all select null) select cast(ts as string) from c",
			"with c as (select timestamp_text(a) as ts from t union all select null) select timestamp_string(ts, 'TIMESTAMP', 'bigquery') from c"},
		{bigquery, "with c as (select if(a > 0, current_timestamp(), null) as ts from t) select ts from c where ts > '2024-01-01'",
			"with c as (select iif(a > 0, clock_micros(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), null) as ts from t) select ts from c where instant_key(ts) > instant_key('2024-01-01T00:00:00Z')"},
		// VALUES and t(a, b) renaming a subquery's columns by position
		{duckdb, "select d + 1 from (values (date '2024-01-05', 1), (null, 2)) t(d, n)",
			"select date(d, ((1)) || ' days') from (WITH _nexus_cols1(d, n) AS (values (date('2024-01-05'), 1), (null, 2)) SELECT * FROM _nexus_cols1) AS t"},
		{duckdb, "select e + 1, f + 1 from (select current_date as d, 1 as n) as t(e, f)",
			"select date(e, ((1)) || ' days'), integer_overflow(f + 1, 32, 'addition', 1) from (WITH _nexus_cols1(e, f) AS (select date('now') as d, 1 as n) SELECT * FROM _nexus_cols1) AS t"},
		// a CTE with a column list: its names, the types by position
		{duckdb, "with c(d) as (select date '2024-01-05') select d + 1 from c", "with c(d) as (select date('2024-01-05')) select date(d, ((1)) || ' days') from c"},
		{duckdb, "with c(d, x) as (select 1 as x, current_date as d) select x + 1 from c", "with c(d, x) as (select 1 as x, date('now') as d) select date(x, ((1)) || ' days') from c"},
		{duckdb, "with c(d) as (select date '2024-01-05', 1) select d + 1 from c", "with c(d) as (select date('2024-01-05'), 1) select date_arith(d, 1, '+', 1) from c"},
		// UNION BY NAME: a column's type is that of the inputs' columns of
		// its name (of its place after a plain UNION)
		{duckdb, "with c as (select date '2024-01-05' as d) select d + 7 from (select d from c union all by name select 1 as n)",
			"with c as (select date('2024-01-05') as d) select date(d, ((7)) || ' days') from (SELECT *, NULL AS n FROM (select d from c) union all SELECT NULL AS d, n FROM (select 1 as n))"},
		{duckdb, "with c as (select date '2024-01-05' as D) select d + 7 from (select 1 as n union all by name select D from c union all select 2, current_date)",
			"with c as (select date('2024-01-05') as D) select date(d, ((7)) || ' days') from (SELECT *, NULL AS D FROM (select 1 as n) union all SELECT NULL AS n, D FROM (select D from c) union all select 2, date('now'))"},
		{duckdb, "with c as (select date '2024-01-05' as d) select d + 7 from (select d from c union all by name select 5 as d)",
			"with c as (select date('2024-01-05') as d) select date_arith(d, 7, '+', 1) from (select d from c union all SELECT d FROM (select 5 as d))"},
		// DISTINCT ON keeps the types of its select list
		{duckdb, "with c as (select date '2024-01-05' as d) select d + 7 from (select distinct on (d) d from c)",
			"with c as (select date('2024-01-05') as d) select date(d, ((7)) || ' days') from (SELECT d FROM (SELECT *, row_number() OVER (PARTITION BY d) AS _nexus_rn FROM (select d from c)) WHERE _nexus_rn = 1)"},
		// a union of differing types: unknown, as written
		{duckdb, "with c as (select date '2024-01-05' as d union all select a from t) select d + 1 from c",
			"with c as (select date('2024-01-05') as d union all select a from t) select date_arith(d, 1, '+', 1) from c"},
		// a name is a column of one relation of the FROM (or SQL fails on
		// it), so one of known type decides; a name the known ones lack
		// may be a column of t: unknown
		{duckdb, "with c as (select current_date as d) select d + 1 from t, c", "with c as (select date('now') as d) select date(d, ((1)) || ' days') from t, c"},
		{duckdb, "with c as (select current_date as d) select (select d + 1 from t) from c", "with c as (select date('now') as d) select (WITH __m1 AS MATERIALIZED (SELECT * FROM t) select date_arith(d, 1, '+', 1) from __m1 AS t) from c"},
		{duckdb, "with c as (select current_date as d) select c.d + 1 from c, t", "with c as (select date('now') as d) select date(c.d, ((1)) || ' days') from c, t"},
		// an outer column in a correlated subquery
		{duckdb, "select (select max(d) from (select current_date as d) x) + 1 from t", "select date((WITH __m1 AS MATERIALIZED (select date('now') as d) select max(d) from __m1 x), ((1)) || ' days') from t"},
		{duckdb, "with c as (select max(current_date) as d) select d + 1 from c", "with c as (select max(date('now')) as d) select date(d, ((1)) || ' days') from c"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	expectRows(t, duckdb, "with c as (select date '2024-01-30' as d) select d + 7, d - date '2024-01-01' from c", "2024-02-06|29")
	expectRows(t, duckdb, "with c as (select date '2024-01-30' as d) select d + 7, d - date '2024-01-01' from (select 1 as n union all by name select d from c) where n is null", "2024-02-06|29")
}

// The columns of a table read take the types Options.Types gives them, and
// a query's output columns carry theirs to the next model.
func TestStaticTypesOfTables(t *testing.T) {
	o := testOptions(duckdb)
	o.Types = func(schema, table string) map[string]string {
		if schema == "main" && table == "s" {
			return map[string]string{"d": TypeDate, "ts": "DATETIME"}
		}
		return nil
	}
	for _, c := range []struct{ in, out string }{
		{"select d + 7 as next_week, ts::varchar, n + 1 from main.s", "select date(d, ((7)) || ' days') as next_week, timestamp_string(ts, 'DATETIME', 'duckdb'), date_arith(n, 1, '+', 1) from main.s"},
		{"select x.d - 1 from main.s as x join t on t.id = x.n", "select date(x.d, (-(1)) || ' days') from main.s as x join t on t.id = x.n"},
		{"select main.s.d - 1 from main.s", "select date(main.s.d, (-(1)) || ' days') from main.s"},
		{"select d + 7 from s", "select date_arith(d, 7, '+', 1) from s"},
		// a string literal beside a timestamp is one (literal_types.go)
		{"select coalesce(ts, '1900-01-01')::varchar, case when n then ts else '2000-01-01 10:00' end::varchar from main.s",
			"select timestamp_string(coalesce(ts, '1900-01-01T00:00:00Z'), 'DATETIME', 'duckdb'), timestamp_string(case when n then ts else '2000-01-01T10:00:00Z' end, 'DATETIME', 'duckdb') from main.s"},
		{"select coalesce(ts, 'x')::varchar from main.s", "select cast_to(coalesce(ts, 'x'), 'TEXT', 'duckdb', 1) from main.s"},
	} {
		got, _, err := TranslateTyped(c.in, o)
		if err != nil || got != c.out {
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.out)
		}
	}
	// a union of SELECT * keeps the types its inputs share, in the
	// table's column order: a JSON column stays JSON downstream
	bq := testOptions(bigquery)
	bq.Columns = func(schema, table string) ([]string, error) { return []string{"id", "j", "d"}, nil }
	bq.Types = func(schema, table string) map[string]string {
		return map[string]string{"j": TypeJSON, "d": TypeDate}
	}
	if _, got, err := TranslateTyped("select * from a union all select * from b", bq); err != nil || !reflect.DeepEqual(got, map[string]string{"j": TypeJSON, "d": TypeDate}) {
		t.Errorf("union of stars: output types %v, %v", got, err)
	}
	bq.Types = func(schema, table string) map[string]string {
		if table == "a" {
			return map[string]string{"j": TypeJSON, "d": TypeDate}
		}
		return map[string]string{"j": TypeJSON}
	}
	if _, got, err := TranslateTyped("select * from a union all select * from b", bq); err != nil || !reflect.DeepEqual(got, map[string]string{"j": TypeJSON}) {
		t.Errorf("union of stars, d typed in one: output types %v, %v", got, err)
	}
	o.Dialect = Snowflake
	for _, c := range []struct {
		in   string
		want map[string]string
	}{
		// n and z are there, created unquoted, their types not known
		{"select d + 7 as next_week, ts, d as day, n, null as z from main.s", map[string]string{"next_week": TypeDate, "ts": "DATETIME", "day": TypeDate, unquotedPrefix + "n": "1", unquotedPrefix + "z": "1"}},
		{"with c as (select * exclude (d) from main.s) select * from c", map[string]string{"ts": "DATETIME"}},
		{"select current_timestamp as now_ts, to_date(a) as dt from t", map[string]string{"now_ts": "TIMESTAMP", "dt": TypeDate}},
		{"create table x as select current_date as d", nil},
		{"select current_date as d union all by name select current_timestamp as ts, null as d", map[string]string{"d": TypeDate, "ts": "TIMESTAMP"}},
		// DATEADD is of its argument's type; a DATE moved by hours or
		// less is a TIMESTAMP_NTZ
		{"select dateadd(day, 2, ts) as a, dateadd('day', 1, d) as b, dateadd(hour, 1, d) as c, timeadd(minute, 1, to_time('10:00')) as e, timestampadd(day, 1, current_timestamp) as f from main.s",
			map[string]string{"a": "DATETIME", "b": TypeDate, "c": "DATETIME", "e": TypeTime, "f": "TIMESTAMP"}},
		// an unnamed column's type is known by its place
		{"select max(ts), d from main.s group by d", map[string]string{UnnamedTypePrefix + "0": "DATETIME", "d": TypeDate}},
	} {
		_, got, err := TranslateTyped(c.in, o)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: output types %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}

// A scalar subquery has the type of the one column it selects, in every
// warehouse: known where the expression around it is rewritten, before the
// subquery itself is walked.
func TestStaticTypesOfScalarSubqueries(t *testing.T) {
	for _, d := range []Dialect{duckdb, bigquery, snowflake} {
		o := testOptions(d)
		o.Types = func(schema, table string) map[string]string {
			if schema == "main" && table == "s" {
				return map[string]string{"ts": "DATETIME"}
			}
			return nil
		}
		maxBy := "value_at_max"
		if d == DuckDB {
			maxBy = "value_at_max_of_values" // rows with a NULL value left out
		}
		for _, c := range []struct{ in, out string }{
			{"select cast((select max(ts) from main.s) as string)", "select timestamp_string((select instant_max(ts) from main.s), 'DATETIME', '" + string(d) + "')"},
			{"select cast(coalesce((select max(ts) from main.s), ts) as string) from main.s", "select timestamp_string(coalesce((select instant_max(ts) from main.s), ts), 'DATETIME', '" + string(d) + "') from main.s"},
			{"select cast(w as string) from (select (select max(ts) from main.s) as w)", "select timestamp_string(w, 'DATETIME', '" + string(d) + "') from (select (select instant_max(ts) from main.s) as w)"},
			{"select 1 from main.s where (select max(ts) from main.s) = '2024-01-02 03:04:05'", "select 1 from main.s where (select instant_max(ts) from main.s) = '2024-01-02T03:04:05Z'"},
			{"select '2024-01-02 03:04:05' in (select ts from main.s)", "select '2024-01-02T03:04:05Z' in (select ts from main.s)"},
			{"select cast(max_by(ts, n) as string) from main.s", "select timestamp_string(" + maxBy + "(ts, n), 'DATETIME', '" + string(d) + "') from main.s"},
			{"select cast(exists(select 1) as string)", "select CASE WHEN exists(select 1) THEN 'true' WHEN NOT exists(select 1) THEN 'false' END"},
		} {
			got, _, err := TranslateTyped(c.in, o)
			if err != nil || got != c.out {
				t.Errorf("%s: %q = %q, %v; want %q", d, c.in, got, err, c.out)
			}
		}
		for _, c := range []struct {
			in   string
			want map[string]string
		}{
			{"select (select max(ts) from main.s) as w, exists(select 1) as e", map[string]string{"w": "DATETIME", "e": TypeBool}},
			{"with c as (select (select max(ts) from main.s) as w union all select (select min(ts) from main.s)) select w from c", map[string]string{"w": "DATETIME"}},
		} {
			_, got, err := TranslateTyped(c.in, o)
			want := c.want
			if d == Snowflake && want == nil {
				want = map[string]string{unquotedPrefix + "w": "1"} // there, its type not known
			}
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %q: output types %v, %v; want %v", d, c.in, got, err, want)
			}
		}
	}
}

// An array or struct read from a column is JSON text without the mark
// SQLite's JSON functions give what they build: going into an array, a
// struct or ARRAY_AGG it is read as JSON, so that it nests.
func TestNestedColumnsGoIntoJSON(t *testing.T) {
	o := testOptions(bigquery)
	o.Types = func(schema, table string) map[string]string {
		if schema == "main" && table == "s" {
			return map[string]string{"d": TypeStruct, "ts": TypeList}
		}
		return nil
	}
	for _, c := range []struct{ in, out string }{
		{"select array_agg(d), [ts], struct(d, n) from main.s group by ts, d, n", "select array_without_nulls(json_group_array(json(d)), ''), json_array(json(ts)), json_object('d', json(d), 'n', n) from main.s group by ts, d, n"},
		{"select array_agg(struct(1 as a)), struct([1] as l) from main.s", "select array_without_nulls(json_group_array(json_object('a', 1)), ''), json_object('l', json_array(1)) from main.s"},
		{"select to_json_string(d) from main.s", "select to_json_string_bigquery(json(d)) from main.s"},
	} {
		got, _, err := TranslateTyped(c.in, o)
		if err != nil || got != c.out {
			t.Errorf("%q = %q, %v; want %q", c.in, got, err, c.out)
		}
	}
	for _, c := range []struct {
		in   string
		want map[string]string
	}{
		{"select struct(1 as a) as s, [1] as l, array_agg(n) as g, split(a) as p, array(select 1) as q from t", map[string]string{"s": TypeStruct, "l": TypeList, "g": TypeList, "p": TypeList, "q": TypeList,
			"<s": "STRUCT<a INT64>", "<l": "ARRAY<INT64>", "<p": "ARRAY<STRING>", "<q": "ARRAY<INT64>"}},
		{"select d, (select as struct 1 as a) as x from main.s", map[string]string{"d": TypeStruct, "x": TypeStruct, "<x": "STRUCT<a INT64>"}},
	} {
		_, got, err := TranslateTyped(c.in, o)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: output types %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	expectRows(t, bigquery, "with c as (select struct(1 as x) as a, [1, 2] as b) select array_agg(a), array_agg(struct(a, b)), struct((select array_agg(y) from unnest(b) as y) as ys) from c", `[{"x":1}]|[{"a":{"x":1},"b":[1,2]}]|{"ys":[1,2]}`)
	expectRows(t, bigquery, "with c as (select struct(1 as x) as s) select array(select as struct s, 1 > 0 as ok from c), array(select s from c)", `[{"s":{"x":1},"ok":true}]|[{"x":1}]`)
}
