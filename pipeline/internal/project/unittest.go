package project

import (
	"encoding/csv"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// UnitTest is an entry of unit_tests: (dbt 1.8): the model's SQL run on
// fixed inputs, its output compared with the expected rows.
type UnitTest struct {
	Name, Model, Description string
	File                     string
	Line                     int
	Given                    []Fixture
	Expect                   Fixture
	// Incremental is overrides.macros.is_incremental (false unless set,
	// as in dbt); Macros the other macros' values; Vars and EnvVars
	// override var() and env_var().
	Incremental bool
	Macros      map[string]any
	Vars        map[string]any
	EnvVars     map[string]string
	Config      Config
	// Include and Exclude are versions: include: and exclude: (at
	// VersionsLine), the versions of a versioned model it runs on.
	Include, Exclude []string
	VersionsLine     int
}

// Fixture is one input of a unit test (given:) or its expected output.
type Fixture struct {
	// Input is the call as written (ref('m'), source('s', 't'), this);
	// Ref, Source ("s.t") or This says what it replaces.
	Input  string
	Ref    string
	Source string
	This   bool
	Line   int
	Format string // dict, csv or sql
	// Columns and Rows are the dict and csv rows: a column a row leaves
	// out is NULL.
	Columns []string
	Rows    [][]any
	SQL     string // the sql format's query
	// SQLFile is the fixture file the query was read from, "" when it is
	// written inline under rows:.
	SQLFile string
}

// unitTestKeys are the keys of a unit test entry dbt knows.
var unitTestKeys = keys("name", "model", "given", "expect", "overrides", "config", "description", "versions")

// loadUnitTests reads the unit_tests: section of a root properties file.
func (p *Project) loadUnitTests(file string, n *yamlx.Node) error {
	items, err := list(file, n, "unit_tests")
	if err != nil {
		return err
	}
	for _, it := range items {
		ut, err := p.parseUnitTest(file, it)
		if err != nil {
			return err
		}
		if ut == nil {
			continue
		}
		for _, prev := range p.UnitTests {
			if prev.Model == ut.Model && prev.Name == ut.Name {
				return diag.Errorf(file, it.Line, "two unit tests of model %s are named %s, here and at %s:%d", ut.Model, ut.Name, prev.File, prev.Line).
					WithHint("give each unit test of a model its own name")
			}
		}
		p.UnitTests = append(p.UnitTests, ut)
	}
	return nil
}

func (p *Project) parseUnitTest(file string, it *yamlx.Node) (*UnitTest, error) {
	if it.Kind != yamlx.Map {
		return nil, diag.Errorf(file, it.Line, "a unit test must be a mapping").WithHint("start it with `- name: test_name` and `model: model_name`")
	}
	for i, k := range it.Keys {
		if !unitTestKeys[k] {
			return nil, diag.Errorf(file, it.Vals[i].Line, "unknown key %q in unit test", k).
				WithHint("a unit test has name:, model:, given:, expect:, overrides:, config: and description:")
		}
	}
	ut := &UnitTest{Name: it.Get("name").String(), Model: it.Get("model").String(), File: file, Line: it.Line,
		Description: it.Get("description").String(), Config: defaultConfig("unit")}
	if ut.Name == "" {
		return nil, diag.Errorf(file, it.Line, "unit test without `name:`").WithHint("write `- name: test_name`")
	}
	if ut.Model == "" {
		return nil, diag.Errorf(file, it.Line, "unit test %s has no `model:`", ut.Name).WithHint("name the model it tests: `model: model_name`")
	}
	if err := ut.parseVersions(file, it.Get("versions")); err != nil {
		return nil, err
	}
	applyTree(&ut.Config, p.config.Get("unit_tests"), p.Name, folders(firstSeg(file), file), ut.Name)
	if c := it.Get("config"); c != nil && c.Kind == yamlx.Map {
		m, _ := c.Plain().(map[string]any)
		ut.Config.Apply(m)
	}
	given, err := list(file, it.Get("given"), "given")
	if err != nil {
		return nil, err
	}
	for _, g := range given {
		f, err := p.parseFixture(file, ut.Name, g, true)
		if err != nil {
			return nil, err
		}
		ut.Given = append(ut.Given, f)
	}
	exp := it.Get("expect")
	if exp == nil {
		return nil, diag.Errorf(file, it.Line, "unit test %s has no `expect:`", ut.Name).WithHint("give the rows the model should return: `expect: {rows: [{id: 1}]}`")
	}
	if ut.Expect, err = p.parseFixture(file, ut.Name, exp, false); err != nil {
		return nil, err
	}
	if err := ut.parseOverrides(file, it.Get("overrides")); err != nil {
		return nil, err
	}
	return ut, nil
}

// parseVersions reads versions: include: or exclude:, the versions of
// the model the test runs on; dbt refuses both at once.
func (ut *UnitTest) parseVersions(file string, n *yamlx.Node) error {
	if n == nil {
		return nil
	}
	if n.Kind != yamlx.Map {
		return diag.Errorf(file, n.Line, "unit test %s: versions: must be a mapping", ut.Name).WithHint("write versions: {include: [2]} or versions: {exclude: [1]}")
	}
	ut.VersionsLine = n.Line
	for i, k := range n.Keys {
		var vs []string
		if v := n.Vals[i]; v.Kind == yamlx.List {
			for _, x := range v.Items {
				vs = append(vs, fmt.Sprint(x.Plain()))
			}
		} else if v.Value != nil {
			vs = []string{fmt.Sprint(v.Plain())}
		}
		switch k {
		case "include":
			ut.Include = vs
		case "exclude":
			ut.Exclude = vs
		default:
			return diag.Errorf(file, n.Vals[i].Line, "unknown key %q in versions: of unit test %s", k, ut.Name).WithHint("write include: or exclude:")
		}
	}
	if n.Get("include") != nil && n.Get("exclude") != nil {
		return diag.Errorf(file, n.Line, "unit test %s has both include: and exclude: under versions:", ut.Name).WithHint("keep one of them, as dbt takes one")
	}
	return nil
}

// parseOverrides reads overrides: macros, vars and env_vars.
func (ut *UnitTest) parseOverrides(file string, n *yamlx.Node) error {
	if n == nil || n.Kind == yamlx.Scalar && n.Value == nil {
		return nil
	}
	if n.Kind != yamlx.Map {
		return diag.Errorf(file, n.Line, "unit test %s: overrides: must be a mapping", ut.Name).WithHint("write overrides: {macros: {is_incremental: true}, vars: {...}, env_vars: {...}}")
	}
	for i, k := range n.Keys {
		v := n.Vals[i]
		if v.Kind == yamlx.Scalar && v.Value == nil {
			continue
		}
		if v.Kind != yamlx.Map {
			return diag.Errorf(file, v.Line, "unit test %s: overrides.%s must be a mapping", ut.Name, k).WithHint("write %s: {name: value}", k)
		}
		switch k {
		case "macros":
			for j, name := range v.Keys {
				if name != "is_incremental" {
					// any macro, package.macro or context entry, as dbt
					if ut.Macros == nil {
						ut.Macros = map[string]any{}
					}
					ut.Macros[name] = v.Vals[j].Plain()
					continue
				}
				b, ok := v.Vals[j].Value.(bool)
				if !ok {
					return diag.Errorf(file, v.Vals[j].Line, "unit test %s: is_incremental is overridden with %v, not true or false", ut.Name, v.Vals[j].Value).
						WithHint("write is_incremental: true")
				}
				ut.Incremental = b
			}
		case "vars":
			ut.Vars = v.Plain().(map[string]any)
		case "env_vars":
			ut.EnvVars = map[string]string{}
			for j, name := range v.Keys {
				ut.EnvVars[name] = fmt.Sprint(v.Vals[j].Plain())
			}
		default:
			return diag.Errorf(file, v.Line, "unknown override %q in unit test %s", k, ut.Name).WithHint("overrides holds macros:, vars: and env_vars:")
		}
	}
	return nil
}

var (
	refInput    = regexp.MustCompile(`^ref\(\s*['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]+)['"]\s*)?(?:,\s*(?:v|version)\s*=\s*['"]?([^'"\s)]+)['"]?\s*)?\)$`)
	sourceInput = regexp.MustCompile(`^source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)$`)
)

// parseFixture reads a given: entry (input true) or expect:.
func (p *Project) parseFixture(file, test string, n *yamlx.Node, input bool) (Fixture, error) {
	f := Fixture{Line: n.Line, Format: "dict"}
	what := "expect"
	if n.Kind != yamlx.Map {
		return f, diag.Errorf(file, n.Line, "unit test %s: %s must be a mapping", test, map[bool]string{true: "each given input", false: "expect"}[input]).
			WithHint("write `- input: ref('model')` with `rows:`")
	}
	allowed := keys("format", "rows", "fixture")
	if input {
		allowed["input"] = true
		f.Input = strings.TrimSpace(n.Get("input").String())
		what = "given " + f.Input
		if m := refInput.FindStringSubmatch(f.Input); m != nil {
			f.Ref = m[1]
			if m[2] != "" {
				f.Ref = m[2] // ref('package', 'model')
			}
			if m[3] != "" {
				f.Ref += ".v" + m[3] // ref('model', v=2), as ref() names it
			}
		} else if m := sourceInput.FindStringSubmatch(f.Input); m != nil {
			f.Source = m[1] + "." + m[2]
		} else if f.Input == "this" {
			f.This = true
		} else if f.Input == "" {
			return f, diag.Errorf(file, n.Line, "unit test %s: a given entry has no input:", test).
				WithHint("write input: ref('model_name') or input: source('source_name', 'table_name')")
		} else {
			return f, diag.Errorf(file, n.Line, "unit test %s: input %q is not a ref(), a source() or this", test, f.Input).
				WithHint("write input: ref('model_name') or input: source('source_name', 'table_name')")
		}
	}
	for i, k := range n.Keys {
		if !allowed[k] {
			return f, diag.Errorf(file, n.Vals[i].Line, "unknown key %q in %s of unit test %s", k, what, test).
				WithHint("write format:, rows: or fixture:")
		}
	}
	if v := n.Get("format"); v != nil {
		f.Format = v.String()
	}
	rows, fixture := n.Get("rows"), n.Get("fixture")
	if rows != nil && fixture != nil {
		return f, diag.Errorf(file, fixture.Line, "unit test %s: %s has both rows: and fixture:", test, what).WithHint("keep one of them")
	}
	switch f.Format {
	case "dict":
		if fixture != nil {
			return f, diag.Errorf(file, fixture.Line, "unit test %s: %s: fixture files hold csv or sql, not dict rows", test, what).
				WithHint("add format: csv (or sql) to read tests/fixtures/%s", fixture.String())
		}
		return f, parseDictRows(file, test, what, rows, &f)
	case "csv", "sql":
		text, from, at, err := p.fixtureText(file, test, what, f.Format, rows, fixture)
		if err != nil {
			return f, err
		}
		if f.Format == "sql" {
			f.SQL, f.SQLFile = text, from
			return f, nil
		}
		return f, parseCSVRows(file, at, test, what, text, &f)
	}
	return f, diag.Errorf(file, n.Get("format").Line, "unit test %s: %s has format %q", test, what, f.Format).WithHint("use format: dict, csv or sql")
}

// parseDictRows reads rows: as a list of mappings of column to value.
func parseDictRows(file, test, what string, rows *yamlx.Node, f *Fixture) error {
	items, err := list(file, rows, "rows")
	if err != nil {
		return err
	}
	at := map[string]int{}
	for _, r := range items {
		if r.Kind != yamlx.Map {
			return diag.Errorf(file, r.Line, "unit test %s: each row of %s must be a mapping of column to value", test, what).
				WithHint("write rows: [{id: 1, name: a}], or add format: csv")
		}
		for _, k := range r.Keys {
			if _, ok := at[strings.ToLower(k)]; !ok {
				at[strings.ToLower(k)] = len(f.Columns)
				f.Columns = append(f.Columns, k)
			}
		}
	}
	for _, r := range items {
		row := make([]any, len(f.Columns))
		for i, k := range r.Keys {
			v := r.Vals[i].Plain()
			if t, ok := v.(yamlx.Timestamp); ok {
				v = t.String() // str() of the date, cast to the column's type
			}
			row[at[strings.ToLower(k)]] = v
		}
		f.Rows = append(f.Rows, row)
	}
	return nil
}

// parseCSVRows reads csv text with a header line; an empty value or null
// is NULL, as dbt reads a csv fixture.
func parseCSVRows(file string, line int, test, what, text string, f *Fixture) error {
	r := csv.NewReader(strings.NewReader(strings.TrimSpace(dedent(text))))
	r.TrimLeadingSpace = true
	recs, err := r.ReadAll()
	if err != nil {
		return diag.Errorf(file, line, "unit test %s: the csv rows of %s do not read: %v", test, what, err).
			WithHint("write a header line, then one line a row, each with as many values")
	}
	if len(recs) == 0 {
		return diag.Errorf(file, line, "unit test %s: the csv rows of %s have no header line", test, what).WithHint("start with the column names: id,name")
	}
	for i, c := range recs[0] {
		recs[0][i] = strings.TrimSpace(c)
	}
	f.Columns = recs[0]
	for _, rec := range recs[1:] {
		row := make([]any, len(rec))
		for i, v := range rec {
			if v != "" && v != "null" {
				row[i] = v
			}
		}
		f.Rows = append(f.Rows, row)
	}
	return nil
}

// dedent removes the indentation every line of text shares.
func dedent(text string) string {
	lines := strings.Split(text, "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			lines[i] = l[common:]
		}
	}
	return strings.Join(lines, "\n")
}

// fixtureText is the text of csv or sql rows: inline, or the fixture
// file of that name under a test path's fixtures folder (from).
func (p *Project) fixtureText(file, test, what, format string, rows, fixture *yamlx.Node) (text, from string, line int, err error) {
	if rows != nil {
		s, ok := rows.Value.(string)
		if rows.Kind != yamlx.Scalar || !ok {
			return "", "", 0, diag.Errorf(file, rows.Line, "unit test %s: the %s rows of %s must be text", test, format, what).
				WithHint("write rows: | then the %s on the lines below, or leave out format: for dict rows", format)
		}
		return s, "", rows.Line, nil
	}
	if fixture == nil {
		return "", "", 0, diag.Errorf(file, 0, "unit test %s: %s has neither rows: nor fixture:", test, what).WithHint("give its rows")
	}
	name := fixture.String()
	var tried []string
	for _, tp := range p.testPaths {
		dir := path.Join(tp, "fixtures")
		for _, f := range p.walk(p.fixtureFS, dir, "."+format) {
			if baseName(f) == name {
				data, err := fs.ReadFile(p.fixtureFS, f)
				if err != nil {
					return "", "", 0, diag.Errorf(file, fixture.Line, "unit test %s: fixture %s does not read: %v", test, f, err)
				}
				return string(data), f, fixture.Line, nil
			}
		}
		tried = append(tried, path.Join(dir, name+"."+format))
	}
	return "", "", 0, diag.Errorf(file, fixture.Line, "unit test %s: no fixture file %s", test, strings.Join(tried, " or ")).
		WithHint("create the file, or give the rows inline with rows:")
}

// isFixturePath tells whether f is under the fixtures folder of test path
// tp: dbt reads those files as unit test fixtures, not singular tests.
func isFixturePath(tp, f string) bool {
	return strings.HasPrefix(f, path.Join(tp, "fixtures")+"/")
}
