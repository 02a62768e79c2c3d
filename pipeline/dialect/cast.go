package dialect

import "strings"

// keywords are reserved words that can stand before a parenthesis without
// being a function name, or cannot be an operand: in "where (a)::int" the
// operand is "(a)", not "where (a)".
var keywords = map[string]bool{
	"select": true, "from": true, "where": true, "and": true, "or": true, "not": true,
	"in": true, "on": true, "when": true, "then": true, "else": true, "as": true,
	"by": true, "having": true, "exists": true, "values": true, "is": true, "like": true,
	"ilike": true, "glob": true, "between": true, "join": true, "using": true, "over": true,
	"case": true, "distinct": true, "all": true, "any": true, "some": true, "union": true,
	"intersect": true, "except": true, "with": true, "into": true, "set": true,
	"limit": true, "offset": true, "order": true, "group": true, "returning": true,
	"filter": true, "within": true, "recursive": true, "lateral": true, "return": true,
}

// castOperator rewrites "operand::type" into CAST(operand AS TYPE), or
// date(operand) / json(operand). The operand is already in the output,
// translated, so x::a::b nests: the first cast is a group that the second
// one wraps.
func (t *translator) castOperator(i int) (int, error) {
	tok := t.toks[i]
	n := len(t.out)
	for n > 0 && (t.out[n-1].kind == kSpace || t.out[n-1].kind == kComment) {
		n--
	}
	start := -1
	if n > 0 {
		start = t.operandStart(n - 1)
	}
	if start < 0 {
		return 0, refuse(refNoOperand, tok.line)
	}
	typ, end, err := parseType(t.toks, i+1, "::", tok.line)
	if err != nil {
		return 0, err
	}
	// Spaces and comments between the operand and the type go after the
	// cast, keeping their line breaks.
	var carried strings.Builder
	for _, p := range t.out[n:] {
		carry(&carried, p.token)
	}
	for _, tk := range t.toks[i+1 : end] {
		carry(&carried, tk)
	}

	var b strings.Builder
	if typ.fn != "" {
		b.WriteString(typ.fn)
		b.WriteByte('(')
	} else {
		b.WriteString("CAST(")
	}
	for _, p := range t.out[start:n] {
		b.WriteString(p.text)
	}
	if typ.fn == "" {
		b.WriteString(" AS ")
		b.WriteString(typ.affinity)
	}
	b.WriteByte(')')
	line := t.out[start].line
	t.out = append(t.out[:start], piece{token: token{kind: kGroup, text: b.String(), line: line}, match: -1})
	if carried.Len() > 0 {
		t.emit(token{kind: kSpace, text: carried.String(), line: line})
	}
	return end, nil
}

// carry writes what of tok must survive a rewrite that moves or drops it:
// comments as they are, and the line breaks of everything else.
func carry(b *strings.Builder, tok token) {
	if tok.kind == kComment {
		b.WriteByte(' ')
		b.WriteString(tok.text)
		return
	}
	for k := 0; k < len(tok.text); k++ {
		if tok.text[k] == '\n' {
			b.WriteByte('\n')
		}
	}
}

// operandStart returns the output index where the operand ending at out[j]
// starts, or -1 when out[j] cannot end an operand.
func (t *translator) operandStart(j int) int {
	p := t.out[j]
	switch p.kind {
	case kGroup, kString, kNumber:
		return j
	case kQuoted:
		return t.chainStart(j)
	case kWord:
		switch {
		case p.lower == "end":
			return t.caseStart(j)
		case keywords[p.lower]:
			return -1
		}
		return t.chainStart(j)
	case kClose:
		s := p.match
		if s < 0 {
			return -1
		}
		if s == 0 {
			return s
		}
		before := t.out[s-1]
		if before.kind == kWord && !keywords[before.lower] {
			return t.chainStart(s - 1) // f(...), schema.f(...)
		}
		// f(...) over (...): the window belongs to the call before it.
		if k := t.sigBefore(s); k >= 0 && t.out[k].lower == "over" {
			if c := t.sigBefore(k); c >= 0 && t.out[c].kind == kClose {
				return t.operandStart(c)
			}
		}
		return s
	}
	return -1
}

// sigBefore returns the index of the last piece before j that is not a
// space or comment, or -1.
func (t *translator) sigBefore(j int) int {
	for k := j - 1; k >= 0; k-- {
		if t.out[k].kind != kSpace && t.out[k].kind != kComment {
			return k
		}
	}
	return -1
}

// chainStart extends a name at out[j] back over a.b.c qualifiers.
func (t *translator) chainStart(j int) int {
	for j >= 2 && t.out[j-1].kind == kDot && (t.out[j-2].kind == kWord || t.out[j-2].kind == kQuoted) {
		j -= 2
	}
	return j
}

// caseStart finds the CASE that the END at out[j] closes, skipping nested
// CASE ... END and parenthesised groups; -1 when there is none.
func (t *translator) caseStart(j int) int {
	depth := 0
	for k := j; k >= 0; k-- {
		p := t.out[k]
		switch {
		case p.kind == kClose && p.match >= 0:
			k = p.match
		case p.kind == kOpen:
			return -1 // an unclosed parenthesis: the CASE is not in this group
		case p.kind == kWord && p.lower == "end":
			depth++
		case p.kind == kWord && p.lower == "case":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}
