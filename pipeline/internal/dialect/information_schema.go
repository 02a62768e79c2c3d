package dialect

import (
	"strings"
)

// The warehouses' INFORMATION_SCHEMA.TABLES, COLUMNS and SCHEMATA, which
// packages read to find relations (dbt_utils' get_relations_by_pattern),
// are subqueries over SQLite's catalog (pragma_table_list,
// pragma_table_info, pragma_database_list): every schema but temp, the
// engine's own tables left out, each schema by the name dbt gives it (the
// target's schema for main, <target>_<schema> for another) when the
// schemas are dbt's. Snowflake's catalog holds unquoted names in upper
// case, and a column's name as it was created (column_name_of,
// snowflake_names.go). BigQuery's dataset.INFORMATION_SCHEMA.TABLES lists that dataset's.
// A column's data_type is the warehouse's name of its type where the engine
// knows it (sqlfunc's column_type_of), as get_columns_in_relation gives it.
// A model materialized as a view is a VIEW there, though its rows are
// stored (Schemas.WithViews).

// informationSchema is the subquery for FROM item f, "" when f names no
// view of INFORMATION_SCHEMA.
func (t *translator) informationSchema(f *fromInfo) string {
	if f.kind != fromTable || !strings.EqualFold(f.written, "information_schema") {
		return ""
	}
	parts := strings.Split(strings.NewReplacer("`", "", `"`, "").Replace(joinRaw(t.toks[f.nameStart:f.nameEnd])), ".")
	dataset := ""
	if t.d == BigQuery && len(parts) == 4 {
		dataset = parts[1]
	}
	schema := "d.name"
	if strings.EqualFold(f.table, "tables") || strings.EqualFold(f.table, "columns") {
		schema = "t.schema"
	}
	dbtName := t.dbtSchemaName(schema)
	name := func(x string) string {
		if t.d == Snowflake {
			return "upper(" + x + ")"
		}
		return x
	}
	columnName := "c.name"
	if t.d == Snowflake {
		// as the column was created: quoted or not (column_name_of)
		columnName = "coalesce(column_name_of(t.schema, t.name, c.name), upper(c.name))"
	}
	facets := ""
	if t.d == Snowflake {
		// a TEXT's length, a NUMBER's precision and scale (column_facet_of)
		for _, f := range [][2]string{{"length", "character_maximum_length"}, {"precision", "numeric_precision"}, {"scale", "numeric_scale"}} {
			facets += ", column_facet_of(t.schema, t.name, c.name, c.type, '" + f[0] + "') AS " + f[1]
		}
	}
	catalog := sqlString(t.opts.Schemas.database)
	if t.d == Snowflake {
		catalog = sqlString(strings.ToUpper(t.opts.Schemas.database))
	}
	tables := " FROM pragma_table_list AS t"
	where := " WHERE t.schema <> 'temp' AND t.type IN ('table', 'view') AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND t.name NOT LIKE '\\_nexus\\_%' ESCAPE '\\'"
	if dataset != "" {
		where += " AND " + dbtName + " = " + sqlString(dataset) + " COLLATE NOCASE"
	}
	var sel string
	switch strings.ToLower(f.table) {
	case "tables":
		sel = "SELECT " + catalog + " AS table_catalog, " + name(dbtName) + " AS table_schema, " + name("t.name") + " AS table_name, " +
			"CASE WHEN t.type = 'view'" + t.viewModels() + " THEN 'VIEW' ELSE 'BASE TABLE' END AS table_type" + tables + where
	case "columns":
		sel = "SELECT " + catalog + " AS table_catalog, " + name(dbtName) + " AS table_schema, " + name("t.name") + " AS table_name, " +
			columnName + " AS column_name, c.cid + 1 AS ordinal_position, column_type_of(t.schema, t.name, c.name, c.type) AS data_type, " +
			"CASE WHEN c.\"notnull\" THEN 'NO' ELSE 'YES' END AS is_nullable" + facets + tables + " JOIN pragma_table_info(t.name, t.schema) AS c" + where
	case "schemata":
		sel = "SELECT " + catalog + " AS catalog_name, " + name(dbtName) + " AS schema_name FROM pragma_database_list AS d WHERE d.name <> 'temp'"
	default:
		return ""
	}
	out := "(" + sel + ")"
	if f.aliasStart < 0 {
		out += " AS " + quoteIdent(f.table)
	}
	return out
}

// viewModels is the condition, after t.type = 'view', that also calls the
// models materialized as views views: their rows are stored in tables.
func (t *translator) viewModels() string {
	names := t.opts.Schemas.viewNames()
	if len(names) == 0 {
		return ""
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = sqlString(n)
	}
	return " OR lower(t.schema || '.' || t.name) IN (" + strings.Join(quoted, ", ") + ")"
}

// dbtSchemaName is the SQL of the schema dbt names for SQLite schema col:
// main is the target's schema, another s is <target schema>_s (README,
// custom schemas); col itself without a target schema.
func (t *translator) dbtSchemaName(col string) string {
	target := t.opts.Schemas.target
	if target == "" {
		return col
	}
	return "CASE " + col + " WHEN 'main' THEN " + sqlString(target) + " ELSE " + sqlString(target+"_") + " || " + col + " END"
}
