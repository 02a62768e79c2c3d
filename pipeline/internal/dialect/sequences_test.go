package dialect

import "testing"

// TestSequences: DuckDB's and Snowflake's sequence statements become calls
// of the connection's sequence functions, each sequence named by its
// SQLite schema and its name as the warehouse folds it.
func TestSequences(t *testing.T) {
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{DuckDB, "create sequence s start 1",
			"SELECT sequence_create('duckdb', 'main.s', 's', '', 1, NULL, NULL, NULL, 0) AS status"},
		{DuckDB, "create or replace sequence Order_IDs start with 10 increment by -2 minvalue -10 maxvalue 10 cycle",
			"SELECT sequence_create('duckdb', 'main.order_ids', 'Order_IDs', 'or replace', 10, -2, -10, 10, 1) AS status"},
		{DuckDB, "create sequence if not exists analytics.ids no minvalue no maxvalue no cycle",
			"SELECT sequence_create('duckdb', 'analytics.ids', 'ids', 'if not exists', NULL, NULL, NULL, NULL, 0) AS status"},
		{DuckDB, "drop sequence if exists \"s\"", "SELECT sequence_drop('duckdb', 'main.s', 's', 1) AS status"},
		{DuckDB, "drop sequence main.s", "SELECT sequence_drop('duckdb', 'main.s', 's', 0) AS status"},
		{DuckDB, "select nextval('s') as id, name from t", "select sequence_nextval('duckdb', 'main.s', 's') as id, name from t"},
		{DuckDB, "select 1\nunion all select currval('main.S')", "select 1\nunion all select sequence_currval('duckdb', 'main.s', 'S')"},
		{DuckDB, "select setval('x.s', 10), setval('\"Q\"', 1 + 1, false)",
			"select sequence_setval('duckdb', 'x.s', 's', 10), sequence_setval('duckdb', 'main.q', 'Q', 1 + 1, false)"},
		{DuckDB, "create table t (id integer default nextval('s'), v varchar)",
			"create table t (id INTEGER default (sequence_nextval('duckdb', 'main.s', 's')), v TEXT)"},
		{DuckDB, "insert into t (id, v) values (nextval('s'), 'a')", "insert into t (id, v) values (sequence_nextval('duckdb', 'main.s', 's'), 'a')"},

		{Snowflake, "create or replace sequence s.seq1 start = 1 increment = 1",
			"SELECT sequence_create('snowflake', 's.SEQ1', 'SEQ1', 'or replace', 1, 1, NULL, NULL, 0) AS status"},
		{Snowflake, "create sequence if not exists \"seq\" with start with 0 increment by 5 noorder comment = 'keys'",
			"SELECT sequence_create('snowflake', 'main.seq', 'seq', 'if not exists', 0, 5, NULL, NULL, 0) AS status"},
		{Snowflake, "alter sequence if exists seq1 set increment by = -5", "SELECT sequence_alter('snowflake', 'main.SEQ1', 'SEQ1', 1, -5, NULL, NULL) AS status"},
		{Snowflake, "alter sequence seq1 increment 2", "SELECT sequence_alter('snowflake', 'main.SEQ1', 'SEQ1', 0, 2, NULL, NULL) AS status"},
		{Snowflake, "alter sequence seq1 rename to keys", "SELECT sequence_alter('snowflake', 'main.SEQ1', 'SEQ1', 0, NULL, 'main.KEYS', 'KEYS') AS status"},
		{Snowflake, "alter sequence seq1 set comment = 'x'", "SELECT sequence_alter('snowflake', 'main.SEQ1', 'SEQ1', 0, NULL, NULL, NULL) AS status"},
		{Snowflake, "drop sequence seq1 cascade", "SELECT sequence_drop('snowflake', 'main.SEQ1', 'SEQ1', 0) AS status"},
		{Snowflake, "select seq1.nextval as id, db.sch.\"q\".nextval, v from t",
			"select sequence_nextval('snowflake', 'main.SEQ1', 'SEQ1') as id, sequence_nextval('snowflake', 'db.sch.q', 'q'), v from t"},
		{Snowflake, "insert into t values (seq1.nextval, 'a'), (seq1.nextval, 'b')", "insert into t values (sequence_nextval('snowflake', 'main.SEQ1', 'SEQ1'), 'a'), (sequence_nextval('snowflake', 'main.SEQ1', 'SEQ1'), 'b')"},
		{Snowflake, "insert into t (id, v) select seq1.nextval, v from u", "insert into t (id, v) select sequence_nextval('snowflake', 'main.SEQ1', 'SEQ1'), v from u"},
		{Snowflake, "create table t (id int default analytics.seq1.nextval, v text)",
			"create table t (id INTEGER default (sequence_nextval('snowflake', 'analytics.SEQ1', 'SEQ1')), v TEXT)"},
		// a table or column of such a name is no such statement
		{DuckDB, "create table sequence_numbers as select 1 as sequence", "create table sequence_numbers as select 1 as sequence"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	// SHOW SEQUENCES reads the connection's sequences, with dbt's names
	// of their schemas under a target
	show := func(schema, where string) string {
		return "SELECT NULL AS created_on, s.value ->> 'name' AS name, " + schema + " AS schema_name, 'ANALYTICS' AS database_name, s.value ->> 'next' AS next_value, s.value ->> 'increment' AS interval, NULL AS owner, NULL AS comment FROM json_each(sequence_list()) AS s WHERE 1" + where + " ORDER BY 3, 2"
	}
	opts := Options{Dialect: Snowflake, Schemas: NewSchemas("analytics", "dev", []string{"gold"})}
	for _, c := range []struct{ in, out string }{
		{"show sequences", show("upper(CASE s.value ->> 'schema' WHEN 'main' THEN 'dev' ELSE 'dev_' || s.value ->> 'schema' END)", "")},
		{"show sequences like 'order%' in schema analytics.dev_gold", show("upper(CASE s.value ->> 'schema' WHEN 'main' THEN 'dev' ELSE 'dev_' || s.value ->> 'schema' END)",
			" AND upper(s.value ->> 'name') LIKE upper('order%') AND s.value ->> 'schema' = 'gold'")},
		{"show sequences in database other", show("upper(CASE s.value ->> 'schema' WHEN 'main' THEN 'dev' ELSE 'dev_' || s.value ->> 'schema' END)", " AND 0")},
	} {
		got, err := TranslateWith(c.in, opts)
		if err != nil || got != c.out {
			t.Errorf("%q:\n got  %q, %v\n want %q", c.in, got, err, c.out)
		}
	}
}

// TestIdentityColumns: Snowflake's AUTOINCREMENT and IDENTITY columns draw
// from a counter of their own when an INSERT leaves them out, counting from
// their start again when the table is created anew.
func TestIdentityColumns(t *testing.T) {
	reset := func(schema, table string) string {
		return "SELECT sequence_identity_reset('" + schema + "', '" + table + "') WHERE NOT EXISTS (SELECT 1 FROM " + schema +
			".sqlite_master WHERE type = 'table' AND name = '" + table + "' COLLATE NOCASE); "
	}
	for _, c := range []struct {
		d       Dialect
		in, out string
	}{
		{Snowflake, "create table t (id number autoincrement, v varchar)",
			reset("main", "t") + "create table t (id INTEGER DEFAULT (sequence_identity('main', 't', 'id', 1, 1)), v TEXT)"},
		{Snowflake, "create or replace table analytics.audit (id int identity(100, -5) order not null, v varchar)",
			"DROP TABLE IF EXISTS analytics.audit; " + reset("analytics", "audit") +
				"create   table analytics.audit (id INTEGER DEFAULT (sequence_identity('analytics', 'audit', 'id', 100, -5)) not null, v TEXT)"},
		{Snowflake, "create table if not exists \"Log\" (\"Id\" int autoincrement start 10 increment 2 noorder comment 'key', n int IDENTITY)",
			reset("main", "Log") + "create table if not exists \"Log\" (\"Id\" INTEGER DEFAULT (sequence_identity('main', 'Log', 'id', 10, 2)) , n INTEGER DEFAULT (sequence_identity('main', 'Log', 'n', 1, 1)))"},
		{Snowflake, "create temporary table k (id int autoincrement (1, 1))",
			reset("temp", "k") + "create temporary table k (id INTEGER DEFAULT (sequence_identity('temp', 'k', 'id', 1, 1)))"},
		// a column named so is a column
		{Snowflake, "create table t (identity int, autoincrement int)", "create table t (identity INTEGER, autoincrement INTEGER)"},
	} {
		expectTranslated(t, c.d, c.in, c.out)
	}
	// a form Snowflake has not, DuckDB's, and both a sequence's DEFAULT and
	// AUTOINCREMENT, are refused
	for _, c := range []struct {
		d  Dialect
		in string
	}{
		{Snowflake, "create table t (id int autoincrement start x increment 1)"},
		{Snowflake, "create table t (id int identity(1.5, 1))"},
		{Snowflake, "create table t (id int default s.nextval autoincrement)"},
		{Snowflake, "create table t (id int autoincrement default s.nextval)"},
		{Snowflake, "create table t (id int autoincrement identity)"},
		{DuckDB, "create table t (id integer identity, v varchar)"},
	} {
		if out, err := TranslateFor(c.d, c.in); err == nil {
			t.Errorf("%q: got %q, want a refusal", c.in, out)
		}
	}
}

// TestSequencesRefused: what neither side runs is refused by name, with
// what to write instead.
func TestSequencesRefused(t *testing.T) {
	seq := func(at, what string) string {
		return at + ": " + what + " is not supported (" + refSequence.hint + ")"
	}
	for _, c := range []struct {
		d        Dialect
		in, want string
	}{
		{DuckDB, "create or replace temp sequence if not exists main.order_ids increment by 1", seq("1:19", "CREATE TEMP SEQUENCE")},
		{DuckDB, "create sequence s cache 10", seq("1:19", "CREATE SEQUENCE ... CACHE")},
		{DuckDB, "create sequence s start with x", seq("1:30", "CREATE SEQUENCE START of another value than an integer")},
		{DuckDB, "alter sequence s restart with 1", seq("1:1", "ALTER SEQUENCE")},
		{DuckDB, "select nextval(name) from t", seq("1:8", "NEXTVAL of a name that is not a string constant")},
		{Snowflake, "create sequence s minvalue 3", seq("1:19", "CREATE SEQUENCE ... MINVALUE")},
		{Snowflake, "alter sequence s set tag t = 'x'", seq("1:22", "ALTER SEQUENCE ... TAG")},
	} {
		expectRefused(t, c.d, c.in, c.want)
	}
	// current_setting of another setting than TimeZone
	expectRefused(t, DuckDB, "select current_setting('threads')",
		"1:8: CURRENT_SETTING of another setting than 'TimeZone' is not supported: the playground has no DuckDB settings ("+refCurrentSetting.hint+")")
}
