package jinja

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/nikolalohinski/gonja/v2/config"
	"github.com/nikolalohinski/gonja/v2/nodes"
	"github.com/nikolalohinski/gonja/v2/parser"
	"github.com/nikolalohinski/gonja/v2/tokens"
)

// Names the token rewriting introduces. They start with two underscores so
// no dbt project collides with them.
const (
	listFuncName = "__list__"
	// dictFuncName wraps a dict literal: dictLiteral keeps one entry of a
	// key written twice, as Python's dict display does
	dictFuncName = "__dict__"
	lineKwarg    = "__line__"
)

// lineAware are the builtins that receive the template line of their call as
// a hidden keyword argument, so Context.Ref and Context.Source can report it.
var lineAware = map[string]bool{"ref": true, "source": true}

// lexerMessage matches gonja's lexer errors that are messages.
var lexerMessage = regexp.MustCompile(`^(Unexpected|Unbalanced|Unable|unclosed)`)

// parseTemplate lexes and parses one file. The token stream is rewritten
// before parsing (see rewriteTokens) so the result behaves like Jinja2.
func parseTemplate(path, source string, cfg *config.Config, cs parser.ControlStructureGetter) (*nodes.Template, error) {
	// Jinja2 reads \r\n and \r as \n, in text and in string literals.
	// gonja's lexer does too, but counts its token positions in the text
	// it changed, which must be the text maskStrings counts in.
	source = normalizeNewlines(source)
	masked, literals := maskStrings(source)
	stream := tokens.LexAll(masked, cfg)
	var toks []*tokens.Token
	for {
		tok := stream.Current()
		if tok == nil {
			break
		}
		if tok.Type == tokens.String {
			stringAfterLineBreak(tok, masked)
			if v, ok := literals[tok.Pos]; ok {
				tok.Val = parserEscaped(v)
			}
		}
		keywordBeforeLineBreak(tok, toks)
		if tok.Type == tokens.BlockEnd || tok.Type == tokens.VariableEnd || tok.Type == tokens.CommentEnd {
			// a tag may close on a line of its own (a line break, then
			// -%}), whose - gonja's parser looks for first
			tok.Val = strings.TrimLeft(tok.Val, " \t\r\n")
		}
		if tok.Type == tokens.Name && tok.Val == "" {
			// gonja's lexer reads a line break opening a tag ({%-, a
			// line break, then set) as an empty name; Jinja2 skips it as
			// the blank it is
			stream.Next()
			continue
		}
		toks = append(toks, tok)
		if tok.Type == tokens.EOF || tok.Type == tokens.Error {
			break
		}
		stream.Next()
	}
	if n := len(toks); n > 0 && toks[n-1].Type == tokens.Error {
		// gonja's parser stops quietly at a lexing error; report it.
		msg, line := toks[n-1].Val, lineOfToken(source, toks, n-1)
		if !lexerMessage.MatchString(msg) {
			// gonja reports an unterminated string by its text alone.
			msg = fmt.Sprintf("unterminated string %q", strings.TrimSpace(msg))
			if n >= 2 {
				line = toks[n-2].Line
			}
		}
		return nil, syntaxDiagnostic(path, &parser.SyntaxError{Message: msg, Line: line}, 0)
	}
	if err := checkNesting(path, toks); err != nil {
		return nil, err
	}
	toks = wrapInOperands(rewriteTokens(rewriteConditionals(parenthesizeTagConditionals(parenthesizeElseChains(rewriteSpreads(unpackForTargets(bareForTargets(parenthesizeOutputTuples(joinAdjacentStrings(toks))))))))))
	p := parser.NewParser(path, tokens.NewStream(toks), cfg, nil, cs)
	root, err := p.Parse()
	if err != nil {
		line := 0
		if cur := p.Stream().Current(); cur != nil {
			line = cur.Line
		}
		return nil, syntaxDiagnostic(path, err, line)
	}
	rewriteOperators(root)
	return root, nil
}

// stringAfterLineBreak reads again a string literal that opens right after a
// line break inside a tag: gonja's lexer starts that token at the line break
// and keeps the opening quote in its value ({"a": 1,<line break>"b": 2} gave
// the key `"b`). The token is made to start at its quote and hold the text
// between the quotes, as the lexer gives every other string.
func stringAfterLineBreak(tok *tokens.Token, masked string) {
	q := tok.Pos
	for q < len(masked) && (masked[q] == '\n' || masked[q] == ' ' || masked[q] == '\t') {
		q++
	}
	if q == tok.Pos || q >= len(masked) || (masked[q] != '"' && masked[q] != '\'') {
		return
	}
	end, ok := stringEnd(masked, q)
	if !ok {
		return
	}
	tok.Pos, tok.Val = q, masked[q+1:end]
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// keywords are the operators gonja's lexer reads as names when a line break
// follows them (it takes only spaces and tabs for their end): `a and` at the
// end of a line, then `b`, is a and b in Jinja2.
var keywords = map[string]tokens.Type{"and": tokens.And, "or": tokens.Or, "not": tokens.Not, "in": tokens.In, "is": tokens.Is}

// keywordBeforeLineBreak gives such a name its operator's type, and a name
// or number after a line break (which the lexer keeps in its text) its own.
func keywordBeforeLineBreak(tok *tokens.Token, before []*tokens.Token) {
	switch tok.Type {
	case tokens.Name:
		tok.Val = strings.TrimLeft(tok.Val, "\r\n")
		if k, ok := keywords[tok.Val]; ok && (len(before) == 0 || before[len(before)-1].Type != tokens.Dot) {
			tok.Type = k
		}
	case tokens.Integer, tokens.Float:
		tok.Val = strings.TrimLeft(tok.Val, "\r\n")
	}
}

// lineOfToken finds the line of a token that has no line of its own (lexing
// errors carry only a byte offset).
func lineOfToken(source string, toks []*tokens.Token, i int) int {
	if toks[i].Line > 0 {
		return toks[i].Line
	}
	line := 1
	for j := 0; j < toks[i].Pos && j < len(source); j++ {
		if source[j] == '\n' {
			line++
		}
	}
	return line
}

// rewriteTokens makes four changes that gonja needs to render dbt projects
// as Jinja2 does:
//   - a list literal `[a, b]` becomes `__list__(a, b)`, which builds a list
//     that methods such as append change in place (gonja copies plain lists,
//     so an append inside a for loop would be lost);
//   - a dict literal `{...}` becomes `__dict__({...})`, which keeps one
//     entry of a key written twice, the value written last in the place
//     written first (gonja kept both);
//   - a trailing comma before `)` of a call, `]` or `}` is dropped (Jinja2
//     accepts it, gonja does not); in parentheses that are not a call's it
//     stays, as (a,) is a tuple of one;
//   - calls of ref and source get a `__line__=N` keyword argument with the
//     line of the call (a macro a project names ref or source drops it
//     unless it takes **kwargs, which pass it on).
//
// Token lines are kept, so error messages still point at the source.
func rewriteTokens(in []*tokens.Token) []*tokens.Token {
	type frame struct {
		open   tokens.Type // LeftParenthesis, LeftBracket or LeftBrace
		list   bool        // a `[` rewritten to `__list__(`
		dict   bool        // a `{` rewritten to `__dict__({`
		line   int         // >0: inject __line__=line before the closing paren
		openAt int         // index in out of the opening token
		group  bool        // a `(` that groups or makes a tuple, not a call's
	}
	out := make([]*tokens.Token, 0, len(in)+8)
	var stack []frame
	prev := func() *tokens.Token {
		if len(out) == 0 {
			return nil
		}
		return out[len(out)-1]
	}
	for i, tok := range in {
		noneLiteral(tok)
		switch tok.Type {
		case tokens.Comma:
			if i+1 < len(in) {
				switch in[i+1].Type {
				case tokens.RightParenthesis:
					if len(stack) > 0 && stack[len(stack)-1].group {
						break // (a,) is a tuple of one
					}
					continue
				case tokens.RightBracket, tokens.RightBrace:
					continue
				}
			}
		case tokens.LeftParenthesis:
			f := frame{open: tok.Type, openAt: len(out), group: !isSubscript(prev())}
			if p := prev(); p != nil && p.Type == tokens.Name && lineAware[p.Val] {
				// not x.ref(...), and not the parameters of a project's own
				// {% macro ref(...) %}, where the argument would be a
				// parameter taking a positional argument's place
				if len(out) < 2 || (out[len(out)-2].Type != tokens.Dot && !(out[len(out)-2].Type == tokens.Name && out[len(out)-2].Val == "macro")) {
					f.line = tok.Line
				}
			}
			stack = append(stack, f)
		case tokens.LeftBracket:
			if !isSubscript(prev()) {
				stack = append(stack, frame{open: tok.Type, list: true, openAt: len(out)})
				out = append(out,
					&tokens.Token{Type: tokens.Name, Val: listFuncName, Pos: tok.Pos, Line: tok.Line, Col: tok.Col},
					&tokens.Token{Type: tokens.LeftParenthesis, Val: "(", Pos: tok.Pos, Line: tok.Line, Col: tok.Col})
				continue
			}
			stack = append(stack, frame{open: tok.Type, openAt: len(out)})
		case tokens.LeftBrace:
			stack = append(stack, frame{open: tok.Type, dict: true, openAt: len(out)})
			out = append(out,
				&tokens.Token{Type: tokens.Name, Val: dictFuncName, Pos: tok.Pos, Line: tok.Line, Col: tok.Col},
				&tokens.Token{Type: tokens.LeftParenthesis, Val: "(", Pos: tok.Pos, Line: tok.Line, Col: tok.Col})
		case tokens.RightParenthesis, tokens.RightBracket, tokens.RightBrace:
			if len(stack) == 0 {
				break
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if f.list && tok.Type == tokens.RightBracket {
				out = append(out, &tokens.Token{Type: tokens.RightParenthesis, Val: ")", Pos: tok.Pos, Line: tok.Line, Col: tok.Col})
				continue
			}
			if f.dict && tok.Type == tokens.RightBrace {
				out = append(out, tok, &tokens.Token{Type: tokens.RightParenthesis, Val: ")", Pos: tok.Pos, Line: tok.Line, Col: tok.Col})
				continue
			}
			if f.line > 0 && tok.Type == tokens.RightParenthesis {
				at := func(t tokens.Type, v string) *tokens.Token {
					return &tokens.Token{Type: t, Val: v, Pos: tok.Pos, Line: tok.Line, Col: tok.Col}
				}
				if len(out)-1 != f.openAt {
					out = append(out, at(tokens.Comma, ","))
				}
				out = append(out, at(tokens.Name, lineKwarg), at(tokens.Assign, "="), at(tokens.Integer, strconv.Itoa(f.line)))
			}
		case tokens.VariableBegin, tokens.BlockBegin:
			// A new tag resets the nesting (unbalanced brackets are then
			// reported by the parser at the right place).
			stack = stack[:0]
		}
		out = append(out, tok)
	}
	return out
}

// isSubscript reports whether a `[` after prev indexes a value (x[0],
// f()[1], 'ab'[0]) rather than opening a list literal.
func isSubscript(prev *tokens.Token) bool {
	if prev == nil {
		return false
	}
	switch prev.Type {
	case tokens.RightParenthesis, tokens.RightBracket, tokens.RightBrace, tokens.String:
		return true
	case tokens.Name:
		switch prev.Val {
		case "if", "else", "elif", "do", "for", "set", "return", "not", "and", "or", "in", "is":
			return false
		}
		return true
	}
	return false
}
