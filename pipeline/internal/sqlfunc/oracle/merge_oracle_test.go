package oracle

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// mergeCases are DuckDB MERGE statements, each run on the table
// merge_t (id, name, v) holding (1, 'a', 10), (2, 'b', 20), (3, 'c', 30),
// with merge_s (id, name, v) holding (2, 'B', 200), (4, 'D', 400).
var mergeCases = []struct {
	sql string
	// fails: DuckDB refuses the statement, and so must we, leaving
	// the table as it was
	fails bool
}{
	{sql: "merge into merge_t t using merge_s s on s.id = t.id when matched then update set name = s.name, v = t.v + s.v when not matched then insert values (s.id, s.name, s.v)"},
	{sql: "merge into merge_t using merge_s using (id) when matched then update when not matched then insert"},
	{sql: "merge into merge_t using merge_s using (id) when matched then update set * when not matched then insert *"},
	{sql: "merge into merge_t t using merge_s s on s.id = t.id when matched and t.v > 100 then delete when matched and s.v > 100 then update set v = 0 when not matched and s.v > 1000 then insert values (s.id, 'big', s.v) when not matched then insert (id, name) values (s.id, lower(s.name))"},
	{sql: "merge into merge_t t using (select id + 1 as id, v from merge_t) s on t.id = s.id when matched then update set v = s.v when not matched then insert (id, name, v) values (s.id, 'new', s.v)"},
	{sql: "merge into merge_t t using merge_s s on s.id = t.id when not matched by source and t.v > 15 then update set v = t.v + 1 when not matched by source then delete"},
	{sql: "merge into merge_t t using merge_s s on s.id = t.id when matched then do nothing when not matched then insert by name"},
	{sql: "merge into merge_t using (select 'n' as name, 9 as v, 1 as id) as s using (id) when matched then update by name"},
	{sql: "merge into merge_t t using (select 7 as id, '5.7' as v) s on s.id = t.id when not matched then insert (id, v) values (s.id, s.v)"},
	{sql: "merge into merge_t t using (select 2 as id, '5.7' as v) s on s.id = t.id when matched then update set v = s.v"},
	{sql: "merge into merge_t t using (select 1 as id, 5 as v union all select 1, 6) s on s.id = t.id when matched and s.v = 5 then update set v = s.v"},
	{sql: "merge into merge_t t using (select 1 as id, 5 as v union all select 1, 6) s on s.id = t.id when matched then update set v = s.v", fails: true},
	{sql: "merge into merge_t t using (select 1 as id, 5 as v union all select 1, 6) s on s.id = t.id when matched then delete", fails: true},
	{sql: "merge into merge_t t using merge_s s on s.id = t.id when not matched then insert values (s.id, s.name, s.v) when matched then error 'boom'", fails: true},
}

// TestMergeAgrees runs each MERGE on DuckDB and, translated, on SQLite, and
// compares the target's rows after it.
func TestMergeAgrees(t *testing.T) {
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	ctx := context.Background()
	ours, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	const setup = "drop table if exists merge_t; drop table if exists merge_s; " +
		"create table merge_t (id integer, name varchar, v integer); insert into merge_t values (1, 'a', 10), (2, 'b', 20), (3, 'c', 30); " +
		"create table merge_s (id integer, name varchar, v integer); insert into merge_s values (2, 'B', 200), (4, 'D', 400)"
	const read = "select * from merge_t order by id, v"
	columns := func(schema, table string) ([]string, error) {
		cols, err := ours.Columns(ctx, schema, table)
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name
		}
		return names, err
	}
	// the static types of the declared column types, as the engine gives
	// those of the tables it builds
	types := func(schema, table string) map[string]string {
		cols, _ := ours.Columns(ctx, schema, table)
		out := map[string]string{}
		for _, c := range cols {
			if typ := dialect.StaticType(dialect.DuckDB, c.Type); typ != "" {
				out[strings.ToLower(c.Name)] = typ
			}
		}
		return out
	}
	for _, c := range mergeCases {
		if _, err := duck.Exec(setup); err != nil {
			t.Fatal(err)
		}
		_, theirErr := duck.Exec(c.sql)
		theirs, err := duckRows(duck, read)
		if err != nil {
			t.Fatal(err)
		}
		if err := ours.Exec(ctx, setup); err != nil {
			t.Fatal(err)
		}
		out, myErr := dialect.TranslateWith(c.sql, dialect.Options{Dialect: dialect.DuckDB, Columns: columns, Types: types})
		if myErr == nil {
			_, myErr = ours.QueryLast(ctx, out)
		}
		rows, err := ours.Query(ctx, read, 100)
		if err != nil {
			t.Fatal(err)
		}
		mine := conformance.RenderRows(rows.Rows)
		if (theirErr != nil) != c.fails || (myErr != nil) != c.fails {
			t.Errorf("%s\n  want it to fail: %v; DuckDB: %v; ours: %v", c.sql, c.fails, theirErr, myErr)
		}
		if conformance.Format(theirs) != conformance.Format(mine) {
			t.Errorf("%s\n  DuckDB leaves %s\n  we leave %s\n  as %s", c.sql, conformance.Format(theirs), conformance.Format(mine), strings.TrimSpace(out))
		}
	}
}
