package engine

import (
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// Command is what a build does, as the CLI's verbs: seed, run, test or
// build (seed + run + test in graph order).
type Command string

const (
	CmdSeed  Command = "seed"
	CmdRun   Command = "run"
	CmdTest  Command = "test"
	CmdBuild Command = "build"
	// CmdSnapshot runs the project's snapshots (build runs them too).
	CmdSnapshot Command = "snapshot"
	// CmdRunOperation runs one macro, Options.Operation, as dbt's
	// run-operation does (operation.go).
	CmdRunOperation Command = "run-operation"
)

// Options steer one build.
type Options struct {
	Command Command
	// Vars override the project's vars (dbt's --vars).
	Vars map[string]any
	// Dialect overrides the warehouse of the project's profiles.yml
	// (--dialect); "" keeps the profile's, and SQLite without one.
	Dialect dialect.Dialect
	// Target names the output of the project's profile (dbt's --target);
	// "" is the profile's `target:`.
	Target string
	// Select and Exclude take dbt selectors: model names, source:NAME,
	// package:NAME, tag:NAME, path:PATH, and +x, x+, @x.
	Select  []string
	Exclude []string
	// FullRefresh rebuilds incremental models from scratch (dbt's
	// --full-refresh; as in dbt, snapshots keep their history).
	FullRefresh bool
	// EventTimeStart and EventTimeEnd are dbt's --event-time-start and
	// --event-time-end: the window of event_time microbatch models build
	// (YYYY-MM-DD, or with a time of day, in UTC). "" builds from begin
	// (or the lookback) to now.
	EventTimeStart, EventTimeEnd string
	// StoreFailures is dbt's --store-failures: every test keeps its
	// failing rows in a table (tests.go), unless its config says not to.
	StoreFailures bool
	// Empty is dbt's --empty: every ref() and source() of a model reads no
	// rows, so the build makes each table with its columns and no rows.
	Empty bool
	// RebuildAll builds every selected node again, even those whose
	// inputs did not change since the session's last build (see
	// Step.Reuse).
	RebuildAll bool
	// Timeout bounds the whole build; 0 means none.
	Timeout time.Duration
	// Progress, when set, receives each step as it finishes.
	Progress func(Step)
	// Profile fills Step.Statements and Step.SQLSeconds, and
	// Result.Profile: where a build's time goes (nexus build --profile).
	Profile bool
	// Rendered, when set, receives each seed, model, snapshot, data test
	// and hook the build ran, in the order it ran them, with a model's, a
	// test's and a hook's SQL as rendered for the warehouse (Rendered).
	Rendered func(Rendered)
	// Operation names the macro CmdRunOperation runs (name, or
	// package.name), OperationArgs its keyword arguments (dbt's --args).
	Operation     string
	OperationArgs map[string]any
	// Once says the session builds no more (a CLI run): it keeps no copy
	// of the project's files to recognise an unchanged project next time.
	// Taking that copy reads every file of a folder a second time, a third
	// of the planning of a generated 4,000-person project.
	Once bool
}

// Step is one line of the run log: a seed, model or test that ran, failed
// or was skipped.
type Step struct {
	Index    int     `json:"index"`
	Total    int     `json:"total"`
	Kind     string  `json:"kind"`   // seed, model, test, identity
	Name     string  `json:"name"`   // node name
	Status   string  `json:"status"` // OK, ERROR, SKIP, PASS, FAIL, WARN
	Relation string  `json:"relation,omitempty"`
	Rows     int64   `json:"rows"`
	Seconds  float64 `json:"seconds"`
	Message  string  `json:"message,omitempty"`
	File     string  `json:"file,omitempty"`
	// Reuse says, from a session's second build on, whether the node was
	// reused ("reused: unchanged": its inputs and every table it reads are
	// as the last build left them) or built again and why ("rebuilt: SQL
	// changed", "rebuilt: upstream X rebuilt", ...).
	Reuse string `json:"reuse,omitempty"`
	// Line is the log line as the CLI prints it.
	Line string `json:"line"`
	// Statements and SQLSeconds are, with Options.Profile, the statements
	// the step ran (store.Stats: a seed's insert is one however many rows)
	// and their time; the rest of Seconds is Go (rendering, bookkeeping).
	Statements int     `json:"statements,omitempty"`
	SQLSeconds float64 `json:"sql_seconds,omitempty"`
}

// Profile splits a build's time (Options.Profile): planning (loading and
// parsing the project), the steps, and what SQLite ran in all.
type Profile struct {
	PlanSeconds  float64 `json:"plan_seconds"`
	StepsSeconds float64 `json:"steps_seconds"`
	Statements   int     `json:"statements"`
	SQLSeconds   float64 `json:"sql_seconds"`
}

// Result is the outcome of a build: the steps, the problems found, and
// the identity-resolution report of each entity type.
type Result struct {
	Steps       []Step            `json:"steps"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
	Identity    []IdentityReport  `json:"identity,omitempty"`
	Summary     string            `json:"summary"`
	OK          bool              `json:"ok"`
	// Stopped: the run was stopped or reached its time limit before it
	// finished (OK is then false).
	Stopped bool    `json:"stopped,omitempty"`
	Seconds float64 `json:"seconds"`
	// Profile is set with Options.Profile.
	Profile *Profile `json:"profile,omitempty"`
	// Dialect is the warehouse whose SQL the build read: Options.Dialect,
	// else the type of the project's profiles.yml target, else sqlite
	// (empty when the project could not be loaded).
	Dialect string `json:"dialect,omitempty"`
}

// IdentityReport compares the bounded resolution with exact connected
// components for one entity type (person or group).
type IdentityReport struct {
	Entity          string `json:"entity"`
	Strategy        string `json:"strategy"`
	MaxRecursion    int    `json:"max_recursion"`
	Identifiers     int    `json:"identifiers"`
	Edges           int    `json:"edges"`
	Entities        int    `json:"entities"`
	ExactComponents int    `json:"exact_components"`
	SplitComponents int    `json:"split_components"`
	LongestPath     int    `json:"longest_path"`
	Message         string `json:"message,omitempty"`
}

// Node describes one node of a project's graph, for listings and lineage.
type Node struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"` // source, seed, model, test
	Package      string   `json:"package"`
	Path         string   `json:"path"`
	Schema       string   `json:"schema,omitempty"`
	Relation     string   `json:"relation,omitempty"`
	Materialized string   `json:"materialized,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	DependsOn    []string `json:"depends_on,omitempty"`
	// Override marks a project model that replaces a package model.
	Override bool `json:"override,omitempty"`
}
