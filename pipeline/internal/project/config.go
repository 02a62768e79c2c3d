package project

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// knownConfigs may be written without a leading "+" in a config tree, as
// dbt allows; any other key without "+" names a folder or a model.
var knownConfigs = map[string]bool{
	"schema": true, "alias": true, "materialized": true, "tags": true, "enabled": true,
	"severity": true, "incremental_strategy": true, "partition_by": true, "unique_key": true,
	"cluster_by": true, "docs": true, "persist_docs": true, "full_refresh": true, "on_schema_change": true,
	"pre-hook": true, "post-hook": true,
}

func defaultConfig(materialized string) Config {
	return Config{Materialized: materialized, Enabled: true, Severity: "error"}
}

// applyTree applies a dbt config tree (the value under `models:` or
// `seeds:`) to c: the package's key, then each folder, then the node name,
// deeper levels overriding shallower ones and tags adding up.
func applyTree(c *Config, tree *yamlx.Node, pkg string, folders []string, name string) {
	// Configs above the package names apply to every package's nodes.
	applyLevel(c, tree)
	n := tree.Get(pkg)
	if n == nil {
		return
	}
	applyLevel(c, n)
	for _, f := range folders {
		n = n.Get(f)
		if n == nil {
			return
		}
		applyLevel(c, n)
	}
	if m := n.Get(name); m != nil && m.Kind == yamlx.Map {
		applyLevel(c, m)
	}
}

func applyLevel(c *Config, n *yamlx.Node) {
	if n == nil || n.Kind != yamlx.Map {
		return
	}
	for i, k := range n.Keys {
		v := n.Vals[i]
		key := strings.TrimPrefix(k, "+")
		if key == k && (!knownConfigs[k] || v.Kind == yamlx.Map && k != "partition_by" && k != "docs") {
			continue // a folder or model name
		}
		c.Set(key, v.Plain())
	}
}

// Set applies one config value, as config(key=value) or +key: value does.
func (c *Config) Set(key string, v any) {
	switch key {
	case "schema":
		c.Schema = toString(v)
	case "alias":
		c.Alias = toString(v)
	case "materialized":
		c.Materialized = toString(v)
	case "enabled":
		c.Enabled = toBool(v)
	case "severity":
		c.Severity = strings.ToLower(toString(v))
	case "pre-hook", "pre_hook", "post-hook", "post_hook":
		c.addHooks(key, v)
	case "column_types", "meta":
		// dbt merges column_types and meta across levels, a deeper level's
		// types (keys) replacing a shallower one's for the same column (key).
		if c.Extra == nil {
			c.Extra = map[string]any{}
		}
		old, _ := c.Extra[key].(map[string]any)
		add, ok := v.(map[string]any)
		if !ok || old == nil {
			c.Extra[key] = v
			return
		}
		merged := make(map[string]any, len(old)+len(add))
		for k, t := range old {
			merged[k] = t
		}
		for k, t := range add {
			merged[k] = t
		}
		c.Extra[key] = merged
	case "tags":
		for _, t := range toStrings(v) {
			if !contains(c.Tags, t) {
				c.Tags = append(c.Tags, t)
			}
		}
		sort.Strings(c.Tags)
	default:
		if c.Extra == nil {
			c.Extra = map[string]any{}
		}
		c.Extra[key] = v
	}
}

// Apply sets every keyword argument of a config(...) call.
func (c *Config) Apply(kwargs map[string]any) {
	keys := make([]string, 0, len(kwargs))
	for k := range kwargs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.Set(k, kwargs[k])
	}
}

// Clone copies c so a render can change it without touching the original.
func (c Config) Clone() Config {
	c.Tags = append([]string(nil), c.Tags...)
	if c.Extra != nil {
		e := make(map[string]any, len(c.Extra))
		for k, v := range c.Extra {
			e[k] = v
		}
		c.Extra = e
	}
	return c
}

func toString(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

func toBool(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return strings.EqualFold(x, "true")
	case nil:
		return false
	}
	return true
}

func toStrings(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, toString(e))
		}
		return out
	case []string:
		return x
	case nil:
		return nil
	}
	return []string{toString(v)}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
