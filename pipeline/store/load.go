package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// LoadTable replaces schema.name with a table of the given columns and
// declared types and fills it with rows in one statement: the rows travel as
// one JSON text read by jsonb_each (which parses it once, where json_each
// re-reads the text for every column), because each bind or step crossing the
// Go/SQLite boundary is expensive in the js/wasm build.
func (db *DB) LoadTable(ctx context.Context, schema, name string, cols, types []string, rows [][]any) (err error) {
	defer db.outOfMemory(&err)
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
	if len(rows) == 0 {
		return nil
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	b.Reset()
	fmt.Fprintf(&b, "INSERT INTO %s SELECT ", rel)
	for i := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "value->>%d", i)
	}
	b.WriteString(" FROM jsonb_each(?)")
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	stmt, _, err := db.conn.Prepare(b.String())
	if err != nil {
		return err
	}
	defer stmt.Close()
	if err := stmt.BindRawText(1, data); err != nil {
		return err
	}
	return stmt.Exec()
}
