package identity

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// realistic is an identifier graph shaped like source data: mostly people
// with 1-6 identifiers seen in rows of two or three, some long chains
// (devices handed over, forwarded addresses) and some hubs (a shared office
// email or a support phone on many rows).
type realistic struct {
	types, values []string
	rows          [][]int
}

func makeRealistic(n int) realistic {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	types := []string{"email", "phone", "user_id", "anonymous_id", "stripe_customer_id"}
	var g realistic
	add := func() int {
		g.types = append(g.types, types[r.IntN(len(types))])
		// Random values so that sort order is unrelated to creation order.
		g.values = append(g.values, strconv.FormatUint(r.Uint64(), 36)+"@example.com")
		return len(g.types) - 1
	}
	var hubs []int
	for len(g.types) < n {
		switch p := r.IntN(1000); {
		case p < 5: // a chain of 10-40 identifiers, rows of two
			prev := add()
			for range 10 + r.IntN(31) {
				next := add()
				g.rows = append(g.rows, []int{prev, next})
				prev = next
			}
		case p < 6: // a hub
			hubs = append(hubs, add())
		default: // a person with 1-6 identifiers
			ids := make([]int, 1+r.IntN(6))
			for i := range ids {
				ids[i] = add()
			}
			for i := 1; i < len(ids); i++ {
				row := []int{ids[i-1], ids[i]}
				if i+1 < len(ids) && r.IntN(3) == 0 {
					row = append(row, ids[i+1])
				}
				g.rows = append(g.rows, row)
			}
			if len(hubs) > 0 && r.IntN(50) == 0 {
				g.rows = append(g.rows, []int{ids[0], hubs[r.IntN(len(hubs))]})
			}
		}
	}
	return g
}

func (g realistic) build() *Graph {
	b := NewBuilder()
	b.Grow(len(g.types), 2*len(g.rows))
	ids := make([]int32, len(g.types))
	for i := range g.types {
		ids[i] = b.Identifier(g.types[i], g.values[i])
	}
	var row []int32
	for _, rw := range g.rows {
		row = row[:0]
		for _, v := range rw {
			row = append(row, ids[v])
		}
		b.Row(row...)
	}
	return b.Build()
}

var benchSizes = []int{10_000, 100_000, 1_000_000}

var benchGraphs = map[int]*Graph{}

func benchGraph(n int) *Graph {
	if g, ok := benchGraphs[n]; ok {
		return g
	}
	g := makeRealistic(n).build()
	benchGraphs[n] = g
	return g
}

func benchResolve(b *testing.B, s Strategy, depth int) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			g := benchGraph(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				g.Resolve(s, depth)
			}
		})
	}
}

func BenchmarkResolveExact(b *testing.B)   { benchResolve(b, Exact, 5) }
func BenchmarkResolveBounded(b *testing.B) { benchResolve(b, Bounded, 5) }

// BenchmarkBuild covers interning, sorting and the CSR: the cost paid once
// before any Resolve.
func BenchmarkBuild(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			g := makeRealistic(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				g.build()
			}
		})
	}
}

// BenchmarkCompare is the report: both strategies and three BFS sweeps.
func BenchmarkCompare(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			g := benchGraph(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				g.Compare(5)
			}
		})
	}
}

// BenchmarkResolveBoundedDepth is bounded resolution of 1,000,000
// identifiers at growing nexus_max_recursion: its cost follows depth x
// edges (each round touches only what changed), not the number of paths.
func BenchmarkResolveBoundedDepth(b *testing.B) {
	const n = 1_000_000
	for _, depth := range []int{1, 3, 5, 8, 16, 32} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			g := benchGraph(n)
			b.ResetTimer()
			for b.Loop() {
				g.Resolve(Bounded, depth)
			}
			b.ReportMetric(float64(g.Edges()), "edges")
		})
	}
}
