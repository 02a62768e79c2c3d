package project

import (
	"regexp"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/yamlx"
)

// Exposure is an entry of a properties file's exposures: section. The
// playground runs nothing for it; dbt's graph lists it, with the nodes its
// depends_on names.
type Exposure struct {
	Name, Package, File string
	Line                int
	Type, Maturity, URL string
	Label, Description  string
	OwnerName           string
	OwnerEmail          string
	Meta                map[string]any
	Tags                []string
	Enabled             bool
	// Refs are the models its depends_on refs ([package,] name), in order;
	// Sources the source tables (source, table).
	Refs    [][]string
	Sources [][2]string
}

// exposureDep reads one depends_on entry: ref('name'), ref('pkg', 'name')
// or source('src', 'table'), as dbt reads them.
var exposureDep = regexp.MustCompile(`^\s*(ref|source)\s*\(\s*(.*?)\s*\)\s*$`)
var quotedArg = regexp.MustCompile(`^\s*(?:'([^']*)'|"([^"]*)")\s*$`)

func (p *Project) loadExposures(file string, n *yamlx.Node, pkg string) error {
	items, err := list(file, n, "exposures")
	if err != nil {
		return err
	}
	for _, it := range items {
		e := &Exposure{Name: it.Get("name").String(), Package: pkg, File: file, Line: it.Line, Type: it.Get("type").String(),
			Maturity: it.Get("maturity").String(), URL: it.Get("url").String(), Label: it.Get("label").String(),
			Description: it.Get("description").String(), Enabled: true, Meta: map[string]any{}}
		if e.Name == "" {
			return diag.Errorf(file, it.Line, "exposure without `name:`").WithHint("write `- name: my_dashboard`")
		}
		if o := it.Get("owner"); o != nil {
			e.OwnerName, e.OwnerEmail = o.Get("name").String(), o.Get("email").String()
		}
		var cfg Config
		for _, src := range []*yamlx.Node{it, it.Get("config")} {
			if src == nil || src.Kind != yamlx.Map {
				continue
			}
			if meta := src.Get("meta"); meta != nil {
				if m, ok := meta.Plain().(map[string]any); ok {
					for k, v := range m {
						e.Meta[k] = v
					}
				}
			}
			if t := src.Get("tags"); t != nil {
				cfg.Set("tags", t.Plain())
			}
			if en := src.Get("enabled"); en != nil {
				e.Enabled = toBool(en.Plain())
			}
		}
		e.Tags = cfg.Tags
		deps, err := list(file, it.Get("depends_on"), "depends_on")
		if err != nil {
			return err
		}
		for _, d := range deps {
			m := exposureDep.FindStringSubmatch(d.String())
			var args []string
			if m != nil {
				for _, a := range strings.Split(m[2], ",") {
					q := quotedArg.FindStringSubmatch(a)
					if q == nil {
						args = nil
						break
					}
					args = append(args, q[1]+q[2])
				}
			}
			switch {
			case m != nil && m[1] == "ref" && (len(args) == 1 || len(args) == 2):
				e.Refs = append(e.Refs, args)
			case m != nil && m[1] == "source" && len(args) == 2:
				e.Sources = append(e.Sources, [2]string{args[0], args[1]})
			default:
				return diag.Errorf(file, d.Line, "exposure %s: depends_on entry %q is not ref('model') or source('source', 'table')", e.Name, d.String()).
					WithHint("write ref('model_name') or source('source_name', 'table_name')")
			}
		}
		p.Exposures = append(p.Exposures, e)
	}
	return nil
}
