package jinja

import (
	"strings"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// informationSchema is dbt's relation.information_schema(view_name=None):
// the INFORMATION_SCHEMA of the relation's database, or its view of that
// name, as dbt's InformationSchema relation prints it: database, then
// INFORMATION_SCHEMA, then the view, the database quoted as the adapter
// quotes it (Snowflake's not at all). dbt-bigquery's also names the
// dataset, except for SCHEMATA, whose views list a whole project. The
// translator reads its TABLES, COLUMNS and SCHEMATA.
func (r relValue) informationSchema(a *exec.VarArgs) *exec.Value {
	view := ""
	if v := arg(a, 0, "view_name"); v != nil && v.IsString() {
		// dbt reads anything but a string (none, undefined) as no view
		view = v.String()
	}
	database, _ := r.GetAttribute("database")
	parts := []string{quotePart(r.warehouse, database.String())}
	if r.warehouse == "bigquery" && view != "" && !strings.EqualFold(view, "schemata") && !strings.EqualFold(view, "schemata_options") {
		schema, _ := r.GetAttribute("schema")
		parts = append(parts, quotePart(r.warehouse, schema.String()))
	}
	parts = append(parts, "INFORMATION_SCHEMA")
	if view != "" {
		parts = append(parts, view)
	}
	return exec.AsValue(strings.Join(parts, "."))
}

// quotePart quotes one part of a relation's name as the warehouse's
// adapter does by default.
func quotePart(warehouse, s string) string {
	switch warehouse {
	case "snowflake":
		return s
	case "bigquery":
		return "`" + strings.ReplaceAll(s, "`", "\\`") + "`"
	}
	return quoteIdent(s)
}
