package identity

import (
	"fmt"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Strategy selects how identifiers are grouped into entities.
type Strategy uint8

const (
	// Bounded is dbt-nexus's rule: the smallest
	// identifier within nexus_max_recursion steps. A chain longer than the
	// bound splits one real entity into several.
	Bounded Strategy = iota
	// Exact takes true connected components, whatever their size.
	Exact
)

// String returns the name used in configuration: "bounded" or "exact".
func (s Strategy) String() string {
	switch s {
	case Bounded:
		return "bounded"
	case Exact:
		return "exact"
	}
	return fmt.Sprintf("Strategy(%d)", uint8(s))
}

// ParseStrategy reads a strategy name as written in configuration. The
// diagnostic it returns has no file; the caller adds it.
func ParseStrategy(name string) (Strategy, error) {
	switch name {
	case "bounded":
		return Bounded, nil
	case "exact":
		return Exact, nil
	}
	return 0, diag.Errorf("", 0, "unknown identity resolution strategy %q", name).
		WithHint(`use "bounded" (dbt-nexus compatible) or "exact" (connected components)`)
}

// Resolve returns, for every identifier id, the id of its entity's
// representative: the smallest identifier of its component under s. The
// bound maxDepth (nexus_max_recursion) only applies to [Bounded]; a negative
// bound counts as 0, which leaves every identifier on its own.
func (g *Graph) Resolve(s Strategy, maxDepth int) []int32 {
	switch s {
	case Bounded:
		return g.toIDs(g.boundedLabels(maxDepth))
	case Exact:
		return g.exactIDs()
	}
	panic("identity: unknown strategy " + s.String())
}

// exactIDs is Exact resolution by union-find over the edges in the order
// the builder received them. Identifiers seen in one row have neighbouring
// ids, so the parent array is read near where it was just written, which
// keeps a large graph in cache far better than a search over ranks. The
// root of each set is kept at its smallest-ranked identifier, so a root is
// its component's representative.
func (g *Graph) exactIDs() []int32 {
	parent := make([]int32, len(g.rankOf))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]] // path halving
			x = parent[x]
		}
		return x
	}
	for i := 0; i+1 < len(g.pairs); i += 2 {
		a, b := find(g.pairs[i]), find(g.pairs[i+1])
		switch {
		case a == b:
		case g.rankOf[a] < g.rankOf[b]:
			parent[b] = a
		default:
			parent[a] = b
		}
	}
	for id := range parent {
		parent[id] = find(int32(id))
	}
	return parent
}

// toIDs turns per-rank labels (ranks) into per-id representative ids, in
// place of a new slice indexed by id.
func (g *Graph) toIDs(label []int32) []int32 {
	out := make([]int32, len(label))
	for id, r := range g.rankOf {
		out[id] = g.byRank[label[r]]
	}
	return out
}

// componentLabels labels every rank with the smallest rank of its connected
// component. Visiting ranks in increasing order makes the first vertex of
// each BFS its component's minimum. It also returns the BFS order, which
// lists each component contiguously starting at its minimum.
func (g *Graph) componentLabels() (label, order []int32) {
	n := int32(len(g.rankOf))
	label = make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	order = make([]int32, 0, n)
	for r := int32(0); r < n; r++ {
		if label[r] >= 0 {
			continue
		}
		label[r] = r
		head := len(order)
		order = append(order, r)
		for ; head < len(order); head++ {
			v := order[head]
			for _, u := range g.adj[g.off[v]:g.off[v+1]] {
				if label[u] < 0 {
					label[u] = r
					order = append(order, u)
				}
			}
		}
	}
	return label, order
}

// boundedLabels labels every rank with the smallest rank within distance
// maxDepth. After round t, val[v] is the minimum over the ball of radius t
// around v. Only vertices whose value changed in round t-1 can lower a
// neighbour in round t (any other neighbour's value was already taken), so
// each round pushes the changed values, snapshotted at the end of the
// previous round to keep rounds synchronous.
func (g *Graph) boundedLabels(maxDepth int) []int32 {
	n := int32(len(g.rankOf))
	val := make([]int32, n)
	for i := range val {
		val[i] = int32(i)
	}
	if maxDepth <= 0 || n == 0 {
		return val
	}
	// Round 1 pulls over every edge; no snapshot needed since every value
	// is still its own rank.
	changed := make([]int32, 0, 64)
	for v := int32(0); v < n; v++ {
		m := v
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if u < m {
				m = u
			}
		}
		if m != v {
			val[v] = m
			changed = append(changed, v)
		}
	}
	mark := make([]int32, n) // round number that last queued a vertex
	var snap, next []int32
	for round := int32(2); int(round) <= maxDepth && len(changed) > 0; round++ {
		snap = snap[:0]
		for _, v := range changed {
			snap = append(snap, val[v])
		}
		next = next[:0]
		for i, u := range changed {
			x := snap[i]
			for _, v := range g.adj[g.off[u]:g.off[u+1]] {
				if x < val[v] {
					val[v] = x
					if mark[v] != round {
						mark[v] = round
						next = append(next, v)
					}
				}
			}
		}
		changed, next = next, changed
	}
	return val
}
