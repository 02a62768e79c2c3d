package engine

import (
	"slices"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
	"github.com/nexus-playground/nexus/pipeline/internal/graph"
	"github.com/nexus-playground/nexus/pipeline/internal/project"
)

// dbt compiles a model that refs ephemeral models with each of them as a
// CTE named __dbt__cte__<identifier> (its alias, else its name), put first in the model's WITH (one made
// for it when it has none), the ephemeral models they ref before them. The
// engine does the same with the rendered SQL before it translates it, so
// the compiled SQL reads as dbt's does. An ephemeral model is also a
// temporary view, temp.__dbt__cte__<identifier>, which ref() names: SQL the
// CTEs are not put in (tests, hooks, a query a macro runs, a model whose
// first word is not WITH, SELECT, FROM or VALUES) reads the same rows
// from it.

const ephemeralRef = "temp.__dbt__cte__"

// withEphemerals is model's rendered SQL with the ephemeral models it refs
// as CTEs, refs to them naming the CTEs, as dbt compiles it (out), and the
// same SQL as it runs (run), where each of those CTEs is AS MATERIALIZED:
// SQLite then computes an ephemeral model's rows once, as the warehouse
// does, where it would otherwise fold the CTE into the query and compute
// its expressions again for each row it is joined to (a date spine joined
// on a computed month went from minutes to seconds). Materializing changes
// no row. lines says where the CTEs are in both (they take the same lines).
func (r *runner) withEphemerals(model *project.Model, sql string) (out, run string, lines cteLines, err error) {
	out, lines, err = r.ephemeralCTEs(model, sql, " as (\n")
	if err != nil || lines.added == 0 && lines.at == 0 {
		return out, out, lines, err
	}
	run, _, err = r.ephemeralCTEs(model, sql, " as materialized (\n")
	return out, run, lines, err
}

// cteLines is where the CTEs of ephemeral models put in a model's SQL are:
// at is the line they start on, added the lines they take (0 when none
// were put in) and shift what to add to a column on their last line to
// find it on line at as written; bodies are the lines each ephemeral
// model's SQL takes.
type cteLines struct {
	at, added, shift int
	bodies           []cteBody
}

// cteBody is the SQL of ephemeral model m, rendered, put in the lines
// first to last as the CTE named cte.
type cteBody struct {
	m           *project.Model
	cte         string
	rendered    string
	first, last int
}

// body is the ephemeral model whose SQL holds line, and that line and
// column (col, 0 when unknown) in its rendered SQL; nil when line is not
// in one.
func (c cteLines) body(line, col int) (*cteBody, int, int) {
	for i := range c.bodies {
		b := &c.bodies[i]
		if line < b.first || line > b.last {
			continue
		}
		line -= b.first - 1
		if col > 0 {
			// a ref to an ephemeral model names its CTE without temp.
			text := strings.Split(b.rendered, "\n")[line-1]
			cut := 0
			for {
				j := strings.Index(text, ephemeralRef)
				if j < 0 || j-cut >= col-1 {
					break
				}
				cut += len("temp.")
				text = text[:j] + text[j+len("temp."):]
				col += len("temp.")
			}
		}
		return b, line, col
	}
	return nil, 0, 0
}

// ephemeralCTEs is withEphemerals with each CTE opening with its name and
// open.
func (r *runner) ephemeralCTEs(model *project.Model, sql, open string) (out string, lines cteLines, err error) {
	if !strings.Contains(sql, ephemeralRef) {
		return sql, lines, nil
	}
	// the models of each CTE name: their alias, or their name. Ephemeral
	// models of two schemas may share an alias; the CTE is the one the
	// model refs, as dbt puts in the node the ref resolved to.
	byCTE := map[string][]string{}
	for name := range r.plan.models {
		if r.plan.configs[name].Materialized == "ephemeral" {
			cte := strings.TrimPrefix(r.plan.relation(name).Name, "__dbt__cte__")
			byCTE[cte] = append(byCTE[cte], name)
		}
	}
	pick := func(from *project.Model, cte string) (string, bool) {
		names := byCTE[cte]
		if len(names) <= 1 {
			return strings.Join(names, ""), len(names) == 1
		}
		parents := map[string]bool{}
		for _, id := range r.plan.graph.Parents(nodeID("model", r.plan.pkgOf(from.Package), from.Name)) {
			parents[id] = true
		}
		slices.Sort(names)
		for _, name := range names {
			if parents[nodeID("model", r.plan.pkgOf(r.plan.models[name].Package), name)] {
				return name, true
			}
		}
		return names[0], true
	}
	var order []string
	bodies := map[string]string{}
	models := map[string]*project.Model{}
	var visit func(from *project.Model, text string) error
	visit = func(from *project.Model, text string) error {
		for _, cte := range ephemeralRefs(text) {
			if _, seen := bodies[cte]; seen {
				continue
			}
			name, ok := pick(from, cte)
			if !ok {
				continue
			}
			m := r.plan.models[name]
			bodies[cte] = ""
			cfg := r.plan.configs[name].Clone()
			body, err := r.render(m.Path, m.SQL, &cfg, r.plan.relation(name))
			if err != nil {
				return err
			}
			if err := notQuery(m, body); err != nil {
				return err
			}
			if err := visit(m, body); err != nil {
				return err
			}
			bodies[cte], models[cte] = body, m
			order = append(order, cte)
		}
		return nil
	}
	if err := visit(model, sql); err != nil {
		return "", lines, err
	}
	if len(order) == 0 {
		return sql, lines, nil
	}
	if pos, _ := withPoint(sql); pos < 0 {
		return sql, lines, nil
	}
	sql = namesCTEs(sql, order)
	pos, hasWith := withPoint(sql)
	lines.at = 1 + strings.Count(sql[:pos], "\n")
	var text strings.Builder
	if hasWith {
		text.WriteString(" ")
	} else {
		text.WriteString("with ")
	}
	for i, name := range order {
		if i > 0 {
			text.WriteString(", ")
		}
		body := strings.TrimRight(namesCTEs(bodies[name], order), " \t\r\n;")
		text.WriteString("__dbt__cte__" + name + open)
		first := lines.at + strings.Count(text.String(), "\n")
		text.WriteString(body)
		lines.bodies = append(lines.bodies, cteBody{m: models[name], cte: "__dbt__cte__" + name, rendered: bodies[name],
			first: first, last: lines.at + strings.Count(text.String(), "\n")})
		text.WriteString("\n)")
	}
	if hasWith {
		text.WriteString(",")
	} else {
		text.WriteString(" ")
	}
	t := text.String()
	lineStart := strings.LastIndexByte(sql[:pos], '\n') + 1
	lastSeg := len(t) - strings.LastIndexByte(t, '\n') - 1
	lines.added, lines.shift = strings.Count(t, "\n"), pos-lineStart-lastSeg
	return sql[:pos] + t + sql[pos:], lines, nil
}

// notQueryBody is an ephemeral model whose SQL is no query, so the CTE
// dbt makes of it is refused by the warehouse.
type notQueryBody struct{ d *diag.Diagnostic }

func (e *notQueryBody) Error() string { return e.d.Error() }

// notQuery refuses an ephemeral model m whose rendered SQL, body, is not a
// query (it does not open with WITH, SELECT, FROM, VALUES or a
// parenthesis), as a table name alone is not: dbt puts it as it is in a
// CTE of each node reading it, __dbt__cte__m as (body), which the
// warehouse refuses. A blank body is left to the reader's SQL.
func notQuery(m *project.Model, body string) error {
	i := skipBlank(body, 0)
	if i >= len(body) || body[i] == '(' {
		return nil
	}
	if pos, _ := withPoint(body); pos >= 0 {
		return nil
	}
	first, _, _ := strings.Cut(strings.TrimSpace(body[i:]), "\n")
	if len(first) > 60 {
		first = first[:60] + "..."
	}
	return &notQueryBody{diag.Errorf(m.Path, 1+strings.Count(body[:i], "\n"),
		"ephemeral model %s is not a query (its SQL is %s): dbt puts its SQL in a CTE of each node that refs it, __dbt__cte__%s as (...), and the warehouse refuses anything but a query there", m.Name, first, m.Name).
		WithHint("write it as a query, e.g. select * from ...")}
}

// ephemeralRefs are the CTE names (after __dbt__cte__) of the ephemeral
// models text refs.
func ephemeralRefs(text string) []string {
	var out []string
	for {
		i := strings.Index(text, ephemeralRef)
		if i < 0 {
			return out
		}
		text = text[i+len(ephemeralRef):]
		j := 0
		for j < len(text) && (text[j] == '_' || text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] >= '0' && text[j] <= '9') {
			j++
		}
		if j > 0 {
			out = append(out, text[:j])
		}
	}
}

// namesCTEs writes text's refs to the ephemeral models of CTE names as
// the names of their CTEs.
func namesCTEs(text string, names []string) string {
	for _, name := range names {
		ref := ephemeralRef + name
		var b strings.Builder
		for {
			i := strings.Index(text, ref)
			if i < 0 {
				break
			}
			end := i + len(ref)
			b.WriteString(text[:i])
			if end < len(text) && isNamePart(text[end]) {
				b.WriteString(ref) // a longer name
			} else {
				b.WriteString("__dbt__cte__" + name)
			}
			text = text[end:]
		}
		b.WriteString(text)
		text = b.String()
	}
	return text
}

func isNamePart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// withPoint is where the CTEs go in sql: after its WITH [RECURSIVE]
// (hasWith), or before its first word when that is SELECT, FROM or
// VALUES; -1 otherwise. Comments and blank lines before it are skipped.
func withPoint(sql string) (pos int, hasWith bool) {
	i := skipBlank(sql, 0)
	word := func(at int) string {
		j := at
		for j < len(sql) && isNamePart(sql[j]) {
			j++
		}
		return strings.ToLower(sql[at:j])
	}
	switch w := word(i); w {
	case "with":
		end := i + len(w)
		if k := skipBlank(sql, end); word(k) == "recursive" {
			end = k + len("recursive")
		}
		return end, true
	case "select", "from", "values":
		return i, false
	}
	return -1, false
}

// skipBlank skips white space and comments from i.
func skipBlank(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r':
			i++
		case strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return len(s)
			}
			i += j + 1
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return len(s)
			}
			i += 2 + j + 2
		default:
			return i
		}
	}
	return i
}

// ephemeralViews makes the temporary views of the ephemeral models that the
// tests from todo[from] on read and this command does not run (`test`, or a
// selection leaving them out): dbt puts an ephemeral model into a test's SQL
// whatever is selected, and a new process has none of the views. A view
// that cannot be made is left to the test, whose error names it.
func (r *runner) ephemeralViews(todo []*graph.Node, from int) {
	running := map[string]bool{}
	for _, n := range todo {
		running[n.ID] = true
	}
	for _, t := range todo[from:] {
		if t.Kind != "test" {
			break
		}
		for _, id := range r.plan.graph.Parents(t.ID) {
			p := r.plan.graph.Node(id)
			if p == nil || p.Kind != "model" || running[id] || r.plan.configs[p.Name].Materialized != "ephemeral" {
				continue
			}
			key := relKey("temp", r.plan.relation(p.Name).Name)
			if r.exists[key] {
				continue
			}
			var step Step
			if err := r.runModel(p, &step); err == nil && r.exists != nil {
				r.exists[key] = true
			}
			running[id] = true // tried once
		}
	}
}

// compiledTest is a test's translated SQL as compile shows it: the
// ephemeral models it reads, which a run reads from their temporary views,
// put before it as CTEs (each holding the ephemeral models it reads), as dbt
// compiles a test with them, so the compiled SQL runs as it is (nexus query)
// and gives the test's failing rows.
func (r *runner) compiledTest(sql string) (string, error) {
	var names []string
	for _, cte := range ephemeralRefs(sql) {
		if !slices.Contains(names, cte) {
			names = append(names, cte)
		}
	}
	if len(names) == 0 {
		return sql, nil
	}
	models := map[string]*project.Model{}
	for name, m := range r.plan.models {
		if r.plan.configs[name].Materialized != "ephemeral" {
			continue
		}
		cte := strings.TrimPrefix(r.plan.relation(name).Name, "__dbt__cte__")
		if prev, ok := models[cte]; !ok || name < prev.Name {
			models[cte] = m
		}
	}
	var b strings.Builder
	for _, cte := range names {
		m := models[cte]
		if m == nil {
			return sql, nil
		}
		tr, err := r.renderModel(m)
		if err != nil {
			return "", err
		}
		if b.Len() == 0 {
			b.WriteString("with ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString("__dbt__cte__" + cte + " as (\n" + strings.TrimRight(tr.sql, " \t\r\n;") + "\n)")
	}
	b.WriteString("\nselect * from (\n" + namesCTEs(strings.TrimRight(sql, " \t\r\n;"), names) + "\n)")
	return b.String(), nil
}
