// Package nexus holds the built-in dbt-nexus package: the dbt project named
// "nexus" that every playground project builds on. It is plain dbt text, models, schema tests, singular tests and
// macros written for SQLite, so a user can read any file of it and override
// a model by writing one with the same name in their own project.
//
// The package has two layers of models. models/nexus-models follows dbt-nexus
// c918759 (persons, groups, memberships); models/nexus-entities follows
// v0.13's entity layer (entities of every type in one set of tables,
// relationships) and is the one built when a source declares entities: true.
// A project sees one layer (Layer): the two share model and macro names.
package nexus

import (
	"embed"
	"io/fs"
	"path"
	"strings"
)

//go:embed all:package
var files embed.FS

// Package returns the package's files rooted at the package folder, so
// dbt_project.yml, models/, macros/ and tests/ sit at its top level: both
// layers, as the page lists them.
func Package() fs.FS {
	sub, err := fs.Sub(files, "package")
	if err != nil {
		// fs.Sub fails only on an invalid path; "package" is a constant.
		panic(err)
	}
	return sub
}

// Layer returns the package as a project builds it: the c918759 layer, or
// with entities the v0.13 entity layer.
func Layer(entities bool) fs.FS {
	return layerFS{fsys: Package(), entities: entities}
}

// entityOnly are the folders of the entity layer; c918759Only the files and
// folders it replaces (their macros have the names v0.13 gives its own).
var (
	entityOnly  = []string{"models/nexus-entities", "macros/entities", "tests/entities"}
	c918759Only = []string{"models/nexus-models", "macros/event_log.sql", "macros/identity.sql", "macros/final_tables.sql"}
)

// hidden tells whether name is outside the layer.
func hidden(name string, entities bool) bool {
	under := func(prefixes []string) bool {
		for _, p := range prefixes {
			if name == p || strings.HasPrefix(name, p+"/") {
				return true
			}
		}
		return false
	}
	if !entities {
		return under(entityOnly)
	}
	// c918759's singular tests read its tables.
	return under(c918759Only) || (path.Dir(name) == "tests" && strings.HasSuffix(name, ".sql"))
}

type layerFS struct {
	fsys     fs.FS
	entities bool
}

func (l layerFS) Open(name string) (fs.File, error) {
	if hidden(name, l.entities) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return l.fsys.Open(name)
}

func (l layerFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if hidden(name, l.entities) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(l.fsys, name)
	kept := entries[:0]
	for _, e := range entries {
		if !hidden(path.Join(name, e.Name()), l.entities) {
			kept = append(kept, e)
		}
	}
	return kept, err
}

func (l layerFS) ReadFile(name string) ([]byte, error) {
	if hidden(name, l.entities) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(l.fsys, name)
}
