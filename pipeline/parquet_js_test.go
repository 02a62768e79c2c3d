//go:build js

package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/dialect"
)

// TestParquetFilesInPage: the page reads no Parquet file (its projects are
// text files); a model reading one fails saying the CLI reads it.
func TestParquetFilesInPage(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, ProjectDir("testdata/parquet"), Options{Command: CmdBuild, Dialect: dialect.DuckDB})
	if err != nil {
		t.Fatal(err)
	}
	const want = "models/nested.sql:1:15: READ_PARQUET cannot read its file: data/nested.parquet is a Parquet file, which the nexus CLI reads and the page, holding a project's text files only, does not"
	for _, st := range res.Steps {
		if st.Name == "nested" {
			if st.Status != "ERROR" || !strings.HasPrefix(st.Message, want) {
				t.Errorf("nested: %s %s\nwant ERROR %s...", st.Status, st.Message, want)
			}
			return
		}
	}
	t.Error("model nested did not run")
}
