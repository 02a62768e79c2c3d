package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProjectSQLStaysInside: a project's statements cannot attach a file,
// detach a schema, VACUUM INTO a file or change a setting; reads of
// settings and table descriptions still work, and so do the engine's own
// attaches.
func TestProjectSQLStaysInside(t *testing.T) {
	ctx := context.Background()
	db := openMemory(t)
	if err := db.SetDataLimit(8 << 20); err != nil {
		t.Fatal(err)
	}
	if err := db.EnsureSchema("s"); err != nil {
		t.Fatalf("the engine's attach: %v", err)
	}
	if err := db.Exec(ctx, "create table s.t as select 1 as x"); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	outside := filepath.Join(out, "x.db")
	refused := []struct{ sql, what string }{
		{"attach " + Quote(outside) + " as p", "ATTACH (or VACUUM INTO)"},
		{"vacuum into " + Quote(outside), "ATTACH (or VACUUM INTO)"},
		{"vacuum s into " + Quote(outside), "ATTACH (or VACUUM INTO)"},
		{"detach s", "DETACH"},
		{"pragma main.max_page_count=1000000000", "PRAGMA max_page_count = ..."},
		{"PRAGMA s.MAX_PAGE_COUNT = 1000000000", "PRAGMA max_page_count = ..."},
		{"pragma hard_heap_limit=0", "PRAGMA hard_heap_limit = ..."},
		{"pragma journal_mode=off", "PRAGMA journal_mode = ..."},
		{"select 1; attach " + Quote(outside) + " as p", "ATTACH (or VACUUM INTO)"},
	}
	for _, tc := range refused {
		for _, via := range []string{"exec", "query"} {
			if via == "query" && strings.Contains(tc.sql, ";") {
				continue
			}
			var err error
			if via == "exec" {
				err = db.Exec(ctx, tc.sql)
			} else {
				_, err = db.Query(ctx, tc.sql, 0)
			}
			var na *ErrNotAllowed
			if !errors.As(err, &na) || na.What != tc.what {
				t.Errorf("%s %q: got %v, want a refusal of %s", via, tc.sql, err, tc.what)
			}
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("project SQL wrote %s", entries[0].Name())
	}
	for _, sql := range []string{"pragma s.table_info(t)", "pragma page_size", "pragma s.max_page_count", "select * from pragma_table_info('t', 's')", "select count(*) from s.t"} {
		if _, err := db.Query(ctx, sql, 0); err != nil {
			t.Errorf("%q: %v", sql, err)
		}
	}
	// The caps are what the engine set, from the real page size.
	for _, schema := range []string{"main", "s"} {
		r, err := db.Query(ctx, "select (select max_page_count from pragma_max_page_count('"+schema+"')) * (select page_size from pragma_page_size('"+schema+"'))", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Rows[0][0].(int64); got > 8<<20 || got < 8<<20-8192 {
			t.Errorf("%s holds up to %d bytes, want 8 MiB", schema, got)
		}
	}
}

// TestSchemaListStaysBeside: a database whose _nexus_schemas names a file
// elsewhere is refused, not attached.
func TestSchemaListStaysBeside(t *testing.T) {
	nativeFiles(t)
	ctx := context.Background()
	dir := t.TempDir()
	for _, file := range []string{"../x.db", "/tmp/x.db", "sub/x.db", ".x.db", "x.txt"} {
		path := filepath.Join(dir, "main.db")
		os.Remove(path)
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(ctx, "insert into main._nexus_schemas values ('s', "+Quote(file)+")"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = Open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "only a .db file in the same folder is attached") {
			t.Errorf("%q: got %v", file, err)
		}
	}
}
