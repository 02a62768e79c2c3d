package sqlfunc_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// TestConformance runs each dialect's table of documented examples through
// the translator and a real store, and checks every value.
func TestConformance(t *testing.T) {
	files, err := filepath.Glob("testdata/conformance/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no conformance tables: %v", err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, file := range files {
		// duckdb.models.txt is a second DuckDB table.
		d, err := dialect.Parse(strings.SplitN(filepath.Base(file), ".", 2)[0])
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cases, err := conformance.ParseFile(file)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		t.Run(string(d), func(t *testing.T) {
			for _, c := range cases {
				got, err := run(ctx, db, d, c.Query())
				if session := strings.Contains(strings.ToLower(c.Query()), "alter session"); session {
					// the next case starts with the session's defaults
					if _, err := run(ctx, db, d, "alter session unset week_start, week_of_year_policy"); err != nil {
						t.Fatal(err)
					}
				}
				if words, wantErr := c.WantError(); wantErr {
					if err == nil || !strings.Contains(err.Error(), words) {
						t.Errorf("%s:%d: %s\n  got %v, %v; want an error with %q", file, c.Line, c.Query(), got, err, words)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s:%d: %s\n  %v", file, c.Line, c.Query(), err)
					continue
				}
				want, _ := c.Rows()
				if !conformance.MatchRows(want, got) {
					t.Errorf("%s:%d: %s\n  got  %s\n  want %s", file, c.Line, c.Query(), conformance.Format(got), c.Expected)
				}
			}
		})
	}
}

// run translates sql from d and returns its rows, each value rendered.
func run(ctx context.Context, db *store.DB, d dialect.Dialect, sql string) ([][]string, error) {
	// a PIVOT without IN reads its values from the database
	out, err := dialect.TranslateWith(sql, dialect.Options{Dialect: d, Query: func(q string) ([][]any, error) {
		rows, err := db.QueryLast(ctx, q)
		if err != nil {
			return nil, err
		}
		return rows.Rows, nil
	}})
	if err != nil {
		return nil, err
	}
	var rows *store.Rows
	if lower := strings.ToLower(sql); strings.Contains(lower, "alter session") || strings.Contains(lower, "sequence") ||
		strings.Contains(lower, "autoincrement") || strings.Contains(lower, "identity(") {
		// a script: the session's parameters, the sequences or a table of
		// identity columns, then the query
		rows, err = db.QueryLast(ctx, out)
	} else {
		rows, err = db.Query(ctx, out, 1000)
	}
	if err != nil {
		return nil, err
	}
	return conformance.RenderRows(rows.Rows), nil
}
