package yamlx

import (
	"errors"
	"reflect"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		yml      string
		want     any
		wantLine int // line of vars.n when set
		wantErr  string
	}{
		{name: "nested values and lines", yml: "name: x\nvars:\n  sources:\n    - name: a\n      events: true\n  n: 5\n",
			want:     map[string]any{"name": "x", "vars": map[string]any{"n": uint64(5), "sources": []any{map[string]any{"name": "a", "events": true}}}},
			wantLine: 6},
		{name: "empty document", yml: "", want: map[string]any{}},
		{name: "duplicate key", yml: "a: 1\na: 2\n", wantErr: `y.yml:2:1: invalid YAML: mapping key "a" already defined at [1:1]`},
		{name: "unclosed list", yml: "a: [1\nb: 2\n", wantErr: "y.yml:2:1: invalid YAML: ',' or ']' must be specified"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse("y.yml", []byte(tc.yml))
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := n.Plain(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v", got)
			}
			if tc.wantLine > 0 && n.Get("vars").Get("n").Line != tc.wantLine {
				t.Errorf("line %d, want %d", n.Get("vars").Get("n").Line, tc.wantLine)
			}
		})
	}
}

// FuzzParse: no panic; every refusal is a diagnostic naming the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"name: x\n", "a: [1\n", "a: 1\na: 2\n", "- a\n- b: {c: d}\n", "x: &a 1\ny: *a\n", "--- \n...\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Parse("f.yml", data)
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.File != "f.yml" {
				t.Fatalf("refusal is not a diagnostic naming the file: %v", err)
			}
			return
		}
		_ = n.Plain()
	})
}
