package project

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// loadYML reads the sources:, models: and seeds: sections of one yml file.
func (p *Project) loadYML(file string, data []byte, pkg string) error {
	doc, err := yamlx.Parse(file, data)
	if err != nil {
		return err
	}
	if doc.Kind != yamlx.Map {
		return diag.Errorf(file, doc.Line, "expected a mapping with `version:`, `models:` or `sources:`")
	}
	if doc, err = p.renderYAML(file, pkg, doc); err != nil {
		return err
	}
	for i, k := range doc.Keys {
		v := doc.Vals[i]
		switch k {
		case "exposures", "metrics", "semantic_models", "unit_tests", "saved_queries":
			if v.Kind != yamlx.Scalar || v.Value != nil {
				p.warn(p.WhereFile(pkg, file), v.Line, unrunSections[k], "")
			}
		// anchors: holds YAML anchors for the rest of the file (dbt 1.10);
		// what it means is where the aliases use it.
		case "version", "macros", "analyses", "snapshots", "groups", "anchors":
		case "sources":
			if err := p.loadSources(file, v, pkg); err != nil {
				return err
			}
		case "models", "seeds":
			if err := p.loadNodeDocs(file, k, v, pkg); err != nil {
				return err
			}
		default:
			return diag.Errorf(file, v.Line, "unknown top-level key %q", k).WithHint("a properties file holds version:, models:, seeds: and sources:")
		}
	}
	return nil
}

func list(file string, n *yamlx.Node, what string) ([]*yamlx.Node, error) {
	if n == nil || n.Kind == yamlx.Scalar && n.Value == nil {
		return nil, nil
	}
	if n.Kind != yamlx.List {
		return nil, diag.Errorf(file, n.Line, "`%s` must be a list", what).WithHint("start each entry with `- name: ...`")
	}
	return n.Items, nil
}

func (p *Project) loadSources(file string, n *yamlx.Node, pkg string) error {
	srcs, err := list(file, n, "sources")
	if err != nil {
		return err
	}
	for _, s := range srcs {
		name := s.Get("name").String()
		if name == "" {
			return diag.Errorf(file, s.Line, "source without `name:`").WithHint("give each source a name, e.g. `- name: stripe`")
		}
		schema := s.Get("schema").String()
		if schema == "" {
			schema = name
		}
		tables, err := list(file, s.Get("tables"), "tables")
		if err != nil {
			return err
		}
		for _, t := range tables {
			tn := t.Get("name").String()
			if tn == "" {
				return diag.Errorf(file, t.Line, "table of source %q without `name:`", name).WithHint("write `- name: table_name` under tables:")
			}
			ident := t.Get("identifier").String()
			if ident == "" {
				ident = tn
			}
			for _, src := range p.Sources {
				if src.SourceName == name && src.Table == tn {
					return diag.Errorf(file, t.Line, "source table %s.%s is declared twice (also in %s:%d)", name, tn, src.File, src.Line).WithHint("declare each source table once")
				}
			}
			p.Sources = append(p.Sources, &Source{SourceName: name, Table: tn, Schema: schema, Identifier: ident, File: file, Line: t.Line, Package: pkg})
			if err := p.loadColumnTests(file, t, "source:"+name+"."+tn, pkg); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadNodeDocs reads models:/seeds: entries: config and tests.
func (p *Project) loadNodeDocs(file, section string, n *yamlx.Node, pkg string) error {
	items, err := list(file, n, section)
	if err != nil {
		return err
	}
	for _, it := range items {
		name := it.Get("name").String()
		if name == "" {
			return diag.Errorf(file, it.Line, "entry of `%s` without `name:`", section).WithHint("write `- name: model_name`")
		}
		if cfg := it.Get("config"); cfg != nil && cfg.Kind == yamlx.Map {
			if !p.usedBuiltin[pkg] {
				p.checkConfigMap(p.WhereFile(pkg, file), cfg)
			}
			p.applyNodeConfig(section, name, pkg, cfg.Plain().(map[string]any))
		}
		if err := p.loadColumnTests(file, it, name, pkg); err != nil {
			return err
		}
	}
	return nil
}

func (p *Project) applyNodeConfig(section, name, pkg string, kw map[string]any) {
	if section == "seeds" {
		for _, s := range p.Seeds {
			if s.Name == name && s.Package == pkg {
				s.Config.Apply(kw)
			}
		}
		return
	}
	for _, m := range p.Models {
		if m.Name == name && m.Package == pkg {
			m.Config.Apply(kw)
		}
	}
}

// loadColumnTests reads `tests:`/`data_tests:` of a node and of its columns.
func (p *Project) loadColumnTests(file string, node *yamlx.Node, model, pkg string) error {
	add := func(tests *yamlx.Node, column string) error {
		items, err := list(file, tests, "tests")
		if err != nil {
			return err
		}
		for _, t := range items {
			test, err := parseTest(file, t, model, column, func(kind string) string {
				call, _ := p.genericTest(kind, pkg)
				return call
			})
			var skip *skippedTest
			if errors.As(err, &skip) {
				p.Warnings = append(p.Warnings, skip.Diagnostic)
				continue
			}
			if err != nil {
				return err
			}
			test.Package = pkg
			p.Tests = append(p.Tests, test)
		}
		return nil
	}
	for _, key := range []string{"tests", "data_tests"} {
		if err := add(node.Get(key), ""); err != nil {
			return err
		}
	}
	cols, err := list(file, node.Get("columns"), "columns")
	if err != nil {
		return err
	}
	for _, c := range cols {
		cn := c.Get("name").String()
		for _, key := range []string{"tests", "data_tests"} {
			if err := add(c.Get(key), cn); err != nil {
				return err
			}
		}
	}
	return nil
}

// skippedTest is a test the loader leaves out, with the warning that says so.
type skippedTest struct{ diag.Diagnostic }

func (s *skippedTest) Error() string { return s.Diagnostic.Error() }

var testKinds = map[string]bool{"unique": true, "not_null": true, "accepted_values": true, "relationships": true}

func parseTest(file string, t *yamlx.Node, model, column string, generic func(kind string) string) (*Test, error) {
	test := &Test{File: file, Line: t.Line, Model: model, Column: column, Config: defaultConfig("test"), Args: map[string]any{}}
	switch t.Kind {
	case yamlx.Scalar:
		test.Kind = t.String()
	case yamlx.Map:
		if len(t.Keys) != 1 {
			return nil, diag.Errorf(file, t.Line, "a test entry must have exactly one key, the test name").WithHint("write `- accepted_values: {values: [a, b]}`")
		}
		test.Kind = t.Keys[0]
		args := t.Vals[0]
		if args.Kind == yamlx.Map {
			for i, k := range args.Keys {
				if k == "config" {
					if m, ok := args.Vals[i].Plain().(map[string]any); ok {
						test.Config.Apply(m)
					}
					continue
				}
				if k == "arguments" {
					if m, ok := args.Vals[i].Plain().(map[string]any); ok {
						for ak, av := range m {
							test.Args[ak] = av
						}
					}
					continue
				}
				test.Args[k] = args.Vals[i].Plain()
			}
		}
	default:
		return nil, diag.Errorf(file, t.Line, "a test must be a name or a mapping").WithHint("write `- unique` or `- accepted_values: {values: [a, b]}`")
	}
	if call := generic(test.Kind); call != "" && !testKinds[test.Kind] {
		test.Name = genericTestName(test)
		test.Generic, test.Kind = call, "generic"
		return test, nil
	}
	if pkg, name, ok := strings.Cut(test.Kind, "."); ok {
		if !testKinds[name] {
			// A generic test from a package the playground does not ship
			// (dbt_utils.unique_combination_of_columns, dbt_expectations...):
			// the project still loads, and the skip is reported.
			return nil, &skippedTest{diag.Diagnostic{Severity: diag.Warning, File: file, Line: t.Line,
				Message: fmt.Sprintf("test %s on %s is skipped: the playground has no generic test %q of package %s", test.Kind, model, name, pkg),
				Hint:    "write it as a singular test in tests/*.sql to run it here"}}
		}
		test.Kind = name
	}
	if !testKinds[test.Kind] {
		known := make([]string, 0, len(testKinds))
		for k := range testKinds {
			known = append(known, k)
		}
		sort.Strings(known)
		return nil, diag.Errorf(file, t.Line, "unknown test %q", test.Kind).WithHint("use one of %s, or a singular test in tests/*.sql", strings.Join(known, ", "))
	}
	if column == "" && test.Kind != "singular" {
		if c, ok := test.Args["column_name"].(string); ok {
			test.Column = c
		} else {
			return nil, diag.Errorf(file, t.Line, "test %q on %s needs a column", test.Kind, model).WithHint("put it under a column's tests:, or give column_name:")
		}
	}
	switch test.Kind {
	case "accepted_values":
		if _, ok := test.Args["values"].([]any); !ok {
			return nil, diag.Errorf(file, t.Line, "accepted_values needs `values:`, a list").WithHint("write `- accepted_values: {values: ['a', 'b']}`")
		}
	case "relationships":
		if _, ok := test.Args["to"].(string); !ok {
			return nil, diag.Errorf(file, t.Line, "relationships needs `to:` and `field:`").WithHint("write `- relationships: {to: ref('other_model'), field: id}`")
		}
		if _, ok := test.Args["field"].(string); !ok {
			return nil, diag.Errorf(file, t.Line, "relationships needs `field:`").WithHint("write `- relationships: {to: ref('other_model'), field: id}`")
		}
	}
	test.Name = testName(test)
	return test, nil
}

// testName follows dbt's naming: kind_model_column.
func testName(t *Test) string {
	m := strings.NewReplacer("source:", "source_", ".", "_").Replace(t.Model)
	return fmt.Sprintf("%s_%s_%s", t.Kind, m, t.Column)
}
