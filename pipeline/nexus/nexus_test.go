package nexus

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestPackageLayout checks what the loader relies on: the project file at
// the root, named nexus, and every model documented in a .yml beside it
// with the model's folder as its config path, in each layer.
func TestPackageLayout(t *testing.T) {
	for _, c := range []struct {
		entities bool
		want     []string
	}{
		{false, []string{"nexus_events", "nexus_persons", "nexus_groups", "nexus_memberships", "nexus_states"}},
		{true, []string{"nexus_events", "nexus_entity_identifiers", "nexus_entity_identifiers_edges", "nexus_resolved_person_identifiers",
			"nexus_resolved_group_identifiers", "nexus_entities", "nexus_entity_participants", "nexus_relationships"}},
	} {
		t.Run(map[bool]string{false: "c918759", true: "entities"}[c.entities], func(t *testing.T) {
			checkLayout(t, Layer(c.entities), c.want)
		})
	}
}

func checkLayout(t *testing.T, pkg fs.FS, want []string) {
	raw, err := fs.ReadFile(pkg, "dbt_project.yml")
	if err != nil {
		t.Fatal(err)
	}
	var project struct {
		Name string `yaml:"name"`
	}
	if err := yaml.Unmarshal(raw, &project); err != nil {
		t.Fatal(err)
	}
	if project.Name != "nexus" {
		t.Errorf("dbt_project.yml name = %q, want nexus", project.Name)
	}

	models := map[string]string{} // name -> folder
	documented := map[string]string{}
	err = fs.WalkDir(pkg, "models", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch path.Ext(p) {
		case ".sql":
			models[strings.TrimSuffix(path.Base(p), ".sql")] = path.Dir(p)
		case ".yml":
			b, err := fs.ReadFile(pkg, p)
			if err != nil {
				return err
			}
			var doc struct {
				Models []struct {
					Name        string `yaml:"name"`
					Description string `yaml:"description"`
				} `yaml:"models"`
			}
			if err := yaml.Unmarshal(b, &doc); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			for _, m := range doc.Models {
				if m.Description == "" {
					t.Errorf("%s: model %s has no description", p, m.Name)
				}
				documented[m.Name] = path.Dir(p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	var names []string
	for name := range models {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		dir, ok := documented[name]
		switch {
		case !ok:
			t.Errorf("model %s (%s) is in no .yml", name, models[name])
		case dir != models[name]:
			t.Errorf("model %s is in %s but documented in %s", name, models[name], dir)
		}
	}
	for name := range documented {
		if _, ok := models[name]; !ok {
			t.Errorf("a .yml documents %s, which is no model", name)
		}
	}
	for _, want := range want {
		if _, ok := models[want]; !ok {
			t.Errorf("model %s is missing", want)
		}
	}
}

// TestLayers: each layer hides the other's models, macros and tests, and
// shares the rest.
func TestLayers(t *testing.T) {
	cases := []struct {
		name     string
		entities bool
		present  bool
	}{
		{"models/nexus-models/final-tables/nexus_persons.sql", false, true},
		{"models/nexus-models/final-tables/nexus_persons.sql", true, false},
		{"models/nexus-entities/final-tables/nexus_entities.sql", false, false},
		{"models/nexus-entities/final-tables/nexus_entities.sql", true, true},
		{"macros/identity.sql", true, false},
		{"macros/entities/identity.sql", false, false},
		{"macros/entities/identity.sql", true, true},
		{"macros/normalize.sql", true, true},
		{"macros/normalize.sql", false, true},
		{"tests/nexus_duplicate_persons.sql", true, false},
		{"tests/nexus_duplicate_persons.sql", false, true},
		{"dbt_project.yml", true, true},
	}
	for _, c := range cases {
		_, err := fs.Stat(Layer(c.entities), c.name)
		if (err == nil) != c.present {
			t.Errorf("Layer(%v) %s: present %v, want %v", c.entities, c.name, err == nil, c.present)
		}
		found := false
		fs.WalkDir(Layer(c.entities), ".", func(p string, d fs.DirEntry, err error) error {
			found = found || p == c.name
			return nil
		})
		if found != c.present {
			t.Errorf("Layer(%v) walk lists %s: %v, want %v", c.entities, c.name, found, c.present)
		}
	}
}
