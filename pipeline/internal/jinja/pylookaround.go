package jinja

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// edgeLookarounds runs a pattern that opens with a lookbehind, (?<=X) or
// (?<!X), or closes with a lookahead, (?=Z), around Go's RE2, which has
// neither: RE2 finds the rest, Y, followed by Z as a last group of its own
// (RE2 prefers among Y's matches as Python's engine does, taking the first
// that Z can follow); the lookbehind is then asked of the text before the
// match, and a match it refuses is searched again one character further
// on, where Python's engine would try next. The text stays whole around
// every search but for its start, so Y may not hold ^, \A, \b or \B, nor X
// $, \b or \B; (?!Z) at the end is refused: it needs the backtracking RE2
// does not do.
type edgeLookarounds struct {
	flags     string         // (?ims) or ""
	y, z      string         // the pattern between the lookarounds; the lookahead's, "" if none
	behind    *regexp.Regexp // (?:X)\z, nil without a lookbehind
	negBehind bool           // (?<!X)
	core      *regexp.Regexp // Y, then (Z) when there is a lookahead
	anchor    bool           // match: only at the start
	full      bool           // fullmatch: the whole text
	text      string         // the pattern as Go reads it, for .pattern
	zAtEnd    bool           // the lookahead holds at the end of the text
}

// compileEdgeLookarounds compiles a pattern (in Go's syntax but for its
// lookarounds) with a lookbehind at its start or a lookahead at its end;
// ok is false when it has neither, and the error says why one cannot run.
func compileEdgeLookarounds(pattern string) (e *edgeLookarounds, ok bool, err error) {
	e = &edgeLookarounds{text: pattern}
	body := pattern
	if m := leadingGoFlags.FindString(body); m != "" {
		e.flags, body = m, body[len(m):]
	}
	x := ""
	if strings.HasPrefix(body, "(?<=") || strings.HasPrefix(body, "(?<!") {
		end := groupEnd(body, 0)
		if end < 0 {
			return nil, false, nil
		}
		e.negBehind = body[3] == '!'
		x, body = body[4:end], body[end+1:]
		ok = true
	}
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' {
			i++
			continue
		}
		if body[i] != '(' || groupEnd(body, i) != len(body)-1 {
			if body[i] == '[' {
				i = classEnd(body, i)
			}
			continue
		}
		switch {
		case strings.HasPrefix(body[i:], "(?="):
			e.z, body = body[i+3:len(body)-1], body[:i]
			ok = true
		case strings.HasPrefix(body[i:], "(?!"):
			return nil, true, fmt.Errorf("modules.re: a negative lookahead (?!...) is not supported (Go's RE2 has no lookarounds; one that opens a pattern's or a positive one that closes it runs)")
		}
		break
	}
	if !ok {
		return nil, false, nil
	}
	e.y = body
	refuse := func(part, what string, bad ...string) error {
		for _, b := range bad {
			if outsideClasses(part, b) {
				return fmt.Errorf("modules.re: %s %s holds %s, which cannot be run around Go's RE2 (write the pattern without lookarounds)", what, part, b)
			}
		}
		return nil
	}
	if err := refuse(e.y, "the pattern beside its lookarounds", "^", `\A`, `\b`, `\B`); err != nil {
		return nil, true, err
	}
	if err := refuse(x, "the lookbehind", "$", `\b`, `\B`); err != nil {
		return nil, true, err
	}
	if x != "" {
		if e.behind, err = regexp.Compile(e.flags + "(?:" + x + `)\z`); err != nil {
			return nil, true, fmt.Errorf("modules.re: %v (Go's RE2 syntax: no lookarounds or backreferences)", err)
		}
	}
	if e.core, err = e.compile(); err != nil {
		return nil, true, err
	}
	e.zAtEnd = e.z == "" || regexp.MustCompile(e.flags+"^(?:"+e.z+")").MatchString("")
	return e, true, nil
}

var leadingGoFlags = regexp.MustCompile(`^\(\?[ims]+\)`)

func (e *edgeLookarounds) compile() (*regexp.Regexp, error) {
	p := "(?:" + e.y + ")"
	switch {
	case e.full:
		p = "^" + p + `\z`
	case e.anchor:
		p = "^" + p
	}
	if e.z != "" && !e.full {
		p += "(" + e.z + ")"
	}
	re, err := regexp.Compile(e.flags + p)
	if err != nil {
		return nil, fmt.Errorf("modules.re: %v (Go's RE2 syntax: no lookarounds or backreferences)", err)
	}
	return re, nil
}

func (e *edgeLookarounds) anchored(full bool) pyRegex {
	c := *e
	c.anchor, c.full = true, full
	c.core, _ = c.compile() // compiled once already without the anchors
	return &c
}

func (e *edgeLookarounds) String() string { return e.text }

// find is the first match at or after pos, as Python's search from pos.
func (e *edgeLookarounds) find(s string, pos int) []int {
	for pos <= len(s) {
		loc := e.core.FindStringSubmatchIndex(s[pos:])
		if loc == nil {
			return nil
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += pos
			}
		}
		if e.behind == nil || e.behind.MatchString(s[:loc[0]]) != e.negBehind {
			if e.full && !e.zAtEnd {
				return nil // the lookahead fails after the whole text
			}
			if e.z != "" && !e.full {
				loc[1] = loc[len(loc)-2]
				loc = loc[:len(loc)-2]
			}
			return loc
		}
		if e.anchor || loc[0] >= len(s) {
			return nil
		}
		_, w := utf8.DecodeRuneInString(s[loc[0]:])
		pos = loc[0] + w
	}
	return nil
}

func (e *edgeLookarounds) FindStringSubmatchIndex(s string) []int { return e.find(s, 0) }

// FindAllStringSubmatchIndex is the matches that do not overlap, as RE2's:
// an empty match next to the previous match is skipped.
func (e *edgeLookarounds) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	pos, prevEnd := 0, -1
	for n < 0 || len(out) < n {
		loc := e.find(s, pos)
		if loc == nil {
			break
		}
		if loc[0] == loc[1] {
			if loc[0] != prevEnd {
				out = append(out, loc)
			}
			if loc[0] >= len(s) {
				break
			}
			_, w := utf8.DecodeRuneInString(s[loc[0]:])
			pos, prevEnd = loc[0]+w, loc[1]
			continue
		}
		out = append(out, loc)
		pos, prevEnd = loc[1], loc[1]
	}
	return out
}

func (e *edgeLookarounds) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return e.core.ExpandString(dst, template, src, match)
}

// groupEnd is the index of the parenthesis closing the group opened at
// p[i], or -1.
func groupEnd(p string, i int) int {
	depth := 0
	for ; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(p, i)
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// classEnd is the index of the ] closing the class opened at p[i] (a
// first ], after an optional ^, is literal).
func classEnd(p string, i int) int {
	j := i + 1
	if j < len(p) && p[j] == '^' {
		j++
	}
	if j < len(p) && p[j] == ']' {
		j++
	}
	for ; j < len(p); j++ {
		switch p[j] {
		case '\\':
			j++
		case ']':
			return j
		}
	}
	return len(p) - 1
}

// outsideClasses reports whether tok (^, $ or an escape such as \b) is in
// p outside its classes.
func outsideClasses(p, tok string) bool {
	for i := 0; i < len(p); i++ {
		switch {
		case strings.HasPrefix(p[i:], tok):
			return true
		case p[i] == '\\':
			i++
		case p[i] == '[':
			i = classEnd(p, i)
		}
	}
	return false
}
