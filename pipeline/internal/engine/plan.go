package engine

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/nexus-playground/nexus/pipeline/internal/hubpackages"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/nexus"
	"github.com/nexus-playground/nexus/pipeline/nexus/settings"
)

// PackageName is the built-in package's name.
const PackageName = "nexus"

// askVars are the vars that ask for dbt-nexus: its sources list (c918759)
// or settings (v0.13), and the settings the built-in package reads.
var askVars = []string{"sources", "nexus", "nexus_max_recursion", "nexus_resolution"}

// PackageFiles returns the built-in nexus package's files.
func PackageFiles() fs.FS { return nexus.Package() }

// plan is a loaded project with its graph: stage 1 (load), 2 (parse render
// to find refs and configs) and 3 (graph) of the pipeline.
type plan struct {
	proj *project.Project
	env  *jinja.Env
	// settings are the package's vars, parsed once (package settings).
	settings *settings.Settings
	graph    *graph.Graph
	models   map[string]*project.Model // by name
	seeds    map[string]*project.Seed
	// gaveWay are the models of project.Alternates not picked
	gaveWay []*project.Model
	// sources maps "src.table" to its declaration and the relation it reads.
	sources map[string]*sourceRef
	// sourceTabs are sourceTables, made once.
	sourceTabs []dialect.SourceTable
	// dbtSchemas is the runner's dbtSchemas for the schemas attached
	// when it was made (attachedKey), kept while they stay attached.
	dbtSchemas  dialect.Schemas
	attachedKey string
	tests       map[string]*project.Test // by node ID
	testIDs     map[*project.Test]string // node ID by test
	// unitTests are the unit tests by node ID, unitsOf a model's unit
	// tests by its node ID (unittest.go).
	unitTests map[string]*project.UnitTest
	unitsOf   map[string][]string
	// configs are model configs after the model's own config() calls.
	configs map[string]project.Config
	// dialect is the warehouse the project's SQL is written for; target is
	// dbt's target for it.
	dialect dialect.Dialect
	target  jinja.Target
	// session answers Snowflake's CURRENT_DATABASE() and the other
	// session functions, from the target.
	session dialect.Session
	// memo (nil outside a session) and the keys its renders are filed
	// under: universeKey for parse renders, shapeKey for execution renders.
	memo        *memo
	universeKey string
	shapeKey    string
	// snapshots are the project's snapshots by name (snapshot.go), and
	// snapshotKey their relations and configs for the memo's shape.
	snapshots   map[string]*snapshot
	snapshotKey string
	// pkgOfFile is the package of each model and singular test, by path
	// and text, so a render knows whose macros and vars come first.
	pkgOfFile map[string]string
	// analyses are the analyses by name (analysis.go).
	analyses map[string]*project.Analysis
	// graphVar is dbt's graph variable, made once the graph is (graphvar.go).
	graphVar *jinja.Graph
	// defs are the DuckDB macros and type aliases hooks defined.
	defs dialect.Defs
	// unnamed are the models and seeds generate_schema_name or
	// generate_alias_name gave no name, by node ID: dbt parses them, and stops a command that
	// runs one when it creates their schema (checkUnnamed).
	unnamed map[string]error
	// listed are the nodes as Nodes lists them (engine.go).
	listed []Node
}

type sourceRef struct {
	decl  *project.Source
	rel   jinja.Relation
	seeds []string // seed node IDs the source reads: one, or a wildcard's
}

func nodeID(kind, pkg, name string) string { return kind + "." + pkg + "." + name }

// envCache keeps the template environment of the last plan: parsing the
// macros and templates again on every run of an unchanged project is work
// the playground's Run button would repeat for nothing.
type envCache struct {
	key string
	env *jinja.Env
	// head and macros are what key was made from.
	head   string
	macros []jinja.MacroFile
	memo   memo
	// files is what the last load made of each file.
	files project.Cache
	// graph is the last plan's graph (graphOf).
	graph *graph.Graph
	// ctx bounds the renders of the plan being made and run with it.
	ctx context.Context
	// last is the last build's plan and lastInputs what it was made from
	// (samefiles.go).
	last       *plan
	lastInputs planInputs
}

// get returns an environment for macros, reusing the cached one when the
// macro files are the same.
func (c *envCache) get(macros []jinja.MacroFile, proj jinja.Project) (*jinja.Env, error) {
	head := fmt.Sprintf("%s\x00%v\x00%v\x00%v\x00", proj.Name, proj.Dispatch, proj.Behavior, proj.Missing)
	// The same files as last time are compared, not hashed again: a
	// session's load gives an unchanged file's text as the same string,
	// which compares at once.
	if c != nil && c.env != nil && c.head == head && slices.Equal(c.macros, macros) {
		return c.env, nil
	}
	h := sha256.New()
	h.Write([]byte(head))
	for _, m := range macros {
		writeParts(h, m.Path, m.Namespace, m.Source)
	}
	key := string(h.Sum(nil))
	if c != nil && c.env != nil && c.key == key {
		c.head, c.macros = head, slices.Clone(macros)
		return c.env, nil
	}
	env, err := jinja.NewProjectEnv(proj, macros)
	if err != nil {
		return nil, err
	}
	if c != nil {
		c.key, c.env, c.head, c.macros = key, env, head, slices.Clone(macros)
	}
	return env, nil
}

// graphOf is graph.New of nodes, the last plan's graph when it is that
// graph.
func (c *envCache) graphOf(nodes []*graph.Node) (*graph.Graph, error) {
	if c == nil {
		return graph.New(nodes)
	}
	if !c.graph.Holds(nodes) {
		g, err := graph.New(nodes)
		if err != nil {
			return nil, err
		}
		c.graph = g
	}
	return c.graph, nil
}

// newPlan loads fsys and builds the graph. Problems that stop the build are
// returned as one error; a *diag.Diagnostic when it has a position. w
// picks the profile's output and the dialect. cache may be nil.
func newPlan(fsys fs.FS, vars map[string]any, w Warehouse, cache ...*envCache) (*plan, error) {
	p, proj, err := buildPlan(fsys, vars, w, cache...)
	if err != nil && proj != nil && len(proj.Missing) > 0 {
		return nil, &missingPackagesError{err: err, warnings: proj.Missing}
	}
	return p, err
}

// missingPackagesError is a plan's error with the warnings of packages an
// installed package depends on that are not installed, which are often
// its cause (a macro of one undefined).
type missingPackagesError struct {
	err      error
	warnings []diag.Diagnostic
}

func (e *missingPackagesError) Error() string { return e.err.Error() }
func (e *missingPackagesError) Unwrap() error { return e.err }

// buildPlan is newPlan, also giving the project once loaded.
func buildPlan(fsys fs.FS, vars map[string]any, w Warehouse, cache ...*envCache) (*plan, *project.Project, error) {
	var c *envCache
	if len(cache) > 0 {
		c = cache[0]
	}
	var files *project.Cache
	if c != nil {
		files = &c.files
	}
	proj, err := files.LoadTarget(fsys, vars, project.Choice{Target: w.Target, Type: string(w.Dialect)}, project.Package{Name: PackageName, Files: nexus.Package(),
		Layer: func(vars map[string]any) fs.FS { return nexus.Layer(settings.EntityLayer(vars)) }, Builtin: true, AskVars: askVars, Origin: "the built-in package (pipeline/nexus/package)"},
		project.Package{Name: "dbt_utils", Files: hubpackages.Files("dbt_utils"), Builtin: true, Hub: "dbt-labs/dbt_utils",
			Origin: "the engine's own dbt_utils macros and tests (the project ships no dbt_utils)"},
		project.Package{Name: "dbt_expectations", Files: hubpackages.Files("dbt_expectations"), Builtin: true, Hub: "calogica/dbt_expectations",
			Origin: "the engine's own dbt_expectations tests (the project ships no dbt_expectations)", Needs: []string{"dbt_date"}},
		project.Package{Name: "dbt_date", Files: hubpackages.Files("dbt_date"), Builtin: true, Hub: "godatadriven/dbt_date",
			Origin: "the engine's own dbt_date macros (the project ships no dbt_date)"})
	if err != nil {
		return nil, nil, err
	}
	d, err := projectDialect(proj.Target, w.Dialect)
	if err != nil {
		return nil, proj, err
	}
	// The settings are the built-in package's reading of vars.nexus and
	// vars.sources: a project that ships its own dbt-nexus reads its vars
	// itself.
	set, _ := settings.Parse(nil, nil)
	if proj.Uses(PackageName) {
		if set, err = settings.FromProject(proj); err != nil {
			return nil, proj, err
		}
		proj.SetVars(PackageName, set.Vars())
		proj.Warnings = append(proj.Warnings, set.Warnings...)
	}
	env, err := c.get(proj.Macros, jinja.Project{Name: proj.Name, Dispatch: proj.Dispatch, Behavior: proj.Behavior, Versions: proj.ProjectVersions,
		Missing: proj.MissingPackages})
	if err != nil {
		return nil, proj, err
	}
	if c != nil {
		env.SetContext(c.ctx)
	}
	p := &plan{proj: proj, env: env, settings: set, models: map[string]*project.Model{}, seeds: map[string]*project.Seed{},
		sources: map[string]*sourceRef{}, tests: map[string]*project.Test{}, testIDs: map[*project.Test]string{}, configs: map[string]project.Config{},
		dialect: d, target: jinjaTarget(proj.Target, d, proj.Name)}
	p.session = session(proj.Target, p.target)
	if c != nil {
		p.memo = &c.memo
	}
	p.pkgOfFile = map[string]string{}
	for _, m := range proj.Models {
		p.models[m.Name] = m
		p.configs[m.Name] = m.Config
		p.pkgOfFile[m.Path+"\x00"+m.SQL] = m.Package
	}
	for _, m := range proj.Alternates {
		p.pkgOfFile[m.Path+"\x00"+m.SQL] = m.Package
	}
	for _, t := range proj.Tests {
		if t.Kind == "singular" {
			p.pkgOfFile[t.File+"\x00"+t.SQL] = t.Package
		}
	}
	p.analyses = map[string]*project.Analysis{}
	for _, a := range proj.Analyses {
		p.analyses[a.Name] = a
		p.pkgOfFile[a.Path+"\x00"+a.SQL] = a.Package
	}
	for _, s := range proj.Seeds {
		if prev, dup := p.seeds[s.Name]; dup {
			return nil, proj, diag.Errorf(s.Path, 1, "seed %q is defined twice, here and in %s", s.Name, prev.Path).WithHint("rename one of the files")
		}
		p.seeds[s.Name] = s
	}
	if err := p.checkSourcesVar(); err != nil {
		return nil, proj, err
	}
	for _, s := range proj.Seeds {
		if err := p.nameWith("seed", s.Package, s.Name, s.Path, &s.Config); err != nil {
			var none *noName
			if !errors.As(err, &none) {
				return nil, proj, err
			}
			p.markUnnamed(nodeID("seed", p.pkgOf(s.Package), s.Name), none.err)
		}
	}
	p.bindSources()
	if p.memo != nil {
		p.universeKey = p.universe(c.key)
	}
	snaps, err := p.parseSnapshots()
	if err != nil {
		return nil, proj, err
	}
	nodes, err := p.parseNodes()
	if err != nil {
		return nil, proj, err
	}
	if err := p.checkSnapshotSchemas(); err != nil {
		return nil, proj, err
	}
	p.bindSourceSchemas()
	nodes = append(nodes, snaps...)
	analyses, err := p.parseAnalyses()
	if err != nil {
		return nil, proj, err
	}
	nodes = append(nodes, analyses...)
	if nodes, err = p.checkDisabledRefs(nodes); err != nil {
		return nil, proj, err
	}
	p.sourceModels(nodes)
	if p.memo != nil {
		p.shapeKey = p.shape()
	}
	g, err := c.graphOf(nodes)
	if err != nil {
		if ce, ok := err.(*graph.CycleError); ok {
			first := ce.Cycle[0]
			return nil, proj, diag.Errorf(first.Path, 1, "%s", ce.Error()).WithHint("a model cannot depend on itself through ref(); remove one of these refs")
		}
		return nil, proj, err
	}
	g.Disabled = p.disabledModels()
	p.graph = g
	return p, proj, nil
}

// pkgOf is the package name a node reports: the root project's name for
// the user's own nodes.
func (p *plan) pkgOf(pkg string) string {
	if pkg == "" {
		return p.proj.Name
	}
	return pkg
}

// checkSourcesVar rejects a source whose flag asks for a model the project
// does not have.
func (p *plan) checkSourcesVar() error {
	for i, src := range p.settings.Sources {
		for _, flag := range []struct{ key, suffix string }{
			{"events", "events"}, {"persons", "person_identifiers"}, {"groups", "group_identifiers"}, {"memberships", "membership_identifiers"},
			{"entities", "entity_identifiers"}, {"entities", "entity_traits"}, {"relationships", "relationship_declarations"},
		} {
			if !src.Has(flag.key) {
				continue
			}
			want := src.Name + "_" + flag.suffix
			if mod, ok := p.models[want]; ok && mod.Config.Enabled {
				continue
			}
			file, line := p.proj.VarPos("sources", strconv.Itoa(i))
			where := "vars.sources"
			if p.settings.NexusSources {
				file, line = p.proj.VarPos("nexus", "sources", src.Name)
				where = "vars.nexus.sources." + src.Name
			}
			return diag.Errorf(file, line, "%s: source %q has %s: true but there is no model %q", where, src.Name, flag.key, want).
				WithHint("create models/sources/%s.sql, or set %s: false", want, flag.key)
		}
	}
	return nil
}

// bindSources finds the relation each source table reads: a table of the
// declared schema, which in the playground is a seed of that name or alias
// (first in the declared schema, otherwise the only seed with that name),
// in any case but in BigQuery (sameName).
func (p *plan) bindSources() {
	for _, s := range p.proj.Sources {
		ref := &sourceRef{decl: s, rel: jinja.Relation{Schema: s.Schema, Name: s.Identifier}}
		if prefix, ok := strings.CutSuffix(s.Identifier, "*"); ok {
			p.bindWildcard(ref, prefix)
			p.sources[s.Key] = ref
			continue
		}
		var byName []*project.Seed
		for _, seed := range p.proj.Seeds {
			rel := seedRelation(seed)
			if !p.sameName(seed.Name, s.Identifier) && !p.sameName(rel.Name, s.Identifier) {
				continue
			}
			if p.sameName(rel.Schema, s.Schema) {
				byName = []*project.Seed{seed}
				break
			}
			byName = append(byName, seed)
		}
		if len(byName) == 1 {
			seed := byName[0]
			ref.rel = seedRelation(seed)
			ref.seeds = []string{nodeID("seed", p.pkgOf(seed.Package), seed.Name)}
		}
		p.sources[s.Key] = ref
	}
}

// sameName tells whether two names of tables or schemas are one in the
// warehouse: BigQuery's are case-sensitive, while Snowflake's and DuckDB's
// (and SQLite's) unquoted names are one in any case, so a source's NATION
// of schema TPCH_SF1 reads the seed nation loaded to tpch_sf1.
func (p *plan) sameName(a, b string) bool {
	if p.dialect == dialect.BigQuery {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// bindSourceSchemas binds a source table that reads no seed to the
// schema its yml names by dbt's name for a schema the project builds: the
// target's schema is main, <target schema>_<custom> the schema <custom>
// that models, seeds or snapshots are built in, as dbt's default
// generate_schema_name names them. dbt reads the table there, where the
// playground read an empty schema of the name as written. Configs are
// known once the project is parsed; a root generate_schema_name names
// its schemas itself, and other databases are left as written.
func (p *plan) bindSourceSchemas() {
	if p.env.HasMacro("generate_schema_name") || p.target.Schema == "" {
		return
	}
	built := map[string]string{}
	for _, s := range p.proj.Seeds {
		built[strings.ToLower(schemaOf(s.Config))] = schemaOf(s.Config)
	}
	for name := range p.models {
		if rel := p.relation(name); p.configs[name].Materialized != "ephemeral" {
			built[strings.ToLower(rel.Schema)] = rel.Schema
		}
	}
	for _, s := range p.snapshots {
		built[strings.ToLower(s.relation().Schema)] = s.relation().Schema
	}
	for _, s := range p.sources {
		d := s.decl
		if len(s.seeds) > 0 || strings.HasSuffix(d.Identifier, "*") || d.Database != "" && !strings.EqualFold(d.Database, p.target.Database) {
			continue
		}
		if strings.EqualFold(d.Schema, p.target.Schema) {
			s.rel.Schema = "main"
			continue
		}
		n := len(p.target.Schema) + 1
		if len(d.Schema) <= n || !strings.EqualFold(d.Schema[:n], p.target.Schema+"_") {
			continue
		}
		if custom, ok := built[strings.ToLower(d.Schema[n:])]; ok && custom != "" && !strings.EqualFold(custom, "main") && !strings.EqualFold(custom, "temp") {
			s.rel.Schema = custom
		}
	}
}

// bindWildcard binds a source whose identifier is a BigQuery wildcard
// (events_*) to the seeds whose names start with prefix: those of the
// declared schema, or else those of the one schema all such seeds load to.
// It reads them once they have loaded; the translator finds the tables.
func (p *plan) bindWildcard(ref *sourceRef, prefix string) {
	bySchema := map[string][]*project.Seed{}
	for _, seed := range p.proj.Seeds {
		if rel := seedRelation(seed); strings.HasPrefix(strings.ToLower(rel.Name), strings.ToLower(prefix)) {
			bySchema[rel.Schema] = append(bySchema[rel.Schema], seed)
		}
	}
	seeds := bySchema[ref.rel.Schema]
	if seeds == nil && len(bySchema) == 1 {
		for schema, s := range bySchema {
			ref.rel.Schema, seeds = schema, s
		}
	}
	for _, seed := range seeds {
		ref.seeds = append(ref.seeds, nodeID("seed", p.pkgOf(seed.Package), seed.Name))
	}
	slices.Sort(ref.seeds)
}

// sourceModels makes a wildcard source read after the models whose
// tables its prefix names, in its schema, as it reads their tables, and a
// source that reads no seed after the model building its table; a model
// that reads the source itself (through any path) is left out.
func (p *plan) sourceModels(nodes []*graph.Node) {
	byID := make(map[string]*graph.Node, len(nodes))
	for _, n := range nodes {
		byID[n.ID] = n
	}
	for _, n := range nodes {
		s := p.sources[strings.TrimPrefix(n.ID, "source.")]
		if n.Kind != "source" || s == nil {
			continue
		}
		prefix, wildcard := strings.CutSuffix(s.rel.Name, "*")
		if !wildcard && len(s.seeds) > 0 {
			continue
		}
		key := relKey(s.rel.Schema, prefix)
		for _, m := range nodes {
			if m.Kind != "model" {
				continue
			}
			rel, ephemeral := p.nodeRel(m)
			if ephemeral || !wildcard && rel != key || wildcard && !strings.HasPrefix(rel, key) {
				continue
			}
			if !reaches(m, n.ID, byID, map[string]bool{}) {
				n.DependsOn = append(n.DependsOn, m.ID)
			}
		}
	}
}

// reaches tells whether node n depends on the node id, directly or not.
func reaches(n *graph.Node, id string, byID map[string]*graph.Node, seen map[string]bool) bool {
	for _, d := range n.DependsOn {
		if d == id {
			return true
		}
		if dn := byID[d]; dn != nil && !seen[d] {
			seen[d] = true
			if reaches(dn, id, byID, seen) {
				return true
			}
		}
	}
	return false
}

// nameWith sets a node's schema and alias by the root project's
// generate_schema_name and generate_alias_name, as dbt names relations;
// without them the playground's rule holds (a custom schema as is, else
// main). The macros get the custom name (none when unset) and the node.
func (p *plan) nameWith(kind, pkg, name, file string, cfg *project.Config) error {
	for _, f := range []struct {
		macro string
		field *string
	}{{"generate_schema_name", &cfg.Schema}, {"generate_alias_name", &cfg.Alias}} {
		if !p.env.HasMacro(f.macro) {
			continue
		}
		node := p.graphNode(kind, pkg, name, file, *cfg, jinja.Relation{Schema: schemaOf(*cfg), Name: aliasOr(cfg.Alias, name)})
		ctx := p.contextOf(file, "", cfg, jinja.Relation{}, false)
		ctx.Globals = map[string]any{"nexus_custom_name": nilIfEmpty(*f.field), "nexus_node": node}
		out, err := p.env.Render(file, "{{ "+f.macro+"(nexus_custom_name, nexus_node) }}", ctx)
		if err != nil {
			return err
		}
		if out = strings.TrimSpace(out); out == "" || out == "None" {
			return &noName{diag.Errorf(file, 1, "%s gave no name for %s %s: the warehouse has no relation of an empty name, and dbt stops before running any node when it makes one's schema", f.macro, kind, name).WithHint("return a schema or alias from the macro for every node, or leave the node out of the selection (--exclude %s)", name)}
		}
		*f.field = out
	}
	return nil
}

// noName is nameWith's error for a macro that gave an empty name.
type noName struct{ err error }

func (e *noName) Error() string { return e.err.Error() }
func (e *noName) Unwrap() error { return e.err }

func (p *plan) markUnnamed(id string, err error) {
	if p.unnamed == nil {
		p.unnamed = map[string]error{}
	}
	p.unnamed[id] = err
}

// checkUnnamed is the error of the first selected node that its
// project's generate_schema_name or generate_alias_name gave no name: dbt
// creates the schemas of the nodes a command runs before it runs any, and
// an empty name fails there, stopping the command; a node left out of the
// selection stops nothing.
func (p *plan) checkUnnamed(sel map[string]bool) error {
	ids := make([]string, 0, len(p.unnamed))
	for id := range p.unnamed {
		if sel[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	return p.unnamed[ids[0]]
}

// aliasOr is a node's relation name: its alias, else its name.
func aliasOr(alias, name string) string {
	if alias != "" {
		return alias
	}
	return name
}

// seedRelation is where a seed loads: its schema and alias.
func seedRelation(s *project.Seed) jinja.Relation {
	return jinja.Relation{Schema: schemaOf(s.Config), Name: aliasOr(s.Config.Alias, s.Name)}
}

// schemaOf is where a node lands: its +schema as is, else main.
func schemaOf(c project.Config) string {
	if c.Schema == "" {
		return "main"
	}
	return c.Schema
}

func nameOf(m *project.Model, c project.Config) string {
	if c.Alias != "" {
		return c.Alias
	}
	if m.VersionOf != "" {
		// dbt's default alias of a version, whatever file defines it.
		return m.VersionOf + "_v" + strings.ReplaceAll(fmt.Sprint(m.Version), ".", "_")
	}
	return m.Name
}

// relation is where model name lands after its own config.
func (p *plan) relation(name string) jinja.Relation {
	m := p.models[name]
	c := p.configs[name]
	if c.Materialized == "ephemeral" {
		// dbt names the CTE by the model's identifier: its alias, or name
		return jinja.Relation{Schema: "temp", Name: "__dbt__cte__" + nameOf(m, c)}
	}
	return jinja.Relation{Schema: schemaOf(c), Name: nameOf(m, c)}
}

// viewModels are the relations (SQLite schema.name, sorted) of the models
// materialized as views, which the playground stores as tables.
func (p *plan) viewModels() []string {
	var out []string
	for name := range p.models {
		if p.configs[name].Materialized == "view" {
			rel := p.relation(name)
			out = append(out, relKey(rel.Schema, rel.Name))
		}
	}
	sort.Strings(out)
	return out
}

// modelRelations are the relations (relKey) of the project's models.
func (p *plan) modelRelations() map[string]bool {
	out := map[string]bool{}
	for name := range p.models {
		rel := p.relation(name)
		out[relKey(rel.Schema, rel.Name)] = true
	}
	return out
}

// refRelation is what ref(name) renders: a model's relation, or a seed's.
func (p *plan) refRelation(name string) jinja.Relation {
	name = p.proj.VersionedName(name)
	if _, ok := p.models[name]; !ok {
		if s, ok := p.seeds[name]; ok {
			return seedRelation(s)
		}
		if s, ok := p.snapshots[name]; ok {
			return s.relation()
		}
	}
	return p.relation(name)
}

// parseNodes renders every model and singular test once with execute=false
// (dbt's parse) to collect refs, sources and config() calls.
func (p *plan) parseNodes() ([]*graph.Node, error) {
	var nodes []*graph.Node
	var firstErr error
	for _, s := range p.proj.Seeds {
		nodes = append(nodes, &graph.Node{ID: nodeID("seed", p.pkgOf(s.Package), s.Name), Kind: "seed", Name: s.Name,
			Package: p.pkgOf(s.Package), Path: s.Path, Tags: s.Config.Tags})
	}
	for key, s := range p.sources {
		n := &graph.Node{ID: "source." + key, Kind: "source", Name: s.decl.Table, SourceName: s.decl.SourceName,
			Package: p.pkgOf(s.decl.Package), Path: s.decl.File}
		n.DependsOn = append([]string(nil), s.seeds...)
		nodes = append(nodes, n)
	}
	if err := p.pickAlternates(); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(p.models))
	for n := range p.models {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		m := p.models[name]
		if !m.Config.Enabled {
			continue
		}
		cfg := m.Config.Clone()
		deps, err := p.collect(m.Path, m.SQL, &cfg, p.relation(name))
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if err := p.nameWith("model", m.Package, m.Name, m.Path, &cfg); err != nil {
			var none *noName
			if !errors.As(err, &none) {
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			p.markUnnamed(nodeID("model", p.pkgOf(m.Package), m.Name), none.err)
		}
		p.configs[name] = cfg
		if !p.proj.Uses(m.Package) {
			p.proj.CheckFileConfig(p.proj.WhereFile(m.Package, m.Path), m.SQL, cfg)
		}
		if !cfg.Enabled {
			// config(enabled=false) in the file: the model is not built.
			m.Config.Enabled = false
			continue
		}
		n := &graph.Node{ID: nodeID("model", p.pkgOf(m.Package), m.Name), Kind: "model", Name: m.Name,
			Package: p.pkgOf(m.Package), Path: m.Path, Tags: cfg.Tags, DependsOn: deps}
		if m.VersionOf != "" {
			n.VersionOf, n.Version = m.VersionOf, fmt.Sprint(m.Version)
		}
		nodes = append(nodes, n)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	for _, t := range p.proj.Tests {
		if !t.Config.Enabled {
			continue // enabled: false, in config: or beside the arguments
		}
		if t.Kind == "generic" {
			// A test whose macro fails to render here fails when it runs,
			// where the same render reports it; the project builds on.
			_ = p.definitionConfig(t)
			if !t.Config.Enabled {
				continue // config(enabled=false) in the test's macro
			}
		}
		n := &graph.Node{Kind: "test", Name: t.Name, Package: p.pkgOf(t.Package), Path: t.File, Tags: t.Config.Tags}
		n.ID = nodeID("test", n.Package, t.Name)
		switch t.Kind {
		case "singular":
		case "generic":
			n.TestName = t.Generic[strings.LastIndex(t.Generic, ".")+1:]
		default:
			n.TestName = t.Kind
		}
		if t.Kind == "singular" {
			cfg := t.Config.Clone()
			deps, err := p.collect(t.File, t.SQL, &cfg, jinja.Relation{})
			if err != nil {
				return nil, err
			}
			t.Config = cfg
			if !cfg.Enabled {
				continue // config(enabled=false) in the test's own file
			}
			n.Tags = cfg.Tags // config(tags=...) in the test's own file
			n.DependsOn = deps
		} else {
			dep, err := p.testTarget(t, t.Model)
			if w, ok := err.(*disabledTarget); ok {
				// As in dbt, a test of a disabled model is disabled too.
				p.proj.Warnings = append(p.proj.Warnings, w.Diagnostic)
				continue
			}
			if err != nil {
				return nil, err
			}
			n.DependsOn = []string{dep}
			// relationships' to:, and any generic test argument written as
			// ref() or source() (compare_model, to...), is a parent too.
			var others []string
			if to, ok := t.Args["to"].(string); ok && t.Kind == "relationships" {
				others = append(others, to)
			}
			if t.Kind == "generic" {
				others = append(others, relationArgs(t)...)
			}
			disabled := false
			for _, o := range others {
				to, err := p.testTarget(t, refName(o))
				if w, ok := err.(*disabledTarget); ok {
					p.proj.Warnings = append(p.proj.Warnings, w.Diagnostic)
					disabled = true
					break
				}
				if err != nil {
					return nil, err
				}
				n.DependsOn = append(n.DependsOn, to)
			}
			if disabled {
				continue
			}
		}
		if prev, dup := p.tests[n.ID]; dup {
			if sameTest(prev, t) {
				// dbt stops too: it could not tell the two apart
				return nil, diag.Errorf(t.File, t.Line, "two tests are named %s, here and at %s:%d", t.Name, prev.File, prev.Line).
					WithHint("give one a name of its own with `name:` in its entry, as dbt asks")
			}
			// dbt names both alike (their arguments differ only in
			// characters a name leaves out, or one `name:` is given to
			// both) and tells them apart by a hash of their arguments in
			// their unique_id; here the name is the key, made of a hash
			// of what it tests too: one `name:` given to tests of several
			// models is several tests in dbt
			name := fmt.Sprintf("%s_%x", t.Name, sha256.Sum256([]byte(fmt.Sprint(t.Model, t.Column, t.Args))))[:len(t.Name)+9]
			p.proj.Warnings = append(p.proj.Warnings, diag.Diagnostic{Severity: diag.Warning, File: t.File, Line: t.Line,
				Message: fmt.Sprintf("this test and the one at %s:%d are both named %s, as dbt names them; this one runs as %s", prev.File, prev.Line, t.Name, name),
				Hint:    "give it a name of its own with `name:` in its entry"})
			t.Name, n.Name = name, name
			n.ID = nodeID("test", n.Package, name)
		}
		p.tests[n.ID], p.testIDs[t] = t, n.ID
		nodes = append(nodes, n)
	}
	units, err := p.unitTestNodes()
	if err != nil {
		return nil, err
	}
	return append(nodes, units...), nil
}

// sameTest tells whether two tests of one name are one test twice: the
// same test of the same column with the same arguments.
func sameTest(a, b *project.Test) bool {
	return a.Kind == b.Kind && a.Generic == b.Generic && a.Model == b.Model && a.Column == b.Column && reflect.DeepEqual(a.Args, b.Args)
}

// relationArgs are a generic test's arguments written as a ref() or
// source() call, in argument order, within lists and dict values too: dbt
// renders them to relations (testArgExpr).
func relationArgs(t *project.Test) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if isRelationCall(x) {
				out = append(out, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, k := range sortedKeys(x) {
				walk(x[k])
			}
		}
	}
	for _, k := range sortedKeys(t.Args) {
		walk(t.Args[k])
	}
	return out
}

// isRelationCall reports whether a test argument is a ref() or source()
// call and nothing else.
func isRelationCall(s string) bool {
	s = strings.TrimSpace(s)
	return (strings.HasPrefix(s, "ref(") || strings.HasPrefix(s, "source(")) && strings.HasSuffix(s, ")") &&
		strings.Count(s, "(") == 1 && strings.Count(s, ")") == 1
}

// refName turns "ref('x')" (as yml writes relationships' to:) into x, and
// "ref('x', v=2)" (or version=2) into x.v2, the name of that version.
func refName(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "ref(") || strings.HasPrefix(s, "source(") {
		inner := s[strings.IndexByte(s, '(')+1 : strings.LastIndexByte(s, ')')]
		var parts []string
		version := ""
		for _, part := range strings.Split(inner, ",") {
			part = strings.TrimSpace(part)
			if k, v, ok := strings.Cut(part, "="); ok && plainName.MatchString(strings.TrimSpace(k)) {
				if k = strings.TrimSpace(k); k == "v" || k == "version" {
					version = strings.Trim(strings.TrimSpace(v), `'"`)
				}
				continue
			}
			parts = append(parts, strings.Trim(part, `'"`))
		}
		if len(parts) == 0 {
			return s
		}
		if strings.HasPrefix(s, "source(") && len(parts) == 2 {
			return "source:" + parts[0] + "." + parts[1]
		}
		if version != "" {
			return parts[len(parts)-1] + ".v" + version
		}
		return parts[len(parts)-1]
	}
	return s
}

func (p *plan) testTarget(t *project.Test, model string) (string, error) {
	if strings.HasPrefix(model, "source:") {
		key := strings.TrimPrefix(model, "source:")
		if _, ok := p.sources[key]; !ok {
			return "", diag.Errorf(t.File, t.Line, "test %s refers to unknown source %s", t.Name, key)
		}
		return "source." + key, nil
	}
	model = p.proj.VersionedName(model)
	m, ok := p.models[model]
	if !ok {
		// Seeds and snapshots are tested as models are.
		if s, ok := p.seeds[model]; ok {
			return nodeID("seed", p.pkgOf(s.Package), s.Name), nil
		}
		if s, ok := p.snapshots[model]; ok {
			return nodeID("snapshot", p.pkgOf(s.decl.Package), model), nil
		}
		return "", diag.Errorf(t.File, t.Line, "test %s is on model %q, which does not exist%s", t.Name, model, p.suggestModel(model)).
			WithHint("fix the model name under models: in %s", t.File)
	}
	if !m.Config.Enabled {
		return "", &disabledTarget{diag.Diagnostic{Severity: diag.Warning, File: t.File, Line: t.Line,
			Message: fmt.Sprintf("test %s is not run: model %q is disabled", t.Name, model)}}
	}
	return nodeID("model", p.pkgOf(m.Package), m.Name), nil
}

func (p *plan) suggestModel(name string) string {
	best, bestD := "", 1<<30
	names := make([]string, 0, len(p.models))
	for n := range p.models {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if d := graph.Distance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > (len(name)+2)/3 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// collect renders a file with execute=false and returns the node IDs it
// reads; config() calls update cfg.
func (p *plan) collect(file, src string, cfg *project.Config, this jinja.Relation) ([]string, error) {
	key := nodeKey(p.universeKey, file, src, this, *cfg)
	if hit, ok := p.memo.parse(key); ok && p.sameRefs(hit.refs) {
		*cfg = hit.cfg
		return hit.deps, nil
	}
	var deps []string
	refs := map[string]string{}
	// A ref() or source() nothing answers fails only an enabled node: dbt
	// resolves them after parsing, for the nodes config() left enabled.
	var missing error
	ctx := p.contextOf(file, src, cfg, this, false)
	ctx.Parsing = true
	ctx.Ref = func(pkg, name string, line int) (jinja.Relation, error) {
		id, err := p.refID(file, pkg, name, line)
		if err != nil {
			missing = cmp.Or(missing, err)
			return jinja.Relation{Name: name}, nil
		}
		deps = append(deps, id)
		rel := p.refRelation(name)
		refs[name] = rel.String()
		return rel, nil
	}
	ctx.Source = func(src, table string, line int) (jinja.Relation, error) {
		s, err := p.source(ctx.Package, file, src, table, line)
		if err != nil {
			missing = cmp.Or(missing, err)
			return jinja.Relation{Schema: src, Name: table}, nil
		}
		deps = append(deps, "source."+s.decl.Key)
		return s.rel, nil
	}
	// The resolver only does its work when executing; at parse time it
	// names the relation it will write.
	ctx.Funcs["nexus_resolve_components"] = func(args []any, _ map[string]any) (any, error) {
		if len(args) < 1 {
			return nil, fmt.Errorf("nexus_resolve_components(entity_type, identifiers, edges) takes 3 arguments")
		}
		return jinja.Relation{Schema: "temp", Name: "nexus_" + fmt.Sprint(args[0]) + "_components"}, nil
	}
	if _, err := p.env.Render(file, src, ctx); err != nil {
		return nil, cmp.Or(missing, err)
	}
	if missing != nil {
		if cfg.Enabled {
			return nil, missing
		}
		return nil, nil
	}
	p.memo.keepParse(key, parsedNode{deps: deps, cfg: *cfg, refs: refs})
	return deps, nil
}

// sameRefs tells whether ref() would give today what it gave when a
// memoized parse ran.
func (p *plan) sameRefs(refs map[string]string) bool {
	for name, rel := range refs {
		if p.refRelation(name).String() != rel {
			return false
		}
	}
	return true
}

func (p *plan) refID(file, pkg, name string, line int) (string, error) {
	name = p.proj.VersionedName(name)
	m, ok := p.models[name]
	if !ok || pkg != "" && pkg != p.pkgOf(m.Package) && !(m.Override && pkg == PackageName) {
		if s, ok := p.seeds[name]; ok {
			return nodeID("seed", p.pkgOf(s.Package), s.Name), nil
		}
		if s, ok := p.snapshots[name]; ok {
			return nodeID("snapshot", p.pkgOf(s.decl.Package), name), nil
		}
		if py, ok := p.proj.PythonModels[name]; ok {
			return "", diag.Errorf(file, line, "ref(%q): %s is a Python model (%s), which the playground does not run", name, name, py).
				WithHint("write it as a SQL model models/%s.sql, or load its rows as a seed seeds/%s.csv, which ref(%q) then reads", name, name, name)
		}
		return "", diag.Errorf(file, line, "ref(%q): no model named %q%s", name, name, p.suggestModel(name)).
			WithHint("create models/%s.sql or fix the name", name)
	}
	// A ref to a disabled model is an error only from an enabled node, and
	// whether the node is enabled is known once it has rendered:
	// checkDisabledRefs decides after parsing, as dbt does.
	return nodeID("model", p.pkgOf(m.Package), m.Name), nil
}

func (p *plan) source(pkg, file, src, table string, line int) (*sourceRef, error) {
	// a package's own declaration first, where two packages declare the
	// table (the root project's replaces both), as dbt's source() looks
	if s, ok := p.sources[src+"."+table+"@"+pkg]; ok && pkg != "" {
		return s, nil
	}
	s, ok := p.sources[src+"."+table]
	if !ok {
		var known []string
		for k := range p.sources {
			known = append(known, k)
		}
		sort.Strings(known)
		hint := "declare it in a .yml file under sources: (name: " + src + ", tables: - name: " + table + ")"
		return nil, diag.Errorf(file, line, "source(%q, %q) is not declared", src, table).WithHint("%s", hint)
	}
	return s, nil
}

// missingSource is the source table whose relation is table (as SQLite
// names it) when no seed gives its rows. what names the file it is read
// from, and line where that is set, when DuckDB reads it from one:
// dbt-duckdb's external_location, or the location dbt-external-tables
// stages it from; what is "" for a table the warehouse holds.
func (p *plan) missingSource(table string) (s *project.Source, what string, line int) {
	for _, key := range slices.Sorted(maps.Keys(p.sources)) {
		ref := p.sources[key]
		d := ref.decl
		if len(ref.seeds) > 0 || !strings.EqualFold(ref.rel.String(), table) && !strings.EqualFold(ref.rel.Schema+"."+ref.rel.Name, table) {
			continue
		}
		if p.dialect == dialect.DuckDB && d.ExternalLocation != "" {
			return d, "dbt-duckdb's external_location " + d.ExternalLocation, d.ExternalLine
		}
		if loc, ok := d.External["location"].(string); ok && loc != "" && p.dialect == dialect.DuckDB {
			return d, "dbt-external-tables' external location " + loc, d.Line
		}
		if s == nil {
			s = d
		}
	}
	return s, "", 0
}

// checkDisabledRefs rejects a ref() to a model that its own file disabled
// with config(enabled=false): that is only known once the file has
// rendered, after models sorted before it took the ref.
func (p *plan) checkDisabledRefs(nodes []*graph.Node) ([]*graph.Node, error) {
	kept := nodes[:0]
	for _, n := range nodes {
		disabled, kind, path, src := "", "", "", ""
		for _, d := range n.DependsOn {
			k, rest, _ := strings.Cut(d, ".")
			_, name, _ := strings.Cut(rest, ".")
			if m, ok := p.models[name]; ok && k == "model" && !m.Config.Enabled {
				disabled, kind, path, src = name, k, m.Path, m.SQL
				break
			}
			if s, ok := p.snapshots[name]; ok && k == "snapshot" && !s.cfg.Enabled {
				disabled, kind, path, src = name, k, s.decl.Path, s.decl.SQL
				break
			}
		}
		switch {
		case disabled == "":
		case n.Kind == "test":
			// As in dbt, a test of a disabled model is disabled too.
			p.proj.Warnings = append(p.proj.Warnings, diag.Diagnostic{Severity: diag.Warning, File: n.Path,
				Line: refLine(p.tests[n.ID].SQL, disabled), Message: fmt.Sprintf("test %s is not run: %s %q is disabled", n.Name, kind, disabled)})
			continue
		default:
			hint := fmt.Sprintf("%s sets config(enabled=false); enable it or remove the ref", path)
			if !strings.Contains(src, "enabled") {
				hint = fmt.Sprintf("%s is disabled by enabled: false in a properties file or dbt_project.yml; enable it or remove the ref", path)
			}
			return nil, diag.Errorf(n.Path, refLine(p.nodeSQL(n), disabled), "ref(%q): %s %q is disabled", disabled, kind, disabled).WithHint("%s", hint)
		}
		kept = append(kept, n)
	}
	return kept, nil
}

// nodeSQL is the source of a model, snapshot or analysis node.
func (p *plan) nodeSQL(n *graph.Node) string {
	switch n.Kind {
	case "model":
		if m := p.models[n.Name]; m != nil {
			return m.SQL
		}
	case "snapshot":
		if s := p.snapshots[n.Name]; s != nil {
			return s.decl.SQL
		}
	case "analysis":
		if a := p.analyses[n.Name]; a != nil {
			return a.SQL
		}
	}
	return ""
}

// refLine is the line of the first ref to name in src, 0 if not found.
func refLine(src, name string) int {
	for _, q := range []string{"'", `"`} {
		if i := strings.Index(src, q+name+q); i >= 0 {
			return strings.Count(src[:i], "\n") + 1
		}
	}
	return 0
}

// disabledModels lists models that are not built, by name, for selectors
// that name one.
func (p *plan) disabledModels() map[string]string {
	out := map[string]string{}
	for _, m := range slices.Concat(p.proj.Disabled, p.gaveWay) {
		out[m.Name] = p.proj.Where(m)
	}
	for _, m := range p.models {
		if !m.Config.Enabled {
			out[m.Name] = p.proj.Where(m)
		}
	}
	return out
}

// disabledTarget is the warning of a test whose model is disabled.
type disabledTarget struct{ diag.Diagnostic }

func (d *disabledTarget) Error() string { return d.Diagnostic.Error() }

// context is the template context of one file of the root project.
func (p *plan) context(file string, cfg *project.Config, this jinja.Relation, execute bool) *jinja.Context {
	return p.contextOf(file, "", cfg, this, execute)
}

// contextOf is the template context of one file with its source text,
// which tells the package it belongs to.
func (p *plan) contextOf(file, src string, cfg *project.Config, this jinja.Relation, execute bool) *jinja.Context {
	pkg := p.pkgOfFile[file+"\x00"+src]
	var g func() *jinja.Graph
	if execute {
		g = p.jinjaGraph
	}
	model := p.modelNode(file, pkg, cfg, this)
	if !execute && model != nil && model["batch"] == nil {
		// a microbatch model's batch while dbt parses it (its config()
		// may say so only now): no window yet; the node is made for
		// this render
		model["batch"] = noBatch()
	}
	// config.get reads the model's config from every level, as dbt's
	// model.config holds it
	modelConfig, _ := model["config"].(map[string]any)
	return &jinja.Context{
		Package:          pkg,
		GraphOf:          g,
		Vars:             p.proj.VarsFor(pkg),
		Target:           p.target,
		This:             this,
		SchemasAsWritten: p.schemasAsWritten(),
		Model:            model,
		ModelConfig:      modelConfig,
		Execute:          execute,
		Config: func(kw map[string]any) error {
			if cfg != nil {
				cfg.Apply(kw)
			}
			return nil
		},
		Funcs:      map[string]jinja.Func{"nexus_has_model": p.hasModel},
		SourceName: p.sourceName,
	}
}

// sourceTables are the source tables SQL may name by dbt's names, with
// the SQLite schema of the seed each reads (wildcards aside: the
// translator finds their tables; a source that reads no seed names a
// table as written, which dialect.Schemas resolves as any other, but one
// in another database than the target's: SQL naming it reads the schema
// where a run-operation would create it, and fails as a source the
// project does not ship, not as a database the playground does not
// build). Sorted, as the memo compares them.
func (p *plan) sourceTables() []dialect.SourceTable {
	if p.sourceTabs != nil {
		return p.sourceTabs
	}
	out := []dialect.SourceTable{}
	for _, k := range slices.Sorted(maps.Keys(p.sources)) {
		s := p.sources[k]
		if strings.HasSuffix(s.decl.Identifier, "*") || !strings.EqualFold(s.rel.Name, s.decl.Identifier) {
			continue
		}
		db, schema, ident := p.sourceName(s.decl.SourceName, s.decl.Table)
		if len(s.seeds) == 0 && strings.EqualFold(db, p.target.Database) {
			continue
		}
		out = append(out, dialect.SourceTable{Database: db, Schema: schema, Identifier: ident, SQLite: cmp.Or(s.rel.Schema, "main"),
			TargetDatabase: strings.EqualFold(db, p.target.Database)})
	}
	p.sourceTabs = out
	return out
}

// sourceName is the name dbt gives a source's table (jinja's SourceName).
func (p *plan) sourceName(src, table string) (database, schema, identifier string) {
	s := p.sources[src+"."+table]
	if s == nil {
		return "", "", ""
	}
	return cmp.Or(s.decl.Database, p.target.Database), s.decl.Schema, s.decl.Identifier
}

// modelNode is dbt's `model` while a model's file renders: its graph
// entry, with the config known so far; nil for other files.
func (p *plan) modelNode(file, pkg string, cfg *project.Config, this jinja.Relation) map[string]any {
	m := p.models[strings.TrimSuffix(path.Base(file), ".sql")]
	if m == nil || m.Path != file || m.Package != pkg || cfg == nil {
		return p.singularTestNode(file, pkg, cfg)
	}
	node := p.graphNode("model", m.Package, m.Name, m.Path, *cfg, this)
	node["unique_id"] = nodeID("model", p.pkgOf(m.Package), m.Name)
	node["raw_code"] = m.SQL
	node["language"] = "sql"
	return node
}

// singularTestNode is model in a singular test's context: the test's node
// (its name, package_name, resource_type test, config...), as dbt's test
// context has it when the test is parsed and run; nil for another file.
func (p *plan) singularTestNode(file, pkg string, cfg *project.Config) map[string]any {
	if cfg == nil {
		return nil
	}
	for _, t := range p.proj.Tests {
		if t.Kind != "singular" || t.File != file || t.Package != pkg {
			continue
		}
		node := p.graphNode("test", t.Package, t.Name, t.File, *cfg, testOwnRelation(t))
		node["unique_id"] = nodeID("test", p.pkgOf(t.Package), t.Name)
		node["schema"] = p.env.DBTSchema(p.target, nil, cmp.Or(cfg.Schema, "dbt_test__audit"))
		node["relation_name"] = nil
		node["raw_code"] = t.SQL
		node["language"] = "sql"
		return node
	}
	return nil
}

// hasModel is nexus_has_model(name): whether an enabled model of that name
// exists, so the package can union optional source models (a source with
// persons: true may have no <source>_person_traits).
func (p *plan) hasModel(args []any, _ map[string]any) (any, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("nexus_has_model(name) takes one argument")
	}
	m, ok := p.models[fmt.Sprint(args[0])]
	return ok && m.Config.Enabled, nil
}

// universe is the state every parse render may read (see memo).
func (p *plan) universe(macroKey string) string {
	vars, err := json.Marshal(p.proj.Vars)
	if err != nil {
		return ""
	}
	h := sha256.New()
	writeParts(h, macroKey, string(vars), p.proj.Name, fmt.Sprintf("%+v", p.target))
	for _, name := range slices.Sorted(maps.Keys(p.models)) {
		m := p.models[name]
		c, err := configText(m.Config)
		if err != nil {
			return ""
		}
		writeParts(h, "model", name, m.Package, m.Path, fmt.Sprint(m.Override), c)
	}
	for _, name := range slices.Sorted(maps.Keys(p.seeds)) {
		s := p.seeds[name]
		writeParts(h, "seed", name, s.Package, seedRelation(s).String())
	}
	for _, key := range slices.Sorted(maps.Keys(p.sources)) {
		s := p.sources[key]
		writeParts(h, append([]string{"source", key, s.rel.Schema, s.rel.Name}, s.seeds...)...)
	}
	return string(h.Sum(nil))
}

// shape is the state every execution render may read apart from the
// database: the universe and each model's relation and parsed config.
func (p *plan) shape() string {
	if p.universeKey == "" {
		return ""
	}
	h := sha256.New()
	writeParts(h, p.universeKey, p.snapshotKey)
	for _, name := range slices.Sorted(maps.Keys(p.configs)) {
		c, err := configText(p.configs[name])
		if err != nil {
			return ""
		}
		rel := p.relation(name)
		writeParts(h, name, rel.Schema, rel.Name, c)
	}
	return string(h.Sum(nil))
}

// pickAlternates chooses, among models of one name whose files set
// config(enabled=...) to an expression (project.Alternates), the one whose
// config() renders enabled, as dbt keeps the enabled node of a name; the
// others give way. Two enabled are an error naming both files.
func (p *plan) pickAlternates() error {
	for _, alt := range p.proj.Alternates {
		name := alt.Name
		cur := p.models[name]
		if cur == nil {
			continue
		}
		enabled := func(m *project.Model) bool {
			if !m.Config.Enabled {
				return false
			}
			p.models[name], p.configs[name] = m, m.Config
			cfg := m.Config.Clone()
			p.collect(m.Path, m.SQL, &cfg, p.relation(name)) // a failure shows when the model is collected
			return cfg.Enabled
		}
		curOn, altOn := enabled(cur), enabled(alt)
		keep, drop := cur, alt
		switch {
		case curOn && altOn:
			p.models[name], p.configs[name] = cur, cur.Config
			return project.DuplicateModel(p.proj.Where(alt), p.proj.Where(cur), name)
		case altOn:
			keep, drop = alt, cur
		}
		p.models[name], p.configs[name] = keep, keep.Config
		p.gaveWay = append(p.gaveWay, drop)
	}
	return nil
}
