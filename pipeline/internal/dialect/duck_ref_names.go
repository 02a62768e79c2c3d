package dialect

import "strings"

// DuckDB binds a column reference case-insensitively, quoted or not, and
// names the select item it makes by the column as its relation spells it:
// select client_id from t, where t's column is CLIENT_ID (a seed whose
// header is upper case), makes a column CLIENT_ID, where SQLite names it
// client_id as written. nameDuckRefs gives such an item the relation's
// spelling as its alias, so the model's table has DuckDB's column names.

// nameDuckRefs aliases each select item of s that is a bare column
// reference (col, t.col, "col") spelled otherwise than the one FROM item
// holding it spells it.
func (t *translator) nameDuckRefs(s *node) {
	known := map[*fromInfo][]string{} // each FROM item's columns, asked once
	for _, it := range s.sel.items {
		if it.kind != nItem || it.name != "" || it.x == nil || it.x.kind != nName || isBoolOrNullWord(t, it.x) {
			continue
		}
		written := nameAsWritten(t.toks[it.x.parts[len(it.x.parts)-1]])
		spelled := t.duckRefSpelling(s, it.x, known)
		if spelled == "" || spelled == written {
			continue
		}
		if t.refNames == nil {
			t.refNames = map[*node]string{}
		}
		t.refNames[it] = spelled
		it.post += ` AS "` + strings.ReplaceAll(spelled, `"`, `""`) + `"`
	}
}

// duckRefSpelling is the name of the column that reference x of select s
// reads, as the FROM item holding it spells it; "" when that is not known
// (a name no FROM item of s holds, or more than one does, or an item whose
// columns are not known).
func (t *translator) duckRefSpelling(s *node, x *node, known map[*fromInfo][]string) string {
	parts := make([]string, len(x.parts))
	for i, k := range x.parts {
		parts[i] = identName(t.toks[k])
	}
	col := parts[len(parts)-1]
	var rels []*fromInfo
	switch len(parts) {
	case 1:
		for _, r := range s.sel.from {
			if r.from != nil && !r.from.hidden() {
				rels = append(rels, r.from)
			}
		}
	case 2:
		for _, r := range s.sel.from {
			if r.from != nil && !r.from.hidden() && r.from.aliasOrName() == parts[0] {
				rels = append(rels, r.from)
			}
		}
	default:
		return ""
	}
	found := ""
	for _, r := range rels {
		cols, ok := known[r]
		if !ok {
			cols, _ = t.relColumns(r, s.sel.scope)
			known[r] = cols
		}
		if cols == nil {
			return ""
		}
		for _, c := range cols {
			if !strings.EqualFold(c, col) {
				continue
			}
			if found == "" {
				found = c
				continue
			}
			if r.joinUsing == nil || strings.Contains(r.joinKind, "right") || strings.Contains(r.joinKind, "full") || !usingNames(r, col) {
				// ambiguous, or a column a RIGHT or FULL JOIN's USING
				// merges, which DuckDB names otherwise
				return ""
			}
			// an inner or left JOIN's USING column: the left side's
		}
	}
	return found
}
