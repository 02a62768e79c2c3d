package project

import (
	"slices"

	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// loadModelColumns keeps the columns a model's entry declares, with their
// data_type and not_null constraint, for its contract (dbt's contract:
// {enforced: true}), and with the entry's description for dbt's graph.
func (p *Project) loadModelColumns(file string, it *yamlx.Node, name, pkg string) error {
	cols, err := p.declaredColumns(file, it, pkg)
	if err != nil {
		return err
	}
	for _, m := range p.Models {
		if m.Name == name && m.Package == pkg {
			m.Columns = cols
			m.Description = it.Get("description").String()
		}
	}
	return nil
}

// declaredColumns are the columns a model's or source table's entry lists.
func (p *Project) declaredColumns(file string, it *yamlx.Node, pkg string) ([]Column, error) {
	items, err := list(file, it.Get("columns"), "columns")
	if err != nil {
		return nil, err
	}
	var cols []Column
	for _, c := range items {
		col := Column{Name: c.Get("name").String(), DataType: c.Get("data_type").String(), Description: c.Get("description").String(),
			File: p.WhereFile(pkg, file), Line: c.Line}
		if cons, err := list(file, c.Get("constraints"), "constraints"); err == nil {
			for _, k := range cons {
				if k.Get("type").String() == "not_null" {
					col.NotNull = true
				}
			}
		}
		col.Meta, col.Tags = columnMetaTags(c)
		cols = append(cols, col)
	}
	return cols, nil
}

// ContractEnforced reports whether a model's config enforces its contract.
func (c Config) ContractEnforced() bool {
	m, ok := c.Extra["contract"].(map[string]any)
	if !ok {
		return false
	}
	on, _ := m["enforced"].(bool)
	return on
}

// columnMetaTags are a column's meta and tags as dbt keeps them: meta:
// updated by config: {meta:} (a key of both keeps its first place, the
// config's value), and tags: then config: {tags:}, each once.
func columnMetaTags(c *yamlx.Node) (jinja.Ordered, []string) {
	meta := jinja.Ordered{Values: map[string]any{}}
	tags := []string{}
	for _, src := range []*yamlx.Node{c, c.Get("config")} {
		if src == nil || src.Kind != yamlx.Map {
			continue
		}
		if m := src.Get("meta"); m != nil && m.Kind == yamlx.Map {
			for i, k := range m.Keys {
				if _, ok := meta.Values[k]; !ok {
					meta.Keys = append(meta.Keys, k)
				}
				meta.Values[k] = jinja.YAMLValue(m.Vals[i])
			}
		}
		switch t := src.Get("tags"); {
		case t == nil:
		case t.Kind == yamlx.List:
			for _, it := range t.Items {
				if s := it.String(); s != "" && !slices.Contains(tags, s) {
					tags = append(tags, s)
				}
			}
		case t.String() != "" && !slices.Contains(tags, t.String()):
			tags = append(tags, t.String())
		}
	}
	return meta, tags
}
