package settings_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
)

func load(t *testing.T, yml string) (*settings.Settings, error) {
	t.Helper()
	p, err := project.Load(fstest.MapFS{"dbt_project.yml": {Data: []byte(yml)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return settings.FromProject(p)
}

const head = "name: p\nconfig-version: 2\n"

func TestForms(t *testing.T) {
	cases := []struct {
		name, vars string
		depth      int
		sources    string // name:flags, flags as e/p/g/m
		warnings   int
	}{
		{"nothing set: the default", "", 5, "", 0},
		{"c918759 list", `vars:
  nexus_max_recursion: 3
  sources:
    - name: gadget
      events: true
      persons: true
      custom_flag: whatever
    - name: gmail
      groups: true
      memberships: true
`, 3, "gadget:ep gmail:gm", 0},
		{"v0.13 mapping, sorted by name, disabled ones left out with a warning", `vars:
  nexus:
    max_recursion: 7
    sources:
      zeta: {enabled: true, persons: true}
      alpha: {enabled: true, events: true, memberships: true}
      off: {events: true}
`, 7, "alpha:em zeta:p", 1},
		{"v0.13 wins over c918759, as in v0.13", `vars:
  nexus_max_recursion: 2
  sources: [{name: old, events: true}]
  nexus:
    max_recursion: 4
    sources: {new: {enabled: true, groups: true}}
`, 4, "new:g", 0},
		{"a string of digits renders as the number in dbt", "vars:\n  nexus_max_recursion: \"6\"\n", 6, "", 0},
		{"zero is a bound too", "vars:\n  nexus_max_recursion: 0\n", 0, "", 0},
		{"v0.13's max_recursion: 0 falls back, as its `or` does, to 10", "vars:\n  nexus:\n    max_recursion: 0\n", 10, "", 0},
		{"v0.13's max_recursion: 0 falls back to nexus_max_recursion", "vars:\n  nexus_max_recursion: 3\n  nexus:\n    max_recursion: 0\n", 3, "", 0},
		{"a v0.13 mapping without max_recursion, incremental on: 5", "vars:\n  nexus:\n    incremental: {enabled: true}\n", 5, "", 0},
		{"a v0.13 mapping without max_recursion: 10", "vars:\n  nexus:\n    incremental: {enabled: false}\n", 10, "", 0},
		{"v0.13 entities and relationships: the entity layer", `vars:
  nexus:
    max_recursion: 3
    entity_types: [person, group]
    sources:
      crm: {enabled: true, events: true, entities: true, relationships: true}
      web: {enabled: true, events: true, entities: true}
`, 3, "crm:enr web:en", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := load(t, head+c.vars)
			if err != nil {
				t.Fatal(err)
			}
			if s.MaxRecursion != c.depth {
				t.Errorf("MaxRecursion = %d, want %d", s.MaxRecursion, c.depth)
			}
			var got []string
			for _, src := range s.Sources {
				f := ""
				for _, flag := range append(settings.Flags, "entities", "relationships") {
					if src.Has(flag) {
						f += map[string]string{"entities": "n"}[flag]
						if flag != "entities" {
							f += flag[:1]
						}
					}
				}
				got = append(got, src.Name+":"+f)
			}
			if strings.Join(got, " ") != c.sources {
				t.Errorf("sources = %q, want %q", strings.Join(got, " "), c.sources)
			}
			if len(s.Warnings) != c.warnings {
				t.Errorf("warnings = %v, want %d", s.Warnings, c.warnings)
			}
			vars := s.Vars()
			if entities := strings.Contains(c.sources, ":en"); s.Entities != entities || (vars["nexus_er_entity_types"] != nil) != entities {
				t.Errorf("Entities = %v, Vars nexus_er_entity_types = %v", s.Entities, vars["nexus_er_entity_types"])
			}
			if vars["nexus_max_recursion"] != int64(c.depth) {
				t.Errorf("Vars nexus_max_recursion = %v", vars["nexus_max_recursion"])
			}
		})
	}
}

// TestInvalid: one error, at the dbt_project.yml line of the value.
func TestInvalid(t *testing.T) {
	cases := []struct{ vars, want string }{
		{"vars:\n  nexus_max_recursion: 2.5\n", "dbt_project.yml:4: vars.nexus_max_recursion: max_recursion must be a whole number 0 or more, got 2.5"},
		{"vars:\n  nexus_max_recursion: -1\n", "dbt_project.yml:4: vars.nexus_max_recursion: max_recursion must be a whole number 0 or more, got -1"},
		{"vars:\n  nexus_max_recursion: five\n", `dbt_project.yml:4: vars.nexus_max_recursion: max_recursion must be a whole number 0 or more, got "five"`},
		{"vars:\n  x: 1\n  nexus:\n    max_recursion: 2.5\n", "dbt_project.yml:6: vars.nexus.max_recursion: max_recursion must be a whole number"},
		{"vars:\n  nexus:\n    edge_quality:\n      error_threshold: lots\n", `dbt_project.yml:6: vars.nexus.edge_quality.error_threshold: must be a whole number 0 or more, got "lots"`},
		{"vars:\n  nexus:\n    edge_quality:\n      error_autofilter: 1\n", "dbt_project.yml:6: vars.nexus.edge_quality.error_autofilter: must be true or false, got 1"},
		{"vars:\n  nexus:\n    edge_quality:\n      eror_threshold: 3\n", `dbt_project.yml:6: vars.nexus.edge_quality.eror_threshold: unknown edge_quality setting "eror_threshold"`},
		{"vars:\n  sources:\n    - name: a\n      events: yes please\n", `dbt_project.yml:5: vars.sources[0]: source "a": events must be true or false, got "yes please"`},
		{"vars:\n  sources: gadget\n", "dbt_project.yml:4: vars.sources: must be a list"},
		{"vars:\n  nexus:\n    sources:\n      a: {enabled: true, entities: yes please}\n", `dbt_project.yml:6: vars.nexus.sources.a.entities: must be true or false, got "yes please"`},
		{"vars:\n  nexus:\n    sources:\n      a: {enabled: true, entities: true}\n      b: {enabled: true, persons: true}\n", "dbt_project.yml:7: vars.nexus.sources.b: persons, groups and memberships are dbt-nexus c918759's flags, while a give v0.13 entities"},
		{"vars:\n  nexus:\n    sources:\n      a: {enabled: true, relationships: true}\n", "dbt_project.yml:6: vars.nexus.sources.a.relationships: relationships need entities"},
		{"vars:\n  nexus:\n    entity_types: [person, subscription]\n    sources:\n      a: {enabled: true, entities: true}\n", `dbt_project.yml:5: vars.nexus.entity_types: entity type "subscription": the built-in package resolves person and group only`},
		{"vars:\n  nexus:\n    entity_types:\n      person: {}\n      plan: {entity_resolution: false}\n    sources:\n      a: {enabled: true, entities: true}\n", "dbt_project.yml:7: vars.nexus.entity_types.plan: entity types without resolution"},
		{"vars:\n  nexus:\n    entity_types: []\n    sources:\n      a: {enabled: true, entities: true}\n", "dbt_project.yml:5: vars.nexus.entity_types: lists no entity type"},
		{"vars:\n  nexus_resolution: fuzzy\n", `dbt_project.yml:4: vars.nexus_resolution: unknown strategy fuzzy`},
	}
	for _, c := range cases {
		_, err := load(t, head+c.vars)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.vars, err, c.want)
		}
	}
}

// TestSameErrorEverywhere: build, explain (and the page's preview, which
// reads the bound through pipeline.ResolutionBound) refuse 2.5 with one message.
func TestSameErrorEverywhere(t *testing.T) {
	fsys := fstest.MapFS{"dbt_project.yml": {Data: []byte(head + "vars:\n  nexus_max_recursion: 2.5\n")}}
	want := "dbt_project.yml:4: vars.nexus_max_recursion: max_recursion must be a whole number 0 or more, got 2.5"
	ctx := context.Background()
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, fsys, pipeline.Options{Command: pipeline.CmdBuild})
	var got string
	if err != nil {
		got = err.Error()
	} else if len(res.Diagnostics) > 0 {
		got = res.Diagnostics[0].Error()
	}
	if !strings.HasPrefix(got, want) {
		t.Errorf("build: %q, want %q", got, want)
	}
	if _, err := pipeline.ResolutionBound(fsys, nil); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("explain: %v, want %q", err, want)
	}
	// --vars: no line to name, so the flag is named.
	if _, err := pipeline.ResolutionBound(fsys, map[string]any{"nexus_max_recursion": 2.5}); err == nil || !strings.HasPrefix(err.Error(), "--vars: vars.nexus_max_recursion") {
		t.Errorf("explain --vars: %v", err)
	}
}
