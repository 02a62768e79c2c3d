package project

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Source tables take some properties from their source, as dbt's parser
// gives them: freshness and loaded_at_field (as properties or under
// config:), the table's own overriding the source's.

// sourceProp is key of a source or table entry, as a property or under
// config: (dbt 1.10), and whether it is written at all.
func sourceProp(n *yamlx.Node, key string) (*yamlx.Node, bool) {
	if n == nil || n.Kind != yamlx.Map {
		return nil, false
	}
	if cfg := n.Get("config"); cfg != nil && cfg.Kind == yamlx.Map && hasKey(cfg, key) {
		return cfg.Get(key), true
	}
	if hasKey(n, key) {
		return n.Get(key), true
	}
	return nil, false
}

func hasKey(n *yamlx.Node, key string) bool {
	for _, k := range n.Keys {
		if k == key {
			return true
		}
	}
	return false
}

// tableFreshness is a source table's freshness as dbt merges it: the
// source's, then the table's, each threshold (warn_after, error_after)
// key by key; an explicit null at either level is no freshness (nil).
func tableFreshness(source, table *yamlx.Node) any {
	base, ok := freshnessOf(source)
	if !ok {
		return nil
	}
	update, ok := freshnessOf(table)
	if !ok {
		return nil
	}
	out := map[string]any{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range update {
		b, bok := base[k].(map[string]any)
		u, uok := v.(map[string]any)
		switch {
		case (k == "warn_after" || k == "error_after") && bok && uok:
			m := map[string]any{}
			for tk, tv := range b {
				m[tk] = tv
			}
			for tk, tv := range u {
				if tv != nil {
					m[tk] = tv
				}
			}
			out[k] = m
		case v != nil || k == "warn_after" || k == "error_after":
			out[k] = v
		}
	}
	return out
}

// freshnessOf is the freshness an entry writes, with dbt's defaults for
// what it leaves out (thresholds without count or period, no filter);
// false for an explicit null.
func freshnessOf(n *yamlx.Node) (map[string]any, bool) {
	out := map[string]any{
		"warn_after":  map[string]any{"count": nil, "period": nil},
		"error_after": map[string]any{"count": nil, "period": nil},
		"filter":      nil,
	}
	v, written := sourceProp(n, "freshness")
	if !written {
		return out, true
	}
	if v == nil {
		return nil, false
	}
	plain, _ := v.Plain().(map[string]any)
	if plain == nil {
		return nil, false
	}
	for k, x := range plain {
		if t, ok := x.(map[string]any); ok && (k == "warn_after" || k == "error_after") {
			m := map[string]any{"count": nil, "period": nil}
			for tk, tv := range t {
				m[tk] = tv
			}
			out[k] = m
			continue
		}
		out[k] = x
	}
	return out, true
}

// tableLoadedAtField is the table's loaded_at_field, else its source's.
func tableLoadedAtField(source, table *yamlx.Node) string {
	if v, ok := sourceProp(table, "loaded_at_field"); ok && v.String() != "" {
		return v.String()
	}
	if v, ok := sourceProp(source, "loaded_at_field"); ok {
		return v.String()
	}
	return ""
}

// sourceQuoting is a source table's quoting as dbt's graph has it: each of
// database, schema, identifier and column the table's quoting: value, else
// the source's, else None.
func sourceQuoting(source, table *yamlx.Node) map[string]any {
	out := map[string]any{}
	for _, k := range []string{"database", "schema", "identifier", "column"} {
		out[k] = nil
		for _, n := range []*yamlx.Node{table, source} {
			if v := n.Get("quoting").Get(k); v != nil && v.Kind == yamlx.Scalar && v.Value != nil {
				out[k] = v.Value
				break
			}
		}
	}
	return out
}

// tableExternal is a source table's external: as dbt's graph has it: the
// fields of dbt's ExternalTable (location, file_format, row_format,
// tbl_properties, partitions) None when not written, and every other key
// as written, as dbt keeps a property it does not know there for the
// packages that read it (dbt-external-tables' snowpipe, auto_refresh...).
// A partition written as a mapping has the fields of dbt's
// ExternalPartition (name, description, data_type, meta) too. nil when the
// table has no external: (or external: null).
func tableExternal(table *yamlx.Node) map[string]any {
	v := table.Get("external")
	if v == nil || v.Kind != yamlx.Map {
		return nil
	}
	out, _ := v.Plain().(map[string]any)
	for _, k := range []string{"location", "file_format", "row_format", "tbl_properties", "partitions"} {
		if _, ok := out[k]; !ok {
			out[k] = nil
		}
	}
	if parts, ok := out["partitions"].([]any); ok {
		for _, p := range parts {
			m, ok := p.(map[string]any)
			if !ok {
				continue
			}
			for k, def := range map[string]any{"name": "", "description": "", "data_type": ""} {
				if _, ok := m[k]; !ok {
					m[k] = def
				}
			}
			if _, ok := m["meta"]; !ok {
				m["meta"] = map[string]any{}
			}
		}
	}
	return out
}

// sourceConfig is the config of a source table that the playground reads
// (enabled, event_time): dbt_project.yml's sources: tree, then its
// source's config:, then its own.
func (p *Project) sourceConfig(pkg, file string, source, table *yamlx.Node) Config {
	c := Config{Enabled: true}
	docs := []*yamlx.Node{p.config}
	if pkg != "" {
		docs = []*yamlx.Node{p.pkgDocs[pkg], p.config}
	}
	path := append(folders(firstSeg(file), file), source.Get("name").String())
	for _, doc := range docs {
		applyTree(&c, doc.Get("sources"), p.pkgKey(pkg), path, table.Get("name").String())
	}
	for _, n := range []*yamlx.Node{source, table} {
		if cfg := n.Get("config"); cfg != nil && cfg.Kind == yamlx.Map {
			for i, k := range cfg.Keys {
				c.Set(k, cfg.Vals[i].Plain())
			}
		}
	}
	return c
}

// sourceExtraConfig is a source table's config keys other than those the
// playground reads itself, as dbt keeps them on the source node; nil when
// there are none.
func sourceExtraConfig(c Config) map[string]any {
	var out map[string]any
	for k, v := range c.Extra {
		switch k {
		case "event_time", "freshness", "loaded_at_field":
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k] = v
	}
	if len(c.Tags) > 0 {
		if out == nil {
			out = map[string]any{}
		}
		tags := make([]any, len(c.Tags))
		for i, t := range c.Tags {
			tags[i] = t
		}
		out["tags"] = tags
	}
	return out
}

// externalLocation is dbt-duckdb's external_location of a source table:
// under the table's meta: or config:, else its source's, with its line;
// "" for none.
func externalLocation(source, table *yamlx.Node) (string, int) {
	return sourceSetting(source, table, "external_location")
}

// sourceSetting is a dbt-duckdb setting of a source table (the table's
// meta: or config:, else its source's) and its line.
func sourceSetting(source, table *yamlx.Node, key string) (string, int) {
	for _, n := range []*yamlx.Node{table, source} {
		for _, where := range []string{"meta", "config"} {
			if v := n.Get(where).Get(key); v.String() != "" {
				return v.String(), v.Line
			}
		}
	}
	return "", 0
}

// configString is c's key as text, "" when unset or not text.
func configString(c Config, key string) string {
	v, _ := c.Extra[key].(string)
	return strings.TrimSpace(v)
}
