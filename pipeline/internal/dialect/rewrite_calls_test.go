package dialect

import "testing"

func TestWarehouseCalls(t *testing.T) {
	translated := []struct {
		d       Dialect
		in, out string
	}{
		{snowflake, "select decode(a, 'x', 1, 'y', 2, 0) from t", "select CASE WHEN a IS 'x' THEN 1 WHEN a IS 'y' THEN 2 ELSE 0 END from t"},
		{snowflake, "select decode(a,\n 'x', 1) from t", "select CASE WHEN a IS 'x' THEN 1 END\n from t"},
		{snowflake, "select equal_null(a, b) from t", "select (a IS b) from t"},
		{snowflake, "select try_to_number(a), to_number(a, 10, 2), try_to_double(a) from t", "select try_cast(a, 'INTEGER', 'snowflake'), decimal_fits(round_scale(cast_to(a, 'REAL', 'snowflake', 1), 2), 10, 2, 1), try_cast(a, 'REAL', 'snowflake') from t"},
		{snowflake, "select to_number(a, '$9,999.99', 10, 2), try_to_decimal(a, 'XXX') from t", "select decimal_fits(round_scale(cast_to(parse_number_snowflake(a, '$9,999.99'), 'REAL', 'snowflake', 1), 2), 10, 2, 1), try_cast(safe_call(a, 'XXX', 'parse_number_snowflake'), 'INTEGER', 'snowflake') from t"},
		{snowflake, "select count(distinct a, b), count(a, b) from t", "select count(DISTINCT CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL THEN json_array(a, b) END), count(CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL THEN 1 END) from t"},
		{snowflake, "select count(distinct a, b) over (partition by c), count(a, b) over (partition by c) from t", "select count_distinct(CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL THEN json_array(a, b) END) over (partition by c), count(CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL THEN 1 END) over (partition by c) from t"},
		{snowflake, "select try_parse_json(a) from t", "select CASE WHEN json_valid(a) THEN json_keys_sorted(json(a)) END from t"},
		{snowflake, "select listagg(a, ',') within group (order by a) from t", "select listagg_text(a, ',' ORDER BY a NULLS LAST)  from t"},
		{snowflake, "select array_agg(a) within group (order by b desc) from t", "select json_group_array(a ORDER BY b desc NULLS FIRST)  FILTER (WHERE a IS NOT NULL) from t"},
		{snowflake, "select listagg(distinct a, ',') within group (order by a) from t", "select string_agg_distinct( a, ',' ORDER BY a NULLS LAST)  from t"},
		{snowflake, "select dayname(d), monthname(d) from t", "select weekday_name(d, 3), month_name(d, 3) from t"},
		{duckdb, "select dayname(d) from t", "select weekday_name(d, 0) from t"},
		{snowflake, "select trunc(b), trunc(b, 2), trunc(d, 'month') from t", "select CAST(trunc(b) AS INTEGER), trunc_to(b, 2), datetime_trunc_snowflake(d, 'month') from t"},
		{bigquery, "select date_trunc(d, week(monday)), approx_count_distinct(a) from t", "select datetime_trunc_bigquery(d, 'week(monday)'), count(DISTINCT a) from t"},
		{bigquery, "select generate_date_array(d, e, interval 1 week) from t", "select json(generate_date_array(d, e, 1, 'week')) from t"},
		{bigquery, "select first_value(b ignore nulls) over (order by id) from t", "select first_value_ignore_nulls(b ) over (order by id) from t"},
		{snowflake, "select last_value(b) ignore nulls over (order by id) from t", "select last_value_ignore_nulls(b)  over (order by id NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) from t"},
		{bigquery, "select first_value(b) over (w), last_value(b) over(w) from t window w as (order by id)", "select first_value(b) over w, last_value(b) over w from t window w as (order by id)"},
		{bigquery, "select array_agg(b order by id desc limit 2) from t", "select array_without_nulls(array_agg_limit(b , 2 order by id desc ), '') from t"},
		{duckdb, "select position('Y' in a), strlen(a) from t", "select position_from('Y' , a), octet_length(a) from t"},
		// the SQL standard's SUBSTRING and TRIM forms, as DuckDB takes them
		{duckdb, "select substring(a FROM 2 FOR 3), substring(a from 2), substring(a for 2) from t", "select substring(a , 2 , 3), substring(a , 2), substring(a , 1, 2) from t"},
		{duckdb, "select trim(both 'x' from a), trim(leading from a), trim(trailing '-' from a), trim('x' from a) from t", "select trim(a, 'x'), ltrim(a), rtrim(a, '-'), trim(a, 'x') from t"},
		{duckdb, "select overlay(a placing 'XX' from 2 for 3), overlay(a placing 'X' from 2), nfc_normalize(a), left_grapheme(a, 1) from t", "select overlay_duck(a , 'XX' , 2 , 3), overlay_duck(a , 'X' , 2), nfc_normalize_duck(a), left_grapheme_duck(a, 1) from t"},
		// a string cast to a BLOB reads DuckDB's \xAA escapes
		{duckdb, `select '\xAA'::blob, try_cast(a as bytea) from t`, `select blob_duckdb('\xAA'), try_blob_duckdb(a) from t`},
		// a cast to UUID reads DuckDB's forms and writes the lower case hyphenated text
		{duckdb, "select a::uuid, try_cast(a as UUID),\ncast(a as uuid) from t", "select uuid_duckdb(a, 1), try_uuid_duckdb(a),\nuuid_duckdb(a, 2) from t"},
		// struct_insert's name := value is 'name', value; timezone_hour(ts) is the date part
		{duckdb, "select struct_insert(s, b := 2, c := a), timezone_hour(ts) from t", "select struct_insert_duck(s, 'b', 2, 'c', a), datetime_part_duckdb('timezone_hour', ts) from t"},
		// an interval literal given to to_json is the interval's value
		{duckdb, "select to_json(interval 1 day) from t", "select to_json_duck(interval_of(1, 'day')) from t"},
		// to_decades(n) is 10 * n years; nanosecond the microseconds times 1,000
		{duckdb, "select d + to_decades(2), d - to_quarters(n), nanosecond(ts) from s", "select datetime_add_to_timestamp(d, (2) * 10, 'year'), datetime_add_to_timestamp(d, -(n), 'quarter'), (datetime_part_duckdb('microsecond', ts) * 1000) from s"},
		// INTERVAL n DECADE (CENTURY, MILLENNIUM) is added as n decades, centuries as century
		{duckdb, "select d + interval 2 centuries, d - interval 1 decade from s", "select datetime_add_to_timestamp(d, 2, 'century'), datetime_add_to_timestamp(d, -(1), 'decade') from s"},
		// a cast to the fixed-size ARRAY T[n] checks the list's length
		{duckdb, "select try_cast(v as int[2]) from t", "select list_of_length(json((SELECT CASE WHEN _nexus_list IS NULL THEN NULL ELSE (SELECT json_group_array(integer_in_range(try_cast(_nexus_value, 'INTEGER', 'duckdb'), -2147483648, 2147483647, 'INTEGER') ORDER BY _nexus_i) FROM (SELECT key AS _nexus_i, type AS _nexus_t, value AS _nexus_value FROM json_each(_nexus_list))) END FROM (SELECT v AS _nexus_list))), 2, 1, 1) from t"},
		// map_from_entries of tuples: the map of their keys and values
		{duckdb, "select map_from_entries([('a', 1), (a, b)]) from t", "select duck_map(json_array(json_object('key', 'a', 'value', 1), json_object('key', a, 'value', b))) from t"},
		{snowflake, "select ratio_to_report(b) over (partition by a) from t", "select (CAST(b AS REAL) / NULLIF(sum(b) over (partition by a), 0)) from t"},
		{snowflake, "select f.value from table(flatten(input => x)) f", "select f.value AS value from json_each(x) f"},
		{snowflake, "select dayofweekiso(d), add_months(d, 1) from t", "select datetime_part_snowflake('dayofweekiso', d), add_months_keep_last_day(d, 1) from t"},
		{duckdb, "select list_sort(l, 'DESC'), list_distinct(l), regexp_split_to_array(a, ',') from t", "select json(list_sort_json(l, 'DESC')), json(list_distinct_json(l)), json(regexp_split_json(a, ',')) from t"},
		{snowflake, "select percentile_cont(0.25) within group (order by b desc) over (partition by a) from t", "select quantile_cont_of(b, 1 - (0.25)) over (partition by a) from t"},
		{duckdb, "select quantile_disc(b, 0.5), quantile(b, 0.9), percentile_disc(0.5) within group (order by b) from t", "select quantile_disc_of(b, 0.5), quantile_disc_of(b, 0.9), quantile_disc_of(b, 0.5) from t"},
		{duckdb, "select max(b, 3), min(b, 2), arg_max(a, b, 2), min_by(a, b, 1), max(b) from t", "select extremes_of(b, b, 3, 1), extremes_of(b, b, 2, -1), extremes_of(a, b, 2, 1), extremes_of(a, b, 1, -1), max(b) from t"},
		{duckdb, "select format('{} of {:.2f}', a, b) from t", "select format_duckdb('{} of {:.2f}', a, b) from t"},
		{snowflake, "select time_slice(d, 4, month, 'END') from t", "select time_slice_of(d, 4, 'month', 'END') from t"},
		{bigquery, "select string_agg(a, ',' order by id limit 2), string_agg(a limit 1) from t", "select string_agg_limit(a, ',' , 2 order by id ), string_agg_limit(a, ',', 1 ) from t"},
		{bigquery, "with q as (select array_agg(a) as l from t) select array_agg(b) as xs, array_agg(b ignore nulls) as ys, l from q group by l", "with q as (select json_group_array(a) as l from t) select array_without_nulls(json_group_array(b), 'xs') as xs, json_group_array(b ) FILTER (WHERE b IS NOT NULL) as ys, l from q group by l"},
		{bigquery, "select array_concat_agg(a order by id limit 2) as c from t", "select array_without_nulls(array_concat_agg_limit(a , 2 order by id ), 'c') as c from t"},
		{bigquery, "select [1, 0x10], time_add(tm, interval 10 minute), time_trunc(tm, hour) from t", "select json_array(1, 0x10), time_add_of(tm, 10, 'minute'), time_trunc_of(tm, 'hour') from t"},
		{bigquery, "select format('%T', d = e, date '2020-01-02', x) from t", "select format_bigquery('%T', format_arg_typed(d = e, 'BOOLEAN'), format_arg_typed(date('2020-01-02'), 'DATE'), x) from t"},
		{bigquery, "select [a = b, true], struct(a is null as n), to_json_string(a < 1) from t", "select json_array(bool_as_json(a = b), bool_as_json(true)), json_object('n', bool_as_json(a is null)), to_json_string_bigquery(bool_as_json(a < 1)) from t"},
		{bigquery, "select json_keys(j, mode => 'lax'), json_keys(j, 2), format('%t', a) from t", "select json_keys_of(j, NULL, 'lax'), json_keys_of(j, 2), format_bigquery('%t', a) from t"},
		{bigquery, "select json_keys(j, mode => 'lax', max_depth => 1) from t", "select json_keys_of(j, 1, 'lax') from t"},
		{snowflake, "select timestamp_ntz_from_parts(d, tm), timestamp_from_parts(2013, 4, 5, 12, 0, 0) from t", "select timestamp_of_parts_overflowing(d, tm), timestamp_of_parts_overflowing(2013, 4, 5, 12, 0, 0) from t"},
	}
	for _, c := range translated {
		expectTranslated(t, c.d, c.in, c.out)
	}
	rows := []struct {
		d        Dialect
		in, want string
	}{
		{snowflake, "select decode(a, 'x', 'ex', null, 'none', 'other') from t order by id", "ex\nother\nnone"},
		{snowflake, "select listagg(coalesce(a, '-'), '') within group (order by id desc) from t", "-Yx"},
		{snowflake, "select array_to_string(array_agg(b) within group (order by id desc), ',') from t", "30,10"},
		{snowflake, "select listagg(distinct lower(a), ',') within group (order by lower(a) desc) from t", "y,x"},
		{bigquery, "select d from unnest(generate_date_array(date '2024-01-30', date '2024-02-01')) as d", "2024-01-30\n2024-01-31\n2024-02-01"},
		// length and repeat of a list read its elements; a TIMESTAMP to a TIME is its clock
		{duckdb, "select length([1, 2]), length('[1]'), repeat([1], 2), cast(timestamp '2024-01-02 03:04:05' as time)", "2|3|[1,1]|03:04:05"},
		// the row of the largest b has a NULL a: DuckDB leaves it out
		{duckdb, "select arg_max(a, b), median(b) from t", "x|20.0"},
		{bigquery, "select id, first_value(b ignore nulls) over (order by id desc), last_value(b ignore nulls) over (order by id rows between unbounded preceding and 1 preceding) from t order by id",
			"1|30|NULL\n2|30|10\n3|30|10"},
		{bigquery, "select array_agg(b ignore nulls order by id desc limit 1)[offset(0)] from t", "30"},
		// OVER (w) of a window with a frame: SQLite would refuse to override it
		{bigquery, "select id, first_value(b ignore nulls) over (w), last_value(b) over (w) from t window w as (order by id rows between unbounded preceding and unbounded following) order by id",
			"1|10|30\n2|10|30\n3|10|30"},
		{bigquery, "select to_json_string(array_agg(a order by id limit 2)) from t", `["x","Y"]`},
		// Snowflake's FIRST_VALUE, LAST_VALUE and NTH_VALUE over an ORDER BY without a frame see the whole
		// partition (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), SUM the rows up to the current one
		{snowflake, "select id, last_value(b) over (order by id), first_value(b) over (order by id desc), nth_value(b, 2) over (order by id), sum(b) over (order by id), last_value(b) over (order by id rows between unbounded preceding and current row) from t order by id",
			"1|30|30|NULL|10|10\n2|30|30|NULL|10|NULL\n3|30|30|NULL|40|30"},
		// BigQuery's are the standard's: up to the current row
		{bigquery, "select id, last_value(b) over (order by id) from t order by id", "1|10\n2|NULL\n3|30"},
		// COUNT(DISTINCT a, b) OVER: the distinct pairs without a NULL in
		// the window; a pair holding a NULL is not counted
		{snowflake, "select id, count(distinct a, b) over (), count(a, b) over (order by id) from t order by id", "1|1|1\n2|1|1\n3|1|1"},
	}
	for _, c := range rows {
		expectRows(t, c.d, c.in, c.want)
	}
}

func TestWarehouseCallsRefused(t *testing.T) {
	expectRefused(t, snowflake, "select lag(b, 2) ignore nulls over (order by id) from t", "1:18: LAG(...) IGNORE NULLS is not supported by SQLite ("+refIgnoreNulls.hint+")")
	expectRefused(t, snowflake, "select lead(b) ignore nulls over w from t window w as (order by id)", "1:16: LEAD(...) IGNORE NULLS is not supported by SQLite ("+refIgnoreNulls.hint+")")
	expectRefused(t, bigquery, "select json_object('a', 1) = parse_json('{\"a\": 1}')", "1:28: BigQuery does not compare JSON values: equality is not defined for JSON ("+refJSONCompare.hint+")")
	expectRefused(t, duckdb, "select count(distinct a, b) over (partition by a) from t", "1:8: COUNT takes one argument in DuckDB: count(a, b) fails there ("+refCountArgs.hint+")")
	expectRefused(t, bigquery, "select count(distinct a, b) from t", "1:8: COUNT takes one argument in BigQuery: count(a, b) fails there ("+refCountArgs.hint+")")
	expectRefused(t, bigquery, "select string_agg(distinct a, ',' limit 2) from t", "1:35: LIMIT inside STRING_AGG(...) is not supported ("+refAggLimit.hint+")")
	expectRefused(t, snowflake, "select to_decimal(a, '9.99EEEE') from t", "1:22: TO_DECIMAL with this format model is not supported: the format \"9.99EEEE\": exponent elements (EE to EEEEE) are not supported; use TME or TM ("+refNumberFormat.hint+")")
	expectRows(t, snowflake, "select to_decimal('$3,741.72', '$9,999.99', 6, 2)::varchar, to_number(' 12 ', '99MI')", "3741.72|12")
}
