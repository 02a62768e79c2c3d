package engine

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// sqliteDuplicate is how SQLite names the second and later columns of one
// name in a table made from a query: name:1, name:2.
var sqliteDuplicate = regexp.MustCompile(`^(.*):[0-9]+$`)

// duplicateColumns gives the columns of table qrel (schema.name, just made
// from a model's query) that the query names more than once, case aside,
// the warehouse's names: DuckDB's CREATE TABLE AS names the second a_1,
// the third a_2 (the number counted per name, a name already taken getting
// another _n), where SQLite wrote a:1; BigQuery and Snowflake refuse such a
// query, and so does this (the caller rolls the table back).
func (r *runner) duplicateColumns(qrel, schema, name string) error {
	if r.plan.dialect == dialect.SQLite {
		return nil
	}
	// the table's own columns, as a prepared SELECT * names them: one
	// prepare, where reading pragma_table_info runs a virtual table too
	table, err := r.db.Columns(r.ctx, schema, name)
	if err != nil {
		return nil
	}
	cols := make([]string, len(table))
	written := make([]string, len(table)) // as the query names them
	seen := map[string]bool{}
	var dups []string
	for i, c := range table {
		cols[i] = c.Name
		written[i] = cols[i]
		if m := sqliteDuplicate.FindStringSubmatch(cols[i]); m != nil && seen[strings.ToLower(m[1])] {
			written[i] = m[1]
			if !slices.ContainsFunc(dups, func(d string) bool { return strings.EqualFold(d, m[1]) }) {
				dups = append(dups, m[1])
			}
		}
		seen[strings.ToLower(written[i])] = true
	}
	if len(dups) == 0 {
		return nil
	}
	switch r.plan.dialect {
	case dialect.BigQuery:
		return fmt.Errorf("Duplicate column names in the result are not supported. Found duplicate(s): %s (give each column a name of its own: a.id AS a_id, b.id AS b_id, or select one side's columns)", strings.Join(dups, ", "))
	case dialect.Snowflake:
		return fmt.Errorf("duplicate column name '%s' (give each column a name of its own: a.id AS a_id, b.id AS b_id, or select one side's columns)", strings.ToUpper(dups[0]))
	}
	// through names of their own first: a new name may be one an older
	// column still has
	var first, then strings.Builder
	for i, want := range duckColumnNames(written) {
		if want != cols[i] {
			tmp := store.Ident("_nexus_column_" + strconv.Itoa(i))
			first.WriteString("ALTER TABLE " + qrel + " RENAME COLUMN " + store.Ident(cols[i]) + " TO " + tmp + ";")
			then.WriteString("ALTER TABLE " + qrel + " RENAME COLUMN " + tmp + " TO " + store.Ident(want) + ";")
		}
	}
	return r.db.Exec(r.ctx, first.String()+then.String())
}

// duckColumnNames are DuckDB's names for columns the query names as
// written: a name met again (case aside) gets _n, n counted per name,
// until it is one not taken.
func duckColumnNames(written []string) []string {
	out := make([]string, len(written))
	taken := map[string]bool{}
	count := map[string]int{}
	for i, w := range written {
		name := w
		for taken[strings.ToLower(name)] {
			count[strings.ToLower(w)]++
			name = w + "_" + strconv.Itoa(count[strings.ToLower(w)])
		}
		taken[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}
