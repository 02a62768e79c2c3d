package sqlfunc

import "github.com/ncruces/go-sqlite3"

// mode_agg(x): the most frequent non-NULL x of the group; of values read
// equally often, the first read (DuckDB's and Snowflake's MODE).

func init() {
	add(Func{Name: "mode_agg", NArgs: 1, Window: func() sqlite3.AggregateFunction { return &modeAgg{} }})
	rename("mode_agg", "mode", "duckdb", "snowflake")
}

type modeKey struct {
	t    sqlite3.Datatype
	text string
}

type modeAgg struct {
	counts map[modeKey]int
	values []*sqlite3.Value // one per key, in the order first read
	keys   []modeKey
}

func (m *modeAgg) Step(_ sqlite3.Context, arg ...sqlite3.Value) {
	v := arg[0]
	if v.Type() == sqlite3.NULL {
		return
	}
	k := modeKey{v.Type(), v.Text()}
	if m.counts == nil {
		m.counts = map[modeKey]int{}
	}
	if _, seen := m.counts[k]; !seen {
		d := v.Dup()
		m.values = append(m.values, d)
		m.keys = append(m.keys, k)
	}
	m.counts[k]++
}

func (m *modeAgg) Value(ctx sqlite3.Context) {
	best := -1
	for i, k := range m.keys {
		if best < 0 || m.counts[k] > m.counts[m.keys[best]] {
			best = i
		}
	}
	if best < 0 {
		ctx.ResultNull()
		return
	}
	ctx.ResultValue(*m.values[best])
}

func (m *modeAgg) Close() error {
	for _, v := range m.values {
		v.Close()
	}
	return nil
}
