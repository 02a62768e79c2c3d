package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// Jinja2 takes a for loop's targets in parentheses, `{% for (key, value)
// in d.items() %}`, as Python does; gonja wants them bare. bareForTargets
// drops the parentheses around a flat list of names after `for`. (gonja's
// lexer gives no tokens for the spaces inside a tag.)
func bareForTargets(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	for i := 0; i < len(in); i++ {
		out = append(out, in[i])
		open := i + 1
		if in[i].Type != tokens.Name || in[i].Val != "for" || i == 0 || in[i-1].Type != tokens.BlockBegin ||
			open >= len(in) || in[open].Type != tokens.LeftParenthesis {
			continue
		}
		close := open + 1
		for close < len(in) && (in[close].Type == tokens.Name || in[close].Type == tokens.Comma) {
			close++
		}
		if close+1 >= len(in) || in[close].Type != tokens.RightParenthesis || in[close+1].Type != tokens.In && in[close+1].Val != "in" {
			continue
		}
		out = append(out, in[open+1:close]...)
		i = close
	}
	return out
}
