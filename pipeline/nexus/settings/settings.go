// Package settings reads the project variables that configure the built-in
// nexus package, in either of the two forms dbt-nexus users write:
//
//	# dbt-nexus c918759
//	vars:
//	  nexus_max_recursion: 5
//	  sources:
//	    - {name: gadget, events: true, persons: true, groups: true, memberships: true}
//
//	# dbt-nexus v0.13
//	vars:
//	  nexus:
//	    max_recursion: 5
//	    sources:
//	      gadget: {enabled: true, events: true, persons: true, groups: true, memberships: true}
//	    edge_quality: {error_threshold: 20, error_autofilter: false}
//
// Build, explain and preview all read them here, so they agree on the
// default and on what is refused.
package settings

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/identity"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// DefaultMaxRecursion is dbt-nexus's nexus_max_recursion when a project
// sets none (the package's own dbt_project.yml value).
const DefaultMaxRecursion = 5

// V013FallbackRecursion is the bound dbt-nexus v0.13's models use when a
// vars.nexus mapping gives no max_recursion (or 0) and nexus_max_recursion
// is not set; V013IncrementalFallbackRecursion the same with incremental
// resolution on.
const (
	V013FallbackRecursion            = 10
	V013IncrementalFallbackRecursion = 5
)

// pythonTrue is Python's truth of a YAML value, as Jinja's `or` tests it.
func pythonTrue(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case uint64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// PackageName is the name dbt-nexus installs as.
const PackageName = "nexus"

// Flags are what a source gives, as vars.sources names them.
var Flags = []string{"events", "persons", "groups", "memberships"}

// Source is one entry of the sources configuration.
type Source struct {
	Name        string
	Events      bool
	Persons     bool
	Groups      bool
	Memberships bool
}

// Has tells whether the source gives flag (one of Flags).
func (s Source) Has(flag string) bool {
	switch flag {
	case "events":
		return s.Events
	case "persons":
		return s.Persons
	case "groups":
		return s.Groups
	case "memberships":
		return s.Memberships
	}
	return false
}

// EdgeQuality is vars.nexus.edge_quality: connection-count thresholds that
// warn, fail or drop the edges of an identifier joined to too many others.
type EdgeQuality struct {
	WarningThreshold   int
	ErrorThreshold     int
	CriticalThreshold  int
	ErrorAutofilter    bool
	CriticalAutofilter bool
}

// AutofilterLimit is the connection count above which edges are dropped
// before resolution, 0 when no autofilter is on.
func (q EdgeQuality) AutofilterLimit() int {
	switch {
	case q.ErrorAutofilter:
		return q.ErrorThreshold
	case q.CriticalAutofilter:
		return q.CriticalThreshold
	}
	return 0
}

// Settings are the parsed variables.
type Settings struct {
	// Sources in the order the project lists them (the v0.13 mapping in
	// name order); only enabled ones.
	Sources []Source
	// NexusSources is true when the sources came from vars.nexus.sources.
	NexusSources bool
	// MaxRecursion bounds bounded resolution: vars.nexus.max_recursion
	// unless 0 or unset, else vars.nexus_max_recursion, else
	// V013FallbackRecursion with a vars.nexus mapping and
	// DefaultMaxRecursion without.
	MaxRecursion int
	// Strategy is vars.nexus_resolution: bounded (default) or exact.
	Strategy     identity.Strategy
	StrategyName string
	EdgeQuality  EdgeQuality
	// Warnings are settings dbt-nexus accepts but that do nothing.
	Warnings []diag.Diagnostic

	pos Pos
}

// Pos tells where the var at path is set, for error messages.
type Pos func(path ...string) (file string, line int)

// Bound reads only the bound from vars, as a dbt-nexus package shipped in
// the project reads it: the rest of the settings are the built-in
// package's, which such a project does not use.
func Bound(vars map[string]any, pos Pos) (int, error) {
	if pos == nil {
		pos = func(...string) (string, int) { return "--vars", 0 }
	}
	fail := func(path []string, hint, format string, args ...any) error {
		file, line := pos(path...)
		return diag.Errorf(file, line, "vars.%s: %s", dotted(path), fmt.Sprintf(format, args...)).WithHint("%s", hint)
	}
	nexus, _ := vars["nexus"].(map[string]any)
	return maxRecursionOf(vars, nexus, fail)
}

// FromProject parses a loaded project's vars.
func FromProject(p *project.Project) (*Settings, error) {
	return Parse(p.Vars, p.VarPos)
}

// Parse reads the settings from vars. pos may be nil.
func Parse(vars map[string]any, pos Pos) (*Settings, error) {
	if pos == nil {
		pos = func(...string) (string, int) { return "--vars", 0 }
	}
	fail := func(path []string, hint, format string, args ...any) error {
		file, line := pos(path...)
		return diag.Errorf(file, line, "vars.%s: %s", dotted(path), fmt.Sprintf(format, args...)).WithHint("%s", hint)
	}
	s := &Settings{MaxRecursion: DefaultMaxRecursion, StrategyName: "bounded", pos: pos}
	var nexus map[string]any
	if v, ok := vars["nexus"]; ok && v != nil {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fail([]string{"nexus"}, "write nexus: then max_recursion:, sources: or edge_quality: under it", "must be a mapping, got %s", describe(v))
		}
		nexus = m
	}

	n, err := maxRecursionOf(vars, nexus, fail)
	if err != nil {
		return nil, err
	}
	s.MaxRecursion = n

	if v, ok := vars["nexus_resolution"]; ok && v != nil {
		name, _ := v.(string)
		st, err := identity.ParseStrategy(name)
		if err != nil {
			return nil, fail([]string{"nexus_resolution"}, `use "bounded" (dbt-nexus's rule) or "exact" (connected components)`, "unknown strategy %v", v)
		}
		s.Strategy, s.StrategyName = st, name
	}

	if err := s.parseEdgeQuality(nexus["edge_quality"], fail); err != nil {
		return nil, err
	}

	if v, ok := nexus["sources"]; ok && v != nil {
		if err := s.parseNexusSources(v, fail); err != nil {
			return nil, err
		}
	} else if v, ok := vars["sources"]; ok && v != nil {
		if err := s.parseSourcesList(v, fail); err != nil {
			return nil, err
		}
	}
	return s, nil
}

type failFunc func(path []string, hint, format string, args ...any) error

// maxRecursionOf is the bound of bounded resolution, nexus being the
// vars.nexus mapping or nil.
func maxRecursionOf(vars, nexus map[string]any, fail failFunc) (int, error) {
	n := DefaultMaxRecursion
	// max_recursion as v0.13's models read it:
	//   var('nexus', {}).get('max_recursion') or var('nexus_max_recursion', 10)
	// (5 when incremental resolution is on): a value Python takes as false,
	// 0 included, falls back. Without a vars.nexus mapping, c918759's
	// nexus_max_recursion, where 0 is a bound (no hops).
	path := []string{"nexus_max_recursion"}
	v, set := vars["nexus_max_recursion"]
	if nexus != nil {
		if nv := nexus["max_recursion"]; pythonTrue(nv) {
			path, v, set = []string{"nexus", "max_recursion"}, nv, true
		} else if !set || v == nil {
			n = V013FallbackRecursion
			if inc, ok := nexus["incremental"].(map[string]any); ok && pythonTrue(inc["enabled"]) {
				n = V013IncrementalFallbackRecursion
			}
		}
	}
	if set && v != nil {
		m, err := MaxRecursion(v)
		if err != nil {
			return 0, fail(path, "write a whole number of edges, 0 or more, like 5", "%v", err)
		}
		n = m
	}
	return n, nil
}

// MaxRecursion reads one max_recursion value: a whole number of edges, 0 or
// more (a string of digits too, which dbt renders as the number).
func MaxRecursion(v any) (int, error) {
	switch x := v.(type) {
	case int:
		if x >= 0 {
			return x, nil
		}
	case int64:
		if x >= 0 && x <= math.MaxInt32 {
			return int(x), nil
		}
	case uint64:
		if x <= math.MaxInt32 {
			return int(x), nil
		}
	case float64:
		if x >= 0 && x <= math.MaxInt32 && x == math.Trunc(x) {
			return int(x), nil
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil && n >= 0 {
			return n, nil
		}
	}
	return 0, fmt.Errorf("max_recursion must be a whole number 0 or more, got %s", describe(v))
}

func (s *Settings) parseEdgeQuality(v any, fail failFunc) error {
	s.EdgeQuality = EdgeQuality{WarningThreshold: 10, ErrorThreshold: 20, CriticalThreshold: 50}
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return fail([]string{"nexus", "edge_quality"}, "write the thresholds and autofilters under it", "must be a mapping, got %s", describe(v))
	}
	ints := map[string]*int{"warning_threshold": &s.EdgeQuality.WarningThreshold, "error_threshold": &s.EdgeQuality.ErrorThreshold, "critical_threshold": &s.EdgeQuality.CriticalThreshold}
	bools := map[string]*bool{"error_autofilter": &s.EdgeQuality.ErrorAutofilter, "critical_autofilter": &s.EdgeQuality.CriticalAutofilter}
	for _, k := range sortedKeys(m) {
		path := []string{"nexus", "edge_quality", k}
		if p, ok := ints[k]; ok {
			n, err := MaxRecursion(m[k])
			if err != nil || m[k] == nil {
				return fail(path, "write a whole number of connections, like 20", "must be a whole number 0 or more, got %s", describe(m[k]))
			}
			*p = n
		} else if p, ok := bools[k]; ok {
			b, isBool := m[k].(bool)
			if !isBool {
				return fail(path, "write true or false", "must be true or false, got %s", describe(m[k]))
			}
			*p = b
		} else {
			return fail(path, "use warning_threshold, error_threshold, critical_threshold, error_autofilter or critical_autofilter", "unknown edge_quality setting %q", k)
		}
	}
	return nil
}

// parseSourcesList reads the c918759 form: a list of {name, flags}. Keys
// other than the flags are a project's own and are left alone.
func (s *Settings) parseSourcesList(v any, fail failFunc) error {
	list, ok := v.([]any)
	if !ok {
		return fail([]string{"sources"}, "write one `- name: ...` entry per source, with events/persons/groups/memberships: true or false", "must be a list, got %s", describe(v))
	}
	seen := map[string]bool{}
	for i, e := range list {
		path := []string{"sources", strconv.Itoa(i)}
		m, ok := e.(map[string]any)
		if !ok {
			return fail(path, "write `- name: my_source` then the flags", "must be a mapping, got %s", describe(e))
		}
		name, _ := m["name"].(string)
		if name == "" {
			return fail(path, "write `- name: my_source`", "has no name")
		}
		if seen[name] {
			return fail(path, "keep one entry per source", "source %q is listed twice", name)
		}
		seen[name] = true
		src, err := sourceFlags(name, m, func(flag string, val any) error {
			return fail(path, "write true or false", "source %q: %s must be true or false, got %s", name, flag, describe(val))
		})
		if err != nil {
			return err
		}
		s.Sources = append(s.Sources, src)
	}
	return nil
}

// parseNexusSources reads the v0.13 form: a mapping of name to flags, a
// source counting only with enabled: true, as in v0.13.
func (s *Settings) parseNexusSources(v any, fail failFunc) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fail([]string{"nexus", "sources"}, "write one `my_source: {enabled: true, events: true, ...}` per source", "must be a mapping of source names, got %s", describe(v))
	}
	s.NexusSources = true
	for _, name := range sortedKeys(m) {
		path := []string{"nexus", "sources", name}
		cfg, ok := m[name].(map[string]any)
		if !ok {
			return fail(path, "write enabled: true and the flags under it", "must be a mapping, got %s", describe(m[name]))
		}
		if _, ok := cfg["entities"]; ok {
			return fail(path, "set persons: true and/or groups: true (with <source>_person_identifiers / <source>_group_identifiers models)",
				"entities: the built-in package follows dbt-nexus c918759, whose sources give persons and groups, not v0.13's entity models")
		}
		flagErr := func(flag string, val any) error {
			return fail(append(path, flag), "write true or false", "must be true or false, got %s", describe(val))
		}
		src, err := sourceFlags(name, cfg, flagErr)
		if err != nil {
			return err
		}
		enabled, err := boolFlag(cfg, "enabled", flagErr)
		if err != nil {
			return err
		}
		if !enabled {
			file, line := s.pos(path...)
			s.Warnings = append(s.Warnings, diag.Diagnostic{Severity: diag.Warning, File: file, Line: line,
				Message: fmt.Sprintf("vars.nexus.sources.%s is not enabled, so none of its models are read", name),
				Hint:    "add enabled: true to use it (dbt-nexus v0.13 reads a source only then)"})
			continue
		}
		s.Sources = append(s.Sources, src)
	}
	return nil
}

func sourceFlags(name string, m map[string]any, bad func(flag string, val any) error) (Source, error) {
	src := Source{Name: name}
	for _, f := range Flags {
		b, err := boolFlag(m, f, bad)
		if err != nil {
			return src, err
		}
		switch f {
		case "events":
			src.Events = b
		case "persons":
			src.Persons = b
		case "groups":
			src.Groups = b
		case "memberships":
			src.Memberships = b
		}
	}
	return src, nil
}

func boolFlag(m map[string]any, flag string, bad func(flag string, val any) error) (bool, error) {
	v, ok := m[flag]
	if !ok || v == nil {
		return false, nil
	}
	b, isBool := v.(bool)
	if !isBool {
		return false, bad(flag, v)
	}
	return b, nil
}

// Vars are the c918759 vars the package's models read, set from the
// settings whichever form the project used: nexus_max_recursion (so the
// default lives here only) and sources, the enabled sources as a list of
// {name, events, persons, groups, memberships}.
func (s *Settings) Vars() map[string]any {
	list := make([]any, len(s.Sources))
	for i, src := range s.Sources {
		list[i] = map[string]any{"name": src.Name, "events": src.Events, "persons": src.Persons, "groups": src.Groups, "memberships": src.Memberships}
	}
	return map[string]any{"nexus_max_recursion": int64(s.MaxRecursion), "sources": list}
}

func describe(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case nil:
		return "nothing"
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// dotted writes a var path as vars.a.b[2].c.
func dotted(path []string) string {
	var b strings.Builder
	for i, k := range path {
		if _, err := strconv.Atoi(k); err == nil {
			b.WriteString("[" + k + "]")
			continue
		}
		if i > 0 {
			b.WriteString(".")
		}
		b.WriteString(k)
	}
	return b.String()
}
