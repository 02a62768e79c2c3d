// Package hubpackages holds the engine's own versions of the hub packages
// real projects list most: dbt_utils, dbt_expectations and dbt_date, each
// a folder of Jinja macros written here from the package's documented
// behaviour and checked against the package's answers on each warehouse. A
// project whose packages.yml asks for one and ships no dbt_packages/<name>
// loads it (the build log says so); a project that ships the real package
// uses that one. A few dbt_utils macros that read the database directly
// (star, union_relations, get_column_values, generate_surrogate_key) are Go
// functions of the jinja package, which fill in any macro a loaded dbt_utils
// lacks.
package hubpackages

import (
	"embed"
	"io/fs"
)

//go:embed all:dbt_utils all:dbt_expectations all:dbt_date
var files embed.FS

// Files returns the package's files rooted at its dbt_project.yml: name is
// dbt_utils, dbt_expectations or dbt_date.
func Files(name string) fs.FS {
	sub, err := fs.Sub(files, name)
	if err != nil {
		// fs.Sub fails only on an invalid path; the names are constants.
		panic(err)
	}
	return sub
}
