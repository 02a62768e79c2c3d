// Package jinja renders dbt-style Jinja (models, tests, macros) with gonja v2
// and the dbt builtins a nexus project uses: ref, source, var, config,
// is_incremental, target, this, run_query, adapter, dbt_utils and the
// project's and packages' macros.
//
// Outputs are compared byte for byte with Jinja2 (dbt's engine) by the
// golden renders in testdata/golden, which testdata/jinja2_reference.py
// renders with Jinja2 on every test run.
package jinja

import "strings"

// Relation is a table a model reads or writes. It prints as schema.name
// (main.events for the main schema), which is how SQLite addresses a table
// in an attached database.
type Relation struct {
	Schema string
	Name   string
	// Filter is what a model reads of the relation: a microbatch batch's
	// condition (its event_time in the batch's window), or "false limit 0"
	// under --empty. The relation prints as (select * from it where
	// Filter), and its render() as itself, dbt's way to opt out. "" for
	// none.
	Filter string
}

// String renders the relation as it appears in compiled SQL. A part that is
// not a plain identifier (a model file named my-model.sql) is quoted.
func (r Relation) String() string {
	if r.Name == "" && r.Schema != "" {
		// a schema (api.Relation.create(schema=...)): dbt prints its
		// database and schema, the playground its schema
		return quoteIfNeeded(r.Schema)
	}
	if r.Schema == "" {
		// a name only (a unit test's fixture, a relation's
		// include(schema=false))
		return quoteIfNeeded(r.Name)
	}
	// main's tables print qualified too: dbt prints every relation with
	// its database and schema, which no CTE of the same name can hide,
	// where a bare name reads the CTE
	return quoteIfNeeded(r.Schema) + "." + quoteIfNeeded(r.Name)
}

func quoteIfNeeded(s string) string {
	if w, ok := strings.CutSuffix(s, "*"); ok && w != "" && quoteIfNeeded(w) == w {
		// a BigQuery wildcard table (a source's identifier events_*)
		// stays bare, as the translator reads dataset.events_*
		return s
	}
	plain := s != ""
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9'
	}
	if plain {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// FoundRelation is a relation Context.Relations lists: a table built here
// (Names empty: dbt's names of a node built in its schema), or a source's
// table by the names its yml gives it (Names set), read from Relation.
type FoundRelation struct {
	Relation
	Names SourceNames
}

// SourceNames are the names dbt gives a source's table.
type SourceNames struct{ Database, Schema, Identifier string }

// Column describes one column of a built relation.
type Column struct {
	Name string
	Type string // the warehouse's type name (DATE, TIMESTAMP, DOUBLE, VARCHAR in DuckDB); SQLite's: INTEGER, REAL, TEXT or ""
}

// Rows is the answer of a compile-time query (run_query, get_column_values).
type Rows struct {
	Columns []string
	// Rows hold int64, float64, bool, string, []byte, nil, Decimal or a
	// yamlx.Timestamp (a date or datetime, as the adapter's cursor gives
	// a DATE or TIMESTAMP column).
	Rows [][]any
}

// Target is dbt's `target` variable.
type Target struct {
	Name   string // "dev"
	Type   string // "sqlite"
	Schema string // "main"
	// Database is the profile output's database ("main" without one).
	Database string
	Profile  string
}

// Context is what a model sees while it renders. Every callback may be nil;
// a nil callback makes the matching Jinja function a render error that says
// what is unavailable.
type Context struct {
	// Package is the package of the node being rendered ("" for the root
	// project): its macros come first for bare names, as in dbt.
	Package string
	// Vars are the project vars merged with --vars.
	Vars map[string]any
	// Target is dbt's target.
	Target Target
	// This is the relation the model being rendered builds.
	This Relation
	// Model is dbt's `model`: the node being rendered as its graph entry
	// (name, alias, config, tags, fqn...). Nil gives name, schema and
	// unique_id from This.
	Model map[string]any
	// Execute is dbt's `execute`: false while the project is parsed (to find
	// refs and configs), true when the model is rendered to run.
	Execute bool
	// Parsing marks a node's parse render: var() of a var that is not set
	// and has no default is None, as in dbt's parser, which fails only when
	// the node is rendered to run (a disabled node's never is).
	Parsing bool
	// Incremental is the value of is_incremental().
	Incremental bool
	// Overrides are a unit test's overrides.macros other than
	// is_incremental, by name or package.name: what the rendered text
	// itself calls returns the value (overrides.go).
	Overrides map[string]any
	// EnvVars answer env_var() before the environment (a unit test's
	// overrides.env_vars).
	EnvVars map[string]string
	// Ref resolves ref('model') or ref('package', 'model'). line is the
	// template line of the call, for the error message.
	Ref func(pkg, name string, line int) (Relation, error)
	// Source resolves source('source_name', 'table_name').
	Source func(source, table string, line int) (Relation, error)
	// SourceName is the name dbt gives a source's table, which its
	// .database, .schema and .identifier are: as its yml declares them
	// (the target's database, the source's name, the table's name when
	// left out), whatever table the playground reads it from.
	SourceName func(source, table string) (database, schema, identifier string)
	// Config records config(...) keyword arguments of the model.
	Config func(kwargs map[string]any) error
	// RunQuery runs SQL against the tables already built (run_query and
	// the macros built on it). With Execute false it is not called and
	// run_query returns none, as in dbt. The SQL is the warehouse's,
	// translated like a model.
	RunQuery func(sql string) (*Rows, error)
	// Relations lists the built tables and views whose schema and name
	// match LIKE patterns (any case, \ escapes), those whose name matches
	// exclude ("" for none) left out (dbt_utils.get_relations_by_pattern).
	Relations func(schemaPattern, namePattern, exclude string) ([]FoundRelation, error)
	// Columns lists the columns of a built relation
	// (adapter.get_columns_in_relation, dbt_utils.union_relations).
	Columns func(rel Relation) ([]Column, error)
	// QueryColumns lists the columns a query in the warehouse's SQL gives,
	// named and typed as a relation built of it would be
	// (get_column_schema_from_query).
	QueryColumns func(sql string) ([]Column, error)
	// CreateSchema makes a SQLite schema exist (adapter.create_schema),
	// as the warehouse's create schema if not exists does.
	CreateSchema func(schema string) error
	// SchemasAsWritten are SQLite schemas dbt names as written, not
	// <target schema>_<schema>: those of snapshots configured with
	// target_schema, which dbt builds in exactly that schema whatever the
	// target.
	SchemasAsWritten []string
	// Schema is the SQLite schema of a schema a template names as dbt does
	// (adapter.get_relation(schema=this.schema, ...)): dbtSchema undone, as
	// the translator undoes it in SQL. Nil keeps the name as written.
	Schema func(name string) string
	// SourceSchema is the SQLite schema of a source's table a template
	// names by dbt's names (adapter.get_relation(source(...).database,
	// source(...).schema, source(...).identifier)); ok is false for none.
	SourceSchema func(database, schema, table string) (string, bool)
	// RelationType is dbt's type of a relation that exists (SQLite schema
	// and name): "view" for a model materialized as a view, whose rows the
	// playground stores, or a view SQL created; "table" otherwise. Nil
	// answers "table".
	RelationType func(schema, name string) string
	// Funcs are extra globals implemented in Go.
	Funcs map[string]Func
	// Globals are extra variables of this render (on-run-end's results),
	// as Go values: string, numbers, bool, nil, []any, map[string]any.
	Globals map[string]any
	// Log receives what a template writes to dbt's output: log(msg,
	// info=True) as LogInfo, print(...) as LogPrint, exceptions.warn(msg) as
	// LogWarn. log() without info=True goes only to dbt's debug log file,
	// and is dropped here. May be nil.
	Log func(level LogLevel, msg string)
	// MacroOutput, when set, receives the text of every macro call of the
	// render that returned text, inner calls before the calls they are in.
	MacroOutput func(MacroOutput)
	// Graph is dbt's graph variable; nil renders an empty one. GraphOf,
	// when Graph is nil, makes it the first time a template can read it:
	// most renders never do, and making it costs more than most renders.
	Graph   *Graph
	GraphOf func() *Graph
	// ModelConfig is the model's configuration from dbt_project.yml and
	// properties files; config.get(key, default) reads it after the values
	// the file passes to config() itself. May be nil.
	ModelConfig map[string]any
}

// MacroFile is one file of macros. Namespace is "" for the root project's
// own macros and the package name ("nexus") for a package's: they are
// callable as nexus.name, and bare from the package's own macros and nodes,
// as in dbt.
type MacroFile struct {
	Path      string
	Namespace string
	Source    string
}

// Func is a Go function exposed to templates under a global name (the
// pipeline adds the nexus resolver this way). Arguments arrive as Go values:
// string, int64, float64, bool, nil, []any, map[string]any or Relation.
// The result is converted back the same way.
type Func func(args []any, kwargs map[string]any) (any, error)

// LogLevel says which builtin wrote a message to dbt's output.
type LogLevel string

const (
	LogInfo  LogLevel = "info"
	LogPrint LogLevel = "print"
	LogWarn  LogLevel = "warn"
)

// Invocation is the dbt command a build stands for, as flags and
// invocation_args_dict give it.
type Invocation struct {
	Which           string // build, run, test, seed, snapshot, run-operation...
	FullRefresh     bool
	StoreFailures   bool
	Empty           bool
	Select, Exclude []string
}

// SetInvocation makes later renders see the command inv.
func (e *Env) SetInvocation(inv Invocation) { e.invocation = inv }
