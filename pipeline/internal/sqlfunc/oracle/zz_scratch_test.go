package oracle

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func TestScratch(t *testing.T) {
	src, err := os.ReadFile("/tmp/q.sql")
	if err != nil {
		t.Skip()
	}
	duck, _ := sql.Open("duckdb", "")
	duck.Exec("SET TimeZone = 'UTC'")
	ctx := context.Background()
	ours, _ := store.Open(ctx, store.MemoryDSN)
	for _, q := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(q) == "" {
			continue
		}
		theirs, terr := duckRows(duck, q)
		tr, _ := dialect.TranslateFor(dialect.DuckDB, q)
		mine, merr := ourRows(ctx, ours, q)
		t.Logf("\nQ: %s\n  SQLite: %s\n  duck: %s %v\n  ours: %s %v", q, tr, conformance.Format(theirs), terr, conformance.Format(mine), merr)
	}
}
