package sqlfunc

import (
	"math"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Tokens and character maps: Snowflake's STRTOK, every warehouse's
// TRANSLATE, BigQuery's IEEE_DIVIDE.

func init() {
	add(
		Func{Name: "token_at", NArgs: -1, Scalar: tokenAt},
		Func{Name: "translate_chars", NArgs: 3, Scalar: translateChars},
		Func{Name: "ieee_quotient", NArgs: 2, Scalar: ieeeQuotient},
	)
	// token_at(s[, delimiters][, n]): the n-th token (1 by default) of s
	// cut at any of the delimiter characters (' ' by default); empty
	// tokens are skipped; NULL when there is no n-th token.
	rename("token_at", "strtok", "snowflake")
	// translate_chars(s, from, to): each character of from replaced by the
	// character at the same place in to, or removed when to is shorter.
	rename("translate_chars", "translate", "bigquery", "snowflake", "duckdb")
	// ieee_quotient(x, y): x / y as floats, never an error: x/0 is
	// +/-Infinity, 0/0 is NaN (which SQLite stores as NULL).
	rename("ieee_quotient", "ieee_divide", "bigquery")
}

func tokenAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "STRTOK"
	if !called(ctx, fn, args, 1, 3, "takes a string, optional delimiter characters and an optional token number") || nullCall(ctx, args) {
		return
	}
	delims, n := " ", int64(1)
	if len(args) > 1 {
		delims = args[1].Text()
	}
	if len(args) > 2 {
		var ok bool
		if n, ok = integer(args[2]); !ok {
			fail(ctx, fn, "the token number must be an integer, not %s", args[2].Text())
			return
		}
	}
	tokens := strings.FieldsFunc(args[0].Text(), func(r rune) bool { return strings.ContainsRune(delims, r) })
	if n < 1 || n > int64(len(tokens)) {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(tokens[n-1])
}

func translateChars(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	from, to := []rune(args[1].Text()), []rune(args[2].Text())
	// The first place of a character in from decides.
	m := make(map[rune]rune, len(from))
	for i, r := range from {
		if _, seen := m[r]; seen {
			continue
		}
		if i < len(to) {
			m[r] = to[i]
		} else {
			m[r] = -1
		}
	}
	ctx.ResultText(strings.Map(func(r rune) rune {
		if t, ok := m[r]; ok {
			return t
		}
		return r
	}, args[0].Text()))
}

func ieeeQuotient(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	x, y := args[0].Float(), args[1].Float()
	q := x / y
	if math.IsNaN(q) {
		ctx.ResultNull()
		return
	}
	ctx.ResultFloat(q)
}
