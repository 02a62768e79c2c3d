package engine

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// jinjaGraph is dbt's `graph` variable for renders that execute: every
// enabled node and source with the fields of dbt's manifest that the
// engine knows. While the project is parsed the graph is not complete yet,
// so parse renders see an empty one (dbt: "some properties ... will be
// missing or incorrect during parsing").
func (p *plan) jinjaGraph() *jinja.Graph {
	if p.graph == nil {
		return nil
	}
	if p.graphVar != nil {
		return p.graphVar
	}
	g := &jinja.Graph{Nodes: map[string]map[string]any{}, Sources: map[string]map[string]any{}}
	for _, n := range p.graph.Order() {
		var node map[string]any
		macros := []any{}
		switch n.Kind {
		case "model":
			m := p.models[n.Name]
			cfg := p.configs[n.Name]
			rel := p.relation(n.Name)
			node = p.graphNode(n.Kind, m.Package, m.Name, m.Path, cfg, rel)
			node["raw_code"] = m.SQL
			node["language"] = "sql"
			node["checksum"] = fileChecksum([]byte(m.SQL))
			node["description"] = m.Description
			node["columns"] = graphColumns(m.Columns)
			// The properties dbt's model nodes have beside their config:
			// access is protected unless set, a contract is not enforced.
			node["access"] = cmp.Or(fmt.Sprint(cmp.Or(cfg.Extra["access"], any(""))), "protected")
			node["group"] = cfg.Extra["group"]
			node["time_spine"] = m.TimeSpine
			node["contract"] = map[string]any{"enforced": cfg.ContractEnforced(), "alias_types": true, "checksum": nil}
			node["deprecation_date"] = cfg.Extra["deprecation_date"]
			node["latest_version"] = p.latestVersion(m)
		case "seed":
			s := p.seeds[n.Name]
			node = p.graphNode(n.Kind, s.Package, s.Name, s.Path, s.Config, seedRelation(s))
			node["checksum"] = fileChecksum(s.Data)
		case "snapshot":
			s := p.snapshots[n.Name]
			node = p.graphNode(n.Kind, s.decl.Package, s.decl.Name, s.decl.Path, s.cfg, s.relation())
			node["raw_code"] = s.decl.SQL
			node["checksum"] = map[string]any{"name": "sha256", "checksum": s.decl.FileSum}
		case "test":
			t := p.tests[n.ID]
			if t == nil {
				continue
			}
			node = p.graphNode(n.Kind, t.Package, t.Name, t.File, t.Config, testOwnRelation(t))
			// dbt's tests are configured into schema dbt_test__audit, where
			// store_failures would build their table.
			node["schema"] = p.env.DBTSchema(p.target, nil, cmp.Or(t.Config.Schema, "dbt_test__audit"))
			node["relation_name"] = nil // dbt's, without store_failures
			node["column_name"] = nilIfEmpty(p.testColumn(t))
			if t.Kind == "singular" {
				node["raw_code"] = t.SQL
				node["checksum"] = fileChecksum([]byte(t.SQL))
			} else {
				node["checksum"] = map[string]any{"name": "none", "checksum": ""} // dbt's for a test of properties
				// dbt's test_metadata names the test without its package,
				// which is the namespace (None for dbt's own and a bare
				// name); depends_on names the test's macro and the one
				// that reads its model.
				pkg, macro := p.proj.TestMacro(t)
				var namespace any
				if strings.Contains(t.Generic, ".") {
					namespace = pkg
				}
				node["test_metadata"] = map[string]any{"name": strings.TrimPrefix(macro, "test_"), "kwargs": testKwargs(t, p.testColumn(t)), "namespace": namespace}
				macros = []any{"macro." + pkg + "." + macro, "macro.dbt.get_where_subquery"}
			}
			node["attached_node"] = p.attachedNode(n, t)
		case "source":
			s := p.sources[strings.TrimPrefix(n.ID, "source.")]
			if s == nil {
				continue
			}
			database := cmp.Or(s.decl.Database, p.target.Database)
			g.Sources[p.dbtID(n.ID)] = map[string]any{
				"unique_id": p.dbtID(n.ID), "resource_type": "source", "name": s.decl.Table, "source_name": s.decl.SourceName,
				"identifier": s.decl.Identifier, "schema": s.decl.Schema, "database": database,
				"package_name": p.pkgOf(s.decl.Package), "path": s.decl.File, "original_file_path": s.decl.File,
				"fqn": []any{p.pkgOf(s.decl.Package), s.decl.SourceName, s.decl.Table}, "relation_name": jinja.RelationName(p.target.Type, database, s.decl.Schema, s.decl.Identifier),
				"loader": s.decl.Loader, "tags": []any{}, "meta": map[string]any{}, "quoting": maps.Clone(s.decl.Quoting),
				"config":  sourceNodeConfig(s.decl),
				"columns": graphColumns(s.decl.Columns), "description": s.decl.Description, "source_description": s.decl.SourceDescription,
				"freshness": s.decl.Freshness, "loaded_at_field": nilIfEmpty(s.decl.LoadedAtField),
				"external": nilIfNoExternal(s.decl.External),
			}
			continue
		default:
			continue
		}
		node["unique_id"] = p.dbtID(n.ID)
		deps := []any{}
		for _, d := range n.DependsOn {
			deps = append(deps, p.dbtID(d))
		}
		node["depends_on"] = map[string]any{"nodes": deps, "macros": macros}
		g.Nodes[p.dbtID(n.ID)] = node
	}
	g.Exposures = p.graphExposures()
	p.graphVar = g
	return g
}

// fileChecksum is dbt's checksum of a node's file: the sha256 of its
// contents.
func fileChecksum(data []byte) map[string]any {
	return map[string]any{"name": "sha256", "checksum": fmt.Sprintf("%x", sha256.Sum256(data))}
}

// graphExposures are dbt's graph.exposures: each enabled exposure with the
// fields of dbt's manifest, its depends_on the models it refs, then the
// source tables it names, each once.
func (p *plan) graphExposures() map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, e := range p.proj.Exposures {
		if !e.Enabled {
			continue
		}
		pkg := p.pkgOf(e.Package)
		nodes := []any{}
		add := func(id string) {
			if id != "" && !slices.Contains(nodes, any(id)) {
				nodes = append(nodes, id)
			}
		}
		refs, sources := []any{}, []any{}
		for _, r := range e.Refs {
			name := r[len(r)-1]
			refs = append(refs, map[string]any{"name": name, "package": nilIfEmpty(strings.Join(r[:len(r)-1], "")), "version": nil})
			add(p.exposureRef(name))
		}
		for _, s := range e.Sources {
			sources = append(sources, []any{s[0], s[1]})
			if _, ok := p.sources[s[0]+"."+s[1]]; ok {
				add(p.dbtID("source." + s[0] + "." + s[1]))
			}
		}
		tags := []any{}
		for _, t := range e.Tags {
			tags = append(tags, t)
		}
		// path is relative to the folder of its properties file's kind
		rest := e.File
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[i+1:]
		}
		id := "exposure." + pkg + "." + e.Name
		out[id] = map[string]any{
			"unique_id": id, "name": e.Name, "resource_type": "exposure", "package_name": pkg,
			"path": rest, "original_file_path": e.File, "fqn": []any{pkg, e.Name},
			"type": e.Type, "owner": map[string]any{"name": nilIfEmpty(e.OwnerName), "email": nilIfEmpty(e.OwnerEmail)},
			"description": e.Description, "label": nilIfEmpty(e.Label), "maturity": nilIfEmpty(e.Maturity), "url": nilIfEmpty(e.URL),
			"meta": e.Meta, "tags": tags, "config": map[string]any{"enabled": true, "tags": tags, "meta": e.Meta},
			"depends_on": map[string]any{"nodes": nodes, "macros": []any{}}, "refs": refs, "sources": sources, "metrics": []any{},
		}
	}
	return out
}

// exposureRef is the unique_id of the model an exposure refs, "" when
// the project has none of that name (its version the latest).
func (p *plan) exposureRef(name string) string {
	name = p.proj.VersionedName(name)
	for _, n := range p.graph.Order() {
		if n.Kind == "model" && n.Name == name {
			return p.dbtID(n.ID)
		}
	}
	return ""
}

// graphColumns are a node's columns as dbt's graph lists them: by name, in
// the order declared, with the fields of its manifest's column entries.
func graphColumns(cols []project.Column) jinja.Ordered {
	out := jinja.Ordered{Values: make(map[string]any, len(cols))}
	for _, c := range cols {
		if _, dup := out.Values[c.Name]; !dup {
			out.Keys = append(out.Keys, c.Name)
		}
		constraints := []any{}
		if c.NotNull {
			constraints = append(constraints, map[string]any{"type": "not_null", "name": nil, "expression": nil,
				"warn_unenforced": true, "warn_unsupported": true, "to": nil, "to_columns": []any{}})
		}
		tags := make([]any, len(c.Tags))
		for i, t := range c.Tags {
			tags[i] = t
		}
		out.Values[c.Name] = map[string]any{
			"name": c.Name, "description": c.Description, "data_type": nilIfEmpty(c.DataType),
			"meta": c.Meta, "tags": tags, "quote": nil, "constraints": constraints,
			"config": map[string]any{"meta": c.Meta, "tags": slices.Clone(tags)},
		}
	}
	return out
}

// dbtID is a node's unique_id as dbt writes it: a source's is
// source.<package>.<source>.<table>, where the engine's is
// source.<source>.<table>; the others' are the engine's but a model
// version's.
func (p *plan) dbtID(id string) string {
	if key, ok := strings.CutPrefix(id, "source."); ok {
		if s := p.sources[key]; s != nil {
			return "source." + p.pkgOf(s.decl.Package) + "." + s.decl.SourceName + "." + s.decl.Table
		}
	}
	// A version of a versioned model is model.<package>.<name>.v<version>,
	// where the engine names it by its file.
	if n := p.graph.Node(id); n != nil && n.Kind == "model" {
		if m := p.models[n.Name]; m != nil && m.VersionOf != "" {
			return fmt.Sprintf("model.%s.%s.v%v", p.pkgOf(m.Package), m.VersionOf, m.Version)
		}
	}
	return id
}

// graphNode holds the fields every node of dbt's graph has.
func (p *plan) graphNode(kind, pkg, name, file string, cfg project.Config, rel jinja.Relation) map[string]any {
	pkgName := p.pkgOf(pkg)
	// path is relative to the node's folder (models/, seeds/...), as dbt's;
	// fqn is the package, the folders, then the name.
	rest := file
	if i := strings.IndexByte(file, '/'); i >= 0 {
		rest = file[i+1:]
	}
	fqn := []any{pkgName}
	if dir := path.Dir(rest); dir != "." {
		for _, d := range strings.Split(dir, "/") {
			fqn = append(fqn, d)
		}
	}
	var version any
	if m := p.models[name]; kind == "model" && m != nil && m.VersionOf != "" {
		// dbt's node of a version: the model's name, and its version.
		name, version = m.VersionOf, m.Version
		fqn = append(fqn, name, fmt.Sprint("v", version))
	} else {
		fqn = append(fqn, name)
	}
	tags := []any{}
	for _, t := range cfg.Tags {
		tags = append(tags, t)
	}
	config := map[string]any{}
	for k, v := range cfg.Extra {
		config[k] = v
	}
	config["enabled"] = cfg.Enabled
	config["tags"] = tags
	config["materialized"] = nilIfEmpty(cfg.Materialized)
	config["schema"] = nilIfEmpty(cfg.Schema)
	config["alias"] = nilIfEmpty(cfg.Alias)
	if kind == "test" {
		config["severity"] = cfg.Severity
		if _, set := config["meta"]; !set {
			config["meta"] = map[string]any{} // TestConfig's default
		}
	} else {
		// the keys of dbt's NodeConfig that hold a dict or list, empty
		// when not set, so node.config.quoting.database reads None
		for k, v := range withNodeConfigDefaults(nil) {
			if _, set := config[k]; !set && v != nil {
				switch v.(type) {
				case map[string]any, []any:
					config[k] = v
				}
			}
		}
	}
	// schema is the name dbt gives it, as this.schema is; an ephemeral
	// model's CTE is named by the schema its config gives.
	// relation_name is the full name as the adapter renders it, which SQL
	// built from it reads back (dialect.Schemas); an ephemeral model has none.
	schema := rel.Schema
	if schema == "temp" {
		schema = schemaOf(cfg)
	}
	dbtSchema := p.env.DBTSchema(p.target, p.schemasAsWritten(), schema)
	var relationName any
	if rel.Schema != "temp" {
		relationName = jinja.RelationName(p.target.Type, p.target.Database, dbtSchema, rel.Name)
	}
	return map[string]any{
		"resource_type": kind, "name": name, "package_name": pkgName, "version": version,
		"path": rest, "original_file_path": file, "fqn": fqn,
		"database": p.target.Database, "schema": dbtSchema, "alias": rel.Name,
		"relation_name": relationName,
		"config":        config, "tags": tags, "description": "", "columns": map[string]any{}, "meta": map[string]any{},
	}
}

// testKwargs are a generic test's arguments as dbt's test_metadata has
// them: its own arguments plus column_name and model.
func testKwargs(t *project.Test, column string) map[string]any {
	kw := map[string]any{}
	for k, v := range t.Args {
		kw[k] = v
	}
	if column != "" {
		kw["column_name"] = column
	}
	model := "{{ get_where_subquery(ref('" + t.Model + "')) }}"
	if src, ok := strings.CutPrefix(t.Model, "source:"); ok {
		s, tbl, _ := strings.Cut(src, ".")
		model = "{{ get_where_subquery(source('" + s + "', '" + tbl + "')) }}"
	}
	kw["model"] = model
	return kw
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// latestVersion is a versioned model's latest_version as dbt's graph has
// it on each of its versions (the version the bare name refs), nil for a
// model without versions.
func (p *plan) latestVersion(m *project.Model) any {
	if m.VersionOf == "" {
		return nil
	}
	versions := p.proj.Versions[m.VersionOf]
	for v, name := range versions {
		if v != "" && name == versions[""] {
			if m := p.models[name]; m != nil {
				return m.Version
			}
		}
	}
	return nil
}

// attachedNode is a generic test's attached_node as dbt's graph has it:
// the unique_id of the model, seed, snapshot or source table whose
// properties declare the test; None for a singular test.
func (p *plan) attachedNode(n *graph.Node, t *project.Test) any {
	if t.Kind == "singular" {
		return nil
	}
	src, isSource := strings.CutPrefix(t.Model, "source:")
	for _, id := range n.DependsOn {
		d := p.graph.Node(id)
		switch {
		case d == nil:
		case isSource && d.Kind == "source" && d.SourceName+"."+d.Name == src:
			return p.dbtID(id)
		case !isSource && d.Kind != "source" && d.Name == t.Model:
			return p.dbtID(id)
		}
	}
	return nil
}

// nilIfNoExternal is a source's external as dbt's graph has it: None for
// a table without one.
func nilIfNoExternal(e map[string]any) any {
	if e == nil {
		return nil
	}
	return e
}

// sourceNodeConfig is a source node's config as dbt's graph holds it: the
// table's config keys (dbt_project.yml's sources: tree, its source's and its
// own config:), with enabled, freshness and loaded_at_field.
func sourceNodeConfig(s *project.Source) map[string]any {
	out := maps.Clone(s.Config)
	if out == nil {
		out = map[string]any{}
	}
	out["enabled"] = true
	out["freshness"] = s.Freshness
	out["loaded_at_field"] = nilIfEmpty(s.LoadedAtField)
	return out
}
