package graph

import (
	"reflect"
	"sort"
	"testing"
)

func chain() []*Node {
	return []*Node{
		{ID: "seed.p.raw", Kind: "seed", Name: "raw", Package: "p", Path: "seeds/raw.csv"},
		{ID: "source.app.raw", Kind: "source", Name: "raw", SourceName: "app", Package: "p", DependsOn: []string{"seed.p.raw"}},
		{ID: "model.p.a", Kind: "model", Name: "a", Package: "p", Path: "models/a.sql", DependsOn: []string{"source.app.raw"}},
		{ID: "model.p.b", Kind: "model", Name: "b", Package: "p", Path: "models/b.sql", Tags: []string{"t"}, DependsOn: []string{"model.p.a"}},
		{ID: "model.nx.c", Kind: "model", Name: "c", Package: "nx", Path: "models/c.sql", DependsOn: []string{"model.p.b"}},
		{ID: "model.p.z", Kind: "model", Name: "z", Package: "p", Path: "models/x/z.sql"},
		{ID: "test.p.t_a", Kind: "test", Name: "t_a", Package: "p", DependsOn: []string{"model.p.a"}},
	}
}

func names(ids map[string]bool) []string {
	var out []string
	for id := range ids {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

func TestOrder(t *testing.T) {
	g, err := New(chain())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range g.Order() {
		got = append(got, n.ID)
	}
	// Tests run right after their model; among ready nodes tests come first,
	// then sources, seeds and models, each by ID.
	want := []string{"seed.p.raw", "source.app.raw", "model.p.a", "test.p.t_a", "model.p.b", "model.nx.c", "model.p.z"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

func TestCycle(t *testing.T) {
	nodes := []*Node{
		{ID: "model.p.a", Kind: "model", Name: "a", DependsOn: []string{"model.p.c"}},
		{ID: "model.p.b", Kind: "model", Name: "b", DependsOn: []string{"model.p.a"}},
		{ID: "model.p.c", Kind: "model", Name: "c", DependsOn: []string{"model.p.b"}},
	}
	_, err := New(nodes)
	if err == nil || err.Error() != "dependency cycle: a -> c -> b -> a" {
		t.Fatalf("got %v", err)
	}
}

func TestSelect(t *testing.T) {
	g, err := New(chain())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		include, exclude []string
		want             []string
		wantErr          string
	}{
		{name: "name takes its tests", include: []string{"a"}, want: []string{"model.p.a", "test.p.t_a"}},
		{name: "ancestors", include: []string{"+b"}, want: []string{"model.p.a", "model.p.b", "seed.p.raw", "source.app.raw", "test.p.t_a"}},
		{name: "descendants", include: []string{"b+"}, want: []string{"model.nx.c", "model.p.b"}},
		{name: "at", include: []string{"@b"}, want: []string{"model.nx.c", "model.p.a", "model.p.b", "seed.p.raw", "source.app.raw", "test.p.t_a"}},
		{name: "source selects its readers", include: []string{"source:app"}, want: []string{"model.p.a", "source.app.raw", "test.p.t_a"}},
		{name: "package", include: []string{"package:nx"}, want: []string{"model.nx.c"}},
		{name: "tag", include: []string{"tag:t"}, want: []string{"model.p.b"}},
		{name: "path", include: []string{"path:models/x"}, want: []string{"model.p.z"}},
		{name: "a selector with a slash is a path", include: []string{"models/x"}, want: []string{"model.p.z"}},
		{name: "a seed folder by its path", include: []string{"seeds/"}, want: []string{"seed.p.raw"}},
		{name: "a file name", include: []string{"raw.csv"}, want: []string{"seed.p.raw"}},
		{name: "a file method", include: []string{"file:b"}, want: []string{"model.p.b"}},
		{name: "union by space", include: []string{"z tag:t"}, want: []string{"model.p.b", "model.p.z"}},
		{name: "intersection by comma", include: []string{"package:p,+b"}, want: []string{"model.p.a", "model.p.b", "seed.p.raw", "source.app.raw", "test.p.t_a"}},
		{name: "exclude", include: []string{"+c"}, exclude: []string{"package:nx", "t_a"}, want: []string{"model.p.a", "model.p.b", "seed.p.raw", "source.app.raw"}},
		{name: "misspelt", include: []string{"zz"}, wantErr: `no node is named "zz"; did you mean "z"?`},
		{name: "misspelt beside a match", include: []string{"a", "zz"}, want: []string{"model.p.a", "test.p.t_a"}},
		{name: "misspelt exclusion", include: []string{"a"}, exclude: []string{"zz"}, want: []string{"model.p.a", "test.p.t_a"}},
		{name: "unknown method", include: []string{"colour:red"}, wantErr: `unknown selector method "colour" in "colour:red" (use a name, source:, package:, tag:, path:, file:, resource_type:, test_type: or test_name:)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := g.Select(tc.include, tc.exclude)
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tc.want) {
				t.Errorf("got %v\nwant %v", names(got), tc.want)
			}
		})
	}
}

// A unit test depends on its model, as in dbt: selecting the model takes
// it, and test_type: picks unit, data, generic or singular tests, as
// test_name: picks generic tests by their test's name. Excluding a
// disabled model leaves nothing out (dbt only warns), where selecting
// one says why nothing runs.
// TestSelectWarnings: a selector that names no node beside others that
// select is a warning, as dbt's, and so is an exclusion naming no node.
func TestSelectWarnings(t *testing.T) {
	g, err := New(chain())
	if err != nil {
		t.Fatal(err)
	}
	sel, warnings, err := g.SelectWarn([]string{"z run"}, []string{"zz"}, false)
	want := []string{
		`--select: no node is named "run"; the rest of the selection runs`,
		`--exclude: no node is named "zz"; did you mean "z"?; it leaves nothing out`,
	}
	if err != nil || !reflect.DeepEqual(names(sel), []string{"model.p.z"}) || !reflect.DeepEqual(warnings, want) {
		t.Errorf("got %v %q %v\nwant [model.p.z] %q", names(sel), warnings, err, want)
	}
}

// TestSelectEager: with eager, a test goes with any of its models.
func TestSelectEager(t *testing.T) {
	g, err := New(append(chain(), &Node{ID: "test.p.rel", Kind: "test", Name: "rel", Package: "p", DependsOn: []string{"model.p.a", "model.p.z"}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, eager := range []bool{false, true} {
		sel, _, err := g.SelectWarn([]string{"a"}, nil, eager)
		want := []string{"model.p.a", "test.p.t_a"}
		if eager {
			want = []string{"model.p.a", "test.p.rel", "test.p.t_a"}
		}
		if err != nil || !reflect.DeepEqual(names(sel), want) {
			t.Errorf("eager %v: got %v %v, want %v", eager, names(sel), err, want)
		}
	}
	// an excluded test stays out
	if sel, _, _ := g.SelectWarn([]string{"a"}, []string{"rel"}, true); sel["test.p.rel"] {
		t.Errorf("excluded test selected: %v", names(sel))
	}
}

func TestSelectTestType(t *testing.T) {
	nodes := chain()
	nodes[len(nodes)-1].TestName = "not_null"
	g, err := New(append(nodes,
		&Node{ID: "unit_test.p.a.u_a", Kind: "unit_test", Name: "u_a", Package: "p", DependsOn: []string{"model.p.a"}},
		&Node{ID: "test.p.s", Kind: "test", Name: "s", Package: "p", DependsOn: []string{"model.p.z"}}))
	if err != nil {
		t.Fatal(err)
	}
	g.Disabled = map[string]string{"off": "models/off.sql"}
	for _, c := range []struct {
		include, exclude []string
		want             []string
		wantErr          string
	}{
		{include: []string{"a"}, want: []string{"model.p.a", "test.p.t_a", "unit_test.p.a.u_a"}},
		{include: []string{"test_type:unit"}, want: []string{"unit_test.p.a.u_a"}},
		{include: []string{"test_type:data"}, want: []string{"test.p.s", "test.p.t_a"}},
		{include: []string{"a"}, exclude: []string{"test_type:unit"}, want: []string{"model.p.a", "test.p.t_a"}},
		{include: []string{"a,test_type:unit"}, want: []string{"unit_test.p.a.u_a"}},
		{include: []string{"u_a"}, want: []string{"unit_test.p.a.u_a"}},
		{include: []string{"test_type:singular"}, want: []string{"test.p.s"}},
		{include: []string{"test_type:generic"}, want: []string{"test.p.t_a"}},
		{include: []string{"test_type:data"}, exclude: []string{"test_name:not_*"}, want: []string{"test.p.s"}},
		{include: []string{"test_name:not_null"}, want: []string{"test.p.t_a"}},
		{include: []string{"test_name:unique"}, want: nil},
		{include: []string{"a"}, exclude: []string{"off test_name:not_null"}, want: []string{"model.p.a", "unit_test.p.a.u_a"}},
		{include: []string{"off"}, want: nil},
		{include: []string{"test_type:other"}, wantErr: "test_type:other is not known (use test_type:unit, data, generic or singular)"},
	} {
		got, err := g.Select(c.include, c.exclude)
		if c.wantErr != "" {
			if err == nil || err.Error() != c.wantErr {
				t.Errorf("%v: error %v, want %s", c.include, err, c.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(names(got), c.want) {
			t.Errorf("%v -%v: got %v %v\nwant %v", c.include, c.exclude, names(got), err, c.want)
		}
	}
}

// Holds says whether a graph is New's of the nodes: any change to a node,
// one more or one less, is another graph.
func TestHolds(t *testing.T) {
	g, err := New(chain())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		edit func([]*Node) []*Node
		want bool
	}{
		{"the same nodes", func(n []*Node) []*Node { return n }, true},
		{"in another order", func(n []*Node) []*Node { n[0], n[6] = n[6], n[0]; return n }, true},
		{"a dependency more", func(n []*Node) []*Node { n[5].DependsOn = []string{"model.p.a"}; return n }, false},
		{"dependencies in another order", func(n []*Node) []*Node { n[3].DependsOn = []string{"model.p.a", "model.p.a"}; return n }, false},
		{"a tag", func(n []*Node) []*Node { n[2].Tags = []string{"x"}; return n }, false},
		{"a path", func(n []*Node) []*Node { n[2].Path = "models/other.sql"; return n }, false},
		{"a source name", func(n []*Node) []*Node { n[1].SourceName = "other"; return n }, false},
		{"a node less", func(n []*Node) []*Node { return n[:6] }, false},
		{"a node more", func(n []*Node) []*Node { return append(n, &Node{ID: "model.p.y", Kind: "model", Name: "y"}) }, false},
		{"a node renamed", func(n []*Node) []*Node { n[5].ID = "model.p.y"; return n }, false},
	} {
		if got := g.Holds(c.edit(chain())); got != c.want {
			t.Errorf("%s: Holds = %v, want %v", c.name, got, c.want)
		}
	}
	if (*Graph)(nil).Holds(chain()) {
		t.Error("no graph holds nodes")
	}
}
