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
	// a window or an aggregate in the list: left as written
	expectTranslated(t, duckdb, "select distinct x, row_number() over () from "+v, "select distinct x, row_number() over () from "+w)
	// text is text: no key
	expectTranslated(t, duckdb, "select distinct x from t group by x", "select distinct x from t group by x")
}
