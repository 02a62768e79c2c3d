package project

import "testing"

// While YAML renders (a source's database: "{{ target.database }}"),
// target.database is the build's: dbt-duckdb's is named by the profile's
// path, memory without one, where it read main and the source's tables
// were refused as another database's.
func TestYAMLTargetDatabase(t *testing.T) {
	cases := []struct {
		name     string
		target   Target
		yamlType string
		want     string
	}{
		{"duckdb without a profile", Target{}, "duckdb", "memory"},
		{"duckdb in-memory path", Target{Type: "duckdb", Path: ":memory:"}, "", "memory"},
		{"duckdb file", Target{Type: "duckdb", Path: "/data/jaffle.duckdb"}, "", "jaffle"},
		{"duckdb database given", Target{Type: "duckdb", Path: "x.duckdb", Database: "analytics"}, "", "analytics"},
		{"snowflake without a profile", Target{}, "snowflake", "main"},
		{"bigquery project", Target{Type: "bigquery", Database: "proj"}, "", "proj"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &Project{Name: "p", Target: c.target, yamlType: c.yamlType}
			if got := p.yamlTarget().Database; got != c.want {
				t.Errorf("target.database = %q, want %q", got, c.want)
			}
		})
	}
}
