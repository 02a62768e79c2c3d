package store

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
)

// openMemory opens an in-memory store closed when the test ends.
// nativeFiles skips a test of file databases under js/wasm, whose build
// keeps databases in memory and refuses files (TestCLIMemoryOnlyInWasm).
func nativeFiles(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("file databases are native only; the js/wasm build refuses them (TestCLIMemoryOnlyInWasm)")
	}
}

func openMemory(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A statement that would exhaust memory fails with a message naming the
// limit, and the connection keeps working.
func TestMemoryLimit(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	if err := db.SetMemoryLimit(32 << 20); err != nil {
		t.Fatal(err)
	}
	_, err := db.Query(ctx, "with recursive r(n) as (select 1 union all select n + 1 from r limit 3000000) select length(group_concat(hex(randomblob(100)))) from r", 0)
	if !errors.Is(err, ErrOutOfMemory) || err.Error() != "out of memory: the statement needed more than the 32 MB memory limit (look for a recursive CTE without a stop or a large cross join)" {
		t.Fatalf("got %v", err)
	}
	err = db.Exec(ctx, "create table big as with recursive r(n) as (select 1 union all select n + 1 from r limit 3000000) select hex(randomblob(100)) as x from r")
	if !errors.Is(err, ErrOutOfMemory) {
		t.Fatalf("exec: got %v", err)
	}
	// a statement too large to prepare, as the engine prepares a failed
	// statement again to find its line
	if _, err := db.PrepareError("select '" + strings.Repeat("x", 40<<20) + "'"); !errors.Is(err, ErrOutOfMemory) {
		t.Fatalf("prepare: got %v", err)
	}
	r, err := db.Query(ctx, "select 6 * 7", 0)
	if err != nil || r.Rows[0][0].(int64) != 42 {
		t.Fatalf("connection unusable after the limit: %v %v", r, err)
	}
}

// A compound SELECT of more inputs than SQLite's stack here codes is
// refused with SQLite's error, where it crashed the process; one of
// maxCompound inputs runs, and the connection stays usable.
func TestCompoundLimit(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	chain := func(n int) string {
		return "create table t" + strings.Repeat("x", n%7) + " as " + strings.TrimSuffix(strings.Repeat("select 1 as a union all ", n), " union all ")
	}
	if err := db.Exec(ctx, chain(maxCompound)); err != nil {
		t.Fatalf("%d inputs: %v", maxCompound, err)
	}
	err := db.Exec(ctx, chain(250))
	if err == nil || !strings.Contains(err.Error(), "too many terms in compound SELECT") {
		t.Fatalf("250 inputs: got %v", err)
	}
	r, err := db.Query(ctx, "select 6 * 7", 0)
	if err != nil || r.Rows[0][0].(int64) != 42 {
		t.Fatalf("connection unusable after the limit: %v %v", r, err)
	}
}

// A statement that would grow an in-memory database past the data limit
// fails with a message naming the limit; the schema keeps its tables.
func TestDataLimit(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	if err := db.SetDataLimit(8 << 20); err != nil {
		t.Fatal(err)
	}
	if err := db.EnsureSchema("s"); err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "create table s.small as select 1 as x"); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"s.big", "main.big"} {
		err := db.Exec(ctx, "create table "+target+" as with recursive r(n) as (select 1 union all select n + 1 from r limit 200000) select hex(randomblob(50)) as x from r")
		if !errors.Is(err, ErrDataLimit) || err.Error() != "database full: a schema may hold up to 8 MB of tables here (look for a join that multiplies rows, or build fewer rows)" {
			t.Fatalf("%s: got %v", target, err)
		}
	}
	r, err := db.Query(ctx, "select count(*) from s.small", 0)
	if err != nil || r.Rows[0][0].(int64) != 1 {
		t.Fatalf("schema unusable after the limit: %v %v", r, err)
	}
}

// Schemas are attached databases; a file database lists them so a reopen
// attaches them again.
func TestSchemasReopen(t *testing.T) {
	nativeFiles(t)
	ctx := context.Background()
	path := t.TempDir() + "/x.db"
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.EnsureSchema("marts"); err != nil {
		t.Fatal(err)
	}
	if err := db.LoadTable(ctx, "marts", "t", []string{"id", "name"}, []string{"INTEGER", "TEXT"}, [][]any{{int64(1), "a"}, {int64(2), nil}}); err != nil {
		t.Fatal(err)
	}
	// a schema named by digits (a project's +schema: "2023") is
	// attached again too
	if err := db.EnsureSchema("2023"); err != nil {
		t.Fatal(err)
	}
	if err := db.LoadTable(ctx, "2023", "t", []string{"id"}, []string{"INTEGER"}, [][]any{{int64(7)}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r, err := db.Query(ctx, "select id, name from marts.t order by id", 0)
	if err != nil || len(r.Rows) != 2 || r.Rows[1][1] != nil || r.Types[0] != "INTEGER" {
		t.Fatalf("got %+v %v", r, err)
	}
	if r, err := db.Query(ctx, `select id from "2023".t`, 0); err != nil || len(r.Rows) != 1 {
		t.Fatalf("schema 2023 reopened: got %+v %v", r, err)
	}
	for _, bad := range []string{"temp", "a-b", "a.b", ""} {
		if bad == "" {
			continue
		}
		if err := db.EnsureSchema(bad); err == nil {
			t.Errorf("schema %q accepted", bad)
		}
	}
}

// A hook's DROP SCHEMA and CREATE SCHEMA of the target's own schema, main,
// leave the file database one that opens again.
func TestDropMainSchemaReopen(t *testing.T) {
	nativeFiles(t)
	ctx := context.Background()
	path := t.TempDir() + "/x.db"
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DropSchema("main"); err != nil {
		t.Fatal(err)
	}
	if err := db.EnsureSchema("main"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening after main was dropped and made again: %v", err)
	}
	db.Close()
}

// A result is cut at MaxResultBytes even when no row limit is given.
func TestResultByteCap(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	r, err := db.Query(ctx, "with recursive r(n) as (select 1 union all select n + 1 from r limit 100) select n, zeroblob(1048576) from r", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Truncated || len(r.Rows) > MaxResultBytes>>20+1 {
		t.Fatalf("truncated %v after %d rows", r.Truncated, len(r.Rows))
	}
}

// Schemas whose names differ only in case (STG, stg) are one schema,
// attached once under the spelling it was made with, as SQLite's database
// names and Snowflake's and DuckDB's schemas are one name in any case.
func TestSchemaNamesInAnyCase(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{"STG", "stg", "Stg", "MAIN"} {
		if err := db.EnsureSchema(s); err != nil {
			t.Fatalf("EnsureSchema(%q): %v", s, err)
		}
		if !db.HasSchema(s) {
			t.Errorf("HasSchema(%q) is false after EnsureSchema", s)
		}
	}
	if err := db.LoadTable(ctx, "stg", "t", []string{"id"}, []string{"INTEGER"}, [][]any{{int64(1)}}); err != nil {
		t.Fatal(err)
	}
	if r, err := db.Query(ctx, "select id from STG.t", 0); err != nil || len(r.Rows) != 1 {
		t.Fatalf("STG.t: %+v %v", r, err)
	}
	if got := db.Schemas(); len(got) != 2 {
		t.Errorf("schemas %v, want main and STG", got)
	}
}
