package dialect

import (
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// DuckDB's PIVOT without IN (PIVOT t ON k USING sum(v), or FOR k without
// IN) makes a column of each distinct value of k that is not NULL, in the
// order of their text, named by it. The columns of a query must be known
// before it runs, and the tables it reads exist when a model is
// translated: the values are read first, by a query of the same source
// (with the CTEs it may name) that is translated as the model is, and run
// through Options.Query.

// readPivotValues reads the values of pf, a FOR without IN of the PIVOT
// after FROM item n, into pf.read.
func (t *translator) readPivotValues(n *node, pf *pivotFor, sc *scope) error {
	if t.opts.Query == nil {
		return errors.New("no database is read here")
	}
	col := strings.TrimSpace(t.source(pf.col))
	var src strings.Builder
	for _, tk := range t.toks[n.start:n.from.pivot.kw] {
		src.WriteString(tk.text)
	}
	q := t.visibleCTEs(sc, n.start) + "SELECT DISTINCT CAST(" + col + " AS VARCHAR), " + col + " FROM " + strings.TrimSpace(src.String()) + "\nWHERE " + col + " IS NOT NULL"
	o := t.opts
	o.ItemNames = false
	sql, err := TranslateWith(q, o)
	if err != nil {
		return err
	}
	rows, err := t.opts.Query(sql)
	if err != nil {
		return err
	}
	byName := map[string]int{}
	for _, r := range rows {
		if len(r) != 2 {
			return fmt.Errorf("the query of its values gave %d columns", len(r))
		}
		name, lit := fmt.Sprint(r[0]), sqlLiteral(r[1])
		if b, ok := r[0].([]byte); ok {
			name = string(b)
		}
		if i, ok := byName[name]; ok {
			if !slices.Contains(pf.read[i].literals, lit) {
				pf.read[i].literals = append(pf.read[i].literals, lit)
			}
			continue
		}
		byName[name] = len(pf.read)
		pf.read = append(pf.read, pivotValue{literals: []string{lit}, name: name})
	}
	slices.SortFunc(pf.read, func(a, b pivotValue) int { return strings.Compare(a.name, b.name) })
	return nil
}

// visibleCTEs is the WITH clause of the CTEs scope sc sees that end
// before token pos (a CTE holding pos is not complete), a name of an
// inner WITH hiding the outer one's; "" when none.
func (t *translator) visibleCTEs(sc *scope, pos int) string {
	var levels [][]*node
	seen := map[string]bool{}
	recursive := false
	for s := sc; s != nil; s = s.parent {
		var level []*node
		for _, c := range s.with {
			if c.end <= pos && !seen[c.name] {
				seen[c.name] = true
				level = append(level, c)
				recursive = recursive || t.recursive[c.x]
			}
		}
		levels = append(levels, level)
	}
	var ctes []string
	for i := len(levels) - 1; i >= 0; i-- {
		for _, c := range levels[i] {
			ctes = append(ctes, strings.TrimSpace(t.source(c)))
		}
	}
	if len(ctes) == 0 {
		return ""
	}
	with := "WITH "
	if recursive {
		with += "RECURSIVE "
	}
	return with + strings.Join(ctes, ",\n") + "\n"
}

// sqlLiteral writes a value SQLite gave as a literal of SQLite's SQL.
func sqlLiteral(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		if math.IsInf(v, 0) {
			return map[bool]string{true: "9e999", false: "-9e999"}[v > 0]
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEIN") {
			s += ".0"
		}
		return s
	case []byte:
		return "X'" + hex.EncodeToString(v) + "'"
	case string:
		return sqlString(v)
	}
	return sqlString(fmt.Sprint(v))
}
