package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestTotalDataLimit: the cap on all schemas together stops a statement
// that each schema's own cap would let through, names the total and what
// to do, leaves every schema usable, and project SQL cannot lift it.
func TestTotalDataLimit(t *testing.T) {
	ctx := context.Background()
	db := openCapped(t, "a", "b", "c")
	// About 5 MB each: under a schema's 8 MB, but three pass the 12 MB total.
	const fill = " as with recursive r(n) as (select 1 union all select n + 1 from r limit 45000) select hex(randomblob(50)) as x from r"
	for _, s := range []string{"a", "b"} {
		if err := db.Exec(ctx, "create table "+s+".t"+fill); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	err := db.Exec(ctx, "create table c.t"+fill)
	if !errors.Is(err, ErrDataLimit) || !strings.Contains(err.Error(), "all schemas together") {
		t.Fatalf("third schema: got %v, want the total cap", err)
	}
	for _, want := range []string{"all schemas together may hold up to 12 MB", "build fewer rows"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	// Project SQL cannot raise a schema's cap.
	if err := db.Exec(ctx, "PRAGMA c.max_page_count=1000000"); err == nil {
		t.Errorf("PRAGMA max_page_count from project SQL was allowed")
	}
	// A schema's tables are memory until the session ends: a table dropped
	// leaves its pages to that schema, which builds into them again (a
	// rebuild), while the total stays where it was for the others.
	if err := db.Exec(ctx, "drop table a.t"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "create table a.t"+fill); err != nil {
		t.Fatalf("rebuilding a dropped table in its schema: %v", err)
	}
	if err := db.Exec(ctx, "create table c.t"+fill); !errors.Is(err, ErrDataLimit) || !strings.Contains(err.Error(), "all schemas together") {
		t.Fatalf("third schema again: got %v, want the total cap", err)
	}
	r, err := db.Query(ctx, "select count(*) from b.t", 0)
	if err != nil || r.Rows[0][0].(int64) != 45000 {
		t.Fatalf("schema unusable after the limit: %v %v", r, err)
	}
	// Without a total, each schema's own cap is all that applies.
	if err := db.SetTotalDataLimit(0); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "create table c.t"+fill); err != nil {
		t.Fatalf("without a total: %v", err)
	}
}

// TestPageCountsFromFiles: the page counts shareTotal reads from the memdb
// files' sizes (js/wasm, outside a transaction) are SQLite's own, after
// tables are created, filled, dropped and refilled, and after a statement
// the cap stopped was rolled back; inside a transaction SQLite is asked.
func TestPageCountsFromFiles(t *testing.T) {
	ctx := context.Background()
	db := openCapped(t, "a", "b")
	check := func(when string) {
		t.Helper()
		names := db.Schemas()
		want, err := db.queryPageCounts(names)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := db.filePageCounts(names)
		if !ok {
			if runtime.GOOS == "js" {
				t.Fatalf("%s: the memdb files' sizes were not read", when)
			}
			return // natively in-memory databases are SQLite's own, not files
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: page counts from the files %v, from SQLite %v", when, got, want)
		}
	}
	check("empty")
	const fill = " as with recursive r(n) as (select 1 union all select n + 1 from r limit %d) select hex(randomblob(50)) as x from r"
	steps := []string{
		"create table a.t" + fmt.Sprintf(fill, 100),
		"create table b.t" + fmt.Sprintf(fill, 20000),
		"insert into a.t select x from b.t",
		"drop table b.t",
		"create table b.u" + fmt.Sprintf(fill, 5000),
		"create table main.m (x)",
	}
	for _, sql := range steps {
		if err := db.Exec(ctx, sql); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		check(sql)
	}
	if err := db.Exec(ctx, "create table b.big"+fmt.Sprintf(fill, 200000)); !errors.Is(err, ErrDataLimit) {
		t.Fatalf("a table past the cap: %v", err)
	}
	check("after a statement past the cap")
	// Inside a transaction the files may lag the pages: SQLite is asked.
	if err := db.Exec(ctx, "SAVEPOINT s; create table a.v"+fmt.Sprintf(fill, 3000)); err != nil {
		t.Fatal(err)
	}
	if _, ok := db.filePageCounts(db.Schemas()); ok {
		t.Errorf("page counts were read from the files inside a transaction")
	}
	if err := db.Exec(ctx, "RELEASE s"); err != nil {
		t.Fatal(err)
	}
	check("after the transaction")
}

// openCapped opens an in-memory database capping each schema at 8 MB and all
// together at 12 MB, with schemas attached.
func openCapped(t *testing.T, schemas ...string) *DB {
	t.Helper()
	db := openMemory(t)
	if err := db.SetDataLimit(8 << 20); err != nil {
		t.Fatal(err)
	}
	if err := db.SetTotalDataLimit(12 << 20); err != nil {
		t.Fatal(err)
	}
	for _, s := range schemas {
		if err := db.EnsureSchema(s); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// A savepoint's RELEASE takes no page, so the caps are not shared out
// again before it: inside the transaction that would ask SQLite for the
// page counts, a statement more. Every statement that writes still has
// them shared out before it, so the cap still stops a statement after it.
func TestReleaseSharesNoCaps(t *testing.T) {
	ctx := context.Background()
	db := openCapped(t, "a")
	const fill = " as with recursive r(n) as (select 1 union all select n + 1 from r limit %d) select hex(randomblob(50)) as x from r"
	if err := db.Exec(ctx, "SAVEPOINT model; create table a.t"+fmt.Sprintf(fill, 3000)); err != nil {
		t.Fatal(err)
	}
	before := db.Stats().Statements
	if err := db.Exec(ctx, "RELEASE model"); err != nil {
		t.Fatal(err)
	}
	if n := db.Stats().Statements - before; n != 1 {
		t.Errorf("RELEASE ran %d statements, want 1", n)
	}
	if err := db.Exec(ctx, "create table a.big"+fmt.Sprintf(fill, 200000)); !errors.Is(err, ErrDataLimit) {
		t.Fatalf("a table past the cap after the release: %v", err)
	}
}
