package project

import (
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Cache keeps what a load made of each file, by its path and text, so
// that the next load of a session (the playground's next Run, after one
// file was edited) parses again only the files that changed. What it
// keeps is what a file alone gives (a macro file's rewritten text and the
// names it defines, a properties file's parsed tree), so a load from it
// is a fresh load. Entries a load did not use are dropped after it.
type Cache struct {
	macros     map[string]macroEntry // by package and path
	yaml       map[string]yamlEntry  // by package and path
	nextMacros map[string]macroEntry
	nextYAML   map[string]yamlEntry
}

type macroEntry struct {
	src, pkg string
	file     jinja.MacroFile
	// generic and macros are the test and macro names the file defines.
	generic, macros []string
}

type yamlEntry struct {
	data string
	doc  *yamlx.Node
	err  error
}

// begin and end bracket one load.
func (c *Cache) begin() {
	if c != nil {
		c.nextMacros, c.nextYAML = map[string]macroEntry{}, map[string]yamlEntry{}
	}
}

func (c *Cache) end() {
	if c != nil && c.nextMacros != nil {
		c.macros, c.yaml = c.nextMacros, c.nextYAML
		c.nextMacros, c.nextYAML = nil, nil
	}
}

// macro is macroFile's reading of src, from the cache when the file is
// the same.
func (c *Cache) macro(path, pkg, src string) macroEntry {
	key := pkg + "\x00" + path
	if c != nil && c.nextMacros != nil {
		if e, ok := c.macros[key]; ok && e.src == src {
			c.nextMacros[key] = e
			return e
		}
	}
	e := readMacroFile(path, pkg, src)
	if c != nil && c.nextMacros != nil {
		c.nextMacros[key] = e
	}
	return e
}

// parseYAML is yamlx.Parse, from the cache when the file is the same.
// Parsed trees are shared: nothing changes one after parsing (renderYAML
// copies what it renders).
func (c *Cache) parseYAML(file, pkg string, data []byte) (*yamlx.Node, error) {
	key := pkg + "\x00" + file
	if c != nil && c.nextYAML != nil {
		if e, ok := c.yaml[key]; ok && e.data == string(data) {
			c.nextYAML[key] = e
			return e.doc, e.err
		}
	}
	doc, err := yamlx.Parse(file, data)
	if c != nil && c.nextYAML != nil {
		c.nextYAML[key] = yamlEntry{data: string(data), doc: doc, err: err}
	}
	return doc, err
}

// walk is walk with what it looks at asked once a load: whether a map
// of files is plain (which looks at every file) and its names sorted, and
// the files under each folder of another file system (a load walks a
// folder for several kinds of file).
func (p *Project) walk(fsys fs.FS, root, ext string) []string {
	m, ok := fsys.(fstest.MapFS)
	if !ok {
		if !reflect.ValueOf(fsys).Comparable() {
			return walkDir(fsys, root, ext)
		}
		key := walkKey{fsys, root}
		all, done := p.walked[key]
		if !done {
			all = walkDir(fsys, root, "")
			if p.walked == nil {
				p.walked = map[walkKey][]string{}
			}
			p.walked[key] = all
		}
		var out []string
		for _, f := range all {
			if strings.HasSuffix(f, ext) {
				out = append(out, f)
			}
		}
		return out
	}
	id := reflect.ValueOf(m).Pointer()
	l, known := p.plainMaps[id]
	if !known {
		l.plain = plainMap(m)
		if l.plain {
			l.names = make([]string, 0, len(m))
			for name := range m {
				l.names = append(l.names, name)
			}
			sort.Strings(l.names)
		}
		if p.plainMaps == nil {
			p.plainMaps = map[uintptr]mapListing{}
		}
		p.plainMaps[id] = l
	}
	if !l.plain {
		return walkDir(fsys, root, ext)
	}
	if !fs.ValidPath(root) {
		return nil
	}
	var out []string
	for _, name := range l.names {
		if underRoot(name, root, ext) {
			out = append(out, name)
		}
	}
	return out
}

// mapListing is a map of files as walk sees it: whether its names can be
// filtered (plainMap), and its names sorted.
type mapListing struct {
	plain bool
	names []string
}

// underRoot tells whether walk lists name for root and ext.
func underRoot(name, root, ext string) bool {
	return strings.HasSuffix(name, ext) && (root == "." || name == root || strings.HasPrefix(name, root+"/"))
}

type walkKey struct {
	fsys fs.FS
	root string
}

// walk lists the files under root (a folder or a file) whose names end in
// ext, sorted, as fs.WalkDir finds them. A map of files (the page's
// projects) is filtered in place: walking it opens each folder by scanning
// every file, for each folder.
func walk(fsys fs.FS, root, ext string) []string {
	if m, ok := fsys.(fstest.MapFS); ok && plainMap(m) {
		return filterMap(m, root, ext)
	}
	return walkDir(fsys, root, ext)
}

func filterMap(m fstest.MapFS, root, ext string) []string {
	if !fs.ValidPath(root) {
		return nil
	}
	var out []string
	for name := range m {
		if underRoot(name, root, ext) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func walkDir(fsys fs.FS, root, ext string) []string {
	var out []string
	fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(p, ext) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// plainMap tells whether every entry of m is a regular file at a valid
// path that no other entry lies under, so that filtering its names is
// what walking it finds.
func plainMap(m fstest.MapFS) bool {
	for name, f := range m {
		if !f.Mode.IsRegular() || !fs.ValidPath(name) || name == "." {
			return false
		}
		for dir := path.Dir(name); dir != "."; dir = path.Dir(dir) {
			if _, clash := m[dir]; clash {
				return false
			}
		}
	}
	return true
}
