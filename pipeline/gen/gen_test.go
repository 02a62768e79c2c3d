package gen_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/gen"
)

var demo = os.DirFS("../../samples/demo")

// The same options give the same bytes; another seed gives other seeds'
// rows but the same project files.
func TestSameSeedSameBytes(t *testing.T) {
	a, err := gen.Generate(gen.Options{Persons: 50, Seed: 7, Sample: demo})
	if err != nil {
		t.Fatal(err)
	}
	b, err := gen.Generate(gen.Options{Persons: 50, Seed: 7, Sample: demo})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs with seed 7", name)
		}
	}
	c, err := gen.Generate(gen.Options{Persons: 50, Seed: 8, Sample: demo})
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for name, data := range a {
		if !bytes.Equal(data, c[name]) {
			differ++
			if !strings.HasPrefix(name, "seeds/") {
				t.Errorf("%s depends on the seed; only seeds should", name)
			}
		}
	}
	if differ == 0 {
		t.Error("seeds 7 and 8 gave the same project")
	}
}

// Every generated seed keeps the header of the sample's seed of that name,
// and the project builds with every test passing.
func TestGeneratedProjectBuilds(t *testing.T) {
	files, err := gen.Generate(gen.Options{Persons: 40, Seed: 1, Sample: demo})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	seeds := 0
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
		if !strings.HasPrefix(name, "seeds/") {
			continue
		}
		seeds++
		want, err := fs.ReadFile(demo, name)
		if err != nil {
			t.Fatalf("%s: no such seed in the sample: %v", name, err)
		}
		if got, want := header(t, data), header(t, want); got != want {
			t.Errorf("%s: header %s, want the sample's %s", name, got, want)
		}
	}
	if seeds == 0 {
		t.Fatal("no seeds generated")
	}
	ctx := context.Background()
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, fsys, pipeline.Options{Command: pipeline.CmdBuild})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		for _, st := range res.Steps {
			if st.Status != "OK" && st.Status != "PASS" {
				t.Log(st.Line, st.Message)
			}
		}
		t.Fatalf("build: %s", res.Summary)
	}
	q, err := s.Query(ctx, "select count(*) from nexus_persons", 1)
	if err != nil {
		t.Fatal(err)
	}
	// Invoices sent to a colleague and shared inboxes join some people,
	// as the generator means them to; most stay apart.
	if n := q.Rows[0][0].(int64); n < 30 {
		t.Errorf("%d persons built from 40 generated people", n)
	}
}

func TestOptionsRefused(t *testing.T) {
	if _, err := gen.Generate(gen.Options{Persons: 0, Sample: demo}); err == nil {
		t.Error("0 persons: want an error")
	}
	if _, err := gen.Generate(gen.Options{Persons: 5}); err == nil {
		t.Error("no sample: want an error")
	}
}

func header(t *testing.T, data []byte) string {
	t.Helper()
	rec, err := csv.NewReader(bytes.NewReader(data)).Read()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(rec)
}
