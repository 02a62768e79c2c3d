package sqlfunc

import (
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's JAROWINKLER_SIMILARITY(a, b): the Jaro-Winkler similarity of
// the characters of a and b, case-insensitive, as a whole number from 0 to
// 100 (0 when either is empty). Snowflake's documented results follow from
// counting half the transpositions as a whole number and truncating the
// score, with the standard scaling factor 0.1 over a common prefix of at
// most 4 characters.

func init() {
	add(Func{Name: "jarowinkler_similarity", NArgs: 2, Scalar: jaroWinklerSimilarity})
	rename("jarowinkler_similarity", "jarowinkler_similarity", "snowflake")
}

func jaroWinklerSimilarity(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultInt64(JaroWinkler(args[0].Text(), args[1].Text()))
}

// JaroWinkler is JAROWINKLER_SIMILARITY of a and b.
func JaroWinkler(a, b string) int64 {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	j := jaro(ra, rb)
	prefix := 0
	for prefix < 4 && prefix < len(ra) && prefix < len(rb) && ra[prefix] == rb[prefix] {
		prefix++
	}
	// the small epsilon keeps an exact score such as 100 from truncating
	// to 99 through rounding of the float arithmetic
	return int64((j+float64(prefix)*0.1*(1-j))*100 + 1e-9)
}

// jaro is Snowflake's Jaro similarity, half the transpositions counted as
// a whole number.
func jaro(a, b []rune) float64 {
	m, outOfOrder := jaroMatches(a, b)
	if m == 0 {
		return 0
	}
	return (m/float64(len(a)) + m/float64(len(b)) + (m-float64(outOfOrder/2))/m) / 3
}

// jaroMatches counts the characters of a and b that match (equal and at
// most half the longer length less one apart, each used once) and the
// matched ones out of order.
func jaroMatches(a, b []rune) (matches float64, outOfOrder int) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	window := max(max(len(a), len(b))/2-1, 0)
	usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
	n := 0
	for i := range a {
		for j := max(0, i-window); j < min(len(b), i+window+1); j++ {
			if !usedB[j] && a[i] == b[j] {
				usedA[i], usedB[j] = true, true
				n++
				break
			}
		}
	}
	k := 0
	for i := range a {
		if !usedA[i] {
			continue
		}
		for !usedB[k] {
			k++
		}
		if a[i] != b[k] {
			outOfOrder++
		}
		k++
	}
	return float64(n), outOfOrder
}

// DuckDB's jaro_similarity(a, b) and jaro_winkler_similarity(a, b): the
// scores from 0 to 1 as DOUBLEs, case-sensitive, a transposition counted
// as half, and the Winkler boost (0.1 a common prefix character, at most 4)
// only above a Jaro score of 0.7.
func init() {
	add(Func{Name: "jaro_score", NArgs: 2, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if !nullCall(ctx, args) {
			ctx.ResultFloat(jaroScore([]rune(args[0].Text()), []rune(args[1].Text())))
		}
	}}, Func{Name: "jaro_winkler_score", NArgs: 2, Scalar: func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		a, b := []rune(args[0].Text()), []rune(args[1].Text())
		j := jaroScore(a, b)
		if j > 0.7 {
			prefix := 0
			for prefix < 4 && prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
				prefix++
			}
			j += float64(prefix) * 0.1 * (1 - j)
		}
		ctx.ResultFloat(j)
	}})
	rename("jaro_score", "jaro_similarity", "duckdb")
	rename("jaro_winkler_score", "jaro_winkler_similarity", "duckdb")
}

// jaroScore is DuckDB's Jaro similarity, half the transpositions as a
// fraction.
func jaroScore(a, b []rune) float64 {
	m, outOfOrder := jaroMatches(a, b)
	if m == 0 {
		return 0
	}
	return (m/float64(len(a)) + m/float64(len(b)) + (m-float64(outOfOrder)/2)/m) / 3
}
