package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// SchemaCreate is a CREATE SCHEMA statement of a hook or run_query. The
// warehouse creates the schema; here the engine makes its SQLite schema
// (store.EnsureSchema), so the statement is taken out of the SQL.
type SchemaCreate struct {
	Database    string // as written, "" when the name has no database
	Schema      string // as written, unquoted
	IfNotExists bool
	// OrReplace drops the schema's relations first (Snowflake's CREATE
	// OR REPLACE SCHEMA); CloneSchema (and CloneDatabase) name the schema
	// whose tables Snowflake's CLONE copies into the new one.
	OrReplace                  bool
	CloneDatabase, CloneSchema string
	Line, Col                  int // where the statement starts in the SQL
}

// TakeSchemaCreates removes CREATE SCHEMA statements from sql and returns
// them with the remaining SQL, whose line breaks and comments are kept. Options that
// change no result (COMMENT, OPTIONS(...), WITH MANAGED ACCESS, a data
// retention time, a collation) are accepted; OR REPLACE, which drops the
// schema's tables, and CLONE are the engine's to carry out in Snowflake,
// and refused elsewhere and for a past state (AT | BEFORE).
func TakeSchemaCreates(d Dialect, sql string) (string, []SchemaCreate, error) {
	if !strings.Contains(strings.ToLower(sql), "schema") {
		return sql, nil, nil
	}
	toks, err := lex(d, sql)
	if err != nil {
		return "", nil, err
	}
	var creates []SchemaCreate
	rest, err := takeStatements(toks, func(stmt []token) (bool, error) {
		c, ok, err := schemaCreate(d, words(stmt))
		if ok && err == nil {
			creates = append(creates, c)
		}
		return ok, err
	})
	if err != nil {
		return "", nil, err
	}
	return rest, creates, nil
}

// schemaCreate reads one statement's significant tokens as CREATE SCHEMA;
// ok is false for any other statement.
func schemaCreate(d Dialect, w []token) (c SchemaCreate, ok bool, err error) {
	if n := len(w); n > 0 && w[n-1].text == ";" {
		w = w[:n-1]
	}
	if len(w) < 2 || w[0].lower != "create" {
		return c, false, nil
	}
	fail := func(t token, msg, hint string) error {
		return &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col, Message: msg, Hint: hint}
	}
	i := 1
	orReplace := false
	for i < len(w) && w[i].kind == kWord {
		switch w[i].lower {
		case "or", "replace":
			orReplace = true
			i++
			continue
		case "transient":
			i++
			continue
		}
		break
	}
	if i >= len(w) || w[i].kind != kWord || w[i].lower != "schema" {
		return c, false, nil
	}
	c.Line, c.Col = w[0].line, w[0].col
	if orReplace && d != Snowflake {
		return c, true, fail(w[0], "CREATE OR REPLACE SCHEMA ("+string(d)+") drops every table of the schema first, which is not done here",
			"write CREATE SCHEMA IF NOT EXISTS, and drop the tables you mean to drop")
	}
	c.OrReplace = orReplace
	i++
	if i+2 < len(w) && w[i].lower == "if" && w[i+1].lower == "not" && w[i+2].lower == "exists" {
		c.IfNotExists = true
		i += 3
	}
	var named bool
	if c.Database, c.Schema, i, named = schemaName(d, w, i); !named {
		return c, true, fail(w[0], "CREATE SCHEMA needs a schema name, optionally after its database",
			"write CREATE SCHEMA IF NOT EXISTS name")
	}
	for k, t := range w[i:] {
		if t.kind != kWord || t.lower != "clone" {
			continue
		}
		// Snowflake's CLONE src: the tables of a schema of the project's
		// database, as they are now (AT | BEFORE, time travel, is not kept)
		db, src, next, named := schemaName(d, w, i+k+1)
		if d != Snowflake || !named || next < len(w) && (w[next].lower == "at" || w[next].lower == "before") {
			return c, true, fail(t, "CREATE SCHEMA ... CLONE ("+string(d)+") of "+cloneWhat(d, named)+" is not done here",
				"create the schema and build its tables from the project's models")
		}
		c.CloneDatabase, c.CloneSchema = db, src
		break
	}
	return c, true, nil
}

// SchemaDrop is a DROP SCHEMA statement of a hook or run_query, which the
// engine carries out on the SQLite schema: it drops the schema's tables
// and views (TakeSchemaDrops).
type SchemaDrop struct {
	Database string // as written, "" when the name has no database
	Schema   string // as written, unquoted
	IfExists bool
	// Restrict is set where a schema holding relations is not dropped:
	// RESTRICT written, or the warehouse's default (BigQuery's and
	// DuckDB's); Snowflake's RESTRICT only guards foreign keys, which
	// are not kept here, and its default is CASCADE.
	Restrict  bool
	Line, Col int // where the statement starts in the SQL
}

// TakeSchemaDrops removes DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]
// statements from sql and returns them with the remaining SQL, whose line
// breaks and comments are kept.
func TakeSchemaDrops(d Dialect, sql string) (string, []SchemaDrop, error) {
	if d == SQLite || !strings.Contains(strings.ToLower(sql), "schema") {
		return sql, nil, nil
	}
	toks, err := lex(d, sql)
	if err != nil {
		return "", nil, err
	}
	var drops []SchemaDrop
	rest, err := takeStatements(toks, func(stmt []token) (bool, error) {
		c, ok, err := schemaDrop(d, words(stmt))
		if ok && err == nil {
			drops = append(drops, c)
		}
		return ok, err
	})
	if err != nil {
		return "", nil, err
	}
	return rest, drops, nil
}

// schemaDrop reads one statement's significant tokens as DROP SCHEMA; ok
// is false for any other statement.
func schemaDrop(d Dialect, w []token) (c SchemaDrop, ok bool, err error) {
	if n := len(w); n > 0 && w[n-1].text == ";" {
		w = w[:n-1]
	}
	if len(w) < 2 || w[0].lower != "drop" || w[1].kind != kWord || w[1].lower != "schema" {
		return c, false, nil
	}
	c.Line, c.Col = w[0].line, w[0].col
	fail := func(t token, msg, hint string) error {
		return &diag.Diagnostic{Severity: diag.Error, Line: t.line, Col: t.col, Message: msg, Hint: hint}
	}
	i := 2
	if i+1 < len(w) && w[i].lower == "if" && w[i+1].lower == "exists" {
		c.IfExists = true
		i += 2
	}
	var named bool
	if c.Database, c.Schema, i, named = schemaName(d, w, i); !named {
		return c, true, fail(w[0], "DROP SCHEMA needs a schema name, optionally after its database",
			"write DROP SCHEMA IF EXISTS name")
	}
	c.Restrict = d != Snowflake
	if i < len(w) && w[i].kind == kWord && (w[i].lower == "cascade" || w[i].lower == "restrict") {
		c.Restrict = w[i].lower == "restrict" && d != Snowflake
		i++
	}
	if i < len(w) {
		return c, true, fail(w[i], "DROP SCHEMA "+c.Schema+" is followed by "+w[i].text+", which is not read here",
			"write DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]")
	}
	return c, true, nil
}

// schemaName reads [database.]schema at w[i], names quoted or not, and
// returns where it ends; ok is false when no such name is there. In
// BigQuery one pair of backticks may quote the whole path,
// `project.dataset`, as BigQuery reads it.
func schemaName(d Dialect, w []token, i int) (database, schema string, next int, ok bool) {
	var parts []string
	for i < len(w) {
		t := w[i]
		if t.kind != kWord && t.kind != kQuoted {
			break
		}
		name := t.text
		if t.kind == kQuoted {
			name = t.text[1 : len(t.text)-1]
		}
		if d == BigQuery && t.kind == kQuoted && t.text[0] == '`' && strings.Contains(name, ".") {
			parts = append(parts, strings.Split(name, ".")...)
		} else {
			parts = append(parts, name)
		}
		i++
		if i < len(w) && w[i].kind == kDot {
			i++
			continue
		}
		break
	}
	switch len(parts) {
	case 1:
		return "", parts[0], i, true
	case 2:
		return parts[0], parts[1], i, true
	}
	return "", "", i, false
}

// cloneWhat says which CLONE of a schema is refused: every one outside
// Snowflake, and Snowflake's of a past state (AT | BEFORE).
func cloneWhat(d Dialect, named bool) string {
	switch {
	case d != Snowflake:
		return "a schema of the warehouse"
	case !named:
		return "no schema name"
	}
	return "a past state (AT | BEFORE: time travel keeps no past states here)"
}
