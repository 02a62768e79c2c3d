package dialect

import "testing"

// Snowflake's NTH_VALUE(x, n) FROM FIRST is its default, which runs;
// FROM LAST is refused by name, where FROM was read as the FROM clause.
func TestNthValueFrom(t *testing.T) {
	expectTranslated(t, Snowflake, "select nth_value(x, 2) from first over (order by x) as v from t",
		"select nth_value(x, 2)  over (order by x NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) as v from t")
	expectRefused(t, Snowflake, "select nth_value(x, 1) from last over (order by x) as v from t",
		"1:24: NTH_VALUE(x, n) FROM LAST is not supported: SQLite's nth_value counts from the frame's start only ("+refNthFromLast.hint+")")
}
