package dialect

import "strings"

// flattenSeqColumn is FLATTEN's (or SPLIT_TO_TABLE's) SEQ as * over
// SELECT s lists it: Snowflake numbers each input row with a unique number
// whose values it leaves open, so SEQ here is the input row's rank among
// the rows the query reads (the other FROM items' columns, then the value
// flattened): the same for every element of one input row, different
// between rows that differ, deterministic, but not Snowflake's numbers.
func (t *translator) flattenSeqColumn(s *node, r *fromInfo) string {
	var keys []string
	for _, o := range s.sel.from {
		f := o.from
		if f == r || f.hidden() {
			continue
		}
		rel := quoteIdent(f.aliasOrName())
		if f.kind == fromUnnest {
			keys = append(keys, rel+".key")
			continue
		}
		cols, err := t.relColumns(f, s.sel.scope)
		if err != nil {
			continue
		}
		for _, c := range cols {
			keys = append(keys, rel+"."+quoteIdent(c))
		}
	}
	keys = append(keys, quoteIdent(r.aliasOrName())+".json")
	return "dense_rank() OVER (ORDER BY " + strings.Join(keys, ", ") + ")"
}
