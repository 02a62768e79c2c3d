package jinja

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// goldenContext is context.json of a golden case; testdata/jinja2_reference.py
// reads the same file for its stubs.
type goldenContext struct {
	Execute bool     `json:"execute"`
	This    Relation `json:"this"`
	// Vars keep the order of their keys, as YAML vars do.
	Vars json.RawMessage `json:"vars"`
	// Target overrides fields of dbt's target (type, name...).
	Target json.RawMessage `json:"target"`
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
func loadGolden(t testing.TB, ar *txtar.Archive) (macros []MacroFile, modelPath, model string, ctx *Context) {
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
	vars := map[string]any{}
	if gc.Vars != nil {
		v, err := decodeOrdered(json.NewDecoder(bytes.NewReader(gc.Vars)))
		o, ok := v.(Ordered)
		if err != nil || !ok {
			t.Fatalf("context.json vars: not an object (%v)", err)
		}
		vars = o.Values
	}
	ctx = &Context{
		Vars:    vars,
		Target:  Target{Name: "dev", Type: "sqlite", Schema: "main", Database: "main", Profile: "nexus"},
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
					return &Rows{Columns: q.Columns, Rows: goldenCells(q.Rows)}, nil
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
	if gc.Target != nil {
		if err := json.Unmarshal(gc.Target, &ctx.Target); err != nil {
			t.Fatalf("context.json target: %v", err)
		}
	}
	return macros, modelPath, model, ctx
}

// goldenCells are a query's rows with {"decimal": "1.50"} read as the
// Decimal it writes, as jinja2_reference.py reads it.
func goldenCells(rows [][]any) [][]any {
	out := make([][]any, len(rows))
	for i, r := range rows {
		out[i] = make([]any, len(r))
		for j, v := range r {
			out[i][j] = v
			if m, ok := v.(map[string]any); ok && len(m) == 1 {
				if s, ok := m["decimal"].(string); ok {
					out[i][j] = Decimal(s)
				}
			}
		}
	}
	return out
}

// decodeOrdered reads a JSON value with objects as Ordered, in the order
// their keys are written, and numbers as json.Number.
func decodeOrdered(dec *json.Decoder) (any, error) {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := Ordered{Values: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			o.Keys = append(o.Keys, k.(string))
			o.Values[k.(string)] = v
		}
		_, err := dec.Token()
		return o, err
	case json.Delim('['):
		l := []any{}
		for dec.More() {
			v, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := dec.Token()
		return l, err
	}
	return tok, nil
}

// jinja2Renders runs testdata/jinja2_reference.py, which renders every
// golden case with Python's Jinja2 (dbt's engine) and the same stubs. The
// test needs python3 with jinja2: CI (CI=true) fails without it, a local
// run skips with a message.
func jinja2Renders(t *testing.T) map[string]struct{ Out, Error *string } {
	t.Helper()
	missing := func(why string) {
		msg := "the Jinja2 oracle is unavailable (" + why + "): install Debian's python3-jinja2 (apt-get install python3-jinja2)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// The python3 first on PATH may be another install than Debian's, which
	// is where python3-jinja2 goes: use the first that has jinja2.
	python, why := "", "no python3"
	for _, cand := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(cand)
		if err != nil {
			continue
		}
		out, err := exec.Command(path, "-c", "import jinja2").CombinedOutput()
		if err == nil {
			python = path
			break
		}
		why = strings.TrimSpace(string(out))
	}
	if python == "" {
		missing(why)
	}
	cmd := exec.Command(python, "testdata/jinja2_reference.py")
	// the engine reads a naive datetime as UTC (timestamp())
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("testdata/jinja2_reference.py: %v\n%s", err, stderr.String())
	}
	var res map[string]struct{ Out, Error *string }
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("testdata/jinja2_reference.py printed no JSON: %v", err)
	}
	return res
}

// TestGolden renders every case of testdata/golden and compares it byte for
// byte with Jinja2's render of the same case, made on this run.
func TestGolden(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("js/wasm cannot run python3; the native run compares with Jinja2")
	}
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	oracle := jinja2Renders(t)
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".txtar"), func(t *testing.T) {
			want, ok := oracle[name]
			switch {
			case !ok:
				t.Fatal("Jinja2 did not render this case")
			case want.Error != nil:
				t.Fatalf("Jinja2 fails on this case, so it is no reference: %s", *want.Error)
			}
			macros, path, model, ctx := loadGolden(t, mustGolden(t, file))
			env, err := NewEnv(macros)
			if err != nil {
				t.Fatalf("NewEnv: %v", err)
			}
			got, err := env.Render(path, model, ctx)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			if diff := cmp.Diff(*want.Out, got); diff != "" {
				t.Errorf("render differs from Jinja2 (-jinja2 +ours):\n%s", diff)
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
