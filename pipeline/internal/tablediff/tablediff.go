// Package tablediff compares two versions of a table: which rows were added,
// removed or changed between a previous build and this one.
//
// Rows are matched by a key column when the table has one that is unique and
// never NULL on both sides (an "id" column first, then the first "*_id"
// column); a matched row whose other cells differ is changed. Without such a
// key, rows are compared whole, as multisets: a changed row counts as one
// removed and one added.
//
// A column that holds one value in every row of each version, a different
// one in each (a build stamp such as `current_timestamp as _processed_at`),
// is reported once as stamped instead of changing every row.
package tablediff

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Table is one version of a table.
type Table struct {
	Columns []string
	Rows    [][]any
}

// Row is one differing row. Old is nil for an added row, New for a removed
// one; Changed names the columns whose cells differ in a changed row.
type Row struct {
	Kind    string   `json:"kind"` // added, removed, changed
	Key     any      `json:"key,omitempty"`
	Old     []any    `json:"old,omitempty"`
	New     []any    `json:"new,omitempty"`
	Changed []string `json:"changed,omitempty"`
}

// Diff is what differs between two versions of one table.
type Diff struct {
	Key            string   `json:"key,omitempty"` // the matching column, "" for whole rows
	Columns        []string `json:"columns"`       // the columns compared: those of both versions
	ColumnsAdded   []string `json:"columns_added,omitempty"`
	ColumnsRemoved []string `json:"columns_removed,omitempty"`
	Stamped        []Stamp  `json:"stamped,omitempty"`
	OldRows        int      `json:"old_rows"`
	NewRows        int      `json:"new_rows"`
	Added          int      `json:"added"`
	Removed        int      `json:"removed"`
	Changed        int      `json:"changed"`
	// Rows holds up to the limit given to Compare, removed and changed rows
	// in the old order, then added rows in the new order.
	Rows []Row `json:"rows,omitempty"`
}

// Stamp is a column whose one value in every row changed to another one.
type Stamp struct {
	Column string `json:"column"`
	Old    any    `json:"old"`
	New    any    `json:"new"`
}

// Same reports whether the two versions hold the same rows and columns.
func (d *Diff) Same() bool {
	return d.Added == 0 && d.Removed == 0 && d.Changed == 0 &&
		len(d.ColumnsAdded) == 0 && len(d.ColumnsRemoved) == 0 && len(d.Stamped) == 0
}

// Compare compares old with new, keeping at most limit differing rows
// (a negative limit keeps all).
func Compare(old, new Table, limit int) *Diff {
	d := &Diff{OldRows: len(old.Rows), NewRows: len(new.Rows)}
	oi, ni := indexOf(old.Columns), indexOf(new.Columns)
	var oc, nc []int // positions of the shared columns, in the new order
	for i, c := range new.Columns {
		if j, ok := oi[c]; ok {
			d.Columns = append(d.Columns, c)
			oc, nc = append(oc, j), append(nc, i)
		} else {
			d.ColumnsAdded = append(d.ColumnsAdded, c)
		}
	}
	for _, c := range old.Columns {
		if _, ok := ni[c]; !ok {
			d.ColumnsRemoved = append(d.ColumnsRemoved, c)
		}
	}
	keep := func(r Row) {
		if limit < 0 || len(d.Rows) < limit {
			d.Rows = append(d.Rows, r)
		}
	}
	k := -1
	for _, i := range keyCandidates(d.Columns) {
		if unique(old.Rows, oc[i]) && unique(new.Rows, nc[i]) {
			k = i
			break
		}
	}
	// cmp lists the shared columns whose cells are compared row by row.
	var cmp []int
	for j := range oc {
		if j == k {
			cmp = append(cmp, j)
			continue
		}
		if st, ok := stamped(old.Rows, new.Rows, oc[j], nc[j]); ok {
			st.Column = d.Columns[j]
			d.Stamped = append(d.Stamped, st)
			continue
		}
		cmp = append(cmp, j)
	}
	if k < 0 {
		compareWhole(d, old, new, pickInts(oc, cmp), pickInts(nc, cmp), oc, nc, keep)
		return d
	}
	d.Key = d.Columns[k]
	byKey := make(map[string]int, len(new.Rows))
	for i, r := range new.Rows {
		byKey[cellKey(r[nc[k]])] = i
	}
	matched := make([]bool, len(new.Rows))
	for _, r := range old.Rows {
		i, ok := byKey[cellKey(r[oc[k]])]
		if !ok {
			d.Removed++
			keep(Row{Kind: "removed", Key: r[oc[k]], Old: pick(r, oc)})
			continue
		}
		matched[i] = true
		var changed []string
		for _, j := range cmp {
			if cellKey(r[oc[j]]) != cellKey(new.Rows[i][nc[j]]) {
				changed = append(changed, d.Columns[j])
			}
		}
		if changed != nil {
			d.Changed++
			keep(Row{Kind: "changed", Key: r[oc[k]], Old: pick(r, oc), New: pick(new.Rows[i], nc), Changed: changed})
		}
	}
	for i, r := range new.Rows {
		if !matched[i] {
			d.Added++
			keep(Row{Kind: "added", Key: r[nc[k]], New: pick(r, nc)})
		}
	}
	return d
}

// stamped reports whether column o of old and n of new each hold one
// non-NULL value in every one of at least two rows, and the values differ.
func stamped(old, new [][]any, o, n int) (Stamp, bool) {
	one := func(rows [][]any, c int) (any, bool) {
		if len(rows) < 2 || rows[0][c] == nil {
			return nil, false
		}
		first := cellKey(rows[0][c])
		for _, r := range rows[1:] {
			if cellKey(r[c]) != first {
				return nil, false
			}
		}
		return rows[0][c], true
	}
	ov, ok := one(old, o)
	if !ok {
		return Stamp{}, false
	}
	nv, ok := one(new, n)
	if !ok || cellKey(ov) == cellKey(nv) {
		return Stamp{}, false
	}
	return Stamp{Old: ov, New: nv}, true
}

func pickInts(cols, at []int) []int {
	out := make([]int, len(at))
	for i, j := range at {
		out[i] = cols[j]
	}
	return out
}

// compareWhole matches rows on the compared cells (oc, nc), counting
// duplicates; the rows it keeps show every shared cell (allO, allN).
func compareWhole(d *Diff, old, new Table, oc, nc, allO, allN []int, keep func(Row)) {
	count := map[string]int{}
	for _, r := range new.Rows {
		count[rowKey(r, nc)]++
	}
	for _, r := range old.Rows {
		s := rowKey(r, oc)
		if count[s] > 0 {
			count[s]--
			continue
		}
		d.Removed++
		keep(Row{Kind: "removed", Old: pick(r, allO)})
	}
	// What is left in count is the added rows, found in the new order.
	for _, r := range new.Rows {
		s := rowKey(r, nc)
		if count[s] > 0 {
			count[s]--
			d.Added++
			keep(Row{Kind: "added", New: pick(r, allN)})
		}
	}
}

// keyCandidates lists the columns that may key rows, best first.
func keyCandidates(cols []string) []int {
	var out []int
	for i, c := range cols {
		if strings.EqualFold(c, "id") {
			out = append(out, i)
		}
	}
	for i, c := range cols {
		if strings.HasSuffix(strings.ToLower(c), "_id") {
			out = append(out, i)
		}
	}
	return out
}

func unique(rows [][]any, col int) bool {
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		if r[col] == nil {
			return false
		}
		s := cellKey(r[col])
		if seen[s] {
			return false
		}
		seen[s] = true
	}
	return true
}

func indexOf(cols []string) map[string]int {
	m := make(map[string]int, len(cols))
	for i, c := range cols {
		if _, ok := m[c]; !ok {
			m[c] = i
		}
	}
	return m
}

func pick(r []any, cols []int) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i] = r[c]
	}
	return out
}

func rowKey(r []any, cols []int) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(cellKey(r[c]))
		b.WriteByte(0)
	}
	return b.String()
}

// cellKey is a cell's value with its type, so 1 and '1' differ as they do
// in SQL, while 1 and 1.0 are the same number.
func cellKey(v any) string {
	switch x := v.(type) {
	case nil:
		return "n"
	case int64:
		return "f" + fmt.Sprint(float64(x))
	case float64:
		if math.IsNaN(x) {
			return "fNaN"
		}
		return "f" + fmt.Sprint(x)
	case string:
		return "s" + x
	case []byte:
		return "b" + string(x)
	case bool:
		if x {
			return "f1"
		}
		return "f0"
	default:
		return fmt.Sprintf("%T%v", v, v)
	}
}

// Summary is one line for a run log: "+2 -1 ~3 rows" or "same".
func (d *Diff) Summary() string {
	if d.Same() {
		return "same"
	}
	var parts []string
	if d.Added > 0 || d.Removed > 0 || d.Changed > 0 {
		parts = append(parts, fmt.Sprintf("+%d -%d ~%d rows", d.Added, d.Removed, d.Changed))
	}
	if len(d.ColumnsAdded) > 0 {
		parts = append(parts, "columns added: "+strings.Join(sorted(d.ColumnsAdded), ", "))
	}
	if len(d.ColumnsRemoved) > 0 {
		parts = append(parts, "columns removed: "+strings.Join(sorted(d.ColumnsRemoved), ", "))
	}
	if len(d.Stamped) > 0 {
		names := make([]string, len(d.Stamped))
		for i, st := range d.Stamped {
			names[i] = st.Column
		}
		parts = append(parts, "new in every row: "+strings.Join(sorted(names), ", "))
	}
	return strings.Join(parts, "; ")
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}
