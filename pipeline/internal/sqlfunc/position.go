package sqlfunc

import (
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Positions of a substring or a match, 1-based and counted in characters,
// 0 when there is none: BigQuery's INSTR with a position and an occurrence,
// and REGEXP_INSTR of BigQuery and Snowflake.

func init() {
	add(
		Func{Name: "instr_at", NArgs: -1, Scalar: instrAt},
		Func{Name: "regexp_instr_at", NArgs: -1, Scalar: regexpInstr(false)},
		Func{Name: "regexp_instr_group", NArgs: -1, Scalar: regexpInstr(true)},
	)
	// instr_at(s, sub[, position[, occurrence]]): BigQuery's INSTR; a
	// negative position searches backwards from that many characters
	// from the end; occurrences may overlap.
	rename("instr_at", "instr", "bigquery")
	// regexp_instr_at(s, p[, position[, occurrence[, option[, params[, group]]]]]):
	// Snowflake's: the start of the match (option 0) or the character
	// after it (1).
	rename("regexp_instr_at", "regexp_instr", "snowflake")
	// regexp_instr_group(s, p[, position[, occurrence[, option]]]):
	// BigQuery's, which gives the position of the pattern's capturing group
	// when it has one, refuses patterns with more, and finds nothing for an
	// empty pattern or a position past the end.
	rename("regexp_instr_group", "regexp_instr", "bigquery")
}

func instrAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "INSTR"
	if !called(ctx, fn, args, 2, 4, "takes a value, a value to find, and optionally a position and an occurrence") {
		return
	}
	pos, occ := int64(1), int64(1)
	var ok bool
	if len(args) > 2 {
		if pos, ok = integer(args[2]); !ok || pos == 0 {
			fail(ctx, fn, "position must be a non-zero integer, not %s", args[2].Text())
			return
		}
	}
	if occ, ok = positiveArg(ctx, fn, "occurrence", args, 3); !ok {
		return
	}
	s, sub := []rune(args[0].Text()), []rune(args[1].Text())
	n := int64(len(s))
	at := func(i int64) bool { // sub starts at s[i]
		return i >= 0 && i+int64(len(sub)) <= n && string(s[i:i+int64(len(sub))]) == string(sub)
	}
	// An empty sub is found before every character and after the last,
	// and a search backwards from -1 starts after the last.
	if pos > 0 {
		for i := pos - 1; i <= n; i++ {
			if at(i) {
				if occ--; occ == 0 {
					ctx.ResultInt64(i + 1)
					return
				}
			}
		}
	} else {
		i := n + pos
		if len(sub) == 0 {
			i++
		}
		for ; i >= 0; i-- {
			if at(i) {
				if occ--; occ == 0 {
					ctx.ResultInt64(i + 1)
					return
				}
			}
		}
	}
	ctx.ResultInt(0)
}

// regexpInstr is REGEXP_INSTR: Snowflake's, or BigQuery's (bigquery),
// which gives the position of the pattern's capturing group when it has
// one, refuses patterns with more, and finds nothing for an empty pattern
// or a position past the end. Both read the option (start or end) between
// the occurrence and Snowflake's parameters, and the rest as Snowflake's
// regexp arguments.
func regexpInstr(bigquery bool) func(sqlite3.Context, ...sqlite3.Value) {
	return func(ctx sqlite3.Context, args ...sqlite3.Value) {
		const fn = "REGEXP_INSTR"
		if bigquery && !called(ctx, fn, args, 2, 5, "takes a value, a pattern, and optionally a position, an occurrence and an occurrence position") ||
			!bigquery && nullCall(ctx, args) {
			return
		}
		option, rest, ok := instrOption(ctx, fn, args)
		if !ok {
			return
		}
		r, ok := readSnowflakeRegexp(ctx, fn, rest)
		if !ok {
			return
		}
		if !bigquery {
			matchPosition(ctx, args[0], r, r.group, option)
			return
		}
		if n := r.re.NumSubexp(); n > 1 {
			fail(ctx, fn, "the pattern %q has %d capturing groups; it may have one at most", args[1].Text(), n)
			return
		}
		if len(args) > 2 {
			if pos, _ := integer(args[2]); pos > int64(utf8.RuneCount(args[0].RawText())) {
				ctx.ResultInt(0)
				return
			}
		}
		if len(args[1].RawText()) == 0 {
			ctx.ResultInt(0)
			return
		}
		matchPosition(ctx, args[0], r, r.re.NumSubexp(), option)
	}
}

// instrOption reads REGEXP_INSTR's fifth argument, whether to give the
// match's start (0) or the character after its end (1), and returns the
// other arguments.
func instrOption(ctx sqlite3.Context, fn string, args []sqlite3.Value) (int64, []sqlite3.Value, bool) {
	if len(args) <= 4 {
		return 0, args, true
	}
	option, ok := integer(args[4])
	if !ok || option < 0 || option > 1 {
		fail(ctx, fn, "the position option must be 0 (the match's start) or 1 (after its end), not %s", args[4].Text())
		return 0, nil, false
	}
	return option, append(append([]sqlite3.Value{}, args[:4]...), args[5:]...), true
}

// matchPosition gives the 1-based character position in subject of group
// of r's match, or of the character after it with option 1; 0 when none.
func matchPosition(ctx sqlite3.Context, subject sqlite3.Value, r snowflakeRegexp, group int, option int64) {
	m := nthMatch(r.re, r.s, r.occurrence)
	if m == nil || m[2*group] < 0 {
		ctx.ResultInt(0)
		return
	}
	// Characters before the search started, then up to the match.
	skipped := utf8.RuneCount(subject.RawText()) - utf8.RuneCount(r.s)
	end := m[2*group]
	if option == 1 {
		end = m[2*group+1]
	}
	ctx.ResultInt64(int64(skipped + utf8.RuneCount(r.s[:end]) + 1))
}
