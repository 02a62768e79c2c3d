package dialect

import "testing"

// A select item's SEQ4 outside GENERATOR numbers the query's rows from 0;
// in WHERE or an aggregate's argument it stays refused.
func TestSeqOutsideGenerator(t *testing.T) {
	expectTranslated(t, snowflake, "select seq4() as id, a from t", "select (row_number() OVER () - 1) as id, a from t")
	expectRows(t, snowflake, "select max(id), count(distinct id) from (select seq8() as id from (select 1 union all select 2 union all select 3))", "2|3")
	const hint = " is not supported (number rows with row_number() over (order by ...) - 1)"
	expectRefused(t, snowflake, "select a from t\nwhere seq4() = 0", "2:7: SEQ4 outside a select item or a query reading TABLE(GENERATOR(...))"+hint)
	expectRefused(t, snowflake, "select sum(seq4()) as s from t", "1:12: SEQ4 outside a select item or a query reading TABLE(GENERATOR(...))"+hint)
}
