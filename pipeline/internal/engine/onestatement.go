package engine

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// oneStatement refuses a model whose compiled SQL holds a second statement:
// the engine wraps a model in its own statements (a savepoint, CREATE
// TABLE AS), and a second statement would run outside them. second is
// where it starts (store.SecondStatement), -1 for none.
func oneStatement(m *project.Model, d dialect.Dialect, rendered, sql string, second int) error {
	i := second
	if i < 0 {
		return nil
	}
	if at := dialect.MergeLine(d, rendered); at > 0 {
		line := mapLineExact(m.SQL, rendered, at)
		if line == 0 {
			line = 1
		}
		return diag.Errorf(m.Path, line, "model %s is a MERGE statement; a model is one select", m.Name).
			WithHint("select the new rows and configure materialized='incremental' with unique_key and incremental_strategy='merge'; a MERGE runs in a hook, an operation or a statement block")
	}
	compiled := strings.Count(sql[:i], "\n") + 1
	line := mapLineExact(m.SQL, sql, compiled)
	if line == 0 {
		line = 1
	}
	return diag.Errorf(m.Path, line, "model %s holds more than one SQL statement; only the first may run", m.Name).
		WithHint("a model is one select: remove the `;` and what follows it")
}
