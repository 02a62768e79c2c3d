package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// TestParseAndCompileBounded: the lineage (Nodes), selection and Compile
// render the project's templates under the caller's context, so a render
// that would go on stops at its deadline with the context's error.
func TestParseAndCompileBounded(t *testing.T) {
	fsys := fstest.MapFS{
		"dbt_project.yml": {Data: []byte("name: p\n")},
		"macros/f.sql":    {Data: []byte("{% macro f(n) %}{% if n>0 %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n")},
		"models/bomb.sql": {Data: []byte("select 1 as x {{ f(60) }}\n")},
	}
	for name, call := range map[string]func(context.Context) error{
		"nodes": func(ctx context.Context) error { _, err := Nodes(ctx, fsys, nil, Warehouse{}); return err },
		"select": func(ctx context.Context) error {
			_, err := SelectNodes(ctx, fsys, nil, Warehouse{}, []string{"bomb"}, nil)
			return err
		},
		"compile": func(ctx context.Context) error { _, err := Compile(ctx, fsys, "bomb", nil, Warehouse{}); return err },
	} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			// f(60) renders 2^60 calls: returning at all shows the render
			// honoured the context.
			err := call(ctx)
			if err == nil || !errors.Is(err, context.Canceled) && !strings.Contains(err.Error(), "rendering stopped: context canceled") {
				t.Errorf("got %v, want the context's error", err)
			}
		})
	}
}
