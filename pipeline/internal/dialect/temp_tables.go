package dialect

import "strings"

// Snowflake makes a temporary table in a schema (create temporary table
// s.x), where s.x then names it before a permanent table of its name;
// SQLite keeps temporary tables in temp alone. The statement creates
// temp.x and gives s as the table's Home; the engine names such tables to
// later statements (Options.Temporary), in which s.x reads, writes and
// drops temp.x.

// tempHome is the SQLite schema a Snowflake CREATE TEMPORARY TABLE makes
// its table in, "" for any other statement.
func (t *translator) tempHome(c *createInfo) string {
	if t.d != Snowflake || !c.temp || c.name == nil {
		return ""
	}
	if len(c.name.names) < 2 {
		return "main" // the target's schema, where Snowflake makes it
	}
	c.temp = false
	schema, _ := t.createdName(c)
	c.temp = true
	return strings.ToLower(schema)
}

// temporary reports whether schema.table names a temporary table created
// in that schema.
func (t *translator) temporary(schema, table string) bool {
	return t.d == Snowflake && schema != "" && t.opts.Temporary != nil && t.opts.Temporary(strings.ToLower(schema), strings.ToLower(table))
}
