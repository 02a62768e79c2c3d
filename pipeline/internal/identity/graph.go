package identity

import (
	"cmp"
	"sort"
)

// Graph is the frozen identifier graph. Identifier ids are those the
// [Builder] gave; internally vertices are numbered by sort rank.
type Graph struct {
	types, values  []string // by id
	byRank, rankOf []int32  // rank -> id, id -> rank
	off, adj       []int32  // CSR over ranks, both directions
	// pairs are the edges as the builder received them, in id space:
	// endpoints 2i and 2i+1.
	pairs []int32
	edges int
}

// Len is the number of identifiers.
func (g *Graph) Len() int { return len(g.types) }

// Edges is the number of edges given to the builder, self-loops excepted
// and duplicates included.
func (g *Graph) Edges() int { return g.edges }

// Identifier returns the type and value of id.
func (g *Graph) Identifier(id int32) (typ, value string) {
	return g.types[id], g.values[id]
}

// Lookup returns the id of (typ, value) by binary search over the sort
// order, and false when the graph does not hold it.
func (g *Graph) Lookup(typ, value string) (int32, bool) {
	r := sort.Search(len(g.byRank), func(i int) bool {
		id := g.byRank[i]
		if c := cmp.Compare(g.types[id], typ); c != 0 {
			return c > 0
		}
		return g.values[id] >= value
	})
	if r < len(g.byRank) {
		id := g.byRank[r]
		if g.types[id] == typ && g.values[id] == value {
			return id, true
		}
	}
	return -1, false
}

// Less reports whether identifier a sorts before b: type first, then value,
// bytewise.
func (g *Graph) Less(a, b int32) bool { return g.rankOf[a] < g.rankOf[b] }

// neighbours returns the CSR slice of rank r.
func (g *Graph) neighbours(r int32) []int32 { return g.adj[g.off[r]:g.off[r+1]] }
