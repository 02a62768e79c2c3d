package engine

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// enforceContract holds a model with contract: {enforced: true} to the
// columns its properties declare, as dbt does before it builds the model:
// every column needs a data_type, the query must give exactly the declared
// columns, and a not_null constraint fails the model on a NULL, as the
// warehouses enforce it. The table then has the contract's column order,
// as dbt creates it. It returns the SQL to build.
//
// The data types are not compared: the playground stores SQLite's types,
// so a warning says so rather than letting a type mismatch pass unnoticed.
func (r *runner) enforceContract(m *project.Model, materialized, sql string) (string, error) {
	if materialized == "ephemeral" {
		return "", diag.Errorf(m.Path, 1, "model %s is ephemeral and enforces a contract: dbt does not support contracts on ephemeral models", m.Name).
			WithHint("materialize it as a table or view, or drop the contract")
	}
	file, line := m.Path, 1
	var untyped []string
	for _, c := range m.Columns {
		if c.DataType == "" {
			untyped = append(untyped, c.Name)
		}
	}
	if len(m.Columns) > 0 {
		file, line = m.Columns[0].File, m.Columns[0].Line
	}
	if len(untyped) > 0 {
		return "", diag.Errorf(file, line, "model %s enforces a contract, and column %s has no data_type", m.Name, strings.Join(untyped, ", ")).
			WithHint("give every column of a contracted model its data_type, as dbt requires")
	}
	q, err := r.db.Query(r.ctx, "SELECT * FROM (\n"+sql+"\n) LIMIT 0", 0)
	if err != nil {
		return "", &sqlError{err: err, sql: sql}
	}
	declared := map[string]bool{}
	for _, c := range m.Columns {
		declared[strings.ToLower(c.Name)] = true
	}
	given := map[string]string{} // lower case: as the query names it
	var problems []string
	for _, c := range q.Columns {
		given[strings.ToLower(c)] = c
		if !declared[strings.ToLower(c)] {
			problems = append(problems, fmt.Sprintf("%s is missing in the contract", c))
		}
	}
	for _, c := range m.Columns {
		if _, ok := given[strings.ToLower(c.Name)]; !ok {
			problems = append(problems, fmt.Sprintf("%s is missing in the definition", c.Name))
		}
	}
	if len(problems) > 0 {
		return "", diag.Errorf(file, line, "model %s has an enforced contract that failed: column %s", m.Name, strings.Join(problems, "; column ")).
			WithHint("make the model's columns and the columns of its properties the same, as dbt checks them")
	}
	// the contract's names, in its order
	cols := make([]string, len(m.Columns))
	var nulls []string
	for i, c := range m.Columns {
		in := store.Ident(given[strings.ToLower(c.Name)])
		cols[i] = in + " AS " + store.Ident(c.Name)
		if c.NotNull {
			nulls = append(nulls, in+" IS NULL")
		}
	}
	// one line, so the model's lines keep their numbers in errors
	out := "SELECT " + strings.Join(cols, ", ") + " FROM (" + sql + "\n)"
	if len(nulls) > 0 {
		q, err := r.db.Query(r.ctx, "SELECT "+strings.Join(cols, ", ")+" FROM (\n"+sql+"\n) WHERE "+strings.Join(nulls, " OR ")+" LIMIT 1", 1)
		if err != nil {
			return "", &sqlError{err: err, sql: sql}
		}
		if len(q.Rows) > 0 {
			var names []string
			for i, c := range m.Columns {
				if c.NotNull && q.Rows[0][i] == nil {
					names = append(names, c.Name)
				}
			}
			return "", diag.Errorf(file, line, "model %s breaks its contract's not_null constraint: column %s holds NULL", m.Name, strings.Join(names, ", ")).
				WithHint("filter or fill the NULLs, or drop the constraint: the warehouse refuses the row")
		}
	}
	r.res.Diagnostics = append(r.res.Diagnostics, diag.Diagnostic{Severity: diag.Warning, File: file, Line: line,
		Message: fmt.Sprintf("model %s: the contract's column names and not_null constraints are enforced, its data types are not compared (the playground stores SQLite's types)", m.Name)})
	return out, nil
}
