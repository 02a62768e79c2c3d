package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// A set operation's input that is SELECT * of one relation whose columns'
// types are known takes part in setColumnTypes too: where DuckDB gives a
// column another type, the star is written out as its columns, the ones
// to convert converted (WITH a AS (SELECT TIMESTAMP ... AS ts) SELECT *
// FROM a UNION ALL SELECT 'x' gives '2024-01-01 10:00:00', as DuckDB casts
// the timestamp to VARCHAR).

// starBranch is such an input: its star, the relation's columns (their
// names as written and their types), and the columns written converted.
type starBranch struct {
	star  *node
	names []string
	cols  []colType
	conv  map[int]string
	line  string
}

// starBranch is SELECT b as a starBranch, or nil when it selects anything
// but a plain * of one relation whose columns' types are all known.
func (t *translator) starBranch(b *node) *starBranch {
	if len(b.sel.items) != 1 || len(b.sel.from) != 1 || len(b.sel.unnests) > 0 || b.sel.from[0].from.hidden() {
		return nil
	}
	st := b.sel.items[0]
	if st.kind != nStar || st.name != "" || len(st.names) > 0 || len(st.list2) > 0 || st.star != nil || st.print != nil {
		return nil
	}
	cols, complete := t.relTypes(b.sel.from[0].from, b.sel.scope)
	if !complete || len(cols) == 0 {
		return nil
	}
	starCols, err := t.starColumns(b, st)
	if err != nil || len(starCols) != len(cols) {
		return nil
	}
	names := make([]string, len(cols))
	for i, c := range starCols {
		if !strings.EqualFold(c.name, cols[i].name) || c.expr != quoteIdent(c.name) {
			return nil
		}
		names[i] = c.name
	}
	return &starBranch{star: st, names: names, cols: cols, conv: map[int]string{}, line: itoa(t.toks[st.start].line)}
}

// convert writes column col as DuckDB gives it in a column that is text
// (text) or a timestamp of kind stamp, as asText and setColumnTypes
// convert a select item.
func (s *starBranch) convert(col int, text bool, stamp string) {
	c, q := s.cols[col], quoteIdent(s.names[col])
	switch {
	case text && !c.text:
		switch {
		case c.typ == sqlfunc.KindInstant || c.typ == sqlfunc.KindWallClock:
			s.conv[col] = "timestamp_string(" + q + ", " + sqlString(c.typ) + ", 'duckdb')"
		case c.typ == TypeBool:
			s.conv[col] = "CASE (" + q + ") WHEN 1 THEN 'true' WHEN 0 THEN 'false' END"
		case c.num == "INTEGER":
			s.conv[col] = "CAST(" + q + " AS TEXT)"
		}
	case stamp != "" && c.typ == TypeDate:
		s.conv[col] = "cast_to(" + q + ", " + sqlString(stamp) + ", 'duckdb', " + s.line + ")"
	}
}

// print writes the star out as its columns, when one is converted.
func (s *starBranch) print() {
	if len(s.conv) == 0 {
		return
	}
	list := make([]string, len(s.names))
	for i, name := range s.names {
		list[i] = quoteIdent(name)
		if e, ok := s.conv[i]; ok {
			list[i] = e + " AS " + quoteIdent(name)
		}
	}
	text := strings.Join(list, ", ")
	s.star.print = func(pr *printer, n *node) string { return text + pr.carry(n) }
}
