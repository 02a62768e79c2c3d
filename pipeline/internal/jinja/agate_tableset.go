package jinja

import (
	"fmt"
	"unsafe"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// groupBy is agate's table.group_by(key): a tableSet of the rows that share
// a value of the column key, in the order each value first appears.
func (t table) groupBy(a *exec.VarArgs) (*exec.Value, error) {
	k := arg(a, 0, "key")
	if k == nil || !k.IsString() {
		return nil, fmt.Errorf("group_by() takes the name of a column")
	}
	names := t.columnNames()
	col := -1
	for i, n := range names {
		if n == k.String() {
			col = i
		}
	}
	if col < 0 {
		return nil, fmt.Errorf("group_by(): the table has no column %q (its columns: %v)", k.String(), names)
	}
	d := &tableSetData{}
	at := map[string]int{} // by repr: equal decimals are distinct pointers
	for _, r := range t {
		key := r[col]
		i, seen := at[pyRepr(exec.ToValue(key))]
		if !seen {
			i = len(d.tables)
			at[pyRepr(exec.ToValue(key))] = i
			d.keys = append(d.keys, key)
			d.tables = append(d.tables, table(nil))
		}
		d.tables[i] = append(d.tables[i].(table), r)
	}
	return exec.AsValue(&d.tables), nil
}

// tableSet is agate's TableSet, a sequence of tables with a key each:
// iterating it, |length and s[i] see the tables, s[key] reads one by key,
// and it has keys(), values(), items() and get(key, default). gonja
// iterates only slices, so it is a pointer to its tables, the first field
// of its tableSetData.
type tableSet = *tableSetTables

type tableSetTables []any

type tableSetData struct {
	tables tableSetTables // first: a *tableSetTables is a *tableSetData
	keys   []any
}

func (s *tableSetTables) data() *tableSetData { return (*tableSetData)(unsafe.Pointer(s)) }

func (s *tableSetTables) seq() mappedSequence {
	d := s.data()
	return mappedSequence{n: len(d.tables), key: func(i int) any { return d.keys[i] }, val: func(i int) any { return d.tables[i] }}
}

func (s *tableSetTables) GetItem(key any) (*exec.Value, bool) { return s.seq().item(key) }

func (s *tableSetTables) GetAttribute(name string) (*exec.Value, bool) {
	return s.seq().attribute(name)
}

// mappedSequence is agate's MappedSequence of n values with a key each
// (a table's columns, a TableSet's tables): s[i] reads by position, s[key]
// and get(key, default) by key, and keys(), values() and items() list
// them. (agate gives tuples where these give lists.)
type mappedSequence struct {
	n        int
	key, val func(i int) any
}

// at is the position of the value whose key equals k.
func (m mappedSequence) at(k *exec.Value) (int, bool) {
	for i := range m.n {
		if exec.ToValue(m.key(i)).EqualValueTo(k) {
			return i, true
		}
	}
	return 0, false
}

func (m mappedSequence) item(key any) (*exec.Value, bool) {
	i, ok := key.(int)
	if ok {
		if i < 0 {
			i += m.n
		}
		ok = i >= 0 && i < m.n
	} else {
		i, ok = m.at(exec.ToValue(key))
	}
	if !ok {
		return exec.AsValue(nil), false // no such item: undefined, as Jinja makes it (never a nil the evaluator reads)
	}
	return exec.AsValue(m.val(i)), true
}

func (m mappedSequence) attribute(name string) (*exec.Value, bool) {
	list := func(f func(i int) any) func(*exec.VarArgs) *exec.Value {
		return func(*exec.VarArgs) *exec.Value {
			out := make([]any, m.n)
			for i := range out {
				out[i] = f(i)
			}
			return exec.AsValue(&out)
		}
	}
	switch name {
	case "keys":
		return exec.AsValue(list(m.key)), true
	case "values":
		return exec.AsValue(list(m.val)), true
	case "items":
		return exec.AsValue(list(func(i int) any { return exec.ValuesList{exec.ToValue(m.key(i)), exec.AsValue(m.val(i))} })), true
	case "get":
		return exec.AsValue(func(a *exec.VarArgs) *exec.Value {
			// by key only, as agate's get reads its dict
			if k := arg(a, 0, "key"); k != nil {
				if i, ok := m.at(k); ok {
					return exec.AsValue(m.val(i))
				}
			}
			if v := arg(a, 1, "default"); v != nil {
				return v
			}
			return noneValue()
		}), true
	}
	return exec.AsValue(nil), false
}
