package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// SchemasIn finds the schemas a statement names: qualifiers that are
// schemas, quoted or not and case aside, and the schemas of the temporary
// views it reads; not names in strings or comments, nor unknown ones.
func TestSchemasIn(t *testing.T) {
	db := openMemory(t)
	for _, s := range []string{"raw", "stg", "Marts"} {
		if err := db.EnsureSchema(s); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	if err := db.Exec(ctx, `create table raw.a (x); create table stg.b (x); create table "Marts".c (x);
		create temp view v1 as select * from raw.a join stg.b using (x);
		CREATE TEMPORARY VIEW IF NOT EXISTS "temp"."v2" AS SELECT * FROM v1 JOIN marts.c USING (x)`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ sql, want string }{
		{"select * from raw.a", "raw"},
		{`select * from "raw"."a" join [stg].b on 1 join ` + "`marts`.c", "Marts raw stg"},
		{"select * from RAW . a", "raw"},
		{"select 'raw.a', x from main.t -- stg.b\n /* marts.c */", ""},
		{"select raw from t", ""},
		{"select * from other.t", ""},
		{"select * from v1", "raw stg"},
		{"select * from V2", "Marts raw stg"},
		{`select * from "v2"`, "Marts raw stg"},
		{"select 1x, raw.x from t raw", "raw"},
	} {
		if got := strings.Join(db.SchemasIn(c.sql), " "); got != c.want {
			t.Errorf("%s: got %q, want %q", c.sql, got, c.want)
		}
	}
}

// A store with more schemas than SQLite attaches at once runs statements on
// any of them: each statement attaches what it names, the schemas used
// longest ago are detached, and a detached schema keeps its rows, in memory
// (natively copied into memdb, in js/wasm memdb from the start) and in
// files, which a reopened file database lists again. A statement naming
// more schemas than attach at once, or one inside a transaction naming a
// detached schema, fails with a message naming them. SQLite's catalog, as
// INFORMATION_SCHEMA reads it, lists every schema.
func TestManySchemas(t *testing.T) {
	ctx := context.Background()
	cases := []struct{ name, dsn string }{{"memory", ":memory:"}}
	if fileDatabases {
		cases = append(cases, struct{ name, dsn string }{"file", filepath.Join(t.TempDir(), "many.db")})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, err := Open(ctx, c.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			max := db.MaxAttached()
			if max != 10 {
				t.Fatalf("SQLite attaches %d schemas here, the tests expect 10", max)
			}
			const n = 16
			name := func(i int) string { return fmt.Sprintf("s%02d", i) }
			for i := range n {
				if err := db.EnsureSchema(name(i)); err != nil {
					t.Fatal(err)
				}
				if err := db.Exec(ctx, fmt.Sprintf("create table %s.t as select %d as i", name(i), i)); err != nil {
					t.Fatal(err)
				}
			}
			if db.attachedCount() != max {
				t.Fatalf("%d schemas attached, want %d", db.attachedCount(), max)
			}
			// every schema's rows, read back after others were detached
			for round := range 2 {
				for i := range n {
					r, err := db.Query(ctx, fmt.Sprintf("select i from %s.t", name(i)), 0)
					if err != nil || r.Rows[0][0].(int64) != int64(i) {
						t.Fatalf("round %d: %s.t: %v %v", round, name(i), r, err)
					}
				}
			}
			// ten schemas in one statement
			var parts []string
			for i := range max {
				parts = append(parts, fmt.Sprintf("select i from %s.t", name(i)))
			}
			r, err := db.Query(ctx, "select sum(i) from ("+strings.Join(parts, " union all ")+")", 0)
			if err != nil || r.Rows[0][0].(int64) != 45 {
				t.Fatalf("ten schemas: %v %v", r, err)
			}
			_, err = db.Query(ctx, "select sum(i) from ("+strings.Join(parts, " union all ")+" union all select i from s15.t)", 0)
			if !errors.Is(err, ErrTooManySchemas) || !strings.Contains(err.Error(), "11 schemas (s00, s01") || !strings.Contains(err.Error(), "at most 10") {
				t.Fatalf("eleven schemas: got %v", err)
			}
			// a temporary view reading detached schemas attaches them
			if err := db.Exec(ctx, "create temp view v as select a.i + b.i as i from s00.t a, s01.t b"); err != nil {
				t.Fatal(err)
			}
			for i := 2; i < 2+max; i++ {
				if _, err := db.Query(ctx, fmt.Sprintf("select * from %s.t", name(i)), 0); err != nil {
					t.Fatal(err)
				}
			}
			if db.attached("s00") || db.attached("s01") {
				t.Fatal("s00 and s01 should have been detached")
			}
			if r, err := db.Query(ctx, "select i from v", 0); err != nil || r.Rows[0][0].(int64) != 1 {
				t.Fatalf("view: %v %v", r, err)
			}
			// inside a transaction nothing can be attached
			if err := db.Use(name(15)); err != nil {
				t.Fatal(err)
			}
			for i := range max {
				db.Use(name(i))
			}
			err = db.Exec(ctx, "savepoint x")
			if err == nil {
				_, err = db.Query(ctx, "select * from s15.t", 0)
				db.Exec(ctx, "rollback to x; release x")
			}
			if err == nil || !strings.Contains(err.Error(), "schema s15 is not attached") {
				t.Fatalf("in a transaction: got %v", err)
			}
			tables, err := db.Tables(ctx)
			if err != nil || len(tables) != n {
				t.Fatalf("tables: %v %v", tables, err)
			}
			for i, tb := range tables {
				if tb.Schema != name(i) || tb.Name != "t" {
					t.Fatalf("tables: %v", tables)
				}
			}
			// INFORMATION_SCHEMA's reads of the catalog see every schema
			for _, c := range []struct{ sql, want string }{
				{"SELECT count(DISTINCT t.schema) || ' ' || count(*) FROM pragma_table_list AS t JOIN pragma_table_info(t.name, t.schema) AS c WHERE t.schema <> 'temp' AND c.name = 'i'", "16 16"},
				{"SELECT count(*) || ' ' || max(d.name) FROM pragma_database_list AS d WHERE d.name <> 'temp'", "17 s15"},
			} {
				for range 2 {
					r, err := db.Query(ctx, c.sql, 0)
					if err != nil || fmt.Sprint(r.Rows[0][0]) != c.want {
						t.Fatalf("%s: %v %v, want %s", c.sql, r, err, c.want)
					}
				}
			}
			files, err := db.Serialize("out")
			if err != nil || len(files) != n+1 {
				t.Fatalf("serialize: %d files, %v", len(files), err)
			}
			if c.name != "file" {
				return
			}
			db.Close()
			again, err := Open(ctx, c.dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			if got := again.Schemas(); len(got) != n+1 || !slices.Contains(got, "s15") {
				t.Fatalf("reopened: %v", got)
			}
			for i := range n {
				r, err := again.Query(ctx, fmt.Sprintf("select i from %s.t", name(i)), 0)
				if err != nil || r.Rows[0][0].(int64) != int64(i) {
					t.Fatalf("reopened %s.t: %v %v", name(i), r, err)
				}
			}
		})
	}
}
