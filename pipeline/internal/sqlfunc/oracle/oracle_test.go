// Package oracle runs the DuckDB conformance table on DuckDB itself and on
// the project's SQLite, and checks that both give the table's values. It is
// its own module: DuckDB needs cgo, and the project's module must stay
// pure Go so that its js/wasm build never sees it.
package oracle

import (
	"context"
	"database/sql"
	"encoding/json"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc/conformance"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// TestDuckDBAgrees runs every DuckDB table (duckdb.txt, the documented
// examples; duckdb.models.txt, queries as dbt projects write them).
func TestDuckDBAgrees(t *testing.T) {
	files, err := filepath.Glob("../testdata/conformance/duckdb*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no DuckDB tables: %v", err)
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

	for _, file := range files {
		name := filepath.Base(file)
		cases, err := conformance.ParseFile(file)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, c := range cases {
			theirs, theirErr := duckRows(duck, c.SQL)
			mine, myErr := ourRows(ctx, ours, c.Query())
			if _, wantErr := c.WantError(); wantErr {
				if theirErr == nil || myErr == nil {
					t.Errorf("%s:%d: %s\n  want an error from both; DuckDB: %s, %v; ours: %s, %v", name, c.Line, c.SQL,
						conformance.Format(theirs), theirErr, conformance.Format(mine), myErr)
				}
				continue
			}
			if theirErr != nil || myErr != nil {
				t.Errorf("%s:%d: %s\n  DuckDB: %s, %v\n  ours: %v", name, c.Line, c.SQL, conformance.Format(theirs), theirErr, myErr)
				continue
			}
			want, _ := c.Rows()
			if !conformance.MatchRows(want, theirs) {
				t.Errorf("%s:%d: %s\n  DuckDB answers %s; the table says %s", name, c.Line, c.SQL, conformance.Format(theirs), c.Expected)
			}
			if !conformance.MatchRows(want, mine) {
				t.Errorf("%s:%d: %s\n  we answer %s; the table says %s", name, c.Line, c.SQL, conformance.Format(mine), c.Expected)
			}
		}
	}
}

// duckRows runs q on DuckDB and renders its values. Lists, structs and
// MAPs become JSON text, the project's representation of them (a MAP the
// list of its {key, value} entries); dates are
// written as 'YYYY-MM-DD'; HUGEINTs and DECIMALs as numbers; INTERVALs as
// the text DuckDB prints for them.
func duckRows(db *sql.DB, q string) ([][]string, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(types))
		ptrs := make([]any, len(types))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i], err = duckRender(db, v, types[i].DatabaseTypeName())
			if err != nil {
				return nil, err
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

func duckRender(db *sql.DB, v any, typ string) (string, error) {
	switch x := v.(type) {
	case duckdb.Interval:
		// the text DuckDB itself prints for the interval
		var s string
		err := db.QueryRow("SELECT (to_months(?) + to_days(?) + to_microseconds(?))::varchar", x.Months, x.Days, x.Micros).Scan(&s)
		return conformance.Render(s), err
	case []any, map[string]any, duckdb.OrderedMap:
		b, err := json.Marshal(mapEntries(x))
		if err != nil {
			return "", err
		}
		return conformance.Render(string(b)), nil
	case time.Time:
		if strings.EqualFold(typ, "DATE") {
			return conformance.Render(x.Format("2006-01-02")), nil
		}
	case *big.Int:
		return x.String(), nil
	case duckdb.Decimal:
		return conformance.Render(x.Float64()), nil
	}
	return conformance.Render(v), nil
}

// mapEntries gives every MAP within v as the project holds a MAP: the list
// of its entries in their order, each a struct {key, value}.
func mapEntries(v any) any {
	switch x := v.(type) {
	case duckdb.OrderedMap:
		keys, values := x.Keys(), x.Values()
		out := make([]any, len(keys))
		for i := range keys {
			out[i] = map[string]any{"key": mapEntries(keys[i]), "value": mapEntries(values[i])}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = mapEntries(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = mapEntries(e)
		}
		return out
	}
	return v
}

// ourRows translates q from DuckDB and returns its rows on SQLite, each
// value rendered.
func ourRows(ctx context.Context, db *store.DB, q string) ([][]string, error) {
	// a PIVOT without IN reads its values from the database
	out, err := dialect.TranslateWith(q, dialect.Options{Dialect: dialect.DuckDB, Query: func(q string) ([][]any, error) {
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
	if strings.Contains(strings.ToLower(q), "sequence") {
		// a script: the sequences, then the query
		rows, err = db.QueryLast(ctx, out)
	} else {
		rows, err = db.Query(ctx, out, 1000)
	}
	if err != nil {
		return nil, err
	}
	return conformance.RenderRows(rows.Rows), nil
}
