package dialect

// pivotInfo is a PIVOT or UNPIVOT clause after a FROM item (pivot.go).
type pivotInfo struct {
	unpivot bool
	kw      int // raw token of PIVOT / UNPIVOT: the source is the item's tokens before it
	// PIVOT: aggregates with their aliases, the column whose values become
	// columns, and the values with their aliases.
	aggs     []*node
	aggNames []string
	forCol   *node
	// PIVOT: the values; UNPIVOT: the columns named in IN, each group of
	// several value columns (a1, b1) in groups. The value and name columns
	// made.
	values       []*node
	groups       [][]*node
	valueNames   []string // alias as written, "" when none
	valueCols    []string
	nameCol      string
	includeNulls bool
	dynamic      int   // token of IN (ANY ...) or IN (SELECT ...), or -1
	onNull       *node // Snowflake's DEFAULT ON NULL (value)
}

// parsePivot reads PIVOT (aggs FOR col IN (values)) or UNPIVOT [INCLUDE |
// EXCLUDE NULLS] (value FOR name IN (columns)) into fi.pivot.
func (p *parser) parsePivot(n *node, fi *fromInfo) {
	pv := &pivotInfo{kw: p.ti(), dynamic: -1}
	fi.pivot = pv
	pv.unpivot = p.peek().lower == "unpivot"
	p.next()
	if pv.unpivot {
		if _, ok := p.acceptWord("include"); ok {
			pv.includeNulls = true
			p.expectWord("nulls")
		} else if _, ok := p.acceptWord("exclude"); ok {
			p.expectWord("nulls")
		}
	}
	p.expectPunct("(")
	if pv.unpivot {
		if p.acceptPunct("(") {
			for {
				pv.valueCols = append(pv.valueCols, p.pivotName())
				if !p.acceptPunct(",") {
					break
				}
			}
			p.expectPunct(")")
		} else {
			pv.valueCols = []string{p.pivotName()}
		}
	} else {
		for {
			pv.aggs = append(pv.aggs, n.add(p.parseExpr()))
			name, _ := p.pivotAlias()
			pv.aggNames = append(pv.aggNames, name)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	p.expectWord("for")
	if pv.unpivot {
		pv.nameCol = p.pivotName()
	} else {
		pv.forCol = n.add(p.parsePrimary())
	}
	p.expectWord("in")
	p.expectPunct("(")
	if p.isWord("any") || p.isWord("select") || p.isWord("with") {
		pv.dynamic = p.ti()
		for depth := 0; !p.atEOF() && (depth > 0 || !p.isPunct(")")); p.next() {
			switch p.peek().kind {
			case kOpen:
				depth++
			case kClose:
				depth--
			}
		}
	} else {
		for {
			if pv.unpivot && len(pv.valueCols) > 1 {
				p.expectPunct("(")
				var g []*node
				for {
					g = append(g, n.add(p.parsePrimary()))
					if !p.acceptPunct(",") {
						break
					}
				}
				p.expectPunct(")")
				pv.groups = append(pv.groups, g)
			} else if pv.unpivot {
				v := n.add(p.parsePrimary())
				pv.values = append(pv.values, v)
				pv.groups = append(pv.groups, []*node{v})
			} else {
				pv.values = append(pv.values, n.add(p.parseExpr()))
			}
			name, _ := p.pivotAlias()
			pv.valueNames = append(pv.valueNames, name)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	p.expectPunct(")")
	if !pv.unpivot && p.isWord("default") && p.isWordAt(1, "on") && p.isWordAt(2, "null") {
		p.next()
		p.next()
		p.next()
		p.expectPunct("(")
		pv.onNull = n.add(p.parseExpr())
		p.expectPunct(")")
	}
	p.expectPunct(")")
}

// pivotName reads a column name as written.
func (p *parser) pivotName() string {
	t := p.peek()
	if t.kind != kWord && t.kind != kQuoted {
		p.fail("expected a column name")
	}
	p.next()
	return nameAsWritten(*t)
}

// pivotAlias reads [AS] alias after an aggregate or a value, as written:
// a name, or a string or number (BigQuery).
func (p *parser) pivotAlias() (string, bool) {
	_, as := p.acceptWord("as")
	t := p.peek()
	switch {
	case t.kind == kQuoted || t.kind == kWord && !reserved[t.lower] && t.lower != "for":
		p.next()
		return nameAsWritten(*t), true
	case as && t.kind == kString:
		p.next()
		return stringValue(p.d, t.text), true
	case as && t.kind == kNumber:
		p.next()
		return t.text, true
	case as:
		p.fail("expected an alias after AS")
	}
	return "", false
}

// nameAsWritten is an identifier without its quotes, in its case.
func nameAsWritten(t token) string {
	if t.kind == kQuoted {
		return t.text[1 : len(t.text)-1]
	}
	return t.text
}
