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
	same, err := s.PreviewResolution(ctx, PreviewOptions{})
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
	strict, _ := s.PreviewResolution(ctx, PreviewOptions{EdgeLimit: 1})
	if strict.DroppedEdges == 0 || strict.Split == 0 || strict.After <= strict.Before {
		t.Errorf("an edge limit of 1 should split persons: %+v", strict)
	}
}
