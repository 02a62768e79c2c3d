package dialect

import (
	"fmt"
	"strings"
)

// A bare VALUES names its columns column1, column2, ... in SQLite and
// Snowflake, but col0, col1, ... in DuckDB. DuckDB SQL sees DuckDB's names:
// each VALUES body is selected again under them,
// SELECT column1 AS col0, ... FROM (VALUES ...), unless a column list
// (a CTE's, or AS t(a, b)) renames its columns by position anyway.

// valuesColumn is the name of the i-th column (from 0) of a bare VALUES.
func (t *translator) valuesColumn(i int) string {
	if t.d == DuckDB {
		return fmt.Sprintf("col%d", i)
	}
	return fmt.Sprintf("column%d", i+1)
}

// valuesWidth is the number of columns of VALUES v, as its first row has.
func valuesWidth(v *node) int {
	if len(v.kids) == 0 || v.kids[0].kind != nTuple {
		return 1
	}
	return len(v.kids[0].list)
}

// rewriteValues gives the VALUES bodies of query q DuckDB's column names;
// BigQuery has VALUES in INSERT only.
func (t *translator) rewriteValues(q *node) {
	if t.inserted[q] {
		return // the table's columns take the values by position
	}
	for _, b := range q.list {
		if b.kind != nValues || len(b.kids) == 0 {
			continue
		}
		if t.d == BigQuery {
			t.refuse(b.start, refValues)
			continue
		}
		if t.d != DuckDB || t.renamed[q] != nil {
			continue
		}
		cols := make([]string, valuesWidth(b))
		for i := range cols {
			cols[i] = fmt.Sprintf("column%d AS %s", i+1, t.valuesColumn(i))
		}
		head := "SELECT " + strings.Join(cols, ", ") + " FROM ("
		b.print = func(pr *printer, n *node) string { return head + pr.plain(n) + ")" }
	}
}
