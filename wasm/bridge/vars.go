package bridge

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// SetYAMLKey sets the value at a path of nested block mappings in a YAML
// text (["vars", "nexus", "edge_quality", "error_threshold"] in
// dbt_project.yml), keeping every other line and comment as written. Keys
// missing along the path are added at the end of their parent block. The
// value is written in flow style (JSON, which YAML reads). A parent written
// inline (`nexus: {…}`) is refused rather than rewritten.
func SetYAMLKey(text string, path []string, value any) (string, error) {
	if len(path) == 0 {
		return "", fmt.Errorf("an empty key path")
	}
	val, err := json.Marshal(value)
	if err != nil {
		return "", err
	}
	lines := strings.Split(text, "\n")
	parent, start, end := -1, 0, len(lines)
	for depth, key := range path {
		last := depth == len(path)-1
		child, found := -1, -1
		lastContent := start - 1
		for i := start; i < end; i++ {
			ind, content := indentOf(lines[i])
			if !content {
				continue
			}
			if ind <= parent {
				end = i
				break
			}
			lastContent = i
			if child < 0 {
				child = ind
			}
			if ind == child && found < 0 && keyMatches(lines[i][ind:], key) {
				found = i
			}
		}
		if found < 0 {
			if child < 0 {
				child = parent + 1
				if parent >= 0 {
					child = parent + 2
				}
			}
			var add []string
			for j, k := range path[depth:] {
				pad := strings.Repeat(" ", child+2*j)
				if depth+j == len(path)-1 {
					add = append(add, pad+yamlKey(k)+": "+string(val))
				} else {
					add = append(add, pad+yamlKey(k)+":")
				}
			}
			at := lastContent + 1
			if at < start {
				at = start
			}
			if parent < 0 && at == len(lines) && at > 0 && lines[at-1] == "" {
				at-- // keep the file's final newline last
			}
			out := append(append(append([]string{}, lines[:at]...), add...), lines[at:]...)
			return strings.Join(out, "\n"), nil
		}
		// The block under the found key: following lines indented deeper.
		blockEnd := found + 1
		for i := found + 1; i < end; i++ {
			ind, content := indentOf(lines[i])
			if !content {
				continue
			}
			if ind <= child {
				break
			}
			blockEnd = i + 1
		}
		rest := strings.TrimSpace(afterColon(lines[found][child:]))
		if last {
			line := strings.Repeat(" ", child) + yamlKey(key) + ": " + string(val)
			out := append(append(append([]string{}, lines[:found]...), line), lines[blockEnd:]...)
			return strings.Join(out, "\n"), nil
		}
		if rest != "" && !strings.HasPrefix(rest, "#") {
			return "", fmt.Errorf("%s is written inline on line %d; edit it by hand", strings.Join(path[:depth+1], "."), found+1)
		}
		parent, start, end = child, found+1, blockEnd
	}
	return text, nil
}

// indentOf returns a line's indentation and whether it holds content (not
// blank, not only a comment).
func indentOf(line string) (int, bool) {
	t := strings.TrimLeft(line, " ")
	return len(line) - len(t), t != "" && !strings.HasPrefix(t, "#") && strings.TrimSpace(t) != ""
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

func yamlKey(k string) string {
	if plainKey.MatchString(k) {
		return k
	}
	q, _ := json.Marshal(k)
	return string(q)
}

// keyMatches tells whether a mapping line (without its indentation) has
// key k, bare or quoted.
func keyMatches(line, k string) bool {
	for _, form := range []string{k, `"` + k + `"`, `'` + k + `'`} {
		if strings.HasPrefix(line, form) {
			r := strings.TrimLeft(line[len(form):], " ")
			if strings.HasPrefix(r, ":") && (len(r) == 1 || r[1] == ' ') {
				return true
			}
		}
	}
	return false
}

func afterColon(line string) string {
	if _, r, ok := strings.Cut(line, ": "); ok {
		return r
	}
	return ""
}
