package dialect

// pivotInfo is a PIVOT or UNPIVOT clause after a FROM item (pivot.go).
type pivotInfo struct {
	unpivot bool
	kw      int // raw token of PIVOT / UNPIVOT: the source is the item's tokens before it
	// PIVOT: aggregates with their aliases, the columns whose values
	// become columns with their values (DuckDB: several FOR, as its PIVOT
	// statement's ON a, b makes them), and DuckDB's GROUP BY.
	aggs     []*node
	aggNames []string
	fors     []*pivotFor
	groupBy  []*node
	// UNPIVOT: the columns named in IN, each group of several value
	// columns (a1, b1) in groups. The value and name columns made.
	values       []*node
	groups       [][]*node
	valueNames   []string // alias as written, "" when none
	valueCols    []string
	nameCol      string
	includeNulls bool
	dynamic      int   // token of IN (ANY ...) or IN (SELECT ...), or -1
	onNull       *node // Snowflake's DEFAULT ON NULL (value)
}

// pivotFor is one FOR col IN (values) of a PIVOT. A DuckDB PIVOT without
// IN takes the values from the data (fromData): the distinct values of
// col in the source, read when the query is translated (pivot_data.go).
type pivotFor struct {
	col      *node
	values   []*node
	names    []string // alias as written, "" when none
	fromData bool
	// read are the values fromData gives: the SQLite literals of each
	// column's value (several when values differ but print alike) and
	// its name.
	read []pivotValue
}

// pivotValue is one value read from the data for a PIVOT without IN.
type pivotValue struct {
	literals []string
	name     string
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
	if !pv.unpivot {
		p.parsePivotFors(n, pv)
		if p.isWord("default") && p.isWordAt(1, "on") && p.isWordAt(2, "null") {
			p.next()
			p.next()
			p.next()
			p.expectPunct("(")
			pv.onNull = n.add(p.parseExpr())
			p.expectPunct(")")
		}
		p.expectPunct(")")
		return
	}
	pv.nameCol = p.pivotName()
	p.expectWord("in")
	p.expectPunct("(")
	if p.isWord("any") || p.isWord("select") || p.isWord("with") {
		pv.dynamic = p.ti()
		p.skipToClose()
	} else {
		for {
			if len(pv.valueCols) > 1 {
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
			} else {
				v := n.add(p.parsePrimary())
				pv.values = append(pv.values, v)
				pv.groups = append(pv.groups, []*node{v})
			}
			name, _ := p.pivotAlias()
			pv.valueNames = append(pv.valueNames, name)
			if !p.acceptPunct(",") {
				break
			}
		}
	}
	p.expectPunct(")")
	p.expectPunct(")")
}

// parsePivotFors reads a PIVOT's col IN (values) after FOR: in DuckDB
// several, each after FOR, the IN list left out to take the values from
// the data, and then GROUP BY cols, as DuckDB's PIVOT statement is written
// in this form (pivot_stmt.go).
func (p *parser) parsePivotFors(n *node, pv *pivotInfo) {
	for {
		pf := &pivotFor{col: n.add(p.parsePrimary())}
		pv.fors = append(pv.fors, pf)
		if p.d == DuckDB && !p.isWord("in") {
			pf.fromData = true
		} else {
			p.expectWord("in")
			p.expectPunct("(")
			if p.isWord("any") || p.isWord("select") || p.isWord("with") {
				pv.dynamic = p.ti()
				p.skipToClose()
			} else {
				for {
					pf.values = append(pf.values, n.add(p.parseExpr()))
					name, _ := p.pivotAlias()
					pf.names = append(pf.names, name)
					if !p.acceptPunct(",") {
						break
					}
				}
			}
			p.expectPunct(")")
		}
		if p.d != DuckDB {
			return
		}
		if _, ok := p.acceptWord("for"); !ok {
			break
		}
	}
	if p.isWord("group") && p.isWordAt(1, "by") {
		p.next()
		p.next()
		for {
			pv.groupBy = append(pv.groupBy, n.add(p.parseExpr()))
			if !p.acceptPunct(",") {
				break
			}
		}
	}
}

// skipToClose moves to the ')' closing the parenthesis the parser is in.
func (p *parser) skipToClose() {
	for depth := 0; !p.atEOF() && (depth > 0 || !p.isPunct(")")); p.next() {
		switch p.peek().kind {
		case kOpen:
			depth++
		case kClose:
			depth--
		}
	}
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
