package dialect

// Snowflake's SEQ1/2/4/8 outside a query reading TABLE(GENERATOR(...))
// give each row of the query a distinct value, increasing, possibly with
// gaps (the documentation promises no more). In a select item, outside an
// aggregate's arguments and window specs, that is row_number() OVER () - 1:
// the rows numbered from 0 in the order the query makes them. Elsewhere
// (WHERE, an aggregate's argument) a window function is no value, and
// SEQ4 there stays refused at its line.

// markSelectSeqs records the SEQn() calls of select s's items that may be
// row numbers.
func (t *translator) markSelectSeqs(s *node) {
	if t.d != Snowflake || !t.writesSeq() {
		return
	}
	var visit func(n *node)
	visit = func(n *node) {
		if n == nil {
			return
		}
		switch n.kind {
		case nSubquery, nExists, nArraySub, nQuery, nSelect, nLambda:
			return // their own select lists
		case nCall:
			if isSeqCall(n) {
				if t.rowSeqs == nil {
					t.rowSeqs = map[*node]bool{}
				}
				t.rowSeqs[n] = true
				return
			}
			if isAggregateCall(n) || n.x != nil {
				return // an aggregate's rows, a window's
			}
		}
		for _, k := range n.kids {
			visit(k)
		}
	}
	for _, it := range s.sel.items {
		if it.kind == nItem {
			visit(it.x)
		}
	}
}

// writesSeq tells whether the SQL names SEQ1/2/4/8 at all, read once: the
// select lists of a query without them are not walked.
func (t *translator) writesSeq() bool {
	if t.seqWords == 0 {
		t.seqWords = -1
		for _, k := range t.toks {
			if k.kind == kWord && (k.lower == "seq1" || k.lower == "seq2" || k.lower == "seq4" || k.lower == "seq8") {
				t.seqWords = 1
				break
			}
		}
	}
	return t.seqWords > 0
}

func isSeqCall(n *node) bool {
	return n.kind == nCall && len(n.list) <= 1 && n.x == nil && len(n.parts) <= 1 &&
		(n.name == "seq1" || n.name == "seq2" || n.name == "seq4" || n.name == "seq8")
}
