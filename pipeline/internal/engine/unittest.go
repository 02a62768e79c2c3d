package engine

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// A unit test (unit_tests: in a properties file, dbt 1.8) renders its
// model with each ref(), source() and this it gives replaced by a
// temporary table of the given rows, runs it, and compares the columns
// the expected rows name with what the model returned, as a multiset
// (dbt compares both sides sorted). Like dbt, the graph has the unit test
// depend on its model, for selection, while `build` runs it just before
// the model and skips the model, and so its dependants, when it fails.

// fixturePrefix names the temporary tables of a unit test's inputs.
const fixturePrefix = "nexus_unit_fixture_"

// unitRender is what a unit test changes in its model's render.
type unitRender struct {
	test    *project.UnitTest
	refs    map[string]jinja.Relation // by model name
	sources map[string]jinja.Relation // by source.table
}

// bind makes ref() and source() read the given rows, and var(),
// env_var() and the macros the model calls the overrides.
func (u *unitRender) bind(p *plan, ctx *jinja.Context) {
	t := u.test
	missing := func(call string, line int) error {
		return diag.Errorf(t.File, t.Line, "unit test %s gives no input for %s, which model %s reads (%s:%d)", t.Name, call, t.Model, p.models[t.Model].Path, line).
			WithHint("add `- input: %s` with its rows under given:", call)
	}
	ctx.Ref = func(pkg, name string, line int) (jinja.Relation, error) {
		if rel, ok := u.refs[name]; ok {
			return rel, nil
		}
		if rel, ok := u.refs[p.proj.VersionedName(name)]; ok {
			return rel, nil
		}
		return jinja.Relation{}, missing(fmt.Sprintf("ref('%s')", name), line)
	}
	ctx.Source = func(src, table string, line int) (jinja.Relation, error) {
		if rel, ok := u.sources[src+"."+table]; ok {
			return rel, nil
		}
		return jinja.Relation{}, missing(fmt.Sprintf("source('%s', '%s')", src, table), line)
	}
	if len(t.Vars) > 0 {
		vars := maps.Clone(ctx.Vars)
		if vars == nil {
			vars = map[string]any{}
		}
		maps.Copy(vars, t.Vars)
		ctx.Vars = vars
	}
	ctx.EnvVars = t.EnvVars
	ctx.Overrides = t.Macros
}

// unitTestNodes makes the graph nodes of the root project's unit tests.
func (p *plan) unitTestNodes() ([]*graph.Node, error) {
	p.unitTests = map[string]*project.UnitTest{}
	p.unitsOf = map[string][]string{}
	var out []*graph.Node
	for _, written := range p.proj.UnitTests {
		if !written.Config.Enabled {
			continue
		}
		tests, err := p.versionTests(written)
		if err != nil {
			return nil, err
		}
		for _, ut := range tests {
			m, ok := p.models[ut.Model]
			if !ok || m.Package != "" {
				return nil, diag.Errorf(ut.File, ut.Line, "unit test %s is on model %q, which does not exist%s", ut.Name, ut.Model, p.suggestModel(ut.Model)).
					WithHint("name a model of this project in model:")
			}
			if !m.Config.Enabled {
				p.proj.Warnings = append(p.proj.Warnings, diag.Diagnostic{Severity: diag.Warning, File: ut.File, Line: ut.Line,
					Message: fmt.Sprintf("unit test %s is not run: model %q is disabled", ut.Name, ut.Model)})
				continue
			}
			model := nodeID("model", p.pkgOf(""), m.Name)
			// dbt's unique_id: unit_test.<package>.<model>.<test>, the
			// versioned model's own name for each of its versions
			of := m.Name
			if m.VersionOf != "" {
				of = m.VersionOf
			}
			n := &graph.Node{ID: nodeID("unit_test", p.pkgOf(""), of+"."+ut.Name), Kind: "unit_test", Name: ut.Name,
				Package: p.pkgOf(""), Path: ut.File, Tags: ut.Config.Tags, DependsOn: []string{model}}
			p.unitTests[n.ID] = ut
			p.unitsOf[model] = append(p.unitsOf[model], n.ID)
			out = append(out, n)
		}
	}
	return out, nil
}

// versionTests are the unit tests an entry makes: itself, or for a
// versioned model one a version (those versions: include or exclude
// leave), named <name>_v<version> on that version's model, as dbt makes
// them.
func (p *plan) versionTests(ut *project.UnitTest) ([]*project.UnitTest, error) {
	versions := p.proj.VersionsOf(ut.Model)
	if len(versions) == 0 || p.models[ut.Model] != nil {
		if ut.VersionsLine > 0 {
			return nil, diag.Errorf(ut.File, ut.VersionsLine, "unit test %s has versions:, but model %s has no versions", ut.Name, ut.Model).
				WithHint("remove versions:, or give the model versions: in its properties")
		}
		return []*project.UnitTest{ut}, nil
	}
	for _, v := range append(append([]string(nil), ut.Include...), ut.Exclude...) {
		if !slices.Contains(versions, v) {
			return nil, diag.Errorf(ut.File, ut.VersionsLine, "unit test %s names version %s of model %s, which has versions %s", ut.Name, v, ut.Model, strings.Join(versions, ", ")).
				WithHint("name versions the model has")
		}
	}
	var out []*project.UnitTest
	for _, v := range versions {
		if len(ut.Include) > 0 && !slices.Contains(ut.Include, v) || slices.Contains(ut.Exclude, v) {
			continue
		}
		one := *ut
		one.Name = ut.Name + "_v" + v
		one.Model = p.proj.Versions[ut.Model][v]
		out = append(out, &one)
	}
	return out, nil
}

// unitStepName names unit test id as dbt's log does, model::test: the
// versioned model's own name for a test of one of its versions
// (dim_people::keeps_ids_v2).
func (p *plan) unitStepName(id string) string {
	ut := p.unitTests[id]
	model := ut.Model
	if m := p.models[model]; m != nil && m.VersionOf != "" {
		model = m.VersionOf
	}
	return model + "::" + ut.Name
}

// runUnitTest runs one unit test, never writing a table the project keeps:
// its inputs are temporary tables, dropped when it ends.
func (r *runner) runUnitTest(n *graph.Node, step *Step) error {
	ut := r.plan.unitTests[n.ID]
	m := r.plan.models[ut.Model]
	step.Name = r.plan.unitStepName(n.ID)
	u := &unitRender{test: ut, refs: map[string]jinja.Relation{}, sources: map[string]jinja.Relation{}}
	this := r.plan.relation(m.Name)
	defer func() {
		for i := range ut.Given {
			name := fmt.Sprintf("%s%d", fixturePrefix, i)
			r.db.Exec(context.Background(), "DROP TABLE IF EXISTS temp."+store.Ident(name))
			delete(r.types, relKey("temp", name))
		}
	}()
	for i, g := range ut.Given {
		// No schema: SQLite reads the temporary table of that name, and
		// the translator its static types (relTypes).
		rel := jinja.Relation{Name: fmt.Sprintf("%s%d", fixturePrefix, i)}
		if err := r.loadFixture(ut, g, rel); err != nil {
			return err
		}
		switch {
		case g.This:
			this = rel
		case g.Ref != "":
			u.refs[g.Ref] = rel
		default:
			u.sources[g.Source] = rel
		}
	}
	cfg := r.plan.configs[m.Name].Clone()
	r.unit = u
	out, err := r.render(m.Path, m.SQL, &cfg, this)
	r.unit = nil
	if err != nil {
		return err
	}
	out = strings.TrimRight(strings.TrimSpace(out), ";")
	tr, err := r.translateWith(out, r.placeIn(m.Path, m.SQL, out))
	if err != nil {
		return err
	}
	actual, err := r.db.Query(r.ctx, tr.sql, 0)
	if err != nil {
		return diag.Errorf(ut.File, ut.Line, "unit test %s: model %s fails on the given rows: %s", ut.Name, ut.Model, cleanSQLiteError(err))
	}
	expCols, expRows, err := r.expectedRows(ut)
	if err != nil {
		return err
	}
	if len(expCols) == 0 {
		// no expected rows: dbt compares every column the model returns
		expCols = actual.Columns
	}
	at := make([]int, len(expCols))
	for i, c := range expCols {
		at[i] = -1
		for j, a := range actual.Columns {
			if strings.EqualFold(a, c) {
				at[i] = j
				break
			}
		}
		if at[i] < 0 {
			return diag.Errorf(ut.File, ut.Expect.Line, "unit test %s: expect names column %s, which model %s does not return (it returns %s)", ut.Name, c, ut.Model, strings.Join(actual.Columns, ", ")).
				WithHint("name only columns the model selects")
		}
	}
	kinds := make([]valueKind, len(expCols))
	for i, j := range at {
		kinds[i] = columnKind(tr.types, actual.Columns[j], actual.Rows, j)
	}
	got := make([][]string, len(actual.Rows))
	for k, row := range actual.Rows {
		got[k] = make([]string, len(at))
		for i, j := range at {
			got[k][i] = canonical(row[j], kinds[i])
		}
	}
	typed := make([][]any, len(expRows))
	for k, row := range expRows {
		typed[k] = make([]any, len(expCols))
		copy(typed[k], row)
	}
	if ut.Expect.Format != "sql" {
		types := map[string]string{}
		for i, c := range expCols {
			types[c] = typeOfColumn(tr.types, actual.Columns[at[i]])
			if types[c] == "" && heldAsInstant(actual.Rows, at[i]) {
				types[c] = sqlfunc.KindInstant
			}
		}
		if err := r.castValues(ut, ut.Expect.Line, expCols, func(c string) string { return types[c] }, typed); err != nil {
			return err
		}
	}
	want := make([][]string, len(typed))
	for k, row := range typed {
		want[k] = make([]string, len(expCols))
		for i, v := range row {
			want[k][i] = canonical(v, kinds[i])
		}
	}
	missing, extra := multisetDiff(want, got)
	if len(missing)+len(extra) == 0 {
		step.Status = "PASS"
		return nil
	}
	step.Status = "FAIL"
	step.Rows = int64(len(missing) + len(extra))
	// one line of the table a line of the log, indented like the first
	step.Message = strings.ReplaceAll(fmt.Sprintf("%s:%d: actual differs from expected:\n", ut.File, ut.Line)+diffTable(expCols, missing, extra), "\n", "\n  ")
	r.res.OK = false
	r.res.Diagnostics = append(r.res.Diagnostics, *diag.Errorf(ut.File, ut.Line, "unit test %s of model %s failed: %d expected row%s not returned, %d returned row%s not expected",
		ut.Name, ut.Model, len(missing), plural(len(missing)), len(extra), plural(len(extra))).
		WithHint("fix the model or the expected rows; --- rows are expected, +++ rows are what the model returned"))
	return nil
}

// inputRelation is the relation a given input stands for.
func (r *runner) inputRelation(ut *project.UnitTest, g project.Fixture) (jinja.Relation, error) {
	switch {
	case g.This:
		return r.plan.relation(ut.Model), nil
	case g.Ref != "":
		if _, err := r.plan.refID(ut.File, "", g.Ref, g.Line); err != nil {
			return jinja.Relation{}, err
		}
		return r.plan.refRelation(g.Ref), nil
	}
	s, ok := r.plan.sources[g.Source]
	if !ok {
		src, table, _ := strings.Cut(g.Source, ".")
		return jinja.Relation{}, diag.Errorf(ut.File, g.Line, "unit test %s: source(%q, %q) is not declared", ut.Name, src, table).
			WithHint("declare it under sources: in a .yml file, or fix the input")
	}
	return s.rel, nil
}

// loadFixture makes the temporary table rel of a given input. Its
// columns are those of the relation it stands for where that is built,
// with their types (dbt reads the input's columns the same way), a
// column the rows leave out being NULL; else the columns the rows name.
func (r *runner) loadFixture(ut *project.UnitTest, g project.Fixture, rel jinja.Relation) error {
	real, err := r.inputRelation(ut, g)
	if err != nil {
		return err
	}
	key := relKey("temp", rel.Name)
	if name := r.plan.proj.VersionedName(g.Ref); g.Ref != "" && g.Format != "sql" && r.plan.models[name] != nil && r.plan.configs[name].Materialized == "ephemeral" {
		// dbt reads a dict or csv input's columns from the warehouse,
		// where an ephemeral model has no relation, and fails
		return diag.Errorf(ut.File, g.Line, "unit test %s: %s is an ephemeral model, whose rows dbt takes only as format: sql", ut.Name, g.Input).
			WithHint("give its rows with format: sql, as rows: select 1 as id union all select 2")
	}
	if g.Format == "sql" {
		tr, err := r.translateFixture(ut, g, real)
		if err != nil {
			return err
		}
		if err := r.db.Exec(r.ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s; CREATE TABLE %s AS\n%s", store.Rel("temp", rel.Name), store.Rel("temp", rel.Name), tr.sql)); err != nil {
			return diag.Errorf(ut.File, g.Line, "unit test %s: the sql rows of %s fail: %s", ut.Name, g.Input, cleanSQLiteError(err))
		}
		if r.types != nil {
			r.types[key] = tr.types
		}
		return nil
	}
	cols, _, err := r.columns(real)
	if err != nil {
		return err
	}
	if len(cols) == 0 && g.Format == "csv" && len(g.Rows) > 0 {
		// csv values are text, cast to the input's column types: dbt
		// stops too when the input is not built to read them from.
		return diag.Errorf(ut.File, g.Line, "unit test %s: %s is not built, so the types of the csv values given for it are unknown", ut.Name, g.Input).
			WithHint("build it first (nexus build --select +%s --exclude test_type:unit), or give its rows as dict or format: sql", ut.Model)
	}
	static := r.relTypes(real.Schema, real.Name)
	names := make([]string, len(cols))
	types := make([]string, len(cols))
	for i, c := range cols {
		names[i], types[i] = c.Name, c.Type
	}
	if len(cols) == 0 {
		if len(g.Columns) == 0 {
			return diag.Errorf(ut.File, g.Line, "unit test %s: given %s has no rows, and %s is not built to read its columns from", ut.Name, g.Input, real).
				WithHint("build it first, or write its columns with format: sql")
		}
		names = g.Columns
		types = make([]string, len(names))
		static = nil
	}
	place := make([]int, len(g.Columns))
	for i, c := range g.Columns {
		place[i] = -1
		for j, n := range names {
			if strings.EqualFold(n, c) {
				place[i] = j
				break
			}
		}
		if place[i] < 0 {
			return diag.Errorf(ut.File, g.Line, "unit test %s: given %s has column %s, which %s does not have (its columns: %s)", ut.Name, g.Input, c, real, strings.Join(names, ", ")).
				WithHint("name only columns of %s", g.Input)
		}
	}
	rows := make([][]any, len(g.Rows))
	for k, row := range g.Rows {
		rows[k] = make([]any, len(names))
		for i, v := range row {
			if i >= len(place) {
				return diag.Errorf(ut.File, g.Line, "unit test %s: a row of %s has more values than its header has columns", ut.Name, g.Input)
			}
			j := place[i]
			rows[k][j] = fixtureValue(v, static[strings.ToLower(names[j])], types[j])
		}
	}
	if err := r.castValues(ut, g.Line, names, func(c string) string { return static[strings.ToLower(c)] }, rows); err != nil {
		return err
	}
	if err := r.db.LoadTable(r.ctx, "temp", rel.Name, names, fixtureColumnTypes(types), rows); err != nil {
		return diag.Errorf(ut.File, g.Line, "unit test %s: the rows of %s do not load: %s", ut.Name, g.Input, cleanSQLiteError(err))
	}
	if r.types != nil {
		r.types[key] = static
	}
	return nil
}

// fixtureColumnTypes are the SQLite column types of a fixture's table, from
// the warehouse's types of its input's columns: each known type's storage
// (STRING is TEXT, so a given '007' stays text, where SQLite's NUMERIC
// affinity of the word STRING made it 7), and none for a type SQLite does
// not read (ARRAY<STRUCT<key STRING, ...>>, whose JSON text is kept as
// given).
func fixtureColumnTypes(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		if aff, _, ok := dialect.Storage(t); ok {
			out[i] = aff
		} else if !strings.ContainsAny(t, "<>`\"[]") {
			out[i] = t
		}
	}
	return out
}

// fixtureValue is a given value as the column of static type typ and
// SQLite type decl holds it: a BOOLEAN, or SQLite's TRUE, is 1 or 0, so
// csv's true is.
func fixtureValue(v any, typ, decl string) any {
	if s, ok := v.(string); ok && (typ == dialect.TypeBool || strings.Contains(strings.ToUpper(decl), "INT")) {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	return v
}

// expectedRows are the columns and rows of expect:.
func (r *runner) expectedRows(ut *project.UnitTest) ([]string, [][]any, error) {
	e := ut.Expect
	if e.Format != "sql" {
		return e.Columns, e.Rows, nil
	}
	tr, err := r.translateWith(e.SQL, func(d *diag.Diagnostic, line, col int) {
		d.File, d.Line, d.Col = ut.File, e.Line, 0
	})
	if err != nil {
		return nil, nil, err
	}
	q, err := r.db.Query(r.ctx, tr.sql, 0)
	if err != nil {
		return nil, nil, diag.Errorf(ut.File, e.Line, "unit test %s: the sql of expect fails: %s", ut.Name, cleanSQLiteError(err))
	}
	return q.Columns, q.Rows, nil
}

// valueKind is how a column's values compare: as booleans, numbers or
// text.
type valueKind int

const (
	kindText valueKind = iota
	kindNumber
	kindBool
)

// columnKind is the kind of the model's column j: a BOOLEAN by its static
// type, a number when it holds one.
func columnKind(types map[string]string, col string, rows [][]any, j int) valueKind {
	if typeOfColumn(types, col) == dialect.TypeBool {
		return kindBool
	}
	for _, row := range rows {
		switch row[j].(type) {
		case int64, float64:
			return kindNumber
		}
	}
	return kindText
}

// canonical writes a value as the model's column would hold it, as dbt
// casts the expected rows to the model's column types: 1 and 1.0 are one
// number, true and 1 one boolean; NULL is null.
func canonical(v any, kind valueKind) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		if kind == kindBool {
			return strconv.FormatBool(x)
		}
		if x {
			return "1"
		}
		return "0"
	case int64:
		if kind == kindBool {
			return strconv.FormatBool(x != 0)
		}
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case int:
		return canonical(int64(x), kind)
	case float64:
		if kind == kindBool {
			return strconv.FormatBool(x != 0)
		}
		return numberText(x)
	case []byte:
		return string(x)
	case string:
		switch kind {
		case kindBool:
			if b, err := strconv.ParseBool(strings.TrimSpace(x)); err == nil {
				return strconv.FormatBool(b)
			}
		case kindNumber:
			// SQLite's TRUE and FALSE are 1 and 0
			switch strings.ToLower(strings.TrimSpace(x)) {
			case "true":
				return "1"
			case "false":
				return "0"
			}
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				if i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
					return strconv.FormatInt(i, 10)
				}
				return numberText(f)
			}
		}
		return x
	}
	return fmt.Sprint(v)
}

// numberText writes a float as a whole number when it is one, else to 15
// significant digits: a warehouse's NUMERIC 0.3 is what SQLite's doubles
// make 0.30000000000000004.
func numberText(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 15, 64)
}

// multisetDiff lists the expected rows the actual rows lack and the
// actual rows not expected, each as many times as it is short or over.
func multisetDiff(want, got [][]string) (missing, extra [][]string) {
	count := map[string]int{}
	for _, row := range got {
		count[strings.Join(row, "\x1f")]++
	}
	for _, row := range want {
		k := strings.Join(row, "\x1f")
		if count[k] > 0 {
			count[k]--
			continue
		}
		missing = append(missing, row)
	}
	for _, row := range got {
		k := strings.Join(row, "\x1f")
		if count[k] > 0 {
			count[k]--
			extra = append(extra, row)
		}
	}
	return missing, extra
}

// diffTable lays out the rows that differ under their columns: --- an
// expected row the model did not return, +++ a row it returned that was
// not expected.
func diffTable(cols []string, missing, extra [][]string) string {
	rows := [][]string{append([]string{"@@"}, cols...)}
	for _, r := range missing {
		rows = append(rows, append([]string{"---"}, r...))
	}
	for _, r := range extra {
		rows = append(rows, append([]string{"+++"}, r...))
	}
	width := make([]int, len(cols)+1)
	for _, r := range rows {
		for i, v := range r {
			width[i] = max(width[i], len(v))
		}
	}
	var b strings.Builder
	for k, r := range rows {
		if k > 0 {
			b.WriteString("\n")
		}
		for i, v := range r {
			if i > 0 {
				b.WriteString(" | ")
			}
			if i == len(r)-1 {
				b.WriteString(v)
			} else {
				b.WriteString(v + strings.Repeat(" ", width[i]-len(v)))
			}
		}
	}
	return b.String()
}

// typeOfColumn is the static type of column col of a translation.
func typeOfColumn(types map[string]string, col string) string {
	if t, ok := types[col]; ok {
		return t
	}
	for k, t := range types {
		if strings.EqualFold(k, col) {
			return t
		}
	}
	return ""
}
