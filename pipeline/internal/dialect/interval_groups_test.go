package dialect

import "testing"

// DuckDB groups intervals of one length together: 1 day and 24 hours.
func TestIntervalGroups(t *testing.T) {
	const v = "(values (interval 1 day), (interval 24 hours), (interval 1 month), (interval 30 days)) t(x)"
	const w = "(WITH _nexus_cols1(x) AS (values (interval_of(1, 'day')), (interval_of(24, 'hour')), (interval_of(1, 'month')), (interval_of(30, 'day'))) SELECT * FROM _nexus_cols1) AS t"
	expectTranslated(t, duckdb, "select x, count(*) from "+v+" group by x", "select x, count(*) from "+w+" group by interval_key(x)")
	expectTranslated(t, duckdb, "select x as d, count(*) from "+v+" group by 1", "select x as d, count(*) from "+w+" group by interval_key(x)")
	expectTranslated(t, duckdb, "select x as d, count(*) from "+v+" group by d", "select x as d, count(*) from "+w+" group by interval_key(d)")
	expectTranslated(t, duckdb, "select 1 as k, x, count(*) from "+v+" group by all", "select 1 as k, x, count(*) from "+w+" GROUP BY 1, interval_key(x)")
	expectTranslated(t, duckdb, "select count(distinct x) from "+v, "select count(distinct interval_key(x)) from "+w)
	// SELECT DISTINCT becomes a GROUP BY of its items, after WHERE; the
	// line comment stays after it.
	expectTranslated(t, duckdb, "select distinct x, 1 as k\nfrom "+v+" where true -- c\norder by 2",
		"select  x, 1 as k\nfrom "+w+" where true GROUP BY interval_key(x), 2 -- c\norder by 2 NULLS LAST")
	expectRows(t, duckdb, "select count(*) from (select distinct x from "+v+")", "2")
	expectRows(t, duckdb, "select x, count(*) from "+v+" group by x order by x", "1 day|2\n1 month|2")
	expectTranslated(t, duckdb, "select row_number() over (partition by x, k order by x) from t",
		"select row_number() over (partition by x, k order by x NULLS LAST) from t")
	expectTranslated(t, duckdb, "select row_number() over (partition by x, k order by x) from "+v,
		"select row_number() over (partition by interval_key(x), k order by interval_key(x) NULLS LAST) from "+w)
	expectRows(t, duckdb, "select distinct on (x) x from "+v+" order by x", "1 day\n1 month")
	expectRows(t, duckdb, "select distinct on (1) x as d from "+v+" order by d", "1 day\n1 month")
	expectRows(t, duckdb, "select distinct on (x * 2) x from "+v+" order by x", "1 day\n1 month")
	// a window, a group or *: DISTINCT over the SELECT computed first
	expectTranslated(t, duckdb, "select distinct x, count(*) over () from "+v, "SELECT * FROM (select  x, count(*) over () from "+w+") GROUP BY interval_key(x), \"count(*) over ()\"")
	expectRows(t, duckdb, "select count(*) from (select distinct x, count(*) over () as n from "+v+")", "2")
	expectRows(t, duckdb, "select count(*) from (select distinct * from "+v+")", "2")
	expectRows(t, duckdb, "select count(*) from (select distinct max(x) as m from "+v+" group by epoch(x) > 100000)", "2")
	expectRefused(t, duckdb, "select distinct *, 1 from "+v, "1:8: "+refDistinctIntervals.message+" ("+refDistinctIntervals.hint+")")
	// text is text: no key
	expectTranslated(t, duckdb, "select distinct x from t group by x", "select distinct x from t group by x")
}

// b - a of columns of no known type is an interval or a number when the
// query runs: ORDER BY, GROUP BY, min and max order either as DuckDB does.
func TestMaybeIntervals(t *testing.T) {
	expectTranslated(t, duckdb, "select max(b - a), min(b - a) from t group by b - a order by b - a",
		"select maybe_interval_max(date_arith(b, a, '-', 1)), maybe_interval_min(date_arith(b, a, '-', 1)) from t group by interval_sort_key(date_arith(b, a, '-', 1)) order by interval_sort_key(date_arith(b, a, '-', 1)) NULLS LAST")
	expectTranslated(t, duckdb, "with d as (select b - a as dur from t) select dur from d group by dur order by 1",
		"with d as (select date_arith(b, a, '-', 1) as dur from t) select dur from d group by interval_sort_key(dur) order by interval_sort_key(dur) NULLS LAST")
	// d - 1 may be a date: left alone
	expectTranslated(t, duckdb, "select d - 1 from t order by d - 1", "select date_arith(d, 1, '-', 1) from t order by date_arith(d, 1, '-', 1) NULLS LAST")
	const src = "with s as (select * from (values (1, '2024-01-01 10:00:00', '2024-01-02 09:00:00'), (2, '2024-01-01 09:00:00', '2024-01-02 15:00:00'), (3, '2024-01-01 08:00:00', '2024-01-01 10:30:00')) t(id, a, b)) "
	expectRows(t, duckdb, src+"select id from s order by b - a", "3\n1\n2")
	expectRows(t, duckdb, src+"select max(b - a), min(b - a) from s", "1 day 06:00:00|02:30:00")
	expectRows(t, duckdb, src+"select avg(b - a) from s", "18:30:00")
	expectRows(t, duckdb, "select max(n - m), min(n - m) from (values (10, 1), (100, 1), (2, 1.5)) t(n, m)", "99.0|0.5")
}

// Two such values, or one and a string literal, compare as intervals when
// they hold intervals.
func TestMaybeIntervalComparisons(t *testing.T) {
	expectTranslated(t, duckdb, "select b - a > '1 hour', b - a = d - c, b - a > n from t",
		"select interval_sort_key(date_arith(b, a, '-', 1)) > interval_sort_key('1 hour'), interval_sort_key(date_arith(b, a, '-', 1)) = interval_sort_key(date_arith(d, c, '-', 1)), date_arith(b, a, '-', 1) > n from t")
	const src = "with s as (select * from (values ('2024-01-01 10:00:00', '2024-01-02 09:00:00', '2024-01-01 00:00:00', '2024-01-01 02:00:00')) t(a, b, c, d)) "
	expectRows(t, duckdb, src+"select b - a > '1 hour', b - a > d - c, b - a between '2 hours' and '1 day', b - a > '1 day' from s", "1|1|1|0")
}
