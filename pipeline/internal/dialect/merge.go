package dialect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// MERGE, which SQLite lacks, is written before parsing as the script that
// does its work, in the SQL of the dialect, so the rest of the translator
// types and casts its expressions as in any other statement:
//
//	MERGE INTO target [AS t] USING source [AS s] ON cond | USING (cols)
//	  WHEN MATCHED [AND c] THEN UPDATE SET col = e, ... | DELETE
//	  WHEN NOT MATCHED [BY TARGET] [AND c] THEN INSERT [(cols)] VALUES (e, ...) | INSERT ROW
//	  WHEN NOT MATCHED BY SOURCE [AND c] THEN UPDATE SET ... | DELETE
//
// with DuckDB's UPDATE [SET *] and INSERT [*] (every column, by position),
// UPDATE BY NAME, INSERT BY NAME, DO NOTHING and ERROR, and Snowflake's
// UPDATE ALL BY NAME and INSERT ALL BY NAME.
//
// The rows each WHEN clause acts on are decided first, against the target
// as it is before the statement, each into a temporary table: for a target
// row, the first clause whose condition holds (its rowid and the values an
// UPDATE sets), for a source row no target row matches, the first NOT
// MATCHED clause (the values it inserts). A target row more than one source
// row acts on is the warehouse's error, checked before anything changes.
// Then the rows are deleted, updated and inserted, and the tables dropped.
// The script keeps the MERGE's line count: it is written on the MERGE's
// first line and its line breaks follow it.

// mergeKind is which rows a WHEN clause acts on.
type mergeKind int

const (
	mergeMatched    mergeKind = iota // WHEN MATCHED
	mergeNotMatched                  // WHEN NOT MATCHED [BY TARGET]
	mergeBySource                    // WHEN NOT MATCHED BY SOURCE
)

// mergeClause is one WHEN clause.
type mergeClause struct {
	kind mergeKind
	cond string // "" when it has none
	// action: "update", "delete", "insert", "nothing" or "error"
	action string
	// sets are the columns and values of UPDATE SET; cols and vals those
	// of INSERT, cols nil when it names none
	sets       [][2]string
	cols, vals []string
	// all is how an UPDATE or INSERT without lists reads the source:
	// "position" or "name"; "default" for INSERT DEFAULT VALUES
	all    string
	errMsg string // ERROR's message, a string literal or ""
}

// mergeStmt is a MERGE statement read from the tokens.
type mergeStmt struct {
	target, targetRef string // the target as written; the name its columns are qualified by
	targetAlias       string
	source, sourceRef string
	sourceAlias       string
	on                string   // the condition, "" with USING
	using             []string // DuckDB's USING (cols)
	clauses           []mergeClause
}

// rewriteMergeStatements returns sql with every MERGE statement written as
// the script doing its work, or sql itself when it has none. A MERGE it
// cannot read is left for the translator to refuse.
func rewriteMergeStatements(d Dialect, sql string, toks []token, o Options) (string, error) {
	if !strings.Contains(strings.ToLower(sql), "merge") {
		return sql, nil
	}
	sig := significantIndexes(toks)
	var b strings.Builder
	done, n := 0, 0
	var errs diag.List
	for k, i := range sig {
		t := toks[i]
		if t.kind != kWord || t.lower != "merge" || i < done || k > 0 && toks[sig[k-1]].text != ";" {
			continue
		}
		r := mergeReader{toks: toks, sig: sig, d: d}
		m, end, err := r.read(k)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if m == nil {
			continue
		}
		if m.needsColumns() {
			var cols []string
			if o.Columns != nil {
				schema, table := mergeTableName(m.target)
				cols, _ = o.Columns(schema, table)
			}
			if len(cols) == 0 {
				errs = append(errs, r.fail(k, "MERGE INTO "+m.target+" updates or inserts every column, and the columns of "+m.target+" are not known here", "name the columns: UPDATE SET col = s.col, ... and INSERT (col, ...) VALUES (s.col, ...)"))
				continue
			}
		}
		n++
		text := m.script(d, o, strconv.Itoa(n), toks[i].line)
		stop := len(toks)
		if end < len(sig) {
			stop = sig[end]
		}
		for _, t := range toks[done:i] {
			b.WriteString(t.text)
		}
		b.WriteString(text)
		lines := strings.Count(text, "\n")
		for _, t := range toks[i:stop] {
			lines -= strings.Count(t.text, "\n")
		}
		for ; lines < 0; lines++ {
			b.WriteByte('\n')
		}
		if end < len(sig) {
			b.WriteByte(' ')
		}
		done = stop
	}
	if len(errs) == 1 {
		return "", errs[0]
	}
	if len(errs) > 1 {
		return "", errs
	}
	if done == 0 {
		return sql, nil
	}
	for _, t := range toks[done:] {
		b.WriteString(t.text)
	}
	return b.String(), nil
}

// mergeReader reads a MERGE statement from significant tokens.
type mergeReader struct {
	toks []token
	sig  []int
	d    Dialect
}

func (r *mergeReader) at(j int) *token {
	if j < len(r.sig) {
		return &r.toks[r.sig[j]]
	}
	return &eof
}

func (r *mergeReader) word(j int, w string) bool {
	t := r.at(j)
	return t.kind == kWord && t.lower == w
}

func (r *mergeReader) name(j int) bool {
	t := r.at(j)
	return t.kind == kWord || t.kind == kQuoted
}

// text is significant tokens [from, to) on one line: comments and line
// breaks become spaces.
func (r *mergeReader) text(from, to int) string {
	if from >= to {
		return ""
	}
	var b strings.Builder
	for _, t := range r.toks[r.sig[from] : r.sig[to-1]+1] {
		if t.kind == kSpace || t.kind == kComment {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// span is the end of the expression starting at from: the first depth-0
// token stop accepts, a depth-0 ';' or the end. CASE ... END counts as a
// bracket, so its WHEN and THEN are inside.
func (r *mergeReader) span(from int, stop func(j int) bool) int {
	depth, cases := 0, 0
	j := from
	for ; j < len(r.sig); j++ {
		t := r.at(j)
		switch {
		case t.kind == kOpen:
			depth++
			continue
		case t.kind == kClose:
			if depth == 0 {
				return j
			}
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		if t.kind == kWord && t.lower == "case" {
			cases++
			continue
		}
		if cases > 0 {
			if t.kind == kWord && t.lower == "end" {
				cases--
			}
			continue
		}
		if t.text == ";" || stop(j) {
			return j
		}
	}
	return j
}

// names reads a bracketed list of names, (a, b), whose ( is at j, and
// gives the token after its ).
func (r *mergeReader) names(j int) ([]string, int, bool) {
	var out []string
	for j++; ; j++ {
		if !r.name(j) {
			return nil, 0, false
		}
		out = append(out, r.at(j).text)
		if j++; r.at(j).text != "," {
			break
		}
	}
	if r.at(j).kind != kClose {
		return nil, 0, false
	}
	return out, j + 1, true
}

// dotted reads a name a.b.c from j and gives the token after it.
func (r *mergeReader) dotted(j int) (int, bool) {
	if !r.name(j) {
		return j, false
	}
	j++
	for r.at(j).kind == kDot && r.name(j+1) {
		j += 2
	}
	return j, true
}

// lastName is the last part of the dotted name [from, to), as written:
// the name its columns are qualified by. A BigQuery `a.b.c` is one token.
func (r *mergeReader) lastName(to int) string {
	t := r.at(to - 1)
	if t.kind == kQuoted && strings.HasPrefix(t.text, "`") && strings.Contains(t.text, ".") {
		inner := t.text[1 : len(t.text)-1]
		return "`" + inner[strings.LastIndex(inner, ".")+1:] + "`"
	}
	return t.text
}

func (r *mergeReader) fail(j int, msg, hint string) *diag.Diagnostic {
	t := r.at(j)
	line, col := t.line, t.col
	if t == &eof {
		last := r.toks[len(r.toks)-1]
		line, col = last.line, last.col
	}
	return &diag.Diagnostic{Severity: diag.Error, Line: line, Col: col, Message: msg, Hint: hint}
}

// aliasStop are the words after a target or source that are no alias.
var mergeAliasStop = map[string]bool{"using": true, "on": true, "when": true}

// read reads the MERGE at significant token k: the statement and the
// token after it; nil when it is no MERGE statement it reads (then the
// translator refuses it).
func (r *mergeReader) read(k int) (*mergeStmt, int, *diag.Diagnostic) {
	m := &mergeStmt{}
	j := k + 1
	if r.word(j, "into") {
		j++
	}
	from := j
	end, ok := r.dotted(j)
	if !ok {
		return nil, 0, nil
	}
	m.target, m.targetRef = r.text(from, end), r.lastName(end)
	j = end
	if r.word(j, "as") {
		j++
	}
	if r.name(j) && !mergeAliasStop[r.at(j).lower] {
		m.targetAlias, m.targetRef = r.at(j).text, r.at(j).text
		j++
	}
	if !r.word(j, "using") {
		return nil, 0, nil
	}
	j++
	from = j
	if r.at(j).kind == kOpen {
		close := r.span(j+1, func(int) bool { return false })
		if r.at(close).kind != kClose {
			return nil, 0, nil
		}
		j = close + 1
		m.source = r.text(from, j)
	} else {
		if end, ok = r.dotted(j); !ok {
			return nil, 0, nil
		}
		m.source, m.sourceRef = r.text(from, end), r.lastName(end)
		j = end
	}
	if r.word(j, "as") {
		j++
	}
	if r.name(j) && !mergeAliasStop[r.at(j).lower] {
		m.sourceAlias, m.sourceRef = r.at(j).text, r.at(j).text
		j++
	}
	switch {
	case r.word(j, "on"):
		end := r.span(j+1, func(i int) bool { return r.word(i, "when") })
		if end == j+1 || !r.word(end, "when") {
			return nil, 0, nil
		}
		m.on = r.text(j+1, end)
		j = end
	case r.word(j, "using") && r.at(j+1).kind == kOpen:
		var ok bool
		if m.using, j, ok = r.names(j + 1); !ok {
			return nil, 0, nil
		}
	default:
		return nil, 0, nil
	}
	if (m.targetRef == "" || m.sourceRef == "") && m.using != nil {
		return nil, 0, r.fail(k, "MERGE ... USING (columns) needs names for the target and the source", "give the source query an alias: USING (select ...) AS s")
	}
	for r.word(j, "when") {
		c, next, err := r.clause(j)
		if err != nil {
			return nil, 0, err
		}
		if c == nil {
			return nil, 0, nil
		}
		m.clauses = append(m.clauses, *c)
		j = next
	}
	if r.word(j, "returning") {
		return nil, 0, r.fail(j, "MERGE ... RETURNING is not supported by SQLite", "run the MERGE, then select the rows it changed")
	}
	if len(m.clauses) == 0 || j < len(r.sig) && r.at(j).text != ";" {
		return nil, 0, nil
	}
	return m, j, nil
}

// clause reads the WHEN clause at j and gives the token after it.
func (r *mergeReader) clause(j int) (*mergeClause, int, *diag.Diagnostic) {
	c := &mergeClause{}
	j++
	switch {
	case r.word(j, "matched"):
		c.kind = mergeMatched
		j++
	case r.word(j, "not") && r.word(j+1, "matched"):
		c.kind = mergeNotMatched
		j += 2
		if r.word(j, "by") && r.word(j+1, "target") {
			j += 2
		} else if r.word(j, "by") && r.word(j+1, "source") {
			c.kind = mergeBySource
			j += 2
		}
	default:
		return nil, 0, nil
	}
	if r.word(j, "and") {
		end := r.span(j+1, func(i int) bool { return r.word(i, "then") })
		if end == j+1 || !r.word(end, "then") {
			return nil, 0, nil
		}
		c.cond = r.text(j+1, end)
		j = end
	}
	if !r.word(j, "then") {
		return nil, 0, nil
	}
	j++
	clauseEnd := func(i int) bool { return r.word(i, "when") || r.word(i, "returning") }
	ended := func(i int) bool { return i >= len(r.sig) || r.at(i).text == ";" || clauseEnd(i) }
	switch {
	case r.word(j, "delete"):
		c.action = "delete"
		j++
	case r.word(j, "do") && r.word(j+1, "nothing"):
		c.action = "nothing"
		j += 2
	case r.word(j, "error"):
		c.action = "error"
		j++
		if r.at(j).kind == kString {
			c.errMsg = r.at(j).text
			j++
		}
	case r.word(j, "update"):
		c.action = "update"
		j++
		switch {
		case ended(j):
			c.all = "position"
		case r.word(j, "set") && r.at(j+1).text == "*":
			c.all = "position"
			j += 2
		case r.word(j, "by") && r.word(j+1, "name"):
			c.all = "name"
			j += 2
		case r.word(j, "all") && r.word(j+1, "by") && r.word(j+2, "name"):
			c.all = "name"
			j += 3
		case r.word(j, "set"):
			j++
			for {
				start := j
				end, ok := r.dotted(j)
				if !ok || r.at(end).text != "=" {
					return nil, 0, nil
				}
				col := r.at(end - 1).text
				_ = start
				vEnd := r.span(end+1, func(i int) bool { return r.at(i).text == "," || clauseEnd(i) })
				if vEnd == end+1 {
					return nil, 0, nil
				}
				c.sets = append(c.sets, [2]string{col, r.text(end+1, vEnd)})
				j = vEnd
				if r.at(j).text != "," {
					break
				}
				j++
			}
		default:
			return nil, 0, nil
		}
	case r.word(j, "insert"):
		c.action = "insert"
		j++
		switch {
		case ended(j), r.at(j).text == "*", r.word(j, "row"):
			c.all = "position"
			if !ended(j) {
				j++
			}
		case r.word(j, "by") && r.word(j+1, "name"):
			c.all = "name"
			j += 2
		case r.word(j, "by") && r.word(j+1, "position"):
			c.all = "position"
			j += 2
		case r.word(j, "all") && r.word(j+1, "by") && r.word(j+2, "name"):
			c.all = "name"
			j += 3
		case r.word(j, "default") && r.word(j+1, "values"):
			c.all = "default"
			j += 2
		default:
			if r.at(j).kind == kOpen {
				var ok bool
				if c.cols, j, ok = r.names(j); !ok {
					return nil, 0, nil
				}
			}
			if !r.word(j, "values") || r.at(j+1).kind != kOpen {
				return nil, 0, nil
			}
			j += 2
			for {
				end := r.span(j, func(i int) bool { return r.at(i).text == "," })
				if end == j {
					return nil, 0, nil
				}
				if end == j+1 && r.word(j, "default") {
					return nil, 0, r.fail(j, "DEFAULT in MERGE ... INSERT VALUES is not supported", "leave the column out of the INSERT's list: it takes its default")
				}
				c.vals = append(c.vals, r.text(j, end))
				j = end
				if r.at(j).text != "," {
					break
				}
				j++
			}
			if r.at(j).kind != kClose {
				return nil, 0, nil
			}
			j++
			if c.cols != nil && len(c.cols) != len(c.vals) {
				return nil, 0, r.fail(j-1, fmt.Sprintf("MERGE ... INSERT names %d columns and gives %d values", len(c.cols), len(c.vals)), "give one value for each column")
			}
		}
	default:
		return nil, 0, nil
	}
	if !ended(j) {
		return nil, 0, nil
	}
	switch {
	case c.kind == mergeNotMatched && c.action != "insert" && c.action != "nothing" && c.action != "error",
		c.kind != mergeNotMatched && c.action == "insert":
		return nil, 0, nil
	}
	return c, j, nil
}

// script is the statements doing the MERGE's work; n tells its temporary
// tables from those of the script's other MERGEs.
func (m *mergeStmt) script(d Dialect, o Options, n string, line int) string {
	temp := func(k int) string { return "_nexus_merge" + n + "_" + strconv.Itoa(k) }
	target := m.target
	if m.targetAlias != "" {
		target += " AS " + m.targetAlias
	}
	source := m.source
	if m.sourceAlias != "" {
		source += " AS " + m.sourceAlias
	}
	rowid := m.targetRef + ".rowid"
	on := "(" + m.on + ")"
	if m.using != nil {
		parts := make([]string, len(m.using))
		for i, c := range m.using {
			parts[i] = m.targetRef + "." + c + " = " + m.sourceRef + "." + c
		}
		on = "(" + strings.Join(parts, " AND ") + ")"
	}
	// the rows each kind of clause reads
	from := map[mergeKind]string{
		mergeMatched:    target + " JOIN " + source + " ON " + on,
		mergeBySource:   target + " WHERE NOT EXISTS (SELECT 1 FROM " + source + " WHERE " + on + ")",
		mergeNotMatched: source + " WHERE NOT EXISTS (SELECT 1 FROM " + target + " WHERE " + on + ")",
	}
	if m.using != nil {
		from[mergeMatched] = target + " JOIN " + source + " USING (" + strings.Join(m.using, ", ") + ")"
	}
	// which clause of its kind a row takes: the first whose condition holds
	which := map[mergeKind]string{}
	for kind := range from {
		var b strings.Builder
		b.WriteString("CASE")
		for k, c := range m.clauses {
			if c.kind != kind {
				continue
			}
			cond := "TRUE"
			if c.cond != "" {
				cond = "(" + c.cond + ")"
			}
			fmt.Fprintf(&b, " WHEN %s THEN %d", cond, k+1)
		}
		b.WriteString(" END")
		which[kind] = b.String()
	}
	where := func(kind mergeKind, k int) string {
		w := " WHERE "
		if kind != mergeMatched {
			w = " AND "
		}
		return from[kind] + w + which[kind] + " = " + strconv.Itoa(k+1)
	}
	var targetCols []string
	if o.Columns != nil {
		schema, table := mergeTableName(m.target)
		targetCols, _ = o.Columns(schema, table)
	}
	var targetTypes map[string]string
	if d == DuckDB && o.Types != nil {
		targetTypes = o.Types(mergeTableName(m.target))
	}
	var pre, apply []string
	drop := func(name string) {
		pre = append([]string{"DROP TABLE IF EXISTS " + name}, pre...)
		apply = append(apply, "DROP TABLE IF EXISTS "+name)
	}
	// a target row more than one source row acts on
	var acts, updates []string
	for k, c := range m.clauses {
		if c.kind != mergeMatched {
			continue
		}
		switch c.action {
		case "update":
			updates = append(updates, strconv.Itoa(k+1))
			acts = append(acts, strconv.Itoa(k+1))
		case "delete", "error":
			acts = append(acts, strconv.Itoa(k+1))
		}
	}
	var checks []string
	if len(acts) > 0 {
		name := "_nexus_merge" + n + "_check"
		drop(name)
		having := "count(*) > 1"
		if d == Snowflake {
			// several rows deleting one are no error there
			having += " AND sum(CASE WHEN _nexus_k IN (" + strings.Join(updates, ", ") + ") THEN 1 ELSE 0 END) > 0"
		}
		checks = append(checks, "CREATE TEMP TABLE "+name+" AS SELECT "+mergeErrorCall(d, mergeManyMessage(d, line))+" AS _nexus_error FROM (SELECT "+
			rowid+" AS _nexus_tid, "+which[mergeMatched]+" AS _nexus_k FROM "+from[mergeMatched]+") AS _nexus_m WHERE _nexus_k IN ("+
			strings.Join(acts, ", ")+") GROUP BY _nexus_tid HAVING "+having)
	}
	var deletes, updateStmts, inserts []string
	for k, c := range m.clauses {
		name := temp(k + 1)
		switch c.action {
		case "nothing":
			continue
		case "error":
			drop(name)
			msg := "'Merge error condition " + mergeWhenText(c.kind) + "'"
			if c.errMsg != "" {
				msg = "'Merge error condition " + mergeWhenText(c.kind) + ": ' || " + c.errMsg
			}
			checks = append(checks, "CREATE TEMP TABLE "+name+" AS SELECT "+mergeErrorCall(d, msg)+" AS _nexus_error FROM "+where(c.kind, k))
		case "delete":
			drop(name)
			checks = append(checks, "CREATE TEMP TABLE "+name+" AS SELECT "+rowid+" AS _nexus_tid FROM "+where(c.kind, k))
			deletes = append(deletes, "DELETE FROM "+m.target+" WHERE rowid IN (SELECT _nexus_tid FROM "+name+")")
		case "update":
			drop(name)
			sets := c.sets
			if c.all != "" {
				sets = nil
				for _, col := range targetCols {
					sets = append(sets, [2]string{quoteIdent(col), qualify(m.sourceRef, quoteIdent(col))})
				}
			}
			if c.all == "position" && m.sourceRef != "" {
				// the source's columns in order: a table of them, and one
				// of the rows they update, in the same order
				ids := name + "_rows"
				drop(ids)
				checks = append(checks,
					"CREATE TEMP TABLE "+name+" AS SELECT "+m.sourceRef+".* FROM "+where(c.kind, k)+" ORDER BY "+rowid,
					"CREATE TEMP TABLE "+ids+" AS SELECT "+rowid+" AS _nexus_tid FROM "+where(c.kind, k)+" ORDER BY "+rowid)
				cols := make([]string, len(targetCols))
				for i, col := range targetCols {
					cols[i] = quoteIdent(col)
				}
				updateStmts = append(updateStmts, "UPDATE "+m.target+" AS _nexus_t SET ("+strings.Join(cols, ", ")+") = (SELECT * FROM "+name+
					" WHERE "+name+".rowid = (SELECT "+ids+".rowid FROM "+ids+" WHERE "+ids+"._nexus_tid = _nexus_t.rowid)) WHERE rowid IN (SELECT _nexus_tid FROM "+ids+")")
				continue
			}
			vals := make([]string, len(sets))
			assign := make([]string, len(sets))
			for i, s := range sets {
				v := "_nexus_v" + strconv.Itoa(i+1)
				vals[i] = "(" + s[1] + ") AS " + v
				value := "_nexus_u." + v
				if to := insertCastType(targetTypes[mergeColumnName(s[0])]); to != "" {
					// DuckDB converts what an UPDATE sets to the column's
					// type, as an INSERT (insert_types.go)
					value = "CAST(" + value + " AS " + to + ")"
				}
				assign[i] = s[0] + " = " + value
			}
			if len(sets) == 0 {
				continue
			}
			checks = append(checks, "CREATE TEMP TABLE "+name+" AS SELECT "+rowid+" AS _nexus_tid, "+strings.Join(vals, ", ")+" FROM "+where(c.kind, k))
			updateStmts = append(updateStmts, "UPDATE "+m.target+" AS _nexus_t SET "+strings.Join(assign, ", ")+" FROM "+name+" AS _nexus_u WHERE _nexus_u._nexus_tid = _nexus_t.rowid")
		case "insert":
			drop(name)
			cols, vals := c.cols, c.vals
			switch c.all {
			case "name":
				cols = nil
				for _, col := range targetCols {
					cols = append(cols, quoteIdent(col))
					vals = append(vals, qualify(m.sourceRef, quoteIdent(col)))
				}
			case "position":
				star := "*"
				if m.sourceRef != "" {
					star = m.sourceRef + ".*"
				}
				vals = []string{star}
			case "default":
				if len(targetCols) == 0 {
					continue
				}
				cols, vals = []string{quoteIdent(targetCols[0])}, []string{"NULL"}
			}
			items := make([]string, len(vals))
			for i, v := range vals {
				if v == "*" || strings.HasSuffix(v, ".*") {
					items[i] = v
					continue
				}
				items[i] = "(" + v + ") AS _nexus_v" + strconv.Itoa(i+1)
			}
			checks = append(checks, "CREATE TEMP TABLE "+name+" AS SELECT "+strings.Join(items, ", ")+" FROM "+where(c.kind, k))
			list := ""
			if len(cols) > 0 {
				list = " (" + strings.Join(cols, ", ") + ")"
			}
			inserts = append(inserts, "INSERT INTO "+m.target+list+" SELECT * FROM "+name)
		}
	}
	all := append(pre, checks...)
	all = append(all, deletes...)
	all = append(all, updateStmts...)
	all = append(all, inserts...)
	all = append(all, apply...)
	return strings.Join(all, "; ")
}

// needsColumns tells whether a clause reads the target's columns.
func (m *mergeStmt) needsColumns() bool {
	for _, c := range m.clauses {
		if c.action == "update" && c.all != "" || c.action == "insert" && (c.all == "name" || c.all == "default") {
			return true
		}
	}
	return false
}

// mergeColumnName is the lower-case name a column of SET names.
func mergeColumnName(col string) string {
	if n := len(col); n >= 2 && (col[0] == '"' || col[0] == '`') {
		return strings.ToLower(col[1 : n-1])
	}
	return strings.ToLower(col)
}

func qualify(ref, col string) string {
	if ref == "" {
		return col
	}
	return ref + "." + col
}

// mergeTableName is the schema ("" when none is written) and name of the
// target as written, for Options.Columns.
func mergeTableName(target string) (schema, table string) {
	toks, err := lex(DuckDB, target)
	if err != nil {
		return "", target
	}
	var parts []string
	for _, t := range toks {
		switch t.kind {
		case kWord:
			parts = append(parts, t.text)
		case kQuoted:
			inner := t.text[1 : len(t.text)-1]
			if strings.HasPrefix(t.text, "`") {
				parts = append(parts, strings.Split(inner, ".")...)
				continue
			}
			parts = append(parts, inner)
		}
	}
	switch len(parts) {
	case 0:
		return "", target
	case 1:
		return "", parts[0]
	}
	return parts[len(parts)-2], parts[len(parts)-1]
}

func mergeWhenText(k mergeKind) string {
	switch k {
	case mergeNotMatched:
		return "WHEN NOT MATCHED"
	case mergeBySource:
		return "WHEN NOT MATCHED BY SOURCE"
	}
	return "WHEN MATCHED"
}

// mergeErrorCall raises msg, a SQL string expression, in the statements
// that are translated as d again: by d's own name for it where d has one.
func mergeErrorCall(d Dialect, msg string) string {
	if _, ok := sqlfunc.Rename(string(d), "error"); ok {
		return "error(" + msg + ")"
	}
	return "error_raised(" + msg + ")"
}

// mergeManyMessage is the warehouse's error for a target row that more than
// one source row updates or deletes, as a SQL string literal.
func mergeManyMessage(d Dialect, line int) string {
	var msg string
	switch d {
	case Snowflake:
		msg = "Duplicate row detected during DML action: MERGE at line %d matched a target row with more than one source row that updates it (ERROR_ON_NONDETERMINISTIC_MERGE)"
	case BigQuery:
		msg = "UPDATE/MERGE must match at most one source row for each target row (MERGE at line %d)"
	default:
		msg = "MERGE INTO command cannot affect the same target row more than once. A target row matched more than one source row; ensure the source rows are deduplicated or the ON condition is unique (MERGE at line %d)"
	}
	return "'" + fmt.Sprintf(msg, line) + "'"
}

// MergeLine is the line of sql's first MERGE statement, 0 when it has
// none: a model is one query, and a MERGE there is written as several
// statements.
func MergeLine(d Dialect, sql string) int {
	if !strings.Contains(strings.ToLower(sql), "merge") {
		return 0
	}
	toks, err := lex(d, sql)
	if err != nil {
		return 0
	}
	prev := ";"
	for _, t := range toks {
		if t.kind == kSpace || t.kind == kComment {
			continue
		}
		if t.kind == kWord && t.lower == "merge" && prev == ";" {
			return t.line
		}
		prev = t.text
	}
	return 0
}
