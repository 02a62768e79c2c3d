package bridge

import (
	"context"
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline"
)

// bound is the nexus_max_recursion to explain or preview with: the
// request's, else the project's (its files and vars) as the build reads it.
func bound(req Request, a *IdentityArgs) (int, error) {
	if a.MaxRecursion != nil {
		return *a.MaxRecursion, nil
	}
	var fsys fs.FS
	if len(req.Files) > 0 {
		var err error
		if fsys, err = projectFS(req.Files); err != nil {
			return 0, err
		}
	}
	return pipeline.ResolutionBound(fsys, req.Vars)
}

// explain answers "why are these one person?": the shortest chain of edges
// between two identifiers, with the source row behind each.
func (b *Bridge) explain(ctx context.Context, sess *pipeline.Session, req Request, a *IdentityArgs) (*pipeline.Explanation, error) {
	ia, err := pipeline.ParseIdentifier(a.A)
	if err != nil {
		return nil, err
	}
	ib, err := pipeline.ParseIdentifier(a.B)
	if err != nil {
		return nil, err
	}
	n, err := bound(req, a)
	if err != nil {
		return nil, err
	}
	return sess.Explain(ctx, ia, ib, pipeline.ExplainOptions{Entity: a.Entity, MaxRecursion: n})
}

// preview resolves the built tables again under other settings.
func (b *Bridge) preview(ctx context.Context, sess *pipeline.Session, req Request, a *IdentityArgs) (*pipeline.Preview, error) {
	n, err := bound(req, a)
	if err != nil {
		return nil, err
	}
	return sess.PreviewResolution(ctx, pipeline.PreviewOptions{
		Entity: a.Entity, Strategy: a.Strategy, MaxRecursion: n, EdgeLimit: a.EdgeLimit, Ignore: a.Ignore,
	})
}
