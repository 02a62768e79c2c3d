package engine

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// genericTestSQL renders a custom generic test (project/generic.go): its
// macro called with model (the node's relation), column_name (for a column's
// test) and the test's arguments, in the context of the package whose
// properties file lists it. Its rows are the failures.
func (r *runner) genericTestSQL(t *project.Test) (string, error) {
	src, globals := r.plan.genericCall(t)
	r.globals = globals
	defer func() { r.globals = nil }()
	cfg := t.Config.Clone()
	// model is the test's node, as dbt's test context has it (its
	// depends_on, test_metadata, attached_node)
	if g := r.plan.jinjaGraph(); g != nil {
		r.testNode = g.Nodes[r.plan.dbtID(r.plan.testIDs[t])]
		defer func() { r.testNode = nil }()
	}
	out, err := r.render(t.File, src, &cfg, testOwnRelation(t))
	if err != nil {
		return "", err
	}
	out = strings.TrimRight(strings.TrimSpace(out), ";")
	return r.translateTest(t, src, out, out)
}

// genericCall is the template that calls a generic test's macro, and the
// variables it reads.
func (p *plan) genericCall(t *project.Test) (src string, globals map[string]any) {
	args := []string{"model=__test_model__"}
	model := p.testModel(t.Model)
	if testWhere(t) != "" {
		// As dbt's get_where_subquery, model is then the filtered rows.
		model = whereSubquery(fmt.Sprint(model), t)
	}
	globals = map[string]any{"__test_model__": model, "__test_args__": t.Args}
	if t.Column != "" {
		args = append(args, "column_name=__test_column__")
		globals["__test_column__"] = p.testColumn(t)
	}
	names := make([]string, 0, len(t.Args))
	for k := range t.Args {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		args = append(args, k+"="+testArgExpr("__test_args__["+strconv.Quote(k)+"]", t.Args[k]))
	}
	src = strings.Repeat("\n", max(0, t.Line-1)) + "{{ " + t.Generic + "(" + strings.Join(args, ", ") + ") }}"
	p.pkgOfFile[t.File+"\x00"+src] = t.Package
	return src, globals
}

// definitionConfig reads the config() calls a generic test's macro makes:
// dbt renders the test when it parses the project (execute is false), and
// those calls set the test's config (fail_calc, severity, where...) below
// what its properties entry sets.
func (p *plan) definitionConfig(t *project.Test) error {
	src, globals := p.genericCall(t)
	cfg := t.Config.Clone()
	ctx := p.contextOf(t.File, src, &cfg, testOwnRelation(t), false)
	ctx.Globals = globals
	ctx.Config = func(kw map[string]any) error {
		t.ApplyDefinitionConfig(kw)
		return nil
	}
	ctx.Ref = func(pkg, name string, line int) (jinja.Relation, error) {
		if _, err := p.refID(t.File, pkg, name, line); err != nil {
			return jinja.Relation{}, err
		}
		return p.refRelation(name), nil
	}
	ctx.Source = func(src, table string, line int) (jinja.Relation, error) {
		s, err := p.source(t.Package, t.File, src, table, line)
		if err != nil {
			return jinja.Relation{}, err
		}
		return s.rel, nil
	}
	_, err := p.env.Render(t.File, src, ctx)
	return err
}

// testColumn is the column a test runs on, quoted as the warehouse quotes
// names when the column's entry sets quote: true.
func (p *plan) testColumn(t *project.Test) string {
	if p.dialect == dialect.BigQuery {
		return t.QuotedColumn("`")
	}
	return t.QuotedColumn(`"`)
}

// testRelationOf is the relation a test checks: a model's (or seed's,
// snapshot's) or a source's ("source:src.table").
// testModel is the relation a test reads as its template sees it, with
// the names dbt gives it on the target's warehouse, which it prints.
func (p *plan) testModel(model string) any {
	rel := p.testRelationOf(model)
	db, schema, ident := p.target.Database, p.env.DBTSchema(p.target, p.schemasAsWritten(), cmp.Or(rel.Schema, "main")), rel.Name
	if src, ok := strings.CutPrefix(model, "source:"); ok {
		s, tbl, _ := strings.Cut(src, ".")
		db, schema, ident = p.sourceName(s, tbl)
	}
	return jinja.NamedRelation(rel, p.target.Type, db, schema, ident)
}

func (p *plan) testRelationOf(model string) jinja.Relation {
	if strings.HasPrefix(model, "source:") {
		return p.sources[strings.TrimPrefix(model, "source:")].rel
	}
	return p.refRelation(model)
}

// looksLikeCall is how dbt tells a test argument it renders as an
// expression (add_rendered_test_kwargs): a call of ref, source, var,
// env_var or doc, written without braces.
var looksLikeCall = regexp.MustCompile(`^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$`)

// testArgExpr is the Jinja expression passing a test's argument v, which
// the expression ref reads as written: dbt renders each value that looks
// like a call, in lists and in the values of dicts too (their keys stay
// text), so input_mapping: {"ref('a')": "ref('b')"} passes b's relation.
func testArgExpr(ref string, v any) string {
	if !hasCall(v) {
		return ref
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = testArgExpr(ref+"["+strconv.Itoa(i)+"]", e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := sortedKeys(x)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = strconv.Quote(k) + ": " + testArgExpr(ref+"["+strconv.Quote(k)+"]", x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return ref
}

// hasCall tells whether v, or a value within it, looks like a call.
func hasCall(v any) bool {
	switch x := v.(type) {
	case string:
		return looksLikeCall.MatchString(x)
	case []any:
		return slices.ContainsFunc(x, hasCall)
	case map[string]any:
		for _, e := range x {
			if hasCall(e) {
				return true
			}
		}
	}
	return false
}
