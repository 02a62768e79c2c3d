package store

import (
	"context"
	"testing"
)

// Stats counts each statement SQLite runs: every one of a multi-statement
// Exec, a Query, a column listing and a table load.
func TestStatsCountStatements(t *testing.T) {
	db := openMemory(t)
	db.SetTotalDataLimit(0) // no page-count statements before writes: the count is exact
	ctx := context.Background()
	before := db.Stats().Statements
	steps := []struct {
		what string
		run  func() error
		want int
	}{
		{"three statements, one with a ; in a string and a comment", func() error {
			return db.Exec(ctx, "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x;y') -- ; not a statement\n; INSERT INTO t VALUES ('z');")
		}, 3},
		{"a query", func() error { _, err := db.Query(ctx, "SELECT * FROM t", 0); return err }, 1},
		{"a column listing", func() error { _, err := db.Columns(ctx, "main", "t"); return err }, 1},
		{"a table load: the table, its savepoint, insert, release and its statistics", func() error {
			return db.LoadTable(ctx, "main", "u", []string{"a"}, []string{"TEXT"}, [][]any{{"1"}, {"2"}})
		}, 6},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			t.Fatalf("%s: %v", s.what, err)
		}
		got := db.Stats().Statements - before
		if got != s.want {
			t.Errorf("%s: %d statements, want %d", s.what, got, s.want)
		}
		before += got
	}
}

// A loaded table's row count is in sqlite_stat1 for the planner; the
// statistics tables are listed nowhere, temp's neither.
func TestLoadTableRecordsItsSize(t *testing.T) {
	db := openMemory(t)
	ctx := context.Background()
	for _, schema := range []string{"main", "temp"} {
		if err := db.LoadTable(ctx, schema, "u", []string{"a"}, []string{"TEXT"}, [][]any{{"1"}, {"2"}, {"3"}}); err != nil {
			t.Fatal(err)
		}
	}
	tables, err := db.TablesAndTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 2 || tables[0].Name != "u" || tables[1].Name != "u" {
		t.Errorf("tables: %v, want main.u and temp.u", tables)
	}
	r, err := db.Query(ctx, "SELECT stat FROM main.sqlite_stat1 WHERE tbl = 'u'", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 1 || r.Rows[0][0] != "3" {
		t.Errorf("sqlite_stat1 for u: %v, want 3", r.Rows)
	}
}
