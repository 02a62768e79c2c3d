package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// Jinja2 takes a for loop's targets in parentheses, `{% for (key, value)
// in d.items() %}`, as Python does; gonja wants them bare. bareForTargets
// drops the parentheses around a flat list of names after `for`.
func bareForTargets(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	for i := 0; i < len(in); i++ {
		out = append(out, in[i])
		if in[i].Type != tokens.Name || in[i].Val != "for" || !afterBlockBegin(in, i) {
			continue
		}
		open := nextSolid(in, i+1)
		if open < 0 || in[open].Type != tokens.LeftParenthesis {
			continue
		}
		close := open + 1
		for close < len(in) && (in[close].Type == tokens.Name || in[close].Type == tokens.Comma || in[close].Type == tokens.Whitespace) {
			close++
		}
		if close >= len(in) || in[close].Type != tokens.RightParenthesis {
			continue
		}
		if at := nextSolid(in, close+1); at < 0 || in[at].Type != tokens.In && in[at].Val != "in" {
			continue
		}
		out = append(out, in[i+1:open]...)
		out = append(out, in[open+1:close]...)
		i = close
	}
	return out
}

// afterBlockBegin tells whether in[i] is the first word of a tag.
func afterBlockBegin(in []*tokens.Token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if in[j].Type != tokens.Whitespace {
			return in[j].Type == tokens.BlockBegin
		}
	}
	return false
}

// nextSolid is the index of the first token from i that is not
// whitespace, -1 when there is none.
func nextSolid(in []*tokens.Token, i int) int {
	for ; i < len(in); i++ {
		if in[i].Type != tokens.Whitespace {
			return i
		}
	}
	return -1
}
