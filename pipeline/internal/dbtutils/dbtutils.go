// Package dbtutils holds the engine's own dbt_utils package: the generic
// tests and SQL macros of dbt-labs/dbt_utils, written here from its
// documented behaviour. A project whose packages.yml asks for dbt_utils and
// ships no dbt_packages/dbt_utils loads it (the build log says so); a
// project that ships the real package uses that one. A few macros that read
// the database directly (star, union_relations, get_column_values,
// generate_surrogate_key) are Go functions of the jinja package, which fill
// in any macro a loaded dbt_utils lacks.
package dbtutils

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
