package project

import (
	"regexp"
	"strings"
)

// Custom materializations, as dbt has them: `{% materialization name,
// default %}` or `{% materialization name, adapter='bigquery' %}` blocks in
// macro files are macros named materialization_<name>_<adapter>. The
// playground does not run their statements; it loads them so the
// packages that define one load, and names them when a model asks for one.

var (
	materializationOpen  = regexp.MustCompile(`\{%(-?)\s*materialization\s+([A-Za-z_][A-Za-z0-9_]*)\s*,([^%]*?)(-?)%\}`)
	materializationClose = regexp.MustCompile(`\{%(-?)\s*endmaterialization\s*(-?)%\}`)
	materializationOn    = regexp.MustCompile(`adapter\s*=\s*['"]([A-Za-z0-9_]+)['"]`)
)

// materializationMacros rewrites a file's materialization blocks as
// macros (same lines, so errors point into the file) and gives their names.
func materializationMacros(src string) (string, []string) {
	if !strings.Contains(src, "materialization") {
		return src, nil
	}
	var names []string
	src = materializationOpen.ReplaceAllStringFunc(src, func(tag string) string {
		m := materializationOpen.FindStringSubmatch(tag)
		adapter := "default"
		if a := materializationOn.FindStringSubmatch(m[3]); a != nil {
			adapter = a[1]
		}
		name := "materialization_" + m[2] + "_" + adapter
		names = append(names, name)
		return "{%" + m[1] + " macro " + name + "() " + m[4] + "%}"
	})
	return materializationClose.ReplaceAllString(src, "{%${1} endmacro ${2}%}"), names
}

// CustomMaterialization finds the materialization a project or one of its
// packages defines under name, for adapter or for every adapter: the
// package ("" for the root project) and whether there is one.
func (p *Project) CustomMaterialization(name, adapter string) (string, bool) {
	for _, on := range []string{adapter, "default"} {
		macro := "materialization_" + name + "_" + on
		if p.macroNames["."+macro] {
			return "", true
		}
		for key := range p.macroNames {
			if pkg, n, _ := strings.Cut(key, "."); n == macro {
				return pkg, true
			}
		}
	}
	return "", false
}
