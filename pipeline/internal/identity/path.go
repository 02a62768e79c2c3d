package identity

// ShortestPath returns the identifier ids of a shortest path from a to b,
// both included, to explain why two identifiers are one entity ("these are
// one person because a and x share a row, x and b share a row"). It returns
// nil when a and b are not connected. Among shortest paths it prefers, at
// each step from a, the smallest identifier, so the answer is stable.
func (g *Graph) ShortestPath(a, b int32) []int32 {
	src, dst := g.rankOf[a], g.rankOf[b]
	if src == dst {
		return []int32{a}
	}
	// BFS from b so that following parents walks from a towards b.
	n := len(g.rankOf)
	dist := make([]int32, n)
	for i := range dist {
		dist[i] = -1
	}
	dist[dst] = 0
	queue := []int32{dst}
	for head := 0; head < len(queue) && dist[src] < 0; head++ {
		v := queue[head]
		for _, u := range g.neighbours(v) {
			if dist[u] < 0 {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	if dist[src] < 0 {
		return nil
	}
	path := make([]int32, 0, dist[src]+1)
	for v := src; ; {
		path = append(path, g.byRank[v])
		if v == dst {
			return path
		}
		next := int32(-1)
		for _, u := range g.neighbours(v) {
			if dist[u] == dist[v]-1 && (next < 0 || u < next) {
				next = u
			}
		}
		v = next
	}
}
