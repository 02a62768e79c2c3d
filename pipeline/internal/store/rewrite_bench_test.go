package store

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkRewrite measures what replacing a model's table costs, on a
// small table in an attached schema as a playground model writes it: in
// one savepoint, DROP TABLE and CREATE TABLE ... AS in one Exec
// ("one-exec", as the engine runs a model) or in two ("two-execs"); the
// same rows written into the existing table, which changes no schema
// ("delete-insert"); and the SELECT alone ("select"). Every form runs
// untimed first: in js/wasm the first statements run before the runtime
// has optimised SQLite's code and cost ten times as much, which would
// favour whichever form is timed later.
//
//	go test ./pipeline/internal/store -run '^$' -bench Rewrite
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./pipeline/internal/store -run '^$' -bench Rewrite
func BenchmarkRewrite(b *testing.B) {
	const sel = `SELECT a.id, a.name || '-' || coalesce(o.v, 'x') AS label, lower(a.email) AS email, a.n * 2 AS n2,
		CASE WHEN a.n > 5 THEN 'big' ELSE 'small' END AS size FROM s.src AS a LEFT JOIN s.other AS o ON o.id = a.id WHERE a.id IS NOT NULL`
	forms := []struct {
		name  string
		execs func(rel string) []string
	}{
		{"one-exec", func(rel string) []string {
			return []string{"SAVEPOINT model; DROP TABLE IF EXISTS " + rel + "; CREATE TABLE " + rel + " AS " + sel + "; RELEASE model"}
		}},
		{"two-execs", func(rel string) []string {
			return []string{"SAVEPOINT model; DROP TABLE IF EXISTS " + rel, "CREATE TABLE " + rel + " AS " + sel + "; RELEASE model"}
		}},
		{"delete-insert", func(rel string) []string {
			return []string{"SAVEPOINT model; DELETE FROM " + rel + "; INSERT INTO " + rel + " " + sel + "; RELEASE model"}
		}},
		{"select", func(string) []string { return []string{"SELECT count(*) FROM (" + sel + ")"} }},
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	open := func(b *testing.B) *DB {
		db, err := Open(ctx, MemoryDSN)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.EnsureSchema("s"); err != nil {
			b.Fatal(err)
		}
		setup := "CREATE TABLE s.src (id INTEGER, name TEXT, email TEXT, n INTEGER); CREATE TABLE s.other (id INTEGER, v TEXT);"
		for i := 0; i < 100; i++ {
			setup += fmt.Sprintf("INSERT INTO s.src VALUES (%d, 'n%d', 'E%d@x', %d); INSERT INTO s.other VALUES (%d, 'v%d');", i, i, i, i%10, i, i)
		}
		// Forty tables, as many as a small project's schema holds.
		for i := 0; i < 40; i++ {
			setup += fmt.Sprintf("CREATE TABLE s.t%d AS %s;", i, sel)
		}
		if err := db.Exec(ctx, setup); err != nil {
			b.Fatal(err)
		}
		return db
	}
	run := func(b *testing.B, db *DB, execs []string) {
		for _, q := range execs {
			if err := db.Exec(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	}
	warm := open(b)
	for i := range 100 {
		for _, f := range forms {
			run(b, warm, f.execs(fmt.Sprintf("s.t%d", i%40)))
		}
	}
	warm.Close()
	for _, f := range forms {
		b.Run(f.name, func(b *testing.B) {
			db := open(b)
			defer db.Close()
			i := 0
			for b.Loop() {
				run(b, db, f.execs(fmt.Sprintf("s.t%d", i%40)))
				i++
			}
		})
	}
}
