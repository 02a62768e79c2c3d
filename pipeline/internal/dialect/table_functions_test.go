package dialect

import "testing"

// TestSnowflakeOtherTableFunctionsRefused: TABLE(f(...)) of a table
// function the playground lacks is refused by the function's name, where
// it was read as a FLATTEN and refused for what FLATTEN lacks.
func TestSnowflakeOtherTableFunctionsRefused(t *testing.T) {
	msg := func(at, name string) string {
		return at + ": TABLE(" + name + "(...)) is not supported: of Snowflake's table functions the playground has FLATTEN, SPLIT_TO_TABLE, STRTOK_SPLIT_TO_TABLE and GENERATOR; the others read what it does not keep (the account's query, login and copy history, a former query's result) or are user-defined table functions, which are not inlined (" + refTableFunction.hint + ")"
	}
	for _, c := range []struct{ in, want string }{
		{"select * from table(wh.information_schema.query_history_by_user(end_time_range_start => current_timestamp(), result_limit => 10)) qh", msg("1:15", "WH.INFORMATION_SCHEMA.QUERY_HISTORY_BY_USER")},
		{"select q.query_id from t join table(information_schema.query_history()) q on q.query_id = t.id", msg("1:31", "INFORMATION_SCHEMA.QUERY_HISTORY")},
		{"select * from table(my_udtf(1, 2))", msg("1:15", "MY_UDTF")},
	} {
		expectRefused(t, snowflake, c.in, c.want)
	}
}
