package dialect

// rewriteCast writes CAST, SAFE_CAST, TRY_CAST and x::type for SQLite: the
// type becomes one SQLite knows (SQLite gives an unknown type name NUMERIC
// affinity, turning '007' into 7); dates and JSON go through date() and
// json(); SAFE_CAST and TRY_CAST give NULL where the value does not convert,
// as in the warehouses, and a cast to BOOL reads 'true' and 'false'.
func (t *translator) rewriteCast(n *node) {
	typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
	if prob != nil {
		if n.y.start == n.y.end {
			prob.tok = n.tok
		}
		t.refuse(prob.tok, prob.r, prob.args...)
		return
	}
	safe := n.name == "safe_cast" || n.name == "try_cast"
	x := n.x
	switch {
	case safe:
		target := typ.affinity
		if typ.fn != "" {
			target = typ.fn
		} else if typ.boolean {
			target = "BOOLEAN"
		}
		n.print = func(pr *printer, n *node) string {
			return "try_cast(" + pr.text(x) + ", " + sqlString(target) + ")" + pr.carry(n, x)
		}
	case typ.boolean && t.d != SQLite:
		n.print = func(pr *printer, n *node) string {
			return "cast_bool(" + pr.text(x) + ")" + pr.carry(n, x)
		}
	case typ.fn != "":
		n.print = func(pr *printer, n *node) string {
			return typ.fn + "(" + pr.text(x) + ")" + pr.carry(n, x)
		}
	case n.name == "::":
		n.print = func(pr *printer, n *node) string {
			return "CAST(" + pr.text(x) + " AS " + typ.affinity + ")" + pr.carry(n, x)
		}
	default:
		// CAST(x AS type): only the type changes; the line breaks before
		// and within it go after it.
		y := n.y
		gap := ""
		if n.tok2 >= 0 && n.tok2+1 < y.start {
			gap = breaks(joinRaw(t.toks[n.tok2+1 : y.start]))
			for i := n.tok2 + 1; i < y.start; i++ {
				t.pr.setTok(i, "")
			}
		}
		y.pre = " "
		y.print = func(pr *printer, y *node) string { return typ.affinity + gap + pr.carry(y) }
	}
}

func castWord(n *node) string {
	if n.name == "::" {
		return "::"
	}
	return "AS"
}

func joinRaw(toks []token) string {
	s := ""
	for _, t := range toks {
		s += t.text
	}
	return s
}
