package dialect

import "testing"

// BigQuery's INTERVAL values are written in BigQuery's text by the
// _bigquery functions and computed with the DuckDB interval functions.
func TestBigQueryIntervals(t *testing.T) {
	expectTranslated(t, bigquery, "select interval 5 day", "select interval_of_bigquery(5, 'day')")
	expectTranslated(t, bigquery, "select interval '1-2 3 4:5:6' year to second", "select interval_of_bigquery('1-2 3 4:5:6', 'year', 'second')")
	expectTranslated(t, bigquery, "select date '2021-05-20' - date '2020-04-19'", "select date_minus_bigquery(date('2021-05-20'), date('2020-04-19'))")
	expectTranslated(t, bigquery, "select timestamp '2021-06-01 12:34:56' - timestamp '2021-05-31 00:00:00'",
		"select timestamp_minus_bigquery('2021-06-01T12:34:56Z', '2021-05-31T00:00:00Z')")
	expectTranslated(t, bigquery, "select interval 1 day + interval 2 hour", "select interval_add(interval_of_bigquery(1, 'day'), interval_of_bigquery(2, 'hour'), 1)")
	expectTranslated(t, bigquery, "select make_interval(1, minute => 5, day => 2)", "select make_interval_bigquery(1, NULL, 2, NULL, 5, NULL)")
	expectTranslated(t, bigquery, "select justify_hours(interval 47 hour)", "select justify_hours(interval_of_bigquery(47, 'hour'))")
	expectTranslated(t, bigquery, "select cast('P1DT2H' as interval)", "select interval_of_bigquery('P1DT2H')")
	expectTranslated(t, bigquery, "select safe_cast(s as interval)", "select try_interval_of_bigquery(s)")
	expectTranslated(t, bigquery, "select extract(day from interval 3 day)", "select interval_part_bigquery('day', interval_of_bigquery(3, 'day'))")
	// a date moved by an interval literal stays the date function it was
	expectTranslated(t, bigquery, "select date_add(date '2008-12-25', interval 5 day)", "select datetime_add(date('2008-12-25'), 5, 'day')")
	expectTranslated(t, bigquery, "select date '2010-10-10' + interval '10 20:20:20' day to second",
		"select datetime_add_interval(date('2010-10-10'), interval_of_bigquery('10 20:20:20', 'day', 'second'), 1)")
	expectRows(t, bigquery, "select d from (select date '2024-01-05' - date '2024-01-01' as d union all select interval 23 hour) order by d", "0-0 0 23:0:0\n0-0 4 0:0:0")
	expectRows(t, bigquery, "select timestamp '2024-01-02 00:00:00' - timestamp '2024-01-01 00:00:00' > interval 23 hour", "1")
	expectRows(t, bigquery, "select justify_interval(timestamp '2024-03-02 01:00:00' - timestamp '2024-01-01 00:00:00')", "0-2 1 1:0:0")
	expectRefused(t, bigquery, "select interval 1.5 day", "1:8: INTERVAL 1.5 DAY: BigQuery takes a whole number of a single part, such as INTERVAL 36 HOUR (write a whole number of a smaller part, or MAKE_INTERVAL(day => 1, hour => 12) for several parts)")
	expectRefused(t, bigquery, "select date_add(d, interval -0.25 hour) from t", "1:20: INTERVAL -0.25 HOUR: BigQuery takes a whole number of a single part, such as INTERVAL -15 MINUTE (write a whole number of a smaller part, or MAKE_INTERVAL(day => 1, hour => 12) for several parts)")
	expectRefused(t, bigquery, "select interval 1.5 month", "1:8: INTERVAL 1.5 MONTH: BigQuery takes a whole number of a single part (write a whole number of a smaller part, or MAKE_INTERVAL(day => 1, hour => 12) for several parts)")
	expectRefused(t, bigquery, "select make_interval(1, year => 2)", "1:25: MAKE_INTERVAL takes year, month, day, hour, minute and second, by place then by name, each once (write MAKE_INTERVAL(1, 6, 15) or MAKE_INTERVAL(hour => 10, second => 20))")
	expectRefused(t, bigquery, "select make_interval(weeks => 2)", "1:22: MAKE_INTERVAL takes year, month, day, hour, minute and second, by place then by name, each once (write MAKE_INTERVAL(1, 6, 15) or MAKE_INTERVAL(hour => 10, second => 20))")
}

// BigQuery's INTERVAL takes a whole expression before the date part.
func TestBigQueryIntervalExpression(t *testing.T) {
	expectRows(t, bigquery, "select date_add(date '2018-01-01', interval x - 1 day) from (select 3 as x)", "2018-01-03")
	expectRows(t, bigquery, "select datetime_add(cast('2018-01-01' as datetime), interval row_number() over (order by x) - 1 day) as d from (select 1 as x union all select 2) order by d", "2018-01-01T00:00:00Z\n2018-01-02T00:00:00Z")
	expectRows(t, bigquery, "select timestamp_add(timestamp '2020-01-01 00:00:00+00', interval 2 * 3 hour)", "2020-01-01T06:00:00Z")
}
