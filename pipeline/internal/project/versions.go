package project

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// versionEntry is the properties of one version of a versioned model, as
// dbt reads them: its columns are the model's top-level columns its
// include: and exclude: keep (all of them without one), followed by the
// columns the version declares itself, a version's column taking the
// place of the top-level column of its name; its description is its own,
// else the model's. The tests are the model's and the version's own.
func versionEntry(model, ver *yamlx.Node) *yamlx.Node {
	base := model.Get("columns")
	own := ver.Get("columns")
	var keep func(name string) bool = func(string) bool { return true }
	var declared []*yamlx.Node
	if own != nil && own.Kind == yamlx.List {
		for _, c := range own.Items {
			if c.Get("include") == nil && c.Get("exclude") == nil {
				declared = append(declared, c)
				continue
			}
			include, exclude := nameSet(c.Get("include")), nameSet(c.Get("exclude"))
			keep = func(name string) bool {
				name = strings.ToLower(name)
				return (include == nil || include[name]) && !exclude[name]
			}
		}
	}
	byName := map[string]*yamlx.Node{}
	for _, c := range declared {
		byName[strings.ToLower(c.Get("name").String())] = c
	}
	cols := &yamlx.Node{Kind: yamlx.List, Line: ver.Line}
	if base != nil && base.Kind == yamlx.List {
		for _, c := range base.Items {
			name := strings.ToLower(c.Get("name").String())
			switch {
			case byName[name] != nil:
				cols.Items = append(cols.Items, byName[name])
				delete(byName, name)
			case keep(name):
				cols.Items = append(cols.Items, c)
			}
		}
	}
	for _, c := range declared {
		if byName[strings.ToLower(c.Get("name").String())] != nil {
			cols.Items = append(cols.Items, c)
		}
	}
	entry := &yamlx.Node{Kind: yamlx.Map, Line: ver.Line}
	set := func(key string, v *yamlx.Node) {
		if v != nil {
			entry.Keys, entry.Vals = append(entry.Keys, key), append(entry.Vals, v)
		}
	}
	set("columns", cols)
	if d := ver.Get("description"); d != nil {
		set("description", d)
	} else {
		set("description", model.Get("description"))
	}
	for _, key := range []string{"tests", "data_tests"} {
		tests := &yamlx.Node{Kind: yamlx.List, Line: ver.Line}
		for _, from := range []*yamlx.Node{model.Get(key), ver.Get(key)} {
			if from != nil && from.Kind == yamlx.List {
				tests.Items = append(tests.Items, from.Items...)
			}
		}
		if len(tests.Items) > 0 {
			set(key, tests)
		}
	}
	return entry
}

// nameSet is include: or exclude: of a version's columns as a set of
// lower-case names; nil for all ("all" or "*") or none written.
func nameSet(n *yamlx.Node) map[string]bool {
	switch {
	case n == nil:
		return nil
	case n.Kind == yamlx.List:
		set := map[string]bool{}
		for _, it := range n.Items {
			set[strings.ToLower(it.String())] = true
		}
		return set
	case n.String() == "all" || n.String() == "*":
		return nil
	}
	return map[string]bool{strings.ToLower(n.String()): true}
}
