package dialect

import "testing"

// An aggregate, GROUP BY or a window function in the recursive part of
// WITH RECURSIVE reads a whole step in DuckDB: refused by name.
func TestDuckDBRecursiveSteps(t *testing.T) {
	expectRefused(t, duckdb, "with recursive r(n) as (select 1 union all select max(n) + 1 from r where n < 3 having count(*) > 0) select * from r",
		"1:51: an aggregate in the recursive part of WITH RECURSIVE is not supported: DuckDB runs that part once per step over all the rows the step before gave, SQLite once per row (carry the value in a column of the recursive CTE (a running total: select n + 1, total + x from r), or aggregate in a query over the finished CTE: with recursive r as (...) select k, max(v) from r group by k)")
	expectRefused(t, duckdb, "with recursive r(n) as (select 1 union all select n + 1 from r where n < 3 group by n) select * from r",
		"1:76: GROUP BY in the recursive part of WITH RECURSIVE is not supported: DuckDB runs that part once per step over all the rows the step before gave, SQLite once per row (carry the value in a column of the recursive CTE (a running total: select n + 1, total + x from r), or aggregate in a query over the finished CTE: with recursive r as (...) select k, max(v) from r group by k)")
	// a subquery's aggregate, and one over the finished CTE, run
	expectRows(t, duckdb, "with recursive r(n, c) as (select 1, 1 union all select n + 1, (select count(*) from (select 1)) from r where n < 3) select max(n), sum(c) from r", "3|3")
}
