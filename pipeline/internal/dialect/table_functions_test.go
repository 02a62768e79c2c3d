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
		// a * REPLACE or EXCLUDE over it is refused once, by the function
		{"select * replace (try_parse_json(query_tag) as query_tag) from table(db.information_schema.query_history_by_user(result_limit => 10)) qh", msg("1:64", "DB.INFORMATION_SCHEMA.QUERY_HISTORY_BY_USER")},
		{"select * exclude (query_text) from table(information_schema.query_history()) q", msg("1:36", "INFORMATION_SCHEMA.QUERY_HISTORY")},
	} {
		expectRefused(t, snowflake, c.in, c.want)
	}
}

// TestOtherInformationSchemaViewsRefused: an INFORMATION_SCHEMA view other
// than TABLES, COLUMNS and SCHEMATA is refused by name in BigQuery and
// Snowflake, where it failed as a missing table to build first.
func TestOtherInformationSchemaViewsRefused(t *testing.T) {
	msg := func(at, view string) string {
		return at + ": INFORMATION_SCHEMA." + view + " is not supported: of INFORMATION_SCHEMA the playground has TABLES, COLUMNS and SCHEMATA, the relations its builds make; the other views hold the warehouse's records of jobs, storage, options and the account, which it does not keep (" + refInformationSchemaView.hint + ")"
	}
	for _, c := range []struct {
		d          Dialect
		in, at, vw string
	}{
		{bigquery, "select job_id from `region-us`.INFORMATION_SCHEMA.JOBS", "1:20", "JOBS"},
		{bigquery, "select * from `proj`.`region-eu`.INFORMATION_SCHEMA.JOBS_BY_PROJECT as j", "1:15", "JOBS_BY_PROJECT"},
		{bigquery, "select * from ds.INFORMATION_SCHEMA.PARTITIONS", "1:15", "PARTITIONS"},
		{snowflake, "select * from information_schema.load_history", "1:15", "LOAD_HISTORY"},
	} {
		expectRefused(t, c.d, c.in, msg(c.at, c.vw))
	}
}
