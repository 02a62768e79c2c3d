package engine

import (
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// keepTrueFalseNames gives the columns of the table CREATE TABLE AS made of
// sql (qrel, schema.name) back their names true and false: SQLite names
// such a column columnN there, even one aliased AS "true"
// (sqlite3ColumnsFromExprList), where the warehouses keep the name (DuckDB
// names an unaliased true "true"). The query's own column names, as SQLite
// prepares it, are the names the table should have.
func (r *runner) keepTrueFalseNames(qrel, schema, name, sql string) error {
	lower := strings.ToLower(sql)
	if !strings.Contains(lower, "true") && !strings.Contains(lower, "false") {
		return nil
	}
	// the table's own columns, as a prepared SELECT * names them: one
	// prepare, where reading pragma_table_info runs a virtual table too
	table, err := r.db.Columns(r.ctx, schema, name)
	if err != nil {
		return nil
	}
	cols := make([]string, len(table))
	renamed := false
	for i, c := range table {
		cols[i] = c.Name
		renamed = renamed || cols[i] == "column"+strconv.Itoa(i+1)
	}
	if !renamed {
		return nil
	}
	stmt, _, err := r.db.Conn().Prepare(sql)
	if err != nil || stmt == nil {
		return nil
	}
	defer stmt.Close()
	if stmt.ColumnCount() != len(cols) {
		return nil
	}
	var b strings.Builder
	for i, c := range cols {
		want := stmt.ColumnName(i)
		if c == "column"+strconv.Itoa(i+1) && (strings.EqualFold(want, "true") || strings.EqualFold(want, "false")) {
			b.WriteString("ALTER TABLE " + qrel + " RENAME COLUMN " + store.Ident(c) + " TO " + store.Ident(want) + ";")
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return r.db.Exec(r.ctx, b.String())
}
