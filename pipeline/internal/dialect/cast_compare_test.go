package dialect

import (
	"fmt"
	"testing"
)

// A cast's type is followed by a comparison as often as by a container's
// <...> parameters: x::int < 0 keeps its "< 0".
func TestCastThenLessThan(t *testing.T) {
	for _, d := range []Dialect{SQLite, Snowflake, DuckDB} {
		got, err := TranslateWith("select * from t where a::int < 0 and b = 1", Options{Dialect: d})
		want := "select * from t where cast_to(a, 'INTEGER', '" + string(d) + "', 1) < 0 and b = 1"
		if d == SQLite {
			want = "select * from t where CAST(a AS INTEGER) < 0 and b = 1"
		}
		if d == DuckDB {
			want = "select * from t where integer_in_range(cast_to(a, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1) < 0 and b = 1"
		}
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", d, got, err, want)
		}
	}
}

// BigQuery has no :: operator: a query using it fails to parse there, so it
// is refused where it stands, naming CAST; CAST itself translates.
func TestBigQueryColonCast(t *testing.T) {
	for _, q := range []struct{ sql, at string }{
		{"select a::int64 from t", "1:9"},
		{"select * from t\nwhere d::date < current_date", "2:8"},
		{"select cast(a as int64)::string from t", "1:24"},
	} {
		expectRefused(t, bigquery, q.sql, q.at+": "+refColonCastBigQuery.message+" ("+refColonCastBigQuery.hint+")")
	}
	expectTranslated(t, bigquery, "select * from t where cast(a as int64) < 0", "select * from t where cast_to(a, 'INTEGER', 'bigquery', 1) < 0")
	expectRows(t, bigquery, "select cast('2024-01-02' as date) < date '2024-02-01'", "1")
}

// A cast names a BigQuery type, or one of its aliases (INTEGER, BOOLEAN,
// DECIMAL); another type name fails there (Type not found) and is refused.
func TestBigQueryCastTypeNames(t *testing.T) {
	for _, q := range []struct{ sql, at, typ string }{
		{"select cast(a as varchar) from t", "1:18", "VARCHAR"},
		{"select safe_cast(a as double) from t", "1:23", "DOUBLE"},
		{"select cast(a as Text) from t", "1:18", "TEXT"},
		{"select cast(a as number(10, 2)) from t", "1:18", "NUMBER"},
	} {
		expectRefused(t, bigquery, q.sql, q.at+": "+fmt.Sprintf(refTypeNotBigQuery.message, q.typ)+" ("+refTypeNotBigQuery.hint+")")
	}
	expectRows(t, bigquery, "select cast('7' as integer), cast('true' as boolean), cast('1.5' as decimal), safe_cast('x' as int64), cast(1 as string)", "7|1|1.5|NULL|1")
	expectRows(t, snowflake, "select cast('a' as varchar), cast('2' as number)", "a|2")
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
	expectTranslated(t, bigquery, "select id, a, b, c\nfrom t, unnest(t.structs)", "select t.id AS id, a, b, json_extract(_nexus_unnest1.value, '$.c') AS c\nfrom t, json_each(t.structs) AS _nexus_unnest1")
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
	// an unaliased literal reading a column beside it: its fields are names, * gives them
	expectRows(t, bigquery, "with c as (select 'x' as id, 'v' as t) select id, k, v from c, unnest([struct('a' as k, t as v), ('b', id)]) where v is not null order by k", "x|a|v\nx|b|x")
	expectRows(t, bigquery, "with c as (select 'x' as id, 'v' as t) select * from c, unnest([struct('a' as k, t as v)])", "x|v|a|v")
	// an aliased UNNEST of a column whose type is an array of structs is a
	// value table too: * lists the struct's fields, and a query over it reads them
	expectRows(t, bigquery, "with c as (select 'o1' as id, [struct('p1' as pid, 2 as n), struct('p2', 3)] as items) select * from c, unnest(items) as it", `o1|[{"pid":"p1","n":2},{"pid":"p2","n":3}]|p1|2`+"\n"+`o1|[{"pid":"p1","n":2},{"pid":"p2","n":3}]|p2|3`)
	expectRows(t, bigquery, "with c as (select 'o1' as id, [struct('p1' as pid, 2 as n), struct('p2', 3)] as items), u as (select *, it from c, unnest(items) as it) select id, pid, n * 10, it.pid from u order by pid desc", "o1|p2|30|p2\no1|p1|20|p1")
	// and without an alias, the fields its type names are the columns * lists
	expectRows(t, bigquery, "with c as (select 'o1' as id, [struct('p1' as pid, 2 as n)] as items) select * except (items) from c, unnest(items)", "o1|p1|2")
	// || of arrays is array concatenation, of strings still ||
	expectTranslated(t, bigquery, "select [1] || [2], split(s) || ['x'], s || 'x' from t", "select array_concat(json_array(1), json_array(2)), array_concat(split_to_json(s), json_array('x')), s || 'x' from t")
	// IGNORE NULLS after a call's argument is the outer call's
	expectRows(t, bigquery, "select array_agg(lower(x) ignore nulls) from unnest(['B', null, 'a']) as x", `["b","a"]`)
	// and so do the fields of the structs a later struct holds
	expectTranslated(t, bigquery, "select [struct('a' as k, struct(1 as i) as v), struct('b', struct(2))]", "select json_array(json_object('k', 'a', 'v', json_object('i', 1)), json_object('k', 'b', 'v', json_object('i', 2)))")
	// and the structs of an array a later struct holds
	expectRows(t, bigquery, "select a, l[offset(0)].x, l[safe_offset(1)].x from unnest([struct(1 as a, [struct(10 as x)] as l), struct(2, [struct(20), struct(21)])]) order by a", "1|10|NULL\n2|20|21")
	// a field named only by its column takes the first struct's name too
	expectRows(t, bigquery, "select p.v from (select 'x' as email, 'c1' as cid) as c cross join unnest([struct('email' as k, c.email as v), struct('cid', c.cid)]) as p order by p.k", "c1\nx")
}

// A column named like one of json_each's (key, value, type, id, path...)
// is the relation's, not the json_each's an UNNEST reads: it is qualified
// where it stands inside or beside one.
func TestColumnsNamedLikeJSONEach(t *testing.T) {
	expectRows(t, bigquery, "select (select count(*) from unnest([1, 2]) x where x = id) from t", "1\n1\n0")
	expectRows(t, bigquery, "select (select count(*) from unnest([1, 2]) where id = t.id) from t", "2\n2\n2")
	expectRows(t, bigquery, "with s as (select 'k' as key, 7 as value, 'zz' as path) select (select value from unnest(['q']) where key = 'k'), (select path from unnest([1])) from s", "7|zz")
	expectRows(t, bigquery, "select key from (select 'k' as key) k, unnest([1, 2]) as x", "k\nk")
	expectRows(t, bigquery, "with s as (select struct('k' as a) as key, ['a', 'b'] as arr) select key.a, x from s, unnest(arr) x", "k|a\nk|b")
	// an alias of the select list in ORDER BY; a field of the structs unnested
	expectRows(t, bigquery, "with s as (select 'k' as key, ['b', 'a'] as arr) select s.key as value, x from s, unnest(arr) x order by value, x", "k|a\nk|b")
	expectRows(t, bigquery, "with s as (select 'k' as key) select (select key from unnest([struct('a' as key)])) from s", "a")
	expectTranslated(t, bigquery, "select id from t, unnest([1]) as x", "select t.id AS id from t, json_each(json_array(1)) as x")
	// NULL, TRUE and FALSE are constants, not fields of the structs
	expectRows(t, bigquery, "select null as z, true as b, False as c, r.email from messages, unnest(recipients) as r order by r.email", "NULL|1|0|b@y.com\nNULL|1|0|c@z.com")
}

// Snowflake compares a known number or boolean with a string literal by
// converting the literal: to the number it holds, or as TO_BOOLEAN reads it.
func TestSnowflakeComparedLiterals(t *testing.T) {
	expectTranslated(t, snowflake, "select 1 = '1', n in ('2', '3') from (select 2 as n)",
		"select 1 = cast_to('1', 'REAL', 'snowflake', 1), n in (cast_to('2', 'REAL', 'snowflake', 1), cast_to('3', 'REAL', 'snowflake', 1)) from (select 2 as n)")
	expectTranslated(t, snowflake, "select (a > 1) = 'yes', a = 'x' from t", "select (a > 1) = to_boolean_snowflake('yes'), a = 'x' from t")
	expectRows(t, snowflake, "select 1.5 = '1.50', 2 between '1' and '10', true = 'on'", "1|1|1")
	expectTranslated(t, snowflake, "select a::time = '10:00', to_time(a)::varchar from t",
		"select cast_to(a, 'TIME', 'snowflake', 1) = cast_to('10:00', 'TIME', 'snowflake', 1), substr(to_time_snowflake(a), 1, 8) from t")
}

// Snowflake's conditionals mixing text and a number give a number, the text
// converted (data type conversion); GREATEST and LEAST take the first
// argument's type (their reference).
func TestSnowflakeConditionalText(t *testing.T) {
	num := func(s string) string { return "round_scale(cast_to(" + s + ", 'REAL', 'snowflake', 1), 5)" }
	expectTranslated(t, snowflake, "select iff(a > 1, '10', 9), nvl2(a, 9, '10') from t",
		"select iif(a > 1, "+num("'10'")+", 9), nvl2_of(a, 9, "+num("'10'")+") from t")
	expectTranslated(t, snowflake, "select case when a > 1 then '10' else 9 end, case a when 1 then 'x' else 'y' end from t",
		"select case when a > 1 then "+num("'10'")+" else 9 end, case a when 1 then 'x' else 'y' end from t")
	expectTranslated(t, snowflake, "select decode(a, 1, '10', 9) from t", "select CASE WHEN a IS 1 THEN "+num("'10'")+" ELSE 9 END from t")
	expectTranslated(t, snowflake, "select greatest('10', 9), least(9, '10'), greatest('1', 2.50), greatest(a, '1') from t",
		"select greatest_or_null('10', CAST(9 AS TEXT)), least_or_null(9, "+num("'10'")+"), greatest_or_null('1', decimal_text(2.50, 2)), greatest_or_null(a, '1') from t")
	expectRows(t, snowflake, "with c as (select '10' as s) select iff(true, s, 9) + 1, greatest(s, 9), greatest(9, s) from c", "11.0|9|10.0")
	// such a conditional is a number: compared with text, the text is converted
	expectRows(t, snowflake, "select iff(true, '10', 9) = '10', case when true then '10' else 9 end = '10.0', greatest(9, '10') = '10', greatest('10', 9) = '9'", "1|1|1|1")
	expectTranslated(t, snowflake, "select case 1 when '1' then 'y' end, case a::varchar when 10 then 'y' end from t",
		"select case 1 when cast_to('1', 'REAL', 'snowflake', 1) then 'y' end, case cast_to(a, 'TEXT', 'snowflake', 1) when CAST(10 AS TEXT) then 'y' end from t")
}

// A Snowflake FLOAT written as text has at most 15 digits and no trailing
// zeros: 2, not SQLite's 2.0.
func TestSnowflakeFloatText(t *testing.T) {
	expectTranslated(t, snowflake, "select 2.0::float::varchar, x::float || 'x', to_varchar(x::float) from t",
		"select cast_to(cast_to(2.0, 'REAL', 'snowflake', 1), 'TEXT', 'snowflake', 1), cast_to(cast_to(x, 'REAL', 'snowflake', 1), 'TEXT', 'snowflake', 1) || 'x', to_char_snowflake(cast_to(x, 'REAL', 'snowflake', 1)) from t")
	expectTranslated(t, snowflake, "select a::varchar, 3::varchar, 1.50::varchar from t",
		"select cast_to(a, 'TEXT', 'snowflake', 1), CAST(3 AS TEXT), decimal_text(1.50, 2) from t")
	expectRows(t, snowflake, "select 2.0::float::varchar, 1e20::float || '', to_varchar(1/3::float)", "2|1e+20|0.333333333333333")
}

// TO_CHAR of a number with a format model is given the NUMBER's scale where
// it is known, which TM9 writes.
func TestSnowflakeNumberFormatScale(t *testing.T) {
	expectTranslated(t, snowflake, "select to_char(1.50, 'TM9'), to_varchar(count(*), '999'), to_char(a, '99.9'), to_char(a::float, 'TM') from t",
		"select to_char_snowflake(1.50, 'TM9', 2), to_char_snowflake(count(*), '999', 0), to_char_snowflake(a, '99.9'), to_char_snowflake(cast_to(a, 'REAL', 'snowflake', 1), 'TM') from t")
	expectRows(t, snowflake, "select to_char(-1::number(10,3), 'TM9'), to_char(1234.5, '999,999.99')", "-1.000|   1,234.5 ")
}
