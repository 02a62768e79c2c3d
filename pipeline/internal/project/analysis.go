package project

import (
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"path"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Analysis is one .sql file under analysis-paths: dbt parses it like a
// model (its refs must resolve) and compiles it, but never runs it.
type Analysis struct {
	Name    string
	Package string
	Path    string
	SQL     string
	Config  Config
}

// analysisPaths are the folders of analysis-paths. Without the setting
// dbt reads no analyses (dbt init writes analysis-paths: ["analyses"]).
func analysisPaths(doc *yamlx.Node) ([]string, error) {
	n := doc.Get("analysis-paths")
	if n == nil {
		return nil, nil
	}
	if n.Kind != yamlx.List {
		return nil, diag.Errorf("dbt_project.yml", n.Line, "`analysis-paths` must be a list of folders").WithHint(`write analysis-paths: ["analyses"]`)
	}
	var out []string
	for _, it := range n.Items {
		out = append(out, strings.Trim(path.Clean(it.String()), "/"))
	}
	return out, nil
}

// loadAnalyses reads the analyses of a package ("" = the root project).
func (p *Project) loadAnalyses(fsys fs.FS, doc *yamlx.Node, pkg string) error {
	paths, err := analysisPaths(doc)
	if err != nil {
		return err
	}
	for _, ap := range paths {
		for _, f := range p.walk(fsys, ap, ".sql") {
			data, _ := fs.ReadFile(fsys, f)
			p.Analyses = append(p.Analyses, &Analysis{Name: baseName(f), Package: pkg, Path: f, SQL: string(data), Config: defaultConfig("analysis")})
		}
	}
	return nil
}
