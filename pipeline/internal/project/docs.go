package project

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Docs blocks ({% docs name %}...{% enddocs %} in .md files) only feed
// descriptions, which change no table; but dbt stops a project whose
// description calls doc('name') for a block no .md file defines, so the
// playground names each such call in a warning.

var (
	docsBlock = regexp.MustCompile(`\{%-?\s*docs\s+([A-Za-z_][A-Za-z0-9_]*)\s*-?%\}`)
	docCall   = regexp.MustCompile(`\bdoc\(\s*['"]([A-Za-z0-9_]+)['"]\s*(?:,\s*['"]([A-Za-z0-9_]+)['"]\s*)?\)`)
)

// docRef is a doc() call in a properties file.
type docRef struct {
	file, pkg, name string // pkg: the one named in doc('pkg', 'name'), else ""
	line            int
}

// loadDocs reads the docs blocks of a package's .md files: under its
// docs-paths when dbt_project.yml has them, else under every resource path.
func (p *Project) loadDocs(fsys fs.FS, l *layout, pkg string) error {
	var files []string
	if n := l.doc.Get("docs-paths"); n != nil && n.Kind == yamlx.List {
		for _, it := range n.Items {
			files = append(files, p.walk(fsys, strings.Trim(path.Clean(it.String()), "/"), ".md")...)
		}
	} else {
		var err error
		if files, err = p.resourceFiles(fsys, l, ".md"); err != nil {
			return err
		}
	}
	if p.docs == nil {
		p.docs = map[string]bool{}
	}
	name := p.pkgKey(pkg)
	for _, f := range files {
		data, _ := fs.ReadFile(fsys, f)
		for _, m := range docsBlock.FindAllStringSubmatch(string(data), -1) {
			p.docs[m[1]] = true
			p.docs[name+"."+m[1]] = true
		}
	}
	return nil
}

// readDocRefs notes the doc() calls of a properties file, outside YAML
// comments.
func (p *Project) readDocRefs(file string, data []byte, pkg string) {
	if p.usedBuiltin[pkg] {
		return
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, m := range docCall.FindAllStringSubmatch(line, -1) {
			r := docRef{file: p.WhereFile(pkg, file), name: m[1], line: i + 1}
			if m[2] != "" {
				r.pkg, r.name = m[1], m[2]
			}
			p.docRefs = append(p.docRefs, r)
		}
	}
}

// checkDocRefs warns about each doc() call naming no docs block.
func (p *Project) checkDocRefs() {
	for _, r := range p.docRefs {
		key := r.name
		if r.pkg != "" {
			key = r.pkg + "." + r.name
		}
		if !p.docs[key] {
			p.warn(r.file, r.line, fmt.Sprintf("doc(%q) names no docs block: dbt stops the project on it", key),
				fmt.Sprintf("define it in a .md file under the models folder: {%% docs %s %%}...{%% enddocs %%}", r.name))
		}
	}
}
