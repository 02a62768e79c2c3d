package engine

import (
	"context"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

// quickstartEngine is an engine on a new in-memory database with the
// quickstart sample's files in memory, where a test can edit them.
func quickstartEngine(t *testing.T) (*Engine, *store.DB, fstest.MapFS) {
	t.Helper()
	db, err := store.Open(context.Background(), store.MemoryDSN)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	files := fstest.MapFS{}
	src := os.DirFS("../../../samples/quickstart")
	err = fs.WalkDir(src, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, name)
		files[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return New(db), db, files
}
