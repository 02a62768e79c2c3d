package dialect

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

func TestCreate(t *testing.T) {
	translated := []struct {
		d       Dialect
		in, out string
	}{
		{bigquery, "create table if not exists main.x as select a from t", "create table if not exists main.x as select a from t"},
		{bigquery, "create or replace table main.x as select s.f from t", "DROP TABLE IF EXISTS main.x; create   table main.x as select json_extract(s, '$.f') AS f from t"},
		{bigquery, "create or replace table `proj.ds.x`\npartition by date(ts)\ncluster by a\noptions(description='x')\nas (select a from t)", "DROP TABLE IF EXISTS ds.x; create   table ds.x\n\n\n\nas SELECT * FROM (select a from t)"},
		{bigquery, "create temp table x as select 1 as a", "create temp table x as select 1 as a"},
		{snowflake, "create or replace temporary table s.x as select a::int as a from t", "DROP TABLE IF EXISTS temp.x; create   temporary table x as select cast_to(a, 'INTEGER', 'snowflake', 1) as a from t"},
		{snowflake, "create or replace transient table x comment = 'daily' as select 1", "DROP TABLE IF EXISTS x; create    table x  as select 1"},
		{snowflake, "create or replace local temporary table x as select 1", "DROP TABLE IF EXISTS temp.x; create    temporary table x as select 1"},
		{duckdb, "create or replace table x as select 1 as a", "DROP TABLE IF EXISTS x; create   table x as select 1 as a"},
		{duckdb, "create table x (a int, b varchar(3) not null, c int[], d struct(a int), e double precision null, f date)", "create table x (a INTEGER, b TEXT not null, c TEXT, d TEXT, e REAL null, f TEXT)"},
		{bigquery, "create table if not exists x (a int64, b array<struct<c string, d int64>>, e numeric(10, 2))", "create table if not exists x (a INTEGER, b TEXT, e REAL)"},
		// a column's COMMENT (Snowflake) and OPTIONS (BigQuery) change no value
		{snowflake, "create table x (database varchar(100) comment 'db', n number(38, 2) not null comment 'n')", "create table x (database TEXT , n REAL not null )"},
		{bigquery, "create table x (a string options(description='a'), n int64 not null options(description='n'))", "create table x (a TEXT , n INTEGER not null )"},
		{duckdb, "create or replace view v (a) as select 1", "DROP VIEW IF EXISTS v; create   view v (a) as select 1"},
		{snowflake, "create or replace secure view s.v as select 1 as a", "DROP VIEW IF EXISTS s.v; create    view s.v as select 1 as a"},
		{snowflake, "create or replace table s.x clone s.y", "DROP TABLE IF EXISTS s.x; create   table s.x AS SELECT * FROM s.y"},
		{snowflake, "create transient table if not exists x clone y copy grants", "create  table if not exists x AS SELECT * FROM y "},
		{snowflake, "create table x like y", "create table x AS SELECT * FROM y LIMIT 0"},
		{bigquery, "create table `p.d.x` copy `p.d.y`", "create table d.x AS SELECT * FROM d.y"},
		{bigquery, "create table d.x like d.y as select 1 as a", "create table d.x  as select 1 as a"},
		// the tables statements write are names, never struct fields
		{bigquery, "insert into main.x select a from t", "insert into main.x select a from t"},
		{bigquery, "insert into `p.d.x` (a) select 1", "insert into d.x (a) select 1"},
		{bigquery, "delete from main.x where s.f = 1", "delete from main.x where json_extract(s, '$.f') = 1"},
		{bigquery, "drop table if exists main.x", "drop table if exists main.x"},
		{bigquery, "update main.x set a = 1 where b = 2", "update main.x set a = 1 where b = 2"},
		{bigquery, "truncate table main.x", "DELETE FROM  main.x"},
		{snowflake, "truncate s.x", "DELETE FROM s.x"},
		{duckdb, "insert into t(a) values (1) on conflict (a) do update set a = 2", "insert into t(a) values (1) on conflict (a) do update set a = 2"},
		// SET's column = value is an assignment: the value is an
		// expression, the column a name, whatever the value's type
		{bigquery, "update main.x set j = parse_json(s), ts = timestamp('2024-01-01 10:00:00+02') where s is not null", "update main.x set j = json_canonical(json(s)), ts = timestamp_text('2024-01-01 10:00:00+02') where s is not null"},
		{snowflake, "update s.x set ts = to_timestamp_tz('2024-01-01 00:00:00 +02:00'), \"d\" = '2024-01-01'::date where ts is null", "update s.x set ts = to_timestamp_tz_snowflake('2024-01-01 00:00:00 +02:00'), \"d\" = cast_to('2024-01-01', 'DATE', 'snowflake', 1) where ts is null"},
		{duckdb, "insert into t(a) values (1) on conflict (a) do update set ts = '2024-01-01'::timestamptz", "insert into t(a) values (1) on conflict (a) do update set ts = cast_to('2024-01-01', 'TIMESTAMP', 'duckdb', 1)"},
		// t.col of a table the statement names (written, or read by an
		// UPDATE's FROM, a DELETE's USING; ON CONFLICT's excluded) is its
		// column, not a field of a column t
		{duckdb, "delete from t where t.id = 1", "delete from t where t.id = 1"},
		{duckdb, "delete from main.t where main.t.id = 1", "delete from main.t where main.t.id = 1"},
		{duckdb, "update t as x set a = x.b where x.id = 2", "update t as x set a = x.b where x.id = 2"},
		// the alias of the table written takes SQLite's AS; BigQuery's
		// DELETE without FROM takes SQLite's FROM
		{snowflake, "delete from s.t pit where pit.d not in (select d from u snap where snap.a = true)", "delete from s.t AS pit where pit.d not in (select d from u snap where snap.a = true)"},
		{bigquery, "delete `p.s.t` pit where pit.d = 1", "delete FROM s.t AS pit where pit.d = 1"},
		{bigquery, "delete from s.t as pit where pit.d = 1", "delete from s.t as pit where pit.d = 1"},
		{bigquery, "delete s.t where d = 1", "delete FROM s.t where d = 1"},
		// DELETE ... USING (Snowflake, DuckDB): the USING tables in EXISTS
		{snowflake, "delete from t using s where t.id = s.id", "delete from t WHERE EXISTS (SELECT 1 FROM s where t.id = s.id)"},
		{snowflake, "delete from t x using s, u where x.id = s.id and s.k = u.k", "delete from t AS x WHERE EXISTS (SELECT 1 FROM s, u where x.id = s.id and s.k = u.k)"},
		{duckdb, "delete from t using (select 1 as id) q where t.id = q.id", "delete from t WHERE EXISTS (SELECT 1 FROM (select 1 as id) q where t.id = q.id)"},
		// an index is made in its table's schema, which SQLite writes on the index's name
		{duckdb, "create unique index if not exists ix on mart.t (a, lower(b))", "create unique index if not exists mart.ix on t (a, lower_text(b))"},
		{duckdb, "create index ix on \"memory\".\"mart\".\"t\" (a)", "create index mart.ix on t (a)"},
		{duckdb, "create index ix on t (a)", "create index ix on t (a)"},
		{snowflake, "delete from t using s", "delete from t WHERE EXISTS (SELECT 1 FROM s)"},
		// RENAME TO a qualified name in the table's own schema
		{snowflake, "alter table main.u rename to main.u2", "alter table main.u rename to u2"},
		{snowflake, "alter table db.main.u rename to db.main.\"U2\"", "alter table db.main.u rename to \"U2\""},
		// INSERT OVERWRITE INTO (Snowflake): emptied first
		{snowflake, "insert overwrite into t (a) select 1", "DELETE FROM t; insert  into t (a) select 1"},
		{snowflake, "update s.t x set a = x.b where x.id = 2", "update s.t AS x set a = x.b where x.id = 2"},
		{snowflake, "update x set a = y.b from y join z on z.id = y.id where y.id = x.id", "update x set a = y.b from y join z on z.id = y.id where y.id = x.id"},
		{duckdb, "insert into t(a) values (1) on conflict (a) do update set a = excluded.a", "insert into t(a) values (1) on conflict (a) do update set a = excluded.a"},
		{bigquery, "update x set a = 1 where s.f = 2", "update x set a = 1 where json_extract(s, '$.f') = 2"},
	}
	for _, c := range translated {
		expectTranslated(t, c.d, c.in, c.out)
	}
	refused := []struct {
		d        Dialect
		in, want string
	}{
		{snowflake, "create or replace table s.x clone y at (offset => -60)", "1:37: a copy of a table as it was at a past time is not supported by SQLite (" + refCreate.hint + ")"},
		{bigquery, "create table x clone y for system_time as of current_timestamp()", "1:24: a copy of a table as it was at a past time is not supported by SQLite (" + refCreate.hint + ")"},
		{duckdb, "create table x like y", "1:16: this CREATE TABLE is not supported by SQLite (" + refCreate.hint + ")"},
		{duckdb, "create table x (a int primary key)", "1:23: a column constraint other than NOT NULL is not supported by SQLite (" + refCreate.hint + ")"},
		{bigquery, "create table x (a int64) as select 1", "1:1: CREATE TABLE with both column definitions and AS SELECT is not supported by SQLite (" + refCreate.hint + ")"},
		{snowflake, "create or replace table x using template (select array_agg(object_construct(*)) from table(infer_schema(location => '@st/orders/', file_format => 'csv')))", "1:27: CREATE TABLE ... USING TEMPLATE is not supported: it loads or writes files (a stage, a path or an s3://, gs:// or https:// address), which the playground has no access to (" + refFileStatement.hint + ")"},
		{duckdb, "create table x (a frobnicate)", "1:19: unknown type \"frobnicate\" in a cast (" + refUnknown.hint + ")"},
	}
	for _, c := range refused {
		expectRefused(t, c.d, c.in, c.want)
	}
}

// TestCreateRuns runs hooks' DDL twice on SQLite: OR REPLACE replaces, IF
// NOT EXISTS keeps.
func TestCreateRuns(t *testing.T) {
	scripts := []struct {
		d     Dialect
		sql   string
		query string
		want  string
	}{
		{bigquery, "create or replace table main.x as select 1 as a; create or replace table main.x as select 2 as a", "select a from x", "2"},
		{bigquery, "create table if not exists main.x as select 1 as a; create table if not exists main.x as select 2 as a", "select a from x", "1"},
		{snowflake, "create table x as select 5 as a; create or replace temporary table x as select 6 as a", "select (select a from main.x) || ',' || (select a from temp.x)", "5,6"},
		{duckdb, "create or replace view v as select 1 as a; create or replace view v as select 3 as a", "select a from v", "3"},
		{duckdb, "create table x (a int, b varchar); insert into x values (1, '007'); truncate x; insert into x values (2, '008')", "select a, b from x", "2|008"},
		{snowflake, "create table y as select 1 as a, 'b' as b; create or replace table x clone y; create or replace table x clone y; create table z like y", "select (select count(*) || a || b from x) || (select count(*) from z)", "11b0"},
		{bigquery, "create table x (s string, j json); insert into x (s) values ('{\"b\": 1, \"a\": 2}'); update x set j = parse_json(s) where s is not null", "select j from x", `{"a":2,"b":1}`},
		{snowflake, "create table x (ts timestamp_tz); insert into x values (null); update x set ts = to_timestamp_tz('2024-01-01 00:00:00 +02:00')", "select ts from x", "2024-01-01T00:00:00+02:00"},
		{duckdb, "create table x (id int, a int); create table y (id int, b int); insert into x values (1, 0), (2, 0), (3, 0); insert into y values (1, 5); update x set a = y.b from y where y.id = x.id; delete from x where x.id = 2", "select group_concat(id || ':' || a) from x", "1:5,3:0"},
		{snowflake, "create table x (id int, a int); insert into x values (1, 0), (2, 0), (3, 0); delete from x p where p.id not in (select 1 union all select 3); update x q set a = q.id * 2 where q.id = 3", "select group_concat(id || ':' || a) from x", "1:0,3:6"},
		{snowflake, "create table x (id int); create table y (id int, k int); insert into x values (1), (2), (3); insert into y values (1, 7), (1, 8), (3, 0); delete from x using y where x.id = y.id and y.k > 0", "select group_concat(id) from x", "2,3"},
		{duckdb, "create table x (id int); insert into x values (1), (2); delete from x using (select 2 as id) q where x.id = q.id", "select group_concat(id) from x", "1"},
		{duckdb, "create table main.x (id int); insert into x values (1), (2); create unique index if not exists ix on main.x (id); create unique index if not exists ix on main.x (id)", "select count(*) from sqlite_master where type = 'index' and name = 'ix'", "1"},
		{snowflake, "create table x (id int); insert into x values (1), (2); insert overwrite into x select 5 union all select 6", "select group_concat(id) from x", "5,6"},
	}
	for _, s := range scripts {
		sql, err := TranslateWith(s.sql, testOptions(s.d))
		if err != nil {
			t.Errorf("%s: %q: %v", s.d, s.sql, err)
			continue
		}
		conn, err := sqlite3.Open(":memory:")
		if err != nil {
			t.Fatal(err)
		}
		if err := sqlfunc.Register(conn); err != nil {
			t.Fatal(err)
		}
		if err := conn.Exec(sql); err != nil {
			t.Errorf("%s: %q ran as %q: %v", s.d, s.sql, sql, err)
			conn.Close()
			continue
		}
		stmt, _, err := conn.Prepare(s.query)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for stmt.Step() {
			for i := 0; i < stmt.ColumnCount(); i++ {
				if i > 0 {
					got += "|"
				}
				got += stmt.ColumnText(i)
			}
		}
		stmt.Close()
		conn.Close()
		if got != s.want {
			t.Errorf("%s: %q ran as %q: got %q, want %q", s.d, s.sql, sql, got, s.want)
		}
	}
}

func TestCreateSQLite(t *testing.T) {
	expectTranslated(t, sqlite, "create table if not exists log (id integer primary key, at varchar(3) default (1 + 2))", "create table if not exists log (id integer primary key, at varchar(3) default (1 + 2))")
	expectTranslated(t, sqlite, "create or replace table x (id integer primary key)", "DROP TABLE IF EXISTS x; create   table x (id integer primary key)")
}

// A table renamed into another schema would move there, which SQLite's
// ALTER TABLE RENAME cannot do.
func TestRenameToOtherSchema(t *testing.T) {
	expectRefused(t, snowflake, "alter table main.u rename to other.u2",
		"1:30: RENAME TO a table in another schema is not supported: SQLite renames a table within its own schema (create the table in the other schema with CREATE TABLE ... AS SELECT * FROM the old one, then drop the old one)")
}
