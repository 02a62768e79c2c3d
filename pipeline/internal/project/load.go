package project

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Load reads the root project from root and merges in its packages: the
// ones packages.yml and dependencies.yml name (local: folders and what
// `dbt deps` left in dbt_packages), and of pkgs, those that are not
// Builtin, or Builtin ones the project asks for and does not ship itself.
// vars override the project's vars (dbt's --vars).
func Load(root fs.FS, vars map[string]any, pkgs ...Package) (*Project, error) {
	return (*Cache)(nil).Load(root, vars, pkgs...)
}

// Load is Load taking what c kept of each file that did not change since
// the last load through c, and keeping this load's for the next.
func (c *Cache) Load(root fs.FS, vars map[string]any, pkgs ...Package) (*Project, error) {
	return c.LoadTarget(root, vars, Choice{}, pkgs...)
}

// Choice picks the output of the project's profile, as dbt's --target does
// ("" is the profile's `target:`), and, when Type is set, the warehouse it
// is read as (the playground's --dialect), which {{ target.type }} in YAML
// (test arguments, configs) sees, as the models do.
type Choice struct{ Target, Type string }

// LoadTarget is Load for the output and warehouse of choice.
func (c *Cache) LoadTarget(root fs.FS, vars map[string]any, choice Choice, pkgs ...Package) (*Project, error) {
	c.begin()
	p, err := load(c, root, vars, choice, pkgs)
	if err == nil {
		c.end()
	}
	return p, err
}

func load(c *Cache, root fs.FS, vars map[string]any, choice Choice, pkgs []Package) (*Project, error) {
	l, err := readLayout(root)
	if err != nil {
		return nil, err
	}
	p := &Project{Name: l.name, Files: root, config: l.doc, Vars: map[string]any{}, cache: c}
	p.ProjectVersions = map[string]string{l.name: versionOf(l.doc)}
	// an empty vars: (null) has none, as dbt reads it
	if v := l.doc.Get("vars"); v != nil && !(v.Kind == yamlx.Scalar && v.Value == nil) {
		if v.Kind != yamlx.Map {
			return nil, diag.Errorf("dbt_project.yml", v.Line, "`vars` must be a mapping").WithHint("write vars: then one `name: value` per line")
		}
		for k, val := range v.Plain().(map[string]any) {
			p.Vars[k] = val
		}
	}
	p.rootVars = orderedVars(l.doc.Get("vars"))
	p.cliVars = vars
	for k, v := range vars {
		p.Vars[k] = v
	}
	p.cliVars = vars
	if p.Target, p.Warnings, err = readTarget(root, l.doc, choice.Target); err != nil {
		return nil, err
	}
	p.Warnings = append(p.Warnings, l.doc.Warnings...)
	p.yamlType = choice.Type
	if p.Dispatch, err = readDispatch(l.doc); err != nil {
		return nil, err
	}
	p.Behavior = readBehavior(l.doc)
	if p.config, err = p.renderConfigTrees(l.doc, ""); err != nil {
		return nil, err
	}
	l.doc = p.config
	p.checkProjectFile("dbt_project.yml", p.config)
	var builtins []Package
	var loaded []found
	for _, pkg := range pkgs {
		if pkg.Builtin {
			if pkg.Layer != nil {
				pkg.Files = pkg.Layer(p.Vars)
			}
			builtins = append(builtins, pkg)
			continue
		}
		pl, err := readLayout(pkg.Files)
		if err != nil {
			return nil, fmt.Errorf("package %s: %w", pkg.Name, err)
		}
		loaded = append(loaded, found{name: pkg.Name, origin: pkg.Origin, files: pkg.Files, layout: pl})
	}
	p.builtin = map[string]Package{}
	for _, b := range builtins {
		p.builtin[b.Name] = b
	}
	declared, used, missing, err := resolvePackages(root, l, p.Vars, builtins)
	if err != nil {
		return nil, err
	}
	for _, m := range missing {
		p.Warnings = append(p.Warnings, m.warning)
		p.Missing = append(p.Missing, m.warning)
		p.MissingPackages = append(p.MissingPackages, m.name)
	}
	p.Packages = used
	p.pkgVars = map[string]map[string]any{}
	p.usedBuiltin = map[string]bool{}
	// The engine's own packages load first: a package's properties may
	// use their generic tests (dbt_utils.accepted_range), which dbt knows
	// before it reads any properties file.
	all := append(loaded, declared...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].builtin && !all[j].builtin })
	for _, f := range all {
		p.usedBuiltin[f.name] = f.builtin
		p.ProjectVersions[f.name] = versionOf(f.layout.doc)
		p.pkgVars[f.name] = orderedVars(f.layout.doc.Get("vars"))
		if f.layout.doc, err = p.renderConfigTrees(f.layout.doc, f.name); err != nil {
			return nil, err
		}
		if !f.builtin {
			if p.pkgDocs == nil {
				p.pkgDocs = map[string]*yamlx.Node{}
			}
			p.pkgDocs[f.name] = f.layout.doc
			// A package's own dbt_project.yml is checked as the root's is.
			p.checkProjectFile(p.WhereFile(f.name, "dbt_project.yml"), f.layout.doc)
		}
		if err := p.loadFiles(f.files, f.layout, f.name); err != nil {
			return nil, err
		}
	}
	// As dbt, properties files are read once every package's macros are
	// known: a package's tests may use the generic tests of a package it
	// depends on (dbt_utils.unique_combination_of_columns), whichever loads
	// first.
	for _, f := range all {
		if err := p.loadProperties(f.files, f.layout, f.name); err != nil {
			return nil, err
		}
	}
	if err := p.loadFiles(root, l, ""); err != nil {
		return nil, err
	}
	if err := p.loadProperties(root, l, ""); err != nil {
		return nil, err
	}
	if err := p.resolveOverrides(); err != nil {
		return nil, err
	}
	p.dropDisabledSeeds()
	p.checkDocRefs()
	return p, nil
}

// pkgKey is the name a config tree uses for a package ("" = root).
func (p *Project) pkgKey(pkg string) string {
	if pkg == "" {
		return p.Name
	}
	return pkg
}

func (p *Project) loadFiles(fsys fs.FS, l *layout, pkg string) error {
	key := p.pkgKey(pkg)
	// configure applies the `models:` or `seeds:` tree of the package's own
	// dbt_project.yml, then the root project's, which overrides it.
	configure := func(section string, folders []string, name string, c *Config) {
		if pkg != "" {
			applyTree(c, l.doc.Get(section), key, folders, name)
		}
		applyTree(c, p.config.Get(section), key, folders, name)
	}
	for _, mp := range l.macroPaths {
		for _, f := range p.walk(fsys, mp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			p.Macros = append(p.Macros, p.macroFile(f, pkg, string(data)))
		}
	}
	for _, mp := range l.modelPaths {
		if !p.usedBuiltin[pkg] {
			for _, f := range p.walk(fsys, mp, ".py") {
				p.warn(p.WhereFile(pkg, f), 1, fmt.Sprintf("Python model %s is not run by the playground: it is left out of the build", baseName(f)), "write it as a SQL model to build it here")
				if p.PythonModels == nil {
					p.PythonModels = map[string]string{}
				}
				if _, seen := p.PythonModels[baseName(f)]; !seen {
					p.PythonModels[baseName(f)] = p.WhereFile(pkg, f)
				}
			}
		}
		for _, f := range p.walk(fsys, mp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			name := baseName(f)
			c := defaultConfig("view")
			configure("models", folders(mp, f), name, &c)
			p.Models = append(p.Models, &Model{Name: name, Package: pkg, Path: f, SQL: string(data), Config: c})
		}
	}
	if err := p.loadSnapshots(fsys, l.doc, pkg); err != nil {
		return err
	}
	if err := p.loadAnalyses(fsys, l.doc, pkg); err != nil {
		return err
	}
	for _, sp := range l.seedPaths {
		for _, f := range p.walk(fsys, sp, ".csv") {
			data, _ := fs.ReadFile(fsys, f)
			name := baseName(f)
			c := defaultConfig("seed")
			configure("seeds", folders(sp, f), name, &c)
			p.Seeds = append(p.Seeds, &Seed{Name: name, Package: pkg, Path: f, Data: data, Config: c})
		}
	}
	if pkg == "" {
		p.testPaths, p.fixtureFS = l.testPaths, fsys
	}
	for _, tp := range l.testPaths {
		for _, f := range p.walk(fsys, tp, ".sql") {
			if isFixturePath(tp, f) {
				continue // a unit test's fixture
			}
			data, _ := fs.ReadFile(fsys, f)
			if isGenericPath(tp, f) {
				p.Macros = append(p.Macros, p.macroFile(f, pkg, string(data)))
				continue
			}
			for _, m := range testOpen.FindAllStringSubmatch(string(data), -1) {
				if p.strayGeneric == nil {
					p.strayGeneric = map[string]string{}
				}
				p.strayGeneric[pkg+"."+m[2]] = f
			}
			p.Tests = append(p.Tests, &Test{Name: baseName(f), Package: pkg, File: f, Line: 1, Kind: "singular", SQL: string(data), Config: p.testBase(pkg, f, baseName(f))})
		}
	}
	return nil
}

// loadProperties reads the properties files of a package (its models'
// columns, tests, sources...) and its docs blocks.
func (p *Project) loadProperties(fsys fs.FS, l *layout, pkg string) error {
	ymls, err := p.propertiesFiles(fsys, l)
	if err != nil {
		return err
	}
	for _, f := range ymls {
		data, _ := fs.ReadFile(fsys, f)
		if err := p.loadYML(f, data, pkg); err != nil {
			return err
		}
		p.readDocRefs(f, data, pkg)
	}
	return p.loadDocs(fsys, l, pkg)
}

// projectFiles are the root files that are not properties files, should a
// resource path be the project folder itself.
var projectFiles = keys("dbt_project.yml", "packages.yml", "dependencies.yml", "profiles.yml", "selectors.yml", "package-lock.yml")

// propertiesFiles lists the properties files (.yml, .yaml) of a package:
// dbt reads them under every resource path (models, seeds, snapshots,
// analyses, tests and macros), each file once.
func (p *Project) propertiesFiles(fsys fs.FS, l *layout) ([]string, error) {
	return p.resourceFiles(fsys, l, ".yml", ".yaml")
}

// resourceFiles lists the files of a package with one of exts under every
// resource path (models, seeds, snapshots, analyses, tests and macros),
// each file once, sorted.
func (p *Project) resourceFiles(fsys fs.FS, l *layout, exts ...string) ([]string, error) {
	snaps, err := snapshotPaths(l.doc)
	if err != nil {
		return nil, err
	}
	analyses, err := analysisPaths(l.doc)
	if err != nil {
		return nil, err
	}
	var dirs []string
	for _, d := range [][]string{l.modelPaths, l.seedPaths, snaps, analyses, l.testPaths, l.macroPaths} {
		dirs = append(dirs, d...)
	}
	seen := map[string]bool{}
	var out []string
	for _, dir := range dirs {
		for _, ext := range exts {
			for _, f := range p.walk(fsys, dir, ext) {
				if !seen[f] && !projectFiles[f] {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// folders lists the folders of file f below the resource path root.
func folders(root, f string) []string {
	rel := strings.TrimPrefix(path.Dir(f), root)
	rel = strings.Trim(rel, "/")
	if rel == "" || rel == "." {
		return nil
	}
	return strings.Split(rel, "/")
}

// resolveOverrides lets a root model replace the built-in package's model
// of the same name (the playground's way to edit a nexus model) and, as in
// dbt, rejects two enabled models of one name anywhere else. A disabled
// model gives way to the enabled one.
func (p *Project) resolveOverrides() error {
	byName := map[string]*Model{}
	var kept []*Model
	replace := func(prev, m *Model) {
		for i, k := range kept {
			if k == prev {
				kept[i] = m
			}
		}
		byName[m.Name] = m
	}
	for _, m := range p.Models {
		prev, dup := byName[m.Name]
		if dup && disabledInFile.MatchString(m.SQL) {
			m.Config.Enabled = false
		}
		if dup && disabledInFile.MatchString(prev.SQL) {
			prev.Config.Enabled = false
		}
		switch {
		case !dup:
			byName[m.Name] = m
			kept = append(kept, m)
		case !m.Config.Enabled:
			p.Disabled = append(p.Disabled, m)
		case !prev.Config.Enabled:
			p.Disabled = append(p.Disabled, prev)
			replace(prev, m)
		case p.builtin[prev.Package].Builtin && m.Package == "":
			m.Override, m.Overrides = true, prev.Package+"/"+prev.Path
			// The override keeps the package model's configuration tree
			// position, so schema and tags stay what the package gave.
			cfg := prev.Config.Clone()
			own := defaultConfig("")
			applyTree(&own, p.config.Get("models"), p.Name, folders(firstSeg(m.Path), m.Path), m.Name)
			mergeConfig(&cfg, own)
			m.Config = cfg
			replace(prev, m)
		case enabledInFile.MatchString(m.SQL) || enabledInFile.MatchString(prev.SQL):
			p.Alternates = append(p.Alternates, m) // decided when rendered
		default:
			return DuplicateModel(p.Where(m), p.Where(prev), m.Name)
		}
	}
	p.Models = kept
	return nil
}

// dropDisabledSeeds leaves seeds with enabled: false out of the build, as
// dbt does: they load no table, and another seed may take their name.
func (p *Project) dropDisabledSeeds() {
	kept := p.Seeds[:0]
	for _, s := range p.Seeds {
		if s.Config.Enabled {
			kept = append(kept, s)
		}
	}
	p.Seeds = kept
}

// DuplicateModel is the error of two enabled models of one name.
func DuplicateModel(here, there, name string) error {
	return diag.Errorf(here, 1, "model %q is defined twice, here and in %s", name, there).
		WithHint("model names must be unique across the project and its packages: rename one, or disable one with enabled: false")
}

// enabledInFile finds config(..., enabled=...) in a model's text, whose
// value, an expression, is known once the file renders.
var enabledInFile = regexp.MustCompile(`(?s)\{\{-?\s*config\s*\(.*?\benabled\s*=`)

// disabledInFile finds {{ config(enabled=false) }} in a model's text, to
// tell which of two models of one name gives way before anything renders.
var disabledInFile = regexp.MustCompile(`\{\{-?\s*config\s*\([^)]*\benabled\s*=\s*(false|False)\b`)

// Where names a node's file for a message: a package's files under the
// folder the package came from.
func (p *Project) Where(m *Model) string { return p.WhereFile(m.Package, m.Path) }

// WhereFile names a file of package pkg ("" = the root project) for a
// message: under the folder the package came from.
func (p *Project) WhereFile(pkg, file string) string {
	if pkg == "" {
		return file
	}
	for _, u := range p.Packages {
		if u.Name == pkg {
			if strings.HasPrefix(u.Origin, "local: ") {
				return path.Join(strings.TrimPrefix(u.Origin, "local: "), file)
			}
			if !strings.Contains(u.Origin, " ") {
				return path.Join(u.Origin, file)
			}
		}
	}
	return pkg + ":" + file
}

func firstSeg(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// mergeConfig copies what own set explicitly onto c.
func mergeConfig(c *Config, own Config) {
	if own.Schema != "" {
		c.Schema = own.Schema
	}
	if own.Alias != "" {
		c.Alias = own.Alias
	}
	if own.Materialized != "" {
		c.Materialized = own.Materialized
	}
	for _, t := range own.Tags {
		if !contains(c.Tags, t) {
			c.Tags = append(c.Tags, t)
		}
	}
	sort.Strings(c.Tags)
	for k, v := range own.Extra {
		c.Set(k, v)
	}
}

// readBehavior reads the boolean flags: of dbt_project.yml.
func readBehavior(doc *yamlx.Node) map[string]bool {
	n := doc.Get("flags")
	if n == nil || n.Kind != yamlx.Map {
		return nil
	}
	out := map[string]bool{}
	for i, k := range n.Keys {
		if b, ok := n.Vals[i].Value.(bool); ok {
			out[k] = b
		}
	}
	return out
}

// readDispatch reads dispatch: [{macro_namespace, search_order}].
func readDispatch(doc *yamlx.Node) (map[string][]string, error) {
	n := doc.Get("dispatch")
	if n == nil || n.Kind == yamlx.Scalar && n.Value == nil {
		return nil, nil
	}
	hint := "write dispatch: [{macro_namespace: pkg, search_order: [my_project, pkg]}]"
	if n.Kind != yamlx.List {
		return nil, diag.Errorf("dbt_project.yml", n.Line, "`dispatch` must be a list").WithHint("%s", hint)
	}
	out := map[string][]string{}
	for _, it := range n.Items {
		ns, order := it.Get("macro_namespace").String(), it.Get("search_order")
		if ns == "" || order == nil || order.Kind != yamlx.List {
			return nil, diag.Errorf("dbt_project.yml", it.Line, "a dispatch entry needs macro_namespace: and a search_order: list").WithHint("%s", hint)
		}
		for _, o := range order.Items {
			out[ns] = append(out[ns], o.String())
		}
	}
	return out, nil
}

// VarsFor is what var() sees in a node of package pkg ("" = the root
// project), as dbt merges vars: the package's own dbt_project.yml vars,
// global then scoped to it (vars: {pkg: {...}}), then the root project's,
// global then scoped to the package, then --vars; later ones win.
func (p *Project) VarsFor(pkg string) map[string]any {
	if v, ok := p.varsFor[pkg]; ok {
		return v
	}
	name := p.pkgKey(pkg)
	out := map[string]any{}
	layer := func(vars map[string]any) {
		for k, v := range vars {
			out[k] = v
		}
		keys, scoped := scopedVars(vars[name])
		for _, k := range keys {
			out[k] = scoped[k]
		}
	}
	if pkg != "" {
		layer(p.pkgVars[pkg])
	}
	layer(p.rootVars)
	for k, v := range p.cliVars {
		out[k] = v
	}
	for k, v := range p.settled[pkg] {
		out[k] = v
	}
	if p.varsFor == nil {
		p.varsFor = map[string]map[string]any{}
	}
	p.varsFor[pkg] = out
	return out
}

// versionOf is a dbt_project.yml's version:, "" when it has none.
func versionOf(doc *yamlx.Node) string {
	if v := doc.Get("version"); v != nil && v.Value != nil {
		return v.String()
	}
	return ""
}
