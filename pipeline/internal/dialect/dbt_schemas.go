package dialect

import "strings"

// Schemas lets SQL name a relation the playground builds by the names dbt
// gives it (target.schema, this.schema, ref(...).schema: jinja's
// dbtSchema): dbt's default generate_schema_name puts a model in the
// target's schema, or in <target schema>_<custom> for a custom schema,
// which the playground builds in SQLite's main and in <custom>. The zero
// value maps nothing; OwnSchemas maps a root project naming its schemas
// with its own generate_schema_name.
type Schemas struct {
	database, target string
	attached         string // ",main,temp,a,B,": comparable, for a memo key
	sources          string // sourceKey and SQLite schema of each source table, likewise
	views            string // "\x00schema.name\x00" of each view model, lower case, likewise
}

// SourceTable is a source's table by the names dbt gives it (its yml's
// database, schema and identifier) and the SQLite schema the playground
// reads it from (a seed's: main, or its custom schema).
type SourceTable struct {
	Database, Schema, Identifier string
	SQLite                       string
	// TargetDatabase is set when Database is the target's: SQL naming
	// the table without a database reads it too.
	TargetDatabase bool
}

// WithSources maps the names dbt gives source tables too, whether or not
// the schemas of models are mapped (a root generate_schema_name).
func (s Schemas) WithSources(tables []SourceTable) Schemas {
	var b strings.Builder
	for _, t := range tables {
		if strings.ContainsAny(t.Database+t.Schema+t.Identifier+t.SQLite, "\x00\x01\x02") {
			continue
		}
		b.WriteString(sourceKey(t.Database, t.Schema, t.Identifier) + t.SQLite)
		if t.TargetDatabase {
			b.WriteString(sourceKey("", t.Schema, t.Identifier) + t.SQLite)
		}
	}
	s.sources = b.String()
	return s
}

func sourceKey(database, schema, table string) string {
	return "\x01" + strings.ToLower(database) + "\x00" + strings.ToLower(schema) + "\x00" + strings.ToLower(table) + "\x02"
}

// Source is the SQLite schema of a source table SQL names by dbt's names,
// database.schema.table (database "" when it names none), case aside, as
// warehouses fold unquoted names: source('raw', 'orders').schema ~ '.' ~
// ....identifier reads the seed the source reads.
func (s Schemas) Source(database, schema, table string) (string, bool) {
	k := sourceKey(database, schema, table)
	i := strings.Index(s.sources, k)
	if i < 0 {
		return "", false
	}
	rest := s.sources[i+len(k):]
	if j := strings.IndexByte(rest, 1); j >= 0 {
		rest = rest[:j]
	}
	return rest, true
}

// WithViews says which relations (SQLite schema.name) are models
// materialized as views: the playground stores their rows, and the
// warehouse's catalog (INFORMATION_SCHEMA.TABLES) calls them views.
func (s Schemas) WithViews(views []string) Schemas {
	var b strings.Builder
	for _, v := range views {
		if !strings.ContainsRune(v, 0) {
			b.WriteString("\x00" + strings.ToLower(v))
		}
	}
	if b.Len() > 0 {
		b.WriteByte(0)
	}
	s.views = b.String()
	return s
}

// IsView reports whether schema.name is a model materialized as a view
// (WithViews), case aside.
func (s Schemas) IsView(schema, name string) bool {
	return s.views != "" && strings.Contains(s.views, "\x00"+strings.ToLower(schema+"."+name)+"\x00")
}

// viewNames lists the relations WithViews was given, as lower-case
// schema.name.
func (s Schemas) viewNames() []string {
	if s.views == "" {
		return nil
	}
	return strings.Split(strings.Trim(s.views, "\x00"), "\x00")
}

// NewSchemas maps the names dbt gives under a target of that database and
// schema to the attached SQLite schemas (main and temp need not be listed).
func NewSchemas(database, target string, attached []string) Schemas {
	s := Schemas{database: database, target: target, attached: ",main,temp,"}
	for _, a := range attached {
		if _, ok := s.lookup(a); !ok && !strings.Contains(a, ",") {
			s.attached += a + ","
		}
	}
	return s
}

// OwnSchemas maps the names of a root project that names its schemas
// with its own generate_schema_name, where a model is built in the schema
// the macro names: only the target's database is dropped.
func OwnSchemas(database string) Schemas { return Schemas{database: database} }

// lookup is the attached schema of that name, case aside, as attached.
func (s Schemas) lookup(name string) (string, bool) {
	for _, a := range strings.Split(strings.Trim(s.attached, ","), ",") {
		if strings.EqualFold(a, name) {
			return a, true
		}
	}
	return "", false
}

// SQLite is the SQLite schema of a relation the SQL names as
// database.schema (database "" when it names none); ok is false when the
// name is to be kept as written. dbt's default is undone: the target's
// schema is main and <target>_<custom> is <custom>, case aside, as
// warehouses fold unquoted names; otherwise a schema attached as it is
// named (a source's analytics_raw) is that schema. The target's database is
// dropped; another database is kept as written.
func (s Schemas) SQLite(database, schema string) (string, bool) {
	if database != "" && !strings.EqualFold(database, s.database) {
		return "", false
	}
	if s.target == "" {
		// the root project names its schemas: built as named
		return schema, database != ""
	}
	if strings.EqualFold(schema, s.target) {
		return "main", true
	}
	// dbt's name first: with custom schemas raw and equities_raw under the
	// target equities, equities_raw is where dbt builds raw, and the
	// playground's schema equities_raw is dbt's equities_equities_raw.
	if n := len(s.target) + 1; len(schema) > n && strings.EqualFold(schema[:n], s.target+"_") {
		if a, ok := s.lookup(schema[n:]); ok && !strings.EqualFold(a, "main") && !strings.EqualFold(a, "temp") {
			return a, true
		}
	}
	if a, ok := s.lookup(schema); ok {
		return a, database != ""
	}
	if database != "" {
		return schema, true
	}
	return "", false
}

// Known tells whether the names are mapped for a target (its database
// known), which the zero value is not.
func (s Schemas) Known() bool { return s.database != "" }

// Database is the target's database.
func (s Schemas) Database() string { return s.database }

// DropsDatabase tells whether database.schema.table names a table of the
// playground's by the target's database, which the translation drops.
func (s Schemas) DropsDatabase(database, schema, table string) bool {
	if _, ok := s.Source(database, schema, table); ok {
		return true
	}
	_, ok := s.SQLite(database, schema)
	return ok && database != ""
}

// resolveStars names the SQLite schema in schema.table.* of a FROM table
// named by dbt's schema name, as the FROM item has it.
func resolveStars(info *selectInfo) {
	for _, it := range info.items {
		schema, table, ok := strings.Cut(it.name, ".")
		if it.kind != nStar || !ok || strings.Contains(table, ".") {
			continue
		}
		for _, r := range info.from {
			if f := r.from; f.kind == fromTable && f.resolved && f.written == schema && f.table == table {
				it.name = f.schema + "." + table
			}
		}
	}
}

// resolveQualifier prints schema, a FROM table's SQLite schema, at tok,
// the qualifier of a column (schema.table.column) that names it by dbt's
// schema name.
func (t *translator) resolveQualifier(tok int, schema string) {
	if identName(t.toks[tok]) != schema {
		if t.qualifiers == nil {
			t.qualifiers = map[int]string{}
		}
		t.qualifiers[tok] = quoteIdent(schema)
		t.pr.setTok(tok, t.qualifiers[tok])
	}
}
