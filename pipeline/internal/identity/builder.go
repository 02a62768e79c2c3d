package identity

import "slices"

// key is an identifier as the interning map sees it.
type key struct{ typ, value string }

// Builder collects identifiers and edges; [Builder.Build] turns them into a
// [Graph]. The zero value is not usable: call [NewBuilder].
type Builder struct {
	ids    map[key]int32
	types  []string
	values []string
	edges  []int32 // pairs a, b
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{ids: make(map[key]int32)}
}

// Grow reserves room for about n more identifiers and m more edges, which
// saves rehashing when the row counts are known up front.
func (b *Builder) Grow(n, m int) {
	if len(b.ids) == 0 && n > 0 {
		b.ids = make(map[key]int32, n)
	}
	b.types = slices.Grow(b.types, n)
	b.values = slices.Grow(b.values, n)
	b.edges = slices.Grow(b.edges, 2*m)
}

// Identifier returns the id of (typ, value), adding it when new. Ids are
// dense and given in first-seen order, starting at 0.
func (b *Builder) Identifier(typ, value string) int32 {
	k := key{typ, value}
	if id, ok := b.ids[k]; ok {
		return id
	}
	id := int32(len(b.types))
	b.ids[k] = id
	b.types = append(b.types, typ)
	b.values = append(b.values, value)
	return id
}

// Edge joins identifiers a and b (ids from [Builder.Identifier]). Edges are
// undirected; self-loops are ignored and duplicates are harmless, as in the
// package's edges table which holds both directions and may repeat.
func (b *Builder) Edge(x, y int32) {
	n := int32(len(b.types))
	if x < 0 || x >= n || y < 0 || y >= n {
		panic("identity: edge between unknown identifiers")
	}
	if x != y {
		b.edges = append(b.edges, x, y)
	}
}

// Row joins every pair of the identifiers seen on one row_id, the way the
// package builds its edges. Distances matter to
// the bounded strategy, so all pairs are joined, not a star.
func (b *Builder) Row(ids ...int32) {
	for i, x := range ids {
		for _, y := range ids[i+1:] {
			b.Edge(x, y)
		}
	}
}

// Len is the number of identifiers added so far.
func (b *Builder) Len() int { return len(b.types) }

// Build freezes the identifiers and edges into a Graph. The builder must not
// be used afterwards.
func (b *Builder) Build() *Graph {
	n := len(b.types)
	b.ids = nil // the map is the largest structure; let it go before sorting
	g := &Graph{
		types:  b.types,
		values: b.values,
		byRank: rankOrder(b.types, b.values),
		rankOf: make([]int32, n),
		edges:  len(b.edges) / 2,
	}
	for r, id := range g.byRank {
		g.rankOf[id] = int32(r)
	}

	// CSR adjacency in rank space: vertex r is the identifier of rank r, so
	// "smallest identifier" is "smallest vertex number" in every algorithm.
	off := make([]int32, n+1)
	for _, id := range b.edges {
		off[g.rankOf[id]+1]++
	}
	for i := 1; i <= n; i++ {
		off[i] += off[i-1]
	}
	adj := make([]int32, len(b.edges))
	pos := make([]int32, n)
	copy(pos, off[:n])
	for i := 0; i < len(b.edges); i += 2 {
		x, y := g.rankOf[b.edges[i]], g.rankOf[b.edges[i+1]]
		adj[pos[x]] = y
		pos[x]++
		adj[pos[y]] = x
		pos[y]++
	}
	g.off, g.adj = off, adj
	g.pairs, b.edges = b.edges, nil
	return g
}
