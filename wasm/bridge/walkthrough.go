package bridge

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

// IdentityArgs are the fields of the walkthrough.* and identity.*
// operations. Files and Vars of the request carry the project
// where an operation needs it.
type IdentityArgs struct {
	// Change is a walkthrough step's change (walkthrough.apply); Checks
	// its checks (walkthrough.check).
	Change *walkthrough.Change `json:"change,omitempty"`
	Checks []walkthrough.Check `json:"checks,omitempty"`
	// A and B are two identifiers as TYPE:VALUE (identity.explain).
	A string `json:"a,omitempty"`
	B string `json:"b,omitempty"`
	// Entity is person (default) or group.
	Entity string `json:"entity,omitempty"`
	// ID is an entity id (identity.graph).
	ID string `json:"id,omitempty"`
	// MaxRecursion is the bound to explain or preview with (0 is a bound:
	// no hops); absent, the project's nexus_max_recursion from Files and
	// Vars.
	MaxRecursion *int `json:"max_recursion,omitempty"`
	// Strategy, EdgeLimit and Ignore are the settings to preview
	// (identity.preview).
	Strategy  string   `json:"strategy,omitempty"`
	EdgeLimit int      `json:"edge_limit,omitempty"`
	Ignore    []string `json:"ignore,omitempty"`
	// Text, Path and Value set one key of a YAML file (identity.setvar).
	Text  string   `json:"text,omitempty"`
	Path  []string `json:"path,omitempty"`
	Value any      `json:"value,omitempty"`
}

// isIdentityOp tells whether op is served by serveIdentity.
func isIdentityOp(op string) bool {
	return strings.HasPrefix(op, "walkthrough.") || strings.HasPrefix(op, "identity.")
}

func (b *Bridge) serveIdentity(ctx context.Context, req Request) (any, error) {
	a := req.Identity
	if a == nil {
		a = &IdentityArgs{}
	}
	switch req.Op {
	case "walkthrough.apply":
		return applyChange(req.Files, req.Vars, a.Change)
	case "identity.setvar":
		text, err := SetYAMLKey(a.Text, a.Path, a.Value)
		if err != nil {
			return nil, err
		}
		return map[string]string{"text": text}, nil
	}
	sess, err := b.session(ctx)
	if err != nil {
		return nil, err
	}
	switch req.Op {
	case "walkthrough.check":
		return walkthrough.Evaluate(ctx, sess, b.last, a.Checks), nil
	case "identity.explain":
		return b.explain(ctx, sess, req, a)
	case "identity.preview":
		return b.preview(ctx, sess, req, a)
	case "identity.graph":
		return sess.EntityGraph(ctx, a.Entity, a.ID)
	}
	return nil, fmt.Errorf("unknown operation %q", req.Op)
}

// Applied is a project after a walkthrough step's change.
type Applied struct {
	Files map[string]string `json:"files"`
	Vars  map[string]any    `json:"vars"`
	// Written lists the files the change created, replaced or appended
	// to; Deleted those it removed.
	Written []string `json:"written,omitempty"`
	Deleted []string `json:"deleted,omitempty"`
}

// applyChange makes a step's change with the walkthrough package's own
// Apply, so the page and `nexus walkthrough check` change a project alike.
func applyChange(files map[string]string, vars map[string]any, c *walkthrough.Change) (*Applied, error) {
	if _, err := projectFS(files); err != nil {
		return nil, err
	}
	p := &walkthrough.Project{Files: fstest.MapFS{}, Vars: maps.Clone(vars)}
	if p.Vars == nil {
		p.Vars = map[string]any{}
	}
	for name, text := range files {
		p.Files[name] = &fstest.MapFile{Data: []byte(text)}
	}
	p.Apply(c)
	out := &Applied{Files: map[string]string{}, Vars: p.Vars}
	for name, f := range p.Files {
		out.Files[name] = string(f.Data)
	}
	if c != nil {
		out.Written = append(append(out.Written, sortedKeys(c.Write)...), sortedKeys(c.Append)...)
		out.Deleted = c.Delete
	}
	if _, err := projectFS(out.Files); err != nil {
		return nil, err
	}
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
