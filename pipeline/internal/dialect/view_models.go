package dialect

import "strings"

// A model materialized as a view is stored as a table (Schemas.WithViews),
// while dbt and the project's SQL take it for a view: DROP VIEW of one, and
// CREATE OR REPLACE VIEW over one, drop the table SQLite holds. A view SQL
// created in its place is a view to SQLite too, and dropped as one.

// heldAsTable reports whether table n names a model materialized as a view
// that SQLite holds as a table.
func (t *translator) heldAsTable(n *node) bool {
	parts, _ := t.storedName(n, false)
	k := len(parts)
	if k == 0 || t.opts.Relations == nil {
		return false
	}
	schema, name := "main", parts[k-1]
	if k >= 2 {
		schema = parts[k-2]
	}
	if !t.opts.Schemas.IsView(schema, name) {
		return false
	}
	rels, err := t.opts.Relations(schema, name)
	if err != nil {
		return false
	}
	for _, r := range rels {
		if strings.EqualFold(r.Name, name) {
			return !r.View
		}
	}
	return false
}

// rewriteViewModelDrops writes DROP VIEW [IF EXISTS] x as DROP TABLE when x
// is a view model SQLite holds as a table.
func (t *translator) rewriteViewModelDrops(root *node) {
	for _, n := range root.kids {
		if n.kind != nSoup {
			continue
		}
		drop := skipSpace(t.toks, n.start)
		view := skipSpace(t.toks, drop+1)
		if view >= n.end || t.toks[drop].lower != "drop" || t.toks[view].kind != kWord || t.toks[view].lower != "view" {
			continue
		}
		for _, k := range n.kids {
			if k.kind == nTable {
				if t.heldAsTable(k) {
					t.pr.setTok(view, "TABLE")
				}
				break
			}
		}
	}
}
