// Package project loads a dbt project from an io/fs.FS: dbt_project.yml,
// models, seeds, tests, macros and the yml files that declare sources and
// schema tests. Packages (the built-in nexus package) load the same way and
// are merged in, the root project's configuration taking precedence.
package project

import (
	"io/fs"
	"path"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Project is a loaded root project with its packages merged in.
type Project struct {
	Name   string
	Vars   map[string]any
	Models []*Model
	Seeds  []*Seed
	// Exposures are the exposures its properties declare, for dbt's graph.
	Exposures []*Exposure
	Sources   []*Source
	Tests     []*Test
	// UnitTests are the unit_tests: entries of the root project.
	UnitTests []*UnitTest
	// Snapshots are the {% snapshot %} blocks of snapshot-paths.
	Snapshots []*Snapshot
	// Analyses are the .sql files of analysis-paths.
	Analyses []*Analysis
	// PythonModels are the .py models of model-paths, which the
	// playground does not run: a model name to its file.
	PythonModels map[string]string
	Macros       []jinja.MacroFile
	// Warnings are problems that do not stop a build, such as a generic
	// test from a package the playground does not ship.
	Warnings []diag.Diagnostic
	// Missing are the warnings (among Warnings) of packages an installed
	// package depends on that are not installed: a build that stops on a
	// call to one of their macros shows them too.
	Missing []diag.Diagnostic
	// MissingPackages are the namespaces of those packages (dbt_date):
	// a call into one parses, and fails where it runs.
	MissingPackages []string
	// Target is the profiles.yml output the project builds for.
	Target Target
	// yamlType is the warehouse chosen over the target's type (Choice).
	yamlType string
	// Files is the root project's file system.
	Files fs.FS
	// Packages says which packages were loaded and from where.
	Packages []Used
	// Dispatch is dbt_project.yml's dispatch: the packages
	// adapter.dispatch searches for each macro_namespace, in order.
	Dispatch map[string][]string
	// Behavior are the boolean flags: of dbt_project.yml, which change
	// what some of dbt's macros write.
	Behavior map[string]bool
	// ProjectVersions are the version: of the root project's and each package's
	// dbt_project.yml, by project name.
	ProjectVersions map[string]string
	// Disabled are models that gave way to an enabled model of the same
	// name.
	Disabled []*Model
	// Alternates are models of a name another model of Models has, where
	// either file sets config(enabled=...) to an expression (a macro's
	// answer for the target): which of them is enabled is known once
	// their config() renders, and more than one is an error then.
	Alternates []*Model
	// Versions maps a versioned model's name to the model of each version
	// ("2": dim_customers_v2), "" to the latest.
	Versions map[string]map[string]string
	// config is the root dbt_project.yml, kept to configure packages.
	config *yamlx.Node
	// rootVars, cliVars and pkgVars are the layers of VarsFor, cached in
	// varsFor.
	rootVars, cliVars map[string]any
	pkgVars, varsFor  map[string]map[string]any
	// settled are vars the engine parsed and set for a package's nodes
	// (SetVars), above every layer.
	settled map[string]map[string]any
	// builtin are the engine's own packages by name (a root model may
	// replace their models).
	builtin map[string]Package
	// yamlEnv renders the Jinja in YAML properties (see renderYAML), with
	// the first yamlMacros macro files loaded.
	yamlEnv    *jinja.Env
	yamlMacros int
	// generic names the custom generic tests ("pkg.name", "" for the
	// root project) of macro files (generic.go).
	generic map[string]bool
	// strayGeneric is the singular test file (under a test path, not its
	// generic/ folder) that writes a generic test's block, by "pkg.name":
	// dbt does not read the block there, so the test is unknown.
	strayGeneric map[string]string
	// pkgDocs are the packages' own dbt_project.yml files (their on-run
	// hooks run too), built-in packages excepted.
	pkgDocs map[string]*yamlx.Node
	// macroNames are the macros of macro files, as "pkg.name" ("" for
	// the root project).
	macroNames map[string]bool
	// usedBuiltin names the built-in packages this project loaded.
	usedBuiltin map[string]bool
	// cache is what the last load made of each file (cache.go), or nil.
	cache *Cache
	// plainMaps are the maps of files this load walked, listed once
	// (cache.go).
	plainMaps map[uintptr]mapListing
	// walked are the files under each folder of each other file system
	// this load walked.
	walked map[walkKey][]string
	// docs are the docs blocks of every package, by name and by
	// package.name; docRefs the doc() calls of properties files (docs.go).
	docs    map[string]bool
	docRefs []docRef
	// testPaths and fixtureFS are where the root project's unit test
	// fixtures are (tests/fixtures).
	testPaths []string
	fixtureFS fs.FS
}

// Config is a node's resolved configuration.
type Config struct {
	Schema       string
	Alias        string
	Materialized string
	Tags         []string
	Enabled      bool
	// Severity of a test: error (default) or warn.
	Severity string
	// Extra holds other configs (partition_by, incremental_strategy...)
	// that SQLite has no use for but a user may set.
	Extra map[string]any
}

// Model is one model file.
type Model struct {
	Name    string
	Package string // "" for the root project
	Path    string // file path inside its package, e.g. models/sources/x.sql
	SQL     string
	Config  Config
	// Override is true for a root model that replaces a package model of
	// the same name.
	Override bool
	// Overrides is the package path of the model it replaces.
	Overrides string
	// VersionOf and Version name a version of a versioned model (versions:
	// in its properties): dim_customers_v2.sql is version 2 of
	// dim_customers. Version is the YAML value (2, "2.1").
	VersionOf string
	Version   any
	// Columns are the columns its properties entry declares, in order:
	// what an enforced contract holds the model to, and dbt's graph lists.
	Columns []Column
	// Description is its properties entry's, as written.
	Description string
	// TimeSpine is its properties entry's time_spine: (MetricFlow's), nil
	// when it has none.
	TimeSpine any
}

// Column is a column a properties file declares for a model or a source
// table.
type Column struct {
	Name        string
	DataType    string // data_type:, "" when not given
	NotNull     bool   // a not_null constraint
	Description string // as written
	// Meta is meta: merged with config: {meta:}, the config's keys last,
	// in the order written; Tags likewise tags: then config: {tags:}.
	Meta jinja.Ordered
	Tags []string
	File string
	Line int
}

// Seed is one CSV file.
type Seed struct {
	Name    string
	Package string
	Path    string
	Data    []byte
	Config  Config
}

// Source is one table of a sources: declaration.
type Source struct {
	// Key names the declaration: src.table, or src.table@package for a
	// second package's declaration of a table another package declares.
	Key        string
	SourceName string
	Table      string
	Schema     string // schema it is read from
	Identifier string // table name in that schema
	// Database is the source's database: as declared, "" for the target's.
	Database string
	File     string
	Line     int
	Package  string
	// Description and Columns are the table's properties, as dbt's graph
	// has them.
	Description string
	Columns     []Column
	// SourceDescription and Loader are the source's; Freshness (nil for
	// none) and LoadedAtField the table's as dbt merges them with its
	// source's (sourceprops.go).
	SourceDescription string
	Loader            string
	Freshness         any
	LoadedAtField     string
	// Quoting is dbt's quoting of the source table: database, schema,
	// identifier and column, each the table's quoting: value, else the
	// source's, else None.
	Quoting map[string]any
	// External is the table's external: property as dbt's graph has it
	// (dbt-external-tables reads it), nil for none (sourceprops.go).
	External map[string]any
	// ExternalLocation is dbt-duckdb's external_location of the table
	// (meta: or config:, the table's else its source's): the file, or the
	// read_csv(...) call, source() reads there; ExternalLine its line.
	ExternalLocation string
	ExternalLine     int
	// ExternalFormatter is how dbt-duckdb fills the table's name into
	// ExternalLocation (its formatter: setting, found as it is): newstyle
	// ({name}, the default), oldstyle (%(name)s) or template ($name).
	ExternalFormatter string
	// EventTime is the table's event_time config (its config:, else its
	// source's): the column a microbatch model's batch filters it by.
	EventTime string
	// Config is the table's other config, as dbt keeps it on the source
	// node (graph.sources[...].config): dbt_project.yml's sources: tree,
	// then its source's config:, then its own (a package's own keys, such
	// as re_data_monitored); nil when there is none.
	Config map[string]any
}

// Test is a schema test from yml or a singular test from tests/*.sql.
type Test struct {
	Name    string
	Package string
	File    string
	Line    int
	// Kind is unique, not_null, accepted_values, relationships or
	// singular.
	Kind string
	// Model names the model (or "source:src.table") the test is attached to.
	Model  string
	Column string
	// QuoteColumn is a column's quote: true: dbt passes the tests its
	// name quoted as the warehouse quotes it (QuotedColumn).
	QuoteColumn bool
	Args        map[string]any
	// written are the arguments as the YAML writes them, before their
	// Jinja is rendered: dbt names the test after them.
	written map[string]any
	SQL     string // singular tests
	// Generic is how a template calls a custom generic test's macro
	// (test_name, or pkg.test_name); Kind is then "generic".
	Generic string
	Config  Config
	// configAt is the line of each config key the test's entry sets (in
	// config: or beside its arguments), for warnings.
	configAt map[string]int
	// Broken is why the test cannot run (an argument it needs is
	// missing): it fails with this when it runs, as in dbt.
	Broken *diag.Diagnostic
}

// Model returns the model of that name, nil if there is none.
func (p *Project) Model(name string) *Model {
	for _, m := range p.Models {
		if m.Name == name {
			return m
		}
	}
	return nil
}

type layout struct {
	name                                         string
	modelPaths, seedPaths, testPaths, macroPaths []string
	installPath                                  string // packages-install-path
	doc                                          *yamlx.Node
}

func readLayout(fsys fs.FS) (*layout, error) {
	data, err := fs.ReadFile(fsys, "dbt_project.yml")
	if err != nil {
		return nil, diag.Errorf("dbt_project.yml", 0, "no dbt_project.yml").WithHint("a project needs a dbt_project.yml at its root with at least `name:`")
	}
	doc, err := yamlx.Parse("dbt_project.yml", data)
	if err != nil {
		return nil, err
	}
	if doc.Kind != yamlx.Map {
		return nil, diag.Errorf("dbt_project.yml", doc.Line, "dbt_project.yml must be a mapping").WithHint("start with `name: my_project`")
	}
	for _, key := range []string{"models", "seeds", "vars"} {
		if n := doc.Get(key); n != nil && n.Kind != yamlx.Map && !(n.Kind == yamlx.Scalar && n.Value == nil) {
			return nil, diag.Errorf("dbt_project.yml", n.Line, "`%s` must be a mapping", key).WithHint("nest it by project name, then folder, e.g. %s: {my_project: {staging: {+schema: analytics}}}", key)
		}
	}
	l := &layout{doc: doc, name: doc.Get("name").String()}
	if l.name == "" {
		return nil, diag.Errorf("dbt_project.yml", 1, "missing `name:`").WithHint("add `name: my_project` to dbt_project.yml")
	}
	paths := func(key, def string) ([]string, error) {
		n := doc.Get(key)
		if n == nil {
			// dbt still reads the names it had before 1.0, with a
			// deprecation warning.
			n = doc.Get(renamedPaths[key])
		}
		if n == nil {
			return []string{def}, nil
		}
		if n.Kind != yamlx.List {
			return nil, diag.Errorf("dbt_project.yml", n.Line, "`%s` must be a list of folders", key).WithHint("write %s: [\"%s\"]", key, def)
		}
		var out []string
		for _, it := range n.Items {
			out = append(out, strings.Trim(path.Clean(it.String()), "/"))
		}
		return out, nil
	}
	if l.modelPaths, err = paths("model-paths", "models"); err != nil {
		return nil, err
	}
	if l.seedPaths, err = paths("seed-paths", "seeds"); err != nil {
		return nil, err
	}
	if l.testPaths, err = paths("test-paths", "tests"); err != nil {
		return nil, err
	}
	if l.macroPaths, err = paths("macro-paths", "macros"); err != nil {
		return nil, err
	}
	l.installPath = "dbt_packages"
	if n := doc.Get("packages-install-path"); n != nil && n.String() != "" {
		l.installPath = strings.Trim(path.Clean(n.String()), "/")
	}
	return l, nil
}

// renamedPaths are the names dbt 1.0 gave path keys: the old name is read
// when the new one is not set.
var renamedPaths = map[string]string{"model-paths": "source-paths", "seed-paths": "data-paths"}

func baseName(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, path.Ext(b))
}

// VarLine is the dbt_project.yml line of vars.<key>[index], 0 if unknown.
func (p *Project) VarLine(key string, index int) int {
	n := p.config.Get("vars").Get(key)
	if n == nil {
		return 0
	}
	if n.Kind == yamlx.List && index >= 0 && index < len(n.Items) {
		return n.Items[index].Line
	}
	return n.Line
}
