package dialect

import "testing"

// Snowflake's and DuckDB's YEAR(x), MONTH(x)... are their EXTRACT.
func TestDatePartShorthands(t *testing.T) {
	expectTranslated(t, duckdb, "select year(d), dayofmonth(\n  d) from t", "select datetime_part_duckdb('year', d), datetime_part_duckdb(\n  'day', d) from t")
	expectTranslated(t, snowflake, "select month(d), weekofyear(d) from t", "select datetime_part_snowflake('month', d), datetime_part_snowflake('week', d) from t")
	// a bare date part only in the part's place: a column named date or day elsewhere stays a column
	expectTranslated(t, snowflake, "select dateadd(day, 1, date), timeadd(mins, 5, day), last_day(date), date_part(yearofweekiso, date) from t",
		"select datetime_add_snowflake('day', 1, date), datetime_add_snowflake('mins', 5, day), last_day_snowflake(date), datetime_part_snowflake('yearofweekiso', date) from t")
	expectTranslated(t, bigquery, "select date_trunc(date, month), date_diff(date, day, day), last_day(date, month) from t",
		"select datetime_trunc_bigquery(date, 'month'), datetime_diff_bigquery(date, day, 'day'), last_day_bigquery(date, 'month') from t")
	expectRows(t, snowflake, "select year('2024-05-17'), hour('2024-05-17T10:30:00Z'), dayofweek('2024-05-19')", "2024|10|0")
	// DuckDB takes the part as a string only: a bare word is a column,
	// which fails where there is none (Binder Error there)
	expectTranslated(t, duckdb, "select datediff(day, a, b), date_trunc(month, d), date_part('year', d) from t",
		"select datetime_diff_duckdb(day, a, b), datetime_trunc_duckdb(month, d), datetime_part_duckdb('year', d) from t")
	expectRows(t, duckdb, "with p as (select 'month' as day) select datediff(day, date '2024-01-01', date '2024-03-05') from p", "2")
	expectRows(t, duckdb, "select month(date '2024-05-17'), dayofyear(date '2024-02-01')", "5|32")
	// DuckDB's eras; Snowflake has no such functions.
	expectTranslated(t, duckdb, "select century(d), decade(d), millennium(d) from t", "select datetime_part_duckdb('century', d), datetime_part_duckdb('decade', d), datetime_part_duckdb('millennium', d) from t")
	expectRefused(t, snowflake, "select century(d) from t", "1:8: unknown function CENTURY in Snowflake SQL (the engine has no function of this name for Snowflake SQL; write the computation with Snowflake functions it has (README, SQL dialect))")
	// BigQuery has no such functions: the name stays, and is refused.
	expectRefused(t, bigquery, "select year(d) from t", "1:8: unknown function YEAR in BigQuery SQL (write EXTRACT(YEAR FROM x))")
}

// BigQuery's SAFE. prefix gives NULL where the function fails.
func TestSafePrefix(t *testing.T) {
	expectTranslated(t, bigquery, "select safe.parse_date('%Y', x), SAFE.SQRT(x) from t", "select safe_parse_date_strftime('%Y', x), SQRT(x) from t")
	expectRows(t, bigquery, "select safe.parse_date('%Y-%m-%d', 'nope'), safe.parse_date('%Y-%m-%d', '2024-05-17'), safe.parse_timestamp('%Y', 'x'), safe.sqrt(-1), safe.ln(0), safe.divide(1, 0)", "NULL|2024-05-17|NULL|NULL|NULL|NULL")
	// CAST ... FORMAT of a date or time: its format elements, checked here when literal
	expectTranslated(t, bigquery, "select cast(date '2018-01-30' as string format 'DD/MM/YYYY')", "select cast_format_bigquery(date('2018-01-30'), 'DD/MM/YYYY', 'DATE')")
	expectTranslated(t, bigquery, "select safe_cast(timestamp '2008-12-25 00:00:00+00' as string format f at time zone z) from (select 'TZH' as f, 'UTC' as z)", "select safe_call('2008-12-25T00:00:00Z', f, 'TIMESTAMP', z, 'cast_format_bigquery') from (select 'TZH' as f, 'UTC' as z)")
	expectTranslated(t, bigquery, "select cast(b as string format '$999,990.00'), safe_cast(b as string format '999FM') from t", "select cast_number_format_bigquery(b, '$999,990.00'), safe_call(b, '999FM', 'cast_number_format_bigquery') from t")
	expectRows(t, bigquery, "select cast(b * 1000.5 as string format '$99,999.00') from t where id = 3", " $30,015.00")
	expectRows(t, bigquery, "select cast(b as string format 'FM0X'), cast(b as string format 'RN') from t where id = 3", "1E|            XXX")
	expectRefused(t, bigquery, "select cast(12 as string format 'TM')", "1:33: CAST ... FORMAT of a number: the format \"TM\": the element TM is not supported: BigQuery's documentation does not describe it; write FORMAT('%t', x) or CAST(x AS STRING) (use the elements 9 0 . D V , G S MI PR $ L C EEEE B FM X and RN, as in '$999,990.00', 'S9.999EEEE', '9999PR', 'XXXX' or 'RN'; or FORMAT('%.2f', x))")
	expectRefused(t, bigquery, "select cast(d as string format 'DD/MM/YYYY') from t", "1:32: CAST(x AS STRING FORMAT ...) of a value not known as a DATE, DATETIME, TIMESTAMP or TIME, with a format that is not a number's (9 0 . D V , G S MI PR $ L C EEEE B FM X RN) is not supported (CAST(x AS STRING FORMAT '...') works for a DATE, DATETIME, TIMESTAMP or TIME (cast x to one first) and for a number with 9 0 . D V , G S MI PR $ L C EEEE B FM X and RN, CAST(s AS DATE FORMAT '...') for a STRING; otherwise write FORMAT('%.2f', x) for a number)")
	expectTranslated(t, bigquery, "select cast(event_date as date format 'YYYYMMDD'), safe_cast(s as timestamp format 'YYYY-MM-DD HH24:MI' at time zone 'Europe/Paris') from t", "select cast_parse_bigquery(event_date, 'YYYYMMDD', 'DATE', strftime('%Y-%m-%d %H:%M:%S', 'now')), safe_call(s, 'YYYY-MM-DD HH24:MI', 'TIMESTAMP', strftime('%Y-%m-%d %H:%M:%S', 'now'), 'Europe/Paris', 'cast_parse_bigquery') from t")
	expectRows(t, bigquery, "select date_add(cast('20240131' as date format 'YYYYMMDD'), interval 1 day)", "2024-02-01")
	expectRefused(t, bigquery, "select cast('Thu 2020-12-31' as date format 'DY YYYY-MM-DD')", "1:45: CAST ... FORMAT: the format element DY is not supported for reading a string: BigQuery does not read it (use the elements YYYY, YY, RR, MM, MON, MONTH, DD, DDD, D, DAY, DY, HH24, HH12, MI, SS, SSSSS, FF1 to FF9, AM or A.M., TZH and TZM, with - . / , ' ; : spaces and \"text\" between them; or FORMAT_DATE / FORMAT_TIMESTAMP with %-elements)")
	expectRefused(t, bigquery, "select cast('2020-12-31 03723' as datetime format 'YYYY-MM-DD HH24 SSSSS')", "1:51: CAST ... FORMAT: SSSSS sets the hour, minute and second, which the format sets again (use the elements YYYY, YY, RR, MM, MON, MONTH, DD, DDD, D, DAY, DY, HH24, HH12, MI, SS, SSSSS, FF1 to FF9, AM or A.M., TZH and TZM, with - . / , ' ; : spaces and \"text\" between them; or FORMAT_DATE / FORMAT_TIMESTAMP with %-elements)")
	expectRefused(t, bigquery, "select cast(date '2024-01-01' as date format 'YYYY')", "1:46: CAST(x AS DATE FORMAT ...) of a DATE (BigQuery reads a STRING) is not supported (CAST(x AS STRING FORMAT '...') works for a DATE, DATETIME, TIMESTAMP or TIME (cast x to one first) and for a number with 9 0 . D V , G S MI PR $ L C EEEE B FM X and RN, CAST(s AS DATE FORMAT '...') for a STRING; otherwise write FORMAT('%.2f', x) for a number)")
	expectRows(t, bigquery, "select cast(datetime '2020-12-31 10:00:00.012345' as string format 'HH24:MI:SS.FF3 FF7 FF9')", "10:00:00.012 0123450 012345000")
	expectRows(t, bigquery, "select cast(date '2020-12-31' as string format 'DAY'), cast(date '2020-12-31' as string format 'Dy')", "THURSDAY|Thu")
	expectTranslated(t, bigquery, "select cast(time '21:30:00' as string format 'HH12:MI A.M.'), safe_cast(s as time format 'HH24:MI') from t", "select cast_format_bigquery('21:30:00', 'HH12:MI A.M.', 'TIME'), safe_call(s, 'HH24:MI', 'TIME', strftime('%Y-%m-%d %H:%M:%S', 'now'), 'cast_parse_bigquery') from t")
	expectRows(t, bigquery, "select cast(cast('03:30 P.M.' as time format 'HH:MI A.M.') as string format 'HH24:MI'), cast(parse_time('%H', '15') as string format 'HH12 AM')", "15:30|03 PM")
	expectRefused(t, bigquery, "select cast('15:30+01' as time format 'HH24:MITZH')", "1:39: CAST ... FORMAT: TIME has no part for TZH (use the elements YYYY, YY, RR, MM, MON, MONTH, DD, DDD, D, DAY, DY, HH24, HH12, MI, SS, SSSSS, FF1 to FF9, AM or A.M., TZH and TZM, with - . / , ' ; : spaces and \"text\" between them; or FORMAT_DATE / FORMAT_TIMESTAMP with %-elements)")
	expectRows(t, bigquery, "select parse_date('%m/%d/%Y', '1/2/2020'), safe_cast('1/2/2020' as date format 'MM/DD/YYYY'), safe_cast(' 2020-01-02' as date format 'YYYY-MM-DD')", "2020-01-02|NULL|NULL")
	// any scalar function: the functions it runs as are called through
	// safe_call, outside its arguments' own text
	expectTranslated(t, bigquery, "select safe.substr(a, 1, -1), SAFE.LEFT(upper(a), 2) from t", "select safe_call(a, 1, -1, 'substr_bigquery'), safe_call(upper_text(a), 2, 'left_chars') from t")
	expectTranslated(t, bigquery, "select safe.date_add(d, interval 1 day), safe.timestamp_micros(b) from t", "select safe_call(d, 1, 'day', 'datetime_add'), safe_call(b, 'timestamp_from_micros') from t")
	expectRows(t, bigquery, "select safe.substr(a, 1, -1), safe.substr(a, 1, 1), safe.regexp_extract(a, '(x)(y)') from t where id = 1", "NULL|x|NULL")
	// a wrong number of arguments fails before the query runs, SAFE. or not
	hint := " (pass the number of arguments the function takes: BigQuery checks it before the query runs, and SAFE. gives NULL only for errors while it runs)"
	expectRefused(t, bigquery, "select safe.substr(a), SAFE.Upper(a, 'b'), safe.concat(), safe.datetime(1, 2, 3) from t",
		"1:8: SAFE.SUBSTR takes 2 or 3 arguments, not 1"+hint+"\n1:24: SAFE.UPPER takes 1 argument, not 2"+hint+"\n1:44: SAFE.CONCAT takes 1 or more arguments, not 0"+hint+"\n1:59: SAFE.DATETIME takes 1, 2 or 6 arguments, not 3"+hint)
	expectRefused(t, bigquery, "select substr(a), upper(a, 'b'), date_diff(d, d) from t",
		"1:8: SUBSTR takes 2 or 3 arguments, not 1 (pass the number of arguments the function takes, as BigQuery's function reference lists them)\n1:19: UPPER takes 1 argument, not 2 (pass the number of arguments the function takes, as BigQuery's function reference lists them)\n1:34: DATE_DIFF takes 3 arguments, not 2 (pass the number of arguments the function takes, as BigQuery's function reference lists them)")
	expectRefused(t, bigquery, "select safe.parse_date('%Y'), safe.date_add(d) from t",
		"1:8: SAFE.PARSE_DATE takes 2 arguments, not 1"+hint+"\n1:31: SAFE.DATE_ADD takes 2 arguments, not 1"+hint)
	expectRefused(t, bigquery, "select safe.sum(b), safe.row_number() over () from t", "1:8: SAFE.SUM is an aggregate or window function, and BigQuery takes SAFE. on scalar functions only (drop SAFE., or apply a SAFE. scalar function to the values before aggregating)\n1:21: SAFE.ROW_NUMBER is an aggregate or window function, and BigQuery takes SAFE. on scalar functions only (drop SAFE., or apply a SAFE. scalar function to the values before aggregating)")
	expectRows(t, bigquery, "select safe.array_length([1, 2]), safe.to_json_string(struct(1 as a))", `2|{"a":1}`)
	expectTranslated(t, bigquery, "select safe.abs(b) from t", "select safe_call(b, 'absolute_value') from t")
}
