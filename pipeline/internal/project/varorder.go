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
		out[k] = orderedValue(n.Vals[i])
	}
	return out
}

func orderedValue(n *yamlx.Node) any {
	switch n.Kind {
	case yamlx.Map:
		o := jinja.Ordered{Keys: n.Keys, Values: make(map[string]any, len(n.Keys))}
		for i, k := range n.Keys {
			o.Values[k] = orderedValue(n.Vals[i])
		}
		return o
	case yamlx.List:
		l := make([]any, len(n.Items))
		for i, it := range n.Items {
			l[i] = orderedValue(it)
		}
		return l
	}
	return n.Plain()
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
