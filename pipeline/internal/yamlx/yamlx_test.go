package yamlx

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		yml       string
		want      any
		wantLine  int // line of vars.n when set
		wantErr   string
		wantDepth int // when set, only check that the document parses this deep
	}{
		{name: "nested values and lines", yml: "name: x\nvars:\n  sources:\n    - name: a\n      events: true\n  n: 5\n",
			want:     map[string]any{"name": "x", "vars": map[string]any{"n": uint64(5), "sources": []any{map[string]any{"name": "a", "events": true}}}},
			wantLine: 6},
		{name: "empty document", yml: "", want: map[string]any{}},
		{name: "YAML 1.1 numbers and timestamps, as PyYAML reads them",
			yml: "a: [1:30, -1:03:00, 1:30.5, 0:30, 1.5e3, 1e3, 1., -.5, 1.0e+3, 2020-01-01, 2020-1-1, '2020-01-01', 2020-1-2 3:04:05.5, 2020-01-01T10:00:00Z, 2020-01-01 10:00:00 -5, 2020-02-30]\n",
			want: map[string]any{"a": []any{int64(90), int64(-3780), 90.5, "0:30", "1.5e3", "1e3", 1.0, "-.5", 1000.0,
				Timestamp{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Date: true}, "2020-1-1", "2020-01-01",
				Timestamp{Time: time.Date(2020, 1, 2, 3, 4, 5, 500_000_000, time.UTC)},
				Timestamp{Time: time.Date(2020, 1, 1, 10, 0, 0, 0, time.UTC), Aware: true},
				Timestamp{Time: time.Date(2020, 1, 1, 10, 0, 0, 0, time.FixedZone("", -5*3600)), Aware: true},
				"2020-02-30"}}},
		{name: "duplicate key: the last value, as PyYAML keeps it", yml: "a: 1\nb: [x]\na: 2\nm:\n  k: 1\n  k: {z: 3}\n",
			want: map[string]any{"a": uint64(2), "b": []any{"x"}, "m": map[string]any{"k": map[string]any{"z": uint64(3)}}}},
		{name: "alias of a scalar and a list", yml: "x: &n 5\ny: *n\nl: &l [a, b]\nm: *l\n",
			want: map[string]any{"x": uint64(5), "y": uint64(5), "l": []any{"a", "b"}, "m": []any{"a", "b"}}},
		{name: "merge key, explicit keys win", yml: "d: &d {materialized: view, schema: s}\nm:\n  <<: *d\n  materialized: table\n",
			want: map[string]any{"d": map[string]any{"materialized": "view", "schema": "s"}, "m": map[string]any{"materialized": "table", "schema": "s"}}},
		{name: "explicit key before merge wins", yml: "d: &d {a: 1, b: 2}\nm:\n  a: 9\n  <<: *d\n",
			want: map[string]any{"d": map[string]any{"a": uint64(1), "b": uint64(2)}, "m": map[string]any{"a": uint64(9), "b": uint64(2)}}},
		{name: "merge of a list of aliases", yml: "a: &a {x: 1}\nb: &b {x: 2, y: 2}\nm:\n  <<: [*a, *b]\n",
			want: map[string]any{"a": map[string]any{"x": uint64(1)}, "b": map[string]any{"x": uint64(2), "y": uint64(2)}, "m": map[string]any{"x": uint64(1), "y": uint64(2)}}},
		{name: "merge of a scalar", yml: "a: &a 1\nm:\n  <<: *a\n", wantErr: "y.yml:3: << merges mappings only (write <<: *anchor where &anchor names a mapping, or a list of such aliases)"},
		{name: "billion laughs", yml: billionLaughs, wantErr: "y.yml:5: aliases expand to more than 100000 values (write the values out or use fewer nested aliases)"},
		{name: "nested too deep, block", yml: nested(150, "  ", "a:\n"), wantErr: "y.yml:101: YAML nested more than 100 levels deep (flatten the structure)"},
		{name: "nested too deep, flow", yml: "a: " + strings.Repeat("[", 60000), wantErr: "y.yml:1: YAML nested more than 100 levels deep (flatten the structure)"},
		{name: "nested too deep, flow closed on its line", yml: "a: " + strings.Repeat("[", 60000) + strings.Repeat("]", 60000) + "\n", wantErr: "y.yml:1: YAML nested more than 100 levels deep (flatten the structure)"},
		{name: "nested too deep, flow maps closed on its line", yml: "a: " + strings.Repeat("{b: ", 150) + "1" + strings.Repeat("}", 150) + "\n", wantErr: "y.yml:1: YAML nested more than 100 levels deep (flatten the structure)"},
		{name: "nested too deep, compact lists", yml: strings.Repeat("- ", 101) + "x\n", wantErr: "y.yml:1: YAML nested more than 100 levels deep (flatten the structure)"},
		{name: "nested 90 deep is fine", yml: nested(90, "  ", "a:\n") + strings.Repeat("  ", 90) + "b: 1\n", wantDepth: 91},
		{name: "brackets in text do not count", yml: "a: |\n  " + strings.Repeat("[", 200) + "\nb: '" + strings.Repeat("{", 200) + "'\nc: x[" + strings.Repeat("[", 200) + "\n# " + strings.Repeat("[", 200) + "\n",
			want: map[string]any{"a": strings.Repeat("[", 200) + "\n", "b": strings.Repeat("{", 200), "c": "x" + strings.Repeat("[", 201)}},
		{name: "too large", yml: "a: '" + strings.Repeat("x", MaxBytes) + "'\n", wantErr: "y.yml:1: the YAML file is 4194310 bytes, more than the 4194304 allowed (split it into several files)"},
		{name: "unclosed list", yml: "a: [1\nb: 2\n", wantErr: "y.yml:2:1: invalid YAML: ',' or ']' must be specified"},
		// Where a person made the edit, not where the parser noticed it.
		{name: "missing colon swallows the lines below", yml: "sources:\n  - name: a\n    schema: main\n    tables\n      - name: events\n        identifier: x\n",
			wantErr: "y.yml:4: invalid YAML: value is not allowed in this context. map key-value is pre-defined (a plain value runs over several lines here: is a colon (key: value) or a quote missing?)"},
		{name: "unclosed quote ends at a later quote", yml: "vars:\n  sources:\n    - name: \"your_source\n      events: true\n\n# \"Hi\" there\nmodels: x\n",
			wantErr: "y.yml:3:13: invalid YAML: value is not allowed in this context (the quoted text that starts here runs on to line 6: close its quote)"},
		{name: "a key without a colon before a blank line", yml: "a: 1\nb\n\n\nc: 2\n", wantErr: "y.yml:2:1: invalid YAML: non-map value is specified"},
		{name: "tabs inside double-quoted values, as PyYAML reads them",
			yml: "cols:\n  - name: a\n    description: \"traded\t(ISO 4217)\"\n  - \"x\ty\" \n  - name: \"b\tc\"\n    \"k\": \"v\t\\\"w\" # c\n  - name: d\n    description: |\n      \"p\tq\"\n    n: 'a\tb'\n",
			want: map[string]any{"cols": []any{
				map[string]any{"name": "a", "description": "traded\t(ISO 4217)"},
				"x\ty",
				map[string]any{"name": "b\tc", "k": "v\t\"w"},
				map[string]any{"name": "d", "description": "\"p\tq\"\n", "n": "a\tb"},
			}}},
		{name: "indentation", yml: "a:\n  b: 1\n c: 2\n", wantErr: "y.yml:3:2: invalid YAML: value is not allowed in this context"},
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
			if tc.wantDepth > 0 {
				if d := depth(n); d != tc.wantDepth {
					t.Errorf("depth %d, want %d", d, tc.wantDepth)
				}
				return
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

const billionLaughs = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
`

// nested repeats line n times, each indented one step more.
func nested(n int, step, line string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(step, i) + line)
	}
	return b.String()
}

func depth(n *Node) int {
	d := 0
	for _, e := range append(append([]*Node{}, n.Vals...), n.Items...) {
		d = max(d, depth(e))
	}
	if n.Kind == Scalar {
		return 0
	}
	return d + 1
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

// A key written twice in a mapping keeps its first place, takes the last
// value and is named in a warning with its line.
func TestDuplicateKeyWarning(t *testing.T) {
	n, err := Parse("y.yml", []byte("a: 1\nb: 2\na: 3\nm:\n  - k: 1\n    k: 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(n.Keys, ",") != "a,b,m" {
		t.Errorf("keys %v, want a,b,m", n.Keys)
	}
	var got []string
	for _, w := range n.Warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`y.yml:3: duplicate key "a": this value replaces the one written before, as dbt reads it (remove one of the two)`,
		`y.yml:6: duplicate key "k": this value replaces the one written before, as dbt reads it (remove one of the two)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
