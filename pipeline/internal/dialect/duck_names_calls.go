package dialect

import "strings"

// The names DuckDB gives calls with their clauses, intervals and EXTRACT:
// sum(x) OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN 1 PRECEDING
// AND CURRENT ROW), count_star() FILTER (WHERE (x > 1)), string_agg(s,
// ',' ORDER BY k), interval 1 day as to_days(CAST(trunc(CAST(1 AS
// DOUBLE)) AS INTEGER)), EXTRACT(year FROM d) as date_part('YEAR', d).

// duckExtractKeywords are the date parts EXTRACT takes as keywords of
// DuckDB's grammar, by the name it prints them with; other words print in
// lower case.
var duckExtractKeywords = map[string]string{
	"year": "YEAR", "years": "YEAR", "month": "MONTH", "months": "MONTH", "day": "DAY", "days": "DAY",
	"hour": "HOUR", "hours": "HOUR", "minute": "MINUTE", "minutes": "MINUTE", "second": "SECOND", "seconds": "SECOND",
	"millisecond": "MILLISECONDS", "milliseconds": "MILLISECONDS", "microsecond": "MICROSECONDS",
	"microseconds": "MICROSECONDS", "week": "WEEK", "weeks": "WEEK", "quarter": "QUARTER", "quarters": "QUARTER",
	"decade": "DECADE", "decades": "DECADE", "century": "CENTURY", "centuries": "CENTURY",
	"millennium": "MILLENNIUM", "millennia": "MILLENNIUM",
}

// duckIntervalUnits are the functions INTERVAL n unit is, and the type its
// number is cast to: "" for a DOUBLE kept whole, else an integer type of
// trunc(n).
var duckIntervalUnits = map[string][2]string{
	"year": {"to_years", "INTEGER"}, "month": {"to_months", "INTEGER"}, "day": {"to_days", "INTEGER"},
	"week": {"to_weeks", "INTEGER"}, "quarter": {"to_quarters", "INTEGER"}, "decade": {"to_decades", "INTEGER"},
	"century": {"to_centuries", "INTEGER"}, "centuries": {"to_centuries", "INTEGER"},
	"millennium": {"to_millennia", "INTEGER"}, "millennia": {"to_millennia", "INTEGER"},
	"hour": {"to_hours", "BIGINT"}, "minute": {"to_minutes", "BIGINT"}, "microsecond": {"to_microseconds", "BIGINT"},
	"second": {"to_seconds", ""}, "millisecond": {"to_milliseconds", ""},
}

// duckIntervalName is INTERVAL x [unit] as DuckDB prints it.
func (t *translator) duckIntervalName(x *node) (string, bool) {
	if x.tok2 >= 0 || x.names != nil || x.x == nil {
		return "", false
	}
	// the unit as written (a rewrite of the expression holding the
	// interval renames the node)
	unit := ""
	if x.tok >= 0 {
		unit = t.toks[x.tok].lower
	}
	if unit == "" {
		if x.x.kind != nString {
			return "", false
		}
		s, ok := t.duckName(x.x)
		return "CAST(" + s + " AS INTERVAL)", ok
	}
	u, ok := duckIntervalUnits[unit]
	if !ok {
		u, ok = duckIntervalUnits[strings.TrimSuffix(unit, "s")]
	}
	if !ok {
		return "", false
	}
	s, ok := t.duckName(x.x)
	if u[1] == "" {
		return u[0] + "(CAST(" + s + " AS DOUBLE))", ok
	}
	return u[0] + "(CAST(trunc(CAST(" + s + " AS DOUBLE)) AS " + u[1] + "))", ok
}

// duckCallName is a call as DuckDB prints it, with DISTINCT, IGNORE
// NULLS, an ORDER BY of its own, FILTER, WITHIN GROUP of
// percentile_cont and percentile_disc, and OVER.
func (t *translator) duckCallName(x *node) (string, bool) {
	if len(x.parts) != 1 {
		return "", false
	}
	var filter, within *node
	for _, k := range x.kids {
		switch {
		case k == x.x || k == x.y || k == x.z:
		case k.kind == nExpr && k.name == "within":
			within = k
		case k.kind == nExpr && t.toks[k.start].lower == "filter":
			filter = k
		default:
			arg := false
			for _, a := range x.list {
				arg = arg || a == k
			}
			if !arg {
				return "", false // HAVING MAX, LIMIT
			}
		}
	}
	name := duckIdent(x.name)
	var args string
	star := len(x.list) == 1 && x.list[0].kind == nRaw && strings.TrimSpace(t.source(x.list[0])) == "*"
	switch {
	case star && x.name == "count" && x.x != nil:
		name = "count"
	case star && x.name == "count":
		name = "count_star"
	case star:
		return "", false
	default:
		parts := make([]string, len(x.list))
		for i, a := range x.list {
			s, ok := t.duckName(a)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		args = strings.Join(parts, ", ")
	}
	if x.name == "coalesce" || x.name == "ifnull" {
		if x.flag || x.x != nil || x.y != nil || filter != nil {
			return "", false
		}
		name = "COALESCE"
	}
	if x.flag {
		args = "DISTINCT " + args
	}
	if x.z != nil && x.z.name == "ignore" {
		args += " IGNORE NULLS"
	}
	if x.y != nil {
		o, ok := t.duckOrderName(x.y.list)
		if !ok {
			return "", false
		}
		args += " ORDER BY " + o
	}
	if within != nil {
		// percentile_cont(q) WITHIN GROUP (ORDER BY x) is quantile_cont(q
		// ORDER BY x)
		q := map[string]string{"percentile_cont": "quantile_cont", "percentile_disc": "quantile_disc"}[x.name]
		if q == "" || len(x.list) != 1 || x.y != nil {
			return "", false
		}
		o, ok := t.duckOrderName(within.list)
		if !ok {
			return "", false
		}
		name, args = q, args+" ORDER BY "+o
	}
	out := name + "(" + args + ")"
	if filter != nil {
		var cond *node
		for _, k := range filter.kids {
			cond = k
		}
		if cond == nil {
			return "", false
		}
		s, ok := t.duckName(cond)
		if !ok {
			return "", false
		}
		out += " FILTER (WHERE " + s + ")"
	}
	if x.x != nil {
		w, ok := t.duckWindowName(x.x)
		if !ok {
			return "", false
		}
		out += " OVER " + w
	}
	return out, true
}

// duckOrderName is a list of ORDER BY items: ASC, DESC and NULLS FIRST or
// LAST where written.
func (t *translator) duckOrderName(items []*node) (string, bool) {
	parts := make([]string, len(items))
	for i, o := range items {
		if o.kind != nOrder {
			return "", false
		}
		s, ok := t.duckName(o.x)
		if !ok {
			return "", false
		}
		for k := o.x.end; k < o.end; k++ {
			if tk := t.toks[k]; tk.kind == kWord {
				s += " " + strings.ToUpper(tk.text)
			}
		}
		parts[i] = s
	}
	return strings.Join(parts, ", "), true
}

// duckWindowName is OVER's window as DuckDB prints it: a named window is
// its definition in the select's WINDOW clause, the default frame (RANGE
// BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) is left out.
func (t *translator) duckWindowName(w *node) (string, bool) {
	var spec *node
	for _, k := range w.kids {
		if k.kind == nExpr && k.name == "over" {
			spec = k
		}
	}
	var partition []string
	var order, frame string
	var read func(spec *node, base string, depth int) bool
	read = func(spec *node, base string, depth int) bool {
		if depth > 8 {
			return false
		}
		if base != "" {
			def := t.duckWindowDef(base)
			if def == nil || !read(def, t.duckBaseWindow(def), depth+1) {
				return false
			}
		}
		if spec == nil {
			return true
		}
		var parts []string
		var orders []*node
		for _, k := range spec.kids {
			switch k.kind {
			case nOrder:
				orders = append(orders, k)
			case nSoup:
				f, ok := t.duckFrameName(k)
				if !ok {
					return false
				}
				frame = f
			default:
				s, ok := t.duckName(k)
				if !ok {
					return false
				}
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			partition = parts
		}
		if len(orders) > 0 {
			o, ok := t.duckOrderName(orders)
			if !ok {
				return false
			}
			order = o
		}
		return true
	}
	base := ""
	if spec == nil {
		// OVER name
		for k := w.start + 1; k < w.end; k++ {
			if tk := t.toks[k]; tk.kind == kWord || tk.kind == kQuoted {
				base = identName(tk)
			}
		}
		if base == "" {
			return "", false
		}
	} else {
		base = t.duckBaseWindow(spec)
	}
	if !read(spec, base, 0) {
		return "", false
	}
	var clauses []string
	if len(partition) > 0 {
		clauses = append(clauses, "PARTITION BY "+strings.Join(partition, ", "))
	}
	if order != "" {
		clauses = append(clauses, "ORDER BY "+order)
	}
	if frame != "" {
		clauses = append(clauses, frame)
	}
	return "(" + strings.Join(clauses, " ") + ")", true
}

// duckBaseWindow is the window a spec (w ORDER BY x) builds on, or "".
func (t *translator) duckBaseWindow(spec *node) string {
	for k := spec.start + 1; k < spec.end; k++ {
		switch tk := t.toks[k]; tk.kind {
		case kSpace, kComment:
			continue
		case kWord, kQuoted:
			switch tk.lower {
			case "partition", "order", "rows", "range", "groups":
				return ""
			}
			return identName(tk)
		}
		return ""
	}
	return ""
}

// duckWindowDef is the spec the WINDOW clause of the select being named
// gives name, or nil.
func (t *translator) duckWindowDef(name string) *node {
	if t.duckSel == nil {
		return nil
	}
	for _, k := range t.duckSel.kids {
		if k.kind != nExpr || len(k.kids) != 1 || k.kids[0].name != "over" {
			continue
		}
		for i := k.start; i < k.end; i++ {
			if tk := t.toks[i]; tk.kind == kWord || tk.kind == kQuoted {
				if strings.EqualFold(identName(tk), name) {
					return k.kids[0]
				}
				break
			}
		}
	}
	return nil
}

// duckFrameName is a window frame as DuckDB prints it: always BETWEEN,
// "" for the default frame.
func (t *translator) duckFrameName(f *node) (string, bool) {
	var idx []int
	for k := f.start; k < f.end; k++ {
		if kd := t.toks[k].kind; kd != kSpace && kd != kComment {
			idx = append(idx, k)
		}
	}
	i := 0
	word := func(w string) bool {
		if i < len(idx) && t.toks[idx[i]].kind == kWord && t.toks[idx[i]].lower == w {
			i++
			return true
		}
		return false
	}
	bound := func() (string, bool) {
		switch {
		case word("unbounded"):
			if word("preceding") {
				return "UNBOUNDED PRECEDING", true
			}
			if word("following") {
				return "UNBOUNDED FOLLOWING", true
			}
			return "", false
		case word("current"):
			return "CURRENT ROW", word("row")
		}
		if i >= len(idx) {
			return "", false
		}
		var s string
		if tk := t.toks[idx[i]]; tk.kind == kNumber {
			s = tk.text
			i++
		} else {
			var kid *node
			for _, k := range f.kids {
				if k.start == idx[i] {
					kid = k
				}
			}
			if kid == nil {
				return "", false
			}
			n, ok := t.duckName(kid)
			if !ok {
				return "", false
			}
			s = n
			for i < len(idx) && idx[i] < kid.end {
				i++
			}
		}
		if word("preceding") {
			return s + " PRECEDING", true
		}
		if word("following") {
			return s + " FOLLOWING", true
		}
		return "", false
	}
	if i >= len(idx) {
		return "", false
	}
	mode := strings.ToUpper(t.toks[idx[i]].lower)
	if mode != "ROWS" && mode != "RANGE" && mode != "GROUPS" {
		return "", false
	}
	i++
	var from, to string
	var ok bool
	if word("between") {
		if from, ok = bound(); !ok || !word("and") {
			return "", false
		}
		if to, ok = bound(); !ok {
			return "", false
		}
	} else {
		if from, ok = bound(); !ok {
			return "", false
		}
		to = "CURRENT ROW"
	}
	exclude := ""
	if word("exclude") {
		var ws []string
		for ; i < len(idx) && t.toks[idx[i]].kind == kWord; i++ {
			ws = append(ws, strings.ToUpper(t.toks[idx[i]].lower))
		}
		if len(ws) == 0 {
			return "", false
		}
		if strings.Join(ws, " ") != "NO OTHERS" {
			exclude = " EXCLUDE " + strings.Join(ws, " ")
		}
	}
	if i != len(idx) {
		return "", false
	}
	if mode == "RANGE" && from == "UNBOUNDED PRECEDING" && to == "CURRENT ROW" && exclude == "" {
		return "", true
	}
	return mode + " BETWEEN " + from + " AND " + to + exclude, true
}
