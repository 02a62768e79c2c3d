package pipeline

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
)

// Options steer one build.
type Options struct {
	Command Command
	// Vars override the project's vars (dbt's --vars).
	Vars map[string]any
	// Dialect overrides the warehouse of the project's profiles.yml
	// (--dialect); "" keeps the profile's, and SQLite without one.
	Dialect dialect.Dialect
	// Select and Exclude take dbt selectors: model names, source:NAME,
	// package:NAME, tag:NAME, path:PATH, and +x, x+, @x.
	Select  []string
	Exclude []string
	// FullRefresh rebuilds incremental models from scratch (dbt's
	// --full-refresh; as in dbt, snapshots keep their history).
	FullRefresh bool
	// Timeout bounds the whole build; 0 means none.
	Timeout time.Duration
	// Progress, when set, receives each step as it finishes.
	Progress func(Step)
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
	// Line is the log line as the CLI prints it.
	Line string `json:"line"`
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
