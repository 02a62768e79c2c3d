package dialect

import "strings"

// parseExpr reads an expression, lowest precedence first.
func (p *parser) parseExpr() *node {
	// A bound on nesting keeps a failed parse cheap to unwind and retry.
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxNesting {
		p.deepAt = max(p.deepAt, p.pos)
		p.fail("an expression nested more than 200 levels deep")
	}
	return p.parseOr()
}

const maxNesting = 200

func (p *parser) binary(x *node, op string, right func() *node) *node {
	n := &node{kind: nBinary, start: x.start, tok: p.next(), tok2: -1, name: op}
	n.x = n.add(x)
	n.y = n.add(right())
	return p.close(n)
}

func (p *parser) parseOr() *node {
	x := p.parseAnd()
	for p.isWord("or") {
		x = p.binary(x, "or", p.parseAnd)
	}
	return x
}

func (p *parser) parseAnd() *node {
	x := p.parseNot()
	for p.isWord("and") {
		x = p.binary(x, "and", p.parseNot)
	}
	return x
}

func (p *parser) parseNot() *node {
	if p.isWord("not") && !p.isWordAt(1, "exists") || p.isWord("not") && p.isWordAt(1, "not") {
		n := p.open(nUnary)
		n.tok = p.next()
		n.name = "not"
		n.x = n.add(p.parseNot())
		return p.close(n)
	}
	return p.parseCmp()
}

// likeOperators are DuckDB's operator forms of [NOT] LIKE, ILIKE and GLOB,
// and of regexp_matches (x ~ p: p matches a part of x).
var likeOperators = map[string]struct {
	name string
	not  bool
}{
	"~~": {"like", false}, "!~~": {"like", true}, "~~*": {"ilike", false}, "!~~*": {"ilike", true},
	"~~~": {"glob", false}, "~": {"regexp_matches", false}, "!~": {"regexp_matches", true},
}

var comparisons = map[string]bool{"=": true, "==": true, "!=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true}

func (p *parser) parseCmp() *node {
	x := p.parseBits()
	for {
		t := p.peek()
		if t.kind == kPunct && comparisons[t.text] {
			x = p.binary(x, t.text, p.parseBits)
			continue
		}
		if t.kind == kPunct && p.d == DuckDB && duckSetOperators[t.text] != "" {
			x = p.binary(x, t.text, p.parseBits)
			continue
		}
		if op, ok := likeOperators[t.text]; ok && t.kind == kPunct && p.d == DuckDB {
			// DuckDB's x ~~ p is x LIKE p, !~~ NOT LIKE, and so on.
			n := &node{kind: nLike, start: x.start, tok: p.next(), tok2: -1, name: op.name, flag: op.not}
			n.x = n.add(x)
			n.y = n.add(p.parseBits())
			x = p.close(n)
			continue
		}
		if t.kind != kWord {
			return x
		}
		not := t.lower == "not"
		w := t.lower
		if not {
			w = p.peekAt(1).lower
		}
		switch w {
		case "is":
			if not {
				return x
			}
			n := &node{kind: nIs, start: x.start, tok: p.next(), tok2: -1}
			n.x = n.add(x)
			if _, ok := p.acceptWord("not"); ok {
				n.flag = true
			}
			if _, ok := p.acceptWord("distinct"); ok {
				p.expectWord("from")
				n.name = "distinct"
			}
			n.y = n.add(p.parseBits())
			x = p.close(n)
		case "in":
			if p.argIn {
				return x // POSITION(sub IN s)
			}
			n := &node{kind: nIn, start: x.start, tok: -1, tok2: -1, flag: not}
			n.x = n.add(x)
			if not {
				p.next()
			}
			n.tok = p.next()
			switch {
			case p.isPunct("(") && (p.isWordAt(1, "select") || p.isWordAt(1, "with")):
				n.y = n.add(p.parsePrimary())
			case p.isPunct("("):
				g := p.open(nTuple)
				p.next()
				for !p.isPunct(")") {
					g.list = append(g.list, g.add(p.parseExpr()))
					if !p.acceptPunct(",") {
						break
					}
				}
				p.expectPunct(")")
				n.y = n.add(p.close(g))
			default:
				n.y = n.add(p.parsePostfix())
			}
			x = p.close(n)
		case "like", "ilike", "glob", "regexp", "rlike", "match", "similar":
			if to := 1; w == "similar" {
				if not {
					to = 2
				}
				if p.d != DuckDB || !p.isWordAt(to, "to") {
					return x
				}
			}
			n := &node{kind: nLike, start: x.start, tok: -1, tok2: -1, flag: not}
			n.x = n.add(x)
			if not {
				p.next()
			}
			n.tok = p.next()
			n.name = p.toks[n.tok].lower
			if n.name == "similar" {
				p.next() // TO
			}
			if p.isWord("any") || p.isWord("all") || p.isWord("some") {
				// Snowflake's and BigQuery's x [NOT] LIKE ANY|ALL (p1, p2,
				// ...); BigQuery's patterns may also be the rows of a
				// subquery or UNNEST(array), kept in y as an array.
				unnest := p.d == BigQuery && p.isWordAt(1, "unnest") && p.isPunctAt(2, "(")
				if p.d != Snowflake && p.d != BigQuery || n.name != "like" && n.name != "ilike" || !p.isPunctAt(1, "(") && !unnest {
					p.fail("LIKE ANY")
				}
				n.tok2 = p.next()
				switch {
				case unnest:
					n.y = n.add(p.parsePostfix())
				case p.d == BigQuery && (p.isWordAt(1, "select") || p.isWordAt(1, "with")):
					g := p.open(nArraySub)
					p.next()
					g.x = g.add(p.parseQuery())
					p.expectPunct(")")
					n.y = n.add(p.close(g))
				case p.isWordAt(1, "select") || p.isWordAt(1, "with"):
					// Snowflake's subquery gives one row: one pattern.
					n.list = []*node{n.add(p.parsePrimary())}
				default:
					p.next()
					for {
						n.list = append(n.list, n.add(p.parseExpr()))
						if !p.acceptPunct(",") {
							break
						}
					}
					p.expectPunct(")")
				}
				if _, ok := p.acceptWord("escape"); ok {
					n.z = n.add(p.parseBits())
				}
				x = p.close(n)
				continue
			}
			n.y = n.add(p.parseBits())
			if _, ok := p.acceptWord("escape"); ok {
				n.z = n.add(p.parseBits())
			}
			x = p.close(n)
		case "between":
			n := &node{kind: nBetween, start: x.start, tok: -1, tok2: -1, flag: not}
			n.x = n.add(x)
			if not {
				p.next()
			}
			n.tok = p.next()
			n.y = n.add(p.parseBits())
			p.expectWord("and")
			n.z = n.add(p.parseBits())
			x = p.close(n)
		case "isnull", "notnull", "null":
			if w == "null" && !not {
				return x
			}
			n := &node{kind: nPostfix, start: x.start, tok: p.ti(), tok2: -1}
			n.x = n.add(x)
			if not {
				p.next()
			}
			p.next()
			x = p.close(n)
		default:
			return x
		}
	}
}

func (p *parser) parseBits() *node {
	x := p.parseAdd()
	for {
		t := p.peek()
		if t.kind != kPunct || t.text != "&" && t.text != "|" && t.text != "<<" && t.text != ">>" {
			return x
		}
		x = p.binary(x, t.text, p.parseAdd)
	}
}

func (p *parser) parseAdd() *node {
	x := p.parseMul()
	for {
		t := p.peek()
		if t.kind != kPunct || t.text != "+" && t.text != "-" {
			return x
		}
		x = p.binary(x, t.text, p.parseMul)
	}
}

func (p *parser) parseMul() *node {
	x := p.parseConcat()
	for {
		t := p.peek()
		if t.kind != kPunct || t.text != "*" && t.text != "/" && t.text != "%" && t.text != "//" {
			return x
		}
		x = p.binary(x, t.text, p.parseConcat)
	}
}

func (p *parser) parseConcat() *node {
	x := p.parsePower()
	for {
		t := p.peek()
		if t.kind != kPunct || t.text != "||" && t.text != "->" && t.text != "->>" {
			return x
		}
		x = p.binary(x, t.text, p.parsePower)
	}
}

// parsePower reads DuckDB's x ^ y and x ** y: left to right, above * and
// below a sign (-2 ^ 2 is 4), as DuckDB parses them.
func (p *parser) parsePower() *node {
	x := p.parseUnary()
	for p.d == DuckDB {
		t := p.peek()
		if t.kind != kPunct || t.text != "^" && t.text != "**" {
			break
		}
		x = p.binary(x, "^", p.parseUnary)
	}
	return x
}

// wordPrefix reads a prefix operator written as a word and its operand,
// noting the word's token in seen.
func (p *parser) wordPrefix(name string, seen *[]int) *node {
	n := p.open(nUnary)
	n.tok = p.next()
	n.name = name
	*seen = append(*seen, n.tok)
	n.x = n.add(p.parseUnary())
	return p.close(n)
}

func (p *parser) parseUnary() *node {
	t := p.peek()
	if p.d == Snowflake && t.kind == kWord && t.lower == "connect_by_root" && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted) {
		// CONNECT_BY_ROOT x of a hierarchical query: the value of x in the
		// row its hierarchy starts from (connect_by.go)
		return p.wordPrefix("connect_by_root", &p.connectByRoots)
	}
	if p.inConnect && t.kind == kWord && t.lower == "prior" && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted || p.isPunctAt(1, "(")) {
		// PRIOR x of a CONNECT BY condition: x of the row a level up
		return p.wordPrefix("prior", &p.priors)
	}
	if t.kind == kPunct && (t.text == "-" || t.text == "+" || t.text == "~") {
		n := p.open(nUnary)
		n.tok = p.next()
		n.name = t.text
		n.x = n.add(p.parseUnary())
		return p.close(n)
	}
	return p.parsePostfix()
}

// parsePostfix reads a primary followed by ::type, [index], .field, :path
// and COLLATE.
func (p *parser) parsePostfix() *node {
	x := p.parsePrimary()
	for {
		t := p.peek()
		switch {
		case t.kind == kPunct && t.text == "::" && !(p.d == DuckDB && p.isPunctAt(1, "-")):
			// (DuckDB's x[b::-1] is a slice with a step, not a cast.)
			n := &node{kind: nCast, start: x.start, tok: p.next(), tok2: -1, name: "::"}
			n.x = n.add(x)
			n.y = n.add(p.parseTypeNode())
			x = p.close(n)
		case t.kind == kPunct && t.text == "[" && p.d != SQLite:
			n := &node{kind: nIndex, start: x.start, tok: p.next(), tok2: -1}
			n.x = n.add(x)
			if w := p.peek(); w.kind == kWord && p.isPunctAt(1, "(") {
				switch w.lower {
				case "offset", "safe_offset", "ordinal", "safe_ordinal":
					n.name = w.lower
					p.next()
					p.next()
					n.y = n.add(p.parseExpr())
					p.expectPunct(")")
				}
			}
			if n.y == nil && n.name == "" {
				// DuckDB's slice x[begin:end[:step]], either bound
				// optional; x[::-1] and x[b::-1] lex their colons as ::.
				if !p.isPunct(":") && !p.isPunct("::") {
					n.y = n.add(p.parseExpr())
				}
				if p.isPunct(":") || p.isPunct("::") {
					if p.d != DuckDB {
						p.fail("slices")
					}
					if x.kind == nCast && x.name == "::" {
						// DuckDB's parser refuses x::TYPE[1:3] too
						p.castSlices = append(p.castSlices, n.tok)
					}
					n.name = "slice"
					if p.isPunct(":") {
						p.next()
						if p.isPunct("-") && p.isPunctAt(1, ":") {
							// [a:-:step]: - is the list's end
							p.next()
						} else if !p.isPunct("]") && !p.isPunct(":") {
							n.z = n.add(p.parseExpr())
						}
					}
					if p.isPunct(":") || p.isPunct("::") {
						p.next()
						n.list = []*node{n.add(p.parseExpr())}
					}
				}
			}
			p.expectPunct("]")
			x = p.close(n)
		case t.kind == kDot && (x.kind == nCall || x.kind == nParen || x.kind == nIndex || x.kind == nField || x.kind == nPath || x.kind == nStruct || x.kind == nMap || x.kind == nCast && p.d == BigQuery ||
			x.kind == nSubquery && p.d != SQLite): // (SELECT AS STRUCT ...).field
			n := &node{kind: nField, start: x.start, tok: -1, tok2: -1}
			n.x = n.add(x)
			p.next()
			f := p.peek()
			if f.kind != kWord && f.kind != kQuoted {
				p.fail("expected a field name")
			}
			n.tok = p.next()
			n.name = identName(*f)
			x = p.close(n)
		case t.kind == kPunct && t.text == ":" && p.d == Snowflake && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted):
			n := &node{kind: nPath, start: x.start, tok: p.next(), tok2: -1}
			n.x = n.add(x)
			var path strings.Builder
			path.WriteString("$")
		path:
			for first := true; ; first = false {
				f := p.peek()
				switch {
				case (f.kind == kWord || f.kind == kQuoted) && first:
					path.WriteString("." + jsonKey(f))
					p.next()
				case f.kind == kDot && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted):
					p.next()
					path.WriteString("." + jsonKey(p.peek()))
					p.next()
				case f.kind == kPunct && f.text == "[" && p.peekAt(1).kind == kNumber && p.isPunctAt(2, "]"):
					p.next()
					path.WriteString("[" + p.peek().text + "]")
					p.next()
					p.next()
				default:
					break path
				}
			}
			n.name = path.String()
			x = p.close(n)
		case t.kind == kWord && t.lower == "at" && p.d == DuckDB && p.isWordAt(1, "time") && p.isWordAt(2, "zone"):
			// DuckDB's ts AT TIME ZONE zone (timestamps.go)
			n := &node{kind: nBinary, start: x.start, tok: p.next(), tok2: -1, name: "at time zone"}
			p.next()
			p.next()
			n.x = n.add(x)
			n.y = n.add(p.parsePrimary())
			x = p.close(n)
		case t.kind == kWord && t.lower == "collate":
			n := &node{kind: nPostfix, start: x.start, tok: p.next(), tok2: -1}
			n.x = n.add(x)
			p.next()
			x = p.close(n)
		default:
			return x
		}
	}
}

// jsonKey is an identifier as a JSON path key: quoted when not plain.
func jsonKey(t *token) string {
	name := t.text
	if t.kind == kQuoted {
		name = t.text[1 : len(t.text)-1]
	}
	for i := 0; i < len(name); i++ {
		if !isWordPart(name[i]) {
			return `"` + name + `"`
		}
	}
	return name
}

// parseTypeNode reads a type name after :: or AS into a node spanning it.
func (p *parser) parseTypeNode() *node {
	n := p.open(nRaw)
	t := p.peek()
	if t.kind != kWord {
		return p.close(n) // empty: refused by the cast rewrite
	}
	p.next()
	switch t.lower {
	case "double":
		p.acceptWord("precision")
	case "character", "char":
		p.acceptWord("varying")
	case "timestamp", "time":
		if p.isWord("with") || p.isWord("without") {
			if p.isWordAt(1, "time") && p.isWordAt(2, "zone") {
				p.next()
				p.next()
				p.next()
			} else if p.isWord("with") && p.isWordAt(1, "local") && p.isWordAt(2, "time") && p.isWordAt(3, "zone") {
				// Snowflake's TIMESTAMP_LTZ
				p.next()
				p.next()
				p.next()
				p.next()
			}
		}
	}
	// Only parameterised types take <...>; after any other type a < is the
	// comparison that follows the cast (a::int < 0).
	if p.isPunct("<") && genericTypes[t.lower] {
		depth := 0
		for !p.atEOF() {
			if p.isPunct("<") {
				depth++
			} else if p.isPunct(">") {
				depth--
			} else if p.isPunct(">>") {
				depth -= 2
			}
			p.next()
			if depth <= 0 {
				break
			}
		}
	}
	if p.isPunct("(") {
		depth := 0
		for !p.atEOF() {
			if p.isPunct("(") {
				depth++
			} else if p.isPunct(")") {
				depth--
			}
			p.next()
			if depth == 0 {
				break
			}
		}
	}
	for p.isPunct("[") && p.isPunctAt(1, "]") || p.peek().kind == kQuoted && p.peek().text == "[]" ||
		p.d == DuckDB && p.isPunct("[") && p.peekAt(1).kind == kNumber && p.isPunctAt(2, "]") {
		// DuckDB's INTEGER[] and the fixed-size ARRAY DOUBLE[3]
		if p.next(); p.toks[p.sig[p.pos-1]].kind != kQuoted {
			if p.peek().kind == kNumber {
				p.next()
			}
			p.next()
		}
	}
	return p.close(n)
}

// parsePrimary reads a literal, name, call, parenthesised expression or
// special form.
func (p *parser) parsePrimary() *node {
	t := p.peek()
	if (p.isWord("any") || p.isWord("some") || p.isWord("all")) && p.isPunctAt(1, "(") && (p.isWordAt(2, "select") || p.isWordAt(2, "with")) {
		// x op ANY (subquery): a call of the subquery (any_all.go)
		n := p.open(nCall)
		n.tok = p.next()
		n.name = p.toks[n.tok].lower
		n.list = []*node{n.add(p.parsePrimary())}
		return p.close(n)
	}
	switch t.kind {
	case kNumber:
		n := p.open(nLit)
		p.next()
		return p.close(n)
	case kString:
		n := p.open(nString)
		n.tok = p.next()
		return p.close(n)
	case kOpen:
		if p.isWordAt(1, "select") || p.isWordAt(1, "with") || p.isWordAt(1, "values") {
			n := p.open(nSubquery)
			p.next()
			n.x = n.add(p.parseQuery())
			p.expectPunct(")")
			return p.close(n)
		}
		n := p.open(nParen)
		p.next()
		n.x = n.add(p.parseExpr())
		if p.isPunct(",") {
			n.kind = nTuple
			n.list = []*node{n.x}
			for p.acceptPunct(",") {
				n.list = append(n.list, n.add(p.parseExpr()))
			}
		}
		p.expectPunct(")")
		return p.close(n)
	case kPunct:
		switch t.text {
		case "[":
			if p.d != SQLite {
				n := p.open(nArray)
				p.next()
				if p.d == DuckDB && !p.isPunct("]") {
					if c := p.parseComprehension(n); c != nil {
						return c
					}
				}
				p.parseList(n, "]")
				p.tuplesAsStructs(n, nil)
				return p.close(n)
			}
		case "{":
			if p.d == DuckDB || p.d == Snowflake {
				n := p.open(nStruct)
				n.flag = p.d == Snowflake // an OBJECT constant: keys sorted, NULL members left out
				p.next()
				if p.d == Snowflake && (p.isPunct("*") || p.isPunctAt(1, ".") && p.isPunctAt(2, "*")) {
					// {*}, {t.*}: refused when rewritten
					n.name = "*"
					for !p.isPunct("}") && p.pos < len(p.sig) { // the end without } fails below
						p.next()
					}
				}
				for !p.isPunct("}") {
					k := p.peek()
					if k.kind != kString && k.kind != kWord && k.kind != kQuoted {
						p.fail("expected a key")
					}
					if name := identName(*k); p.d == Snowflake && k.kind == kString {
						// an OBJECT's key is a string: its case is kept,
						// as :key reads it
						n.names = append(n.names, stringValue(p.d, k.text))
					} else {
						n.names = append(n.names, name)
					}
					p.next()
					p.expectPunct(":")
					n.list = append(n.list, n.add(p.parseExpr()))
					if !p.acceptPunct(",") {
						break
					}
				}
				p.expectPunct("}")
				return p.close(n)
			}
		case "?", "@", "$", ":":
			n := p.open(nParam)
			p.next()
			if k := p.peek(); k.kind == kWord || k.kind == kNumber {
				p.next()
			}
			return p.close(n)
		}
		p.fail("unexpected " + t.text)
	case kWord, kQuoted:
		if t.kind == kWord {
			if n := p.parseKeywordForm(t); n != nil {
				return n
			}
			if p.reserved(t.lower) && !(callable[t.lower] && p.isPunctAt(1, "(")) && !p.namedArgWord(t) && !p.unreservedName(t) {
				p.noteJoinWordRef(t)
				p.fail("unexpected " + t.text)
			}
			if !p.isPunctAt(1, ".") {
				p.noteJoinWordRef(t) // DuckDB's select authorization from t
			}
		}
		return p.parseNameOrCall()
	}
	p.fail("expected an expression")
	return nil
}

// namedArgWord tells whether a reserved word names a function's argument:
// before := or =>, or DuckDB's read_csv(..., escape = '"'), whose
// parameters are written name = value.
func (p *parser) namedArgWord(t *token) bool {
	return p.isPunctAt(1, ":=") || p.isPunctAt(1, "=>") || t.lower == "escape" && p.isPunctAt(1, "=")
}

// callable are reserved words that are also function names.
var callable = map[string]bool{"left": true, "right": true, "replace": true, "like": true, "glob": true,
	"regexp": true, "rlike": true, "match": true, "ilike": true, "filter": true, "collate": true}

// parseList reads expressions up to closer into n.list.
// parseComprehension reads DuckDB's list comprehension after its [,
// [expr for x[, i] in list [if cond]], into n as an nListFor: list
// = the list and the condition; the expression and the condition are each
// an nLambda of the names (x the element, i its 1-based position in the
// list), so that they read them as a lambda's body does. It returns nil
// having read the first element when no FOR follows it.
func (p *parser) parseComprehension(n *node) *node {
	body := p.open(nLambda)
	body.x = body.add(p.parseExpr())
	p.close(body)
	if !p.isWord("for") || (p.peekAt(1).kind != kWord && p.peekAt(1).kind != kQuoted) {
		n.list = append(n.list, n.add(body.x))
		if p.acceptPunct(",") {
			p.parseList(n, "]")
		} else {
			p.expectPunct("]")
		}
		p.tuplesAsStructs(n, nil)
		return p.close(n)
	}
	n.kind = nListFor
	n.add(body)
	p.next()
	for {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a name after FOR")
		}
		body.names = append(body.names, identName(*t))
		p.next()
		if !p.acceptPunct(",") {
			break
		}
	}
	if len(body.names) > 2 {
		p.fail("a list comprehension names the element and its position, no more")
	}
	p.expectWord("in")
	n.list = append(n.list, n.add(p.parseExpr()))
	if _, ok := p.acceptWord("if"); ok {
		cond := p.open(nLambda)
		cond.names = body.names
		cond.x = cond.add(p.parseExpr())
		n.list = append(n.list, n.add(p.close(cond)))
	}
	n.x = body
	p.expectPunct("]")
	return p.close(n)
}

func (p *parser) parseList(n *node, closer string) {
	for !p.isPunct(closer) {
		n.list = append(n.list, n.add(p.parseExpr()))
		if !p.acceptPunct(",") {
			break
		}
	}
	p.expectPunct(closer)
}

// parseKeywordForm reads CASE, CAST, EXTRACT, EXISTS, INTERVAL, ARRAY,
// STRUCT and typed literals, or returns nil.
func (p *parser) parseKeywordForm(t *token) *node {
	call := p.isPunctAt(1, "(")
	switch t.lower {
	case "case":
		n := p.open(nCase)
		p.next()
		if !p.isWord("when") {
			n.x = n.add(p.parseExpr())
		}
		for {
			if _, ok := p.acceptWord("when"); ok {
				n.add(p.parseExpr())
				p.expectWord("then")
				n.add(p.parseExpr())
				continue
			}
			if _, ok := p.acceptWord("else"); ok {
				n.add(p.parseExpr())
			}
			break
		}
		p.expectWord("end")
		return p.close(n)
	case "cast", "safe_cast", "try_cast":
		if !call {
			return nil
		}
		n := p.open(nCast)
		n.tok = p.next()
		n.name = t.lower
		p.next()
		n.x = n.add(p.parseExpr())
		n.tok2 = p.expectWord("as")
		n.y = n.add(p.parseTypeNode())
		if _, ok := p.acceptWord("format"); ok && p.d == BigQuery {
			// BigQuery's CAST(x AS STRING FORMAT 'YYYY-MM-DD' [AT TIME
			// ZONE zone]), written by the translator: SQLite would read
			// FORMAT '...' as part of the type's name and ignore it
			n.z = n.add(p.parseExpr())
			if p.isWord("at") && p.isWordAt(1, "time") && p.isWordAt(2, "zone") {
				p.next()
				p.next()
				p.next()
				n.list = []*node{n.add(p.parseExpr())}
			}
		} else if ok {
			p.fail("CAST ... FORMAT")
		}
		p.expectPunct(")")
		return p.close(n)
	case "extract":
		if !call || p.d == SQLite {
			return nil
		}
		n := p.open(nExtract)
		p.next()
		p.next()
		part := p.peek()
		if part.kind != kWord && part.kind != kString {
			p.fail("expected a date part")
		}
		n.name = strings.ToLower(strings.Trim(part.text, `'"`))
		n.tok = p.next()
		if p.isPunct("(") { // BigQuery's WEEK(MONDAY): weeks starting on that day
			day := p.peekAt(1)
			if p.d != BigQuery || n.name != "week" || day.kind != kWord || !weekdays[strings.ToLower(day.text)] {
				p.fail("EXTRACT(WEEK(day))")
			}
			p.next()
			p.next()
			p.expectPunct(")")
			n.name = "week(" + strings.ToLower(day.text) + ")"
		}
		if p.d == Snowflake && p.isPunct(",") {
			p.next() // Snowflake's EXTRACT(part, x), as DATE_PART is written
		} else {
			p.expectWord("from")
		}
		n.x = n.add(p.parseExpr())
		if p.d == BigQuery && p.isWord("at") && p.isWordAt(1, "time") && p.isWordAt(2, "zone") {
			// BigQuery's EXTRACT(part FROM ts AT TIME ZONE zone)
			p.next()
			p.next()
			p.next()
			n.y = n.add(p.parseExpr())
		} else if _, ok := p.acceptWord("at"); ok {
			p.fail("EXTRACT ... AT TIME ZONE")
		}
		p.expectPunct(")")
		return p.close(n)
	case "exists":
		if !call {
			return nil
		}
		n := p.open(nExists)
		p.next()
		n.x = n.add(p.parsePrimary())
		return p.close(n)
	case "not":
		if p.isWordAt(1, "exists") {
			n := p.open(nUnary)
			n.tok = p.next()
			n.name = "not"
			n.x = n.add(p.parsePrimary())
			return p.close(n)
		}
	case "interval":
		if p.d == SQLite {
			return nil
		}
		n := p.open(nInterval)
		p.next()
		if p.d == BigQuery {
			// BigQuery's INTERVAL takes a whole expression before the
			// date part: INTERVAL row_number() OVER (...) - 1 DAY
			n.x = n.add(p.parseExpr())
			if n.x.kind == nBinary {
				n.x.pre, n.x.post = "("+n.x.pre, n.x.post+")"
			}
		} else {
			n.x = n.add(p.parseUnary())
		}
		if u := p.peek(); u.kind == kWord && !p.reserved(u.lower) {
			n.name = u.lower
			n.tok = p.next()
			if p.d == BigQuery && p.isWord("to") && p.peekAt(1).kind == kWord {
				// INTERVAL '1-2 3 4:5:6' YEAR TO SECOND
				p.next()
				n.tok2 = p.next()
			}
		}
		return p.close(n)
	case "array":
		if p.d == SQLite {
			return nil
		}
		if p.isPunctAt(1, "<") {
			n := p.open(nArray)
			p.next()
			fields := p.parseTypeNames(2)
			typeEnd := p.ti()
			p.expectPunct("[")
			p.parseList(n, "]")
			p.tuplesAsStructs(n, fields)
			if p.d == BigQuery {
				nameByType(n, BigQueryType(joinText(p.toks[n.start:typeEnd])))
			}
			return p.close(n)
		}
		if p.isPunctAt(1, "[") {
			n := p.open(nArray)
			p.next()
			p.next()
			p.parseList(n, "]")
			p.tuplesAsStructs(n, nil)
			return p.close(n)
		}
		if call && (p.isWordAt(2, "select") || p.isWordAt(2, "with")) {
			n := p.open(nArraySub)
			p.next()
			p.next()
			n.x = n.add(p.parseQuery())
			p.expectPunct(")")
			return p.close(n)
		}
	case "map":
		if p.d != DuckDB || !p.isPunctAt(1, "{") {
			return nil
		}
		// DuckDB's MAP {k: v, ...}: keys are expressions, not names
		n := p.open(nMap)
		p.next()
		p.next()
		for !p.isPunct("}") {
			n.list = append(n.list, n.add(p.parseExpr()))
			p.expectPunct(":")
			n.list = append(n.list, n.add(p.parseExpr()))
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct("}")
		return p.close(n)
	case "struct":
		if !call && !p.isPunctAt(1, "<") {
			return nil
		}
		n := p.open(nStruct)
		p.next()
		var typed []string
		if p.isPunct("<") {
			typed = p.parseTypeTail()
		}
		typeEnd := p.ti()
		p.expectPunct("(")
		for i := 0; !p.isPunct(")"); i++ {
			it := p.open(nItem)
			it.x = it.add(p.parseExpr())
			p.parseAlias(it)
			name := it.name
			if name == "" && i < len(typed) {
				name = typed[i]
			}
			if name == "" {
				name = fieldName(p.toks, it.x)
			}
			n.names = append(n.names, name)
			n.list = append(n.list, n.add(p.close(it)))
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
		if typed != nil && p.d == BigQuery {
			// the structs and arrays of structs its fields are given
			// take the names of the fields' types
			if fields, ok := typeFields(BigQueryType(joinText(p.toks[n.start:typeEnd]))); ok && len(fields) == len(n.list) {
				for i, f := range fields {
					nameByType(fieldValue(n.list[i]), f.typ)
				}
			}
		}
		return p.close(n)
	case "date", "timestamp", "datetime", "time", "timestamp_ntz", "timestamp_tz", "timestamp_ltz", "timestamptz", "json", "numeric", "bignumeric", "decimal", "bigdecimal":
		if p.peekAt(1).kind == kString && p.d != SQLite && (p.d == BigQuery || !numericTypes[t.lower]) {
			n := p.open(nTyped)
			n.name = t.lower
			p.next()
			n.tok = p.next()
			return p.close(n)
		}
	}
	return nil
}

// parseTypeTail reads <...> after ARRAY or STRUCT and returns the field
// names of a STRUCT<name type, ...>.
func (p *parser) parseTypeTail() []string { return p.parseTypeNames(1) }

// parseTypeNames reads a type's <...> as parseTypeTail does, giving the
// field names at depth: 2 for the struct of ARRAY<STRUCT<a INT64>>.
func (p *parser) parseTypeNames(at int) []string {
	var names []string
	depth := 0
	expectName := false
	for !p.atEOF() {
		t := p.peek()
		switch {
		case t.kind == kPunct && t.text == "<":
			depth++
			expectName = depth == at
			p.next()
			continue
		case t.kind == kPunct && t.text == ">":
			depth--
		case t.kind == kPunct && t.text == ">>":
			depth -= 2
		case t.kind == kPunct && t.text == "," && depth == at:
			expectName = true
			p.next()
			continue
		case expectName && (t.kind == kWord || t.kind == kQuoted) && (p.peekAt(1).kind == kWord || p.peekAt(1).kind == kQuoted):
			names = append(names, identName(*t))
		}
		expectName = false
		p.next()
		if depth <= 0 {
			return names
		}
	}
	p.fail("expected >")
	return nil
}

// fieldName is the name BigQuery gives an unnamed struct field or select
// column: a column's own name, or "" for an expression.
func fieldName(toks []token, x *node) string {
	switch x.kind {
	case nName:
		return identName(toks[x.parts[len(x.parts)-1]])
	case nField:
		return x.name
	case nParam: // Snowflake's $2 and t.$2 are named $2
		if len(x.parts) > 0 {
			return "$" + toks[x.tok].text
		}
		if x.end-x.start == 2 && toks[x.start].text == "$" && toks[x.start+1].kind == kNumber {
			return "$" + toks[x.start+1].text
		}
	}
	return ""
}

// parseNameOrCall reads a dotted name or a function call.
func (p *parser) parseNameOrCall() *node {
	n := p.open(nName)
	for {
		t := p.peek()
		if t.kind != kWord && t.kind != kQuoted {
			p.fail("expected a name")
		}
		n.parts = append(n.parts, p.next())
		if p.d == Snowflake && p.isPunct(".") && p.isPunctAt(1, "$") && p.peekAt(2).kind == kNumber {
			// Snowflake's t.$2: column 2 of FROM item t (rewritePositional)
			n.kind = nParam
			p.next()
			p.next()
			n.tok = p.next()
			return p.close(n)
		}
		if !p.isPunct(".") || p.isPunctAt(1, "*") {
			break
		}
		if k := p.peekAt(1).kind; k != kWord && k != kQuoted {
			break
		}
		p.next()
	}
	if !p.isPunct("(") {
		return p.close(n)
	}
	// A call: name(args) [WITHIN GROUP (...)] [FILTER (...)] [OVER ...].
	n.kind = nCall
	var b strings.Builder
	for i, k := range n.parts {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(identName(p.toks[k]))
	}
	n.name = b.String()
	n.tok = n.parts[len(n.parts)-1]
	p.next()
	if i, ok := p.acceptWord("distinct"); ok {
		n.tok2 = i
		n.flag = true
	} else if n.name == "trim" && len(n.parts) == 1 && (p.isWord("both") || p.isWord("leading") || p.isWord("trailing")) &&
		!p.isPunctAt(1, ",") && !p.isPunctAt(1, ")") {
		// TRIM(BOTH | LEADING | TRAILING [chars] FROM s): the word is
		// tok2 (rewriteTrimFrom)
		n.tok2 = p.next()
		p.acceptWord("from")
	} else {
		p.acceptWord("all")
	}
	for !p.isPunct(")") {
		if n.name == "columns" && p.d == DuckDB && len(n.parts) <= 1 && p.starLength() > 0 {
			// COLUMNS(* EXCLUDE (...)), COLUMNS(t.*) (columns_expr.go)
			n.list = append(n.list, n.add(p.parseItem()))
		} else if p.isPunct("*") {
			s := p.open(nRaw)
			p.next()
			n.list = append(n.list, n.add(p.close(s)))
		} else if lam := p.parseLambda(n.name, len(n.list)); lam != nil {
			n.list = append(n.list, n.add(lam))
		} else if k := p.peekAt(1); (p.peek().kind == kWord) && k.kind == kPunct && (k.text == "=>" || k.text == ":=") {
			a := p.open(nExpr)
			a.name = p.peek().lower
			p.next()
			p.next()
			a.x = a.add(p.parseExpr())
			n.list = append(n.list, n.add(p.close(a)))
		} else {
			saved := p.argIn
			p.argIn = n.name == "position" && len(n.list) == 0
			n.list = append(n.list, n.add(p.parseExpr()))
			p.argIn = saved
		}
		if p.acceptPunct(",") {
			continue
		}
		if p.isWord("from") || p.isWord("for") || p.isWord("in") || p.isWord("separator") || p.isWord("placing") && n.name == "overlay" {
			p.next() // SUBSTRING(x FROM 1 FOR 2), POSITION(a IN b), OVERLAY(s PLACING r FROM 1 FOR 2)
			continue
		}
		for {
			switch {
			case p.isWord("ignore") || p.isWord("respect"):
				r := p.open(nRaw)
				r.name = p.peek().lower
				p.next()
				p.expectWord("nulls")
				n.z = n.add(p.close(r))
				continue
			case p.isWord("order") && p.isWordAt(1, "by"):
				o := p.open(nExpr)
				p.next()
				p.next()
				o.list = p.parseOrderItems(o)
				n.y = n.add(p.close(o))
				continue
			case p.isWord("having") && (p.isWordAt(1, "max") || p.isWordAt(1, "min")):
				// BigQuery's ANY_VALUE(x HAVING MAX y)
				h := p.open(nExpr)
				p.next()
				h.name = "having " + p.peek().lower
				p.next()
				h.x = h.add(p.parseExpr())
				n.add(p.close(h))
				continue
			case p.isWord("limit"):
				// BigQuery's ARRAY_AGG(x ORDER BY y LIMIT n)
				l := p.open(nExpr)
				l.name = "limit"
				p.next()
				l.x = l.add(p.parseExpr())
				n.add(p.close(l))
				continue
			}
			break
		}
		break
	}
	p.expectPunct(")")
	// Snowflake's NTH_VALUE(x, n) FROM FIRST | LAST [IGNORE NULLS] OVER (...)
	if p.d == Snowflake && p.isWord("from") && (p.isWordAt(1, "first") || p.isWordAt(1, "last")) &&
		(p.isWordAt(2, "over") || p.isWordAt(2, "ignore") || p.isWordAt(2, "respect")) {
		r := p.open(nRaw)
		r.name = "from " + p.peekAt(1).lower
		p.next()
		p.next()
		n.add(p.close(r))
	}
	// FIRST_VALUE(x) IGNORE NULLS OVER (...); in ARRAY_AGG(LOWER(x) IGNORE
	// NULLS) the words are the outer call's
	if (p.isWord("ignore") || p.isWord("respect")) && p.isWordAt(2, "over") {
		r := p.open(nRaw)
		r.name = p.peek().lower
		p.next()
		p.expectWord("nulls")
		n.z = n.add(p.close(r))
	}
	if p.isWord("within") {
		w := p.open(nExpr)
		w.name = "within"
		p.next()
		p.expectWord("group")
		p.expectPunct("(")
		p.expectWord("order")
		p.expectWord("by")
		w.list = p.parseOrderItems(w)
		p.expectPunct(")")
		n.add(p.close(w))
	}
	if p.isWord("filter") && p.isPunctAt(1, "(") {
		f := p.open(nExpr)
		p.next()
		p.next()
		_, where := p.acceptWord("where")
		if !where && p.d != DuckDB {
			p.fail("expected WHERE")
		}
		e := f.add(p.parseExpr())
		if !where {
			e.pre = "WHERE " + e.pre // DuckDB's FILTER (cond)
		}
		p.expectPunct(")")
		n.add(p.close(f))
	}
	if p.isWord("over") {
		w := p.open(nWindow)
		p.next()
		if p.isPunct("(") {
			w.add(p.parseWindowSpec())
		} else {
			p.next()
		}
		n.x = n.add(p.close(w))
	}
	n = p.close(n)
	if op := duckOperatorCalls[n.name]; p.d == DuckDB && op != "" && len(n.parts) == 1 && len(n.list) == 2 && len(n.kids) == 2 && !n.flag && n.list[0].kind != nExpr && n.list[1].kind != nExpr {
		return p.operatorCall(n, op)
	}
	return n
}

// duckOperatorCalls are DuckDB's functions that are an operator:
// add(a, b) is a + b, subtract(a, b) a - b, multiply(a, b) a * b.
var duckOperatorCalls = map[string]string{"add": "+", "subtract": "-", "multiply": "*"}

// operatorCall reads call n, name(a, b) of one of duckOperatorCalls, as
// the parenthesized binary operation (a op b) it is; the walk prints the
// name as nothing and the comma as the operator.
func (p *parser) operatorCall(n *node, op string) *node {
	a, b := n.list[0], n.list[1]
	comma := -1
	for i := a.end; i < b.start; i++ {
		if p.toks[i].kind == kPunct && p.toks[i].text == "," {
			comma = i
		}
	}
	if comma < 0 {
		return n
	}
	bin := &node{kind: nBinary, start: a.start, end: b.end, tok: comma, tok2: -1, name: op, x: a, y: b}
	bin.kids = []*node{a, b}
	paren := &node{kind: nParen, start: n.start, end: n.end, tok: n.tok, tok2: -1, name: "operator call", x: bin}
	paren.kids = []*node{bin}
	return paren
}

// parseWindowSpec reads ( [name] [PARTITION BY ...] [ORDER BY ...] [frame] ).
func (p *parser) parseWindowSpec() *node {
	n := p.open(nExpr)
	n.name = "over" // rangeFrame finds its frame
	p.expectPunct("(")
	if t := p.peek(); t.kind == kWord && !p.reserved(t.lower) && t.lower != "rows" && t.lower != "range" && t.lower != "groups" {
		p.next()
	}
	if p.isWord("partition") {
		p.next()
		p.expectWord("by")
		for {
			n.add(p.parseExpr())
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	if p.isWord("order") {
		p.next()
		p.expectWord("by")
		n.list = p.parseOrderItems(n)
	}
	if !p.isPunct(")") {
		n.add(p.parseFrame())
	}
	p.expectPunct(")")
	return p.close(n)
}

// parseFrame reads a window's frame, its words as words.
func (p *parser) parseFrame() *node {
	was := p.inFrame
	p.inFrame = true
	defer func() { p.inFrame = was }()
	return p.parseSoup(true)
}

// genericTypes are the types written with parameters in angle brackets
// (ARRAY<INT64>, STRUCT<a STRING>, MAP<K, V>, RANGE<DATE>).
var genericTypes = map[string]bool{"array": true, "struct": true, "map": true, "range": true}

// tuplesAsStructs makes the tuples (a, b) of a BigQuery array literal the
// STRUCTs BigQuery reads them as: the fields named by the array's type
// (ARRAY<STRUCT<x INT64, y STRING>>[(1, 'a')]), else anonymous, which
// rewriteStruct names _field_1, _field_2, ... as BigQuery's JSON does.
func (p *parser) tuplesAsStructs(arr *node, fields []string) {
	if p.d != BigQuery {
		return
	}
	for _, e := range arr.list {
		if e.kind != nTuple {
			continue
		}
		e.kind, e.x = nStruct, nil
		e.names = make([]string, len(e.list))
		if len(fields) == len(e.list) {
			copy(e.names, fields)
		}
	}
}
