package sqlfunc

import (
	"encoding/json"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// Regular expressions: BigQuery and Snowflake use RE2, which is Go's regexp;
// DuckDB's are RE2 too. Patterns are compiled once per statement (SQLite
// keeps a constant argument's compiled form) and cached by their text.

var patterns boundedCache[*regexp.Regexp]

// pattern compiles argument i of the call, with flags such as "(?i)" in
// front; a bad pattern is an error naming fn.
func pattern(ctx sqlite3.Context, fn string, args []sqlite3.Value, i int, flags string) (*regexp.Regexp, bool) {
	src := flags + args[i].Text()
	re, err := compiled(ctx, i, src, &patterns, regexp.Compile)
	if err != nil {
		fail(ctx, fn, "invalid regular expression %q: %v", args[i].Text(), unwrapRegexp(err))
		return nil, false
	}
	return re, true
}

// unwrapRegexp keeps the reason of a regexp error without repeating the
// pattern.
func unwrapRegexp(err error) string {
	if e, ok := err.(*syntax.Error); ok {
		return e.Code.String()
	}
	return err.Error()
}

// regexpFlags turns Snowflake's and DuckDB's parameter letters (c: case
// sensitive, i: case insensitive, m: multi-line, s: dot matches newline)
// into an RE2 flag group; e and g are returned for the caller.
func regexpFlags(ctx sqlite3.Context, fn, params string) (flags string, extract, global, ok bool) {
	insensitive, multi, dotAll := false, false, false
	for _, c := range params {
		switch c {
		case 'c':
			insensitive = false
		case 'i':
			insensitive = true
		case 'm':
			multi = true
		case 's', 'n':
			dotAll = true
		case 'e':
			extract = true
		case 'g':
			global = true
		default:
			fail(ctx, fn, "unknown regular expression parameter %q: use c, i, m, s or e", string(c))
			return "", false, false, false
		}
	}
	var b strings.Builder
	if insensitive || multi || dotAll {
		b.WriteString("(?")
		if insensitive {
			b.WriteByte('i')
		}
		if multi {
			b.WriteByte('m')
		}
		if dotAll {
			b.WriteByte('s')
		}
		b.WriteByte(')')
	}
	return b.String(), extract, global, true
}

func init() {
	add(
		Func{Name: "regexp_contains", NArgs: -1, Scalar: regexpContains},
		Func{Name: "regexp_full_match", NArgs: -1, Scalar: regexpFullMatch},
		Func{Name: "regexp_extract_first", NArgs: -1, Scalar: regexpExtractFirst},
		Func{Name: "regexp_extract_group", NArgs: -1, Scalar: regexpExtractGroup},
		Func{Name: "regexp_substr_at", NArgs: -1, Scalar: regexpSubstrAt},
		Func{Name: "regexp_extract_all_json", NArgs: -1, Scalar: regexpExtractAllJSON},
		Func{Name: "regexp_extract_all_group_json", NArgs: -1, Scalar: regexpExtractAllGroupJSON},
		Func{Name: "regexp_replace_all", NArgs: 3, Scalar: regexpReplaceAll},
		Func{Name: "regexp_replace_opts", NArgs: -1, Scalar: regexpReplaceOpts},
		Func{Name: "regexp_count_matches", NArgs: -1, Scalar: regexpCountMatches},
	)
	// regexp_contains(s, p[, options]): true when p matches part of s;
	// DuckDB's regexp_matches takes options such as 'i'.
	rename("regexp_contains", "regexp_contains", "bigquery")
	rename("regexp_contains", "regexp_matches", "duckdb")
	// regexp_full_match(s, p[, params]): p must match all of s (Snowflake's
	// REGEXP_LIKE and RLIKE are anchored at both ends).
	rename("regexp_full_match", "regexp_like", "snowflake")
	rename("regexp_full_match", "rlike", "snowflake")
	rename("regexp_full_match_duckdb", "regexp_full_match", "duckdb")
	add(Func{Name: "regexp_full_match_duckdb", NArgs: -1, Scalar: regexpFullMatchDuckDB})
	// regexp_extract_first(s, p[, position[, occurrence]]): BigQuery's
	// REGEXP_EXTRACT: the capture group if p has one, else the match; NULL
	// when nothing matches.
	rename("regexp_extract_first", "regexp_extract", "bigquery")
	rename("regexp_extract_first", "regexp_substr", "bigquery")
	// regexp_extract_group(s, p[, group[, options]]): DuckDB's
	// regexp_extract: group 0 (the match) by default, '' when nothing
	// matches; options as duckDBRegex reads them.
	rename("regexp_extract_group", "regexp_extract", "duckdb")
	// regexp_substr_at(s, p[, position[, occurrence[, params[, group]]]]):
	// Snowflake's REGEXP_SUBSTR, NULL when nothing matches.
	rename("regexp_substr_at", "regexp_substr", "snowflake")
	// regexp_extract_all_json(s, p): BigQuery's REGEXP_EXTRACT_ALL as a JSON
	// array of text: the capture group of each match if p has one.
	rename("regexp_extract_all_json", "regexp_extract_all", "bigquery")
	// regexp_extract_all_group_json(s, p[, group]): DuckDB's
	// regexp_extract_all, group 0 by default.
	rename("regexp_extract_all_opts_json", "regexp_extract_all", "duckdb")
	add(Func{Name: "regexp_extract_all_opts_json", NArgs: -1, Scalar: regexpExtractAllOptsJSON})
	rename("regexp_extract_all_group_json", "regexp_substr_all", "snowflake")
	// regexp_replace_all(s, p, replacement): every match replaced; \1..\9
	// name groups and \0 the match (BigQuery).
	rename("regexp_replace_all", "regexp_replace", "bigquery")
	// regexp_replace_opts(s, p[, replacement[, position[, occurrence[, params]]]]):
	// Snowflake's REGEXP_REPLACE, every occurrence by default.
	rename("regexp_replace_opts", "regexp_replace", "snowflake")
	// DuckDB's regexp_replace(s, p, replacement[, options]) replaces the
	// first match unless options has g.
	rename("regexp_replace_first_opts", "regexp_replace", "duckdb")
	add(Func{Name: "regexp_replace_first_opts", NArgs: -1, Scalar: regexpReplaceFirstOpts})
	// regexp_count_matches(s, p[, position[, params]]): Snowflake's REGEXP_COUNT.
	rename("regexp_count_matches", "regexp_count", "snowflake")
}

func regexpContains(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_CONTAINS"
	if !called(ctx, fn, args, 2, 3, "takes a subject, a pattern and optional options") || nullCall(ctx, args) {
		return
	}
	// BigQuery's REGEXP_CONTAINS takes no options: DuckDB's
	// regexp_matches(s, p, options) is the call that has them
	re, ok := duckDBRegex(ctx, fn, args, 1, 2, false, nil)
	if !ok {
		return
	}
	ctx.ResultBool(re.Match(args[0].RawText()))
}

// regexpFullMatchDuckDB is DuckDB's regexp_full_match(s, p[, options]).
func regexpFullMatchDuckDB(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "regexp_full_match"
	if !called(ctx, fn, args, 2, 3, "takes a string, a pattern and optional options") {
		return
	}
	re, ok := duckDBRegex(ctx, fn, args, 1, 2, true, nil)
	if !ok {
		return
	}
	ctx.ResultBool(re.Match(args[0].RawText()))
}

func regexpFullMatch(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_LIKE"
	if !called(ctx, fn, args, 2, 3, "takes a subject, a pattern and optional parameters") {
		return
	}
	flags := ""
	if len(args) == 3 {
		var ok bool
		if flags, _, _, ok = regexpFlags(ctx, fn, args[2].Text()); !ok {
			return
		}
	}
	src := flags + `^(?:` + args[1].Text() + `)$`
	re, err := compiled(ctx, 1, src, &patterns, regexp.Compile)
	if err != nil {
		fail(ctx, fn, "invalid regular expression %q: %v", args[1].Text(), unwrapRegexp(err))
		return
	}
	ctx.ResultBool(re.Match(args[0].RawText()))
}

// startAt returns s from the 1-based character position pos, or false when
// pos is not positive.
func startAt(s []byte, pos int64) ([]byte, bool) {
	if pos < 1 {
		return nil, false
	}
	i := 0
	for n := int64(1); n < pos && i < len(s); n++ {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s[i:], true
}

func regexpExtractFirst(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_EXTRACT"
	if !called(ctx, fn, args, 2, 4, "takes a value, a pattern, and optionally a position and an occurrence") {
		return
	}
	re, ok := pattern(ctx, fn, args, 1, "")
	if !ok {
		return
	}
	if re.NumSubexp() > 1 {
		fail(ctx, fn, "the pattern %q has %d capture groups; it may have at most one", args[1].Text(), re.NumSubexp())
		return
	}
	pos, ok := positiveArg(ctx, fn, "position", args, 2)
	if !ok {
		return
	}
	occ, ok := positiveArg(ctx, fn, "occurrence", args, 3)
	if !ok {
		return
	}
	s, _ := startAt(args[0].RawText(), pos)
	group := 0
	if re.NumSubexp() == 1 {
		group = 1
	}
	m := nthMatch(re, s, occ)
	if m == nil || m[2*group] < 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultRawText(s[m[2*group]:m[2*group+1]])
}

// nthMatch returns the submatch indexes of the occ-th (1-based)
// non-overlapping match of re in s, or nil.
func nthMatch(re *regexp.Regexp, s []byte, occ int64) []int {
	if occ == 1 {
		return re.FindSubmatchIndex(s)
	}
	all := re.FindAllSubmatchIndex(s, int(min(occ, 1<<30)))
	if int64(len(all)) < occ {
		return nil
	}
	return all[occ-1]
}

func regexpExtractGroup(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "regexp_extract"
	if !called(ctx, fn, args, 2, 4, "takes a string, a pattern, an optional group and optional options") {
		return
	}
	re, ok := duckDBRegex(ctx, fn, args, 1, 3, false, nil)
	if !ok {
		return
	}
	group := int64(0)
	if len(args) >= 3 && args[2].Type() == sqlite3.TEXT && strings.HasPrefix(strings.TrimSpace(args[2].Text()), "[") {
		regexpExtractStruct(ctx, re, args[0].RawText(), args[2].Text())
		return
	}
	if len(args) >= 3 {
		// DuckDB takes groups 0 to 9; one the pattern lacks gives ''
		if group, ok = integer(args[2]); !ok || group < 0 || group > 9 {
			fail(ctx, fn, "group %s: the group index must be between 0 and 9", args[2].Text())
			return
		}
	}
	s := args[0].RawText()
	m := re.FindSubmatchIndex(s)
	if m == nil || group > int64(re.NumSubexp()) || m[2*group] < 0 {
		ctx.ResultText("")
		return
	}
	ctx.ResultRawText(s[m[2*group]:m[2*group+1]])
}

// duckDBRegex compiles the pattern of argument i with DuckDB's options
// of argument opt (none when the call has no such argument): c case
// sensitive, i insensitive, s the dot matching a newline, m, n and p it
// not (DuckDB's default; ^ and $ match at the ends of the string only, as
// DuckDB has them), l the pattern as literal text; a later letter
// overrides an earlier one. g (every match) is taken where global is
// given, regexp_replace's, and refused elsewhere, as DuckDB refuses it.
// full anchors the pattern at both ends.
func duckDBRegex(ctx sqlite3.Context, fn string, args []sqlite3.Value, i, opt int, full bool, global *bool) (*regexp.Regexp, bool) {
	insensitive, dotAll, literal := false, false, false
	if opt < len(args) {
		for _, c := range args[opt].Text() {
			switch c {
			case 'c':
				insensitive = false
			case 'i':
				insensitive = true
			case 's':
				dotAll = true
			case 'm', 'n', 'p':
				dotAll = false
			case 'l':
				literal = true
			case 'g':
				if global == nil {
					fail(ctx, fn, "option 'g' (global replace) is only valid for regexp_replace")
					return nil, false
				}
				*global = true
			default:
				fail(ctx, fn, "unrecognized regex option %q: use c, i, l, m, n, p or s", string(c))
				return nil, false
			}
		}
	}
	src := args[i].Text()
	if literal {
		src = regexp.QuoteMeta(src)
	}
	if full {
		src = `^(?:` + src + `)$`
	}
	if insensitive || dotAll {
		flags := "(?"
		if insensitive {
			flags += "i"
		}
		if dotAll {
			flags += "s"
		}
		src = flags + ")" + src
	}
	re, err := compiled(ctx, i, src, &patterns, regexp.Compile)
	if err != nil {
		fail(ctx, fn, "invalid regular expression %q: %v", args[i].Text(), unwrapRegexp(err))
		return nil, false
	}
	return re, true
}

// regexpExtractStruct is DuckDB's regexp_extract(s, p, ['a', 'b']): a
// struct of the first match's groups 1, 2, ... named by the list, each an
// empty string when the pattern does not match.
func regexpExtractStruct(ctx sqlite3.Context, re *regexp.Regexp, s []byte, list string) {
	const fn = "regexp_extract"
	var names []string
	if err := json.Unmarshal([]byte(list), &names); err != nil {
		fail(ctx, fn, "the group names must be a list of strings, not %s", list)
		return
	}
	if len(names) > re.NumSubexp() {
		fail(ctx, fn, "%d group names for a pattern with %d groups", len(names), re.NumSubexp())
		return
	}
	m := re.FindSubmatchIndex(s)
	var b strings.Builder
	b.WriteByte('{')
	for i, name := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		v := ""
		if m != nil && m[2*(i+1)] >= 0 {
			v = string(s[m[2*(i+1)]:m[2*(i+1)+1]])
		}
		k, _ := json.Marshal(name)
		x, _ := json.Marshal(v)
		b.Write(k)
		b.WriteByte(':')
		b.Write(x)
	}
	b.WriteByte('}')
	ctx.ResultText(b.String())
	ctx.ResultSubtype(jsonSubtype)
}

// snowflakeRegexpArgs reads Snowflake's optional position, occurrence,
// parameters and group of REGEXP_SUBSTR and its kin, starting at args[2].
type snowflakeRegexp struct {
	re         *regexp.Regexp
	s          []byte
	occurrence int64
	group      int
}

func readSnowflakeRegexp(ctx sqlite3.Context, fn string, args []sqlite3.Value) (r snowflakeRegexp, ok bool) {
	if len(args) < 2 || len(args) > 6 {
		fail(ctx, fn, "takes a subject, a pattern, and optionally a position, an occurrence, parameters and a group")
		return r, false
	}
	pos, ok := positiveArg(ctx, fn, "position", args, 2)
	if !ok {
		return r, false
	}
	if r.occurrence, ok = positiveArg(ctx, fn, "occurrence", args, 3); !ok {
		return r, false
	}
	flags, extract := "", false
	if len(args) > 4 {
		if flags, extract, _, ok = regexpFlags(ctx, fn, args[4].Text()); !ok {
			return r, false
		}
	}
	if r.re, ok = pattern(ctx, fn, args, 1, flags); !ok {
		return r, false
	}
	if extract {
		r.group = 1
	}
	if len(args) > 5 {
		g, ok := integer(args[5])
		if !ok || g < 0 || g > int64(r.re.NumSubexp()) {
			fail(ctx, fn, "group %s is not a group of the pattern %q (it has %d)", args[5].Text(), args[1].Text(), r.re.NumSubexp())
			return r, false
		}
		r.group = int(g)
	}
	if r.group > r.re.NumSubexp() {
		r.group = 0
	}
	r.s, _ = startAt(args[0].RawText(), pos)
	return r, true
}

func regexpSubstrAt(ctx sqlite3.Context, args ...sqlite3.Value) {
	if nullCall(ctx, args) {
		return
	}
	r, ok := readSnowflakeRegexp(ctx, "REGEXP_SUBSTR", args)
	if !ok {
		return
	}
	m := nthMatch(r.re, r.s, r.occurrence)
	if m == nil || m[2*r.group] < 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultRawText(r.s[m[2*r.group]:m[2*r.group+1]])
}

func regexpCountMatches(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_COUNT"
	if !called(ctx, fn, args, 2, 4, "takes a subject, a pattern, and optionally a position and parameters") {
		return
	}
	pos, ok := positiveArg(ctx, fn, "position", args, 2)
	if !ok {
		return
	}
	flags := ""
	if len(args) > 3 {
		if flags, _, _, ok = regexpFlags(ctx, fn, args[3].Text()); !ok {
			return
		}
	}
	re, ok := pattern(ctx, fn, args, 1, flags)
	if !ok {
		return
	}
	s, _ := startAt(args[0].RawText(), pos)
	ctx.ResultInt(len(re.FindAllIndex(s, -1)))
}

func writeJSONStrings(b *strings.Builder, items [][]byte) {
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(b, it)
	}
	b.WriteByte(']')
}

// writeJSONString writes s as a JSON string literal.
func writeJSONString(b *strings.Builder, s []byte) {
	if jsonPlain(s) {
		b.WriteByte('"')
		b.Write(s)
		b.WriteByte('"')
		return
	}
	q, _ := json.Marshal(string(s))
	b.Write(q)
}

// jsonPlain tells whether s needs no escaping in a JSON string.
func jsonPlain(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c == '"' || c == '\\' || c >= 0x80 || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

func regexpExtractAllJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_EXTRACT_ALL"
	if !called(ctx, fn, args, 2, 2, "takes a value and a pattern") {
		return
	}
	re, ok := pattern(ctx, fn, args, 1, "")
	if !ok {
		return
	}
	if re.NumSubexp() > 1 {
		fail(ctx, fn, "the pattern %q has %d capture groups; it may have at most one", args[1].Text(), re.NumSubexp())
		return
	}
	group := min(re.NumSubexp(), 1)
	resultMatches(ctx, re, args[0].RawText(), group)
}

// resultMatches returns group of every match of re in s as a JSON array.
func resultMatches(ctx sqlite3.Context, re *regexp.Regexp, s []byte, group int) {
	var items [][]byte
	for _, m := range re.FindAllSubmatchIndex(s, -1) {
		if m[2*group] < 0 {
			items = append(items, nil)
			continue
		}
		items = append(items, s[m[2*group]:m[2*group+1]])
	}
	resultTextArray(ctx, items)
}

// jsonSubtype marks a result as JSON for SQLite's json functions, so an
// array nested into json_object or json_group_array stays an array.
const jsonSubtype = 'J'

// regexpExtractAllOptsJSON is DuckDB's regexp_extract_all(s, p[, group[,
// options]]): every match's group (0, the match, by default) as a JSON list.
func regexpExtractAllOptsJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "regexp_extract_all"
	if !called(ctx, fn, args, 2, 4, "takes a string, a pattern, an optional group and optional options") {
		return
	}
	re, ok := duckDBRegex(ctx, fn, args, 1, 3, false, nil)
	if !ok {
		return
	}
	group := int64(0)
	if len(args) >= 3 {
		if group, ok = integer(args[2]); !ok || group < 0 || group > int64(re.NumSubexp()) {
			fail(ctx, fn, "group %s is not a group of the pattern %q (it has %d)", args[2].Text(), args[1].Text(), re.NumSubexp())
			return
		}
	}
	resultMatches(ctx, re, args[0].RawText(), int(group))
}

func regexpExtractAllGroupJSON(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "regexp_extract_all"
	if nullCall(ctx, args) {
		return
	}
	if len(args) == 3 || len(args) == 2 {
		re, ok := pattern(ctx, fn, args, 1, "")
		if !ok {
			return
		}
		group := int64(0)
		if len(args) == 3 {
			if group, ok = integer(args[2]); !ok || group < 0 || group > int64(re.NumSubexp()) {
				fail(ctx, fn, "group %s is not a group of the pattern %q (it has %d)", args[2].Text(), args[1].Text(), re.NumSubexp())
				return
			}
		}
		resultMatches(ctx, re, args[0].RawText(), int(group))
		return
	}
	// Snowflake's REGEXP_SUBSTR_ALL(subject, pattern, position, occurrence, params, group).
	r, ok := readSnowflakeRegexp(ctx, "REGEXP_SUBSTR_ALL", args)
	if !ok {
		return
	}
	all := r.re.FindAllSubmatchIndex(r.s, -1)
	if int64(len(all)) >= r.occurrence {
		all = all[r.occurrence-1:]
	} else {
		all = nil
	}
	var items [][]byte
	for _, m := range all {
		if m[2*r.group] >= 0 {
			items = append(items, r.s[m[2*r.group]:m[2*r.group+1]])
		}
	}
	resultTextArray(ctx, items)
}

var templates boundedCache[string]

// goTemplate turns a warehouse replacement, where \1..\9 name groups, \0
// the match and \\ a backslash, into a template for Regexp.Expand.
func goTemplate(repl string) (string, error) {
	if !strings.ContainsAny(repl, `\$`) {
		return repl, nil
	}
	var b strings.Builder
	for i := 0; i < len(repl); i++ {
		c := repl[i]
		switch {
		case c == '$':
			b.WriteString("$$")
		case c == '\\' && i+1 < len(repl) && repl[i+1] >= '0' && repl[i+1] <= '9':
			b.WriteString("${")
			b.WriteByte(repl[i+1])
			b.WriteByte('}')
			i++
		case c == '\\' && i+1 < len(repl) && repl[i+1] == '\\':
			b.WriteByte('\\')
			i++
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// groupRef is the largest group a replacement refers to (\1), 0 when none.
func groupRef(repl string) int {
	g := 0
	for i := 0; i+1 < len(repl); i++ {
		if repl[i] != '\\' {
			continue
		}
		if c := repl[i+1]; c >= '0' && c <= '9' {
			g = max(g, int(c-'0'))
		}
		i++ // \\ is a backslash
	}
	return g
}

// replace replaces the matches of re in s from the occ-th on (occ 0: all;
// first: only the occ-th one) with repl.
func replace(re *regexp.Regexp, s []byte, tmpl string, occ int64, only bool) []byte {
	literal := !strings.Contains(tmpl, "$")
	var out []byte
	last := 0
	n := int64(0)
	for _, m := range re.FindAllSubmatchIndex(s, -1) {
		n++
		if occ > 0 && (n < occ || only && n > occ) {
			continue
		}
		out = append(out, s[last:m[0]]...)
		if literal {
			out = append(out, tmpl...)
		} else {
			out = re.Expand(out, []byte(tmpl), s, m)
		}
		last = m[1]
	}
	if last == 0 && out == nil {
		out = s
	} else {
		out = append(out, s[last:]...)
	}
	if out == nil {
		out = []byte{} // an empty result is '', not NULL
	}
	return out
}

func replacement(ctx sqlite3.Context, fn string, args []sqlite3.Value, i int) (string, bool) {
	if i >= len(args) {
		return "", true
	}
	t, err := compiled(ctx, i, args[i].Text(), &templates, goTemplate)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return "", false
	}
	return t, true
}

func regexpReplaceAll(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_REPLACE"
	if nullCall(ctx, args) {
		return
	}
	re, ok := pattern(ctx, fn, args, 1, "")
	if !ok {
		return
	}
	tmpl, ok := replacement(ctx, fn, args, 2)
	if !ok {
		return
	}
	ctx.ResultRawText(replace(re, args[0].RawText(), tmpl, 0, false))
}

func regexpReplaceOpts(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "REGEXP_REPLACE"
	if !called(ctx, fn, args, 2, 6, "takes a subject, a pattern, and optionally a replacement, a position, an occurrence and parameters") {
		return
	}
	pos, occ := int64(1), int64(0)
	var ok bool
	if len(args) > 3 {
		if pos, ok = integer(args[3]); !ok || pos < 1 {
			fail(ctx, fn, "position must be a positive integer, not %s", args[3].Text())
			return
		}
	}
	if len(args) > 4 {
		if occ, ok = integer(args[4]); !ok || occ < 0 {
			fail(ctx, fn, "occurrence must be 0 (all) or a positive integer, not %s", args[4].Text())
			return
		}
	}
	flags := ""
	if len(args) > 5 {
		if flags, _, _, ok = regexpFlags(ctx, fn, args[5].Text()); !ok {
			return
		}
	}
	re, ok := pattern(ctx, fn, args, 1, flags)
	if !ok {
		return
	}
	tmpl, ok := replacement(ctx, fn, args, 2)
	if !ok {
		return
	}
	s := args[0].RawText()
	rest, _ := startAt(s, pos)
	head := s[:len(s)-len(rest)]
	out := append([]byte(nil), head...)
	out = append(out, replace(re, rest, tmpl, occ, occ > 0)...)
	ctx.ResultRawText(out)
}

func regexpReplaceFirstOpts(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "regexp_replace"
	if !called(ctx, fn, args, 3, 4, "takes a string, a pattern, a replacement and optional options") {
		return
	}
	global := false
	re, ok := duckDBRegex(ctx, fn, args, 1, 3, false, &global)
	if !ok {
		return
	}
	tmpl, ok := replacement(ctx, fn, args, 2)
	if !ok {
		return
	}
	if g := groupRef(args[2].Text()); g > re.NumSubexp() {
		// RE2 checks the rewrite before it matches
		fail(ctx, fn, "the replacement asks for group %d, but the pattern has %d parenthesized groups, which fails on DuckDB", g, re.NumSubexp())
		return
	}
	if global {
		ctx.ResultRawText(replace(re, args[0].RawText(), tmpl, 0, false))
		return
	}
	ctx.ResultRawText(replace(re, args[0].RawText(), tmpl, 1, true))
}
