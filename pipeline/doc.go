// Package pipeline is the pipeline's one public surface: a Session opens a
// database, builds dbt-nexus projects into it (Build, with Options, giving
// a Result), and answers queries and the identity questions of the built
// tables. The command and the page's bridge call it alone (with share,
// walkthrough and gen beside it for links, walkthroughs and generated
// projects).
//
// The work is done under internal/: internal/engine plans and runs a build
// over the stage packages (project, jinja, graph, dialect, store, identity),
// and internal/inspect answers Session.Explain, Session.PreviewResolution
// and Session.EntityGraph. None of them imports this package.
package pipeline
