package engine

import (
	"errors"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/jinja"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// translateFixture renders and translates the query of a format: sql
// input. dbt makes such an input an ephemeral model whose code is the
// query (UnitTestManifestLoader._build_fixture_raw_code), so it renders as
// Jinja in a model's context, in the package of the node it stands for:
// {% if target.type == ... %}, macros and var() work, the unit test's
// overrides do not apply.
func (r *runner) translateFixture(ut *project.UnitTest, g project.Fixture, real jinja.Relation) (translation, error) {
	file := g.SQLFile
	if file == "" {
		// inline rows: errors point at the given entry
		file = ut.File
	}
	pkg := ""
	if m := r.plan.models[r.plan.proj.VersionedName(g.Ref)]; g.Ref != "" && m != nil {
		pkg = m.Package
	}
	r.plan.pkgOfFile[file+"\x00"+g.SQL] = pkg
	cfg := project.Config{Materialized: "ephemeral", Enabled: true}
	out, err := r.render(file, g.SQL, &cfg, real)
	if err != nil {
		if d := (*diag.Diagnostic)(nil); errors.As(err, &d) && g.SQLFile == "" {
			d.Line, d.Col = g.Line, 0
		}
		return translation{}, err
	}
	if g.SQLFile != "" {
		return r.translateWith(out, r.placeIn(file, g.SQL, out))
	}
	return r.translateWith(out, func(d *diag.Diagnostic, line, col int) {
		d.File, d.Line, d.Col = ut.File, g.Line, 0
	})
}
