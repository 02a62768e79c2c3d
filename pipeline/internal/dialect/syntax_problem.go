package dialect

import "fmt"

// SyntaxProblem is where a query of sql (select, with, values) first
// stops reading as the dialect's SQL: the line and column of the token,
// and a message naming the dialect, the token and what was expected there.
// The translator reads such a query as tokens and lets SQLite refuse it;
// SQLite's message names neither the dialect nor the column, which this
// adds. ok is false when every query reads.
func SyntaxProblem(d Dialect, sql string) (line, col int, msg string, ok bool) {
	toks, err := lex(d, sql)
	if err != nil {
		return 0, 0, "", false
	}
	p := newParser(d, toks)
	for !p.atEOF() {
		if p.isPunct(";") {
			p.next()
			continue
		}
		start := p.pos
		t := p.peek()
		if t.kind == kWord && (t.lower == "select" || t.lower == "with" || t.lower == "values") {
			if se, failed := p.querySyntax(); failed {
				line, col, near := p.syntaxSpot(se)
				at := "the end"
				if near != "" {
					at = fmt.Sprintf("%q", near)
				}
				return line, col, fmt.Sprintf("read as %s SQL, the query stops at %s: %s", dialectName(d), at, se.msg), true
			}
		}
		p.pos = start
		p.parseStatement()
	}
	return 0, 0, "", false
}

// querySyntax parses a query where the parser stands, returning the
// syntax error that stops it, or one for text after its end.
func (p *parser) querySyntax() (se syntaxError, failed bool) {
	defer func() {
		if r := recover(); r != nil {
			e, is := r.(syntaxError)
			if !is {
				panic(r)
			}
			se, failed = e, true
		}
	}()
	p.parseQuery()
	if !p.atEOF() && !p.isPunct(";") {
		return syntaxError{tok: p.ti(), msg: "expected the end of the query"}, true
	}
	return syntaxError{}, false
}

// syntaxSpot is the position and text of the token a syntax error names
// ("" at the end of the SQL).
func (p *parser) syntaxSpot(se syntaxError) (line, col int, near string) {
	if se.tok >= 0 && se.tok < len(p.toks) {
		t := p.toks[se.tok]
		return t.line, t.col, t.text
	}
	if len(p.toks) == 0 {
		return 1, 1, ""
	}
	last := p.toks[len(p.toks)-1]
	return last.line, last.col + len(last.text), ""
}
