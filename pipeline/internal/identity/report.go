package identity

// Report compares the bounded resolution with exact connected components so
// a user can see when nexus_max_recursion is too low. Every figure takes time linear in identifiers plus edges.
type Report struct {
	MaxDepth    int // the bound the bounded figures were computed with
	Identifiers int
	Edges       int // as given, duplicates included

	// ExactComponents counts connected components, lone identifiers included.
	ExactComponents int
	// LargestComponent is the number of identifiers of the largest one.
	LargestComponent int
	// BoundedEntities counts distinct entities of the bounded strategy.
	BoundedEntities int
	// SplitComponents counts exact components that the bounded strategy
	// splits into more than one entity.
	SplitComponents int

	// DepthForExact is the smallest nexus_max_recursion at which bounded
	// equals exact: the largest, over components, of the eccentricity of the
	// component's smallest identifier (its BFS distance to the farthest
	// identifier). Bounded splits a component exactly when that distance
	// exceeds the bound, since the smallest identifier then fails to reach
	// the far end, while everything within the bound resolves to it.
	DepthForExact int

	// LongestPath is a lower bound on the longest shortest path (diameter)
	// over all components, found by a double-sweep BFS: from each
	// component's smallest identifier to the farthest identifier F, then
	// from F to the farthest identifier T. It is exact on trees (chains,
	// stars) and usually exact or one short on sparse identity graphs;
	// computing it exactly would take time identifiers x edges.
	// LongestPathFrom and LongestPathTo are F and T of the component that
	// gives it (-1 when no identifier exists), for a [Graph.ShortestPath]
	// explanation.
	LongestPath                    int
	LongestPathFrom, LongestPathTo int32
	// LongestPathUpper bounds the diameter from above: per component, twice
	// the eccentricity of the middle identifier of the F-T path (a third
	// BFS), since any two identifiers are at most that far apart through it.
	// LongestPath is exact when LongestPathUpper equals it; on trees the two
	// differ by at most one.
	LongestPathUpper int
}

// Compare resolves with both strategies and reports how they differ at the
// bound maxDepth.
func (g *Graph) Compare(maxDepth int) Report {
	n := int32(len(g.rankOf))
	rep := Report{
		MaxDepth:        maxDepth,
		Identifiers:     int(n),
		Edges:           g.edges,
		LongestPathFrom: -1,
		LongestPathTo:   -1,
	}
	comp, order := g.componentLabels()
	bounded := g.boundedLabels(maxDepth)

	// Two BFS distance arrays: from each component's minimum, and from the
	// farthest identifier found by the first sweep. Components are disjoint,
	// so each array is written once per vertex overall.
	d1 := make([]int32, n)
	d2 := make([]int32, n)
	d3 := make([]int32, n)
	for i := range d1 {
		d1[i], d2[i], d3[i] = -1, -1, -1
	}
	queue := make([]int32, 0, 64)
	seen := make([]int32, n) // component id + 1 that last counted an entity
	for start := 0; start < len(order); {
		root := order[start]
		end := start + 1
		for end < len(order) && comp[order[end]] == root {
			end++
		}
		members := order[start:end]
		start = end
		rep.ExactComponents++
		rep.LargestComponent = max(rep.LargestComponent, len(members))

		entities := 0
		for _, v := range members {
			if b := bounded[v]; seen[b] != root+1 {
				seen[b] = root + 1
				entities++
			}
		}
		rep.BoundedEntities += entities
		if entities > 1 {
			rep.SplitComponents++
		}

		far, ecc := g.sweep(root, d1, queue)
		rep.DepthForExact = max(rep.DepthForExact, int(ecc))
		to, diam := g.sweep(far, d2, queue)
		_, eccMid := g.sweep(g.middle(to, d2), d3, queue)
		upper := 2 * min(ecc, eccMid)
		if diam > int32(rep.LongestPath) || rep.LongestPathFrom < 0 {
			rep.LongestPath = int(diam)
			rep.LongestPathFrom, rep.LongestPathTo = g.byRank[far], g.byRank[to]
		}
		rep.LongestPathUpper = max(rep.LongestPathUpper, int(upper))
	}
	return rep
}

// sweep runs a BFS from rank s writing distances into dist (which must be -1
// over s's component) and returns the last vertex reached and its distance.
func (g *Graph) sweep(s int32, dist, queue []int32) (far, ecc int32) {
	queue = append(queue[:0], s)
	dist[s] = 0
	far = s
	for head := 0; head < len(queue); head++ {
		v := queue[head]
		far = v
		for _, u := range g.adj[g.off[v]:g.off[v+1]] {
			if dist[u] < 0 {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	return far, dist[far]
}

// middle walks back from t along decreasing distances in dist (a BFS from
// the other end) to the vertex halfway along that shortest path.
func (g *Graph) middle(t int32, dist []int32) int32 {
	half := dist[t] / 2
	for v := t; ; {
		if dist[v] == half {
			return v
		}
		for _, u := range g.neighbours(v) {
			if dist[u] == dist[v]-1 {
				v = u
				break
			}
		}
	}
}
