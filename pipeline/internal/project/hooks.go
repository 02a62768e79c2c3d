package project

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Hook is one SQL statement (a Jinja template) that a project runs at the
// start or end of a run, or a model before or after its own statement.
type Hook struct {
	SQL  string
	File string
	Line int
	// Package is the package whose dbt_project.yml holds an on-run hook
	// ("" = the root project); Index its place there.
	Package string
	Index   int
}

// RunHooks lists the on-run-start or on-run-end hooks of the run in dbt's
// order: each package's (a string or a list in its dbt_project.yml), by
// package name, then the root project's.
func (p *Project) RunHooks(key string) ([]Hook, error) {
	names := make([]string, 0, len(p.pkgDocs))
	for name := range p.pkgDocs {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []Hook
	for _, name := range append(names, "") {
		doc := p.config
		if name != "" {
			doc = p.pkgDocs[name]
		}
		hooks, err := runHooks(doc, key, p.WhereFile(name, "dbt_project.yml"))
		if err != nil {
			return nil, err
		}
		for i := range hooks {
			hooks[i].Package = name
		}
		out = append(out, hooks...)
	}
	return out, nil
}

func runHooks(doc *yamlx.Node, key, file string) ([]Hook, error) {
	n := doc.Get(key)
	if n == nil || n.Kind == yamlx.Scalar && n.Value == nil {
		return nil, nil
	}
	items := []*yamlx.Node{n}
	if n.Kind == yamlx.List {
		items = n.Items
	}
	var out []Hook
	for _, it := range items {
		sql, ok := hookSQL(it.Plain())
		if !ok {
			return nil, diag.Errorf(file, it.Line, "`%s` must be SQL or a list of SQL statements", key).
				WithHint("write %s: \"insert into audit select 1\" or a list of such strings", key)
		}
		out = append(out, Hook{SQL: sql, File: file, Line: it.Line, Index: len(out)})
	}
	return out, nil
}

// hookSQL reads one hook as dbt accepts it: SQL, or {sql: ..., transaction: ...}.
func hookSQL(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case map[string]any:
		s, ok := x["sql"].(string)
		return s, ok
	}
	return "", false
}

// HookText is a rendered hook's SQL: dbt reads a hook rendered as a JSON
// object with its sql (and transaction), as before_begin(sql) and
// in_transaction(sql) write it, as that SQL, and any other text as SQL.
func HookText(rendered string) string {
	t := strings.TrimSpace(rendered)
	if !strings.HasPrefix(t, "{") || !strings.HasSuffix(t, "}") {
		return rendered
	}
	var h map[string]any
	if json.Unmarshal([]byte(t), &h) != nil {
		return rendered
	}
	if s, ok := h["sql"].(string); ok {
		return s
	}
	return rendered
}

// addHooks appends a hook config's statements: hooks add up across
// dbt_project.yml levels and the model's own config(), as in dbt.
func (c *Config) addHooks(key string, v any) {
	key = strings.Replace(key, "_", "-", 1)
	if c.Extra == nil {
		c.Extra = map[string]any{}
	}
	prev, _ := c.Extra[key].([]any)
	list := slices.Clone(prev)
	if items, ok := v.([]any); ok {
		list = append(list, items...)
	} else if v != nil {
		list = append(list, v)
	}
	c.Extra[key] = list
}

// Hooks returns a model's pre-hook or post-hook statements ("pre" or "post").
// dbt runs a model's pre-hooks outside its transaction (before_begin)
// before those inside it, and its post-hooks inside it before those
// outside it (after_commit), each group in the order written.
func (c Config) Hooks(when string) ([]string, error) {
	var inside, outside []string
	for _, v := range toList(c.Extra[when+"-hook"]) {
		sql, ok := hookSQL(v)
		if !ok {
			return nil, fmt.Errorf("%s_hook must be SQL or a list of SQL statements, not %v", when, v)
		}
		if strings.TrimSpace(sql) == "" {
			continue
		}
		if hookInTransaction(v) {
			inside = append(inside, sql)
		} else {
			outside = append(outside, sql)
		}
	}
	if when == "pre" {
		return append(outside, inside...), nil
	}
	return append(inside, outside...), nil
}

// hookInTransaction is a hook's transaction: false where it says so, as a
// {sql, transaction} mapping or the JSON text before_begin writes; true,
// dbt's default, otherwise.
func hookInTransaction(v any) bool {
	if s, ok := v.(string); ok {
		t := strings.TrimSpace(s)
		if !strings.HasPrefix(t, "{") || json.Unmarshal([]byte(t), &v) != nil {
			return true
		}
	}
	if m, ok := v.(map[string]any); ok {
		if b, ok := m["transaction"].(bool); ok {
			return b
		}
	}
	return true
}

func toList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}
