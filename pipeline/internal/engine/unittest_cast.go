package engine

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// castTypes are the warehouse types of the static types whose values a
// table holds as text of one form (2024-01-01T10:00:00Z), by dialect.
var castTypes = map[dialect.Dialect]map[string]string{
	dialect.BigQuery:  {dialect.TypeDate: "DATE", sqlfunc.KindInstant: "TIMESTAMP", sqlfunc.KindWallClock: "DATETIME"},
	dialect.Snowflake: {dialect.TypeDate: "DATE", sqlfunc.KindInstant: "TIMESTAMP_TZ", sqlfunc.KindWallClock: "TIMESTAMP_NTZ"},
	dialect.DuckDB:    {dialect.TypeDate: "DATE", sqlfunc.KindInstant: "TIMESTAMPTZ", sqlfunc.KindWallClock: "TIMESTAMP"},
}

// maxCasts bounds the values one statement casts.
const maxCasts = 500

// castValues writes the text values of the date and time columns of rows
// as the warehouse's cast to the column's type gives them, as dbt casts
// each given and expected value: '2024-01-01 10:00:00' of a TIMESTAMP
// column is then the 2024-01-01T10:00:00Z a model's table holds. typeOf
// is the static type of a column; line places a value that does not cast.
func (r *runner) castValues(ut *project.UnitTest, line int, cols []string, typeOf func(col string) string, rows [][]any) error {
	types := castTypes[r.plan.dialect]
	type cell struct{ row, col int }
	var cells []cell
	var items []string
	for k, row := range rows {
		for i, v := range row {
			s, ok := v.(string)
			t := types[typeOf(cols[i])]
			if !ok || t == "" || strings.ContainsAny(s, `'\`) {
				continue
			}
			cells = append(cells, cell{k, i})
			items = append(items, fmt.Sprintf("cast('%s' as %s)", s, t))
		}
	}
	for start := 0; start < len(items); start += maxCasts {
		end := min(start+maxCasts, len(items))
		sql := "select " + strings.Join(items[start:end], ", ")
		tr, err := r.translateWith(sql, func(d *diag.Diagnostic, _, _ int) { d.File, d.Line, d.Col = ut.File, line, 0 })
		if err != nil {
			return err
		}
		q, err := r.db.Query(r.ctx, tr.sql, 1)
		if err != nil {
			return diag.Errorf(ut.File, line, "unit test %s: a value does not cast to its column's type: %s", ut.Name, cleanSQLiteError(err)).
				WithHint("write dates as 2024-01-01 and timestamps as 2024-01-01 10:00:00")
		}
		for j, c := range cells[start:end] {
			rows[c.row][c.col] = q.Rows[0][j]
		}
	}
	return nil
}

// instantText is how a table holds a timestamp: 2024-01-01T10:00:00Z.
var instantText = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)

// heldAsInstant tells whether column j of rows holds timestamps as a
// table holds them, when the translator did not know its type: the
// expected values are cast to TIMESTAMP then.
func heldAsInstant(rows [][]any, j int) bool {
	for _, row := range rows {
		if row[j] == nil {
			continue
		}
		s, ok := row[j].(string)
		return ok && instantText.MatchString(s)
	}
	return false
}
