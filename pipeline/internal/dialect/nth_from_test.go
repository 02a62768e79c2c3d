package dialect

import "testing"

// Snowflake's NTH_VALUE(x, n) FROM FIRST is its default, which runs;
// FROM LAST counts from the frame's end, as nth_value_from_last does.
func TestNthValueFrom(t *testing.T) {
	expectTranslated(t, Snowflake, "select nth_value(x, 2) from first over (order by x) as v from t",
		"select nth_value(x, 2)  over (order by x NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) as v from t")
	expectTranslated(t, Snowflake, "select nth_value(x, 1) from last over (order by x) as v from t",
		"select nth_value_from_last(x, 1)  over (order by x NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) as v from t")
	expectRows(t, Snowflake, "select id, nth_value(b, 1) from last over (order by id) from t order by id", "1|30\n2|30\n3|30")
	expectRows(t, Snowflake, "select id, nth_value(b, 2) from last over (order by id) from t order by id", "1|NULL\n2|NULL\n3|NULL")
	expectRows(t, Snowflake, "select id, nth_value(id, 2) from last over (order by id rows between 1 preceding and current row) from t order by id", "1|NULL\n2|1\n3|2")
	expectRows(t, Snowflake, "select id, nth_value(a, 3) from last over (partition by b is null order by id) from t order by id", "1|NULL\n2|NULL\n3|NULL")
	expectRefused(t, Snowflake, "select nth_value(x, 1) from last ignore nulls over (order by x) as v from t",
		"1:34: NTH_VALUE(...) IGNORE NULLS is not supported by SQLite ("+refIgnoreNulls.hint+")")
}
