package sqlfunc_test

import (
	"context"
	"fmt"
	"os"
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
		d, err := dialect.Parse(strings.TrimSuffix(filepath.Base(file), ".txt"))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		cases, err := conformance.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		t.Run(string(d), func(t *testing.T) {
			for _, c := range cases {
				got, err := run(ctx, db, d, c.Query())
				if words, wantErr := c.WantError(); wantErr {
					if err == nil || !strings.Contains(err.Error(), words) {
						t.Errorf("%s:%d: %s\n  got %s, %v; want an error with %q", file, c.Line, c.Query(), got, err, words)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s:%d: %s\n  %v", file, c.Line, c.Query(), err)
					continue
				}
				if !conformance.Match(c.Expected, got) {
					t.Errorf("%s:%d: %s\n  got  %s\n  want %s", file, c.Line, c.Query(), got, c.Expected)
				}
			}
		})
	}
}

// run translates sql from d and returns its one value, rendered.
func run(ctx context.Context, db *store.DB, d dialect.Dialect, sql string) (string, error) {
	out, err := dialect.TranslateFor(d, sql)
	if err != nil {
		return "", err
	}
	rows, err := db.Query(ctx, out, 2)
	if err != nil {
		return "", err
	}
	if len(rows.Rows) != 1 || len(rows.Columns) != 1 {
		return "", fmt.Errorf("want one row of one column, got %d rows of %d columns", len(rows.Rows), len(rows.Columns))
	}
	return conformance.Render(rows.Rows[0][0]), nil
}
