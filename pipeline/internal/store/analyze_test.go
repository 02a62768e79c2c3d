package store

import (
	"context"
	"fmt"
	"testing"
)

// AnalyzeContent skips an ANALYZE only when it would record what
// sqlite_stat1 holds: after every step the table's statistics are those a
// real ANALYZE gives, and it ran exactly when the step could change them.
func TestAnalyzeContentSkipsOnlyRepeats(t *testing.T) {
	db := openMemory(t)
	db.SetTotalDataLimit(0) // no page-count statements: the counts are exact
	ctx := context.Background()
	steps := []struct {
		what, sql string
		runs      bool
	}{
		{"the first build", "CREATE TABLE t AS SELECT value AS a FROM generate_series(1, 3); CREATE TABLE u AS SELECT 1 AS b", true},
		{"nothing changed", "", false},
		{"the same rows written again in place", "DELETE FROM t; INSERT INTO t SELECT value FROM generate_series(1, 3)", false},
		{"a row more", "INSERT INTO t VALUES (4)", true},
		{"dropped and made again with the same rows", "DROP TABLE t; CREATE TABLE t AS SELECT value AS a FROM generate_series(1, 4)", true},
		{"another table dropped", "DROP TABLE u", false},
		{"an index", "CREATE INDEX t_a ON t(a)", true},
		{"an index of another table", "CREATE TABLE v AS SELECT 1 AS c; CREATE INDEX v_c ON v(c)", false},
		{"the index dropped", "DROP INDEX t_a", true},
		{"another table analyzed by the project", "ANALYZE v", true},
		{"the statistics written by the project", "DELETE FROM sqlite_stat1 WHERE tbl = 't'", true},
		{"a rollback", "SAVEPOINT x; DELETE FROM t; ROLLBACK TO x; RELEASE x", true},
		{"a column added", "ALTER TABLE t ADD COLUMN z", true},
		{"emptied", "DELETE FROM t", true},
		{"still empty", "", false},
	}
	for _, s := range steps {
		if s.sql != "" {
			if err := db.Exec(ctx, s.sql); err != nil {
				t.Fatalf("%s: %v", s.what, err)
			}
		}
		_, _, _, fp, _, err := db.Fingerprint(ctx, Rel("main", "t"), 1000)
		if err != nil {
			t.Fatal(err)
		}
		before := db.Stats().Statements
		if err := db.AnalyzeContent(ctx, "main", "t", fp); err != nil {
			t.Fatalf("%s: %v", s.what, err)
		}
		if ran := db.Stats().Statements > before; ran != s.runs {
			t.Errorf("%s: ANALYZE ran %v, want %v", s.what, ran, s.runs)
		}
		got := statRows(t, db)
		// what a real ANALYZE records, rolled back so that the next step
		// starts from what AnalyzeContent left
		db.analyzing = true
		if err := db.conn.Exec("SAVEPOINT probe; ANALYZE main.t"); err != nil {
			t.Fatal(err)
		}
		want := statRows(t, db)
		if err := db.conn.Exec("ROLLBACK TO probe; RELEASE probe"); err != nil {
			t.Fatal(err)
		}
		db.analyzing = false
		if got != want {
			t.Errorf("%s: sqlite_stat1 holds %s for t, ANALYZE records %s", s.what, got, want)
		}
	}
}

func statRows(t *testing.T, db *DB) string {
	t.Helper()
	stmt, _, err := db.conn.Prepare("SELECT idx, stat FROM main.sqlite_stat1 WHERE tbl = 't' ORDER BY idx")
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	var out string
	for stmt.Step() {
		out += fmt.Sprintf("[%s %s]", stmt.ColumnText(0), stmt.ColumnText(1))
	}
	return out
}
