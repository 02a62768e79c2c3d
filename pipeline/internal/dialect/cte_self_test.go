package dialect

import "testing"

// A CTE of a WITH without RECURSIVE reads the table of its own name (dbt's
// `with orders as (select * from {{ ref('orders') }})`); the CTEs after it
// read the CTE. A recursive CTE still reads itself.
func TestCTEReadsTableOfItsName(t *testing.T) {
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{duckdb, "with t as (select * from t where id > 1) select count(*) from t", "2"},
		{bigquery, "with t as (select * from t where id > 1), u as (select * from t) select count(*), min(id) from u", "2|2"},
		{bigquery, "with x as (select 1 as id), t as (select * except (a) from t) select * from t order by id", "1|10\n2|NULL\n3|30"},
		{snowflake, "with t as (select * from t where id > 1) select count(*) from t", "2"},
		{snowflake, "with r as (select 1 as n union all select n + 1 from r where n < 3) select sum(n) from r", "6"},
		{duckdb, "with recursive r as (select 1 as n union all select n + 1 from r where n < 3) select sum(n) from r", "6"},
		{duckdb, "select (with t as (select id from t where id = 3) select max(id) from t)", "3"},
		// a CTE written after the one reading the name is not seen either
		{duckdb, "with a as (select * from t where id > 1), t as (select 9 as id) select count(*), min(id) from a", "2|2"},
		{bigquery, "with a as (select * from t), b as (select count(*) as n from a), t as (select * from b) select n from t", "3"},
		{snowflake, "with a as (select max(id) as m from t), t as (select m + 1 as id from a) select id from t", "4"},
		{snowflake, "with r as (select 1 as n union all select n + 1 from r where n < 3), t as (select sum(n) as id from r) select * from t", "6"},
	} {
		expectRows(t, c.d, c.in, c.want)
	}
	expectTranslated(t, duckdb, "with t as (select * from t) select * from t", `with t as (select * from main.t) select * from t`)
	expectTranslated(t, snowflake, "with a as (select * from b), b as (select * from a) select * from b", `with a as (select * from main.b), b as (select * from a) select * from b`)
}
