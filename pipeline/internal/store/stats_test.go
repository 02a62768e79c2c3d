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
		{"a table load: the table, its savepoint, insert and release", func() error {
			return db.LoadTable(ctx, "main", "u", []string{"a"}, []string{"TEXT"}, [][]any{{"1"}, {"2"}})
		}, 5},
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
