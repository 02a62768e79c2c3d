package project

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

// The config trees apply like dbt's: package defaults, then the root
// project's tree for that package; folders, then the model's own key; tags
// add up, other configs are overridden by deeper levels.
func TestConfigPrecedence(t *testing.T) {
	pkg := files(map[string]string{
		"dbt_project.yml":   "name: nx\nmodels:\n  nx:\n    +materialized: table\n    +tags: [nx]\n    core:\n      +schema: pkg_core\n",
		"models/core/a.sql": "select 1",
		"models/core/b.sql": "select 2",
	})
	root := files(map[string]string{
		"dbt_project.yml": `name: app
models:
  app:
    +schema: app_default
    marts:
      +schema: marts
      +tags: ["daily"]
      big:
        +tags: ["big"]
        +materialized: table
  nx:
    core:
      b:
        +schema: override_b
`,
		"models/top.sql":            "select 1",
		"models/marts/big.sql":      "select 1",
		"models/marts/sub/deep.sql": "select 1",
	})
	p, err := Load(root, nil, Package{Name: "nx", Files: pkg})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, model, schema, mat string
		tags                     []string
	}{
		{name: "package default", model: "a", schema: "pkg_core", mat: "table", tags: []string{"nx"}},
		{name: "root overrides package model", model: "b", schema: "override_b", mat: "table", tags: []string{"nx"}},
		{name: "root project level", model: "top", schema: "app_default", mat: "view"},
		{name: "folder then model, tags add up", model: "big", schema: "marts", mat: "table", tags: []string{"big", "daily"}},
		{name: "nested folder inherits", model: "deep", schema: "marts", mat: "view", tags: []string{"daily"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := p.Model(tc.model)
			if m == nil {
				t.Fatalf("no model %s", tc.model)
			}
			if m.Config.Schema != tc.schema || m.Config.Materialized != tc.mat || !reflect.DeepEqual(m.Config.Tags, tc.tags) {
				t.Errorf("got schema %q materialized %q tags %v", m.Config.Schema, m.Config.Materialized, m.Config.Tags)
			}
		})
	}
}

func TestOverrideOfPackageModel(t *testing.T) {
	pkg := files(map[string]string{
		"dbt_project.yml":                "name: nx\nmodels:\n  nx:\n    states:\n      +schema: s\n      +tags: [states]\n",
		"models/states/nexus_states.sql": "select 'package'",
	})
	root := files(map[string]string{
		"dbt_project.yml": "name: app\nvars:\n  sources: []\n",
		"models/nexus-models/states/nexus_states.sql": "select 'mine'",
	})
	p, err := Load(root, nil, Package{Name: "nx", Files: pkg, Builtin: true, AskVars: []string{"sources"}})
	if err != nil {
		t.Fatal(err)
	}
	m := p.Model("nexus_states")
	if !m.Override || m.Package != "" || m.SQL != "select 'mine'" || m.Overrides != "nx/models/states/nexus_states.sql" {
		t.Fatalf("override not applied: %+v", m)
	}
	if m.Config.Schema != "s" || !reflect.DeepEqual(m.Config.Tags, []string{"states"}) {
		t.Errorf("override should keep the package model's config, got %+v", m.Config)
	}
	if len(p.Models) != 1 {
		t.Errorf("want the package model replaced, got %d models", len(p.Models))
	}
}

// TestEmptyVars: an empty vars: key (null) holds no vars, as dbt reads it,
// and a var with a default still renders.
func TestEmptyVars(t *testing.T) {
	p, err := Load(files(map[string]string{
		"dbt_project.yml": "name: a\nvars:\n  \nmodels:\n  a:\n    +materialized: view\n",
		"models/m.sql":    "select '{{ var(\"x\", \"d\") }}' as x",
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Vars) != 0 {
		t.Errorf("vars: got %v, want none", p.Vars)
	}
	_, err = Load(files(map[string]string{"dbt_project.yml": "name: a\nvars: [1]\n"}), nil)
	if err == nil || !strings.Contains(err.Error(), "`vars` must be a mapping") {
		t.Errorf("a list of vars: got %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		wantErr string
	}{
		{name: "no project file", files: map[string]string{"models/a.sql": "select 1"},
			wantErr: "dbt_project.yml: no dbt_project.yml (a project needs a dbt_project.yml at its root with at least `name:`)"},
		{name: "no name", files: map[string]string{"dbt_project.yml": "version: 2\n"},
			wantErr: "dbt_project.yml:1: missing `name:` (add `name: my_project` to dbt_project.yml)"},
		{name: "model paths not a list", files: map[string]string{"dbt_project.yml": "name: a\nmodel-paths: models\n"},
			wantErr: "dbt_project.yml:2: `model-paths` must be a list of folders (write model-paths: [\"models\"])"},
		{name: "models not a mapping", files: map[string]string{"dbt_project.yml": "name: a\nmodels: [1, 2]\n"},
			wantErr: "dbt_project.yml:2: `models` must be a mapping (nest it by project name, then folder, e.g. models: {my_project: {staging: {+schema: analytics}}})"},
		{name: "duplicate model", files: map[string]string{"dbt_project.yml": "name: a\n", "models/x/m.sql": "select 1", "models/y/m.sql": "select 2"},
			wantErr: `models/y/m.sql:1: model "m" is defined twice, here and in models/x/m.sql (model names must be unique across the project and its packages: rename one, or disable one with enabled: false)`},
		{name: "source without name", files: map[string]string{"dbt_project.yml": "name: a\n", "models/s.yml": "sources:\n  - schema: raw\n"},
			wantErr: "models/s.yml:2: source without `name:` (give each source a name, e.g. `- name: stripe`)"},
		{name: "unset env_var in YAML", files: map[string]string{"dbt_project.yml": "name: a\n", "models/s.yml": "sources:\n  - name: raw\n    schema: \"{{ env_var('NEXUS_TEST_NOT_SET') }}\"\n"},
			wantErr: `models/s.yml:3: in {{ env_var('NEXUS_TEST_NOT_SET') }}: env_var "NEXUS_TEST_NOT_SET" is not set (set it in the environment, or give a default: env_var('NEXUS_TEST_NOT_SET', 'value'))`},
		{name: "unknown var in dbt_project.yml config", files: map[string]string{"dbt_project.yml": "name: a\nmodels:\n  a:\n    +schema: \"{{ var('nope') }}\"\n"},
			wantErr: `dbt_project.yml:4: in {{ var('nope') }}: var "nope" is not defined (add it under vars: in dbt_project.yml or pass --vars)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(files(tc.files), nil)
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("error:\n got %v\nwant %s", err, tc.wantErr)
			}
		})
	}
}

// TestAnchorsKey: dbt 1.10's top-level anchors: key holds YAML anchors that
// the rest of the file uses through aliases and merge keys.
func TestAnchorsKey(t *testing.T) {
	p, err := Load(files(map[string]string{
		"dbt_project.yml": "name: a\n",
		"models/m.sql":    "select 1 as x",
		"models/s.yml": `version: 2
anchors:
  - &tabled
    config:
      materialized: table
      tags: [anchored]
models:
  - name: m
    <<: *tabled
`,
	}), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := p.Model("m")
	if m == nil || m.Config.Materialized != "table" || !reflect.DeepEqual(m.Config.Tags, []string{"anchored"}) {
		t.Fatalf("model m: %+v", m)
	}
}

// TestDisabledSeeds: a seed disabled by dbt_project.yml or its properties
// is no seed of the build, and an enabled seed of the same name in another
// package is then the only one.
func TestDisabledSeeds(t *testing.T) {
	pkg := files(map[string]string{"dbt_project.yml": "name: nx\n", "seeds/shared.csv": "id\n1\n", "seeds/own.csv": "id\n1\n"})
	root := files(map[string]string{
		"dbt_project.yml":   "name: app\nseeds:\n  nx:\n    shared:\n      +enabled: false\n",
		"seeds/shared.csv":  "id\n2\n",
		"seeds/dropped.csv": "id\n3\n",
		"seeds/props.yml":   "seeds:\n  - name: dropped\n    config:\n      enabled: false\n",
	})
	p, err := Load(root, nil, Package{Name: "nx", Files: pkg})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Seeds {
		got = append(got, s.Package+":"+s.Name)
	}
	if want := []string{"nx:own", ":shared"}; !reflect.DeepEqual(got, want) {
		t.Errorf("seeds: got %v, want %v", got, want)
	}
}
