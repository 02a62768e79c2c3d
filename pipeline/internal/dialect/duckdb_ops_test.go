package dialect

import (
	"fmt"
	"testing"
)

// DuckDB's operator forms of LIKE, ILIKE, GLOB and the regular
// expressions; the values are checked on DuckDB itself in sqlfunc's
// conformance table.
func TestDuckDBMatchOperators(t *testing.T) {
	expectTranslated(t, duckdb, "select a ~~ 'x%', a !~~ 'x%' from t", "select like_case_sensitive(a, 'x%'), (NOT like_case_sensitive(a, 'x%')) from t")
	expectTranslated(t, duckdb, "select a ~~* 'x%', a !~~* 'x%', a ilike 'x!%' escape '!' from t", "select like_ignoring_case(a, 'x%'), (NOT like_ignoring_case(a, 'x%')), like_ignoring_case(a, 'x!%', '!') from t")
	expectRows(t, duckdb, "select 'É' ilike 'é', 'ÄBC' ilike 'ä%', 'Straße' ilike 'STRASSE', 'A_C' ilike 'a!_c' escape '!', null ilike 'a'", "1|1|0|1|NULL")
	expectTranslated(t, duckdb, "select a similar to 'a.c', a not similar to b from t", "select regexp_full_match(a, 'a.c'), (NOT regexp_full_match(a, b)) from t")
	expectTranslated(t, duckdb, "select a ~ 'b', a !~ 'b' from t", "select regexp_contains(a, 'b'), (NOT regexp_contains(a, 'b')) from t")
	expectTranslated(t, duckdb, "select a glob 'x*', a not glob '[!a]', a ~~~ 'x?' from t", "select glob_match(a, 'x*'), (NOT glob_match(a, '[!a]')), glob_match(a, 'x?') from t")
	expectTranslated(t, duckdb, "select * from t where a ~~ b || '%' and not a ~ 'z'", "select * from t where like_case_sensitive(a, b || '%') and not regexp_contains(a, 'z')")
	// DuckDB's LIKE is case-sensitive and has no escape character unless
	// told; SQLite's own GLOB is kept in its dialect.
	expectTranslated(t, duckdb, "select a like 'x%', a like 'x!%' escape '!' from t", "select like_case_sensitive(a, 'x%'), like_case_sensitive(a, 'x!%', '!') from t")
	expectTranslated(t, sqlite, "select a glob 'x*' from t", "select a glob 'x*' from t")
	// ~ stays SQLite's bitwise NOT before a value.
	expectTranslated(t, duckdb, "select ~a from t", "select ~a from t")
	expectRefused(t, duckdb, "select a glob 'x!*' escape '!' from t", "1:28: GLOB ... ESCAPE is not supported ("+refEscape.hint+")")
	expectRefused(t, duckdb, "select a similar to 'x' escape '!' from t", "1:32: SIMILAR ... ESCAPE is not supported ("+refEscape.hint+")")
}

// DuckDB's ^ and ** are power, a DOUBLE, above * and below a sign.
func TestDuckDBPower(t *testing.T) {
	expectTranslated(t, duckdb, "select 2 ^ 3, a ** b from t", "select pow(2, 3), pow(a, b) from t")
	expectTranslated(t, duckdb, "select 2 * 3 ^ 2, -2 ^ 2, 2 ^ 3 ^ 2 from t", "select 2 * pow(3, 2), pow(-2, 2), pow(pow(2, 3), 2) from t")
	expectTranslated(t, duckdb, "select 'a' || 2 ^ 2, (a * 2) ** -b from t", "select 'a' || double_text(pow(2, 2)), pow((a * 2), -b) from t")
	expectTranslated(t, duckdb, "select count(*) from t", "select count(*) from t")
}

// DuckDB's shifts are of 64 bits and fail where bits would be lost
// (shift_duck, checked on DuckDB in sqlfunc's conformance table).
func TestDuckDBShifts(t *testing.T) {
	expectTranslated(t, duckdb, "select b << 2, b >> -1, 1 & b << id from t", "select shift_duck(b, 2, '<<', 1), shift_duck(b, -1, '>>', 1), shift_duck(1 & b, id, '<<', 1) from t")
	expectTranslated(t, bigquery, "select b << 2 from t", "select b << 2 from t")
}

// DuckDB's bit_count of a negative integer counts its type's width, which
// a cast or a literal shows (0: not known, a negative value fails).
func TestDuckDBBitCountWidth(t *testing.T) {
	expectTranslated(t, duckdb, "select bit_count(-1), bit_count(b::smallint), bit_count(b) from t", "select bit_count_duck(-1, 32, 1), bit_count_duck(integer_in_range(cast_to(b, 'INTEGER', 'duckdb', 1), -32768, 32767, 'SMALLINT', 1), 16, 1), bit_count_duck(b, 0, 1) from t")
	expectTranslated(t, bigquery, "select bit_count(b) from t", "select bit_count(b) from t")
}

// DuckDB's FILTER takes the condition with or without WHERE.
func TestDuckDBFilterWithoutWhere(t *testing.T) {
	expectTranslated(t, duckdb, "select count(*) filter (a > 1) from t", "select count(*) filter (WHERE a > 1) from t")
	expectTranslated(t, duckdb, "select count(*) filter (where a > 1) from t", "select count(*) filter (where a > 1) from t")
}

// DuckDB's ->> gives text and random() a DOUBLE in [0, 1).
func TestDuckDBTextArrowAndRandom(t *testing.T) {
	expectTranslated(t, duckdb, "select j->>'a', j->'b'->>0 from t", "select json_get_text_duckdb(j, 'a'), json_get_text_duckdb(j->'b', '$[0]') from t")
	// the operands print on one line: their line breaks and comments come after
	expectTranslated(t, duckdb, "select -\nj\n->> -- c\n'a' from t", "select json_get_text_duckdb(- j, 'a')\n\n -- c\n from t")
	expectTranslated(t, duckdb, "select list_count([1,\n2]) from t", "select (SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT count(_nexus_value) FROM (SELECT key AS _nexus_i, type AS _nexus_t, value AS _nexus_value FROM json_each(_nexus_list))) END FROM (SELECT json_array(1, 2) AS _nexus_list))\n from t")
	expectTranslated(t, duckdb, "select count(distinct (a,\nb)) from t", "select count(distinct json_array(a,\nb)) from t")
	// a path with [*] gives a list, which SQLite's -> does not read
	expectTranslated(t, duckdb, "select j->'$.a[*].x', j->'$.a[0]' from t", "select json_get_json(j, '$.a[*].x'), j->'$.a[0]' from t")
	expectTranslated(t, duckdb, "select * from t where random() < 0.1", "select * from t where (((random() >> 11) + 4503599627370496) / 9007199254740992.0) < 0.1")
	expectTranslated(t, sqlite, "select j->>'a', random() from t", "select j->>'a', random() from t")
	expectRows(t, duckdb, "select count(*) from (select random() as r from t) where r >= 0 and r < 1", "3")
}

// range() and generate_series() in FROM reading the columns of the FROM
// items before them are json_each of their list, which can read them; the
// column is named as DuckDB names it: after the function, the alias, or
// the alias list.
func TestSeriesReadingColumns(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"select * from t, generate_series(t.id, t.b) as s(x)", "select t.id, t.a, t.b, s.value AS x from t, json_each(series_list(t.id, t.b)) as s"},
		{"select id, range from t, range(id)", "select t.id AS id, range.value AS range from t, json_each(range_list(t.id)) AS range"},
		{"select r from t cross join lateral range(t.id, 5, 2) r", "select r.value AS r from t cross join  json_each(range_list(t.id, 5, series_step(2, 'range', 1))) r"},
		{"select range.range from range(2)", `select range.range from (WITH RECURSIVE _nexus_series(v) AS (SELECT (0) WHERE CASE WHEN (1) > 0 THEN (0) < (2) WHEN (1) < 0 THEN (0) > (2) END UNION ALL SELECT v + (1) FROM _nexus_series WHERE CASE WHEN (1) > 0 THEN v + (1) < (2) WHEN (1) < 0 THEN v + (1) > (2) END) SELECT v AS range FROM _nexus_series) AS range`},
	} {
		expectTranslated(t, duckdb, c.in, c.out)
	}
	expectRows(t, duckdb, "select t.id, x from t, generate_series(t.id, 2) as s(x) order by all", "1|1\n1|2\n2|2")
	expectRows(t, duckdb, "select t.id, x from t left join range(t.id, 2) as s(x) on true order by all", "1|1\n2|NULL\n3|NULL")
	expectRows(t, duckdb, "select * from t, range(t.id - 1) r", "2|Y|NULL|0\n3|NULL|30|0\n3|NULL|30|1")
	expectRows(t, duckdb, "select r from range(1, 3) r", "1\n2")
	expectRefused(t, duckdb, "select * from t, range(t.id) as s(x, y)", "1:34: range(...) has one column: its alias list must name exactly one (write range(3) AS t(x))")
	expectRows(t, duckdb, "select count(*) from range(1, (select count(*) + 1 from t))", "3")
}

// from_json reads a value as its structure's type; a structure written out
// that it cannot read is refused where it is written.
func TestFromJSON(t *testing.T) {
	expectTranslated(t, duckdb, `select from_json(j, '{"a": "INTEGER"}').a, json_transform(j, '["VARCHAR"]') from t`,
		`select json_extract(from_json_typed(j, '{"a": "INTEGER"}'), '$.a') AS a, from_json_typed(j, '["VARCHAR"]') from t`)
	expectRows(t, duckdb, `select from_json('{"a": [1, "2", "x"]}', '{"a": ["INTEGER"], "b": "VARCHAR"}')`, `{"a":[1,2,null],"b":null}`)
	expectRefused(t, duckdb, "select from_json(j,\n  '{\"a\": \"MAP(VARCHAR, INTEGER)\"}') from t",
		`2:3: from_json cannot read this structure: the type MAP(VARCHAR, INTEGER) in the structure is not one from_json reads here (integers, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, JSON, DATE, TIMESTAMP, TIMESTAMPTZ, and lists and structs of them) (describe the value with a JSON object of field names and DuckDB types, such as '{"id": "INTEGER", "tags": ["VARCHAR"]}'; read a value of another type as VARCHAR or JSON and cast it)`)
}

// DuckDB's integer arithmetic keeps its operands' width (a literal beside
// a narrower type takes it where it fits) and fails leaving it; lpad's
// count must be an INTEGER, and substring's BIGINT offset and length
// within 32 bits (checked on DuckDB in the conformance table).
func TestDuckDBIntegerWidths(t *testing.T) {
	expectTranslated(t, duckdb, "select 1 + 2, b::smallint * 1000, b::bigint - 1, b + 1 from t", "select 1 + 2, integer_overflow(integer_in_range(cast_to(b, 'INTEGER', 'duckdb', 1), -32768, 32767, 'SMALLINT', 1) * 1000, 16, 'multiplication', 1), integer_overflow(cast_to(b, 'INTEGER', 'duckdb', 1) - 1, 64, 'subtraction', 1), date_arith(b, 1, '+', 1) from t")
	expectTranslated(t, duckdb, "with c as (select 7 as i, 3::tinyint as y) select i * 2, y + 300, coalesce(y, 1) * 2, sum(i) * 2 from c group by all", "with c as (select 7 as i, integer_in_range(cast_to(3, 'INTEGER', 'duckdb', 1), -128, 127, 'TINYINT', 1) as y) select integer_overflow(i * 2, 32, 'multiplication', 1), integer_overflow(y + 300, 32, 'addition', 1), integer_overflow(coalesce(y, 1) * 2, 8, 'multiplication', 1), duck_sum_int(i, 1) * 2 from c GROUP BY 1, 2, 3")
	expectFails(t, duckdb, "select 1,\n 2 * 2000000000", "line 2: Overflow in multiplication of INT32")
	expectFails(t, duckdb, "select b::smallint * 10000 from t", "Overflow in multiplication of INT16")
	expectFails(t, duckdb, "select b::bigint * 4000000000000000000 from t", "Overflow in multiplication of INT64")
	expectRows(t, duckdb, "select b * 3000000000, b::smallint * 100000 from t where id = 1", "30000000000|1000000")
	expectFails(t, duckdb, "select substr(a, b::bigint * 1000000000) from t", "Substring offset outside of supported range (> 4294967295)")
	expectTranslated(t, duckdb, "select substr(a, b), substr(a, 2, length(a)) from t", "select substr(a, b), substr(a, 2, substring_bound(length(a), 'length', 1)) from t")
	expectFails(t, duckdb, "select left(a, b::bigint * 1000000000) from t", "Substring length outside of supported range (> 4294967295)")
	expectRows(t, duckdb, "select left('abc', -4294967297::bigint), left('abc', 4294967295::bigint)", "|abc")
	expectRefused(t, duckdb, "select lpad(a, length(a), '*'), rpad(a, 3, '*') from t", "1:16: the count of lpad, length(a), is a BIGINT, and DuckDB's count is an INTEGER, which it does not cast a wider integer to (cast the count: lpad(s, n::integer, fill))")
}

// DuckDB checks a written strftime or strptime format when it binds the
// query, even where no row reaches the call.
func TestDuckDBWrittenFormats(t *testing.T) {
	expectRefused(t, duckdb, "select coalesce(a, strftime(current_date, '%C')), strptime(a, '%d') from t", "1:43: strftime: unknown format element %C in \"%C\": DuckDB knows %a %A %b %B %c %d %f %g %G %h %H %I %j %m %M %n %p %S %T %u %U %V %w %W %x %X %y %Y %z %Z %% (and %-d %-H %-I %-j %-m %-M %-S %-y); DuckDB checks a written format when it binds the query, and fails even where no row reaches the call (write a format of the elements DuckDB knows)")
}

// DuckDB's text functions take text at their text places: a number, a
// date, a timestamp or a boolean there is refused as DuckDB's binder
// refuses it (No function matches), where SQLite reads its text; NULL, a
// list and a value of no known type are left to run.
func TestDuckDBTextArguments(t *testing.T) {
	why := " is not DuckDB: DuckDB's %s takes text there and casts no number, date, timestamp or boolean to VARCHAR for it (No function matches) (" + refTextArg.hint + ")"
	for _, c := range []struct{ in, at, what, fn string }{
		{"with c as (select 35709 as zip) select substring(zip, 1, 2) from c", "1:50", "substring of zip (INTEGER)", "substring"},
		{"select upper(x) from (select 42::bigint as x)", "1:14", "upper of x (BIGINT)", "upper"},
		{"select length(date '2020-01-01')", "1:15", "length of date '2020-01-01' (DATE)", "length"},
		{"select lower(1.5)", "1:14", "lower of 1.5 (DECIMAL)", "lower"},
		{"select a, lpad(a, 3, 0) from t", "1:22", "lpad of 0 (INTEGER)", "lpad"},
		{"select trim(true)", "1:13", "trim of true (BOOLEAN)", "trim"},
		{"select left(now(), 4)", "1:13", "left of now() (TIMESTAMP WITH TIME ZONE)", "left"},
		{"select strpos(a, count(*)) from t group by a", "1:18", "strpos of count(*) (BIGINT)", "strpos"},
		{"with e as (select timestamp '2024-01-01' as at_) select * from e where at_ not like 'NaT'", "1:72", "LIKE of at_ (TIMESTAMP)", "LIKE"},
		{"select 12 ilike '1%'", "1:8", "ILIKE of 12 (INTEGER)", "ILIKE"},
		{"select a glob 1 from t", "1:15", "GLOB of 1 (INTEGER)", "GLOB"},
		{"select date '2024-01-01' ~ '2024'", "1:8", "~ of date '2024-01-01' (DATE)", "~"},
	} {
		expectRefused(t, duckdb, c.in, c.at+": "+c.what+fmt.Sprintf(why, c.fn))
	}
	for _, in := range []string{
		"select substring(b::varchar, 1, 2), upper(null), length([1, 2]), contains([1, 2], 1), strpos(a, 'x') from t",
		"select upper(x) from (select null as x)",
		"select a like 'x%', a ilike b, a glob '*', a ~ 'x', a similar to 'x.*', null like 'x' from t",
		"select list_transform([[1, 2], [3]], x -> len(x)), [l for l in [[1], [2, 3]] if len(l) > 1]",
	} {
		if _, err := TranslateWith(in, testOptions(duckdb)); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
}

// DuckDB's make_date of one number takes an INTEGER count of days.
func TestDuckDBMakeDateDays(t *testing.T) {
	why := " is not DuckDB: its count of days is an INTEGER, which DuckDB casts no wider integer, DECIMAL or DOUBLE to (No function matches) (" + refMakeDateDays.hint + ")"
	expectRefused(t, duckdb, "select make_date(15887::bigint)", "1:18: make_date of 15887::bigint (BIGINT)"+why)
	expectRefused(t, duckdb, "select make_date(1.5)", "1:18: make_date of 1.5 (DECIMAL)"+why)
	expectTranslated(t, duckdb, "select make_date(15887), make_date(b::integer), make_date(2024, 1, 2) from t", "select make_date_duckdb(15887), make_date_duckdb(integer_in_range(cast_to(b, 'INTEGER', 'duckdb', 1), -2147483648, 2147483647, 'INTEGER', 1)), make_date_duckdb(2024, 1, 2) from t")
}
