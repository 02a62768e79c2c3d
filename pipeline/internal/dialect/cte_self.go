package dialect

// In DuckDB and BigQuery a CTE of a WITH without RECURSIVE does not see
// itself: its own name in its body is the table of that name (dbt's
// `with orders as (select * from {{ ref('orders') }})`, which the
// playground prints as a bare name). SQLite reads that name as the CTE,
// a circular reference. Snowflake's CTEs may recurse without the word, so
// there only a CTE that is no UNION of an anchor and a recursive part
// (which one reading itself alone cannot be) reads the table. Nor does a
// CTE see the CTEs written after it, in any warehouse: a later CTE's name
// is the table too (`{{ this }}` in an incremental model's first CTE,
// where a later CTE has the model's name), where SQLite read the later
// CTE.

// cteScope is the scope CTE c of query q is read in: inner, where the
// CTEs written before it and itself are visible, unless it cannot see
// itself or the CTEs after it, which its own scope then hides (a nil
// CTE). A later CTE whose name an enclosing query's CTE has is left
// visible.
func (t *translator) cteScope(q, c *node, inner *scope) *scope {
	if t.d == SQLite || t.withRecursive(q) {
		return inner
	}
	hidden := map[string]*node{}
	if t.d != Snowflake || c.x == nil || len(c.x.list) <= 1 {
		hidden[c.name] = nil
	}
	later := false
	for _, k := range q.x.list {
		if k == c {
			later = true
		} else if later && k.name != c.name && inner.findCTE(k.name) == nil {
			hidden[k.name] = nil
		}
	}
	if len(hidden) == 0 {
		return inner
	}
	return &scope{parent: inner, ctes: hidden}
}

func (t *translator) withRecursive(q *node) bool {
	return q.x != nil && (t.toks[q.x.start+1].lower == "recursive" || q.x.start+2 < len(t.toks) && t.toks[q.x.start+2].lower == "recursive")
}

// hiddenCTE tells whether name, in scope sc, is the CTE being defined
// where it cannot see itself: the table of that name is meant.
func (s *scope) hiddenCTE(name string) bool {
	for ; s != nil; s = s.parent {
		if q, ok := s.ctes[name]; ok {
			return q == nil
		}
	}
	return false
}
