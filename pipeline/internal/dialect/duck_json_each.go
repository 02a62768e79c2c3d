package dialect

import "encoding/json"

// DuckDB's json_each(x[, path]) and json_tree have SQLite's columns, but
// hold other values in some: value and atom are JSON (a string element
// '"a"', null 'null', true 'true'), type names DuckDB's types (UBIGINT,
// VARCHAR, OBJECT ...) and key is VARCHAR; id and parent number the nodes
// otherwise. The translator reads DuckDB's from SQLite's json_each.

// duckEach reports whether FROM item f is DuckDB's json_each or json_tree.
func (t *translator) duckEach(f *fromInfo) bool {
	return t.d == DuckDB && f.kind == fromFunc && f.expr != nil && f.expr.kind == nCall && len(f.expr.parts) <= 1 &&
		(f.expr.name == "json_each" || f.expr.name == "json_tree")
}

// duckEachColumn writes column col of DuckDB's json_each rel (as
// written, or quoted) as read from SQLite's; ok is false for the columns
// both give alike (fullkey, path) and where it refused col (id, parent).
func (t *translator) duckEachColumn(n *node, rel, col string) (text string, ok bool) {
	elem := "json_get_json(" + rel + ".json, " + rel + ".fullkey)"
	switch col {
	case "value":
		return elem, true
	case "atom":
		return "(CASE WHEN " + rel + ".type IN ('object', 'array', 'null') THEN NULL ELSE " + elem + " END)", true
	case "type":
		return "json_type_duckdb(" + rel + ".json, " + rel + ".fullkey)", true
	case "key":
		return "CAST(" + rel + ".key AS TEXT)", true
	case "id", "parent":
		t.refuse(n.start, refDuckEachID, col)
	}
	return "", false
}

// duckEachBare writes a bare column name that is a column of DuckDB's
// json_each in the nearest SELECT naming it; handled is false where it is
// no such column; a name that another FROM item of unknown columns beside
// the json_each might hold is refused.
func (t *translator) duckEachBare(n *node, name string, sc *scope) (handled bool) {
	if t.d != DuckDB || !eachColumns[name] {
		return false
	}
	for s := sc; s != nil; s = s.parent {
		var each, other *fromInfo
		unknown := false
		for _, r := range s.rels {
			f := r.from
			if t.duckEach(f) {
				if each != nil {
					t.refuse(n.start, refDuckEachBare, name)
					return true
				}
				each = f
				continue
			}
			cols, err := t.relColumns(f, s)
			if err != nil {
				unknown = true
			}
			if containsFold(cols, name) {
				other = f
			}
		}
		switch {
		case each == nil && (other != nil || unknown):
			return false
		case each == nil:
			continue
		case other != nil:
			return false // DuckDB finds it ambiguous
		case unknown:
			t.refuse(n.start, refDuckEachBare, name)
			return true
		}
		rel := each.alias
		if rel == "" {
			rel = each.expr.name
		}
		if text, ok := t.duckEachColumn(n, quoteIdent(rel), name); ok {
			n.flag2 = true // named as DuckDB names it
			n.print = printAs(text)
		}
		return true
	}
	return false
}

// refuseDuckEachStar refuses * over DuckDB's json_each: its columns
// would be SQLite's.
func (t *translator) refuseDuckEachStar(it *node, from []*node) bool {
	if t.d != DuckDB || it.kind != nStar {
		return false
	}
	for _, r := range from {
		if t.duckEach(r.from) && (it.name == "" || it.name == r.from.alias || r.from.alias == "" && it.name == r.from.expr.name) {
			t.refuse(it.tok, refDuckEachStar)
			return true
		}
	}
	return false
}

// refuseJSONText refuses a comparison (=, <>, <, IN ...) of DuckDB's
// json_each value or atom, which is JSON, with a string literal that is
// no JSON text: DuckDB fails converting it ('a'), where SQLite would find
// the JSON text '"a"' unequal to it.
func (t *translator) refuseJSONText(x *node, others ...*node) {
	if t.d != DuckDB || !t.isDuckEachJSON(x) {
		return
	}
	for _, o := range others {
		if o.kind == nString && !json.Valid([]byte(stringValue(t.d, t.toks[o.start].text))) {
			t.refuse(o.start, refDuckEachText)
			return
		}
	}
}

// isDuckEachJSON reports whether x names the value or atom column of
// DuckDB's json_each, qualified or bare, in the scope being walked.
func (t *translator) isDuckEachJSON(x *node) bool {
	if x.kind != nName || len(x.parts) == 0 || len(x.parts) > 2 {
		return false
	}
	col := identName(t.toks[x.parts[len(x.parts)-1]])
	if col != "value" && col != "atom" {
		return false
	}
	if len(x.parts) == 2 {
		r := t.sc.findRel(identName(t.toks[x.parts[0]]))
		return r != nil && t.duckEach(r)
	}
	for s := t.sc; s != nil; s = s.parent {
		if len(s.rels) == 0 {
			continue
		}
		each := 0
		for _, r := range s.rels {
			if t.duckEach(r.from) {
				each++
				continue
			}
			if cols, err := t.relColumns(r.from, s); err != nil || containsFold(cols, col) {
				return false
			}
		}
		return each == 1
	}
	return false
}
