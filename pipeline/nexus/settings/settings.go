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

// EntityFlags are the flags of a v0.13 source (vars.nexus.sources) beside
// events: entities gives <source>_entity_identifiers and
// <source>_entity_traits, relationships <source>_relationship_declarations.
var EntityFlags = []string{"entities", "relationships"}

// Source is one entry of the sources configuration.
type Source struct {
	Name          string
	Events        bool
	Persons       bool
	Groups        bool
	Memberships   bool
	Entities      bool
	Relationships bool
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
	case "entities":
		return s.Entities
	case "relationships":
		return s.Relationships
	}
	return false
}

// ERTypes are the entity types the entity layer resolves: v0.13's default
// entity_types, the two its package has resolved-identifier models for.
var ERTypes = []string{"person", "group"}

// EntityLayer tells whether vars ask for v0.13's entity layer: some
// enabled source of vars.nexus.sources has entities: true. It reads the
// raw vars before they are checked (Parse says what is wrong with them).
func EntityLayer(vars map[string]any) bool {
	nexus, _ := vars["nexus"].(map[string]any)
	sources, _ := nexus["sources"].(map[string]any)
	for _, v := range sources {
		if cfg, ok := v.(map[string]any); ok && cfg["enabled"] == true && cfg["entities"] == true {
			return true
		}
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
	// Entities is true when a source gives v0.13 entities: the package
	// builds its entity layer (nexus_entities, nexus_relationships...)
	// instead of c918759's persons and groups.
	Entities bool
	// EntityTypes are the entity types the entity layer resolves.
	EntityTypes []string
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
	if s.Entities {
		if err := s.parseEntityTypes(nexus["entity_types"], fail); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// parseEntityTypes reads v0.13's vars.nexus.entity_types (a list of names,
// or a mapping of name to {entity_resolution: bool}); person and group
// when unset. The entity layer resolves person and group only: other types
// and types without resolution (registered entities) need the real
// package.
func (s *Settings) parseEntityTypes(v any, fail failFunc) error {
	s.EntityTypes = ERTypes
	if v == nil {
		return nil
	}
	path := []string{"nexus", "entity_types"}
	hint := "list person and/or group, or ship dbt-nexus v0.13 in the project (packages.yml with local:) for other entity types"
	var names []string
	switch x := v.(type) {
	case []any:
		for _, n := range x {
			name, _ := n.(string)
			names = append(names, name)
		}
	case map[string]any:
		for _, name := range sortedKeys(x) {
			if cfg, ok := x[name].(map[string]any); ok && cfg["entity_resolution"] == false {
				return fail(append(path, name), hint, "entity types without resolution (registration models) are not in the built-in package")
			}
			names = append(names, name)
		}
	default:
		return fail(path, hint, "must be a list or a mapping, got %s", describe(v))
	}
	s.EntityTypes = nil
	for _, name := range names {
		if name != "person" && name != "group" {
			return fail(path, hint, "entity type %q: the built-in package resolves person and group only", name)
		}
		s.EntityTypes = append(s.EntityTypes, name)
	}
	if len(s.EntityTypes) == 0 {
		return fail(path, hint, "lists no entity type")
	}
	return nil
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
		flagErr := func(flag string, val any) error {
			return fail(append(path, flag), "write true or false", "must be true or false, got %s", describe(val))
		}
		src, err := sourceFlags(name, cfg, flagErr)
		if err != nil {
			return err
		}
		if src.Entities, err = boolFlag(cfg, "entities", flagErr); err != nil {
			return err
		}
		if src.Relationships, err = boolFlag(cfg, "relationships", flagErr); err != nil {
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
	return s.checkLayers(fail)
}

// checkLayers refuses a project that mixes c918759's person and group
// sources with v0.13's entity sources: the package builds one layer or the
// other. It also reads v0.13's entity_types, which the entity layer
// resolves for person and group only.
func (s *Settings) checkLayers(fail failFunc) error {
	var entityNames, c918759Names []string
	for _, src := range s.Sources {
		if src.Entities || src.Relationships {
			entityNames = append(entityNames, src.Name)
		}
		if src.Persons || src.Groups || src.Memberships {
			c918759Names = append(c918759Names, src.Name)
		}
	}
	for _, src := range s.Sources {
		if src.Relationships && !src.Entities && !anyEntities(s.Sources) {
			return fail([]string{"nexus", "sources", src.Name, "relationships"}, "add entities: true to a source (with <source>_entity_identifiers and <source>_entity_traits models)",
				"relationships need entities: the relationships of v0.13 join entities, and no source gives any")
		}
	}
	s.Entities = anyEntities(s.Sources)
	if s.Entities && len(c918759Names) > 0 {
		return fail([]string{"nexus", "sources", c918759Names[0]}, "give this source entities: true with a <source>_entity_identifiers model instead of persons/groups/memberships, or drop entities: from "+strings.Join(entityNames, ", "),
			"persons, groups and memberships are dbt-nexus c918759's flags, while %s give v0.13 entities: the built-in package builds one layer or the other", strings.Join(entityNames, ", "))
	}
	return nil
}

func anyEntities(sources []Source) bool {
	for _, src := range sources {
		if src.Entities {
			return true
		}
	}
	return false
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
		entry := map[string]any{"name": src.Name, "events": src.Events, "persons": src.Persons, "groups": src.Groups, "memberships": src.Memberships}
		if s.Entities {
			entry["entities"], entry["relationships"] = src.Entities, src.Relationships
		}
		list[i] = entry
	}
	out := map[string]any{"nexus_max_recursion": int64(s.MaxRecursion), "sources": list}
	if s.Entities {
		types := make([]any, len(s.EntityTypes))
		for i, t := range s.EntityTypes {
			types[i] = t
		}
		out["nexus_er_entity_types"] = types
	}
	return out
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
