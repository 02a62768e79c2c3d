package dialect

import (
	"fmt"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Snowflake's USE statements set the session's role, warehouse, database
// or schema (dbt-snowflake runs each statement of a hook or run_query in
// turn, so a macro may open with `use database {{ target.database }};`).
// A role, warehouse or secondary roles change no result here, and the
// session's database and schema are the target's: USE of those is taken
// out of the SQL; USE of another database or schema, after which names
// written alone would find other tables, is refused by name.

// takeUse takes a Snowflake USE statement out (true), or refuses it.
func takeUse(stmt []token, defs *Defs) (bool, error) {
	w, _ := statementWords(stmt)
	if len(w) < 2 || w[0].kind != kWord || w[0].lower != "use" {
		return false, nil
	}
	fail := func(t token, msg, hint string) error {
		return &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col, Message: msg, Hint: hint}
	}
	kind, i := "database", 1
	switch w[1].lower {
	case "role", "warehouse":
		return true, nil
	case "secondary":
		if len(w) > 2 && w[2].lower == "roles" {
			return true, nil
		}
	case "database", "schema":
		kind, i = w[1].lower, 2
	}
	var parts []string
	for ; i < len(w); i++ {
		switch w[i].kind {
		case kWord:
			parts = append(parts, w[i].lower)
		case kQuoted:
			parts = append(parts, strings.ToLower(w[i].text[1:len(w[i].text)-1]))
		case kDot:
			continue
		default:
			return true, fail(w[i], fmt.Sprintf("USE %s: %s is no name", strings.ToUpper(kind), w[i].text),
				"write USE SCHEMA name or USE DATABASE name")
		}
	}
	if len(parts) == 0 {
		return true, fail(w[0], "USE needs the name of a database or schema", "write USE SCHEMA name or USE DATABASE name")
	}
	same := func(a, b string) bool { return b == "" || strings.EqualFold(a, b) }
	switch {
	case kind == "database" && len(parts) == 1 && same(parts[0], defs.Database):
		return true, nil
	case kind == "schema" && len(parts) == 1 && same(parts[0], defs.Schema),
		kind == "schema" && len(parts) == 2 && same(parts[0], defs.Database) && same(parts[1], defs.Schema):
		return true, nil
	}
	current := defs.Schema
	if kind == "database" {
		current = defs.Database
	}
	return true, fail(w[0], fmt.Sprintf("USE %s %s is not supported: the session's %s is the target's, %s, here, and names written alone would read other tables",
		strings.ToUpper(kind), strings.Join(parts, "."), kind, current),
		"name the schema in each table (schema.table) instead of USE")
}
