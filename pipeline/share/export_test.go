package share

import (
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// TestForWarehouse: an exported project is the project's own files, a
// packages.yml pinning dbt-nexus's commit and a profiles.yml template for
// the warehouse, whose profile is the one dbt_project.yml names (else the
// project's name).
func TestForWarehouse(t *testing.T) {
	base, err := LoadSample(os.DirFS(samplesDir), "demo")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ warehouse, wantType string }{
		{"bigquery", "bigquery"}, {"snowflake", "snowflake"}, {"duckdb", "duckdb"}, {"sqlite", "bigquery"}, {"", "bigquery"},
	} {
		got := ForWarehouse(base.Files, c.warehouse)
		for name, data := range base.Files {
			if string(got[name]) != string(data) {
				t.Errorf("%s: %s changed", c.warehouse, name)
			}
		}
		if len(got) != len(base.Files)+2 {
			t.Errorf("%s: %d files, want the project's %d and two more", c.warehouse, len(got), len(base.Files))
		}
		var pkgs struct {
			Packages []map[string]string `yaml:"packages"`
		}
		if err := yaml.Unmarshal(got["packages.yml"], &pkgs); err != nil || pkgs.Packages[0]["git"] != DBTNexusGit || pkgs.Packages[0]["revision"] != DBTNexusRevision {
			t.Errorf("%s: packages.yml %s (%v)", c.warehouse, got["packages.yml"], err)
		}
		var profiles map[string]struct {
			Target  string                    `yaml:"target"`
			Outputs map[string]map[string]any `yaml:"outputs"`
		}
		if err := yaml.Unmarshal(got[ProfilesTemplatePath], &profiles); err != nil {
			t.Fatalf("%s: profiles.yml: %v", c.warehouse, err)
		}
		p, ok := profiles["nexus_demo"]
		if !ok || p.Target != "dev" || p.Outputs["dev"]["type"] != c.wantType {
			t.Errorf("%s: profiles.yml %s", c.warehouse, got[ProfilesTemplatePath])
		}
	}

	// A project's own packages.yml and profiles.yml are kept as they are,
	// and the profile named in dbt_project.yml names the template.
	own := map[string][]byte{"dbt_project.yml": []byte("name: x\nprofile: 'acme'\n"), "packages.yml": []byte("packages: []\n")}
	got := ForWarehouse(own, "snowflake")
	if string(got["packages.yml"]) != "packages: []\n" || !strings.Contains(string(got[ProfilesTemplatePath]), "\nacme:\n") {
		t.Errorf("own files: %q", got)
	}
	own["profiles.yml"] = []byte("acme: {}\n")
	if got := ForWarehouse(own, "snowflake"); !sameBytes(got, own) {
		t.Errorf("a project with its profiles.yml got %v", got)
	}
}

// TestPackagesPin: an exported project pins the dbt-nexus release whose
// tables the playground built for it: v0.13.0 when a source gives entities
// (samples/entities), c918759 otherwise.
func TestPackagesPin(t *testing.T) {
	for _, c := range []struct{ sample, revision string }{
		{"demo", DBTNexusRevision}, {"quickstart", DBTNexusRevision}, {"entities", DBTNexusV013Revision},
	} {
		p, err := LoadSample(os.DirFS(samplesDir), c.sample)
		if err != nil {
			t.Fatal(err)
		}
		var pkgs struct {
			Packages []map[string]string `yaml:"packages"`
		}
		out := ForWarehouse(p.Files, "duckdb")
		got := out["packages.yml"]
		if err := yaml.Unmarshal(got, &pkgs); err != nil || pkgs.Packages[0]["revision"] != c.revision {
			t.Errorf("%s: packages.yml %s (%v), want revision %s", c.sample, got, err, c.revision)
		}
		// c918759 has no duckdb__resolve_identifiers; v0.13.0 has one.
		if note := strings.Contains(string(out[ProfilesTemplatePath]), "bring your"); note != (c.revision == DBTNexusRevision) {
			t.Errorf("%s: the DuckDB profile's note about resolve_identifiers: %v\n%s", c.sample, note, out[ProfilesTemplatePath])
		}
	}
}

func sameBytes(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if string(b[k]) != string(v) {
			return false
		}
	}
	return true
}
