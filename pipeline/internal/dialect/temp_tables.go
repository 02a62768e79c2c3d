package dialect

import "strings"

// A warehouse's temporary table is found by the name of the schema it
// belongs to: Snowflake makes one in the schema it names (create temporary
// table s.x) or the current one, and s.x then names it before a permanent
// table of its name; DuckDB and BigQuery make one named alone, which
// main.x (dbt's name for a relation in the target's schema) finds too.
// SQLite keeps temporary tables in temp alone. The statement creates
// temp.x and gives the schema as the table's Home; the engine names such
// tables to later statements (Options.Temporary), in which s.x reads,
// writes and drops temp.x.

// tempHome is the SQLite schema a CREATE TEMPORARY TABLE makes its table
// in, "" for any other statement and in SQLite's SQL.
func (t *translator) tempHome(c *createInfo) string {
	if t.d == SQLite || !c.temp || c.name == nil {
		return ""
	}
	if len(c.name.names) < 2 {
		return "main" // the target's schema
	}
	if t.d != Snowflake {
		return ""
	}
	c.temp = false
	schema, _ := t.createdName(c)
	c.temp = true
	return strings.ToLower(schema)
}

// temporary reports whether schema.table names a temporary table created
// in that schema.
func (t *translator) temporary(schema, table string) bool {
	return t.d != SQLite && schema != "" && t.opts.Temporary != nil && t.opts.Temporary(strings.ToLower(schema), strings.ToLower(table))
}
