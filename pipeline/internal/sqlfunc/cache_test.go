package sqlfunc

import (
	"testing"

	"github.com/ncruces/go-sqlite3"
)

// TestPatternsFromData runs REGEXP_CONTAINS with a different pattern on
// every row: each is compiled, answers are right, and the cache stays
// within its bound.
func TestPatternsFromData(t *testing.T) {
	conn, err := sqlite3.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := Register(conn); err != nil {
		t.Fatal(err)
	}
	const n = 3 * cacheLimit
	stmt, _, err := conn.Prepare(`
		with recursive i(n) as (select 1 union all select n + 1 from i where n < ?)
		select count(*) from i where regexp_contains('id-' || n, '^id-' || n || '$')
		  and not regexp_contains('id-' || (n + 1), '^id-' || n || '$')`)
	if err != nil {
		t.Fatal(err)
	}
	defer stmt.Close()
	if err := stmt.BindInt(1, n); err != nil {
		t.Fatal(err)
	}
	if !stmt.Step() {
		t.Fatal(stmt.Err())
	}
	if got := stmt.ColumnInt(0); got != n {
		t.Errorf("%d rows matched their own pattern only, want %d", got, n)
	}
	patterns.mu.Lock()
	size := len(patterns.m)
	patterns.mu.Unlock()
	if size == 0 || size > cacheLimit {
		t.Errorf("the pattern cache holds %d patterns, want 1 to %d", size, cacheLimit)
	}
}
