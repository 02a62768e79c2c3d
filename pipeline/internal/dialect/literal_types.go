package dialect

import (
	"regexp"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDB reads a string literal beside a timestamp or a date in COALESCE,
// IFNULL, GREATEST, LEAST and the branches of IF and CASE as a value of that type,
// and a DATE beside a timestamp as that timestamp (coalesce(ts, current_date))
// (checked on DuckDB: coalesce(ts, '1900-01-01')::varchar is
// '1900-01-01 00:00:00'): the result keeps the type, and the literal is
// written as the timestamp it names.

// literalTakes tells whether string literal x takes the type typ of
// the values beside it.
func (t *translator) literalTakes(x *node, typ string) bool {
	if t.d != DuckDB || x.kind != nString {
		return false
	}
	s := stringValue(t.d, t.toks[x.tok].text)
	switch typ {
	case sqlfunc.KindInstant, sqlfunc.KindWallClock:
		_, err := sqlfunc.CanonicalTimestamp(s, typ, string(t.d))
		return err == nil
	case TypeDate:
		return isoDate.MatchString(s)
	}
	return false
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// alternativesOf are the arguments of call or CASE n whose values it
// returns, of one common type, where literals may take it.
func alternativesOf(n *node) []*node {
	switch n.kind {
	case nCase:
		return caseBranches(n)
	case nCall:
		if len(n.parts) > 1 {
			return nil
		}
		switch n.name {
		case "coalesce", "ifnull", "greatest", "least":
			return n.list
		case "nvl":
			return n.list
		case "iff":
			if len(n.list) == 3 {
				return n.list[1:]
			}
		case "if":
			if len(n.list) == 3 {
				return n.list[1:]
			}
		}
	}
	return nil
}

// typeLiterals writes the string literals among n's alternatives that
// take the timestamp type of the others as that timestamp.
//
// Snowflake too gives COALESCE, IFNULL, NVL, GREATEST, LEAST, IFF and CASE
// of a DATE and a timestamp the timestamp's type, the date its midnight
// (COALESCE(MAX(load_date), TO_TIMESTAMP('1900-01-01 00:00:00'))).
func (t *translator) typeLiterals(n *node) {
	list := alternativesOf(n)
	if t.d == BigQuery {
		t.bigQueryDates(n, list)
		return
	}
	if t.d != DuckDB && t.d != Snowflake || len(list) == 0 {
		return
	}
	typ := t.commonType(list)
	if typ != sqlfunc.KindInstant && typ != sqlfunc.KindWallClock {
		return // a date literal is already the text of the date
	}
	cast := typ
	if t.d == Snowflake {
		cast = map[string]string{sqlfunc.KindInstant: "TIMESTAMP_TZ", sqlfunc.KindWallClock: "DATETIME"}[typ]
	}
	for _, x := range list {
		if x.kind != nString {
			if t.staticType(x) == TypeDate {
				// a DATE beside a timestamp is that timestamp, at midnight
				x.pre = "cast_to(" + x.pre
				x.post += ", '" + cast + "', '" + string(t.d) + "', " + itoa(t.toks[x.start].line) + ")"
			}
			continue
		}
		if t.d != DuckDB {
			continue
		}
		if c, err := sqlfunc.CanonicalTimestamp(stringValue(t.d, t.toks[x.tok].text), typ, string(t.d)); err == nil {
			x.print = printAs(sqlString(c))
		}
	}
}

// bigQueryDates gives the DATEs among the alternatives of n (COALESCE,
// IFNULL, GREATEST, LEAST, IF, CASE) beside a DATETIME that DATETIME, at
// midnight, as BigQuery coerces a DATE to a DATETIME; and refuses a DATE
// beside a TIMESTAMP, which BigQuery coerces to no common type (its
// error: no matching signature), where SQLite would mix the two.
func (t *translator) bigQueryDates(n *node, list []*node) {
	var dates []*node
	stamp := ""
	for _, x := range list {
		switch typ := t.staticType(x); typ {
		case TypeDate:
			dates = append(dates, x)
		case sqlfunc.KindInstant, sqlfunc.KindWallClock:
			if stamp == "" || typ == sqlfunc.KindInstant {
				stamp = typ
			}
		}
	}
	if len(dates) == 0 || stamp == "" {
		return
	}
	if stamp == sqlfunc.KindInstant {
		t.refuse(n.start, refDateBesideTimestamp)
		return
	}
	for _, x := range dates {
		x.pre = "cast_to(" + x.pre
		x.post += ", 'DATETIME', 'bigquery', " + itoa(t.toks[x.start].line) + ")"
	}
}
