package project

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
)

// Custom generic tests, as dbt has them: `{% test name(model, column_name,
// ...) %}` blocks in macro files or under a test path's generic/ folder
// are macros named test_<name>, as is any macro so named; a properties file that lists `name` (or
// `pkg.name`) under tests: calls it with the node's relation as model, the
// column as column_name and the test's arguments, and its rows are the
// failures.

var (
	testOpen  = regexp.MustCompile(`\{%(-?)\s*test\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
	testClose = regexp.MustCompile(`\{%(-?)\s*endtest\s*(-?)%\}`)
	// macroOpen finds the macros a file defines (macros: properties name
	// them).
	macroOpen = regexp.MustCompile(`\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
)

// macroFile reads a macro file: its test blocks become test_<name> macros
// (same lines, so errors point into the file), and the generic tests and
// macros it defines are noted.
func (p *Project) macroFile(path, pkg, src string) jinja.MacroFile {
	e := p.cache.macro(path, pkg, src)
	for _, name := range e.generic {
		if p.generic == nil {
			p.generic = map[string]bool{}
		}
		p.generic[pkg+"."+name] = true
	}
	for _, name := range e.macros {
		if p.macroNames == nil {
			p.macroNames = map[string]bool{}
		}
		p.macroNames[pkg+"."+name] = true
	}
	return e.file
}

// readMacroFile is what a macro file alone gives: its text with test
// blocks as macros, and the names of the tests and macros it defines.
func readMacroFile(path, pkg, src string) macroEntry {
	e := macroEntry{src: src, pkg: pkg}
	for _, m := range testOpen.FindAllStringSubmatch(src, -1) {
		e.generic = append(e.generic, m[2])
	}
	src = testOpen.ReplaceAllString(src, "{%${1} macro test_${2}(")
	src = testClose.ReplaceAllString(src, "{%${1} endmacro ${2}%}")
	src, _ = materializationMacros(src)
	src = macroBlocks(src)
	for _, m := range macroOpen.FindAllStringSubmatch(src, -1) {
		e.macros = append(e.macros, m[1])
		// dbt finds a generic test as the macro test_<name>, so a macro
		// written so (`{% macro test_not_null_proportion(model) %}`, as
		// before test blocks) is one too.
		if name, ok := strings.CutPrefix(m[1], "test_"); ok && name != "" && !slices.Contains(e.generic, name) {
			e.generic = append(e.generic, name)
		}
	}
	e.file = jinja.MacroFile{Path: path, Namespace: pkg, Source: src}
	return e
}

// genericTest finds the macro a test kind names: `name` in the package of
// the properties file, the root project, then any package; or `pkg.name`. call is how a
// template calls it ("" when no generic test has that name).
func (p *Project) genericTest(kind, pkg string) (call, owner string) {
	if ns, name, ok := strings.Cut(kind, "."); ok {
		owner := ns
		if ns == p.Name {
			owner = ""
		}
		if p.generic[owner+"."+name] {
			return ns + ".test_" + name, owner
		}
		return "", ""
	}
	for _, owner := range []string{pkg, ""} {
		if p.generic[owner+"."+kind] {
			return "test_" + kind, owner
		}
	}
	// As dbt, a bare name also finds another package's generic test.
	var owners []string
	for key := range p.generic {
		if owner, name, _ := strings.Cut(key, "."); name == kind {
			owners = append(owners, owner)
		}
	}
	if len(owners) > 0 {
		sort.Strings(owners)
		return owners[0] + ".test_" + kind, owners[0]
	}
	return "", ""
}

// isGenericPath reports whether a file under a test path holds generic
// tests (tests/generic/...) rather than a singular test.
func isGenericPath(testPath, file string) bool {
	rel := strings.TrimPrefix(strings.TrimPrefix(file, testPath), "/")
	return strings.HasPrefix(rel, "generic/")
}

// ApplyDefinitionConfig applies a config() call that a generic test's
// macro makes as it renders, as dbt ranks it: below the test's own
// properties entry, above dbt_project.yml. So a key the entry sets keeps
// its value; tags add up, as they do at every level.
func (t *Test) ApplyDefinitionConfig(kwargs map[string]any) {
	for _, k := range slices.Sorted(maps.Keys(kwargs)) {
		if _, set := t.configAt[k]; set && k != "tags" {
			continue
		}
		t.Config.Set(k, kwargs[k])
	}
}

// TestMacro is the package and the name of the macro a generic test runs,
// as dbt's graph names it (macro.<package>.<name>): dbt's own for unique,
// not_null, accepted_values and relationships.
func (p *Project) TestMacro(t *Test) (pkg, name string) {
	if t.Kind != "generic" {
		return "dbt", "test_" + t.Kind
	}
	if ns, name, ok := strings.Cut(t.Generic, "."); ok {
		return ns, name
	}
	_, owner := p.genericTest(strings.TrimPrefix(t.Generic, "test_"), t.Package)
	return cmp.Or(owner, p.Name), t.Generic
}

// macroBlocks is what dbt reads of a macro file: its top-level
// {% macro %} ... {% endmacro %} blocks (test and materialization blocks
// are macros by now). dbt finds the blocks with its own scan and parses
// each alone, so text between them is never Jinja: a stray tag such as
// {% https://... %} is no error, and a top-level {% set %} defines
// nothing. The text between blocks keeps only its line
// breaks, so lines stay where they were. A file the scan cannot follow
// (an unclosed tag, comment or block) is kept whole, for the parser to
// report.
func macroBlocks(src string) string {
	if !strings.Contains(src, "{%") && !strings.Contains(src, "{{") {
		return src
	}
	var b strings.Builder
	last, start := 0, -1 // end of the last block written; start of the open one
	outside := func(text string) {
		b.WriteString(strings.Repeat("\n", strings.Count(text, "\n")))
	}
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '{')
		if j < 0 || i+j+1 >= len(src) {
			break
		}
		at := i + j
		switch src[at+1] {
		case '#':
			end := strings.Index(src[at+2:], "#}")
			if end < 0 {
				return src
			}
			i = at + 2 + end + 2
		case '{':
			end := tagEnd(src, at+2, "}}")
			if end < 0 {
				return src
			}
			i = end
		case '%':
			end := tagEnd(src, at+2, "%}")
			if end < 0 {
				return src
			}
			name := tagName(src[at+2 : end-2])
			i = end
			switch {
			case name == "raw":
				close := rawClose.FindStringIndex(src[end:])
				if close == nil {
					return src
				}
				i = end + close[1]
			case name == "macro" && start < 0:
				outside(src[last:at])
				start = at
			case name == "endmacro" && start >= 0:
				b.WriteString(src[start:end])
				last, start = end, -1
			}
		default:
			i = at + 1
		}
	}
	if start >= 0 {
		return src
	}
	outside(src[last:])
	return b.String()
}

var rawClose = regexp.MustCompile(`\{%[-+]?\s*endraw\s*[-+]?%\}`)

// tagEnd is the index just past the close that ends a tag whose body
// starts at from, skipping quoted strings, or -1 when it never closes.
func tagEnd(src string, from int, close string) int {
	for i := from; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\'' || c == '"':
			i++
			for i < len(src) && src[i] != c {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			if i >= len(src) {
				return -1
			}
		case strings.HasPrefix(src[i:], close):
			return i + len(close)
		}
	}
	return -1
}

// tagName is the first word of a tag's body ("macro" in "- macro x() -").
func tagName(body string) string {
	body = strings.TrimLeft(body, "-+ \t\r\n")
	n := 0
	for n < len(body) && (body[n] == '_' || body[n] >= 'a' && body[n] <= 'z' || body[n] >= 'A' && body[n] <= 'Z' || n > 0 && body[n] >= '0' && body[n] <= '9') {
		n++
	}
	return body[:n]
}
