package inspect_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/nexus-playground/nexus/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func build(t *testing.T, fsys fs.FS) *pipeline.Session {
	t.Helper()
	ctx := context.Background()
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	res, err := s.Build(ctx, fsys, pipeline.Options{Command: pipeline.CmdBuild})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		for _, st := range res.Steps {
			t.Log(st.Line, st.Message)
		}
		t.Fatalf("build failed: %s", res.Summary)
	}
	return s
}

func txtarFS(t *testing.T, file string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	for _, f := range ar.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return m
}

func golden(t *testing.T, name string, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

func explainText(t *testing.T, s *pipeline.Session, a, b string, opts pipeline.ExplainOptions) (*pipeline.Explanation, string) {
	t.Helper()
	ia, err := pipeline.ParseIdentifier(a)
	if err != nil {
		t.Fatal(err)
	}
	ib, err := pipeline.ParseIdentifier(b)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := s.Explain(context.Background(), ia, ib, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	pipeline.WriteExplanation(&buf, ex)
	return ex, buf.String()
}

func TestExplainDemo(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "samples", "demo")
	s := build(t, os.DirFS(dir))
	bound, err := pipeline.ResolutionBound(os.DirFS(dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Dana Kim: her work email and her private email are one person.
	ex, got := explainText(t, s, "email:dana@northwind-coffee.com", "email:d.kim@fastmail.com", pipeline.ExplainOptions{MaxRecursion: bound})
	if ex.EntityA != ex.EntityB || ex.BoundedSplits || ex.Hops() != 4 {
		t.Errorf("want one person joined by 4 edges within the bound, got %+v", ex)
	}
	golden(t, "demo_dana", got)
	// At nexus_max_recursion 3 the same chain is longer than the bound.
	ex, got = explainText(t, s, "email:dana@northwind-coffee.com", "email:d.kim@fastmail.com", pipeline.ExplainOptions{MaxRecursion: 3})
	if !ex.LongerThanBound || !ex.BoundedSplits {
		t.Errorf("want the chain longer than bound 3, got %+v", ex)
	}
	golden(t, "demo_dana_bound3", got)
}

func TestExplainChainLongerThanBound(t *testing.T) {
	fsys := txtarFS(t, filepath.Join("testdata", "chain.txtar"))
	s := build(t, fsys)
	bound, err := pipeline.ResolutionBound(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bound != 2 {
		t.Fatalf("bound %d, want 2", bound)
	}
	ex, got := explainText(t, s, "email:ada@example.com", "device:d-9", pipeline.ExplainOptions{MaxRecursion: bound})
	if ex.Hops() != 4 || !ex.LongerThanBound || !ex.BoundedSplits || ex.EntityA == ex.EntityB {
		t.Errorf("want a 4-edge chain split by the bound, got %+v", ex)
	}
	golden(t, "chain", got)
}

func TestExplainErrors(t *testing.T) {
	fsys := txtarFS(t, filepath.Join("testdata", "chain.txtar"))
	s := build(t, fsys)
	ctx := context.Background()
	for _, c := range []struct{ a, b, want string }{
		{"email:nobody@example.com", "device:d-9", "unknown person identifier email:nobody@example.com"},
		{"mail:ada@example.com", "device:d-9", "identifier types there: device, email, phone, user_id"},
		{"email:ada@example.com", "email:grace@example.com", "are not connected"},
	} {
		a, _ := pipeline.ParseIdentifier(c.a)
		b, _ := pipeline.ParseIdentifier(c.b)
		_, err := s.Explain(ctx, a, b, pipeline.ExplainOptions{MaxRecursion: 2})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Explain(%s, %s) = %v, want an error with %q", c.a, c.b, err, c.want)
		}
	}
	if _, err := s.Explain(ctx, pipeline.Identifier{Type: "email", Value: "ada@example.com"}, pipeline.Identifier{Type: "device", Value: "d-9"}, pipeline.ExplainOptions{Entity: "group", MaxRecursion: 2}); err == nil {
		t.Error("want an error for groups in a project without groups")
	}
	if _, err := pipeline.ParseIdentifier("no-colon"); err == nil {
		t.Error("want an error for an identifier without a type")
	}
}
