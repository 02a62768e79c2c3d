// Package nexus holds the built-in dbt-nexus package: the dbt project named
// "nexus" that every playground project builds on. It is plain dbt text, models, schema tests, singular tests and
// macros written for SQLite, so a user can read any file of it and override
// a model by writing one with the same name in their own project.
package nexus

import (
	"embed"
	"io/fs"
)

//go:embed all:package
var files embed.FS

// Package returns the package's files rooted at the package folder, so
// dbt_project.yml, models/, macros/ and tests/ sit at its top level. The
// loader reads it like a user project.
func Package() fs.FS {
	sub, err := fs.Sub(files, "package")
	if err != nil {
		// fs.Sub fails only on an invalid path; "package" is a constant.
		panic(err)
	}
	return sub
}
