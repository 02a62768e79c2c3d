package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"
)

// On the demo, a lower bound splits the person whose identifiers form a
// long chain, exact changes nothing, and an edge limit of one splits
// everyone joined through a busy identifier.
func TestPreviewResolution(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PreviewResolution(ctx, PreviewOptions{}); err == nil || !strings.HasPrefix(err.Error(), "build the project first: no table nexus_") {
		t.Fatalf("before a build: %v", err)
	}
	res, err := s.Build(ctx, os.DirFS("../samples/demo"), Options{})
	if err != nil || !res.OK {
		t.Fatalf("build: %v %+v", err, res.Diagnostics)
	}
	bound, err := ResolutionBound(os.DirFS("../samples/demo"), nil)
	if err != nil || bound != 5 {
		t.Fatalf("the demo's bound: %d %v", bound, err)
	}
	same, err := s.PreviewResolution(ctx, PreviewOptions{MaxRecursion: bound})
	if err != nil {
		t.Fatal(err)
	}
	if same.Before != same.After || same.Split != 0 || same.Merged != 0 {
		t.Errorf("the project's own settings should change nothing: %+v", same)
	}
	exact, _ := s.PreviewResolution(ctx, PreviewOptions{Strategy: "exact"})
	if exact.After != same.Before || exact.Split != 0 {
		t.Errorf("exact at a sufficient bound should equal bounded: %+v", exact)
	}
	low, _ := s.PreviewResolution(ctx, PreviewOptions{MaxRecursion: 3})
	if low.Split != 1 || low.After != low.Before+1 {
		t.Errorf("depth 3 should split one person: %+v", low)
	}
	// At depth 3 the chain's person is split in two; exact would merge the
	// two halves again, so both are flagged.
	r, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if res, err := r.Build(ctx, os.DirFS("../samples/demo"), Options{Vars: map[string]any{"nexus_max_recursion": 3}}); err != nil || res.Steps == nil {
		t.Fatalf("build at depth 3: %v", err)
	}
	unfinished, err := r.PreviewResolution(ctx, PreviewOptions{Strategy: "exact"})
	if err != nil || unfinished.Merged != 1 || len(unfinished.MergedIDs) != 2 {
		t.Errorf("exact should merge the two halves: %+v %v", unfinished, err)
	}
	strict, _ := s.PreviewResolution(ctx, PreviewOptions{MaxRecursion: bound, EdgeLimit: 1})
	if strict.DroppedEdges == 0 || strict.Split == 0 || strict.After <= strict.Before {
		t.Errorf("an edge limit of 1 should split persons: %+v", strict)
	}
}

// nexus_max_recursion 0 is a bound as dbt-nexus reads it (a recursion that
// stops before its first step): every identifier is its own person, in the
// build, and in explain and preview when they read the project's bound.
func TestMaxRecursionZero(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fsys := os.DirFS("../samples/demo")
	vars := map[string]any{"nexus_max_recursion": 0}
	res, err := s.Build(ctx, fsys, Options{Vars: vars})
	if err != nil || !res.OK {
		t.Fatalf("build at 0: %v %+v", err, res.Diagnostics)
	}
	for _, r := range res.Identity {
		if r.MaxRecursion != 0 || r.Entities != r.Identifiers {
			t.Errorf("build at 0: %+v, want every identifier its own %s", r, r.Entity)
		}
	}
	bound, err := ResolutionBound(fsys, vars)
	if err != nil || bound != 0 {
		t.Fatalf("ResolutionBound: %d %v, want 0", bound, err)
	}
	p, err := s.PreviewResolution(ctx, PreviewOptions{MaxRecursion: bound})
	if err != nil {
		t.Fatal(err)
	}
	if p.Split != 0 || p.Merged != 0 || p.Before != p.Identifiers || p.After != p.Identifiers {
		t.Errorf("preview at the built bound 0 should change nothing: %+v", p)
	}
	a, b := Identifier{Type: "email", Value: "dana@northwind-coffee.com"}, Identifier{Type: "email", Value: "d.kim@fastmail.com"}
	ex, err := s.Explain(ctx, a, b, ExplainOptions{MaxRecursion: bound})
	if err != nil {
		t.Fatal(err)
	}
	if ex.MaxRecursion != 0 || !ex.BoundedSplits || ex.EntityA == ex.EntityB {
		t.Errorf("explain at 0: %+v, want the two split as built", ex)
	}
	// A bound settings refuses is refused with its message everywhere.
	want := "max_recursion must be a whole number 0 or more, got -1"
	if _, err := s.PreviewResolution(ctx, PreviewOptions{MaxRecursion: -1}); err == nil || err.Error() != want {
		t.Errorf("preview at -1: %v, want %q", err, want)
	}
	if _, err := s.Explain(ctx, a, b, ExplainOptions{MaxRecursion: -1}); err == nil || err.Error() != want {
		t.Errorf("explain at -1: %v, want %q", err, want)
	}
}
