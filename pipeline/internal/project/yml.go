package project

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// loadYML reads the sections of one properties file: sources:, and the
// entries of models:, seeds:, snapshots:, analyses: and macros:, which
// describe nodes of the same package.
func (p *Project) loadYML(file string, data []byte, pkg string) error {
	doc, err := p.cache.parseYAML(file, pkg, data)
	if err != nil {
		return err
	}
	for _, w := range doc.Warnings {
		p.warn(p.WhereFile(pkg, file), w.Line, w.Message, w.Hint)
	}
	if doc.Kind != yamlx.Map {
		return diag.Errorf(file, doc.Line, "expected a mapping with `version:`, `models:` or `sources:`")
	}
	if doc, err = p.renderSections(file, pkg, doc); err != nil {
		return err
	}
	for i, k := range doc.Keys {
		v := doc.Vals[i]
		switch k {
		case "unit_tests":
			if pkg == "" {
				if err := p.loadUnitTests(file, v); err != nil {
					return err
				}
			} else if v.Kind != yamlx.Scalar || v.Value != nil {
				p.warn(p.WhereFile(pkg, file), v.Line, "unit tests of package "+pkg+" are not run: dbt runs the unit tests of the root project's models", "")
			}
		case "exposures":
			if err := p.loadExposures(file, v, pkg); err != nil {
				return err
			}
			if v.Kind != yamlx.Scalar || v.Value != nil {
				p.warn(p.WhereFile(pkg, file), v.Line, unrunSections[k], "")
			}
		case "metrics", "semantic_models", "saved_queries":
			if v.Kind != yamlx.Scalar || v.Value != nil {
				p.warn(p.WhereFile(pkg, file), v.Line, unrunSections[k], "")
			}
		// anchors: holds YAML anchors for the rest of the file (dbt 1.10);
		// what it means is where the aliases use it.
		case "version", "groups", "anchors":
		case "macros":
			if err := p.loadMacroDocs(file, v, pkg); err != nil {
				return err
			}
		case "sources":
			if err := p.loadSources(file, v, pkg); err != nil {
				return err
			}
		case "tests":
			// dbt reads singular tests' properties from data_tests: only;
			// a top-level tests: is no section it parses.
			p.warn(p.WhereFile(pkg, file), v.Line, "a properties file's top-level `tests:` is not read by dbt, and neither by the playground: its entries are not used",
				"give a singular test's properties under `data_tests:`, and a model's tests under its entry in `models:`")
		case "data_tests":
			// dbt parses data_tests: entry by entry and, at one it cannot
			// read, warns and leaves the rest of the section out
			if err := p.loadNodeDocs(file, k, v, pkg); err != nil {
				var d *diag.Diagnostic
				if !errors.As(err, &d) {
					return err
				}
				p.warn(p.WhereFile(pkg, file), d.Line, "unable to parse the `data_tests:` section: "+d.Message+"; dbt warns and leaves the rest of the section out, and so does the playground", d.Hint)
			}
		case "models", "seeds", "snapshots", "analyses":
			if err := p.loadNodeDocs(file, k, v, pkg); err != nil {
				return err
			}
		default:
			// dbt parses the sections it knows and leaves any other key
			// out (dbt 1.10 with a deprecation warning): a semantic
			// layer's time_spines:, a tool's own section
			hint := "a properties file holds version:, models:, seeds:, snapshots:, analyses:, data_tests:, macros: and sources:"
			if best := closest(k, propertiesSections); best != "" {
				hint = fmt.Sprintf("did you mean %q? ", best) + hint
			}
			p.warn(p.WhereFile(pkg, file), v.Line, fmt.Sprintf("unknown top-level key %q: dbt leaves it out, and so does the playground", k), hint)
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
		database := s.Get("database").String()
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
			scfg := p.sourceConfig(pkg, file, s, t)
			if !scfg.Enabled {
				continue // dbt leaves a disabled source table, and its tests, out of the graph
			}
			key, err := p.replaceSource(file, t.Line, name, tn, pkg)
			if err != nil {
				return err
			}
			cols, err := p.declaredColumns(file, t, pkg)
			if err != nil {
				return err
			}
			loc, locLine := externalLocation(s, t)
			formatter, _ := sourceSetting(s, t, "formatter")
			p.Sources = append(p.Sources, &Source{Key: key, SourceName: name, Table: tn, Schema: schema, Identifier: ident, Database: database, File: file, Line: t.Line, Package: pkg,
				Description: t.Get("description").String(), Columns: cols, SourceDescription: s.Get("description").String(),
				Freshness: tableFreshness(s, t), LoadedAtField: tableLoadedAtField(s, t), Loader: s.Get("loader").String(), Quoting: sourceQuoting(s, t), External: tableExternal(t),
				ExternalLocation: loc, ExternalLine: locLine, ExternalFormatter: formatter, EventTime: configString(scfg, "event_time"), Config: sourceExtraConfig(scfg)})
			// quoting: {column: true} of the table, else of the source,
			// quotes the columns that do not say
			quoteCols := cmp.Or(t.Get("quoting").Get("column").String(), s.Get("quoting").Get("column").String()) == "true"
			if err := p.loadColumnTests(file, t, "source:"+key, pkg, quoteCols); err != nil {
				return err
			}
		}
	}
	return nil
}

// replaceSource makes way for the root project's declaration of a source
// table a package declares too: dbt's source() looks in the root project
// first, so the packages' declarations are never read, and they are left
// out with their tests, in a warning. Two packages may each declare it, as
// dbt keeps a source per package: the first is keyed src.table, another's
// src.table@package, which source() in that package reads first (key).
// Two declarations in one package, or a package's after the root
// project's, are an error. Packages load before the root project.
func (p *Project) replaceSource(file string, line int, name, table, pkg string) (key string, err error) {
	key = name + "." + table
	for i := 0; i < len(p.Sources); i++ {
		src := p.Sources[i]
		if src.SourceName != name || src.Table != table {
			continue
		}
		if pkg != "" && src.Package != "" && src.Package != pkg {
			key = name + "." + table + "@" + pkg
			continue
		}
		if pkg != "" || src.Package == "" {
			return "", diag.Errorf(file, line, "source table %s.%s is declared twice (also in %s)", name, table, p.WhereFile(src.Package, src.File)+":"+strconv.Itoa(src.Line)).WithHint("declare each source table once")
		}
		p.Sources = slices.Delete(p.Sources, i, i+1)
		i--
		model := "source:" + src.Key
		dropped := 0
		p.Tests = slices.DeleteFunc(p.Tests, func(t *Test) bool {
			if t.Model == model && t.Package == src.Package {
				dropped++
				return true
			}
			return false
		})
		p.warn(p.WhereFile("", file), line, fmt.Sprintf("source table %s.%s is also declared by package %s (%s:%d): source() reads the root project's, as in dbt, and the package's declaration is left out with %s", name, table, src.Package, p.WhereFile(src.Package, src.File), src.Line, testCount(dropped)), "")
	}
	return key, nil
}

// testCount is "no tests", "its test" or "its n tests".
func testCount(n int) string {
	switch n {
	case 0:
		return "no tests"
	case 1:
		return "its test"
	}
	return "its " + strconv.Itoa(n) + " tests"
}

// sectionKind is the node kind each properties section describes.
var sectionKind = map[string]string{"models": "model", "seeds": "seed", "snapshots": "snapshot", "analyses": "analysis",
	"macros": "macro", "tests": "singular test", "data_tests": "singular test"}

// loadNodeDocs reads the entries of models:, seeds:, snapshots:,
// analyses: or tests:/data_tests: (singular tests): their config and tests. An entry that names no node of its
// package is a warning, as dbt's "Did not find matching node for patch":
// its config and tests are not used.
func (p *Project) loadNodeDocs(file, section string, n *yamlx.Node, pkg string) error {
	items, err := list(file, n, section)
	if err != nil {
		return err
	}
	kind := sectionKind[section]
	for _, it := range items {
		name := it.Get("name").String()
		if name == "" {
			return diag.Errorf(file, it.Line, "entry of `%s` without `name:`", section).WithHint("write `- name: %s_name`", strings.TrimPrefix(kind, "singular "))
		}
		if rel := it.Get("relation"); section == "snapshots" && rel != nil {
			if err := p.yamlSnapshot(file, it, name, pkg); err != nil {
				return err
			}
		}
		if v := it.Get("versions"); section == "models" && v != nil {
			if err := p.loadVersions(file, it, name, pkg); err != nil {
				return err
			}
			continue
		}
		configs := p.nodeConfigs(section, name, pkg)
		if configs == nil {
			p.noSuchNode(file, it.Line, section, name, pkg)
			continue
		}
		if cfg := it.Get("config"); cfg != nil && cfg.Kind == yamlx.Map {
			if !p.usedBuiltin[pkg] {
				p.checkConfigMap(p.WhereFile(pkg, file), cfg, section)
			}
			kw := cfg.Plain().(map[string]any)
			for _, c := range configs {
				c.Apply(kw)
			}
		}
		if section == "models" {
			if err := p.loadModelColumns(file, it, name, pkg); err != nil {
				return err
			}
			p.loadModelProperties(it, name, pkg, configs)
		}
		if section == "analyses" || section == "tests" || section == "data_tests" {
			// dbt tests no analysis nor test: such tests would never run.
			if line := testsLine(file, it); line > 0 {
				p.warn(p.WhereFile(pkg, file), line, fmt.Sprintf("%s %s has tests: dbt does not run them, and neither does the playground", kind, name),
					"move the tests to the model it reads, or remove them")
			}
			continue
		}
		if err := p.loadColumnTests(file, it, name, pkg, false); err != nil {
			return err
		}
	}
	return nil
}

// nodeConfigs are the configs of the nodes of a section's kind named name
// in package pkg (a model may have a disabled twin); nil when there is none.
func (p *Project) nodeConfigs(section, name, pkg string) []*Config {
	var out []*Config
	switch section {
	case "models":
		for _, m := range p.Models {
			if m.Name == name && m.Package == pkg {
				out = append(out, &m.Config)
			}
		}
	case "seeds":
		for _, s := range p.Seeds {
			if s.Name == name && s.Package == pkg {
				out = append(out, &s.Config)
			}
		}
	case "snapshots":
		for _, s := range p.Snapshots {
			if s.Name == name && s.Package == pkg {
				out = append(out, &s.Config)
			}
		}
	case "analyses":
		for _, a := range p.Analyses {
			if a.Name == name && a.Package == pkg {
				out = append(out, &a.Config)
			}
		}
	case "tests", "data_tests":
		for _, t := range p.Tests {
			if t.Kind == "singular" && t.Name == name && t.Package == pkg {
				out = append(out, &t.Config)
			}
		}
	}
	return out
}

// nodeNames lists the names of a section's nodes in package pkg, for a
// suggestion.
func (p *Project) nodeNames(section, pkg string) []string {
	var out []string
	add := func(name, of string) {
		if of == pkg {
			out = append(out, name)
		}
	}
	switch section {
	case "models":
		for _, m := range p.Models {
			add(m.Name, m.Package)
		}
	case "seeds":
		for _, s := range p.Seeds {
			add(s.Name, s.Package)
		}
	case "snapshots":
		for _, s := range p.Snapshots {
			add(s.Name, s.Package)
		}
	case "analyses":
		for _, a := range p.Analyses {
			add(a.Name, a.Package)
		}
	case "tests", "data_tests":
		for _, t := range p.Tests {
			if t.Kind == "singular" {
				add(t.Name, t.Package)
			}
		}
	case "macros":
		for key := range p.macroNames {
			if owner, name, _ := strings.Cut(key, "."); owner == pkg {
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// noSuchNode warns about a properties entry that names no node.
func (p *Project) noSuchNode(file string, line int, section, name, pkg string) {
	kind := sectionKind[section]
	hint := fmt.Sprintf("rename the entry to an existing %s, or remove it", kind)
	if kind == "singular test" {
		hint = "name a .sql file under test-paths, or remove the entry"
	}
	if best := closest(name, p.nodeNames(section, pkg)); best != "" {
		hint = fmt.Sprintf("did you mean %q? Rename the entry, or remove it", best)
	}
	what := "its config, columns and tests are not used"
	if section == "macros" {
		what = "its description and arguments document nothing"
	}
	of := "this project"
	if pkg != "" {
		of = "package " + pkg
	}
	p.warn(p.WhereFile(pkg, file), line, fmt.Sprintf("%s: entry %q matches no %s of %s: %s", section, name, kind, of, what), hint)
}

// propertiesSections are the top-level keys of a properties file dbt reads.
var propertiesSections = []string{"version", "models", "seeds", "snapshots", "analyses", "sources", "macros", "data_tests", "tests",
	"unit_tests", "exposures", "metrics", "semantic_models", "saved_queries", "groups", "anchors"}

// closest is the name nearest to name, "" when none is near enough to be
// a likely typo.
func closest(name string, names []string) string {
	best, bestD := "", 1<<30
	for _, n := range names {
		if d := graph.Distance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > (len(name)+2)/3 {
		return ""
	}
	return best
}

// testsLine is the line of the first tests:/data_tests: of an entry or of
// its columns, 0 without any.
func testsLine(file string, it *yamlx.Node) int {
	nodes := []*yamlx.Node{it}
	if cols, err := list(file, it.Get("columns"), "columns"); err == nil {
		nodes = append(nodes, cols...)
	}
	for _, n := range nodes {
		for _, key := range []string{"tests", "data_tests"} {
			if t := n.Get(key); t != nil && !(t.Kind == yamlx.Scalar && t.Value == nil) {
				return t.Line
			}
		}
	}
	return 0
}

// loadMacroDocs checks the entries of macros:: each names a macro (or a
// generic test, as test_name) of the package; their description and
// arguments only document it.
func (p *Project) loadMacroDocs(file string, n *yamlx.Node, pkg string) error {
	items, err := list(file, n, "macros")
	if err != nil {
		return err
	}
	for _, it := range items {
		name := it.Get("name").String()
		if name == "" {
			return diag.Errorf(file, it.Line, "entry of `macros` without `name:`").WithHint("write `- name: macro_name`")
		}
		if !p.macroNames[pkg+"."+name] {
			p.noSuchNode(file, it.Line, "macros", name, pkg)
			continue
		}
		if _, err := list(file, it.Get("arguments"), "arguments"); err != nil {
			return err
		}
	}
	return nil
}

// loadColumnTests reads `tests:`/`data_tests:` of a node and of its columns.
func (p *Project) loadColumnTests(file string, node *yamlx.Node, model, pkg string, quoteCols bool) error {
	add := func(tests *yamlx.Node, column string, quote bool) error {
		items, err := list(file, tests, "tests")
		if err != nil {
			return err
		}
		for _, t := range items {
			test, err := parseTest(file, t, model, column, quote, p.testBase(pkg, file, ""), func(kind string) string {
				call, _ := p.genericTest(kind, pkg)
				return call
			})
			var skip *skippedTest
			if errors.As(err, &skip) {
				ns, _, _ := strings.Cut(skip.kind, ".")
				if hub := p.builtin[ns].Hub; hub != "" && !p.loaded(ns) {
					skip.Message = fmt.Sprintf("test %s on %s is skipped: the project does not list %s in packages.yml", skip.kind, model, ns)
					skip.Hint = fmt.Sprintf("list %s in packages.yml: the engine's own %s then runs its tests", hub, ns)
				} else if slices.Contains(p.MissingPackages, ns) {
					skip.Message = fmt.Sprintf("test %s on %s is skipped: package %s is not installed", skip.kind, model, ns)
					skip.Hint = "run `dbt deps` and ship the dbt_packages folder with the project"
				}
				p.Warnings = append(p.Warnings, skip.Diagnostic)
				continue
			}
			if err != nil {
				p.strayGenericHint(err, pkg)
				return err
			}
			test.Package = pkg
			for _, k := range sortedKeys(test.configAt) {
				if msg := configWarning(k); msg != "" && !testRanConfigs[k] && !p.usedBuiltin[pkg] {
					p.warn(p.WhereFile(pkg, file), test.configAt[k], msg, "")
				}
			}
			p.Tests = append(p.Tests, test)
		}
		return nil
	}
	for _, key := range []string{"tests", "data_tests"} {
		if err := add(node.Get(key), "", false); err != nil {
			return err
		}
	}
	cols, err := list(file, node.Get("columns"), "columns")
	if err != nil {
		return err
	}
	for _, c := range cols {
		cn := c.Get("name").String()
		// quote: true, as dbt reads it: the tests get the column quoted
		quote := c.Get("quote").String() == "true" || c.Get("quote").String() == "" && quoteCols
		for _, key := range []string{"tests", "data_tests"} {
			if err := add(c.Get(key), cn, quote); err != nil {
				return err
			}
		}
	}
	return nil
}

// testBase is a test's config before its own: the tests: and data_tests:
// trees of the package's dbt_project.yml and the root's, by the folders of
// the file that declares it (and the name of a singular test), as dbt
// configures tests.
func (p *Project) testBase(pkg, file, name string) Config {
	c := defaultConfig("test")
	docs := []*yamlx.Node{p.config}
	if pkg != "" {
		docs = []*yamlx.Node{p.pkgDocs[pkg], p.config}
	}
	for _, doc := range docs {
		for _, section := range []string{"tests", "data_tests"} {
			applyTree(&c, doc.Get(section), p.pkgKey(pkg), folders(firstSeg(file), file), name)
		}
	}
	return c
}

// skippedTest is a test the loader leaves out, with the warning that says so.
type skippedTest struct {
	diag.Diagnostic
	kind string // pkg.name
}

func (s *skippedTest) Error() string { return s.Diagnostic.Error() }

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loaded reports whether a package of that name is loaded.
func (p *Project) loaded(pkg string) bool {
	_, ok := p.usedBuiltin[pkg]
	return ok
}

// testRanConfigs are configs the engine runs on tests only (the failure
// thresholds and the limit on the rows counted); on other nodes they are
// named as not run.
var testRanConfigs = keys("warn_if", "error_if", "limit")

// testConfigKeys are the keys dbt takes as a test's config when they sit
// beside its arguments.
var testConfigKeys = keys("severity", "tags", "enabled", "where", "limit", "warn_if", "error_if", "fail_calc",
	"store_failures", "store_failures_as", "meta", "database", "schema", "alias")

var testKinds = map[string]bool{"unique": true, "not_null": true, "accepted_values": true, "relationships": true}

// strayGenericHint tells, on an unknown test that a singular test file
// writes as a {% test %} block, where dbt reads generic tests.
func (p *Project) strayGenericHint(err error, pkg string) {
	var d *diag.Diagnostic
	if !errors.As(err, &d) {
		return
	}
	quoted, ok := strings.CutPrefix(d.Message, "unknown test ")
	kind, uerr := strconv.Unquote(quoted)
	if f := p.strayGeneric[pkg+"."+kind]; ok && uerr == nil && f != "" {
		d.Hint = fmt.Sprintf("%s writes test %s, but dbt reads a {%% test %%} block only in a macro file or under a test path's generic/ folder, and runs %s as a singular test: move it to tests/generic/", f, kind, f)
	}
}

func parseTest(file string, t *yamlx.Node, model, column string, quote bool, base Config, generic func(kind string) string) (*Test, error) {
	test := &Test{File: file, Line: t.Line, Model: model, Column: column, QuoteColumn: quote, Config: base, Args: map[string]any{}, written: map[string]any{}}
	custom := "" // the entry's `name:`, which dbt takes as the test's name
	switch t.Kind {
	case yamlx.Scalar:
		test.Kind = t.String()
	case yamlx.Map:
		var args *yamlx.Node
		if kind := t.Get("test_name"); kind != nil {
			// dbt's other form: `- test_name: unique` with `name:`, the
			// arguments and `config:` beside it
			test.Kind = kind.String()
			args = &yamlx.Node{Kind: yamlx.Map, Line: t.Line}
			for i, k := range t.Keys {
				if k != "test_name" {
					args.Keys, args.Vals = append(args.Keys, k), append(args.Vals, t.Vals[i])
				}
			}
		} else if len(t.Keys) != 1 {
			return nil, diag.Errorf(file, t.Line, "a test entry must have exactly one key, the test name").WithHint("write `- accepted_values: {values: [a, b]}`, or name the test with `test_name:`")
		} else {
			test.Kind, args = t.Keys[0], t.Vals[0]
		}
		test.configAt = map[string]int{}
		if args.Kind == yamlx.Map {
			for i, k := range args.Keys {
				if k == "name" || k == "description" {
					// not arguments: dbt names the test by `name:`
					if k == "name" {
						custom = args.Vals[i].String()
					}
					continue
				}
				if k == "config" {
					if m, ok := args.Vals[i].Plain().(map[string]any); ok {
						test.Config.Apply(m)
					}
					if c := args.Vals[i]; c.Kind == yamlx.Map {
						for j, ck := range c.Keys {
							test.configAt[ck] = c.Vals[j].Line
						}
					}
					continue
				}
				if testConfigKeys[k] {
					// dbt reads these keys beside a test's arguments as its
					// config (`severity: warn`, `where: ...`).
					test.Config.Set(k, args.Vals[i].Plain())
					test.configAt[k] = args.Vals[i].Line
					continue
				}
				if k == "arguments" {
					if m, ok := args.Vals[i].Plain().(map[string]any); ok {
						for ak, av := range m {
							test.Args[ak] = av
						}
					}
					if a := writtenNode(args.Vals[i]); a.Kind == yamlx.Map {
						for j, ak := range a.Keys {
							test.written[ak] = writtenArg(a.Vals[j])
						}
					}
					continue
				}
				test.Args[k] = args.Vals[i].Plain()
				test.written[k] = writtenArg(args.Vals[i])
			}
		}
	default:
		return nil, diag.Errorf(file, t.Line, "a test must be a name or a mapping").WithHint("write `- unique` or `- accepted_values: {values: [a, b]}`")
	}
	if call := generic(test.Kind); call != "" && !testKinds[test.Kind] {
		written := test.Kind
		test.Generic, test.Kind = call, "generic"
		test.Name = dbtTestName(written, test, custom)
		return test, nil
	}
	written := test.Kind
	if pkg, name, ok := strings.Cut(test.Kind, "."); ok {
		if !testKinds[name] {
			// A generic test from a package the playground does not ship
			// (dbt_utils.unique_combination_of_columns, dbt_expectations...):
			// the project still loads, and the skip is reported.
			return nil, &skippedTest{diag.Diagnostic{Severity: diag.Warning, File: file, Line: t.Line,
				Message: fmt.Sprintf("test %s on %s is skipped: the playground has no generic test %q of package %s", test.Kind, model, name, pkg),
				Hint:    "write it as a singular test in tests/*.sql to run it here"}, test.Kind}
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
	// dbt loads a test its macro cannot render and fails that test alone
	// when it runs: the models and the other tests still build.
	broken := func(d *diag.Diagnostic) { test.Broken = cmp.Or(test.Broken, d) }
	if column == "" && test.Kind != "singular" {
		if c, ok := test.Args["column_name"].(string); ok {
			test.Column = c
		} else {
			broken(diag.Errorf(file, t.Line, "test %q on %s needs a column", test.Kind, model).WithHint("put it under a column's tests:, or give column_name:"))
		}
	}
	switch test.Kind {
	case "accepted_values":
		if _, ok := test.Args["values"].([]any); !ok {
			broken(diag.Errorf(file, t.Line, "accepted_values needs `values:`, a list").WithHint("write `- accepted_values: {values: ['a', 'b']}`"))
		}
	case "relationships":
		if _, ok := test.Args["to"].(string); !ok {
			broken(diag.Errorf(file, t.Line, "relationships needs `to:` and `field:`").WithHint("write `- relationships: {to: ref('other_model'), field: id}`"))
		} else if _, ok := test.Args["field"].(string); !ok {
			broken(diag.Errorf(file, t.Line, "relationships needs `field:`").WithHint("write `- relationships: {to: ref('other_model'), field: id}`"))
		}
	}
	test.Name = dbtTestName(written, test, custom)
	return test, nil
}

// loadVersions reads a versioned model's entry, as dbt does: version v is
// the model of file <name>_v<v>.sql (or defined_in:; the latest version's
// may be <name>.sql), the entry's config
// and tests apply to every version, a version's own to it, and a ref
// without a version names latest_version (else the highest).
func (p *Project) loadVersions(file string, it *yamlx.Node, name, pkg string) error {
	items, err := list(file, it.Get("versions"), "versions")
	if err != nil {
		return err
	}
	byVersion := map[string]string{}
	latest, latestAt := "", ""
	if l := it.Get("latest_version"); l != nil {
		latestAt = fmt.Sprint(l.Plain())
	}
	// The latest version is latest_version, else the highest, as dbt
	// reckons it before it looks for the versions' files.
	newest := latestAt
	for _, ver := range items {
		if vn := ver.Get("v"); vn != nil && latestAt == "" && (newest == "" || versionLess(newest, fmt.Sprint(vn.Plain()))) {
			newest = fmt.Sprint(vn.Plain())
		}
	}
	modelsNamed := func(model string) []*Model {
		var models []*Model
		for _, m := range p.Models {
			if m.Name == model && m.Package == pkg {
				models = append(models, m)
			}
		}
		return models
	}
	for _, ver := range items {
		vn := ver.Get("v")
		if vn == nil {
			return diag.Errorf(file, ver.Line, "a version of model %s without `v:`", name).WithHint("write `- v: 1`")
		}
		v := fmt.Sprint(vn.Plain())
		model := name + "_v" + v
		if d := ver.Get("defined_in"); d != nil {
			model = d.String()
		}
		models := modelsNamed(model)
		if len(models) == 0 && v == newest {
			// dbt lets the latest version live in the file without a
			// suffix, <name>.sql, when no <name>_v<v>.sql (or defined_in)
			// defines it.
			if models = modelsNamed(name); len(models) > 0 {
				model = name
			}
		}
		if len(models) == 0 {
			p.warn(p.WhereFile(pkg, file), ver.Line, fmt.Sprintf("version %s of model %s has no file %s.sql: it is not built", v, name, model),
				fmt.Sprintf("create %s.sql, or name its file with defined_in:", model))
			continue
		}
		for _, m := range models {
			m.VersionOf, m.Version = name, vn.Plain()
			for _, entry := range []*yamlx.Node{it, ver} {
				if cfg := entry.Get("config"); cfg != nil && cfg.Kind == yamlx.Map {
					if !p.usedBuiltin[pkg] {
						p.checkConfigMap(p.WhereFile(pkg, file), cfg, "models")
					}
					m.Config.Apply(cfg.Plain().(map[string]any))
				}
			}
		}
		entry := versionEntry(it, ver)
		if err := p.loadColumnTests(file, entry, model, pkg, false); err != nil {
			return err
		}
		if err := p.loadModelColumns(file, entry, model, pkg); err != nil {
			return err
		}
		var configs []*Config
		for _, m := range models {
			configs = append(configs, &m.Config)
		}
		p.loadModelProperties(it, model, pkg, configs)
		p.loadModelProperties(ver, model, pkg, configs)
		byVersion[v] = model
		if latestAt == "" && (latest == "" || versionLess(latest, v)) || v == latestAt {
			latest = v
		}
	}
	if latest != "" {
		byVersion[""] = byVersion[latest]
	}
	if p.Versions == nil {
		p.Versions = map[string]map[string]string{}
	}
	p.Versions[name] = byVersion
	return nil
}

// versionLess orders versions as numbers when both are, else as text.
func versionLess(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x < y
	}
	return a < b
}

// VersionsOf lists the versions of versioned model name, in order;
// nil when it has none.
func (p *Project) VersionsOf(name string) []string {
	var out []string
	for v := range p.Versions[name] {
		if v != "" {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return versionLess(out[i], out[j]) })
	return out
}

// VersionedName is the model a ref names: name.v2 (ref('name', v=2)) is
// that version of a versioned model, and a versioned model's own name its
// latest version; any other name is itself.
func (p *Project) VersionedName(name string) string {
	base, v, pinned := strings.Cut(name, ".v")
	versions, ok := p.Versions[base]
	if !ok {
		return name
	}
	if m, ok := versions[v]; ok && (pinned || p.Model(base) == nil) {
		return m
	}
	return name
}

// loadModelProperties reads the properties dbt gives a model beside its
// config: access and group are configs too (the config: mapping wins, as
// dbt ranks it), time_spine marks MetricFlow's time spine.
func (p *Project) loadModelProperties(it *yamlx.Node, name, pkg string, configs []*Config) {
	for _, key := range []string{"access", "group"} {
		v := it.Get(key)
		if v == nil {
			continue
		}
		for _, c := range configs {
			if cfg := it.Get("config"); cfg == nil || cfg.Get(key) == nil {
				c.Set(key, v.Plain())
			}
		}
	}
	if ts := it.Get("time_spine"); ts != nil {
		for _, m := range p.Models {
			if m.Name == name && m.Package == pkg {
				m.TimeSpine = ts.Plain()
			}
		}
	}
}
