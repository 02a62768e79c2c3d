package project

import (
	"errors"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// unrendered are keys whose text dbt leaves as written when it renders a
// YAML file: docs may hold {{ doc('x') }}, and hooks render when they run,
// with the model's `this`. meta is rendered, as dbt renders it: a
// dbt-duckdb source's external_location may name its folder with
// {{ env_var('DATA_DIR') }}.
var unrendered = map[string]bool{"description": true, "docs": true,
	"pre-hook": true, "post-hook": true, "+pre-hook": true, "+post-hook": true,
	"pre_hook": true, "post_hook": true, "+pre_hook": true, "+post_hook": true}

// renderYAML renders the Jinja in a YAML tree's strings (schema:
// "{{ var('s') }}", enabled: "{{ env_var('ON', 'true') }}", test arguments)
// with var and env_var as seen from package pkg, as dbt does. A tree without
// Jinja comes back as is; one with Jinja comes back copied, as parsed trees
// are shared.
func (p *Project) renderYAML(file, pkg string, n *yamlx.Node) (*yamlx.Node, error) {
	return p.renderNode(file, pkg, n, false)
}

// renderNode is renderYAML; byColumn says n's keys are column names
// (column_types:), whose values all render, a column named description too.
func (p *Project) renderNode(file, pkg string, n *yamlx.Node, byColumn bool) (*yamlx.Node, error) {
	if n == nil || !hasJinja(n, byColumn) {
		return n, nil
	}
	switch n.Kind {
	case yamlx.Scalar:
		s, _ := n.Value.(string)
		out, err := p.renderString(file, pkg, n.Line, s)
		if err != nil {
			return nil, err
		}
		r := nativeValue(out, n.Line)
		r.Raw = n
		return r, nil
	case yamlx.Map:
		c := *n
		c.Vals = make([]*yamlx.Node, len(n.Vals))
		for i, v := range n.Vals {
			if unrendered[n.Keys[i]] && !byColumn {
				c.Vals[i] = v
				continue
			}
			r, err := p.renderNode(file, pkg, v, columnKeyed[n.Keys[i]])
			if err != nil {
				return nil, err
			}
			c.Vals[i] = r
		}
		return &c, nil
	}
	c := *n
	c.Items = make([]*yamlx.Node, len(n.Items))
	for i, v := range n.Items {
		r, err := p.renderNode(file, pkg, v, false)
		if err != nil {
			return nil, err
		}
		c.Items[i] = r
	}
	return &c, nil
}

// renderSections renders a properties file's sections, leaving out those
// the playground does not run: a metric's filter holds MetricFlow's own
// {{ Dimension('...') }}, which dbt leaves for the semantic layer to read.
func (p *Project) renderSections(file, pkg string, doc *yamlx.Node) (*yamlx.Node, error) {
	c := *doc
	c.Vals = make([]*yamlx.Node, len(doc.Vals))
	for i, v := range doc.Vals {
		if _, unrun := unrunSections[doc.Keys[i]]; unrun {
			c.Vals[i] = v
			continue
		}
		r, err := p.renderYAML(file, pkg, v)
		if err != nil {
			return nil, err
		}
		c.Vals[i] = r
	}
	return &c, nil
}

// columnKeyed are configs whose keys are column names.
var columnKeyed = map[string]bool{"column_types": true, "+column_types": true}

func hasJinja(n *yamlx.Node, byColumn bool) bool {
	switch n.Kind {
	case yamlx.Scalar:
		s, ok := n.Value.(string)
		return ok && (strings.Contains(s, "{{") || strings.Contains(s, "{%"))
	case yamlx.Map:
		for i, v := range n.Vals {
			if (byColumn || !unrendered[n.Keys[i]]) && hasJinja(v, columnKeyed[n.Keys[i]]) {
				return true
			}
		}
	case yamlx.List:
		for _, v := range n.Items {
			if hasJinja(v, false) {
				return true
			}
		}
	}
	return false
}

// renderString renders one YAML string; errors name the YAML file and line.
func (p *Project) renderString(file, pkg string, line int, s string) (string, error) {
	// The project's macros are callable, as in dbt's test arguments
	// (values: "{{ statuses() }}"), those loaded so far: a package's files
	// load before the root project's, macros before properties files.
	if p.yamlEnv == nil || p.yamlMacros != len(p.Macros) {
		env, err := jinja.NewProjectEnv(jinja.Project{Name: p.Name, Dispatch: p.Dispatch, Behavior: p.Behavior, Versions: p.ProjectVersions}, p.Macros)
		if err != nil {
			// A macro file that does not parse is reported where its
			// macros are used; YAML renders without them.
			if env, err = jinja.NewEnv(nil); err != nil {
				return "", err
			}
		}
		p.yamlEnv, p.yamlMacros = env, len(p.Macros)
	}
	out, err := p.yamlEnv.Render(file, s, &jinja.Context{Package: pkg, Vars: p.VarsFor(pkg), Target: p.yamlTarget()})
	if err != nil {
		d := &diag.Diagnostic{Severity: diag.Error, File: file, Line: line, Message: err.Error()}
		var jd *diag.Diagnostic
		if errors.As(err, &jd) {
			d.Message, d.Hint = jd.Message, jd.Hint
		}
		d.Message = "in " + strings.TrimSpace(s) + ": " + d.Message
		return "", d
	}
	return strings.TrimSpace(out), nil
}

// yamlTarget is `target` while YAML renders: the profile's output, of the
// warehouse chosen (Choice.Type), with dbt's defaults where the playground
// has none.
func (p *Project) yamlTarget() jinja.Target {
	t := jinja.Target{Name: p.Target.Name, Type: p.Target.Type, Schema: p.Target.Schema, Database: p.Target.Database, Profile: p.Target.Profile}
	if p.yamlType != "" {
		t.Type = p.yamlType
	}
	if t.Database == "" && t.Type == "duckdb" {
		// as the build's target: dbt-duckdb names the database by the
		// profile's path, memory without one
		t.Database = DuckDBDatabase(p.Target.Path)
	}
	for _, f := range []struct {
		v   *string
		def string
	}{{&t.Name, "dev"}, {&t.Type, "sqlite"}, {&t.Schema, "main"}, {&t.Database, "main"}, {&t.Profile, p.Name}} {
		if *f.v == "" {
			*f.v = f.def
		}
	}
	return t
}

// renderConfigTrees renders the Jinja of a dbt_project.yml's config trees
// (models:, seeds:, tests:, sources:), leaving the rest as written.
func (p *Project) renderConfigTrees(doc *yamlx.Node, pkg string) (*yamlx.Node, error) {
	if doc == nil || doc.Kind != yamlx.Map {
		return doc, nil
	}
	var c *yamlx.Node
	for i, k := range doc.Keys {
		if k != "models" && k != "seeds" && k != "tests" && k != "data_tests" && k != "sources" {
			continue
		}
		r, err := p.renderYAML("dbt_project.yml", pkg, doc.Vals[i])
		if err != nil {
			return nil, err
		}
		if r != doc.Vals[i] {
			if c == nil {
				cp := *doc
				cp.Vals = append([]*yamlx.Node(nil), doc.Vals...)
				c = &cp
			}
			c.Vals[i] = r
		}
	}
	if c == nil {
		return doc, nil
	}
	return c, nil
}

// nativeValue turns a rendered string into the value it spells, as dbt
// renders YAML with Jinja's native types: "False" is false, "3" is 3,
// "['a', 'b']" a list; anything else stays text.
func nativeValue(s string, line int) *yamlx.Node {
	scalar := func(v any) *yamlx.Node { return &yamlx.Node{Kind: yamlx.Scalar, Line: line, Value: v} }
	switch s {
	case "True":
		return scalar(true)
	case "False":
		return scalar(false)
	case "None":
		return scalar(nil)
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil && (s == "0" || !strings.HasPrefix(strings.TrimPrefix(s, "-"), "0")) {
		return scalar(i)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, ".eE") && !strings.ContainsAny(s, "xXnN_") {
		return scalar(f)
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") || strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		if n, err := yamlx.Parse("", []byte(s)); err == nil && n.Kind != yamlx.Scalar {
			return withLine(n, line)
		}
	}
	return scalar(s)
}

// withLine gives a parsed literal the line of the YAML value it replaces.
func withLine(n *yamlx.Node, line int) *yamlx.Node {
	c := *n
	c.Line = line
	c.Vals = make([]*yamlx.Node, len(n.Vals))
	for i, v := range n.Vals {
		c.Vals[i] = withLine(v, line)
	}
	c.Items = make([]*yamlx.Node, len(n.Items))
	for i, v := range n.Items {
		c.Items[i] = withLine(v, line)
	}
	return &c
}
