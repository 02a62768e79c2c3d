package inspect

import (
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
)

// Bound is the nexus_max_recursion a build of the project resolves with:
// the project's vars overridden by vars (like --vars), read by the settings
// package as the build reads them. Without a project (fsys nil) it is vars'
// value, else the default. 0 is a bound like any other: no hops, each
// identifier its own entity, as dbt-nexus's recursion reads it.
func Bound(fsys fs.FS, vars map[string]any) (int, error) {
	var set *settings.Settings
	var err error
	if fsys == nil {
		set, err = settings.Parse(vars, nil)
	} else {
		var p *project.Project
		if p, err = project.Load(fsys, vars); err != nil {
			return 0, err
		}
		// A project that ships dbt-nexus (as its root, or as a package)
		// uses none of the built-in package's settings but the bound, read
		// from the vars that package's models see.
		if p.Name == settings.PackageName {
			return settings.Bound(p.VarsFor(""), p.VarPos)
		}
		for _, u := range p.Packages {
			if u.Name == settings.PackageName {
				return settings.Bound(p.VarsFor(u.Name), p.VarPos)
			}
		}
		set, err = settings.FromProject(p)
	}
	if err != nil {
		return 0, err
	}
	return set.MaxRecursion, nil
}

// checkBound refuses a bound settings would refuse, with its error.
func checkBound(n int) error {
	_, err := settings.MaxRecursion(n)
	return err
}
