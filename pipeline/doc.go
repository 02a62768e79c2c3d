// Package pipeline builds a dbt-nexus project into SQLite. It composes the
// stage packages, in order:
//
//  1. project: load dbt_project.yml, models, seeds, tests, macros and yml
//     from an io/fs.FS, merged with the built-in package (nexus) and with
//     the config trees applied.
//  2. jinja: render every model once with execute=false to collect ref(),
//     source() and config() (newPlan, collect).
//  3. graph: order the nodes, reject cycles, evaluate --select/--exclude.
//  4. run: for each selected node in order, load a seed (seed + store, one
//     JSON statement per table) or render a model with execute=true,
//     translate its SQL (dialect) and materialize it in a savepoint (store).
//     The package's resolved-identifier models call nexus_resolve_components,
//     which reads identifiers and edges once and resolves them in Go
//     (identity), writing the result back in one statement.
//  5. tests: schema and singular tests count failing rows; in a build a
//     failed test skips the models downstream of the model it checks.
//
// Every statement runs under the build's context: a deadline or a cancel
// interrupts SQLite and the error names the node and how long it ran.
// Problems in the project are returned as diagnostics (file, line, message,
// hint) in the Result, never as panics.
//
// The package is also the pipeline's one public surface: the command and the
// page's bridge call it alone (with share, walkthrough and gen beside it for
// links, walkthroughs and generated projects). The stages live under
// internal/, and none of them imports this package; internal/inspect answers
// the identity questions of a built database that Session.Explain,
// Session.PreviewResolution and Session.EntityGraph ask.
package pipeline
