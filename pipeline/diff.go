package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/store"
	"github.com/nexus-playground/nexus/pipeline/internal/tablediff"
)

// TableDiff is what differs in one table between two builds.
type TableDiff struct {
	Schema string `json:"schema"`
	Name   string `json:"name"`
	// Status is "added" or "removed" for a table only one build has,
	// "changed" or "same" for a table both have, "unchecked" for one too
	// large to read (see ReadTables).
	Status string `json:"status"`
	*tablediff.Diff
}

// DiffRow is one added, removed or changed row of a TableDiff.
type DiffRow = tablediff.Row

// Diff compares the tables and views of two databases, keeping at most
// limit differing rows per table (negative: all). Tables come in schema and
// name order.
func Diff(ctx context.Context, old, new *Session, limit int) ([]TableDiff, error) {
	a, err := old.ReadTables(ctx, -1)
	if err != nil {
		return nil, err
	}
	b, err := new.ReadTables(ctx, -1)
	if err != nil {
		return nil, err
	}
	return CompareTables(a, b, limit), nil
}

// TableSet is the rows of a database's tables and views at one moment,
// kept to compare a later build with.
type TableSet struct {
	tables map[rel]setTable
	// What ReadTablesSince needs to know which tables are still as read:
	// the session, the row cap, the query writes and hook runs then, and
	// each table's version.
	sess     *Session
	maxRows  int
	writes   int
	hooks    int
	versions map[rel]string
	// list is the tables as Session.Tables listed them for this read.
	list []TableInfo
	// engine is the version of every relation the engine wrote then.
	engine map[string]string
}

type rel struct{ schema, name string }

type setTable struct {
	rows    int64
	read    bool // false: over the row cap, counted only
	content tablediff.Table
}

// ReadTables reads every table and view. A table of more than maxRows rows
// is counted but not read (negative maxRows: read all), which bounds what a
// page holds and spends on large projects.
func (s *Session) ReadTables(ctx context.Context, maxRows int) (*TableSet, error) {
	return s.ReadTablesSince(ctx, maxRows, nil)
}

// ReadTablesSince is ReadTables that takes from prev, an earlier read of
// this session with the same row cap, the rows of each table no build has
// written since: its version is the same, its row count too, and no query
// wrote and no hook ran in between. Views are always read (what they read
// may have changed). A re-run that rebuilt a few models then reads only
// those: moving rows out of SQLite is costly, most of all in js/wasm.
//
// When nothing was written at all since prev (no relation has a new
// version, no query wrote, no hook ran) and prev holds no view, prev is
// the answer, without a statement: a Run that changed nothing lists and
// counts nothing again.
func (s *Session) ReadTablesSince(ctx context.Context, maxRows int, prev *TableSet) (*TableSet, error) {
	versions, hooks := s.eng.Versions()
	still := prev != nil && prev.sess == s && prev.maxRows == maxRows && prev.writes == s.db.Writes() && prev.hooks == hooks
	if still && maps.Equal(prev.engine, versions) && !prev.hasViews() {
		return prev, nil
	}
	ts, err := s.Tables(ctx)
	if err != nil {
		return nil, err
	}
	set := &TableSet{tables: make(map[rel]setTable, len(ts)), sess: s, maxRows: maxRows,
		writes: s.db.Writes(), hooks: hooks, versions: make(map[rel]string, len(ts)), list: ts, engine: versions}
	for _, t := range ts {
		k := rel{t.Schema, t.Name}
		v := ""
		if t.Kind != "view" {
			v = versions[relKey(t.Schema, t.Name)]
		}
		set.versions[k] = v
		if old, ok := prev.reusable(k, v, t.Rows); still && ok {
			set.tables[k] = old
			continue
		}
		st := setTable{rows: t.Rows}
		if maxRows < 0 || t.Rows <= int64(maxRows) {
			// The build read a table it wrote whole: those rows serve.
			r, ok := s.eng.ReadWhole(relKey(t.Schema, t.Name))
			if !ok || v == "" || int64(len(r.Rows)) != t.Rows {
				if r, err = s.db.Query(ctx, "SELECT * FROM "+store.Rel(t.Schema, t.Name), 0); err != nil {
					return nil, queryError(ctx, err)
				}
			}
			st.read, st.content = true, tablediff.Table{Columns: r.Columns, Rows: r.Rows}
			st.rows = int64(len(r.Rows))
		}
		set.tables[k] = st
	}
	return set, nil
}

// hasViews tells whether the read listed a view: a view is read again
// every time, whatever it reads.
func (prev *TableSet) hasViews() bool {
	for _, t := range prev.list {
		if t.Kind == "view" {
			return true
		}
	}
	return false
}

// reusable returns prev's read of table k when it was read at version v
// (not "") with the same row count.
func (prev *TableSet) reusable(k rel, v string, rows int64) (setTable, bool) {
	if prev == nil || v == "" || prev.versions[k] != v {
		return setTable{}, false
	}
	old, ok := prev.tables[k]
	return old, ok && old.rows == rows
}

// relKey is the engine's name of a relation in its versions.
func relKey(schema, name string) string { return strings.ToLower(schema + "." + name) }

// Len is the number of tables and views in the set.
func (t *TableSet) Len() int { return len(t.tables) }

// Tables lists the set's tables and views with their row counts, as
// Session.Tables did when the set was read.
func (t *TableSet) Tables() []TableInfo { return t.list }

// CompareTables compares two sets, keeping at most limit differing rows per
// table (negative: all). A table either set holds over its row cap has the
// status "unchecked" and only its row counts.
func CompareTables(old, new *TableSet, limit int) []TableDiff {
	names := map[rel][2]bool{}
	for k := range old.tables {
		names[k] = [2]bool{true, false}
	}
	for k := range new.tables {
		names[k] = [2]bool{names[k][0], true}
	}
	keys := make([]rel, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].schema != keys[j].schema {
			return keys[i].schema < keys[j].schema
		}
		return keys[i].name < keys[j].name
	})
	out := make([]TableDiff, 0, len(keys))
	for _, k := range keys {
		out = append(out, compareOne(old, new, k, limit))
	}
	return out
}

// CompareTable compares one table of two sets, keeping at most limit
// differing rows (negative: all); ok is false when neither set has it.
func CompareTable(old, new *TableSet, schema, name string, limit int) (d TableDiff, ok bool) {
	k := rel{schema, name}
	_, inOld := old.tables[k]
	_, inNew := new.tables[k]
	if !inOld && !inNew {
		return TableDiff{}, false
	}
	return compareOne(old, new, k, limit), true
}

func compareOne(old, new *TableSet, k rel, limit int) TableDiff {
	a, inOld := old.tables[k]
	b, inNew := new.tables[k]
	if (inOld && !a.read) || (inNew && !b.read) {
		return TableDiff{Schema: k.schema, Name: k.name, Status: "unchecked",
			Diff: &tablediff.Diff{OldRows: int(a.rows), NewRows: int(b.rows)}}
	}
	if inOld && inNew && sameContent(a.content, b.content) {
		// Most tables of a re-run are unchanged: skip matching their rows.
		return TableDiff{Schema: k.schema, Name: k.name, Status: "same",
			Diff: &tablediff.Diff{Columns: b.content.Columns, OldRows: len(a.content.Rows), NewRows: len(b.content.Rows)}}
	}
	if !inOld {
		a.content.Columns = b.content.Columns
	}
	if !inNew {
		b.content.Columns = a.content.Columns
	}
	d := TableDiff{Schema: k.schema, Name: k.name, Diff: tablediff.Compare(a.content, b.content, limit)}
	switch {
	case !inOld:
		d.Status = "added"
	case !inNew:
		d.Status = "removed"
	case d.Same():
		d.Status = "same"
	default:
		d.Status = "changed"
	}
	return d
}

// PersonChange says which identifiers joined or left one resolved person
// between two builds: the person's identifiers now against those of the
// persons that held any of them before (a merge joins several, a split
// leaves some out).
type PersonChange struct {
	// Compared is false when either set lacks the resolved identifiers
	// table or holds it over the row cap.
	Compared bool        `json:"compared"`
	Was      []string    `json:"was"` // the previous build's person ids
	Joined   [][2]string `json:"joined"`
	Left     [][2]string `json:"left"`
}

// PersonChanges compares person id's identifiers in new with old.
func PersonChanges(old, new *TableSet, id string) PersonChange {
	const table = "nexus_resolved_person_identifiers"
	a, okA := old.named(table)
	b, okB := new.named(table)
	ch := PersonChange{Was: []string{}, Joined: [][2]string{}, Left: [][2]string{}}
	if !okA || !okB {
		return ch
	}
	ra, okA := identifierRows(a)
	rb, okB := identifierRows(b)
	if !okA || !okB {
		return ch
	}
	ch.Compared = true
	now := map[[2]string]bool{}
	for _, r := range rb {
		if r.person == id {
			now[r.ident] = true
		}
	}
	was := map[string]bool{}
	for _, r := range ra {
		if now[r.ident] && !was[r.person] {
			was[r.person] = true
			ch.Was = append(ch.Was, r.person)
		}
	}
	before := map[[2]string]bool{}
	for _, r := range ra {
		if was[r.person] && !before[r.ident] {
			before[r.ident] = true
			if !now[r.ident] {
				ch.Left = append(ch.Left, r.ident)
			}
		}
	}
	for _, r := range rb {
		if r.person == id && !before[r.ident] {
			before[r.ident] = true // once per identifier
			ch.Joined = append(ch.Joined, r.ident)
		}
	}
	sort.Strings(ch.Was)
	for _, l := range [][][2]string{ch.Joined, ch.Left} {
		sort.Slice(l, func(i, j int) bool { return l[i][0] < l[j][0] || l[i][0] == l[j][0] && l[i][1] < l[j][1] })
	}
	return ch
}

// named finds a read table by name in any schema.
func (t *TableSet) named(name string) (tablediff.Table, bool) {
	for k, st := range t.tables {
		if k.name == name && st.read {
			return st.content, true
		}
	}
	return tablediff.Table{}, false
}

type identifierRow struct {
	person string
	ident  [2]string // type, value
}

func identifierRows(t tablediff.Table) ([]identifierRow, bool) {
	col := map[string]int{}
	for i, c := range t.Columns {
		col[c] = i
	}
	p, okP := col["person_id"]
	ty, okT := col["identifier_type"]
	v, okV := col["identifier_value"]
	if !okP || !okT || !okV {
		return nil, false
	}
	out := make([]identifierRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		out = append(out, identifierRow{fmt.Sprint(r[p]), [2]string{fmt.Sprint(r[ty]), fmt.Sprint(r[v])}})
	}
	return out, true
}

// sameContent reports whether two versions hold the same columns and the
// same cells in the same order.
func sameContent(a, b tablediff.Table) bool {
	if !slices.Equal(a.Columns, b.Columns) || len(a.Rows) != len(b.Rows) {
		return false
	}
	if len(a.Rows) > 0 && &a.Rows[0] == &b.Rows[0] {
		// The same read, kept by ReadTablesSince: rows are never changed.
		return true
	}
	for i, r := range a.Rows {
		for j, x := range r {
			y := b.Rows[i][j]
			if xb, ok := x.([]byte); ok {
				if yb, ok := y.([]byte); !ok || !bytes.Equal(xb, yb) {
					return false
				}
			} else if _, ok := y.([]byte); ok || x != y {
				return false
			}
		}
	}
	return true
}
