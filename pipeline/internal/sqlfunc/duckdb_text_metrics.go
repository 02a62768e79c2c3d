package sqlfunc

import (
	"math"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// DuckDB's text metrics beside levenshtein and jaro: damerau_levenshtein
// (edits counting a swap of two characters as one), hamming and its alias
// mismatches (the places two strings of one length differ), jaccard (of
// the sets of their characters), and bar(x, min, max[, width]), a bar of
// block characters as long as x is between min and max. The metrics count
// bytes, as DuckDB's do (ä is two).

func init() {
	add(
		Func{Name: "damerau_levenshtein_of", NArgs: 2, Scalar: damerauLevenshtein},
		Func{Name: "hamming_of", NArgs: 2, Scalar: hamming},
		Func{Name: "jaccard_of", NArgs: 2, Scalar: jaccard},
		Func{Name: "bar_of", NArgs: -1, Scalar: bar},
	)
	rename("damerau_levenshtein_of", "damerau_levenshtein", "duckdb")
	rename("hamming_of", "hamming", "duckdb")
	rename("hamming_of", "mismatches", "duckdb")
	rename("jaccard_of", "jaccard", "duckdb")
	rename("bar_of", "bar", "duckdb")
}

// damerauLevenshtein is the edit distance allowing insertions, deletions,
// substitutions and swaps of adjacent characters, a swapped pair being
// editable again (Lowrance and Wagner's algorithm).
func damerauLevenshtein(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, b := args[0].RawText(), args[1].RawText()
	inf := len(a) + len(b)
	d := make([][]int, len(a)+2)
	for i := range d {
		d[i] = make([]int, len(b)+2)
	}
	d[0][0] = inf
	for i := 0; i <= len(a); i++ {
		d[i+1][0], d[i+1][1] = inf, i
	}
	for j := 0; j <= len(b); j++ {
		d[0][j+1], d[1][j+1] = inf, j
	}
	var last [256]int
	for i := 1; i <= len(a); i++ {
		db := 0
		for j := 1; j <= len(b); j++ {
			i1, j1 := last[b[j-1]], db
			cost := 1
			if a[i-1] == b[j-1] {
				cost, db = 0, j
			}
			d[i+1][j+1] = min(d[i][j]+cost, d[i+1][j]+1, d[i][j+1]+1, d[i1][j1]+(i-i1-1)+1+(j-j1-1))
		}
		last[a[i-1]] = i
	}
	ctx.ResultInt(d[len(a)+1][len(b)+1])
}

func hamming(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	a, b := args[0].RawText(), args[1].RawText()
	if len(a) == 0 || len(b) == 0 {
		fail(ctx, "HAMMING", "takes two strings that are not empty")
		return
	}
	if len(a) != len(b) {
		fail(ctx, "HAMMING", "the strings must be of equal length, not %d and %d bytes", len(a), len(b))
		return
	}
	n := 0
	for i := range a {
		if a[i] != b[i] {
			n++
		}
	}
	ctx.ResultInt(n)
}

func jaccard(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	set := func(s []byte) map[byte]bool {
		m := map[byte]bool{}
		for _, c := range s {
			m[c] = true
		}
		return m
	}
	a, b := set(args[0].RawText()), set(args[1].RawText())
	if len(a) == 0 || len(b) == 0 {
		fail(ctx, "JACCARD", "takes two strings that are not empty")
		return
	}
	both := 0
	for r := range a {
		if b[r] {
			both++
		}
	}
	ctx.ResultFloat(float64(both) / float64(len(a)+len(b)-both))
}

// barBlocks are the characters of a bar's last partial block, by eighths.
var barBlocks = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

func bar(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "BAR", args, 3, 4, "takes a number, the minimum, the maximum and an optional width") || nullCall(ctx, args) {
		return
	}
	nums := make([]float64, len(args))
	for i, a := range args {
		f, ok := number(a)
		if !ok {
			fail(ctx, "BAR", "takes numbers, not %s", a.Text())
			return
		}
		nums[i] = f
	}
	x, lo, hi, width := nums[0], nums[1], nums[2], 80.0
	if len(nums) == 4 {
		width = nums[3]
	}
	if width < 1 || width > 1000 || math.IsNaN(width) {
		fail(ctx, "BAR", "the width must be between 1 and 1000, not %v", width)
		return
	}
	var frac float64
	switch {
	case math.IsNaN(x) || hi <= lo:
		frac = 0
	default:
		frac = math.Min(math.Max((x-lo)/(hi-lo), 0), 1)
	}
	eighths := int(frac * width * 8)
	var b strings.Builder
	b.WriteString(strings.Repeat("█", eighths/8))
	b.WriteString(barBlocks[eighths%8])
	n := eighths/8 + min(eighths%8, 1)
	b.WriteString(strings.Repeat(" ", max(int(width)-n, 0)))
	ctx.ResultText(b.String())
}
