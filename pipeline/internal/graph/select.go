package graph

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
)

// Select evaluates dbt selectors over the graph and returns the selected
// node IDs. Each element of include is one selector; selectors are unioned,
// and a selector made of comma-separated parts is their intersection. An
// empty include selects everything. Supported methods: a node name,
// source:NAME[.TABLE] (the source nodes and the models that read them),
// package:NAME, tag:NAME, path:PREFIX, resource_type:KIND,
// test_type:unit|data|generic|singular, test_name:PATTERN, and the graph
// operators +sel (with ancestors), sel+ (with descendants), @sel (with
// descendants and their ancestors).
func (g *Graph) Select(include, exclude []string) (map[string]bool, error) {
	sel, _, err := g.SelectWarn(include, exclude, false)
	return sel, err
}

// SelectWarn is Select, with a warning for each selector that matched
// nothing while others did, as dbt warns that a criterion "does not match
// any enabled nodes" and runs the rest (a CI script selecting a model a
// var left out); a selection that matches nothing at all is the error of
// its first such selector, which names the likely misspelling, but for
// one naming only disabled models, which selects nothing with a warning,
// as dbt's 'nothing to do'. With eager, a test goes with the selection
// when any model it checks is in it, as dbt's default indirect selection
// takes it (the test command, which builds nothing, so a test reads what
// earlier runs built, as in dbt); else when every one is (cautious: a
// build never tests a table it did not build).
func (g *Graph) SelectWarn(include, exclude []string, eager bool) (map[string]bool, []string, error) {
	sel := map[string]bool{}
	var warnings []string
	if len(splitAll(include)) == 0 {
		for id := range g.nodes {
			sel[id] = true
		}
	} else {
		missed, err := g.union(sel, include, false)
		if err != nil {
			return nil, nil, err
		}
		if len(missed) > 0 && len(sel) == 0 {
			// a misspelt name is an error; selecting only disabled models
			// runs nothing, with the warning dbt gives
			for _, m := range missed {
				var unknown *unknownNameError
				if errors.As(m, &unknown) {
					return nil, nil, m
				}
			}
		}
		for _, m := range missed {
			var disabled *disabledError
			if errors.As(m, &disabled) {
				warnings = append(warnings, "--select: "+m.Error())
				continue
			}
			warnings = append(warnings, "--select: "+m.Error()+"; the rest of the selection runs")
		}
	}
	excluded := map[string]bool{}
	missed, err := g.union(excluded, exclude, true)
	if err != nil {
		return nil, nil, err
	}
	for _, m := range missed {
		warnings = append(warnings, "--exclude: "+m.Error()+"; it leaves nothing out")
	}
	// A test of an excluded node is excluded too (dbt's eager indirect
	// selection: --exclude orders leaves out the tests on orders).
	for id, n := range g.nodes {
		if n.Kind != "test" && n.Kind != "unit_test" || excluded[id] {
			continue
		}
		for _, p := range n.DependsOn {
			if excluded[p] {
				excluded[id] = true
				break
			}
		}
	}
	for id := range excluded {
		delete(sel, id)
	}
	// A test goes with the models it checks when every one of them is
	// selected (dbt's "cautious" indirect selection), so a relationships
	// test never runs against a table this run did not build; a test
	// excluded by name stays out.
	if eager && len(splitAll(include)) > 0 {
		g.addTestsOfAny(sel, excluded)
	}
	g.addTests(sel, excluded)
	return sel, warnings, nil
}

// addTestsOfAny adds to sel the tests (data and unit) one of whose parents
// it holds, those of skip aside.
func (g *Graph) addTestsOfAny(sel, skip map[string]bool) {
	var add []string
	for id, n := range g.nodes {
		if n.Kind != "test" && n.Kind != "unit_test" || sel[id] || skip[id] {
			continue
		}
		for _, p := range n.DependsOn {
			if sel[p] {
				add = append(add, id)
				break
			}
		}
	}
	for _, id := range add {
		sel[id] = true
	}
}

// addTests adds to sel the tests (data and unit) whose parents it holds
// all, those of skip aside.
func (g *Graph) addTests(sel, skip map[string]bool) {
	for id, n := range g.nodes {
		if n.Kind != "test" && n.Kind != "unit_test" || sel[id] || skip[id] || len(n.DependsOn) == 0 {
			continue
		}
		all := true
		for _, p := range n.DependsOn {
			if !sel[p] {
				all = false
				break
			}
		}
		if all {
			sel[id] = true
		}
	}
}

// union adds to set the nodes every selector of args selects, and gives
// the errors of those that name no node, or only a disabled model (missed).
// An exclusion naming a disabled model leaves nothing out, with no word,
// as a project's CI excludes a model its vars may disable.
func (g *Graph) union(set map[string]bool, args []string, excluding bool) (missed []error, err error) {
	for _, s := range splitAll(args) {
		ids, err := g.evalIntersection(s)
		var disabled *disabledError
		var unknown *unknownNameError
		switch {
		case excluding && errors.As(err, &disabled):
			continue
		case errors.As(err, &disabled), errors.As(err, &unknown):
			missed = append(missed, err)
			continue
		case err != nil:
			return nil, err
		}
		for id := range ids {
			set[id] = true
		}
	}
	return missed, nil
}

// splitAll splits selector arguments on spaces, as dbt takes "a b" too.
func splitAll(args []string) []string {
	var out []string
	for _, a := range args {
		out = append(out, strings.Fields(a)...)
	}
	return out
}

func (g *Graph) evalIntersection(s string) (map[string]bool, error) {
	var acc map[string]bool
	parts := strings.Split(s, ",")
	for _, part := range parts {
		ids, err := g.eval(part)
		if err != nil {
			return nil, err
		}
		if len(parts) > 1 {
			// each part takes its tests first, as dbt's does:
			// model_name,test_type:unit is that model's unit tests
			g.addTests(ids, nil)
		}
		if acc == nil {
			acc = ids
			continue
		}
		for id := range acc {
			if !ids[id] {
				delete(acc, id)
			}
		}
	}
	return acc, nil
}

func (g *Graph) eval(s string) (map[string]bool, error) {
	at := strings.HasPrefix(s, "@")
	s = strings.TrimPrefix(s, "@")
	up := strings.HasPrefix(s, "+")
	s = strings.TrimPrefix(s, "+")
	down := strings.HasSuffix(s, "+")
	s = strings.TrimSuffix(s, "+")
	base, err := g.method(s)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for id := range base {
		out[id] = true
		if up {
			for a := range g.Ancestors(id) {
				out[a] = true
			}
		}
		if down || at {
			for d := range g.Descendants(id) {
				out[d] = true
				if at {
					for a := range g.Ancestors(d) {
						out[a] = true
					}
				}
			}
		}
	}
	return out, nil
}

func (g *Graph) method(s string) (map[string]bool, error) {
	out := map[string]bool{}
	method, value, hasMethod := strings.Cut(s, ":")
	if !hasMethod {
		// as dbt's default method: a selector with a slash is a path, one
		// ending in a node file's extension a file name, else a name
		method, value = "name", s
		switch {
		case strings.Contains(s, "/"):
			method = "path"
		case strings.HasSuffix(s, ".sql") || strings.HasSuffix(s, ".py") || strings.HasSuffix(s, ".csv"):
			method = "file"
		}
	}
	match := func(pred func(n *Node) bool) {
		for id, n := range g.nodes {
			if pred(n) {
				out[id] = true
			}
		}
	}
	switch method {
	case "name", "fqn":
		match(func(n *Node) bool {
			return n.Kind != "source" && (n.Name == value || n.VersionOf != "" && (n.VersionOf == value || n.VersionOf+".v"+n.Version == value))
		})
		// dbt's fqn method also takes the package, the folders and the
		// name, or the folders and the name without the package, a
		// selector naming a prefix of one of them: source is every node
		// in a folder source, of any package
		match(func(n *Node) bool {
			if n.Kind == "source" {
				return false
			}
			fqn := fqnOf(n)
			return fqnPrefix(fqn, value) || fqnPrefix(fqn[1:], value)
		})
		if file, ok := g.Disabled[value]; ok && len(out) == 0 {
			return nil, &disabledError{fmt.Sprintf("model %q is disabled (enabled: false for %s), so selecting it runs nothing", value, file)}
		}
		if len(out) == 0 {
			return nil, &unknownNameError{fmt.Sprintf("no node is named %q%s", value, g.suggest(value))}
		}
	case "source":
		src, table, _ := strings.Cut(value, ".")
		match(func(n *Node) bool {
			return n.Kind == "source" && n.SourceName == src && (table == "" || n.Name == table)
		})
		if len(out) == 0 {
			return nil, fmt.Errorf("no source is named %q (declare it under sources: in a .yml file)", value)
		}
		// dbt selects only the source node; running it does nothing, so
		// source:NAME also selects the models that read it directly.
		var readers []string
		for id := range out {
			for _, c := range g.children[id] {
				if g.nodes[c].Kind == "model" {
					readers = append(readers, c)
				}
			}
		}
		for _, c := range readers {
			out[c] = true
		}
	case "package":
		match(func(n *Node) bool { return n.Package == value })
	case "tag":
		match(func(n *Node) bool {
			for _, t := range n.Tags {
				if t == value {
					return true
				}
			}
			return false
		})
	case "path":
		p := strings.TrimSuffix(value, "/")
		match(func(n *Node) bool { return n.Path == p || strings.HasPrefix(n.Path, p+"/") })
	case "file":
		// dbt's file method: the file's name, or its name without the
		// extension, as a shell pattern
		if _, err := path.Match(value, ""); err != nil {
			return nil, fmt.Errorf("file:%s is not a valid pattern: %v", value, err)
		}
		match(func(n *Node) bool {
			base := path.Base(n.Path)
			ok1, _ := path.Match(value, base)
			ok2, _ := path.Match(value, strings.TrimSuffix(base, path.Ext(base)))
			return n.Kind != "source" && n.Path != "" && (ok1 || ok2)
		})
	case "resource_type":
		match(func(n *Node) bool { return n.Kind == value })
	case "test_type":
		// dbt's kinds: data is generic and singular tests together
		pred, ok := map[string]func(n *Node) bool{
			"unit":     func(n *Node) bool { return n.Kind == "unit_test" },
			"data":     func(n *Node) bool { return n.Kind == "test" },
			"generic":  func(n *Node) bool { return n.Kind == "test" && n.TestName != "" },
			"singular": func(n *Node) bool { return n.Kind == "test" && n.TestName == "" },
		}[value]
		if !ok {
			return nil, fmt.Errorf("test_type:%s is not known (use test_type:unit, data, generic or singular)", value)
		}
		match(pred)
	case "test_name":
		// the generic test's name, with shell wildcards as dbt's fnmatch
		if _, err := path.Match(value, ""); err != nil {
			return nil, fmt.Errorf("test_name:%s is not a valid pattern: %v", value, err)
		}
		match(func(n *Node) bool {
			ok, _ := path.Match(value, n.TestName)
			return n.Kind == "test" && n.TestName != "" && ok
		})
	default:
		return nil, fmt.Errorf("unknown selector method %q in %q (use a name, source:, package:, tag:, path:, file:, resource_type:, test_type: or test_name:)", method, s)
	}
	return out, nil
}

// disabledError is a selector naming only a disabled model.
type disabledError struct{ msg string }

func (e *disabledError) Error() string { return e.msg }

// unknownNameError is a selector naming no node.
type unknownNameError struct{ msg string }

func (e *unknownNameError) Error() string { return e.msg }

// fqnOf is a node's fully qualified name as dbt's: its package, the
// folders of its file under its resource folder (models/, seeds/...),
// its name, and a version's v<version>.
func fqnOf(n *Node) []string {
	fqn := []string{n.Package}
	dirs := strings.Split(path.Dir(n.Path), "/")
	for len(dirs) > 0 && (dirs[0] == ".." || dirs[0] == ".") {
		dirs = dirs[1:]
	}
	if len(dirs) >= 2 && dirs[0] == "dbt_packages" {
		dirs = dirs[2:] // dbt_packages/<package>/
	}
	if len(dirs) > 0 {
		dirs = dirs[1:] // the resource folder
	}
	fqn = append(fqn, dirs...)
	if n.VersionOf != "" {
		return append(fqn, n.VersionOf, "v"+n.Version)
	}
	return append(fqn, n.Name)
}

// fqnPrefix tells whether selector, its parts split at dots, names fqn
// or a prefix of it, a part with a wildcard (*, ?, [) matching the rest,
// as dbt's is_selected_node.
func fqnPrefix(fqn []string, selector string) bool {
	if len(fqn) == 0 {
		return false
	}
	if fqn[len(fqn)-1] == selector {
		return true
	}
	var flat []string
	for _, p := range fqn {
		flat = append(flat, strings.Split(p, ".")...)
	}
	parts := strings.Split(selector, ".")
	if len(flat) < len(parts) {
		return false
	}
	for i, part := range parts {
		if strings.ContainsAny(part, "*?[]") {
			ok, _ := path.Match(strings.Join(parts[i:], "."), strings.Join(flat[i:], "."))
			return ok
		}
		if flat[i] != part {
			return false
		}
	}
	return true
}

// suggest names the closest node names to a misspelt one.
func (g *Graph) suggest(name string) string {
	best, bestD := "", 1<<30
	var names []string
	for _, n := range g.nodes {
		if n.Kind != "source" {
			names = append(names, n.Name)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if d := Distance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > (len(name)+2)/3 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// Distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours cost 1.
func Distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
