// Package graph orders a project's nodes (seeds, sources, models, tests) by
// their ref() and source() dependencies, finds cycles, and evaluates dbt
// node selection (--select / --exclude).
package graph

import (
	"container/heap"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Node is one vertex of the graph.
type Node struct {
	ID        string // kind.package.name, e.g. model.nexus.nexus_events
	Kind      string // seed, source, model, test
	Name      string
	Package   string // package name; the root project's own name for its nodes
	Path      string
	Tags      []string
	DependsOn []string // IDs
	// SourceName is the source a source node belongs to.
	SourceName string
	// VersionOf and Version name a version of a versioned model: the
	// selector dim_customers picks every version, dim_customers.v2 one.
	VersionOf, Version string
	// TestName is a generic test's name as dbt's test_metadata names it
	// (not_null, unique, equal_rowcount for dbt_utils.equal_rowcount),
	// which test_name: selects; empty for a singular test.
	TestName string
}

// Graph is a checked, ordered set of nodes.
type Graph struct {
	// Disabled maps the names of disabled models to their files, so a
	// selector naming one says why it selects nothing.
	Disabled map[string]string
	nodes    map[string]*Node
	order    []*Node
	children map[string][]string
	// parents are each node's dependencies without repeats, made once:
	// a build asks for them several times a node.
	parents map[string][]string
}

// New checks that every dependency exists and that there is no cycle, and
// computes a deterministic build order (ties broken by kind, then ID).
func New(nodes []*Node) (*Graph, error) {
	g := &Graph{nodes: map[string]*Node{}, children: map[string][]string{}}
	for _, n := range nodes {
		if _, dup := g.nodes[n.ID]; dup {
			return nil, fmt.Errorf("two nodes are named %s", n.ID)
		}
		g.nodes[n.ID] = n
	}
	for _, n := range nodes {
		for _, d := range n.DependsOn {
			if _, ok := g.nodes[d]; !ok {
				return nil, fmt.Errorf("%s depends on %s, which does not exist", n.ID, d)
			}
			g.children[d] = append(g.children[d], n.ID)
		}
	}
	if cyc := g.findCycle(); cyc != nil {
		return nil, &CycleError{Cycle: cyc}
	}
	g.order = g.topo()
	g.parents = make(map[string][]string, len(nodes))
	for _, n := range nodes {
		g.parents[n.ID] = unique(n.DependsOn)
	}
	return g, nil
}

// CycleError lists the nodes of a dependency cycle, first node repeated last.
type CycleError struct {
	Cycle []*Node
}

func (e *CycleError) Error() string {
	names := make([]string, len(e.Cycle))
	for i, n := range e.Cycle {
		names[i] = n.Name
	}
	return "dependency cycle: " + strings.Join(names, " -> ")
}

func (g *Graph) sortedIDs() []string {
	ids := make([]string, 0, len(g.nodes))
	for id := range g.nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (g *Graph) findCycle() []*Node {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var found []*Node
	var visit func(id string) bool
	visit = func(id string) bool {
		color[id] = grey
		stack = append(stack, id)
		deps := append([]string(nil), g.nodes[id].DependsOn...)
		sort.Strings(deps)
		for _, d := range deps {
			switch color[d] {
			case grey:
				i := len(stack) - 1
				for stack[i] != d {
					i--
				}
				// Report in dependency order: each node is read by the next.
				for j := len(stack) - 1; j >= i; j-- {
					found = append(found, g.nodes[stack[j]])
				}
				found = append(found, g.nodes[stack[len(stack)-1]])
				return true
			case white:
				if visit(d) {
					return true
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
		return false
	}
	for _, id := range g.sortedIDs() {
		if color[id] == white && visit(id) {
			// found lists from the node back along dependencies; reverse
			// so the cycle reads "a is read by b is read by ...".
			for i, j := 0, len(found)-1; i < j; i, j = i+1, j-1 {
				found[i], found[j] = found[j], found[i]
			}
			return rotate(found)
		}
	}
	return nil
}

// Tests rank first among ready nodes so that, in a build, a model's tests run
// right after it and a failure can stop its dependants, as dbt build does.
// rotate makes a cycle (first node repeated last) start at its smallest
// ID, so the same cycle is always reported the same way.
func rotate(cyc []*Node) []*Node {
	ring := cyc[:len(cyc)-1]
	start := 0
	for i, n := range ring {
		if n.ID < ring[start].ID {
			start = i
		}
	}
	out := append(append([]*Node{}, ring[start:]...), ring[:start]...)
	return append(out, out[0])
}

var kindRank = map[string]int{"test": 0, "source": 1, "seed": 2, "model": 3}

// topo is Kahn's algorithm with a sorted ready set, so the order is stable.
func (g *Graph) topo() []*Node {
	indeg := map[string]int{}
	for id, n := range g.nodes {
		indeg[id] = len(unique(n.DependsOn))
	}
	// The next node is always the least ready one by kind, then ID: a
	// heap finds it without sorting what is ready again at every step.
	ready := &readyHeap{rank: map[string]int{}}
	for _, id := range g.sortedIDs() {
		ready.rank[id] = kindRank[g.nodes[id].Kind]
		if indeg[id] == 0 {
			ready.ids = append(ready.ids, id)
		}
	}
	heap.Init(ready)
	var out []*Node
	for ready.Len() > 0 {
		id := heap.Pop(ready).(string)
		out = append(out, g.nodes[id])
		for _, c := range unique(g.children[id]) {
			indeg[c]--
			if indeg[c] == 0 {
				heap.Push(ready, c)
			}
		}
	}
	return out
}

// readyHeap holds the IDs of the nodes whose parents are all placed, the
// least by kind rank, then ID, first.
type readyHeap struct {
	ids  []string
	rank map[string]int
}

func (h *readyHeap) Len() int { return len(h.ids) }
func (h *readyHeap) Less(i, j int) bool {
	a, b := h.ids[i], h.ids[j]
	if h.rank[a] != h.rank[b] {
		return h.rank[a] < h.rank[b]
	}
	return a < b
}
func (h *readyHeap) Swap(i, j int) { h.ids[i], h.ids[j] = h.ids[j], h.ids[i] }
func (h *readyHeap) Push(x any)    { h.ids = append(h.ids, x.(string)) }
func (h *readyHeap) Pop() any {
	last := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return last
}

func unique(l []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Order returns all nodes in build order.
func (g *Graph) Order() []*Node { return g.order }

// Node returns a node by ID.
func (g *Graph) Node(id string) *Node { return g.nodes[id] }

// Parents returns the IDs n depends on, each once. The slice is the
// graph's own: callers read it.
func (g *Graph) Parents(id string) []string { return g.parents[id] }

// Children returns the IDs that depend on id.
func (g *Graph) Children(id string) []string { return unique(g.children[id]) }

// Descendants returns every node reachable downstream of id.
func (g *Graph) Descendants(id string) map[string]bool {
	out := map[string]bool{}
	var walk func(string)
	walk = func(x string) {
		for _, c := range g.children[x] {
			if !out[c] {
				out[c] = true
				walk(c)
			}
		}
	}
	walk(id)
	return out
}

// Ancestors returns every node id depends on, directly or not.
func (g *Graph) Ancestors(id string) map[string]bool {
	out := map[string]bool{}
	var walk func(string)
	walk = func(x string) {
		for _, p := range g.nodes[x].DependsOn {
			if !out[p] {
				out[p] = true
				walk(p)
			}
		}
	}
	walk(id)
	return out
}

// Holds tells whether g is the graph New makes of nodes: the same nodes,
// field for field, in any order. A session's next build mostly plans the
// same graph, and checking is cheaper than ordering it again.
func (g *Graph) Holds(nodes []*Node) bool {
	if g == nil || len(nodes) != len(g.nodes) {
		return false
	}
	for _, n := range nodes {
		was, ok := g.nodes[n.ID]
		if !ok || was.Kind != n.Kind || was.Name != n.Name || was.Package != n.Package || was.Path != n.Path ||
			was.SourceName != n.SourceName || was.VersionOf != n.VersionOf || was.Version != n.Version || !slices.Equal(was.Tags, n.Tags) || !slices.Equal(was.DependsOn, n.DependsOn) {
			return false
		}
	}
	return true
}
