package dialect

import "strings"

// Schemas lets SQL name a relation the playground builds by the names dbt
// gives it (target.schema, this.schema, ref(...).schema): dbt's default
// generate_schema_name puts a model in the target's schema, or in
// <target schema>_<custom> for a custom schema, which the playground builds
// in SQLite's main and in <custom>. The zero value maps nothing (no
// profile, or a root project naming its schemas with its own
// generate_schema_name).
type Schemas struct {
	database, target string
	attached         string // ",a,b," in lower case: comparable, for a memo key
}

// NewSchemas maps the names dbt gives under a target of that database and
// schema to the attached SQLite schemas (main and temp need not be listed).
func NewSchemas(database, target string, attached []string) Schemas {
	s := Schemas{database: strings.ToLower(database), target: strings.ToLower(target), attached: ",main,temp,"}
	for _, a := range attached {
		if a = strings.ToLower(a); !s.has(a) {
			s.attached += a + ","
		}
	}
	return s
}

func (s Schemas) has(schema string) bool {
	return !strings.Contains(schema, ",") && strings.Contains(s.attached, ","+schema+",")
}

// sqlite is the SQLite schema of a relation the SQL names as
// database.schema (database "" when it names none), in lower case; ok is
// false when the name is to be printed as written. A schema attached as it
// is named (a source's analytics_raw) is that schema; otherwise dbt's
// default is undone: the target's schema is main and <target>_<custom> is
// <custom>, case aside, as warehouses fold unquoted names. The target's
// database is dropped; another database is left as written.
func (s Schemas) sqlite(database, schema string) (string, bool) {
	database, schema = strings.ToLower(database), strings.ToLower(schema)
	if s.target == "" || database != "" && database != s.database {
		return "", false
	}
	switch custom, isCustom := strings.CutPrefix(schema, s.target+"_"); {
	case s.has(schema):
		if database == "" {
			return "", false
		}
	case schema == s.target:
		schema = "main"
	case isCustom && s.has(custom):
		schema = custom
	case database == "":
		return "", false
	}
	return schema, true
}
