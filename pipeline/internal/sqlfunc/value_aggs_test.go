package sqlfunc_test

import (
	"context"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// DuckDB's mad, sem and approx_quantile of dates or timestamps give an
// INTERVAL or a timestamp there: here they fail saying what to write,
// where they would have left the values out and answered NULL.
func TestValueAggregatesRefuseTimestamps(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, agg := range []string{"mad(x)", "sem(x)", "approx_quantile(x, 0.5)"} {
		q := "select " + agg + " from (values (timestamp '2024-01-01'), (timestamp '2024-01-03')) t(x)"
		out, err := dialect.TranslateFor(dialect.DuckDB, q)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Query(ctx, out, 1)
		if err == nil || !strings.Contains(err.Error(), "takes numbers") || !strings.Contains(err.Error(), "epoch(x)") {
			t.Errorf("%s: %v; want an error saying it takes numbers", q, err)
		}
	}
}
