package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// LoadTable replaces schema.name with a table of the given columns and
// declared types and fills it with rows through one prepared INSERT inside a
// savepoint. Measured side by side (BenchmarkSeedLoad), binding each value is
// faster than one statement over a JSON text for tables of several columns,
// natively and in js/wasm, because json_each re-reads the text per column.
func (db *DB) LoadTable(ctx context.Context, schema, name string, cols, types []string, rows [][]any) (err error) {
	defer db.limitError(&err)
	if err := db.beforeWrite(); err != nil {
		return err
	}
	rel := Rel(schema, name)
	var b strings.Builder
	fmt.Fprintf(&b, "DROP TABLE IF EXISTS %s; CREATE TABLE %s (", rel, rel)
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Ident(c))
		if types[i] != "" {
			b.WriteString(" " + types[i])
		}
	}
	b.WriteString(")")
	if err := db.Exec(ctx, b.String()); err != nil {
		return err
	}
	if err := db.InsertRows(ctx, schema, name, len(cols), rows); err != nil {
		return err
	}
	return db.Analyze(ctx, schema, name)
}

// InsertRows appends rows of ncols values to schema.name through one
// prepared INSERT inside a savepoint, as LoadTable fills a table.
func (db *DB) InsertRows(ctx context.Context, schema, name string, ncols int, rows [][]any) (err error) {
	defer db.limitError(&err)
	if len(rows) == 0 {
		return nil
	}
	if err := db.Use(schema); err != nil {
		return err
	}
	if err := db.beforeWrite(); err != nil {
		return err
	}
	sql := fmt.Sprintf("INSERT INTO %s VALUES (?%s)", Rel(schema, name), strings.Repeat(", ?", ncols-1))
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	// The savepoint, the insert (one statement however many rows) and the
	// release.
	defer db.count(3, time.Now())
	if err := db.conn.Exec("SAVEPOINT load"); err != nil {
		return err
	}
	if err := db.insertRows(sql, ncols, rows); err != nil {
		db.conn.Exec("ROLLBACK TO load; RELEASE load")
		return err
	}
	return db.conn.Exec("RELEASE load")
}

func (db *DB) insertRows(sql string, ncols int, rows [][]any) error {
	// Rows go in insertBatch at a time, one statement binding them all:
	// each step of a statement costs about as much as binding its values,
	// so batches take about half the time of a row per step.
	per := max(1, min(insertBatch, maxInsertBinds/max(ncols, 1)))
	one := sql[strings.LastIndex(sql, " VALUES ")+len(" VALUES "):]
	var stmt *sqlite3.Stmt
	size := 0
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	for len(rows) > 0 {
		n := min(per, len(rows))
		if n != size {
			if stmt != nil {
				stmt.Close()
			}
			var err error
			stmt, _, err = db.conn.Prepare(sql + strings.Repeat(", "+one, n-1))
			if err != nil {
				stmt = nil
				return err
			}
			size = n
		}
		for r, row := range rows[:n] {
			for i := 0; i < ncols; i++ {
				var v any
				if i < len(row) {
					v = row[i]
				}
				if err := bind(stmt, r*ncols+i+1, v); err != nil {
					return err
				}
			}
		}
		if err := stmt.Exec(); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// insertBatch is how many rows one INSERT of insertRows binds at most, and
// maxInsertBinds how many values: SQLite's oldest default limit on
// parameters.
const (
	insertBatch    = 64
	maxInsertBinds = 999
)

func bind(stmt *sqlite3.Stmt, i int, v any) error {
	switch x := v.(type) {
	case nil:
		return stmt.BindNull(i)
	case int64:
		return stmt.BindInt64(i, x)
	case int:
		return stmt.BindInt64(i, int64(x))
	case float64:
		return stmt.BindFloat(i, x)
	case bool:
		return stmt.BindBool(i, x)
	case string:
		return stmt.BindText(i, x)
	case []byte:
		return stmt.BindBlob(i, x)
	}
	return stmt.BindText(i, fmt.Sprint(v))
}
