package project

import (
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
