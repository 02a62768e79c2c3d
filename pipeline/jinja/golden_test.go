package jinja

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/golden with this renderer's output (review the diff: the reference is testdata/jinja2_reference.py)")

// goldenContext is context.json of a golden case; testdata/jinja2_reference.py
// reads the same file for its stubs.
type goldenContext struct {
	Execute bool           `json:"execute"`
	This    Relation       `json:"this"`
	Vars    map[string]any `json:"vars"`
	// Columns of relations by name.
	Columns map[string][][2]string `json:"columns"`
	// Queries answer the first run_query whose SQL contains Contains.
	Queries []struct {
		Contains string   `json:"contains"`
		Columns  []string `json:"columns"`
		Rows     [][]any  `json:"rows"`
	} `json:"queries"`
}

var packageMacroPath = regexp.MustCompile(`^packages/([^/]+)/`)

// loadGolden splits a case into its macro files, model and context.
func loadGolden(t testing.TB, ar *txtar.Archive) (macros []MacroFile, modelPath, model string, ctx *Context, want *txtar.File) {
	t.Helper()
	var gc goldenContext
	for i := range ar.Files {
		f := &ar.Files[i]
		switch {
		case f.Name == "context.json":
			dec := json.NewDecoder(bytes.NewReader(f.Data))
			dec.UseNumber() // ints stay ints, as YAML vars do
			if err := dec.Decode(&gc); err != nil {
				t.Fatalf("context.json: %v", err)
			}
		case f.Name == "want":
			want = f
		case strings.HasPrefix(f.Name, "models/"):
			modelPath, model = f.Name, string(f.Data)
		default:
			mf := MacroFile{Path: f.Name, Source: string(f.Data)}
			if m := packageMacroPath.FindStringSubmatch(f.Name); m != nil {
				mf.Namespace = m[1]
			}
			macros = append(macros, mf)
		}
	}
	ctx = &Context{
		Vars:    gc.Vars,
		Target:  Target{Name: "dev", Type: "sqlite", Schema: "main", Profile: "nexus"},
		This:    gc.This,
		Execute: gc.Execute,
		Ref: func(pkg, name string, line int) (Relation, error) {
			return Relation{Schema: "main", Name: name}, nil
		},
		Source: func(src, tbl string, line int) (Relation, error) {
			return Relation{Schema: src, Name: tbl}, nil
		},
		Config: func(map[string]any) error { return nil },
		RunQuery: func(sql string) (*Rows, error) {
			for _, q := range gc.Queries {
				if strings.Contains(sql, q.Contains) {
					return &Rows{Columns: q.Columns, Rows: q.Rows}, nil
				}
			}
			return &Rows{}, nil
		},
		Columns: func(rel Relation) ([]Column, error) {
			var cols []Column
			for _, c := range gc.Columns[rel.Name] {
				cols = append(cols, Column{Name: c[0], Type: c[1]})
			}
			return cols, nil
		},
	}
	return macros, modelPath, model, ctx, want
}

// TestGolden renders whole dbt-nexus style models and compares them byte for
// byte with Jinja2's output.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			macros, path, model, ctx, want := loadGolden(t, ar)
			if want == nil {
				t.Fatal("no want section")
			}
			env, err := NewEnv(macros)
			if err != nil {
				t.Fatalf("NewEnv: %v", err)
			}
			got, err := env.Render(path, model, ctx)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			got += "\n"
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if diff := cmp.Diff(string(want.Data), got); diff != "" {
				t.Errorf("render differs from Jinja2 (-want +got):\n%s", diff)
			}
		})
	}
}

func mustGolden(tb testing.TB, file string) *txtar.Archive {
	tb.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	return ar
}
