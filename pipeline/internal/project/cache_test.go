package project

import (
	"io/fs"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// A load through a Cache, edit after edit, is the fresh load of the same
// files: macros (with test blocks), generic tests, properties files of
// the root and of a package at the same path, models, seeds, vars. A load
// that fails leaves the cache usable.
func TestCachedLoadIsAFreshLoad(t *testing.T) {
	pkg := files(map[string]string{
		"dbt_project.yml":     "name: nx\nmodels:\n  nx:\n    +materialized: table\n",
		"macros/m.sql":        "{% macro nx_m() %}1{% endmacro %}\n",
		"models/schema.yml":   "version: 2\nmodels:\n  - name: pa\n    columns:\n      - name: id\n        tests: [unique]\n",
		"models/pa.sql":       "select 1 as id\n",
		"tests/generic/g.sql": "{% test nx_positive(model, column_name) %}select * from {{ model }} where {{ column_name }} < 0{% endtest %}\n",
	})
	base := map[string]string{
		"dbt_project.yml":    "name: app\nvars:\n  v: 1\nmodels:\n  app:\n    marts:\n      +schema: marts\n",
		"macros/shout.sql":   "{% macro shout(x) %}upper({{ x }}){% endmacro %}\n{% test is_even(model, column_name) %}select * from {{ model }} where {{ column_name }} % 2 = 1{% endtest %}\n",
		"models/schema.yml":  "version: 2\nsources:\n  - name: raw\n    tables: [{name: people}]\nmodels:\n  - name: a\n    config: {tags: [x]}\n    columns:\n      - name: id\n        tests: [not_null, is_even, nx_positive]\n",
		"models/a.sql":       "select id from {{ source('raw', 'people') }}\n",
		"models/marts/b.sql": "select * from {{ ref('a') }}\n",
		"seeds/people.csv":   "id\n2\n4\n",
		"tests/t.sql":        "select * from {{ ref('b') }} where id is null\n",
	}
	edit := func(path, text string) map[string]string { return withText(base, path, text) }
	steps := []struct {
		name  string
		files map[string]string
		vars  map[string]any
		fails bool
	}{
		{"first load", base, nil, false},
		{"unchanged", base, nil, false},
		{"a model edited", edit("models/a.sql", "select id, 1 as one from {{ source('raw', 'people') }}\n"), nil, false},
		{"a macro edited", edit("macros/shout.sql", "{% macro shout(x) %}lower({{ x }}){% endmacro %}\n{% test is_even(model, column_name) %}select 1{% endtest %}\n"), nil, false},
		{"a properties file edited", edit("models/schema.yml", "version: 2\nsources:\n  - name: raw\n    tables: [{name: people}, {name: pets}]\n"), nil, false},
		{"a broken properties file", edit("models/schema.yml", "version: 2\nmodels: [\n"), nil, true},
		{"mended", base, nil, false},
		{"a model added in a folder", edit("models/marts/c.sql", "select 2 as id\n"), nil, false},
		{"a model deleted", without(base, "models/marts/b.sql"), nil, false},
		{"other vars", base, map[string]any{"v": 2}, false},
		{"the project file edited", edit("dbt_project.yml", "name: app\nmodels:\n  app:\n    +materialized: table\n"), nil, false},
		{"back to the start", base, nil, false},
	}
	var c Cache
	for _, st := range steps {
		root := files(st.files)
		got, err := c.Load(root, st.vars, Package{Name: "nx", Files: pkg})
		want, wantErr := Load(root, st.vars, Package{Name: "nx", Files: pkg})
		if (err != nil) != st.fails || (wantErr != nil) != st.fails {
			t.Fatalf("%s: cached load %v, fresh load %v, want failure %v", st.name, err, wantErr, st.fails)
		}
		if st.fails {
			if err.Error() != wantErr.Error() {
				t.Errorf("%s: cached load says %q, fresh load %q", st.name, err, wantErr)
			}
			continue
		}
		if g, w := loaded(got), loaded(want); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: the cached load differs from a fresh one:\n%+v\nfresh:\n%+v", st.name, g, w)
		}
	}
}

// loaded is what a load gives the engine.
type loadedProject struct {
	Name              string
	Vars              map[string]any
	Models            []*Model
	Seeds             []*Seed
	Sources           []*Source
	Tests             []*Test
	Snapshots         []*Snapshot
	Analyses          []*Analysis
	Macros            any
	Warnings          any
	Packages          []Used
	Disabled          []*Model
	Generic, MacroNms map[string]bool
}

func loaded(p *Project) loadedProject {
	return loadedProject{p.Name, p.Vars, p.Models, p.Seeds, p.Sources, p.Tests, p.Snapshots, p.Analyses, p.Macros, p.Warnings,
		p.Packages, p.Disabled, p.generic, p.macroNames}
}

func withText(m map[string]string, path, text string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	out[path] = text
	return out
}

func without(m map[string]string, path string) map[string]string {
	out := withText(m, path, "")
	delete(out, path)
	return out
}

// walk finds in a map of files what fs.WalkDir finds, for folders, files,
// the whole tree, missing and invalid roots, and maps that hold folders.
func TestWalkOfAMapIsWalkDirs(t *testing.T) {
	plain := files(map[string]string{"a.sql": "", "models/x.sql": "", "models/sub/y.sql": "", "models/z.yml": "", "modelsx/w.sql": "", "seeds/s.csv": ""})
	withDir := files(map[string]string{"models/x.sql": ""})
	withDir["models/sub"] = &fstest.MapFile{Mode: fs.ModeDir}
	for _, m := range []fstest.MapFS{plain, withDir} {
		p := &Project{}
		sub := &opaqueFS{m} // not a map: walked once a folder
		for _, root := range []string{".", "models", "models/sub", "models/x.sql", "nope", "models/", "./models", "/models", "a.sql"} {
			for _, ext := range []string{".sql", ".yml", ".csv"} {
				var want []string
				fs.WalkDir(m, root, func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
						want = append(want, p)
					}
					return nil
				})
				sort.Strings(want)
				if got := walk(m, root, ext); !reflect.DeepEqual(got, want) {
					t.Errorf("walk(%q, %q) = %q, WalkDir finds %q", root, ext, got, want)
				}
				// A load asks once for a map, and walks another file
				// system once a folder.
				if got := p.walk(m, root, ext); !reflect.DeepEqual(got, want) {
					t.Errorf("a load's walk(%q, %q) = %q, WalkDir finds %q", root, ext, got, want)
				}
				if got := p.walk(sub, root, ext); !reflect.DeepEqual(got, want) {
					t.Errorf("a load's walk(%q, %q) of another file system = %q, WalkDir finds %q", root, ext, got, want)
				}
			}
		}
	}
}

type opaqueFS struct{ fs.FS }
