// Package oracle runs the DuckDB conformance table on DuckDB itself and on
// the project's SQLite, and checks that both give the table's values. It is
// its own module: DuckDB needs cgo, and the project's module must stay
// pure Go so that its js/wasm build never sees it.
package oracle

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func TestDuckDBAgrees(t *testing.T) {
	f, err := os.Open("../testdata/conformance/duckdb.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := conformance.Parse(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	// DuckDB's sessions are in the machine's zone unless told: the project
	// keeps every timestamp in UTC.
	if _, err := duck.Exec("SET TimeZone = 'UTC'"); err != nil {
		t.Fatal(err)
	}
	// DuckDB 2.0 refuses the x -> e lambdas every 1.x release takes (and
	// dbt packages written for 1.x use); the table follows 1.x.
	if _, err := duck.Exec("SET lambda_syntax = 'ENABLE_SINGLE_ARROW'"); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ours, err := store.Open(ctx, store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()

	for _, c := range cases {
		theirs, theirErr := duckValue(duck, c.SQL)
		mine, myErr := ourValue(ctx, ours, c.Query())
		if _, wantErr := c.WantError(); wantErr {
			if theirErr == nil || myErr == nil {
				t.Errorf("duckdb.txt:%d: %s\n  want an error from both; DuckDB: %s, %v; ours: %s, %v", c.Line, c.SQL, theirs, theirErr, mine, myErr)
			}
			continue
		}
		if theirErr != nil || myErr != nil {
			t.Errorf("duckdb.txt:%d: %s\n  DuckDB: %v\n  ours: %v", c.Line, c.SQL, theirErr, myErr)
			continue
		}
		if !conformance.Match(c.Expected, theirs) {
			t.Errorf("duckdb.txt:%d: %s\n  DuckDB answers %s; the table says %s", c.Line, c.SQL, theirs, c.Expected)
		}
		if !conformance.Match(c.Expected, mine) {
			t.Errorf("duckdb.txt:%d: %s\n  we answer %s; the table says %s", c.Line, c.SQL, mine, c.Expected)
		}
	}
}

// duckValue runs q on DuckDB and renders its one value. Lists become JSON
// text, the project's representation of arrays; dates are written as
// 'YYYY-MM-DD'.
func duckValue(db *sql.DB, q string) (string, error) {
	rows, err := db.Query(q)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", rows.Err()
	}
	var v any
	if err := rows.Scan(&v); err != nil {
		return "", err
	}
	switch x := v.(type) {
	case []any:
		b, err := json.Marshal(x)
		if err != nil {
			return "", err
		}
		return conformance.Render(string(b)), nil
	case time.Time:
		if strings.EqualFold(types[0].DatabaseTypeName(), "DATE") {
			return conformance.Render(x.Format("2006-01-02")), nil
		}
	}
	return conformance.Render(v), nil
}

func ourValue(ctx context.Context, db *store.DB, q string) (string, error) {
	out, err := dialect.TranslateFor(dialect.DuckDB, q)
	if err != nil {
		return "", err
	}
	rows, err := db.Query(ctx, out, 1)
	if err != nil {
		return "", err
	}
	if len(rows.Rows) == 0 {
		return "", nil
	}
	return conformance.Render(rows.Rows[0][0]), nil
}
