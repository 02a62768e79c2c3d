package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// Jinja2 reads the expression of {{ ... }} as a tuple when it has a comma
// outside brackets, `{{ a, b }}` printing ('x', 'y') as Python does; gonja
// stops at the comma with a syntax error. parenthesizeOutputTuples wraps such
// an expression in parentheses, which gonja reads as the same tuple.
func parenthesizeOutputTuples(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	for i := 0; i < len(in); i++ {
		out = append(out, in[i])
		if in[i].Type != tokens.VariableBegin {
			continue
		}
		end, depth, comma := i+1, 0, false
		for ; end < len(in) && in[end].Type != tokens.VariableEnd && in[end].Type != tokens.EOF; end++ {
			switch in[end].Type {
			case tokens.LeftParenthesis, tokens.LeftBracket, tokens.LeftBrace:
				depth++
			case tokens.RightParenthesis, tokens.RightBracket, tokens.RightBrace:
				depth--
			case tokens.Comma:
				comma = comma || depth == 0
			}
		}
		if !comma || end >= len(in) || in[end].Type != tokens.VariableEnd || end == i+1 {
			continue
		}
		first, last := in[i+1], in[end-1]
		out = append(out, &tokens.Token{Type: tokens.LeftParenthesis, Val: "(", Pos: first.Pos, Line: first.Line, Col: first.Col})
		out = append(out, in[i+1:end]...)
		out = append(out, &tokens.Token{Type: tokens.RightParenthesis, Val: ")", Pos: last.Pos, Line: last.Line, Col: last.Col})
		i = end - 1
	}
	return out
}
