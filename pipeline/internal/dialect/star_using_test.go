package dialect

import "testing"

// * over a USING or NATURAL join gives each merged column once, where the
// left side gives it, as DuckDB and SQLite do.
func TestStarOverUsing(t *testing.T) {
	expectTranslated(t, duckdb, "with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select * exclude (n) from a join b using (id)",
		"with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select id, b.m from a join b using (id)")
	expectTranslated(t, duckdb, "with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select * from a natural join b order by all",
		"with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select * from a natural join b ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST")
	expectTranslated(t, duckdb, "with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select b.* exclude (m), a.* from a join b using (id)",
		"with a as (select 1 as id, 2 as n), b as (select 1 as id, 3 as m) select b.id, a.* from a join b using (id)")
}
