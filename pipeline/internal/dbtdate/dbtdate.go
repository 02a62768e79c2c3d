// Package dbtdate holds the engine's own dbt_date package: the date
// dimension and calendar macros of calogica/dbt_date, written here from
// their documented behaviour and checked against the package's answers on
// each warehouse. A project whose packages.yml asks for dbt_date (or for
// dbt_expectations, which installs it) and ships no dbt_packages/dbt_date
// loads it (the build log says so); a project that ships the real package
// uses that one.
package dbtdate

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
