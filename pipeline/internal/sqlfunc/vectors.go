package sqlfunc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
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

// BigQuery's distances between two vectors, each an ARRAY of numbers or
// an ARRAY of STRUCTs (dimension, magnitude) whose dimensions, INT64 or
// STRING, pair the values (a dimension one vector lacks is 0 there):
//
//	COSINE_DISTANCE(a, b)      1 - a·b / (|a| |b|)
//	EUCLIDEAN_DISTANCE(a, b)   the Euclidean distance
//
// A NULL vector gives NULL; vectors of different lengths, a NULL element,
// a dimension repeated and (for the cosine) a zero vector fail, as there.
func init() {
	add(Func{Name: "cosine_distance_bigquery", NArgs: 2, Scalar: bigqueryVectors("COSINE_DISTANCE", "cosdist")},
		Func{Name: "euclidean_distance_bigquery", NArgs: 2, Scalar: bigqueryVectors("EUCLIDEAN_DISTANCE", "dist")})
	rename("cosine_distance_bigquery", "cosine_distance", "bigquery")
	rename("euclidean_distance_bigquery", "euclidean_distance", "bigquery")
}

func bigqueryVectors(fn, kind string) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		a, errA := readVector(args[0].RawText())
		b, errB := readVector(args[1].RawText())
		switch {
		case errA != nil || errB != nil:
			fail(ctx, fn, "%v", cmp.Or(errA, errB))
			return
		case (a.sparse == nil) != (b.sparse == nil):
			fail(ctx, fn, "the vectors must have the same type: both ARRAY<FLOAT64> or both ARRAY<STRUCT<dimension, magnitude>>")
			return
		case a.sparse == nil && len(a.dense) != len(b.dense):
			fail(ctx, fn, "the vectors must have the same length, got %d and %d", len(a.dense), len(b.dense))
			return
		}
		var dot, na, nb, d2 float64
		if a.sparse == nil {
			for i, x := range a.dense {
				y := b.dense[i]
				dot += x * y
				na += x * x
				nb += y * y
				d2 += (x - y) * (x - y)
			}
		} else {
			for k, x := range a.sparse {
				y := b.sparse[k]
				dot += x * y
				na += x * x
				d2 += (x - y) * (x - y)
			}
			for k, y := range b.sparse {
				nb += y * y
				if _, ok := a.sparse[k]; !ok {
					d2 += y * y
				}
			}
		}
		if kind == "dist" {
			ctx.ResultFloat(math.Sqrt(d2))
			return
		}
		if na == 0 || nb == 0 {
			fail(ctx, fn, "cannot compute the cosine distance of a zero vector")
			return
		}
		ctx.ResultFloat(1 - dot/math.Sqrt(na*nb))
	}
}

// vector is a dense vector's values by position, or a sparse one's
// magnitudes by dimension (sparse is nil for a dense vector).
type vector struct {
	dense  []float64
	sparse map[string]float64
}

// readVector reads a vector as JSON: an array of numbers, or of objects
// whose first member is the dimension and second the magnitude (sparse).
func readVector(text []byte) (v vector, err error) {
	var elems []json.RawMessage
	if json.Unmarshal(text, &elems) != nil {
		return v, fmt.Errorf("takes two ARRAYs")
	}
	for _, e := range elems {
		e = bytes.TrimSpace(e)
		if bytes.Equal(e, []byte("null")) {
			return v, fmt.Errorf("a vector holds a NULL element")
		}
		if len(e) == 0 || e[0] != '{' {
			var x float64
			if json.Unmarshal(e, &x) != nil {
				return v, fmt.Errorf("a vector's elements are numbers, or STRUCTs of a dimension and a magnitude")
			}
			v.dense = append(v.dense, x)
			continue
		}
		if v.sparse == nil {
			v.sparse = make(map[string]float64, len(elems))
		}
		dim, mag, ok := dimensionMagnitude(e)
		if !ok {
			return v, fmt.Errorf("a vector's STRUCT is a dimension (INT64 or STRING) and a magnitude")
		}
		if _, dup := v.sparse[dim]; dup {
			return v, fmt.Errorf("a dimension is repeated in a vector")
		}
		v.sparse[dim] = mag
	}
	if v.sparse != nil && len(v.dense) > 0 {
		return v, fmt.Errorf("a vector mixes numbers and STRUCTs")
	}
	return v, nil
}

// dimensionMagnitude reads a struct's first two fields in order.
func dimensionMagnitude(obj []byte) (dim string, mag float64, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	var vals []any
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", 0, false
	}
	for dec.More() {
		if _, err := dec.Token(); err != nil { // the key
			return "", 0, false
		}
		var x any
		if dec.Decode(&x) != nil {
			return "", 0, false
		}
		vals = append(vals, x)
	}
	if len(vals) != 2 || vals[0] == nil || vals[1] == nil {
		return "", 0, false
	}
	n, isNum := vals[1].(json.Number)
	if !isNum {
		return "", 0, false
	}
	f, err := n.Float64()
	if err != nil {
		return "", 0, false
	}
	switch d := vals[0].(type) {
	case json.Number:
		return "n" + d.String(), f, true
	case string:
		return "s" + d, f, true
	}
	return "", 0, false
}
