package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// Rows is a query result read into Go.
type Rows struct {
	Columns   []string
	Types     []string // declared type of each column, or the first value's type
	Rows      [][]any  // int64, float64, string, []byte or nil
	Truncated bool
	// ReadOnly tells that the statement changed nothing in the database.
	ReadOnly bool
	// Changed is how many rows the last statement inserted, updated or
	// deleted, when it wrote.
	Changed int64
}

// MaxResultBytes caps the bytes one result holds in Go: past it the result
// is cut and marked Truncated, whatever maxRows allows.
const MaxResultBytes = 32 << 20

// Query runs one statement and reads at most maxRows rows (0: all).
func (db *DB) Query(ctx context.Context, sql string, maxRows int) (*Rows, error) {
	return db.query(ctx, sql, maxRows, false)
}

// QueryLast runs every statement of sql in order and reads the rows of
// the last one, as the warehouses answer a script (dbt's run_query of
// several statements); ReadOnly is true when none of them writes.
func (db *DB) QueryLast(ctx context.Context, sql string) (*Rows, error) {
	return db.query(ctx, sql, 0, true)
}

func (db *DB) query(ctx context.Context, sql string, maxRows int, script bool) (_ *Rows, err error) {
	db.columnMemo.statement()
	defer db.keepSequences(sql, &err)
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	sql, err = db.need(sql)
	if err != nil {
		return nil, err
	}
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	readOnly := true
	for {
		start := time.Now()
		stmt, tail, err := db.conn.Prepare(sql)
		if err != nil {
			return nil, err
		}
		if stmt == nil {
			if !readOnly {
				return &Rows{}, nil // a script's statements wrote and the last read nothing
			}
			return nil, fmt.Errorf("empty query")
		}
		more := nonSpace(tail)
		if more && !script {
			stmt.Close()
			return nil, fmt.Errorf("only one statement can run at a time; remove what follows the first `;`")
		}
		if !stmt.ReadOnly() {
			readOnly = false
			db.writes++
			if err := db.beforeWrite(); err != nil {
				stmt.Close()
				return nil, err
			}
		}
		if more {
			// an earlier statement of a script: run it, its rows unread
			for stmt.Step() {
			}
			err := stmt.Err()
			stmt.Close()
			db.count(1, start)
			if err != nil {
				return nil, err
			}
			sql = tail
			continue
		}
		out, err := readAll(stmt, maxRows)
		if err == nil && !stmt.ReadOnly() {
			out.Changed = db.conn.Changes()
		}
		stmt.Close()
		db.count(1, start)
		if err != nil {
			return nil, err
		}
		out.ReadOnly = out.ReadOnly && readOnly
		return out, nil
	}
}

// readAll reads at most maxRows rows (0: all) of stmt, and no more than
// MaxResultBytes.
func readAll(stmt *sqlite3.Stmt, maxRows int) (*Rows, error) {
	out := newRows(stmt)
	held := 0
	for stmt.Step() {
		if maxRows > 0 && len(out.Rows) >= maxRows || held > MaxResultBytes {
			out.Truncated = true
			break
		}
		held += out.readRow(stmt)
	}
	if err := stmt.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Scan runs one read-only statement and calls fn with each row as it is
// stepped, the values as Query gives them; fn must not keep the slice. It
// holds no rows, so it has no size cap: for reads that Go folds as they
// come, such as an identity graph's identifiers and edges. An error from
// fn stops the read and is returned.
func (db *DB) Scan(ctx context.Context, sql string, fn func(row []any) error) (err error) {
	db.columnMemo.statement()
	defer db.keepSequences(sql, &err)
	defer db.limitError(&err)
	defer db.notAllowed(&err)
	sql, err = db.need(sql)
	if err != nil {
		return err
	}
	old := db.conn.SetInterrupt(ctx)
	defer db.conn.SetInterrupt(old)
	defer db.count(1, time.Now())
	stmt, tail, err := db.conn.Prepare(sql)
	if err != nil {
		return err
	}
	defer stmt.Close()
	if stmt == nil {
		return fmt.Errorf("empty query")
	}
	if nonSpace(tail) {
		return fmt.Errorf("only one statement can run at a time; remove what follows the first `;`")
	}
	if !stmt.ReadOnly() {
		return fmt.Errorf("scan reads only: %.40q writes", sql)
	}
	row := make([]any, stmt.ColumnCount())
	for stmt.Step() {
		for i := range row {
			row[i] = value(stmt, i)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return stmt.Err()
}

// newRows is an empty result of stmt: its columns and declared types.
func newRows(stmt *sqlite3.Stmt) *Rows {
	n := stmt.ColumnCount()
	out := &Rows{Columns: make([]string, n), Types: make([]string, n), ReadOnly: stmt.ReadOnly()}
	for i := 0; i < n; i++ {
		out.Columns[i] = stmt.ColumnName(i)
		out.Types[i] = stmt.ColumnDeclType(i)
	}
	return out
}

// readRow appends the statement's current row and returns about how many
// bytes it holds; a column without a declared type takes the type of its
// first value.
func (out *Rows) readRow(stmt *sqlite3.Stmt) (held int) {
	row := make([]any, len(out.Columns))
	for i := range row {
		row[i] = value(stmt, i)
		switch v := row[i].(type) {
		case string:
			held += len(v)
		case []byte:
			held += len(v)
		default:
			held += 8
		}
		if out.Types[i] == "" && row[i] != nil {
			out.Types[i] = typeName(stmt.ColumnType(i))
		}
	}
	out.Rows = append(out.Rows, row)
	return held
}

func value(stmt *sqlite3.Stmt, i int) any {
	switch stmt.ColumnType(i) {
	case sqlite3.INTEGER:
		return stmt.ColumnInt64(i)
	case sqlite3.FLOAT:
		return stmt.ColumnFloat(i)
	case sqlite3.TEXT:
		return stmt.ColumnText(i)
	case sqlite3.BLOB:
		return stmt.ColumnBlob(i, nil)
	}
	return nil
}

func typeName(t sqlite3.Datatype) string {
	switch t {
	case sqlite3.INTEGER:
		return "INTEGER"
	case sqlite3.FLOAT:
		return "REAL"
	case sqlite3.TEXT:
		return "TEXT"
	case sqlite3.BLOB:
		return "BLOB"
	}
	return ""
}

func nonSpace(s string) bool {
	inComment := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inComment {
			if c == '\n' {
				inComment = false
			}
			continue
		}
		if c == '-' && i+1 < len(s) && s[i+1] == '-' {
			inComment = true
			continue
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';' {
			return true
		}
	}
	return false
}

// Count returns the number of rows of a relation.
func (db *DB) Count(ctx context.Context, rel string) (int64, error) {
	r, err := db.Query(ctx, "SELECT count(*) FROM "+rel, 1)
	if err != nil {
		return 0, err
	}
	v, _ := r.Rows[0][0].(int64)
	return v, nil
}

// Column is one column of a table.
type Column struct {
	Name string
	Type string
}

// Columns lists the columns of schema.name; none when it does not exist.
func (db *DB) Columns(ctx context.Context, schema, name string) (_ []Column, err error) {
	defer db.limitError(&err)
	// A name without a schema reads as SQL reads it: a temporary table,
	// else main's.
	from := Rel(schema, name)
	if schema == "" {
		schema = "main"
	}
	if err := db.Use(schema); err != nil {
		return nil, err
	}
	// Preparing `SELECT *` and reading the statement's columns costs one
	// prepare; pragma_table_info costs several times that in js/wasm.
	defer db.count(1, time.Now())
	stmt, _, err := db.conn.Prepare("SELECT * FROM " + from)
	if err != nil {
		if _, ok := MissingTable(err.Error()); ok {
			return nil, nil
		}
		return nil, err
	}
	defer stmt.Close()
	n := stmt.ColumnCount()
	out := make([]Column, n)
	for i := 0; i < n; i++ {
		out[i] = Column{Name: stmt.ColumnName(i), Type: stmt.ColumnDeclType(i)}
	}
	return out, nil
}

// ValueTypes gives each column of schema.name without a declared type (a
// model's computed column) the type of its first value that is not NULL:
// INTEGER, REAL, TEXT or BLOB, TEXT when it holds none, as the warehouse's
// column would have one.
func (db *DB) ValueTypes(ctx context.Context, schema, name string, cols []Column) error {
	var items []string
	var at []int
	for i, c := range cols {
		if c.Type == "" {
			col := Ident(c.Name)
			// NOT INDEXED: the first value in the table's order, not an
			// index's, so that a column of mixed types reads as the rows
			// read whole give it (Fingerprint).
			items = append(items, "(SELECT upper(typeof("+col+")) FROM "+Rel(schema, name)+" NOT INDEXED WHERE "+col+" IS NOT NULL LIMIT 1)")
			at = append(at, i)
		}
	}
	if len(items) == 0 {
		return nil
	}
	r, err := db.Query(ctx, "SELECT "+strings.Join(items, ", "), 1)
	if err != nil {
		return err
	}
	for j, i := range at {
		cols[i].Type = "TEXT"
		if len(r.Rows) == 1 {
			if t, ok := r.Rows[0][j].(string); ok {
				cols[i].Type = t
			}
		}
	}
	return nil
}

// Table names a table of a schema.
type Table struct {
	Schema, Name, Kind string
}

// Tables lists every table and view of every attached schema, sorted.
func (db *DB) Tables(ctx context.Context) ([]Table, error) {
	return db.Relations(ctx, "%", "%", "")
}

// Relations lists the tables and views whose schema and name match LIKE
// patterns (SQLite's: ASCII case ignored, \ escapes), leaving out those
// whose name matches exclude (when given) and the engine's own tables;
// schemas in Schemas' order, names sorted.
func (db *DB) Relations(ctx context.Context, schemaPattern, namePattern, exclude string) ([]Table, error) {
	return db.relations(ctx, schemaPattern, namePattern, exclude, false)
}

// TablesAndTemp is Tables followed by every table and view of temp (the
// views of ephemeral models, the engine's work tables), in one statement.
func (db *DB) TablesAndTemp(ctx context.Context) ([]Table, error) {
	return db.relations(ctx, "%", "%", "", true)
}

// relations asks every schema in one statement: each statement has a
// fixed cost in the js/wasm build. With more schemas than attach at once,
// it asks as many at a time as do.
func (db *DB) relations(ctx context.Context, schemaPattern, namePattern, exclude string, temp bool) ([]Table, error) {
	schemas := db.Schemas()
	if temp {
		schemas = append(schemas, "temp")
	}
	var out []Table
	for start := 0; start < len(schemas); {
		end := len(schemas)
		if len(db.att) > db.maxAttached {
			// main and temp are always attached
			end = start
			for others := 0; end < len(schemas) && (others < db.maxAttached || schemas[end] == "temp"); end++ {
				if schemas[end] != "main" && schemas[end] != "temp" {
					others++
				}
			}
		}
		if err := db.Use(schemas[start:end]...); err != nil {
			return nil, err
		}
		part, err := db.relationsOf(ctx, schemas[start:end], schemaPattern, namePattern, exclude)
		if err != nil {
			return nil, err
		}
		out = append(out, part...)
		start = end
	}
	return out, nil
}

// relationsOf asks schemas, all attached, in one statement.
func (db *DB) relationsOf(ctx context.Context, schemas []string, schemaPattern, namePattern, exclude string) ([]Table, error) {
	parts := make([]string, 0, len(schemas))
	for i, s := range schemas {
		if s == "temp" {
			parts = append(parts, fmt.Sprintf("SELECT %d, name, type FROM temp.sqlite_schema WHERE type IN ('table','view') AND name NOT LIKE 'sqlite\\_%%' ESCAPE '\\'", i))
			continue
		}
		q := fmt.Sprintf("SELECT %d AS s, name, type FROM %s.sqlite_schema WHERE %s LIKE %s ESCAPE '\\' AND type IN ('table','view') AND name NOT LIKE 'sqlite_%%' AND name NOT LIKE '\\_nexus\\_%%' ESCAPE '\\' AND name LIKE %s ESCAPE '\\'",
			i, Ident(s), Quote(s), Quote(schemaPattern), Quote(namePattern))
		if exclude != "" {
			q += fmt.Sprintf(" AND name NOT LIKE %s ESCAPE '\\'", Quote(exclude))
		}
		parts = append(parts, q)
	}
	r, err := db.Query(ctx, strings.Join(parts, " UNION ALL ")+" ORDER BY 1, 2", 0)
	if err != nil {
		return nil, err
	}
	out := make([]Table, 0, len(r.Rows))
	for _, row := range r.Rows {
		out = append(out, Table{Schema: schemas[row[0].(int64)], Name: row[1].(string), Kind: row[2].(string)})
	}
	return out, nil
}

// PrepareError prepares sql without running it and, when SQLite rejects it,
// returns the 1-based line of sql where the offending token starts (0 when
// SQLite does not say) and the error.
func (db *DB) PrepareError(sql string) (line int, err error) {
	defer db.limitError(&err) // a statement too large for the memory limit
	sql, err = db.need(sql)
	if err != nil {
		return 0, err
	}
	stmt, _, err := db.conn.Prepare(sql)
	if stmt != nil {
		stmt.Close()
	}
	if err == nil {
		return 0, nil
	}
	var se *sqlite3.Error
	if errors.As(err, &se) && se.SQL() != "" && len(se.SQL()) <= len(sql) && strings.HasSuffix(sql, se.SQL()) {
		off := len(sql) - len(se.SQL())
		return strings.Count(sql[:off], "\n") + 1, err
	}
	return 0, err
}

// MissingTable tells whether an SQLite message says a table does not exist,
// and which (as SQLite wrote it, maybe schema.name).
func MissingTable(msg string) (table string, ok bool) {
	_, after, ok := strings.Cut(msg, "no such table")
	return strings.TrimPrefix(after, ": "), ok
}
