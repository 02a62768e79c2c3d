package jinja

import "github.com/nikolalohinski/gonja/v2/tokens"

// gonja parses a conditional expression (`a if c else b`) only as a whole
// {{ }} output, while Jinja2 allows it as any expression: in parentheses,
// call arguments, list items and dict values. rewriteConditionals rewrites
// each one inside brackets to `((c) and [a] or [b])[0]`, which gonja
// evaluates lazily as Jinja2 does: only the branch taken runs. Without
// `else`, the other branch is undefined (it prints as nothing), as in
// Jinja2.
func rewriteConditionals(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	for i := 0; i < len(in); {
		t := in[i]
		if !isOpen(t.Type) {
			out = append(out, t)
			i++
			continue
		}
		j := matching(in, i)
		if j < 0 {
			out = append(out, t)
			i++
			continue
		}
		out = append(out, t)
		out = append(out, rewriteGroup(in[i+1:j])...)
		out = append(out, in[j])
		i = j + 1
	}
	return out
}

func isOpen(t tokens.Type) bool {
	return t == tokens.LeftParenthesis || t == tokens.LeftBracket || t == tokens.LeftBrace
}

func isClose(t tokens.Type) bool {
	return t == tokens.RightParenthesis || t == tokens.RightBracket || t == tokens.RightBrace
}

func isTagEnd(t tokens.Type) bool {
	return t == tokens.VariableEnd || t == tokens.BlockEnd || t == tokens.EOF
}

// matching returns the index of the bracket closing in[i], or -1 when the
// tag ends first.
func matching(in []*tokens.Token, i int) int {
	depth := 0
	for j := i; j < len(in); j++ {
		switch t := in[j].Type; {
		case isOpen(t):
			depth++
		case isClose(t):
			depth--
			if depth == 0 {
				return j
			}
		case isTagEnd(t):
			return -1
		}
	}
	return -1
}

// rewriteGroup rewrites the items of a bracket's content, separated by
// commas and colons at its own depth; a `name=` keyword prefix stays.
func rewriteGroup(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	start, depth := 0, 0
	flush := func(end int) {
		item := in[start:end]
		if len(item) >= 2 && item[0].Type == tokens.Name && item[1].Type == tokens.Assign {
			out = append(out, item[:2]...)
			item = item[2:]
		}
		out = append(out, rewriteItem(item)...)
	}
	for i, t := range in {
		switch {
		case isOpen(t.Type):
			depth++
		case isClose(t.Type):
			depth--
		case depth == 0 && (t.Type == tokens.Comma || t.Type == tokens.Colon):
			flush(i)
			out = append(out, t)
			start = i + 1
		}
	}
	flush(len(in))
	return out
}

// rewriteItem rewrites one expression: `x if c else y` at its own depth,
// then the brackets inside its parts.
func rewriteItem(in []*tokens.Token) []*tokens.Token {
	ifAt, elseAt, depth := -1, -1, 0
	for i, t := range in {
		switch {
		case isOpen(t.Type):
			depth++
		case isClose(t.Type):
			depth--
		case depth == 0 && t.Type == tokens.Name && t.Val == "if" && ifAt < 0 && i > 0:
			ifAt = i
		case depth == 0 && t.Type == tokens.Name && t.Val == "else" && ifAt >= 0:
			elseAt = i
		}
		if elseAt >= 0 {
			break
		}
	}
	if ifAt < 0 {
		return rewriteConditionals(in)
	}
	x, c := in[:ifAt], in[ifAt+1:]
	var y []*tokens.Token
	if elseAt >= 0 {
		c, y = in[ifAt+1:elseAt], rewriteItem(in[elseAt+1:])
	} else {
		at := in[ifAt]
		y = []*tokens.Token{{Type: tokens.Name, Val: undefinedName, Pos: at.Pos, Line: at.Line, Col: at.Col}}
	}
	at := in[ifAt]
	tok := func(t tokens.Type, v string) *tokens.Token {
		return &tokens.Token{Type: t, Val: v, Pos: at.Pos, Line: at.Line, Col: at.Col}
	}
	out := []*tokens.Token{tok(tokens.LeftParenthesis, "("), tok(tokens.LeftParenthesis, "(")}
	out = append(out, rewriteConditionals(c)...)
	out = append(out, tok(tokens.RightParenthesis, ")"), tok(tokens.And, "and"), tok(tokens.LeftBracket, "["))
	out = append(out, rewriteConditionals(x)...)
	out = append(out, tok(tokens.RightBracket, "]"), tok(tokens.Or, "or"), tok(tokens.LeftBracket, "["))
	out = append(out, y...)
	out = append(out, tok(tokens.RightBracket, "]"), tok(tokens.RightParenthesis, ")"),
		tok(tokens.LeftBracket, "["), tok(tokens.Integer, "0"), tok(tokens.RightBracket, "]"))
	return out
}

// undefinedName is never defined, so it evaluates as Jinja2's Undefined.
const undefinedName = "__undefined__"

// parenthesizeElseChains puts the else branch of a conditional outside
// brackets in parentheses when it is itself a conditional: in Jinja2
// `a if c else b if d else e` is `a if c else (b if d else e)`, while gonja
// reads one conditional per {{ }} or {% set %} and stops at the second
// `if`. Inside the parentheses rewriteConditionals takes the chain.
func parenthesizeElseChains(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	depth, tagStart, sawIf, closeAt := 0, -1, false, -1
	for i, t := range in {
		if i == closeAt {
			out = append(out, tokenAt(tokens.RightParenthesis, ")", in[i-1]))
			closeAt = -1
		}
		out = append(out, t)
		switch {
		case t.Type == tokens.VariableBegin || t.Type == tokens.BlockBegin:
			depth, tagStart, sawIf = 0, i, false
		case isOpen(t.Type):
			depth++
		case isClose(t.Type):
			depth--
		case depth != 0 || tagStart < 0 || t.Type != tokens.Name:
		case t.Val == "for" && i == tagStart+1:
			tagStart = -1 // a loop's `if` filters its items: no else there
		case t.Val == "if" && i > tagStart+1:
			sawIf = true
		case t.Val == "else" && sawIf && closeAt < 0:
			if end, chained := elseBranchEnd(in, i+1); chained {
				out = append(out, tokenAt(tokens.LeftParenthesis, "(", t))
				closeAt = end
			}
		}
	}
	return out
}

// elseBranchEnd is the index ending the else branch starting at i (its
// tag's end or a comma at its depth), and whether the branch has an `if`
// of its own at that depth.
func elseBranchEnd(in []*tokens.Token, i int) (int, bool) {
	depth, chained := 0, false
	for j := i; j < len(in); j++ {
		switch t := in[j]; {
		case isTagEnd(t.Type) || (depth == 0 && t.Type == tokens.Comma):
			return j, chained
		case isOpen(t.Type):
			depth++
		case isClose(t.Type):
			depth--
		case depth == 0 && t.Type == tokens.Name && t.Val == "if":
			chained = true
		}
	}
	return len(in), chained
}

// parenthesizeTagConditionals puts in parentheses the expression of a
// {% do %} tag, and the value of a {% set x = ... %}, when it is a
// conditional at its own depth: gonja's do tag takes no conditional, and
// its set tag none without else (`{% do cols.append(c) if keep %}`), which
// Jinja2 takes as any expression. Inside the parentheses
// rewriteConditionals takes it, lazily, the undefined value standing for a
// missing else.
func parenthesizeTagConditionals(in []*tokens.Token) []*tokens.Token {
	out := make([]*tokens.Token, 0, len(in))
	for i := 0; i < len(in); i++ {
		t := in[i]
		out = append(out, t)
		if t.Type != tokens.BlockBegin || i+1 >= len(in) || in[i+1].Type != tokens.Name {
			continue
		}
		start := -1
		switch in[i+1].Val {
		case "do":
			start = i + 2
		case "set":
			for j := i + 2; j < len(in) && !isTagEnd(in[j].Type); j++ {
				if in[j].Type == tokens.Assign {
					start = j + 1
					break
				}
				if in[j].Type != tokens.Name && in[j].Type != tokens.Comma && in[j].Type != tokens.Dot {
					break
				}
			}
		}
		if start < 0 {
			continue
		}
		end, depth, hasIf := start, 0, false
		for ; end < len(in) && !isTagEnd(in[end].Type); end++ {
			switch tt := in[end]; {
			case isOpen(tt.Type):
				depth++
			case isClose(tt.Type):
				depth--
			case depth == 0 && tt.Type == tokens.Name && tt.Val == "if" && end > start:
				hasIf = true
			}
		}
		if !hasIf || end >= len(in) || end == start {
			continue
		}
		out = append(out, in[i+1:start]...)
		out = append(out, tokenAt(tokens.LeftParenthesis, "(", in[start]))
		out = append(out, in[start:end]...)
		out = append(out, tokenAt(tokens.RightParenthesis, ")", in[end-1]))
		i = end - 1
	}
	return out
}
