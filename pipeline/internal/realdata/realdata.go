// Package realdata finds the real dbt projects kept beside the repository
// (shared/realdata) for the tests that build them, and unpacks them.
package realdata

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Dir is where the real projects are kept beside the repository: the
// nearest shared/realdata found walking up from the test's folder;
// NEXUS_REALDATA overrides it.
func Dir(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("NEXUS_REALDATA"); dir != "" {
		return dir
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "realdata")
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("real projects not found in shared/realdata beside the repository (set NEXUS_REALDATA)")
		}
		dir = up
	}
}

// Extract unpacks a git-archive tarball into a new temporary folder.
func Extract(t *testing.T, file string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Clean(h.Name)
		if !filepath.IsLocal(name) {
			t.Fatalf("%s: unsafe path %q", file, h.Name)
		}
		dst := filepath.Join(out, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				t.Fatal(err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
