package pipeline

import (
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline/internal/engine"
)

// The build's request and answer, defined by the engine and named here so
// the command and the page's bridge need no stage package.
type (
	// Command is what a build does, as the CLI's verbs.
	Command = engine.Command
	// Options steer one build.
	Options = engine.Options
	// Warehouse picks the profile's output (dbt's --target) and the
	// dialect a project builds for.
	Warehouse = engine.Warehouse
	// Step is one line of the run log.
	Step = engine.Step
	// Result is the outcome of a build.
	Result = engine.Result
	// Profile splits a build's time (Options.Profile).
	Profile = engine.Profile
	// IdentityReport compares the bounded resolution with exact connected
	// components for one entity type.
	IdentityReport = engine.IdentityReport
	// Node describes one node of a project's graph.
	Node = engine.Node
	// Compiled is one node's SQL from Session.CompileAll, or its error.
	Compiled = engine.Compiled
	// Rendered is a node or hook a build ran, with its SQL as rendered
	// for the warehouse (Options.Rendered).
	Rendered = engine.Rendered
	// UsageError is a problem with how the build was asked for, not with
	// the project.
	UsageError = engine.UsageError
)

// The commands of a build: seed, run, test, snapshot, or build (all of
// them in graph order); run-operation runs one macro.
const (
	CmdSeed         = engine.CmdSeed
	CmdRun          = engine.CmdRun
	CmdTest         = engine.CmdTest
	CmdBuild        = engine.CmdBuild
	CmdSnapshot     = engine.CmdSnapshot
	CmdRunOperation = engine.CmdRunOperation
)

// PackageName is the built-in package's name.
const PackageName = engine.PackageName

// PackageFiles returns the built-in nexus package's files.
func PackageFiles() fs.FS { return engine.PackageFiles() }

// Table is a query result or a page of a table.
type Table struct {
	Columns   []string `json:"columns"`
	Types     []string `json:"types"`
	Rows      [][]any  `json:"rows"`
	Truncated bool     `json:"truncated,omitempty"`
}

// TableInfo names a built table and its size.
type TableInfo struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	Rows   int64  `json:"rows"`
	Kind   string `json:"kind"` // table, view, seed
}
