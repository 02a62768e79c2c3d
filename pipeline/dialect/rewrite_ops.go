package dialect

import "strings"

// rewriteBinary makes / divide as the warehouses do: BigQuery, Snowflake
// and DuckDB divide integers as real numbers (2999/100 is 29.99, not 29);
// DuckDB's // is integer division.
func (t *translator) rewriteBinary(n *node) {
	if (n.name == "+" || n.name == "-") && n.y.kind == nInterval && t.d != SQLite {
		t.addInterval(n)
		return
	}
	switch {
	case n.name == "/" && t.d != SQLite:
		if n.x.kind == nLit && hasFraction(t.toks[n.x.start].text) {
			return
		}
		n.x.pre = "CAST(" + n.x.pre
		n.x.post += " AS REAL)"
	case n.name == "//":
		t.pr.setTok(n.tok, "/")
		n.x.pre = "CAST(" + n.x.pre
		n.x.post += " AS INTEGER)"
		n.y.pre = "CAST(" + n.y.pre
		n.y.post += " AS INTEGER)"
	}
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
