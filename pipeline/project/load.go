package project

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/diag"
	"github.com/nexus-playground/nexus/pipeline/jinja"
	"github.com/nexus-playground/nexus/pipeline/yamlx"
)

// Load reads the root project from root and merges in the packages.
// vars override the project's vars (dbt's --vars).
func Load(root fs.FS, vars map[string]any, pkgs ...Package) (*Project, error) {
	l, err := readLayout(root)
	if err != nil {
		return nil, err
	}
	p := &Project{Name: l.name, Files: root, config: l.doc, Vars: map[string]any{}}
	if v := l.doc.Get("vars"); v != nil {
		if v.Kind != yamlx.Map {
			return nil, diag.Errorf("dbt_project.yml", v.Line, "`vars` must be a mapping").WithHint("write vars: then one `name: value` per line")
		}
		for k, val := range v.Plain().(map[string]any) {
			p.Vars[k] = val
		}
	}
	for k, v := range vars {
		p.Vars[k] = v
	}
	p.cliVars = vars
	if p.Target, p.Warnings, err = readTarget(root, l.doc); err != nil {
		return nil, err
	}
	for _, pkg := range pkgs {
		pl, err := readLayout(pkg.Files)
		if err != nil {
			return nil, fmt.Errorf("package %s: %w", pkg.Name, err)
		}
		if err := p.loadFiles(pkg.Files, pl, pkg.Name); err != nil {
			return nil, err
		}
	}
	if err := p.loadFiles(root, l, ""); err != nil {
		return nil, err
	}
	if err := p.resolveOverrides(); err != nil {
		return nil, err
	}
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
		for _, f := range walk(fsys, mp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			p.Macros = append(p.Macros, jinja.MacroFile{Path: f, Namespace: pkg, Source: string(data)})
		}
	}
	for _, mp := range l.modelPaths {
		for _, f := range walk(fsys, mp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			name := baseName(f)
			c := defaultConfig("view")
			configure("models", folders(mp, f), name, &c)
			p.Models = append(p.Models, &Model{Name: name, Package: pkg, Path: f, SQL: string(data), Config: c})
		}
	}
	for _, sp := range l.seedPaths {
		for _, f := range walk(fsys, sp, ".csv") {
			data, _ := fs.ReadFile(fsys, f)
			name := baseName(f)
			c := defaultConfig("seed")
			configure("seeds", folders(sp, f), name, &c)
			p.Seeds = append(p.Seeds, &Seed{Name: name, Package: pkg, Path: f, Data: data, Config: c})
		}
	}
	for _, tp := range l.testPaths {
		for _, f := range walk(fsys, tp, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			p.Tests = append(p.Tests, &Test{Name: baseName(f), Package: pkg, File: f, Line: 1, Kind: "singular", SQL: string(data), Config: defaultConfig("test")})
		}
	}
	var ymls []string
	for _, dir := range append(append([]string{}, l.modelPaths...), l.seedPaths...) {
		ymls = append(ymls, walk(fsys, dir, ".yml")...)
		ymls = append(ymls, walk(fsys, dir, ".yaml")...)
	}
	sort.Strings(ymls)
	for _, f := range ymls {
		data, _ := fs.ReadFile(fsys, f)
		if err := p.loadYML(f, data, pkg); err != nil {
			return err
		}
	}
	return nil
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

// resolveOverrides lets a root model replace the package model of the
// same name and rejects any other duplicate name.
func (p *Project) resolveOverrides() error {
	byName := map[string]*Model{}
	var kept []*Model
	for _, m := range p.Models {
		prev, dup := byName[m.Name]
		switch {
		case !dup:
			byName[m.Name] = m
			kept = append(kept, m)
		case prev.Package != "" && m.Package == "":
			m.Override, m.Overrides = true, prev.Package+"/"+prev.Path
			// The override keeps the package model's configuration tree
			// position, so schema and tags stay what the package gave.
			cfg := prev.Config.Clone()
			own := defaultConfig("")
			applyTree(&own, p.config.Get("models"), p.Name, folders(firstSeg(m.Path), m.Path), m.Name)
			mergeConfig(&cfg, own)
			m.Config = cfg
			for i, k := range kept {
				if k == prev {
					kept[i] = m
				}
			}
			byName[m.Name] = m
		default:
			return diag.Errorf(m.Path, 1, "model %q is defined twice, here and in %s", m.Name, prev.Path).WithHint("rename one of the files: model names must be unique")
		}
	}
	p.Models = kept
	return nil
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
