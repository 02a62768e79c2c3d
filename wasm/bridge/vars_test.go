package bridge

import (
	"testing"

	"github.com/goccy/go-yaml"
)

func TestSetYAMLKey(t *testing.T) {
	const base = `name: p # the project
vars:
  sources:
    - name: crm
      events: true

  # Try 3.
  nexus_max_recursion: 5
  states: [a, b]

models:
  p:
    +schema: s
`
	cases := []struct {
		name  string
		in    string
		path  []string
		value any
		want  string
	}{
		{"replace scalar", base, []string{"vars", "nexus_max_recursion"}, 3,
			"name: p # the project\nvars:\n  sources:\n    - name: crm\n      events: true\n\n  # Try 3.\n  nexus_max_recursion: 3\n  states: [a, b]\n\nmodels:\n  p:\n    +schema: s\n"},
		{"replace block", base, []string{"vars", "sources"}, []string{"x"},
			"name: p # the project\nvars:\n  sources: [\"x\"]\n\n  # Try 3.\n  nexus_max_recursion: 5\n  states: [a, b]\n\nmodels:\n  p:\n    +schema: s\n"},
		{"add nested", base, []string{"vars", "nexus", "edge_quality", "error_threshold"}, 4,
			"name: p # the project\nvars:\n  sources:\n    - name: crm\n      events: true\n\n  # Try 3.\n  nexus_max_recursion: 5\n  states: [a, b]\n  nexus:\n    edge_quality:\n      error_threshold: 4\n\nmodels:\n  p:\n    +schema: s\n"},
		{"no vars", "name: p\n", []string{"vars", "nexus_max_recursion"}, 2, "name: p\nvars:\n  nexus_max_recursion: 2\n"},
		{"into existing nested", "vars:\n    nexus:\n        edge_quality:\n            warning_threshold: 1\nx: 1\n", []string{"vars", "nexus", "edge_quality", "error_autofilter"}, true,
			"vars:\n    nexus:\n        edge_quality:\n            warning_threshold: 1\n            error_autofilter: true\nx: 1\n"},
	}
	for _, c := range cases {
		got, err := SetYAMLKey(c.in, c.path, c.value)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, got, c.want)
		}
		if err := yaml.Unmarshal([]byte(got), new(any)); err != nil {
			t.Errorf("%s: result does not parse: %v", c.name, err)
		}
	}
	if _, err := SetYAMLKey("vars:\n  nexus: {edge_quality: {}}\n", []string{"vars", "nexus", "edge_quality", "x"}, 1); err == nil {
		t.Error("an inline parent was rewritten")
	}
}
