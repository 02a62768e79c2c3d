package dialect

import (
	"fmt"
	"strings"
	"testing"
)

func TestTimestampLiterals(t *testing.T) {
	expectTranslated(t, bigquery, "select timestamp '2024-01-05 10:00:00'", "select '2024-01-05T10:00:00Z'")
	expectTranslated(t, bigquery, "select timestamp '2024-01-05 10:00:00.5+02:00'", "select '2024-01-05T08:00:00.5Z'")
	expectTranslated(t, bigquery, "select timestamp '2024-01-05 10:00:00 America/Los_Angeles'", "select '2024-01-05T18:00:00Z'")
	expectTranslated(t, bigquery, "select timestamp '2024-01-05'", "select '2024-01-05T00:00:00Z'")
	expectTranslated(t, bigquery, "select datetime '2024-01-05 10:00:00'", "select '2024-01-05T10:00:00Z'")
	expectTranslated(t, snowflake, "select timestamp_ntz '2024-01-05 10:00:00 +02:00'", "select '2024-01-05T10:00:00Z'")
	expectTranslated(t, snowflake, "select timestamp_tz '2024-01-05 10:00:00 +02:00'", "select cast_to('2024-01-05 10:00:00 +02:00', 'TIMESTAMP_TZ', 'snowflake', 1)")
	expectTranslated(t, snowflake, "select timestamp_ltz '2024-01-05 10:00:00'", "select '2024-01-05T10:00:00Z'")
	expectTranslated(t, duckdb, "select timestamptz '2024-01-05 10:00:00+02'", "select '2024-01-05T08:00:00Z'")
	expectTranslated(t, duckdb, "select timestamp '2024-01-05 10:00:00+02'", "select '2024-01-05T10:00:00Z'")
	expectTranslated(t, bigquery, "select time '10:00:00'", "select '10:00:00'")
	expectTranslated(t, sqlite, "select timestamp '2024-01-05 10:00:00'", "select timestamp '2024-01-05 10:00:00'")
	expectRefused(t, bigquery, "select\n  timestamp '2024-02-30 10:00:00'", `2:13: TIMESTAMP literal: "2024-02-30 10:00:00" is not a timestamp (write the literal as YYYY-MM-DD HH:MM:SS[.ffffff] with an optional zone such as +02:00 or UTC)`)
	expectRefused(t, bigquery, "select datetime '2024-01-05 10:00:00+02'", `1:17: DATETIME literal: "2024-01-05 10:00:00+02" is not a DATETIME, which takes no time zone (write the literal as YYYY-MM-DD HH:MM:SS[.ffffff] with an optional zone such as +02:00 or UTC)`)
}

func TestTimestampCasts(t *testing.T) {
	expectTranslated(t, bigquery, "select cast(a as timestamp) from t", "select cast_to(a, 'TIMESTAMP', 'bigquery', 1) from t")
	expectTranslated(t, bigquery, "select safe_cast(a as datetime) from t", "select try_cast(a, 'DATETIME', 'bigquery') from t")
	expectTranslated(t, snowflake, "select a::timestamp, a::timestamp_ltz, try_cast(a as timestamp_tz) from t", "select cast_to(a, 'DATETIME', 'snowflake', 1), cast_to(a, 'TIMESTAMP', 'snowflake', 1), try_cast(a, 'TIMESTAMP_TZ', 'snowflake') from t")
	expectTranslated(t, duckdb, "select a::timestamp, cast(a as timestamp with time zone), a::timestamptz from t", "select cast_to(a, 'DATETIME', 'duckdb', 1), cast_to(a, 'TIMESTAMP', 'duckdb', 1), cast_to(a, 'TIMESTAMP', 'duckdb', 1) from t")
	expectTranslated(t, sqlite, "select cast(a as timestamp) from t", "select cast(a as TEXT) from t")
	// a timestamp cast to a string is the warehouse's text of it
	expectTranslated(t, bigquery, "select cast(timestamp_seconds(a) as string) from t", "select timestamp_string(timestamp_from_seconds(a), 'TIMESTAMP', 'bigquery') from t")
	expectTranslated(t, bigquery, "select cast(cast(a as datetime) as string) from t", "select timestamp_string(cast_to(a, 'DATETIME', 'bigquery', 1), 'DATETIME', 'bigquery') from t")
	// Snowflake's synonyms TIMESTAMPNTZ and TIMESTAMPLTZ are TIMESTAMP_NTZ and TIMESTAMP_LTZ
	expectTranslated(t, snowflake, "select a::timestampntz, cast(a as timestampltz), try_cast(a as timestampntz) from t", "select cast_to(a, 'DATETIME', 'snowflake', 1), cast_to(a, 'TIMESTAMP', 'snowflake', 1), try_cast(a, 'DATETIME', 'snowflake') from t")
	expectRows(t, snowflake, "select '2024-01-02 03:04:05 +02:00'::timestampntz, '2024-01-02 03:04:05 +02:00'::timestampltz, to_char('2024-01-02 03:04:05'::timestampntz, 'YYYY-MM')", "2024-01-02T03:04:05Z|2024-01-02T01:04:05Z|2024-01")
	expectTranslated(t, snowflake, "select a::timestamp with time zone, cast(a as timestamp with local time zone) from t", "select cast_to(a, 'TIMESTAMP_TZ', 'snowflake', 1), cast_to(a, 'TIMESTAMP', 'snowflake', 1) from t")
	expectTranslated(t, snowflake, "select a::timestamp_tz::varchar from t", "select timestamp_string(cast_to(a, 'TIMESTAMP_TZ', 'snowflake', 1), 'TIMESTAMP', 'snowflake') from t")
	expectTranslated(t, duckdb, "select now()::varchar, (timestamp '2024-01-05 10:00:00')::text", "select timestamp_string(clock_micros(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), 'TIMESTAMP', 'duckdb'), timestamp_string(('2024-01-05T10:00:00Z'), 'DATETIME', 'duckdb')")
	expectTranslated(t, bigquery, "select cast(a as string) from t", "select cast_to(a, 'TEXT', 'bigquery', 1) from t")
	expectTranslated(t, duckdb, "select 'at ' || timestamp '2024-01-05 10:00:00'", "select 'at ' || timestamp_string('2024-01-05T10:00:00Z', 'DATETIME', 'duckdb')")
	expectTranslated(t, snowflake, "select a || ' ' || b from t", "select a || ' ' || b from t")
}

// A comparison of a timestamp with a value not known to be one reads that
// value as a timestamp: source text keeps the form it was written in; <,
// >= and BETWEEN compare instant_key()s.
func TestTimestampComparisons(t *testing.T) {
	expectTranslated(t, bigquery, "select id from t where a >= timestamp '2024-01-05 00:00:00'", "select id from t where instant_key(as_timestamp(a)) >= instant_key('2024-01-05T00:00:00Z')")
	expectTranslated(t, bigquery, "select id from t where timestamp_seconds(b) < a", "select id from t where instant_key(timestamp_from_seconds(b)) < instant_key(as_timestamp(a))")
	expectTranslated(t, bigquery, "select id from t where a between '2024-01-05' and current_timestamp()", "select id from t where instant_key(as_timestamp(a)) between instant_key('2024-01-05T00:00:00Z') and instant_key(clock_micros(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
	expectTranslated(t, snowflake, "select id from t where a < current_timestamp", "select id from t where instant_key(as_timestamp(a)) < instant_key(as_timestamp(strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
	expectTranslated(t, duckdb, "select id from t where a::timestamp = b::timestamp", "select id from t where cast_to(a, 'DATETIME', 'duckdb', 1) = cast_to(b, 'DATETIME', 'duckdb', 1)")
	expectTranslated(t, duckdb, "select nullif(a::timestamp, '2024-01-05'), nullif(a::timestamp, ''), a::timestamp = 'x' from t", "select nullif(cast_to(a, 'DATETIME', 'duckdb', 1), '2024-01-05T00:00:00Z'), nullif(cast_to(a, 'DATETIME', 'duckdb', 1), cast_to('', 'DATETIME', 'duckdb', 1)), cast_to(a, 'DATETIME', 'duckdb', 1) = cast_to('x', 'DATETIME', 'duckdb', 1) from t")
	expectTranslated(t, bigquery, "select id from t where a in (timestamp '2024-01-05 10:00:00', b, '2024-01-05 11:00:00+01')", "select id from t where as_timestamp(a) in ('2024-01-05T10:00:00Z', as_timestamp(b), '2024-01-05T10:00:00Z')")
	expectTranslated(t, bigquery, "select id from t where a in ('x', b)", "select id from t where a in ('x', b)")
	expectTranslated(t, bigquery, "select id from t where a = b", "select id from t where a = b")
	expectTranslated(t, bigquery, "select id from t where timestamp_seconds(a) is null or timestamp_seconds(a) > null", "select id from t where timestamp_from_seconds(a) is null or timestamp_from_seconds(a) > null")
}

// Snowflake's instants sort, and take MIN and MAX, by instant: the text of
// TO_TIMESTAMP_TZ and CONVERT_TIMEZONE keeps an offset.
// SQLite's x IS y is no warehouse's: IS takes NULL, TRUE, FALSE and
// DISTINCT FROM there.
func TestIsValueRefused(t *testing.T) {
	for _, d := range []Dialect{bigquery, snowflake, duckdb} {
		expectRefused(t, d, "select a is null, a is not distinct from b,\n  a is b from t", "2:5: "+fmt.Sprintf(refIsValue.message, dialectName(d))+" ("+refIsValue.hint+")")
	}
	expectTranslated(t, sqlite, "select a is b from t", "select a is b from t")
}

func TestInstantOrder(t *testing.T) {
	expectTranslated(t, snowflake, "select a from (select to_timestamp_tz(s) as a from t) order by a desc",
		"select a from (select to_timestamp_tz_snowflake(s) as a from t) order by instant_key(a) desc NULLS FIRST")
	expectTranslated(t, snowflake, "select to_timestamp_tz(s) as a from t order by 1",
		"select to_timestamp_tz_snowflake(s) as a from t order by instant_key(a) NULLS LAST")
	expectTranslated(t, snowflake, "select min(a), max(convert_timezone('UTC', a)) over (order by a::timestamp_tz) from t group by a",
		"select min(a), instant_max(convert_timezone('UTC', a)) over (order by instant_key(cast_to(a, 'TIMESTAMP_TZ', 'snowflake', 1)) NULLS LAST) from t group by a")
	// wall clocks and the other dialects' timestamps too: the text form
	// writes a fraction only when there is one
	expectTranslated(t, snowflake, "select max(a::timestamp_ntz) as m from t order by 1", "select instant_max(cast_to(a, 'DATETIME', 'snowflake', 1)) as m from t order by instant_key(m) NULLS LAST")
	expectTranslated(t, duckdb, "select max(a::timestamptz) from t", "select instant_max(cast_to(a, 'TIMESTAMP', 'duckdb', 1)) from t")
	expectTranslated(t, bigquery, "select a from t order by cast(a as datetime)", "select a from t order by instant_key(cast_to(a, 'DATETIME', 'bigquery', 1))")
	expectTranslated(t, duckdb, "select a from t order by a", "select a from t order by a NULLS LAST")
}

// Comparisons order timestamps within one second too.
func TestTimestampFractionCompare(t *testing.T) {
	expectRows(t, bigquery, "select timestamp '2024-05-17 10:00:00.5' > timestamp '2024-05-17 10:00:00', timestamp '2024-05-17 10:00:00.5' between '2024-05-17 10:00:00' and '2024-05-17 10:00:01'", "1|1")
	expectRows(t, snowflake, "select count(*) from (values ('2024-05-17 10:00:00.5'), ('2024-05-17 09:59:59')) as v(s) where s::timestamp_ntz >= '2024-05-17 10:00:00'", "1")
	expectRows(t, duckdb, "select count(*) from (values ('2024-05-17 10:00:00.25'), ('2024-05-17 10:00:00')) as v(s) where s::timestamp < timestamp '2024-05-17 10:00:00.5'", "2")
}

// Within one second, a timestamp with a fraction sorts after the one
// without, in every dialect: as text 10:00:00.5Z is before 10:00:00Z.
func TestTimestampFractionOrder(t *testing.T) {
	const values = "(values ('2024-05-17 10:00:00.5'), ('2024-05-17 10:00:00'), ('2024-05-17 10:00:00.25'), ('2024-05-17 09:59:59.75'))"
	for _, c := range []struct {
		d   Dialect
		typ string
	}{{bigquery, "timestamp"}, {bigquery, "datetime"}, {snowflake, "timestamp_ntz"}, {snowflake, "timestamp_tz"}, {duckdb, "timestamp"}, {duckdb, "timestamptz"}} {
		in := "select cast(s as " + c.typ + ") as ts from " + values + " as v(s) order by ts"
		if c.d == bigquery {
			in = "select cast(s as " + c.typ + ") as ts from unnest(['2024-05-17 10:00:00.5', '2024-05-17 10:00:00', '2024-05-17 10:00:00.25', '2024-05-17 09:59:59.75']) as s order by ts"
		}
		expectRows(t, c.d, in, "2024-05-17T09:59:59.75Z\n2024-05-17T10:00:00Z\n2024-05-17T10:00:00.25Z\n2024-05-17T10:00:00.5Z")
		minMax := "select min(ts), max(ts) from (" + in + ")"
		expectRows(t, c.d, minMax, "2024-05-17T09:59:59.75Z|2024-05-17T10:00:00.5Z")
	}
}

// ARRAY_AGG(DISTINCT) and LISTAGG(DISTINCT) of TIMESTAMP_TZ values take
// one instant written in two offsets once; wall clocks keep SQLite's
// DISTINCT.
func TestDistinctInstantAggregates(t *testing.T) {
	expectTranslated(t, snowflake, "select listagg(distinct a::timestamp_tz), listagg(distinct a::timestamp_tz, ';') within group (order by a) from t",
		"select listagg_distinct_instants( cast_to(a, 'TIMESTAMP_TZ', 'snowflake', 1)), listagg_distinct_instants( cast_to(a, 'TIMESTAMP_TZ', 'snowflake', 1), ';' ORDER BY a NULLS LAST)  from t")
	expectTranslated(t, snowflake, "select array_agg(distinct to_timestamp_tz(s)) from t", "select array_agg_distinct_instants( to_timestamp_tz_snowflake(s)) FILTER (WHERE to_timestamp_tz_snowflake(s) IS NOT NULL) from t")
	expectTranslated(t, snowflake, "select array_agg(distinct a::timestamp_ntz), listagg(distinct a::timestamp_ntz, ',') from t",
		"select json_group_array(distinct cast_to(a, 'DATETIME', 'snowflake', 1)) FILTER (WHERE cast_to(a, 'DATETIME', 'snowflake', 1) IS NOT NULL), string_agg_distinct( timestamp_string(cast_to(a, 'DATETIME', 'snowflake', 1), 'DATETIME', 'snowflake'), ',') from t")
}

// Snowflake's JOIN ... USING of TIMESTAMP_TZ columns matches instants: ON
// instant_key()s, its columns given once as the left side's.
func TestUsingInstants(t *testing.T) {
	expectTranslated(t, snowflake, "select ts, k from (select to_timestamp_tz(s) as ts, k from t) a join (select to_timestamp_tz(s) as ts, k from u) b using (ts, k)",
		"select a.ts AS ts, a.k AS k from (select to_timestamp_tz_snowflake(s) as ts, k from t) a join (select to_timestamp_tz_snowflake(s) as ts, k from u) b ON (instant_key(a.ts) = instant_key(b.ts) AND a.k = b.k)")
	expectTranslated(t, snowflake, "select * from (select to_timestamp_tz(s) as ts from t) a left join (select to_timestamp_tz(s) as ts from u) b using (ts)",
		"select a.ts AS ts from (select to_timestamp_tz_snowflake(s) as ts from t) a left join (select to_timestamp_tz_snowflake(s) as ts from u) b ON (instant_key(a.ts) = instant_key(b.ts))")
	// the columns of CTEs, in a subquery too
	expectTranslated(t, snowflake, "with a as (select to_timestamp_tz(s) as ts from t), b as (select to_timestamp_tz(s) as ts from u) select * from a join b using (ts)",
		"with a as (select to_timestamp_tz_snowflake(s) as ts from t), b as (select to_timestamp_tz_snowflake(s) as ts from u) select a.ts AS ts from a join b ON (instant_key(a.ts) = instant_key(b.ts))")
	expectTranslated(t, snowflake, "select * from (with a as (select to_timestamp_tz(s) as ts from t) select ts from a join a b using (ts)) z",
		"select * from (with a as (select to_timestamp_tz_snowflake(s) as ts from t) select a.ts AS ts from a join a b ON (instant_key(a.ts) = instant_key(b.ts))) z")
	// columns of unknown type compare their text, as SQLite's USING does
	expectTranslated(t, snowflake, "select ts from t a join u b using (ts)", "select ts from t a join u b using (ts)")
	expectTranslated(t, snowflake, "with a as (select s as ts from t), b as (select s as ts from u) select * from a join b using (ts)", "with a as (select s as ts from t), b as (select s as ts from u) select * from a join b using (ts)")
}

// Snowflake's NATURAL JOIN of TIMESTAMP_TZ columns matches instants: it is
// written as JOIN ... USING (its shared columns), which compares them so.
func TestNaturalInstants(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"select * from (select to_timestamp_tz(s) as ts, k from t) a natural join (select to_timestamp_tz(s) as ts, k from u) b",
			"select a.ts AS ts, a.k AS k from (select to_timestamp_tz_snowflake(s) as ts, k from t) a join (select to_timestamp_tz_snowflake(s) as ts, k from u) b ON (instant_key(a.ts) = instant_key(b.ts) AND a.k = b.k)"},
		{"with a as (select to_timestamp_tz(s) as ts, 1 as x from t), b as (select to_timestamp_tz(s) as ts, 2 as y from u) select * from a natural left join b",
			"with a as (select to_timestamp_tz_snowflake(s) as ts, 1 as x from t), b as (select to_timestamp_tz_snowflake(s) as ts, 2 as y from u) select a.ts AS ts, a.x, b.y from a left join b ON (instant_key(a.ts) = instant_key(b.ts))"},
		{"with a as (select to_timestamp_tz(s) as ts from t), b as (select to_timestamp_tz(s) as ts from u)\nselect *\nfrom a\nnatural full join b b2",
			"with a as (select to_timestamp_tz_snowflake(s) as ts from t), b as (select to_timestamp_tz_snowflake(s) as ts from u)\nselect COALESCE(a.ts, b2.ts) AS ts\nfrom a\nfull join b b2 ON (instant_key(a.ts) = instant_key(b2.ts))"},
		// columns of unknown type, or no instant among them, keep SQLite's NATURAL JOIN, which compares the text
		{"with a as (select s as ts from t), b as (select s as ts from u) select * from a natural join b", "with a as (select s as ts from t), b as (select s as ts from u) select * from a natural join b"},
		{"select * from t natural join u", "select * from t natural join u"},
		{"with a as (select 1 as k, to_timestamp_tz(s) as ts from t), b as (select 1 as k, s as ts2 from u) select * from a natural join b", "with a as (select 1 as k, to_timestamp_tz_snowflake(s) as ts from t), b as (select 1 as k, s as ts2 from u) select * from a natural join b"},
	} {
		expectTranslated(t, snowflake, c.in, c.want)
	}
}

// x IS [NOT] UNKNOWN is IS [NOT] NULL in BigQuery and DuckDB; Snowflake's
// IS takes NULL alone.
func TestIsUnknown(t *testing.T) {
	expectTranslated(t, duckdb, "select a is unknown, (a > 1) is not unknown from t", "select a is null, (a > 1) is not null from t")
	expectTranslated(t, bigquery, "select a is unknown, a is not Unknown from t", "select a is null, a is not null from t")
	expectTranslated(t, snowflake, "select a is null, a is not null, a is distinct from b from t", "select a is null, a is not null, a is distinct from b from t")
	for _, w := range []string{"unknown", "not unknown", "true", "not false"} {
		word := strings.ToUpper(strings.TrimPrefix(w, "not "))
		expectRefused(t, snowflake, "select a is "+w+" from t", "1:10: "+fmt.Sprintf(refIsTruth.message, word)+" ("+refIsTruth.hint+")")
	}
	for _, x := range []string{"1", "'a'", "(2.5)", "date '2024-01-01'", "cast(a as timestamp)"} {
		expectRefused(t, bigquery, "select "+x+" is not unknown from t", "1:"+fmt.Sprint(9+len(x))+": "+fmt.Sprintf(refIsBool.message, "UNKNOWN")+" ("+refIsBool.hint+")")
	}
	expectTranslated(t, bigquery, "select (a > 1) is true, cast(a as bool) is unknown from t", "select (a > 1) is true, cast_bool(a) is null from t")
	expectTranslated(t, sqlite, "select a is unknown from t", "select a is unknown from t")
}
