package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// BigQuery's CAST(x AS STRING FORMAT 'YYYY-MM-DD' [AT TIME ZONE zone]) of a
// DATE, DATETIME, TIMESTAMP or TIME runs as cast_format_bigquery(x, format,
// type[, zone]) (pipeline/internal/sqlfunc/cast_format.go), and CAST(s AS
// DATE | DATETIME | TIMESTAMP | TIME FORMAT '...') of a string as cast_parse_bigquery(s, format, type,
// now[, zone]) (cast_parse.go), now giving the current year and month a
// format may leave to it; SAFE_CAST gives NULL where they fail. A format written as a literal is checked here, so
// that an element that cannot be matched is refused at its place.

// castParseNow is the current time cast_parse_bigquery reads.
const castParseNow = "strftime('%Y-%m-%d %H:%M:%S', 'now')"

// bigQueryTimes are BigQuery's functions that return a TIME.
var bigQueryTimes = map[string]bool{"time": true, "parse_time": true, "time_add": true, "time_sub": true, "time_trunc": true, "current_time": true}

// bigQueryTime tells whether n is known as a BigQuery TIME: a TIME
// literal, a cast to TIME or a function that returns one.
func (t *translator) bigQueryTime(n *node) bool {
	for n != nil && n.kind == nParen {
		n = n.x
	}
	switch {
	case t.d != BigQuery || n == nil:
		return false
	case n.kind == nTyped:
		return n.name == "time"
	case n.kind == nCast:
		typ, prob := typeOf(t.toks, n.y.start, n.y.end, castWord(n), n.tok)
		return prob == nil && typ.name == "time"
	case n.kind == nCall:
		return len(n.parts) <= 1 && bigQueryTimes[n.name]
	}
	return false
}

// castFormatKinds are the static types whose values format, by the name
// BigQuery gives them.
var castFormatKinds = map[string]string{TypeDate: "DATE", sqlfunc.KindInstant: "TIMESTAMP", sqlfunc.KindWallClock: "DATETIME"}

// rewriteCastFormat writes cast n, which has a FORMAT clause.
func (t *translator) rewriteCastFormat(n *node) {
	target := strings.ToUpper(strings.TrimSpace(joinRaw(t.toks[n.y.start:n.y.end])))
	fn, check := "cast_format_bigquery", sqlfunc.CheckCastFormat
	kind := castFormatKinds[t.staticType(n.x)]
	if kind == "" && t.bigQueryTime(n.x) {
		kind = "TIME"
	}
	switch {
	case target == "STRING" && kind == "" && n.z.kind == nString && len(n.list) == 0 && sqlfunc.CheckNumberFormat(stringValue(t.d, t.toks[n.z.tok].text)) == nil:
		// digits, point, separators: a number's format, which no date's is
		x, f := n.x, n.z
		fn := "cast_number_format_bigquery"
		n.print = func(pr *printer, c *node) string {
			s := pr.text(x) + ", " + pr.text(f)
			if n.name == "safe_cast" {
				return "safe_call(" + s + ", " + sqlString(fn) + ")" + pr.carry(c, x, f)
			}
			return fn + "(" + s + ")" + pr.carry(c, x, f)
		}
		return
	case target == "STRING" && kind == "" && n.z.kind == nString && t.numberType(n.x) != "":
		// a known number with a format that is no number's
		t.refuse(n.z.start, refCastNumberFormat, sqlfunc.CheckNumberFormat(stringValue(t.d, t.toks[n.z.tok].text)).Error())
		return
	case target == "STRING" && kind == "":
		t.refuse(n.z.start, refCastFormat, "CAST(x AS STRING FORMAT ...) of a value not known as a DATE, DATETIME, TIMESTAMP or TIME, with a format that is not a number's (9 0 . D V , G S MI PR $ L C EEEE B FM X RN)")
		return
	case target == "DATE" || target == "DATETIME" || target == "TIMESTAMP" || target == "TIME":
		// a string read with the format
		if kind != "" {
			t.refuse(n.z.start, refCastFormat, "CAST(x AS "+target+" FORMAT ...) of a "+kind+" (BigQuery reads a STRING)")
			return
		}
		fn, check, kind = "cast_parse_bigquery", sqlfunc.CheckCastParse, target
	case target != "STRING":
		t.refuse(n.z.start, refCastFormat, "CAST(x AS "+target+" FORMAT ...)")
		return
	}
	var zone *node
	if len(n.list) == 1 {
		zone = n.list[0]
		if kind != "TIMESTAMP" {
			t.refuse(zone.start, refCastFormat, "AT TIME ZONE in CAST ... FORMAT of a "+kind)
			return
		}
	}
	if f := n.z; f.kind == nString {
		if err := check(stringValue(t.d, t.toks[f.tok].text), kind); err != nil {
			t.refuse(f.start, refCastFormatElement, err.Error())
			return
		}
	}
	x, f := n.x, n.z
	n.print = func(pr *printer, c *node) string {
		s := pr.text(x) + ", " + pr.text(f) + ", " + sqlString(kind)
		if fn == "cast_parse_bigquery" {
			s += ", " + castParseNow
		}
		if zone != nil {
			s += ", " + pr.text(zone)
		}
		if n.name == "safe_cast" {
			return "safe_call(" + s + ", " + sqlString(fn) + ")" + pr.carry(c, x, f, zone)
		}
		return fn + "(" + s + ")" + pr.carry(c, x, f, zone)
	}
}
