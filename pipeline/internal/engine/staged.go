package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// SQLite inlines a CTE at every reference, so a chain of CTEs that each
// read the previous one twice (a fixed-depth graph walk such as dbt-nexus'
// resolve_identifiers) doubles at each level and stops at SQLite's nesting
// limit, where a warehouse computes each CTE once. tooDeep recognises that
// failure.
func tooDeep(err error) bool {
	return err != nil && strings.Contains(err.Error(), "nested too deep")
}

// createStaged builds table qrel from sql, a WITH statement, one CTE at a
// time: each CTE becomes a temporary table of its name, which the later
// CTEs and the final select read (a temporary table comes first in SQLite's
// name lookup, as the CTE did in the statement), and the temporary tables
// are dropped afterwards; drop drops what held qrel before. The result is
// the statement's.
func (r *runner) createStaged(drop, qrel, sql string) (bool, error) {
	ctes, body, ok := dialect.SplitWith(sql)
	if !ok {
		return false, nil
	}
	var b strings.Builder
	b.WriteString("SAVEPOINT staged;\n")
	for _, c := range ctes {
		fmt.Fprintf(&b, "DROP TABLE IF EXISTS temp.%s;\n", c.Name)
		if c.Columns != "" {
			fmt.Fprintf(&b, "CREATE TEMP TABLE %s AS WITH %s%s AS (%s) SELECT * FROM %s;\n", c.Name, c.Name, c.Columns, c.SQL, c.Name)
		} else {
			fmt.Fprintf(&b, "CREATE TEMP TABLE %s AS %s;\n", c.Name, c.SQL)
		}
	}
	create := "CREATE TABLE " + qrel
	if name, ok := strings.CutPrefix(qrel, "temp."); ok {
		create = "CREATE TEMP TABLE " + name
	}
	fmt.Fprintf(&b, "%s;\n%s AS\n%s\n;\n", drop, create, body)
	for _, c := range ctes {
		fmt.Fprintf(&b, "DROP TABLE temp.%s;\n", c.Name)
	}
	b.WriteString("RELEASE staged")
	if err := r.db.Exec(r.ctx, b.String()); err != nil {
		if !r.db.Conn().GetAutocommit() {
			r.db.Exec(context.Background(), "ROLLBACK TO staged; RELEASE staged")
		}
		return true, err
	}
	return true, nil
}
