package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// gonja reads the right side of `in` and `not in` as one variable or
// literal, while in Jinja2 `in` is a comparison whose right side is a whole
// operand: filters, attributes, calls and arithmetic bind tighter, so
// `'a' in cols | map('lower')` asks the mapped list (gonja filtered the
// answer, True, instead) and `x in a + b` the sum. wrapInOperands puts
// that operand in parentheses, which gonja reads as a whole expression.
func wrapInOperands(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in)+4)
	ends := map[int]int{} // index in in after an operand -> closing parens owed there
	for i, t := range in {
		for ; ends[i] > 0; ends[i]-- {
			out = append(out, tokenAt(tokens.RightParenthesis, ")", in[i-1]))
		}
		out = append(out, t)
		if t.Type != tokens.In || i+1 >= len(in) {
			continue
		}
		if end := operandEnd(in, i+1); end > i+2 {
			out = append(out, tokenAt(tokens.LeftParenthesis, "(", t))
			ends[end]++
		}
	}
	for ; ends[len(in)] > 0; ends[len(in)]-- {
		out = append(out, tokenAt(tokens.RightParenthesis, ")", in[len(in)-1]))
	}
	return out
}

// tokenAt is a token the rewriting adds, placed at token at.
func tokenAt(typ tokens.Type, val string, at *tokens.Token) *tokens.Token {
	return &tokens.Token{Type: typ, Val: val, Pos: at.Pos, Line: at.Line, Col: at.Col}
}

// operandEnd is the index after the operand starting at i: an optional
// sign, a name, literal or bracketed group, then attributes, subscripts,
// calls, filters (with their arguments) and arithmetic on further
// operands; -1 where no operand starts at i.
func operandEnd(in []*tokens.Token, i int) int {
	for i < len(in) && (in[i].Type == tokens.Addition || in[i].Type == tokens.Subtraction) {
		i++
	}
	if i >= len(in) {
		return -1
	}
	switch t := in[i].Type; {
	case t == tokens.Name || t == tokens.String || t == tokens.Integer || t == tokens.Float:
		i++
	case isOpen(t):
		j := matching(in, i)
		if j < 0 {
			return -1
		}
		i = j + 1
	default:
		return -1
	}
	for i < len(in) {
		switch in[i].Type {
		case tokens.Dot:
			i += 2
		case tokens.LeftBracket, tokens.LeftParenthesis:
			j := matching(in, i)
			if j < 0 {
				return -1
			}
			i = j + 1
		case tokens.Pipe:
			i += 2 // the filter's name; its arguments are a call
		case tokens.Addition, tokens.Subtraction, tokens.Multiply, tokens.Division, tokens.FloorDivision,
			tokens.Modulo, tokens.Power, tokens.Tilde:
			j := operandEnd(in, i+1)
			if j < 0 {
				return -1
			}
			return j
		default:
			return i
		}
	}
	return i
}
