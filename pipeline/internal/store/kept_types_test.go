package store

import (
	"context"
	"fmt"
	"runtime"
	"testing"
)

// A file database keeps the types the engine gives it for a reopen, for the
// same dialect, while the relation has the columns it had; a database in
// memory keeps none.
func TestKeptTypes(t *testing.T) {
	ctx := context.Background()
	mem := openMemory(t)
	if err := mem.Exec(ctx, "create table t (a)"); err != nil {
		t.Fatal(err)
	}
	if err := mem.KeepTypes(ctx, "main", "t", "duckdb", `{"a":"DATE"}`); err != nil {
		t.Fatal(err)
	}
	if kept, err := mem.KeptTypes(ctx, "duckdb"); err != nil || len(kept) != 0 {
		t.Fatalf("in memory: %v %v", kept, err)
	}
	if runtime.GOOS == "js" {
		return // file databases are native only
	}
	path := t.TempDir() + "/x.db"
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Exec(ctx, "create table t (a, b); create table u (c)"); err != nil {
		t.Fatal(err)
	}
	if err := db.KeepTypes(ctx, "main", "T", "duckdb", `{"a":"DATE"}`); err != nil {
		t.Fatal(err)
	}
	if err := db.KeepTypes(ctx, "main", "u", "duckdb", `{"c":"BOOL"}`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Exec(ctx, "drop table u; create table u (c, d)"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dialect, want string }{
		{"duckdb", `map[main.t:{"a":"DATE"}]`},
		{"snowflake", `map[]`},
	} {
		kept, err := db.KeptTypes(ctx, c.dialect)
		if got := fmt.Sprint(kept); err != nil || got != c.want {
			t.Errorf("%s: got %s, %v; want %s", c.dialect, got, err, c.want)
		}
	}
	tables, err := db.Tables(ctx)
	if err != nil || len(tables) != 2 {
		t.Errorf("the list of types shows among the tables: %v %v", tables, err)
	}
}
