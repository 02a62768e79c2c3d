package pipeline

import (
	"context"
	"io"
	"io/fs"

	"github.com/nexus-playground/nexus/pipeline/internal/inspect"
)

// The identity questions a user asks of a built database, answered by
// pipeline/internal/inspect over this session's tables.
type (
	// Identifier is one identifier of an entity, written TYPE:VALUE.
	Identifier = inspect.Identifier
	// ExplainOptions steer Session.Explain.
	ExplainOptions = inspect.Options
	// Explanation is the chain of edges joining two identifiers.
	Explanation = inspect.Explanation
	// PreviewOptions are resolution settings to try on the built tables.
	PreviewOptions = inspect.PreviewOptions
	// Preview tells how the entities would change under other settings.
	Preview = inspect.Preview
	// EntityGraph is one entity's identifiers and the edges from them.
	EntityGraph = inspect.Graph
)

// ParseIdentifier reads TYPE:VALUE; the value may itself hold colons.
func ParseIdentifier(s string) (Identifier, error) { return inspect.ParseIdentifier(s) }

// CheckEntity checks an entity type: "" is person; person and group are known.
func CheckEntity(entity string) (string, error) { return inspect.Entity(entity) }

// ResolutionBound is the nexus_max_recursion a build of the project in
// fsys (nil: no project) with vars resolves with.
func ResolutionBound(fsys fs.FS, vars map[string]any) (int, error) { return inspect.Bound(fsys, vars) }

// WriteExplanation prints an explanation as the CLI shows it.
func WriteExplanation(w io.Writer, e *Explanation) { inspect.WriteText(w, e) }

// Explain tells why a and b are one entity: the shortest chain of edges
// between them, with the source row behind each.
func (s *Session) Explain(ctx context.Context, a, b Identifier, opts ExplainOptions) (*Explanation, error) {
	ex, err := inspect.Explain(ctx, s.db, a, b, opts)
	return ex, queryError(ctx, err)
}

// PreviewResolution resolves the built identifiers and edges again with
// opts and compares the result with the built resolution.
func (s *Session) PreviewResolution(ctx context.Context, opts PreviewOptions) (*Preview, error) {
	p, err := inspect.Resolve(ctx, s.db, opts)
	return p, queryError(ctx, err)
}

// EntityGraph reads the identity graph of one built entity.
func (s *Session) EntityGraph(ctx context.Context, entity, id string) (*EntityGraph, error) {
	g, err := inspect.EntityGraph(ctx, s.db, entity, id)
	return g, queryError(ctx, err)
}

// Joined checks whether identifiers were resolved into one entity (merged
// true) or not (false); it returns "" when so, else what was built instead.
func (s *Session) Joined(ctx context.Context, entity string, ids []Identifier, merged bool) (string, error) {
	msg, err := inspect.Joined(ctx, s.db, entity, ids, merged)
	return msg, queryError(ctx, err)
}
