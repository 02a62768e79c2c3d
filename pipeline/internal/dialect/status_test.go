package dialect

import (
	"reflect"
	"testing"
)

func TestStatusOf(t *testing.T) {
	cases := []struct {
		d       Dialect
		sql     string
		columns []string
		row     []any // with 7 rows written
	}{
		{Snowflake, "create table t (a int)", []string{"status"}, []any{"Table T successfully created."}},
		{Snowflake, "CREATE OR REPLACE TRANSIENT TABLE db.s.orders AS SELECT 1 AS x", []string{"status"}, []any{"Table ORDERS successfully created."}},
		{Snowflake, `create temporary table "Mixed" (a int)`, []string{"status"}, []any{"Table Mixed successfully created."}},
		{Snowflake, "create schema analytics.backup clone analytics.dev", []string{"status"}, []any{"Schema BACKUP successfully created."}},
		{Snowflake, "create or replace secure view v as select 1", []string{"status"}, []any{"View V successfully created."}},
		{Snowflake, "drop table s.t", []string{"status"}, []any{"T successfully dropped."}},
		{Snowflake, "drop schema analytics.old cascade", []string{"status"}, []any{"OLD successfully dropped."}},
		{Snowflake, "alter table t add column b int", []string{"status"}, []any{"Statement executed successfully."}},
		{Snowflake, "insert into t values (1)", []string{"number of rows inserted"}, []any{int64(7)}},
		{Snowflake, "insert overwrite into t select 1", []string{"number of rows inserted"}, []any{int64(7)}},
		{Snowflake, "update t set a = 1", []string{"number of rows updated", "number of multi-joined rows updated"}, []any{int64(7), int64(0)}},
		{Snowflake, "delete from t where a = 1", []string{"number of rows deleted"}, []any{int64(7)}},
		// the last statement of a script answers; comments and literals hold no statement
		{Snowflake, "select ';'; -- drop table x;\n/* ; */ drop table y;\n", []string{"status"}, []any{"Y successfully dropped."}},
		{Snowflake, "// a comment; drop table x\ncreate table s.\"Say \"\"hi\"\"\" (a int)", []string{"status"}, []any{`Table Say "hi" successfully created.`}},
		// not shown by the documentation, or depending on what existed: no rows
		{Snowflake, "create table if not exists t (a int)", nil, nil},
		{Snowflake, "drop table if exists t", nil, nil},
		{Snowflake, "drop view v", nil, nil},
		{Snowflake, "merge into t using s on t.a = s.a when matched then delete", nil, nil},
		{Snowflake, "insert all into t values (1) select 1", nil, nil},
		{Snowflake, "create materialized view v as select 1", nil, nil},
		{Snowflake, "select 1", nil, nil},
		{BigQuery, "create table t (a int64)", nil, nil},
		{DuckDB, "insert into t values (1)", nil, nil},
	}
	for _, c := range cases {
		s, ok := StatusOf(c.d, c.sql)
		if ok != (c.columns != nil) {
			t.Errorf("%s %q: status %v, want %v", c.d, c.sql, ok, c.columns != nil)
			continue
		}
		if !ok {
			continue
		}
		if got := s.Rows(7); !reflect.DeepEqual(s.Columns, c.columns) || !reflect.DeepEqual(got, c.row) {
			t.Errorf("%s %q: %v %v, want %v %v", c.d, c.sql, s.Columns, got, c.columns, c.row)
		}
	}
}
