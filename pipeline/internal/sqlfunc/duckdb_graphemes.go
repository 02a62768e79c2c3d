package sqlfunc

import (
	"unicode"

	"github.com/ncruces/go-sqlite3"
	"golang.org/x/text/unicode/norm"
)

// DuckDB's text functions of characters as a reader sees them, and its
// OVERLAY:
//
//	left_grapheme(s, n), right_grapheme(s, n)   the first (last) n grapheme
//	                       clusters; a negative n leaves that many out from
//	                       the other end, as left and right do
//	length_grapheme(s)     the number of grapheme clusters
//	nfc_normalize(s)       s in Unicode's normalization form C
//	overlay(s, r, start[, count])  s with count characters from start
//	                       replaced by r: the characters before start, r,
//	                       and those from start + count on; count defaults
//	                       to r's length, as does a negative count
//
// A grapheme cluster is a character with what joins it (UAX #29's extended
// clusters): combining marks, spacing marks, variation selectors, emoji
// modifiers and tags, emoji joined by a zero width joiner, a pair of
// regional indicators (a flag), a Hangul syllable's jamo, an Indic
// conjunct (consonants joined by a virama). As in DuckDB, CR and LF are
// two clusters.

func init() {
	add(Func{Name: "left_grapheme_duck", NArgs: 2, Scalar: graphemeSide(true)},
		Func{Name: "right_grapheme_duck", NArgs: 2, Scalar: graphemeSide(false)},
		Func{Name: "length_grapheme_duck", NArgs: 1, Scalar: lengthGrapheme},
		Func{Name: "nfc_normalize_duck", NArgs: 1, Scalar: nfcNormalize},
		Func{Name: "overlay_duck", NArgs: -1, Scalar: overlayDuck})
	rename("left_grapheme_duck", "left_grapheme", "duckdb")
	rename("right_grapheme_duck", "right_grapheme", "duckdb")
	rename("length_grapheme_duck", "length_grapheme", "duckdb")
	rename("nfc_normalize_duck", "nfc_normalize", "duckdb")
	rename("overlay_duck", "overlay", "duckdb")
}

func graphemeSide(left bool) func(sqlite3.Context, ...sqlite3.Value) {
	fn := map[bool]string{true: "LEFT_GRAPHEME", false: "RIGHT_GRAPHEME"}[left]
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		if nullCall(ctx, args) {
			return
		}
		n, ok := integer(args[1])
		if !ok {
			fail(ctx, fn, "the count must be an integer, not %s", args[1].Text())
			return
		}
		s := args[0].Text()
		bounds := graphemeBounds(s)
		count := int64(len(bounds) - 1)
		if n < 0 {
			n += count
		}
		n = min(max(n, 0), count)
		if left {
			ctx.ResultText(s[:bounds[n]])
		} else {
			ctx.ResultText(s[bounds[count-n]:])
		}
	}
}

func lengthGrapheme(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultInt(len(graphemeBounds(args[0].Text())) - 1)
}

func nfcNormalize(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	ctx.ResultText(norm.NFC.String(args[0].Text()))
}

func overlayDuck(ctx sqlite3.Context, args ...sqlite3.Value) {
	if !called(ctx, "OVERLAY", args, 3, 4, "takes a string, its replacement, a start and an optional count") || nullCall(ctx, args) {
		return
	}
	s, r := []rune(args[0].Text()), args[1].Text()
	start, ok := integer(args[2])
	if !ok {
		fail(ctx, "OVERLAY", "the start must be an integer, not %s", args[2].Text())
		return
	}
	count := int64(len([]rune(r)))
	if len(args) == 4 {
		c, ok := integer(args[3])
		if !ok {
			fail(ctx, "OVERLAY", "the count must be an integer, not %s", args[3].Text())
			return
		}
		if c >= 0 {
			count = c
		}
	}
	clamp := func(i int64) int64 { return min(max(i, 0), int64(len(s))) }
	ctx.ResultText(string(s[:clamp(start-1)]) + r + string(s[clamp(start+count-1):]))
}

// graphemeBounds are the byte offsets of s where its grapheme clusters
// start, and len(s) last.
func graphemeBounds(s string) []int {
	bounds := []int{}
	var prev rune
	riRun := 0        // regional indicators in a row before this rune
	pictoZWJ := false // the cluster so far ends in a pictograph, then ZWJ
	picto := false    // the cluster so far holds a pictograph followed by extenders only
	conjunct := 0     // 1: a consonant then extenders; 2: and a virama among them
	for i, r := range s {
		if len(bounds) == 0 || graphemeBreak(prev, r, riRun, pictoZWJ) && !(conjunct == 2 && isConsonant(r)) {
			bounds = append(bounds, i)
			picto = false
		}
		switch {
		case isPictographic(r):
			picto = true
			pictoZWJ = false
		case r == zwj:
			pictoZWJ = picto
		case graphemeExtend(r):
		default:
			picto, pictoZWJ = false, false
		}
		switch {
		case isConsonant(r):
			conjunct = 1
		case conjunct > 0 && isVirama(r):
			conjunct = 2
		case conjunct > 0 && (graphemeExtend(r) || r == zwj):
		default:
			conjunct = 0
		}
		if isRegional(r) {
			riRun++
		} else {
			riRun = 0
		}
		prev = r
	}
	return append(bounds, len(s))
}

const zwj = 0x200D

// graphemeBreak tells whether a cluster starts at r after prev.
func graphemeBreak(prev, r rune, riRun int, pictoZWJ bool) bool {
	switch {
	case unicode.Is(unicode.Cc, prev):
		return true
	case r == '\r' || r == '\n' || unicode.Is(unicode.Cc, r):
		return true
	case hangulBinds(prev, r):
		return false
	case graphemeExtend(r) || r == zwj || unicode.Is(unicode.Mc, r):
		return false
	case prev == zwj && pictoZWJ && isPictographic(r):
		return false
	case isRegional(prev) && isRegional(r):
		return riRun%2 == 0
	}
	return true
}

// graphemeExtend is Grapheme_Cluster_Break=Extend, near enough: marks,
// variation selectors, emoji modifiers and tags.
func graphemeExtend(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) ||
		r >= 0x1F3FB && r <= 0x1F3FF || r >= 0xE0020 && r <= 0xE007F || r >= 0xFE00 && r <= 0xFE0F || r == 0x200C
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// isPictographic is Extended_Pictographic, near enough: the emoji blocks
// and the symbols emoji are made of.
func isPictographic(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF && !isRegional(r) && !(r >= 0x1F3FB && r <= 0x1F3FF) ||
		r >= 0x2600 && r <= 0x27BF || r >= 0x2B00 && r <= 0x2BFF || r == 0x00A9 || r == 0x00AE || r == 0x203C || r == 0x2049 ||
		r >= 0x2190 && r <= 0x21FF || r >= 0x2300 && r <= 0x23FF || r >= 0x25A0 && r <= 0x25FF
}

// hangulBinds tells whether Hangul jamo or syllables prev and r are one
// syllable: L before L, V, LV or LVT; LV or V before V or T; LVT or T
// before T.
func hangulBinds(prev, r rune) bool {
	kind := func(r rune) byte {
		switch {
		case r >= 0x1100 && r <= 0x115F || r >= 0xA960 && r <= 0xA97C:
			return 'L'
		case r >= 0x1160 && r <= 0x11A7 || r >= 0xD7B0 && r <= 0xD7C6:
			return 'V'
		case r >= 0x11A8 && r <= 0x11FF || r >= 0xD7CB && r <= 0xD7FB:
			return 'T'
		case r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 0:
			return 'v' // LV
		case r >= 0xAC00 && r <= 0xD7A3:
			return 't' // LVT
		}
		return 0
	}
	a, b := kind(prev), kind(r)
	switch a {
	case 'L':
		return b == 'L' || b == 'V' || b == 'v' || b == 't'
	case 'v', 'V':
		return b == 'V' || b == 'T'
	case 't', 'T':
		return b == 'T'
	}
	return false
}

// isVirama is Indic_Conjunct_Break=Linker: the viramas of Devanagari,
// Bengali, Gujarati, Oriya, Telugu and Malayalam.
func isVirama(r rune) bool {
	switch r {
	case 0x094D, 0x09CD, 0x0ACD, 0x0B4D, 0x0C4D, 0x0D4D:
		return true
	}
	return false
}

// isConsonant is Indic_Conjunct_Break=Consonant, near enough: the
// consonant letters of those scripts.
func isConsonant(r rune) bool {
	if r < 0x0900 || r > 0x0D7F || !unicode.Is(unicode.Lo, r) {
		return false
	}
	off := (r - 0x0900) % 0x80
	return off >= 0x15 && off <= 0x39 || r >= 0x0958 && r <= 0x095F || r >= 0x0978 && r <= 0x097F ||
		r == 0x09DC || r == 0x09DD || r == 0x09DF || r == 0x09F0 || r == 0x09F1 || r == 0x0AF9 ||
		r == 0x0B5C || r == 0x0B5D || r == 0x0B5F || r == 0x0B71 || r >= 0x0C58 && r <= 0x0C5A
}
