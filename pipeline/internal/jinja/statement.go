package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// statement is dbt's {% call statement(name, fetch_result=...) %}sql{% endcall %}:
// it runs the block's SQL, the warehouse's like run_query's, and keeps the
// answer under name for load_result. While parsing it runs nothing.
func (e *Env) statement(a *exec.VarArgs) *exec.Value {
	caller := e.pendingCaller
	e.pendingCaller = nil
	if caller == nil {
		return exec.AsValue(e.fail("statement() takes its SQL from a call block",
			"write {% call statement('name', fetch_result=True) %}select ...{% endcall %}"))
	}
	body := caller(exec.NewVarArgs())
	if body.IsError() {
		return body
	}
	what := "statement"
	name := arg(a, 0, "name")
	if name != nil && !name.IsNil() {
		what = fmt.Sprintf("statement(%q)", name.String())
	}
	rows, err := e.queryAs(what, body.String())
	if err != nil {
		return exec.AsValue(err)
	}
	if rows != nil && name != nil && !name.IsNil() {
		// Without fetch_result=True dbt keeps only the response: the
		// table is empty, without columns.
		res := statementResult{rows: rows, affected: len(rows.Rows)}
		if f := arg(a, 1, "fetch_result"); f == nil || !f.IsTrue() {
			res.rows = &Rows{}
		}
		e.results[name.String()] = res
	}
	return exec.AsValue("")
}

// statementResult is what a statement keeps for load_result: its rows
// (none unless fetched) and how many the SQL answered.
type statementResult struct {
	rows     *Rows
	affected int
}

// loadResult is dbt's load_result(name): the answer of the statement of
// that name, as data (rows of values), table and response; none before it
// ran. A statement without fetch_result=True answers with no data.
func (e *Env) loadResult(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 1 {
		return nil, e.fail("load_result() takes 1 argument", "")
	}
	res, ok := e.results[a.Args[0].String()]
	if !ok {
		return noneValue(), nil
	}
	t := newTable(res.rows)
	data := make([]any, len(t))
	for i, r := range t {
		data[i] = []any(r)
	}
	return exec.AsValue(attrs{
		"data":     data,
		"table":    t,
		"response": attrs{"code": "SELECT", "rows_affected": res.affected},
	}), nil
}
