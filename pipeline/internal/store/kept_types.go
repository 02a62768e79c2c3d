package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// typesList is the table of a file database's main schema that keeps what
// the engine knows of the columns of the relations it built (their static
// types, see engine/statictypes.go), so that a later process reading those
// relations gives the same answers as the one that built them. Each row
// holds the relation's columns as they were then: a relation replaced
// since with other columns is taken as unknown.
const typesList = "CREATE TABLE IF NOT EXISTS main._nexus_types (relation TEXT PRIMARY KEY, dialect TEXT NOT NULL, columns TEXT NOT NULL, types TEXT NOT NULL)"

// KeepTypes records types, the engine's text of the types of the columns
// of schema.name built for dialect, in a file database; a database in
// memory lives no longer than the engine that knows them, and keeps
// nothing.
func (db *DB) KeepTypes(ctx context.Context, schema, name, dialect, types string) error {
	if db.file == "" {
		return nil
	}
	cols, err := db.columnsText(ctx, schema, name)
	if err != nil || cols == "" {
		return err
	}
	return db.Exec(ctx, fmt.Sprintf("INSERT OR REPLACE INTO main._nexus_types VALUES (%s, %s, %s, %s)",
		Quote(strings.ToLower(schema+"."+name)), Quote(dialect), Quote(cols), Quote(types)))
}

// KeptTypes reads what KeepTypes wrote for dialect, by lower-case
// schema.name, for the relations whose columns are still those they had;
// nothing in memory.
func (db *DB) KeptTypes(ctx context.Context, dialect string) (_ map[string]string, err error) {
	if db.file == "" {
		return nil, nil
	}
	defer db.limitError(&err)
	stmt, _, err := db.conn.Prepare("SELECT relation, columns, types FROM main._nexus_types WHERE dialect = " + Quote(dialect))
	if err != nil {
		return nil, err
	}
	type row struct{ rel, cols, types string }
	var rows []row
	for stmt.Step() {
		rows = append(rows, row{stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnText(2)})
	}
	if err := stmt.Close(); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range rows {
		schema, name, _ := strings.Cut(r.rel, ".")
		if cols, err := db.columnsText(ctx, schema, name); err == nil && cols != "" && cols == r.cols {
			out[r.rel] = r.types
		}
	}
	return out, nil
}

// columnsText is the column names of schema.name, lower-case, as JSON; ""
// when it does not exist. Reading them is no read of the relation's data:
// TrackReads does not see it.
func (db *DB) columnsText(ctx context.Context, schema, name string) (string, error) {
	saved := db.reads
	db.reads = nil
	defer func() { db.reads = saved }()
	cols, err := db.Columns(ctx, schema, name)
	if err != nil || len(cols) == 0 {
		return "", err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = strings.ToLower(c.Name)
	}
	text, err := json.Marshal(names)
	return string(text), err
}
