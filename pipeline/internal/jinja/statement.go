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
	rows, err := e.queryAs(what, body.String(), false)
	if err != nil {
		return exec.AsValue(err)
	}
	if rows != nil {
		if name != nil && !name.IsNil() {
			e.results[name.String()] = rows
		}
	}
	return exec.AsValue("")
}

// loadResult is dbt's load_result(name): the answer of the statement of
// that name, as data (rows of values) and table; none before it ran.
func (e *Env) loadResult(a *exec.VarArgs) (*exec.Value, error) {
	if len(a.Args) != 1 {
		return nil, e.fail("load_result() takes 1 argument", "")
	}
	rows, ok := e.results[a.Args[0].String()]
	if !ok {
		return noneValue(), nil
	}
	t := newTable(rows)
	data := make([]any, len(t))
	for i, r := range t {
		data[i] = r.vals
	}
	return exec.AsValue(attrs{
		"data":     data,
		"table":    t,
		"response": attrs{"code": "SELECT", "rows_affected": len(rows.Rows)},
	}), nil
}
