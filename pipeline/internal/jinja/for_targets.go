package jinja

import (
	"fmt"

	"github.com/nikolalohinski/gonja/v2/tokens"
)

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

// gonja's for takes one or two targets; Jinja2 unpacks each item into any
// number, `{% for a, b, c in rows %}`. unpackForTargets gives such a loop
// one target, __item_N__, and starts its body with {% set a = __item_N__[0] %}
// and so on: the names are the loop's own, as in Jinja2. (A loop filter,
// `... in rows if a`, would read the names before they are set, and is left
// to gonja.)
func unpackForTargets(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	loops := 0
	for i := 0; i < len(in); i++ {
		out = append(out, in[i])
		if in[i].Type != tokens.Name || in[i].Val != "for" || i == 0 || in[i-1].Type != tokens.BlockBegin {
			continue
		}
		var names []*tokens.Token
		j := i + 1
		for j < len(in) && in[j].Type == tokens.Name && in[j].Val != "in" {
			names = append(names, in[j])
			if j+1 < len(in) && in[j+1].Type == tokens.Comma {
				j += 2
				continue
			}
			j++
			break
		}
		if len(names) < 3 || j >= len(in) || in[j].Type != tokens.In && in[j].Val != "in" {
			continue
		}
		end := j
		for end < len(in) && in[end].Type != tokens.BlockEnd {
			if in[end].Val == "if" {
				end = -1
				break
			}
			end++
		}
		if end < 0 || end >= len(in) {
			continue
		}
		loops++
		at := names[0]
		tok := func(t tokens.Type, v string) *tokens.Token {
			return &tokens.Token{Type: t, Val: v, Pos: at.Pos, Line: at.Line, Col: at.Col}
		}
		item := fmt.Sprintf("__item_%d__", loops)
		out = append(out, tok(tokens.Name, item))
		out = append(out, in[j:end+1]...)
		for k, n := range names {
			out = append(out, tok(tokens.BlockBegin, "{%"), tok(tokens.Name, "set"), tok(tokens.Name, n.Val), tok(tokens.Assign, "="),
				tok(tokens.Name, item), tok(tokens.LeftBracket, "["), tok(tokens.Integer, fmt.Sprint(k)), tok(tokens.RightBracket, "]"), tok(tokens.BlockEnd, in[end].Val))
		}
		i = end
	}
	return out
}
