package identity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// graphOf builds a graph from "type:value" names; edges join names given as
// "a-b". Identifiers are added in the order they are listed, then from edges.
func graphOf(t testing.TB, ids []string, edges []string) (*Graph, map[string]int32) {
	t.Helper()
	b := NewBuilder()
	byName := map[string]int32{}
	add := func(name string) int32 {
		typ, value, ok := strings.Cut(name, ":")
		if !ok {
			t.Fatalf("identifier %q is not type:value", name)
		}
		id := b.Identifier(typ, value)
		byName[name] = id
		return id
	}
	for _, s := range ids {
		add(s)
	}
	for _, e := range edges {
		x, y, ok := strings.Cut(e, "-")
		if !ok {
			t.Fatalf("edge %q is not a-b", e)
		}
		b.Edge(add(x), add(y))
	}
	return b.Build(), byName
}

// named turns a Resolve result into identifier name -> representative name.
func named(g *Graph, res []int32) map[string]string {
	out := make(map[string]string, len(res))
	for id, r := range res {
		ty, v := g.Identifier(int32(id))
		rt, rv := g.Identifier(r)
		out[ty+":"+v] = rt + ":" + rv
	}
	return out
}

// chain returns edges joining n identifiers t:1 ... t:n in a line, with
// values chosen so that t:1 is the smallest.
func chain(n int) []string {
	var e []string
	for i := 1; i < n; i++ {
		e = append(e, name(i)+"-"+name(i+1))
	}
	return e
}

func name(i int) string { return "c:" + string(rune('a'+i-1)) }

func TestResolve(t *testing.T) {
	tests := []struct {
		name        string
		ids         []string
		edges       []string
		depth       int
		wantBounded map[string]string
		wantExact   map[string]string
	}{
		{
			name:        "isolated identifiers stay alone",
			ids:         []string{"email:b", "email:a"},
			depth:       5,
			wantBounded: map[string]string{"email:a": "email:a", "email:b": "email:b"},
			wantExact:   map[string]string{"email:a": "email:a", "email:b": "email:b"},
		},
		{
			name:        "type sorts before value",
			edges:       []string{"phone:1-email:z"},
			depth:       5,
			wantBounded: map[string]string{"phone:1": "email:z", "email:z": "email:z"},
			wantExact:   map[string]string{"phone:1": "email:z", "email:z": "email:z"},
		},
		{
			name:        "bytewise order: upper case and digits first",
			edges:       []string{"e:a-e:B", "e:B-e:9", "e:9-e:10"},
			depth:       5,
			wantBounded: map[string]string{"e:a": "e:10", "e:B": "e:10", "e:9": "e:10", "e:10": "e:10"},
			wantExact:   map[string]string{"e:a": "e:10", "e:B": "e:10", "e:9": "e:10", "e:10": "e:10"},
		},
		{
			name:  "chain longer than the bound splits",
			edges: chain(5),
			depth: 2,
			wantBounded: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:b", "c:e": "c:c",
			},
			wantExact: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:a", "c:e": "c:a",
			},
		},
		{
			name:  "chain as long as the bound holds together",
			edges: chain(4),
			depth: 3,
			wantBounded: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:a",
			},
			wantExact: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:a",
			},
		},
		{
			name:        "depth zero leaves everyone alone",
			edges:       []string{"c:a-c:b"},
			depth:       0,
			wantBounded: map[string]string{"c:a": "c:a", "c:b": "c:b"},
			wantExact:   map[string]string{"c:a": "c:a", "c:b": "c:a"},
		},
		{
			name:        "negative depth counts as zero",
			edges:       []string{"c:a-c:b"},
			depth:       -3,
			wantBounded: map[string]string{"c:a": "c:a", "c:b": "c:b"},
			wantExact:   map[string]string{"c:a": "c:a", "c:b": "c:a"},
		},
		{
			name:  "cycle: the far side of a six-cycle misses the minimum",
			edges: []string{"c:a-c:b", "c:b-c:c", "c:c-c:d", "c:d-c:e", "c:e-c:f", "c:f-c:a"},
			depth: 2,
			wantBounded: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:b", "c:e": "c:a", "c:f": "c:a",
			},
			wantExact: map[string]string{
				"c:a": "c:a", "c:b": "c:a", "c:c": "c:a", "c:d": "c:a", "c:e": "c:a", "c:f": "c:a",
			},
		},
		{
			name:  "star: leaves reach each other through the hub in two steps",
			edges: []string{"user:hub-email:3", "user:hub-email:1", "user:hub-email:2"},
			depth: 1,
			wantBounded: map[string]string{
				"user:hub": "email:1", "email:1": "email:1", "email:2": "email:2", "email:3": "email:3",
			},
			wantExact: map[string]string{
				"user:hub": "email:1", "email:1": "email:1", "email:2": "email:1", "email:3": "email:1",
			},
		},
		{
			name: "bridge: a shared office email joins two people",
			edges: []string{
				"email:alice-phone:1", "phone:1-email:office",
				"email:bob-phone:2", "phone:2-email:office",
			},
			depth: 5,
			wantBounded: map[string]string{
				"email:alice": "email:alice", "phone:1": "email:alice", "email:office": "email:alice",
				"email:bob": "email:alice", "phone:2": "email:alice",
			},
			wantExact: map[string]string{
				"email:alice": "email:alice", "phone:1": "email:alice", "email:office": "email:alice",
				"email:bob": "email:alice", "phone:2": "email:alice",
			},
		},
		{
			name:        "self-loops are ignored",
			edges:       []string{"c:b-c:b", "c:a-c:a"},
			depth:       5,
			wantBounded: map[string]string{"c:a": "c:a", "c:b": "c:b"},
			wantExact:   map[string]string{"c:a": "c:a", "c:b": "c:b"},
		},
		{
			name:        "duplicate edges change nothing",
			edges:       []string{"c:b-c:c", "c:c-c:b", "c:b-c:c", "c:a-c:b", "c:a-c:b"},
			depth:       1,
			wantBounded: map[string]string{"c:a": "c:a", "c:b": "c:a", "c:c": "c:b"},
			wantExact:   map[string]string{"c:a": "c:a", "c:b": "c:a", "c:c": "c:a"},
		},
		{
			name:        "empty graph",
			depth:       5,
			wantBounded: map[string]string{},
			wantExact:   map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := graphOf(t, tt.ids, tt.edges)
			if diff := cmp.Diff(tt.wantBounded, named(g, g.Resolve(Bounded, tt.depth))); diff != "" {
				t.Errorf("bounded (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantExact, named(g, g.Resolve(Exact, tt.depth))); diff != "" {
				t.Errorf("exact (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		edges []string
		depth int
		want  Report
	}{
		{
			name:  "chain of five at depth two",
			edges: chain(5),
			depth: 2,
			want: Report{
				MaxDepth: 2, Identifiers: 5, Edges: 4,
				ExactComponents: 1, LargestComponent: 5, BoundedEntities: 3, SplitComponents: 1,
				DepthForExact: 4, LongestPath: 4, LongestPathFrom: 4, LongestPathTo: 0, LongestPathUpper: 4,
			},
		},
		{
			name:  "chain of five at depth four is whole",
			edges: chain(5),
			depth: 4,
			want: Report{
				MaxDepth: 4, Identifiers: 5, Edges: 4,
				ExactComponents: 1, LargestComponent: 5, BoundedEntities: 1, SplitComponents: 0,
				DepthForExact: 4, LongestPath: 4, LongestPathFrom: 4, LongestPathTo: 0, LongestPathUpper: 4,
			},
		},
		{
			name:  "star of four leaves and a lone identifier",
			ids:   []string{"user:hub", "email:x"},
			edges: []string{"user:hub-email:1", "user:hub-email:2", "user:hub-email:3", "user:hub-email:4"},
			depth: 1,
			want: Report{
				MaxDepth: 1, Identifiers: 6, Edges: 4,
				ExactComponents: 2, LargestComponent: 5, BoundedEntities: 5, SplitComponents: 1,
				DepthForExact: 2, LongestPath: 2, LongestPathFrom: 5, LongestPathTo: 4, LongestPathUpper: 2,
			},
		},
		{
			name:  "six-cycle: the double sweep is exact",
			edges: []string{"c:a-c:b", "c:b-c:c", "c:c-c:d", "c:d-c:e", "c:e-c:f", "c:f-c:a"},
			depth: 3,
			want: Report{
				MaxDepth: 3, Identifiers: 6, Edges: 6,
				ExactComponents: 1, LargestComponent: 6, BoundedEntities: 1,
				DepthForExact: 3, LongestPath: 3, LongestPathFrom: 3, LongestPathTo: 0, LongestPathUpper: 6,
			},
		},
		{
			name: "empty graph",
			want: Report{LongestPathFrom: -1, LongestPathTo: -1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := graphOf(t, tt.ids, tt.edges)
			if diff := cmp.Diff(tt.want, g.Compare(tt.depth)); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
		})
	}
}

func TestShortestPath(t *testing.T) {
	g, id := graphOf(t, []string{"email:lone"}, []string{
		"email:alice-phone:1", "phone:1-email:office", "email:office-phone:2", "phone:2-email:bob",
		"email:alice-user:7", "user:7-email:bob-work",
	})
	path := func(a, b string) []string {
		var out []string
		for _, v := range g.ShortestPath(id[a], id[b]) {
			ty, val := g.Identifier(v)
			out = append(out, ty+":"+val)
		}
		return out
	}
	tests := []struct {
		name string
		a, b string
		want []string
	}{
		{name: "through the office", a: "email:alice", b: "email:bob",
			want: []string{"email:alice", "phone:1", "email:office", "phone:2", "email:bob"}},
		{name: "backwards", a: "email:bob", b: "phone:1",
			want: []string{"email:bob", "phone:2", "email:office", "phone:1"}},
		{name: "itself", a: "phone:2", b: "phone:2", want: []string{"phone:2"}},
		{name: "not connected", a: "email:lone", b: "email:bob", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, path(tt.a, tt.b)); diff != "" {
				t.Errorf("ShortestPath(%s, %s) (-want +got):\n%s", tt.a, tt.b, diff)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	g, id := graphOf(t, []string{"email:b", "email:a", "phone:1"}, nil)
	for name, want := range id {
		typ, value, _ := strings.Cut(name, ":")
		if got, ok := g.Lookup(typ, value); !ok || got != want {
			t.Errorf("Lookup(%q) = %d, %v; want %d, true", name, got, ok, want)
		}
	}
	if got, ok := g.Lookup("email", "c"); ok {
		t.Errorf("Lookup(email:c) = %d, true; want not found", got)
	}
}

func TestParseStrategy(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Strategy
		wantErr string
	}{
		{name: "bounded", in: "bounded", want: Bounded},
		{name: "exact", in: "exact", want: Exact},
		{name: "unknown", in: "fast",
			wantErr: `unknown identity resolution strategy "fast" (use "bounded" (dbt-nexus compatible) or "exact" (connected components))`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStrategy(tt.in)
			gotErr := ""
			if err != nil {
				gotErr = err.Error()
			}
			if gotErr != tt.wantErr || (err == nil && got != tt.want) {
				t.Errorf("ParseStrategy(%q) = %v, %q; want %v, %q", tt.in, got, gotErr, tt.want, tt.wantErr)
			}
		})
	}
}
