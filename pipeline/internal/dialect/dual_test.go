package dialect

import "testing"

// TestSnowflakeDual: Snowflake's DUAL is a table of one row, where no CTE
// of that name is in scope; other dialects and a qualified name read a
// table dual.
func TestSnowflakeDual(t *testing.T) {
	expectRows(t, snowflake, "select 'Schema x exists' from dual", "Schema x exists")
	expectRows(t, snowflake, "select count(*) from DUAL d where 1 = 1", "1")
	expectRows(t, snowflake, "with dual as (select 2 as n union all select 3) select sum(n) from dual", "5")
	expectTranslated(t, snowflake, "select 1 from s.dual", "select 1 from s.dual")
	expectTranslated(t, duckdb, "select 1 from dual", "select 1 from dual")
}
