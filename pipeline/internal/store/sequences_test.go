package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestSequencesKept: a file database keeps its sequences, so that a build
// in another process goes on from the value the last one stopped at; a
// new session (ResetSession) keeps them too, but forgets currval's value.
func TestSequencesKept(t *testing.T) {
	nativeFiles(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "seq.db")
	open := func() *DB {
		db, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	draw := func(db *DB, sql string) string {
		t.Helper()
		rows, err := db.Query(ctx, sql, 0)
		if err != nil {
			return "error: " + err.Error()
		}
		var out []string
		for _, r := range rows.Rows {
			out = append(out, strings.TrimSpace(fmt.Sprintln(r...)))
		}
		return strings.Join(out, " ")
	}
	db := open()
	if err := db.Exec(ctx, "SELECT sequence_create('duckdb', 'main.s', 's', '', 10, 5, NULL, NULL, 0); SELECT sequence_create('duckdb', 'x.s', 's', '', NULL, NULL, NULL, NULL, 0)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sql, want string }{
		{"SELECT sequence_nextval('duckdb', 'main.s', 's') FROM (VALUES (1), (2))", "10 15"},
		{"SELECT sequence_nextval('duckdb', 'x.s', 's')", "1"},
		{"SELECT sequence_currval('duckdb', 'main.s', 's')", "15"},
	} {
		if got := draw(db, c.sql); got != c.want {
			t.Errorf("%s = %s, want %s", c.sql, got, c.want)
		}
	}
	db.ResetSession()
	if got, want := draw(db, "SELECT sequence_currval('duckdb', 'main.s', 's')"), "error: sqlite3: SQL logic error: Sequence Error: currval: sequence is not yet defined in this session"; got != want {
		t.Errorf("currval in a new session = %s, want %s", got, want)
	}
	if got := draw(db, "SELECT sequence_nextval('duckdb', 'main.s', 's')"); got != "20" {
		t.Errorf("nextval in a new session = %s, want 20", got)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = open()
	defer db.Close()
	if got := draw(db, "SELECT sequence_nextval('duckdb', 'main.s', 's'), sequence_nextval('duckdb', 'x.s', 's')"); got != "25 2" {
		t.Errorf("nextval after reopening = %s, want 25 2", got)
	}
	if got := draw(db, "SELECT name, next FROM main._nexus_sequences ORDER BY name"); got != "main.s 30 x.s 3" {
		t.Errorf("kept = %s", got)
	}
	// the table is the engine's: no relation of the project
	tables, err := db.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if strings.Contains(tb.Name, "sequences") {
			t.Errorf("listed %s.%s", tb.Schema, tb.Name)
		}
	}
}

// TestSequencesDroppedWithSchema: dropping a schema drops its sequences,
// and no other schema's.
func TestSequencesDroppedWithSchema(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	if err := db.EnsureSchema("staging"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "SELECT sequence_create('snowflake', 'staging.S', 'S', '', NULL, NULL, NULL, NULL, 0); SELECT sequence_create('snowflake', 'main.S', 'S', '', NULL, NULL, NULL, NULL, 0)"); err != nil {
		t.Fatal(err)
	}
	if err := db.DropSchema("staging"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Query(ctx, "SELECT sequence_nextval('snowflake', 'staging.S', 'S')", 0); err == nil || !strings.Contains(err.Error(), "Object 'S' does not exist or not authorized.") {
		t.Errorf("the dropped schema's sequence: %v", err)
	}
	rows, err := db.Query(ctx, "SELECT sequence_nextval('snowflake', 'main.S', 'S')", 0)
	if err != nil || len(rows.Rows) != 1 || rows.Rows[0][0] != int64(1) {
		t.Errorf("main's sequence: %v, %v", rows, err)
	}
	rows, err = db.Query(ctx, "SELECT name FROM main._nexus_sequences", 0)
	if err != nil || len(rows.Rows) != 1 || rows.Rows[0][0] != "main.S" {
		t.Errorf("kept: %v, %v", rows, err)
	}
}

// TestIdentityKept: an identity column's counter is kept with the
// sequences, so that a build in another process goes on counting into the
// table that is there; once the table is dropped, one created again under
// its name counts from its start.
func TestIdentityKept(t *testing.T) {
	nativeFiles(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "identity.db")
	// CREATE TABLE IF NOT EXISTS t (id int identity(5, 5), v varchar), as
	// the dialect writes it
	const create = "SELECT sequence_identity_reset('main', 't') WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 't' COLLATE NOCASE); " +
		"CREATE TABLE IF NOT EXISTS t (id INTEGER DEFAULT (sequence_identity('main', 't', 'id', 5, 5)), v TEXT)"
	ids := func(db *DB) string {
		t.Helper()
		rows, err := db.Query(ctx, "SELECT group_concat(id, ' ') FROM (SELECT id FROM t ORDER BY id)", 0)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(rows.Rows[0][0])
	}
	for i, want := range []string{"5 10", "5 10 15 20"} {
		db, err := Open(ctx, file)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, create+"; INSERT INTO t (v) VALUES ('a'), ('b')"); err != nil {
			t.Fatal(err)
		}
		if got := ids(db); got != want {
			t.Errorf("build %d: ids %s, want %s", i+1, got, want)
		}
		if i == 1 {
			if err := db.Exec(ctx, "DROP TABLE t; "+create+"; INSERT INTO t (v) VALUES ('c')"); err != nil {
				t.Fatal(err)
			}
			if got := ids(db); got != "5" {
				t.Errorf("after the table was dropped: ids %s, want 5", got)
			}
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSequencesKeptAfterRollback: a savepoint rolled back after a
// statement in it drew from a sequence undoes the write of the counters,
// not the values drawn (neither warehouse gives them back): the counters
// are written again after the rollback, so the database keeps what the
// connection counts and a later build draws no value twice.
func TestSequencesKeptAfterRollback(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	kept := func() string {
		t.Helper()
		rows, err := db.Query(ctx, "SELECT group_concat(name || ' ' || next, ', ') FROM (SELECT name, next FROM main._nexus_sequences ORDER BY name)", 0)
		if err != nil {
			return "error: " + err.Error()
		}
		return fmt.Sprint(rows.Rows[0][0])
	}
	if err := db.Exec(ctx, "SELECT sequence_create('snowflake', 'main.S', 'S', '', NULL, NULL, NULL, NULL, 0)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, draw, rollback, want string }{
		{"a model rolled back", "SELECT sequence_nextval('snowflake', 'main.S', 'S') FROM (VALUES (1), (2))", "ROLLBACK TO model; RELEASE model", "main.S 3"},
		{"a sequence created", "SELECT sequence_create('snowflake', 'main.T', 'T', '', 5, NULL, NULL, NULL, 0)", "rollback to model; release model", "main.S 3, main.T 5"},
		{"an identity column drawn", "CREATE TABLE t (id INTEGER DEFAULT (sequence_identity('main', 't', 'id', 1, 1))); INSERT INTO t DEFAULT VALUES", "ROLLBACK TO model; RELEASE model", "main.#t#id 2, main.S 3, main.T 5"},
	} {
		if err := db.Exec(ctx, "SAVEPOINT model"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.QueryLast(ctx, c.draw); err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, c.rollback); err != nil {
			t.Fatal(err)
		}
		if got := kept(); got != c.want {
			t.Errorf("%s: kept %s, want %s", c.name, got, c.want)
		}
	}
}
