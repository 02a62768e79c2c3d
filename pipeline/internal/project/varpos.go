package project

import (
	"strconv"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// VarPos is where the var at path (vars.<path[0]>.<path[1]>...) is set:
// "--vars" when the command line sets its top-level key, else
// dbt_project.yml and the line of the deepest key found there (the line of
// `vars:` itself when none is). A number in path picks a list item.
func (p *Project) VarPos(path ...string) (file string, line int) {
	if len(path) > 0 {
		if _, ok := p.cliVars[path[0]]; ok {
			return "--vars", 0
		}
	}
	n := p.config.Get("vars")
	if n == nil {
		return "dbt_project.yml", 0
	}
	line = n.Line
	for _, k := range path {
		if i, err := strconv.Atoi(k); err == nil && n.Kind == yamlx.List {
			if i < 0 || i >= len(n.Items) {
				break
			}
			n = n.Items[i]
		} else {
			n = n.Get(k)
		}
		if n == nil {
			break
		}
		line = n.Line
	}
	return "dbt_project.yml", line
}
