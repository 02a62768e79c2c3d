package engine

import (
	"context"
	"io/fs"
	"testing"
	"testing/fstest"
)

// A build of the same files, vars and dialect takes the last build's plan;
// any difference makes a new one.
func TestSameFilesTakeTheLastPlan(t *testing.T) {
	ctx := context.Background()
	e, _, files := quickstartEngine(t)
	build := func(opts Options) *plan {
		t.Helper()
		res, err := e.Build(ctx, files, opts)
		if err != nil || !res.OK {
			t.Fatalf("build: %v %+v", err, res.Diagnostics)
		}
		return e.env.last
	}
	first := build(Options{})
	if first == nil {
		t.Fatal("the build kept no plan")
	}
	if again := build(Options{}); again != first {
		t.Errorf("a build of the same files made a new plan")
	}
	if again := build(Options{Vars: map[string]any{"x": 1}}); again == first {
		t.Errorf("a build with other vars took the last plan")
	}
	models, err := fs.Glob(files, "models/*/*.sql")
	if err != nil || len(models) == 0 {
		t.Fatalf("no model to edit: %v", err)
	}
	model := models[0]
	before := build(Options{})
	files[model] = &fstest.MapFile{Data: append(append([]byte(nil), files[model].Data...), "\n-- edited"...)}
	if again := build(Options{}); again == before {
		t.Errorf("a build after %s changed took the last plan", model)
	}
}

// A build the session says is its last (the CLI's) keeps no plan, and so
// no copy of the files; it builds as any other.
func TestOnceKeepsNoPlan(t *testing.T) {
	ctx := context.Background()
	e, _, files := quickstartEngine(t)
	kept, err := e.Build(ctx, files, Options{})
	if err != nil || !kept.OK {
		t.Fatalf("build: %v %+v", err, kept.Diagnostics)
	}
	e2, _, _ := quickstartEngine(t)
	once, err := e2.Build(ctx, files, Options{Once: true})
	if err != nil || !once.OK {
		t.Fatalf("build once: %v %+v", err, once.Diagnostics)
	}
	if e2.env.last != nil || e2.env.lastInputs.files != nil {
		t.Errorf("a build with Once kept its plan")
	}
	if len(kept.Steps) != len(once.Steps) {
		t.Fatalf("a build with Once ran %d steps, against %d", len(once.Steps), len(kept.Steps))
	}
	for i, s := range once.Steps {
		k := kept.Steps[i]
		if s.Kind != k.Kind || s.Name != k.Name || s.Status != k.Status || s.Rows != k.Rows {
			t.Errorf("step %d with Once: %s %s %s %d rows, against %s %s %s %d rows", i+1, s.Kind, s.Name, s.Status, s.Rows, k.Kind, k.Name, k.Status, k.Rows)
		}
	}
}
