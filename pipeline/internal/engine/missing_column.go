package engine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
)

// A test of a column its relation lacks fails in the warehouse too
// (Snowflake: invalid identifier; BigQuery: Unrecognized name). SQLite
// says only "no such column: X"; the diagnostic names the relation the
// test reads, its columns, and where the column is declared, so a
// misspelt column, or a source that reads a seed of other columns, is
// told apart from a fault of the SQL.

var noSuchColumn = regexp.MustCompile(`^no such column: ([A-Za-z0-9_."]+)$`)

// explainMissingColumn adds to d, the failure of test node n, the
// relation the test reads and its columns, when the column SQLite names
// is the one the test checks and the relation lacks it.
func (r *runner) explainMissingColumn(d *diag.Diagnostic, n *graph.Node) {
	m := noSuchColumn.FindStringSubmatch(d.Message)
	if m == nil || n.Kind != "test" {
		return
	}
	t := r.plan.tests[n.ID]
	if t == nil || t.Model == "" || t.Column == "" {
		return
	}
	col := strings.Trim(lastPart(m[1]), `"`)
	if !strings.EqualFold(strings.Trim(t.Column, "\"`"), col) {
		return
	}
	rel := r.plan.testRelationOf(t.Model)
	cols, err := r.db.Columns(r.ctx, rel.Schema, rel.Name)
	if err != nil || len(cols) == 0 {
		return
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		if strings.EqualFold(c.Name, col) {
			return
		}
		names[i] = c.Name
	}
	what := "model " + t.Model
	if src, ok := strings.CutPrefix(t.Model, "source:"); ok {
		what = "source " + src
		if s := r.plan.sources[src]; s != nil && len(s.seeds) == 1 {
			what += ", which reads the seed " + r.plan.graph.Node(s.seeds[0]).Name
		}
	}
	d.Message = fmt.Sprintf("test %s: column %s is not in %s (%s), whose columns are %s; the warehouse fails on it too",
		n.Name, col, rel.String(), what, strings.Join(names, ", "))
	d.Hint = fmt.Sprintf("fix the column's name under columns: in %s, or give the relation that column", t.File)
	if t.Line > 0 {
		d.Line = t.Line
	}
}
