package dialect

import "strings"

// rewriteBinary makes / divide as the warehouses do: BigQuery, Snowflake
// and DuckDB divide integers as real numbers (2999/100 is 29.99, not 29);
// DuckDB's // is integer division. A divisor that is not a non-zero number
// goes through divide(), which fails on zero as BigQuery and Snowflake do.
func (t *translator) rewriteBinary(n *node) {
	if (n.name == "+" || n.name == "-") && n.y.kind == nInterval && t.d != SQLite {
		t.addInterval(n)
		return
	}
	if comparisons[n.name] {
		t.compareTimestamps(n.x, n.y)
		return
	}
	switch {
	case n.name == "/" && t.d != SQLite:
		if !nonZeroNumber(t, n.y) {
			// divide() fails on a zero divisor where the warehouse fails.
			x, y, line := n.x, n.y, itoa(t.toks[n.tok].line)
			n.print = func(pr *printer, n *node) string {
				return "divide(" + pr.text(x) + ", " + pr.text(y) + ", " + sqlString(string(t.d)) + ", " + line + ")" + pr.carry(n, x, y)
			}
			return
		}
		if n.x.kind == nLit && hasFraction(t.toks[n.x.start].text) {
			return
		}
		n.x.pre = "CAST(" + n.x.pre
		n.x.post += " AS REAL)"
	case n.name == "%" && (t.d == DuckDB || t.d == Snowflake):
		// modulo() keeps a real's fraction and fails on zero in DuckDB.
		x, y, line := n.x, n.y, itoa(t.toks[n.tok].line)
		n.print = func(pr *printer, n *node) string {
			return "modulo(" + pr.text(x) + ", " + pr.text(y) + ", " + sqlString(string(t.d)) + ", " + line + ")" + pr.carry(n, x, y)
		}
	case n.name == "//":
		t.pr.setTok(n.tok, "/")
		n.x.pre = "CAST(" + n.x.pre
		n.x.post += " AS INTEGER)"
		n.y.pre = "CAST(" + n.y.pre
		n.y.post += " AS INTEGER)"
	}
}

// nonZeroNumber tells whether n is a number literal other than zero, a
// divisor SQLite's own / can take.
func nonZeroNumber(t *translator, n *node) bool {
	if n.kind != nLit || n.start+1 != n.end {
		return false
	}
	lit := t.toks[n.start].text
	if lit == "" || !isDigit(lit[0]) && lit[0] != '.' {
		return false
	}
	for i := 0; i < len(lit) && lit[i] != 'e' && lit[i] != 'E'; i++ {
		if lit[i] >= '1' && lit[i] <= '9' {
			return true
		}
	}
	return false
}

func hasFraction(num string) bool {
	for i := 0; i < len(num); i++ {
		if num[i] == '.' || num[i] == 'e' || num[i] == 'E' {
			return true
		}
	}
	return false
}

// rewriteLike makes LIKE case-sensitive where the warehouse's is (SQLite's
// LIKE ignores ASCII case) and ILIKE the case-insensitive LIKE of SQLite.
// BigQuery and Snowflake patterns take \ as their escape character.
func (t *translator) rewriteLike(n *node) {
	if n.tok2 >= 0 {
		t.rewriteLikeAny(n)
		return
	}
	switch n.name {
	case "ilike":
		if t.toks[n.tok].text == "ILIKE" {
			t.pr.setTok(n.tok, "LIKE")
		} else {
			t.pr.setTok(n.tok, "like")
		}
		return
	case "like":
	default:
		return
	}
	if t.d == SQLite {
		return
	}
	x, y, z := n.x, n.y, n.z
	escape := ""
	if t.d == BigQuery || t.d == Snowflake {
		escape = `, '\'`
	}
	not := n.flag
	n.print = func(pr *printer, n *node) string {
		s := "like_case_sensitive(" + pr.text(x) + ", " + pr.text(y)
		if z != nil {
			s += ", " + pr.text(z)
		} else {
			s += escape
		}
		s += ")"
		if not {
			s = "(NOT " + s + ")"
		}
		return s + pr.carry(n, x, y, z)
	}
}

// rewriteLikeAny writes x LIKE ANY (p1, p2) as one LIKE per pattern joined
// by OR (AND for ALL), keeping SQL's NULL logic; ILIKE is SQLite's LIKE,
// which ignores case.
func (t *translator) rewriteLikeAny(n *node) {
	x, z, pats := n.x, n.z, n.list
	join := " OR "
	if t.toks[n.tok2].lower == "all" {
		join = " AND "
	}
	escape := `, '\'`
	ilike := n.name == "ilike"
	n.print = func(pr *printer, n *node) string {
		xs := pr.text(x)
		esc := escape
		if z != nil {
			esc = ", " + pr.text(z)
		}
		parts := make([]string, len(pats))
		for i, p := range pats {
			if ilike {
				parts[i] = xs + " LIKE " + pr.text(p)
				if z != nil {
					parts[i] += " ESCAPE " + pr.text(z)
				}
			} else {
				parts[i] = "like_case_sensitive(" + xs + ", " + pr.text(p) + esc + ")"
			}
		}
		return "(" + strings.Join(parts, join) + ")" + pr.carry(n, append([]*node{x, z}, pats...)...)
	}
}

// addInterval writes x + INTERVAL n unit (and -) as
// datetime_add_to_timestamp(x, n, 'unit'): the timestamp n units later,
// months clamped to the month's last day.
func (t *translator) addInterval(n *node) {
	x, iv := n.x, n.y
	iv.name = "arg" // printed as n, 'unit'
	sign := ""
	if n.name == "-" {
		sign = "-"
	}
	n.print = func(pr *printer, n *node) string {
		args := pr.text(iv)
		if sign != "" {
			args = "-(" + strings.Replace(args, ",", "),", 1)
		}
		return "datetime_add_to_timestamp(" + pr.text(x) + ", " + args + ")" + pr.carry(n, x, iv)
	}
}
