package project

import (
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// orderedVars are the vars of a dbt_project.yml as var() returns them:
// mappings keep the order they were written in (jinja.Ordered), as a
// Python dict does in dbt.
func orderedVars(n *yamlx.Node) map[string]any {
	out := map[string]any{}
	if n == nil || n.Kind != yamlx.Map {
		return out
	}
	for i, k := range n.Keys {
		out[k] = jinja.YAMLValue(n.Vals[i])
	}
	return out
}

// scopedVars are the vars scoped to a package in a vars layer
// (vars: {pkg: {...}}), in order.
func scopedVars(v any) (keys []string, vals map[string]any) {
	switch x := v.(type) {
	case jinja.Ordered:
		return x.Keys, x.Values
	case map[string]any:
		for k := range x {
			keys = append(keys, k)
		}
		return keys, x
	}
	return nil, nil
}
