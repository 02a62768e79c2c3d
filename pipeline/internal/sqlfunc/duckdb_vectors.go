package sqlfunc

import (
	"encoding/json"
	"math"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's distances between two lists of numbers of the same length,
// computed in DOUBLE:
//
//	list_cosine_similarity(a, b)   a·b / (|a| |b|), NULL (DuckDB's NaN) for a zero vector
//	list_cosine_distance(a, b)     1 - the similarity
//	list_distance(a, b)            the Euclidean distance
//	list_dot_product(a, b), list_inner_product(a, b)   a·b
//	list_negative_dot_product(a, b), list_negative_inner_product(a, b)  -a·b
//
// Lists of different lengths, or holding a NULL, fail as in DuckDB. The
// array_ functions (array_cosine_similarity ...) compute the same of two
// arrays, DOUBLE[n] or FLOAT[n].

func init() {
	kinds := map[string]string{"cosine_similarity": "cos", "cosine_distance": "cosdist", "distance": "dist",
		"dot_product": "dot", "inner_product": "dot", "negative_dot_product": "negdot", "negative_inner_product": "negdot"}
	for name, kind := range kinds {
		add(Func{Name: "list_" + name + "_duck", NArgs: 2, Scalar: listVectors("list_"+name, kind)})
		rename("list_"+name+"_duck", "list_"+name, "duckdb")
		// the same of two fixed-size arrays (lists here)
		add(Func{Name: "array_" + name + "_duck", NArgs: 2, Scalar: listVectors("array_"+name, kind)})
		rename("array_"+name+"_duck", "array_"+name, "duckdb")
	}
}

func listVectors(fn, kind string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		var a, b []*float64
		if json.Unmarshal(args[0].RawText(), &a) != nil || json.Unmarshal(args[1].RawText(), &b) != nil {
			fail(ctx, fn, "takes two lists of numbers")
			return
		}
		if len(a) != len(b) {
			if strings.HasPrefix(fn, "array_") {
				fail(ctx, fn, "Array arguments must be of the same size, got %d and %d", len(a), len(b))
				return
			}
			fail(ctx, fn, "list dimensions must be equal, got left length '%d' and right length '%d'", len(a), len(b))
			return
		}
		var dot, na, nb, d2 float64
		for i := range a {
			if a[i] == nil || b[i] == nil {
				fail(ctx, fn, "the lists can not contain NULL values")
				return
			}
			x, y := *a[i], *b[i]
			dot += x * y
			na += x * x
			nb += y * y
			d2 += (x - y) * (x - y)
		}
		var r float64
		switch kind {
		case "cos", "cosdist":
			r = dot / math.Sqrt(na*nb)
			if kind == "cosdist" {
				r = 1 - r
			}
		case "dist":
			r = math.Sqrt(d2)
		case "dot":
			r = dot
		case "negdot":
			r = -dot
		}
		if math.IsNaN(r) || math.IsInf(r, 0) {
			ctx.ResultNull()
			return
		}
		ctx.ResultFloat(r)
	}
}
