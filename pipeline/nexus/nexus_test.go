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
// with the model's folder as its config path.
func TestPackageLayout(t *testing.T) {
	pkg := Package()
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
	for _, want := range []string{"nexus_events", "nexus_persons", "nexus_groups", "nexus_memberships", "nexus_states"} {
		if _, ok := models[want]; !ok {
			t.Errorf("model %s is missing", want)
		}
	}
}
