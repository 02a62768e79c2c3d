package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Package is a dbt package to load beside the root project.
type Package struct {
	Name  string
	Files fs.FS
	// Builtin marks a package the engine ships (the nexus package): it is
	// loaded only when the project asks for it (a packages.yml entry, or
	// one of AskVars in its vars) and ships no copy of its own.
	Builtin bool
	// AskVars are root vars whose presence asks for a built-in package.
	AskVars []string
	// Origin says where the package came from, for the build log.
	Origin string
	// Layer, when set, picks a built-in package's files from the project's
	// vars (the nexus package's c918759 or v0.13 entity layer); Files
	// otherwise.
	Layer func(vars map[string]any) fs.FS
	// Needs are the built-in packages that load with this one, as dbt deps
	// installs the real package's dependencies (dbt_expectations brings
	// dbt_date): a project may call their macros.
	Needs []string
	// Hub is the package's name on the dbt hub ("dbt-labs/dbt_utils"), for
	// the hint that says what to list in packages.yml.
	Hub string
}

// Used is a package a project loaded, for the build log.
type Used struct {
	Name   string
	Origin string // "local: ../", "dbt_packages/x", "the built-in package (...)"...
}

// LocalDir is a project folder on disk: an fs.FS that can also open a
// packages.yml `local:` path outside the folder (`local: ../`), as dbt
// does on the command line. A project from a link or an upload is a plain
// fs.FS, whose local packages must lie inside it.
type LocalDir string

// Open implements fs.FS.
func (d LocalDir) Open(name string) (fs.File, error) { return os.DirFS(string(d)).Open(name) }

// Work is the folder the command runs in when it is not the project's
// folder (`--project-dir dbt/` run from the repository's root), nil
// otherwise: dbt looks there for a profiles.yml and DuckDB for a relative
// path (read_csv('data/x.csv')) that the project folder lacks.
func (d LocalDir) Work() fs.FS {
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	dir, err := filepath.Abs(string(d))
	if err != nil || dir == wd {
		return nil
	}
	return os.DirFS(wd)
}

// WorkFS is root's Work folder (LocalDir.Work), nil for a project that is
// no folder on disk (a link or an upload) or that the command runs in.
func WorkFS(root fs.FS) fs.FS {
	if w, ok := root.(interface{ Work() fs.FS }); ok {
		return w.Work()
	}
	return nil
}

// Local opens a `local:` package path: relative to the project folder,
// or absolute, as dbt takes it.
func (d LocalDir) Local(rel string) (fs.FS, error) {
	dir := filepath.Join(string(d), filepath.FromSlash(rel))
	if filepath.IsAbs(rel) {
		dir = filepath.Clean(rel)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	return LocalDir(dir), nil
}

// builtinUtils are packages whose macros the engine provides itself
// (jinja's dbt_utils namespace), so a packages.yml entry for them needs no
// dbt_packages folder.
var builtinUtils = map[string]bool{"utils": true}

// dep is one entry of packages.yml or dependencies.yml.
type dep struct {
	file, spec string
	line       int
	local      string // the local: path
	guess      string // the name a hub or git entry installs as
	git        bool   // a git:, tarball: or private: entry, installed under its project's name
}

// readDeps reads the packages: list of packages.yml and dependencies.yml.
func readDeps(root fs.FS) ([]dep, error) {
	var out []dep
	for _, file := range []string{"packages.yml", "dependencies.yml"} {
		data, err := fs.ReadFile(root, file)
		if err != nil {
			continue
		}
		doc, err := yamlx.Parse(file, data)
		if err != nil {
			return nil, err
		}
		pk := doc.Get("packages")
		if pk == nil || pk.Kind == yamlx.Scalar && pk.Value == nil {
			continue
		}
		if pk.Kind != yamlx.List {
			return nil, diag.Errorf(file, pk.Line, "`packages` must be a list").WithHint("write `packages:` then `- local: path` or `- package: org/name` entries")
		}
		for _, it := range pk.Items {
			d := dep{file: file, line: it.Line}
			switch {
			case it.Get("local") != nil:
				d.local = it.Get("local").String()
				d.spec = "local: " + d.local
			case it.Get("package") != nil:
				d.spec = it.Get("package").String()
				d.guess = d.spec[strings.LastIndexByte(d.spec, '/')+1:]
			case it.Get("git") != nil:
				d.spec = it.Get("git").String()
				d.guess = strings.TrimSuffix(path.Base(strings.TrimSuffix(d.spec, "/")), ".git")
				d.git = true
			case it.Get("tarball") != nil:
				d.spec = it.Get("tarball").String()
				d.guess = it.Get("name").String()
				d.git = true
			case it.Get("private") != nil:
				d.spec = it.Get("private").String()
				d.guess = strings.TrimSuffix(path.Base(d.spec), ".git")
				d.git = true
			default:
				return nil, diag.Errorf(file, it.Line, "package entry without local:, package:, git: or tarball:").WithHint("write `- local: path/to/package` or `- package: org/name`")
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// pkgKeyOf normalises a package name for matching a hub or git entry to an
// installed folder: dbt-nexus, dbt_nexus and nexus are one package.
func pkgKeyOf(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "-", "_"))
	return strings.TrimPrefix(n, "dbt_")
}

// missingPackage is a package dbt deps would install that the project
// does not ship: the namespace its macros would have, and the warning.
type missingPackage struct {
	name    string
	warning diag.Diagnostic
}

type found struct {
	name, origin string
	files        fs.FS
	layout       *layout
	builtin      bool // the engine's own package
}

// resolvePackages lists the packages a project loads: its local: entries,
// every project dbt deps left in dbt_packages, and the built-in packages it
// asks for and does not ship. It returns them with notes for the build log.
func resolvePackages(root fs.FS, l *layout, vars map[string]any, builtins []Package) ([]found, []Used, []missingPackage, error) {
	deps, err := readDeps(root)
	if err != nil {
		return nil, nil, nil, err
	}
	var out []found
	have := map[string]bool{}
	add := func(f found) {
		if have[f.name] {
			return
		}
		have[f.name] = true
		out = append(out, f)
	}
	// A local package's own packages.yml adds its dependencies, as dbt
	// deps installs them: its local: paths relative to its folder, the
	// others from the root's install folder or the engine's.
	from := make([]fs.FS, len(deps))
	for i := range deps {
		from[i] = root
	}
	for i := 0; i < len(deps); i++ {
		d := deps[i]
		if d.local == "" {
			continue
		}
		fsys, err := openLocal(from[i], d.local)
		if err != nil {
			return nil, nil, nil, diag.Errorf(d.file, d.line, "package %s: %v", d.spec, err).WithHint("ship the package's folder with the project and point local: at it")
		}
		pl, err := readLayout(fsys)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("package %s (%s:%d): %w", d.spec, d.file, d.line, err)
		}
		if pl.name == l.name {
			if from[i] != root {
				continue // a package's dependency on the root project itself
			}
			return nil, nil, nil, diag.Errorf(d.file, d.line, "package %s is named %q like the root project", d.spec, pl.name).WithHint("a package needs a name of its own")
		}
		if have[pl.name] {
			continue
		}
		add(found{name: pl.name, origin: d.spec, files: fsys, layout: pl})
		own, err := readDeps(fsys)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("package %s: %w", d.spec, err)
		}
		for _, o := range own {
			o.file = pl.name + "/" + o.file
			deps, from = append(deps, o), append(from, fsys)
		}
	}
	installed, err := installedPackages(root, l.installPath)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, f := range installed {
		add(f)
	}
	byKey := map[string]bool{}
	for _, f := range out {
		byKey[pkgKeyOf(f.name)] = true
	}
	for _, f := range installed {
		byKey[pkgKeyOf(path.Base(f.origin))] = true
	}
	// dbt deps installs a git:, tarball: or private: entry in a folder
	// named after the package's own project name (dbt-data-reliability
	// installs as elementary), which the address does not tell: such an
	// entry is met by an installed package that no entry names.
	named := map[string]bool{}
	for _, d := range deps {
		if d.local == "" {
			named[pkgKeyOf(d.guess)] = true
		}
	}
	var unnamed []string
	for _, f := range installed {
		if !named[pkgKeyOf(f.name)] && !named[pkgKeyOf(path.Base(f.origin))] {
			unnamed = append(unnamed, f.name)
		}
	}
	var notes []Used
	var warnings []missingPackage
	missing := map[string]bool{}
	asked := map[string]bool{}
	for _, d := range deps {
		if d.local != "" {
			continue
		}
		key := pkgKeyOf(d.guess)
		switch {
		case byKey[key]:
		case d.git && len(unnamed) > 0:
			unnamed = unnamed[1:]
		case builtinNamed(builtins, key) != nil:
			asked[builtinNamed(builtins, key).Name] = true
		case builtinUtils[key]:
			notes = append(notes, Used{Name: "dbt_utils", Origin: "the engine's own dbt_utils macros (" + d.spec + " is not installed)"})
		default:
			// dbt stops here until dbt deps has run, which a playground
			// cannot do: the rest of the project builds, and what needs the
			// package says so where it fails.
			missing[key] = true
			warnings = append(warnings, missingPackage{d.guess, diag.Diagnostic{Severity: diag.Warning, File: d.file, Line: d.line,
				Message: fmt.Sprintf("package %s is not installed: there is no %s/%s, so calls to its macros fail and its tests are skipped", d.spec, l.installPath, d.guess),
				Hint:    fmt.Sprintf("run `dbt deps` and ship the %s folder with the project, or use `local:` with the package's folder", l.installPath)}})
		}
	}
	// An installed package's own dependencies: dbt deps installs them
	// beside it, and the engine's own package stands in for one it did
	// not leave there (snowplow_utils asks for dbt_utils).
	// A hub package it lists that is neither installed nor the engine's
	// is named in a warning, as its macros are undefined where the
	// package calls them.
	for _, f := range installed {
		own, err := readDeps(f.files)
		if err != nil {
			continue // its packages.yml is dbt's to read when it installs
		}
		for _, o := range own {
			key := pkgKeyOf(o.guess)
			if o.local != "" || byKey[key] {
				continue
			}
			if b := builtinNamed(builtins, key); b != nil {
				asked[b.Name] = true
			} else if !o.git && !builtinUtils[key] && !missing[key] {
				missing[key] = true
				warnings = append(warnings, missingPackage{o.guess, diag.Diagnostic{Severity: diag.Warning, File: path.Join(f.origin, o.file), Line: o.line,
					Message: fmt.Sprintf("package %s, which package %s depends on, is not installed: there is no %s/%s, so calls to its macros fail", o.spec, f.name, l.installPath, o.guess),
					Hint:    fmt.Sprintf("run `dbt deps`, which installs a package's dependencies beside it, and ship the %s folder with the project", l.installPath)}})
			}
		}
	}
	for _, b := range builtins {
		for _, v := range b.AskVars {
			if _, ok := vars[v]; ok {
				asked[b.Name] = true
			}
		}
	}
	for _, b := range builtins {
		if asked[b.Name] && !have[b.Name] {
			for _, n := range b.Needs {
				asked[n] = true
			}
		}
	}
	for _, b := range builtins {
		switch {
		case !asked[b.Name]:
		case have[b.Name]:
		case l.name == b.Name && shipsCore(root, l, b):
			notes = append(notes, Used{Name: b.Name, Origin: "the root project itself (its own models and macros; the built-in package is not used)"})
		default:
			bl, err := readLayout(b.Files)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("built-in package %s: %w", b.Name, err)
			}
			origin := b.Origin
			if origin == "" {
				origin = "the built-in package"
			}
			add(found{name: b.Name, origin: origin, files: b.Files, layout: bl, builtin: true})
		}
	}
	var used []Used
	for _, f := range out {
		used = append(used, Used{Name: f.name, Origin: f.origin})
	}
	return out, append(used, notes...), warnings, nil
}

func builtinNamed(builtins []Package, key string) *Package {
	for i := range builtins {
		if pkgKeyOf(builtins[i].Name) == key {
			return &builtins[i]
		}
	}
	return nil
}

// shipsCore tells whether a root project named like a built-in package is
// its own copy of it: it defines a model the built-in package defines.
func shipsCore(root fs.FS, l *layout, b Package) bool {
	bl, err := readLayout(b.Files)
	if err != nil {
		return false
	}
	core := map[string]bool{}
	for _, mp := range bl.modelPaths {
		for _, f := range walk(b.Files, mp, ".sql") {
			core[baseName(f)] = true
		}
	}
	for _, mp := range l.modelPaths {
		for _, f := range walk(root, mp, ".sql") {
			if core[baseName(f)] {
				return true
			}
		}
	}
	return false
}

// openLocal opens a local: package path: through LocalDir on disk, or
// inside the project's own files.
func openLocal(root fs.FS, rel string) (fs.FS, error) {
	if ld, ok := root.(interface{ Local(string) (fs.FS, error) }); ok {
		return ld.Local(rel)
	}
	clean := path.Clean(strings.TrimPrefix(rel, "./"))
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") {
		return nil, errors.New("the path leaves the project, and only the project's own files are here")
	}
	if clean == "." {
		return nil, errors.New("the path is the project itself")
	}
	if st, err := fs.Stat(root, clean); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("there is no folder %s in the project", clean)
	}
	return fs.Sub(root, clean)
}

// installedPackages lists the projects `dbt deps` left in the install
// folder, each under the name its dbt_project.yml gives, as dbt loads them.
func installedPackages(root fs.FS, dir string) ([]found, error) {
	entries, err := fs.ReadDir(root, dir)
	if err != nil {
		return nil, nil
	}
	var out []found
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		folder := path.Join(dir, e.Name())
		if _, err := fs.Stat(root, path.Join(folder, "dbt_project.yml")); err != nil {
			continue
		}
		sub, err := fs.Sub(root, folder)
		if err != nil {
			return nil, err
		}
		pl, err := readLayout(sub)
		if err != nil {
			return nil, fmt.Errorf("package in %s: %w", folder, err)
		}
		out = append(out, found{name: pl.name, origin: folder, files: sub, layout: pl})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].origin < out[j].origin })
	return out, nil
}

// PackagesLine says which packages a build uses, for the build log; "" when
// it uses none.
func (p *Project) PackagesLine() string {
	if len(p.Packages) == 0 {
		return ""
	}
	parts := make([]string, len(p.Packages))
	for i, u := range p.Packages {
		parts[i] = u.Name + " from " + u.Origin
	}
	return "Packages: " + strings.Join(parts, "; ") + "."
}

// Uses tells whether the built-in package of that name was loaded.
func (p *Project) Uses(builtin string) bool { return p.usedBuiltin[builtin] }
