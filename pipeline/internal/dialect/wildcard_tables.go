package dialect

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// BigQuery's wildcard tables, as GA4 exports are read: FROM
// `dataset.events_*` is the union of the dataset's tables whose names start
// with events_, each row with the pseudo-column _TABLE_SUFFIX holding the
// rest of its table's name. SELECT * leaves the pseudo-column out. BigQuery
// refuses a wildcard that matches a view, and gives the union the columns of
// the most recently created table; that order is not known here, so the
// tables must have the same columns.

// Relation is a table or view of a schema, as Options.Relations lists it.
type Relation struct {
	Name string
	View bool
}

// wildcard is what a wildcard FROM item reads: its tables (by name as
// stored), their columns, and why it cannot be read when it cannot.
type wildcard struct {
	tables []string
	cols   []string
	err    error
}

// suffixColumn is the pseudo-column of a wildcard table.
const suffixColumn = "_TABLE_SUFFIX"

// wildcardName is the name of FROM item f as written when it is a wildcard
// table (dataset.events_*), else "".
func (t *translator) wildcardName(f *fromInfo) string {
	if f.kind != fromTable || t.d != BigQuery {
		return ""
	}
	if !strings.HasSuffix(f.table, "*") {
		return ""
	}
	return strings.ReplaceAll(joinRaw(t.toks[f.nameStart:f.nameEnd]), "`", "")
}

// suffixOf tells whether name is the pseudo-column _TABLE_SUFFIX of FROM
// item f, a wildcard table, which SELECT * leaves out of its columns: a
// field of an UNNEST beside it does not hide it.
func (t *translator) suffixOf(f *fromInfo, name string) bool {
	return strings.EqualFold(name, suffixColumn) && t.wildcardName(f) != ""
}

// wildcardOf finds the tables wildcard FROM item f reads, once per item.
func (t *translator) wildcardOf(f *fromInfo) *wildcard {
	if w, ok := t.wildcards[f]; ok {
		return w
	}
	w := &wildcard{}
	t.wildcards[f] = w
	prefix := strings.TrimSuffix(f.table, "*")
	if t.opts.Relations == nil || t.opts.Columns == nil {
		w.err = fmt.Errorf("the tables of the dataset are not known here")
		return w
	}
	rels, err := t.opts.Relations(f.schema, prefix)
	if err != nil {
		w.err = err
		return w
	}
	first := ""
	for _, r := range rels {
		if !strings.HasPrefix(strings.ToLower(r.Name), prefix) {
			continue
		}
		if r.View {
			w.err = fmt.Errorf("it matches the view %s, and BigQuery reads only tables through a wildcard", r.Name)
			return w
		}
		cols, err := t.opts.Columns(f.schema, r.Name)
		if err != nil {
			w.err = err
			return w
		}
		if w.tables == nil {
			w.cols, first = cols, r.Name
		} else if !sameColumns(w.cols, cols) {
			w.err = fmt.Errorf("tables %s and %s have different columns (%s and %s); BigQuery would give the union the columns of the most recently created one, which is not known here", first, r.Name, strings.Join(w.cols, ", "), strings.Join(cols, ", "))
			return w
		}
		w.tables = append(w.tables, r.Name)
	}
	if len(w.tables) == 0 {
		where := "the database"
		if f.schema != "" {
			where = "schema " + f.schema
		}
		w.err = fmt.Errorf("no table of %s starts with %s", where, prefix)
	}
	slices.Sort(w.tables)
	return w
}

// sameColumns tells whether a and b name the same columns, in any order and
// case.
func sameColumns(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, c := range b {
		if !containsFold(a, c) {
			return false
		}
	}
	return true
}

// rewriteWildcard writes wildcard FROM item f as the UNION ALL of its
// tables, each row with its table's suffix.
func (t *translator) rewriteWildcard(f *fromInfo, name string) {
	w := t.wildcardOf(f)
	if w.err != nil {
		t.refuse(f.nameStart, refWildcardTable, name, w.err.Error())
		return
	}
	cols := make([]string, len(w.cols))
	for i, c := range w.cols {
		cols[i] = quoteIdent(c)
	}
	list := strings.Join(cols, ", ")
	prefix := strings.TrimSuffix(f.table, "*")
	var b strings.Builder
	b.WriteString("(")
	for i, tbl := range w.tables {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		from := quoteIdent(tbl)
		if f.schema != "" {
			from = quoteIdent(f.schema) + "." + from
		}
		b.WriteString("SELECT " + list + ", " + sqlString(tbl[len(prefix):]) + " AS " + suffixColumn + " FROM " + from)
	}
	b.WriteString(")")
	if f.aliasStart < 0 {
		b.WriteString(" AS " + quoteIdent(f.aliasOrName()))
	}
	t.pr.setTok(f.nameStart, b.String())
	for i := f.nameStart + 1; i < f.nameEnd; i++ {
		t.pr.dropTok(i)
	}
}

// overWildcard tells whether SELECT s reads a wildcard table: its stars are
// then written out, leaving out the pseudo-column.
func (t *translator) overWildcard(s *node) bool {
	for _, r := range s.sel.from {
		if t.wildcardName(r.from) != "" {
			return true
		}
	}
	return false
}

// wildcardTyped is the table of wildcard FROM item f whose column types are
// the union's, when its tables' types agree; else "".
func (t *translator) wildcardTyped(f *fromInfo) string {
	w := t.wildcardOf(f)
	if w.err != nil {
		return ""
	}
	first := t.opts.Types(f.schema, w.tables[0])
	for _, tbl := range w.tables[1:] {
		if !maps.Equal(first, t.opts.Types(f.schema, tbl)) {
			return ""
		}
	}
	return w.tables[0]
}
