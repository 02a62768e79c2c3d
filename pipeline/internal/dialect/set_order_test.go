package dialect

import (
	"strings"
	"testing"
)

// The ORDER BY of a compound orders a known timestamp or interval column by
// instant or length, by its name or number, LIMIT and a WITH kept.
func TestCompoundOrderByKey(t *testing.T) {
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "select timestamp '2024-05-17 10:00:00.5' as ts union all select timestamp '2024-05-17 10:00:00' order by ts", "2024-05-17T10:00:00Z\n2024-05-17T10:00:00.5Z"},
		{duckdb, "with c as (select 1) select timestamp '2024-05-17 10:00:00.5'  union select timestamp '2024-05-17 10:00:00.25' union select timestamp '2024-05-17 10:00:00' order by 1 desc limit 1 offset 1", "2024-05-17T10:00:00.25Z"},
		{duckdb, "select 1 as n, interval 10 day as d union all select 2, interval 2 day order by d, n", "2|2 days\n1|10 days"},
		{bigquery, "select datetime '2024-05-17 10:00:00.5' as ts union distinct select datetime '2024-05-17 10:00:00' except distinct select datetime '2024-05-17 10:00:00.25' order by ts", "2024-05-17T10:00:00Z\n2024-05-17T10:00:00.5Z"},
		{bigquery, "select interval 10 day as d union all select interval 2 day order by 1 limit 1", "0-0 2 0:0:0"},
		{snowflake, "select '2024-05-17 10:00:00.5'::timestamp_ntz as ts union all select '2024-05-17 10:00:00'::timestamp_ntz order by ts desc", "2024-05-17T10:00:00.5Z\n2024-05-17T10:00:00Z"},
		// a first body of SELECT *: the columns of the relations it reads
		{duckdb, "with a as (select timestamp '2024-05-17 10:00:00.5' as ts, 1 as n) select * from a union all select timestamp '2024-05-17 10:00:00', 2 order by ts", "2024-05-17T10:00:00Z|2\n2024-05-17T10:00:00.5Z|1"},
		{bigquery, "select * from (select timestamp '2024-05-17 10:00:00.5+00' as ts) union all select timestamp '2024-05-17 12:00:00+02' order by 1 desc", "2024-05-17T10:00:00.5Z\n2024-05-17T10:00:00Z"},
		{duckdb, "select * from (select interval 10 day as d) union all select interval 2 day order by d limit 1", "2 days"},
	} {
		expectRows(t, c.d, c.in, c.want)
	}
}

// A DuckDB UNION keeps one row for equal intervals; UNION ALL keeps both.
func TestUnionIntervals(t *testing.T) {
	expectRows(t, duckdb, "select interval 1 day as d, 1 as n union select interval 24 hours, 1 union distinct select interval 2 day, 2 order by d", "1 day|1\n2 days|2")
	expectRows(t, duckdb, "select count(*) from (select interval 1 day union all select interval 24 hours)", "2")
	expectRows(t, bigquery, "select count(*) from (select interval 1 day union distinct select interval 1 day)", "1")
}

// A DuckDB INTERSECT or EXCEPT of intervals compares them by length.
func TestIntersectIntervals(t *testing.T) {
	expectRows(t, duckdb, "select interval 1 day as d, 1 as n intersect select interval 24 hours, 1 order by d", "1 day|1")
	expectRows(t, duckdb, "select interval 1 day as d, 1 as n except select interval 24 hours, 2", "1 day|1")
}

// What would compare intervals' texts is refused: an INTERSECT or EXCEPT
// chain, a compound whose first input is *, BY NAME; and INTERSECT ALL and
// EXCEPT ALL, which SQLite lacks.
func TestSetOpRefusals(t *testing.T) {
	ref := func(r refusal, op string) string {
		return strings.Replace(r.message, "%s", op, 1) + " (" + r.hint + ")"
	}
	expectRefused(t, duckdb, "select interval 1 day as d intersect select interval 24 hours intersect select interval 1 day", "1:28: "+ref(refSetIntervals, "INTERSECT"))
	expectRefused(t, duckdb, "select interval 1 day as d except select interval 24 hours except select interval 2 day", "1:28: "+ref(refSetIntervals, "EXCEPT"))
	expectRefused(t, duckdb, "select * from (select interval 1 day as d) union select interval 24 hours", "1:44: "+ref(refSetIntervals, "UNION"))
	expectRefused(t, duckdb, "select interval 1 day as d union by name select interval 24 hours as d", "1:28: "+ref(refSetIntervals, "UNION"))
	expectRefused(t, duckdb, "select 1 as n intersect all select 1", "1:15: "+ref(refSetAll, "INTERSECT"))
	expectRefused(t, duckdb, "select 1 as n except all select 2", "1:15: "+ref(refSetAll, "EXCEPT"))
	// UNION ALL keeps every row; a UNION chain compares lengths
	expectRows(t, duckdb, "select count(*) from (select * from (select interval 1 day as d) union all select interval 24 hours)", "2")
	expectRows(t, duckdb, "select count(*) from (select interval 1 day as d union select interval 24 hours union select interval 2 day)", "2")
}

// A recursive CTE's UNION stays a compound SQLite can recurse through.
func TestRecursiveUnionIntervals(t *testing.T) {
	expectRows(t, duckdb, "with recursive r(d, n) as (select interval 1 day, 1 union select interval 1 day, n + 1 from r where n < 3) select count(*) from r", "3")
}
