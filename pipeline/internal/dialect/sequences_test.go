package dialect

import "testing"

// TestSequencesRefused: DuckDB's sequences are refused by name, with what
// to write instead.
func TestSequencesRefused(t *testing.T) {
	seq := func(at, what string) string {
		return at + ": " + what + " is not supported: a sequence is state kept between statements and runs, which a build here does not keep (" + refSequence.hint + ")"
	}
	for _, c := range []struct{ in, want string }{
		{"create sequence s start 1", seq("1:1", "CREATE SEQUENCE s")},
		{"create or replace temp sequence if not exists main.order_ids increment by 1", seq("1:1", "CREATE SEQUENCE main.order_ids")},
		{"alter sequence s restart with 1", seq("1:1", "ALTER SEQUENCE s")},
		{"drop sequence if exists \"s\"", seq("1:1", "DROP SEQUENCE \"s\"")},
		{"select nextval('s') as id, name from t", seq("1:8", "NEXTVAL")},
		{"select 1\nunion all select currval('main.s')", seq("2:18", "CURRVAL")},
		{"select setval('s', 10)", seq("1:8", "SETVAL")},
	} {
		expectRefused(t, DuckDB, c.in, c.want)
	}
	// Snowflake's too
	expectRefused(t, Snowflake, "create or replace sequence s.seq1 start = 1 increment = 1", seq("1:1", "CREATE SEQUENCE s.seq1"))
	// current_setting of another setting than TimeZone
	expectRefused(t, DuckDB, "select current_setting('threads')",
		"1:8: CURRENT_SETTING of another setting than 'TimeZone' is not supported: the playground has no DuckDB settings ("+refCurrentSetting.hint+")")
	// a table or column of such a name is no such statement
	expectTranslated(t, DuckDB, "create table sequence_numbers as select 1 as sequence", "create table sequence_numbers as select 1 as sequence")
}
