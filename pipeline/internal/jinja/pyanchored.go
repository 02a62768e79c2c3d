package jinja

import (
	"fmt"
	"regexp"
	"strings"
)

// anchorLookarounds runs a pattern whose lookarounds stand at its anchors:
// lookaheads right after a leading ^ or \A, (?=A) and (?!A), and
// lookbehinds right before a closing $ or \Z, (?<=C) and (?<!C), as in
// ^(?!.*--)[-imsU]*(?<!-)$. A match of the rest, B, starts at the start of
// the text and ends at its end, so a lookahead is asked of the whole text
// and a lookbehind of the text before the match's end, which are the same
// for every match of B: RE2 finds B, and the lookarounds keep or drop it,
// as Python's engine decides. (Without the m flag: ^ and $ are the text's
// ends there.)
type anchorLookarounds struct {
	text       string
	flags      string
	b          string // the pattern between the lookarounds
	start, end bool   // ^ opens the pattern, $ closes it
	aheads     []anchorLook
	behinds    []anchorLook
	core       *regexp.Regexp
}

type anchorLook struct {
	re  *regexp.Regexp
	neg bool
}

// compileAnchorLookarounds compiles pattern (Go's syntax but for its
// lookarounds); ok is false when it is not of that form.
func compileAnchorLookarounds(pattern string) (*anchorLookarounds, bool, error) {
	a := &anchorLookarounds{text: pattern}
	body := pattern
	if m := leadingGoFlags.FindString(body); m != "" {
		a.flags, body = m, body[len(m):]
	}
	if strings.Contains(a.flags, "m") {
		return nil, false, nil
	}
	var aheads, behinds []string
	var negAhead, negBehind []bool
	switch {
	case strings.HasPrefix(body, "^"):
		a.start, body = true, body[1:]
	case strings.HasPrefix(body, `\A`):
		a.start, body = true, body[2:]
	}
	for a.start && (strings.HasPrefix(body, "(?=") || strings.HasPrefix(body, "(?!")) {
		end := groupEnd(body, 0)
		if end < 0 {
			return nil, false, nil
		}
		aheads, negAhead = append(aheads, body[3:end]), append(negAhead, body[2] == '!')
		body = body[end+1:]
	}
	switch {
	case strings.HasSuffix(body, `\z`) && !escapedAt(body, len(body)-2):
		a.end, body = true, body[:len(body)-2]
	case strings.HasSuffix(body, "$") && !escapedAt(body, len(body)-1):
		a.end, body = true, body[:len(body)-1]
	}
	for a.end {
		i := lastGroupStart(body)
		if i < 0 || !strings.HasPrefix(body[i:], "(?<=") && !strings.HasPrefix(body[i:], "(?<!") {
			break
		}
		behinds, negBehind = append([]string{body[i+4 : len(body)-1]}, behinds...), append([]bool{body[i+3] == '!'}, negBehind...)
		body = body[:i]
	}
	if len(aheads) == 0 && len(behinds) == 0 {
		return nil, false, nil
	}
	a.b = body
	compile := func(p string) (*regexp.Regexp, error) {
		re, err := regexp.Compile(a.flags + p)
		if err != nil {
			return nil, fmt.Errorf("modules.re: %v (Go's RE2 syntax: no lookarounds or backreferences; lookarounds run at a pattern's edges only)", err)
		}
		return re, nil
	}
	for i, x := range aheads {
		re, err := compile(`\A(?:` + x + `)`)
		if err != nil {
			return nil, true, err
		}
		a.aheads = append(a.aheads, anchorLook{re, negAhead[i]})
	}
	for i, x := range behinds {
		re, err := compile(`(?:` + x + `)\z`)
		if err != nil {
			return nil, true, err
		}
		a.behinds = append(a.behinds, anchorLook{re, negBehind[i]})
	}
	var err error
	if a.core, err = compile(a.corePattern(a.start)); err != nil {
		return nil, true, err
	}
	return a, true, nil
}

func (a *anchorLookarounds) corePattern(start bool) string {
	p := "(?:" + a.b + ")"
	if start {
		p = `\A` + p
	}
	if a.end {
		p += `\z`
	}
	return p
}

// escapedAt tells whether p[i] follows an odd number of backslashes.
func escapedAt(p string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && p[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// lastGroupStart is the index of the ( whose group closes p, -1 for none.
func lastGroupStart(p string) int {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(p, i)
		case '(':
			if groupEnd(p, i) == len(p)-1 {
				return i
			}
		}
	}
	return -1
}

func (a *anchorLookarounds) String() string { return a.text }

// keep tells whether the lookarounds hold for match loc of s.
func (a *anchorLookarounds) keep(s string, loc []int) bool {
	for _, l := range a.aheads {
		if l.re.MatchString(s) == l.neg {
			return false
		}
	}
	for _, l := range a.behinds {
		if l.re.MatchString(s[:loc[1]]) == l.neg {
			return false
		}
	}
	return true
}

func (a *anchorLookarounds) FindStringSubmatchIndex(s string) []int {
	loc := a.core.FindStringSubmatchIndex(s)
	if loc == nil || !a.keep(s, loc) {
		return nil
	}
	return loc
}

func (a *anchorLookarounds) FindAllStringSubmatchIndex(s string, n int) [][]int {
	var out [][]int
	for _, loc := range a.core.FindAllStringSubmatchIndex(s, -1) {
		if n >= 0 && len(out) >= n {
			break
		}
		if a.keep(s, loc) {
			out = append(out, loc)
		}
	}
	return out
}

func (a *anchorLookarounds) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return a.core.ExpandString(dst, template, src, match)
}

// anchored is a matching at the start only (full: to the end too).
func (a *anchorLookarounds) anchored(full bool) pyRegex {
	c := *a
	p := c.corePattern(true)
	if full && !c.end {
		p += `\z`
	}
	c.core = regexp.MustCompile(c.flags + p)
	return &c
}
