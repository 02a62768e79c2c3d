package dialect

import (
	"math"
	"strconv"
	"strings"
)

// hasIntervals tells whether the dialect's INTERVAL is a value here:
// DuckDB's and BigQuery's are (intervals.go); Snowflake's only moves a
// date.
func (t *translator) hasIntervals() bool { return t.d == DuckDB || t.d == BigQuery }

// bigQueryIntervalFuncs are BigQuery's functions giving an INTERVAL.
var bigQueryIntervalFuncs = map[string]bool{
	"make_interval": true, "justify_days": true, "justify_hours": true, "justify_interval": true,
}

// makeIntervalParams are MAKE_INTERVAL's parameters in order.
var makeIntervalParams = []string{"year", "month", "day", "hour", "minute", "second"}

// rewriteBigQueryInterval writes INTERVAL n part, INTERVAL 'text' part and
// INTERVAL 'text' part TO part standing for a value as
// interval_of_bigquery(...), BigQuery's canonical text. It tells whether
// n was written so.
func (t *translator) rewriteBigQueryInterval(n *node) bool {
	if n.tok < 0 {
		return false
	}
	x, from, to := n.x, t.toks[n.tok].lower, ""
	if n.tok2 >= 0 {
		to = t.toks[n.tok2].lower
	}
	var factor *node
	if n.list != nil {
		factor = n.list[0]
	}
	n.print = func(pr *printer, n *node) string {
		s := "interval_of_bigquery(" + pr.text(x) + ", " + sqlString(from)
		if to != "" {
			s += ", " + sqlString(to)
		}
		s += ")"
		if factor != nil {
			s = "interval_mul(" + s + ", " + pr.text(factor) + ")"
		}
		return s + pr.carry(n, x, factor)
	}
	return true
}

// rewriteBigQueryIntervalCall writes MAKE_INTERVAL (its arguments by
// place or by name), the JUSTIFY functions, and min, max, avg, sum,
// greatest and least of intervals. It tells whether n was one of these.
func (t *translator) rewriteBigQueryIntervalCall(n *node) bool {
	args := n.list
	switch {
	case n.name == "make_interval" && n.x == nil && len(n.parts) <= 1:
		slots := make([]*node, len(makeIntervalParams))
		named := false
		for i, a := range args {
			if a.kind == nExpr && a.name != "" && a.x != nil {
				k := indexOf(makeIntervalParams, a.name)
				if k < 0 || slots[k] != nil {
					t.refuse(a.start, refMakeInterval)
					return true
				}
				slots[k], named = a.x, true
				continue
			}
			if named || i >= len(slots) {
				t.refuse(a.start, refMakeInterval)
				return true
			}
			slots[i] = a
		}
		n.print = func(pr *printer, c *node) string {
			out := make([]string, len(slots))
			for i, s := range slots {
				out[i] = "NULL"
				if s != nil {
					out[i] = strings.TrimSpace(pr.text(s))
				}
			}
			return "make_interval_bigquery(" + strings.Join(out, ", ") + ")" + pr.carry(c, args...)
		}
	case (n.name == "greatest" || n.name == "least") && len(args) > 0 && t.commonType(args) == TypeInterval:
		t.pr.setTok(n.tok, "interval_"+n.name)
	case (n.name == "min" || n.name == "max" || n.name == "avg" || n.name == "sum") && len(args) == 1 && !n.flag && t.intervalOf(args[0]):
		t.pr.setTok(n.tok, "interval_"+n.name)
	default:
		return false
	}
	return true
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// smallerPart is the next smaller datetime part of an INTERVAL and how many
// of it make one: a fraction of a part is a whole number of a smaller one.
var smallerPart = map[string]struct {
	part string
	per  float64
}{
	"year": {"month", 12}, "quarter": {"month", 3}, "week": {"day", 7}, "day": {"hour", 24}, "hour": {"minute", 60},
	"minute": {"second", 60}, "second": {"millisecond", 1000}, "millisecond": {"microsecond", 1000},
}

// refuseFractionalInterval refuses BigQuery's INTERVAL 1.5 DAY, as
// BigQuery does (a single part takes an INT64), naming the whole number of
// a smaller part to write. It tells whether n was refused.
func (t *translator) refuseFractionalInterval(n *node) bool {
	if t.d != BigQuery || n.tok < 0 || n.tok2 >= 0 {
		return false
	}
	x, sign := n.x, ""
	if x.kind == nUnary && x.name == "-" {
		x, sign = x.x, "-"
	}
	if x.kind != nLit {
		return false
	}
	text := t.toks[skipSpace(t.toks, x.start)].text
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || v == math.Trunc(v) {
		return false
	}
	part := t.toks[n.tok].lower
	instead := ""
	for p, w := part, v; instead == "" && smallerPart[p].part != ""; {
		w, p = w*smallerPart[p].per, smallerPart[p].part
		if r := math.Round(w); math.Abs(w-r) < 1e-9 {
			instead = ", such as INTERVAL " + sign + strconv.FormatFloat(r, 'f', -1, 64) + " " + strings.ToUpper(p)
		}
	}
	t.refuse(n.start, refIntervalFraction, sign+text, strings.ToUpper(part), instead)
	return true
}
