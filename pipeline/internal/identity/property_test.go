package identity

import (
	"math/rand/v2"
	"testing"
)

// refGraph is a plain adjacency-list graph over identifier strings, for the
// reference implementations below.
type refGraph struct {
	names []string // "type\x00value" compares like (type, value) for these names
	adj   [][]int
}

// randomGraph draws a small graph. Names mix types and values whose byte
// order differs from intuition ("Z" < "a", "10" < "9").
func randomGraph(r *rand.Rand) (*Graph, refGraph) {
	types := []string{"email", "phone", "Z"}
	values := []string{"a", "b", "B", "9", "10", "x", "aa"}
	b := NewBuilder()
	var ref refGraph
	n := 1 + r.IntN(10)
	for len(ref.names) < n {
		typ, val := types[r.IntN(len(types))], values[r.IntN(len(values))]
		if int(b.Identifier(typ, val)) == len(ref.names) {
			ref.names = append(ref.names, typ+"\x00"+val)
			ref.adj = append(ref.adj, nil)
		}
	}
	m := r.IntN(2 * n)
	for range m {
		x, y := r.IntN(n), r.IntN(n)
		b.Edge(int32(x), int32(y))
		if x != y {
			ref.adj[x] = append(ref.adj[x], y)
			ref.adj[y] = append(ref.adj[y], x)
		}
	}
	return b.Build(), ref
}

// boundedRef follows dbt-nexus's rule literally: enumerate every simple path
// of at most k steps from each identifier by DFS and take the smallest
// identifier met.
func (g refGraph) boundedRef(k int) []int {
	out := make([]int, len(g.names))
	onPath := make([]bool, len(g.names))
	for s := range g.names {
		best := s
		var dfs func(v, steps int)
		dfs = func(v, steps int) {
			if g.names[v] < g.names[best] {
				best = v
			}
			if steps == k {
				return
			}
			onPath[v] = true
			for _, u := range g.adj[v] {
				if !onPath[u] {
					dfs(u, steps+1)
				}
			}
			onPath[v] = false
		}
		dfs(s, 0)
		out[s] = best
	}
	return out
}

// exactRef is union-find with the smallest name as representative.
func (g refGraph) exactRef() []int {
	parent := make([]int, len(g.names))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		if parent[x] != x {
			parent[x] = find(parent[x])
		}
		return parent[x]
	}
	for v, us := range g.adj {
		for _, u := range us {
			a, b := find(v), find(u)
			if g.names[a] < g.names[b] {
				parent[b] = a
			} else if a != b {
				parent[a] = b
			}
		}
	}
	out := make([]int, len(g.names))
	for i := range out {
		out[i] = find(i)
	}
	return out
}

// distances is a plain BFS from s.
func (g refGraph) distances(s int) []int {
	d := make([]int, len(g.names))
	for i := range d {
		d[i] = -1
	}
	d[s] = 0
	q := []int{s}
	for len(q) > 0 {
		v := q[0]
		q = q[1:]
		for _, u := range g.adj[v] {
			if d[u] < 0 {
				d[u] = d[v] + 1
				q = append(q, u)
			}
		}
	}
	return d
}

func TestResolveMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		g, ref := randomGraph(r)
		k := r.IntN(6)
		want := ref.boundedRef(k)
		got := g.Resolve(Bounded, k)
		for v := range want {
			if int(got[v]) != want[v] {
				t.Fatalf("graph %d (%v %v) depth %d: bounded[%d] = %d, want %d", i, ref.names, ref.adj, k, v, got[v], want[v])
			}
		}
		exact := ref.exactRef()
		got = g.Resolve(Exact, k)
		for v := range exact {
			if int(got[v]) != exact[v] {
				t.Fatalf("graph %d (%v %v): exact[%d] = %d, want %d", i, ref.names, ref.adj, v, got[v], exact[v])
			}
		}
		checkReport(t, g, ref, k, want, exact)
	}
}

// checkReport recomputes every Report figure the slow way: the diameter by
// BFS from every identifier.
func checkReport(t *testing.T, g *Graph, ref refGraph, k int, bounded, exact []int) {
	t.Helper()
	rep := g.Compare(k)
	comps := map[int]map[int]bool{}
	diam, depthForExact := 0, 0
	for v := range ref.names {
		c := exact[v]
		if comps[c] == nil {
			comps[c] = map[int]bool{}
		}
		comps[c][bounded[v]] = true
		for _, d := range ref.distances(v) {
			diam = max(diam, d)
		}
		if v == c {
			for _, d := range ref.distances(v) {
				depthForExact = max(depthForExact, d)
			}
		}
	}
	entities, split := 0, 0
	for _, es := range comps {
		entities += len(es)
		if len(es) > 1 {
			split++
		}
	}
	if rep.ExactComponents != len(comps) || rep.BoundedEntities != entities || rep.SplitComponents != split {
		t.Fatalf("%v %v depth %d: report %+v; want %d components, %d entities, %d split",
			ref.names, ref.adj, k, rep, len(comps), entities, split)
	}
	if rep.DepthForExact != depthForExact {
		t.Fatalf("%v %v: DepthForExact = %d, want %d", ref.names, ref.adj, rep.DepthForExact, depthForExact)
	}
	if rep.LongestPath > diam || rep.LongestPathUpper < diam {
		t.Fatalf("%v %v: diameter %d outside [%d, %d]", ref.names, ref.adj, diam, rep.LongestPath, rep.LongestPathUpper)
	}
	if p := g.ShortestPath(rep.LongestPathFrom, rep.LongestPathTo); len(p)-1 != rep.LongestPath {
		t.Fatalf("%v %v: path between the longest-path ends has %d steps, want %d", ref.names, ref.adj, len(p)-1, rep.LongestPath)
	}
	// Bounded equals exact exactly from DepthForExact on.
	if (split == 0) != (k >= depthForExact) {
		t.Fatalf("%v %v depth %d: %d split components but DepthForExact %d", ref.names, ref.adj, k, split, depthForExact)
	}
}
