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
