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
		Func{Name: "regexp_instr_at", NArgs: -1, Scalar: regexpInstrAt},
	)
	// instr_at(s, sub[, position[, occurrence]]): BigQuery's INSTR; a
	// negative position searches backwards from that many characters
	// from the end; occurrences may overlap.
	rename("instr_at", "instr", "bigquery")
	// regexp_instr_at(s, p[, position[, occurrence[, option[, params[, group]]]]]):
	// the start of the match (option 0) or the character after it (1).
	rename("regexp_instr_at", "regexp_instr", "bigquery", "snowflake")
}

func instrAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "INSTR"
	if len(args) < 2 || len(args) > 4 {
		fail(ctx, fn, "takes a value, a value to find, and optionally a position and an occurrence")
		return
	}
	if anyNull(args) {
		ctx.ResultNull()
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
	if len(args) > 3 {
		if occ, ok = integer(args[3]); !ok || occ < 1 {
			fail(ctx, fn, "occurrence must be a positive integer, not %s", args[3].Text())
			return
		}
	}
	s, sub := []rune(args[0].Text()), []rune(args[1].Text())
	n := int64(len(s))
	at := func(i int64) bool { // sub starts at s[i]
		return i >= 0 && i+int64(len(sub)) <= n && string(s[i:i+int64(len(sub))]) == string(sub)
	}
	if pos > 0 {
		for i := pos - 1; i < n; i++ {
			if at(i) {
				if occ--; occ == 0 {
					ctx.ResultInt64(i + 1)
					return
				}
			}
		}
	} else {
		for i := n + pos; i >= 0; i-- {
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

func regexpInstrAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_INSTR"
	if anyNull(args) {
		ctx.ResultNull()
		return
	}
	// The option (start or end) sits between the occurrence and the
	// parameters; readSnowflakeRegexp reads the others.
	option := int64(0)
	rest := args
	if len(args) > 4 {
		var ok bool
		if option, ok = integer(args[4]); !ok || option < 0 || option > 1 {
			fail(ctx, fn, "the position option must be 0 (the match's start) or 1 (after its end), not %s", args[4].Text())
			return
		}
		rest = append(append([]sqlite3.Value{}, args[:4]...), args[5:]...)
	}
	r, ok := readSnowflakeRegexp(ctx, fn, rest)
	if !ok {
		return
	}
	m := nthMatch(r.re, r.s, r.occurrence)
	if m == nil || m[2*r.group] < 0 {
		ctx.ResultInt(0)
		return
	}
	// Characters before the search started, then up to the match.
	skipped := utf8.RuneCount(args[0].RawText()) - utf8.RuneCount(r.s)
	end := m[2*r.group]
	if option == 1 {
		end = m[2*r.group+1]
	}
	ctx.ResultInt64(int64(skipped + utf8.RuneCount(r.s[:end]) + 1))
}
