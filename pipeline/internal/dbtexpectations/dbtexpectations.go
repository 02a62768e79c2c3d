// Package dbtexpectations holds the engine's own dbt_expectations package:
// the generic tests of calogica/dbt_expectations, written here from their
// documented behaviour. A project whose packages.yml asks for
// dbt_expectations and ships no dbt_packages/dbt_expectations loads it (the
// build log says so); a project that ships the real package uses that one.
// A test it does not have is skipped with a warning naming it.
package dbtexpectations

import (
	"embed"
	"io/fs"
)

//go:embed all:package
var files embed.FS

// Package returns the package's files rooted at its dbt_project.yml.
func Package() fs.FS {
	sub, err := fs.Sub(files, "package")
	if err != nil {
		// fs.Sub fails only on an invalid path; "package" is a constant.
		panic(err)
	}
	return sub
}
