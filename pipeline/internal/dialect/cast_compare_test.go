package dialect

import "testing"

// A cast's type is followed by a comparison as often as by a container's
// <...> parameters: x::int < 0 keeps its "< 0".
func TestCastThenLessThan(t *testing.T) {
	for _, d := range []Dialect{SQLite, BigQuery, Snowflake, DuckDB} {
		got, err := TranslateWith("select * from t where a::int < 0 and b = 1", Options{Dialect: d})
		want := "select * from t where cast_to(a, 'INTEGER', '" + string(d) + "', 1) < 0 and b = 1"
		if d == SQLite {
			want = "select * from t where CAST(a AS INTEGER) < 0 and b = 1"
		}
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", d, got, err, want)
		}
	}
}

func TestBigQueryCastToString(t *testing.T) {
	expectTranslated(t, bigquery, "select cast(1.0 as string), safe_cast(x as string)", "select cast_to(1.0, 'TEXT', 'bigquery', 1), try_cast(x, 'TEXT', 'bigquery')")
	expectTranslated(t, duckdb, "select cast(1.0 as varchar)", "select decimal_text(1.0, 1)")
}

func TestNumericDefaultScale(t *testing.T) {
	expectTranslated(t, bigquery, "select cast(x as numeric)", "select decimal_fits(round_scale(cast_to(x, 'REAL', 'bigquery', 1), 9), 38, 9, 1)")
	expectTranslated(t, duckdb, "select x::decimal", "select decimal_fits(round_scale(cast_to(x, 'REAL', 'duckdb', 1), 3), 18, 3, 1)")
	expectTranslated(t, snowflake, "select x::numeric", "select cast_to(x, 'INTEGER', 'snowflake', 1)")
}

// UNNEST of a column without an alias: names no relation beside it has
// are its structs' fields, GA4's event_params idiom (unnest_fields.go).
func TestBigQueryUnnestWithoutAlias(t *testing.T) {
	expectTranslated(t, bigquery, "select (select value.string_value from unnest(event_params) where key = 'x') as v from events",
		"select (select json_extract(_nexus_unnest1.value, '$.value.string_value') AS string_value from json_each(event_params) AS _nexus_unnest1 where json_extract(_nexus_unnest1.value, '$.key') = 'x') as v from events")
	expectTranslated(t, bigquery, "select id, a, b, c\nfrom t, unnest(t.structs)", "select id, a, b, json_extract(_nexus_unnest1.value, '$.c') AS c\nfrom t, json_each(t.structs) AS _nexus_unnest1")
	expectRows(t, bigquery, "select id, (select domain from unnest(recipients) where email like 'c%') from messages", "1|z.com")
	// a name the structs lack is the enclosing relation's column
	expectRows(t, bigquery, "select (select count(*) from unnest(m.recipients) where id = 1 and domain != 'x') from messages m", "2")
	expectRows(t, bigquery, "select (select string_agg(email, ',' order by email desc) from unnest(recipients)) from messages", "c@z.com,b@y.com")
	expectRefused(t, bigquery, "select 1,\n  key from events, unnest(params)", "2:3: key beside UNNEST without an alias is not supported here: it may be a field of the array's structs or a column of a relation whose columns are not known (name the element: UNNEST(t.items) AS item, then select item.a, item.b (or item for an array of scalars))")
	// with an alias the element is a value table's row: its fields are names too
	expectRows(t, bigquery, "select array_to_string(array(select r.email from unnest(recipients) as r order by domain desc), ',') from messages", "c@z.com,b@y.com")
	expectTranslated(t, bigquery, "select a from events, unnest(events.params) as p", "select a from events, json_each(events.params) as p")
	expectRefused(t, bigquery, "select * from t, unnest(t.structs)", "1:8: SELECT * over UNNEST cannot be expanded: the fields of UNNEST without an alias are not known here (list the columns to keep)")
	expectRows(t, bigquery, "select x from unnest([1, 2]) as x", "1\n2")
	expectRows(t, bigquery, "select a, b from unnest([struct(1 as a, 'x' as b), struct(2, 'y')])", "1|x\n2|y")
	expectRows(t, bigquery, "select * from unnest([struct(1 as a, [3] as l)])", "1|[3]")
	expectTranslated(t, bigquery, "select [struct(1 as a), struct(2)]", "select json_array(json_object('a', 1), json_object('a', 2))")
}

func TestDuckDBSeriesInFrom(t *testing.T) {
	expectRows(t, duckdb, "select * from range(3)", "0\n1\n2")
	expectRows(t, duckdb, "select * from range(1, 7, 2)", "1\n3\n5")
	expectRows(t, duckdb, "select * from generate_series(1, 3)", "1\n2\n3")
	expectRows(t, duckdb, "select g.generate_series from generate_series(5, 1, -2) as g", "5\n3\n1")
	expectRows(t, duckdb, "select count(*) from range(3, 1)", "0")
	expectRows(t, duckdb, "select x from range(3) t(x)", "0\n1\n2")
	expectRows(t, duckdb, "select g.n * 2 from generate_series(1, 3) as g(n)", "2\n4\n6")
	expectTranslated(t, duckdb, "select * from range(0, 9, 0)", "select * from (WITH RECURSIVE _nexus_series(v) AS (SELECT (0) WHERE CASE WHEN series_step(0, 'range', 1) > 0 THEN (0) < (9) WHEN series_step(0, 'range', 1) < 0 THEN (0) > (9) END UNION ALL SELECT v + (0) FROM _nexus_series WHERE CASE WHEN (0) > 0 THEN v + (0) < (9) WHEN (0) < 0 THEN v + (0) > (9) END) SELECT v AS range FROM _nexus_series)")
	expectRefused(t, duckdb, "select *\nfrom range(3) as t(a, b)", "2:19: range(...) has one column: its alias list must name exactly one (write range(3) AS t(x))")
}

// range and generate_series of timestamps, and both as list values: a
// JSON array, which unnest() reads; a date spine is a common idiom.
func TestDuckDBSeriesLists(t *testing.T) {
	expectTranslated(t, duckdb, "select generate_series(date '2024-01-01', date '2024-01-03', interval 1 day), range(a, b, 2) from t", "select series_list(date('2024-01-01'), date('2024-01-03'), interval_of(1, 'day')), range_list(a, b, 2) from t")
	expectTranslated(t, duckdb, "select * from range(a, b, interval '1 hour') t(h)", "select * from (SELECT value AS h FROM json_each(range_list(a, b, series_step(interval_of('1 hour'), 'range', 1)))) t")
	expectTranslated(t, duckdb, "select unnest(generate_series(a, b, interval 1 day))::date as d from t", "select cast_to(_nexus_unnest1.value, 'DATE', 'duckdb', 1) as d from t, json_each(series_list(a, b, interval_of(1, 'day'))) AS _nexus_unnest1")
	expectRows(t, duckdb, "select generate_series(3), range(1, 7, 2), generate_series(5, 1, -2), range(1, 3, 0)", "[0,1,2,3]|[1,3,5]|[5,3,1]|[]")
	expectRows(t, duckdb, "select generate_series(date '2024-01-31', date '2024-04-30', interval 1 month)", `["2024-01-31T00:00:00Z","2024-02-29T00:00:00Z","2024-03-29T00:00:00Z","2024-04-29T00:00:00Z"]`)
	expectRows(t, duckdb, "with spine as (select unnest(generate_series(date '2024-01-01', date '2024-01-03', interval 1 day))::date as d) select d from spine order by d", "2024-01-01\n2024-01-02\n2024-01-03")
	expectFails(t, duckdb, "select *\nfrom range(date '2024-01-01', date '2024-01-03', interval 0 day)", "line 2: range(...) with a step of 0")
	expectRows(t, duckdb, "select h from range(timestamp '2024-01-01 00:00', timestamp '2024-01-01 01:00', interval 30 minute) t(h)", "2024-01-01T00:00:00Z\n2024-01-01T00:30:00Z")
}

// DuckDB casts a string literal compared with a known number to the
// number's type; SQLite would compare storage classes (1 = '1' false).
func TestDuckDBNumberAgainstString(t *testing.T) {
	expectTranslated(t, duckdb, "select 1 = '1', '2' < 10, 1.5 = '1.55', x = '1' from t", "select 1 = cast_to('1', 'INTEGER', 'duckdb', 1), cast_to('2', 'INTEGER', 'duckdb', 1) < 10, 1.5 = round_scale(cast_to('1.55', 'REAL', 'duckdb', 1), 1), x = '1' from t")
	expectTranslated(t, duckdb, "select a::double in ('1', b), count(*) between '0' and '2' from t", "select cast_to(a, 'REAL', 'duckdb', 1) in (cast_to('1', 'REAL', 'duckdb', 1), b), count(*) between cast_to('0', 'INTEGER', 'duckdb', 1) and cast_to('2', 'INTEGER', 'duckdb', 1) from t")
	// a column of a CTE or VALUES holding numbers is known; a source's is not
	expectRows(t, duckdb, "with v as (select * from (values (1, 'a'), (2, 'b')) t(x, y)) select y from v where x = '2'", "b")
	expectRows(t, duckdb, "select 1 = '1', 2 = '1.5', 1 = ' 1', 1.6 = '1.55', 1 + 1 = '2', '10' > '9'", "1|1|1|1|1|0")
	expectFails(t, duckdb, "select 1 = 'x'", `CAST of "x" to INTEGER failed`)
	// a boolean: the literal is cast to BOOLEAN
	expectTranslated(t, duckdb, "select flag = 'true', (a > 1) in ('t', 'f') from t", "select flag = 'true', (a > 1) in (cast_bool('t', 'duckdb'), cast_bool('f', 'duckdb')) from t")
	expectRows(t, duckdb, "with v as (select * from (values (1, true), (2, false)) t(id, flag)) select id from v where flag = 'yes'", "1")
	expectRows(t, duckdb, "select true = 't', false = 'false', true < 'true', false < 't'", "1|1|0|1")
	expectFails(t, duckdb, "select true = 'x'", `cannot cast "x" to BOOL`)
	// elsewhere SQLite's comparison stays
	expectTranslated(t, bigquery, "select 1 = '1'", "select 1 = '1'")
}
