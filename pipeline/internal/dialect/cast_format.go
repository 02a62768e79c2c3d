package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// BigQuery's CAST(x AS STRING FORMAT 'YYYY-MM-DD' [AT TIME ZONE zone]) of a
// DATE, DATETIME or TIMESTAMP runs as cast_format_bigquery(x, format,
// type[, zone]) (pipeline/internal/sqlfunc/cast_format.go); SAFE_CAST gives
// NULL where it fails. A format written as a literal is checked here, so
// that an element that cannot be matched is refused at its place.

// castFormatKinds are the static types whose values format, by the name
// BigQuery gives them.
var castFormatKinds = map[string]string{TypeDate: "DATE", sqlfunc.KindInstant: "TIMESTAMP", sqlfunc.KindWallClock: "DATETIME"}

// rewriteCastFormat writes cast n, which has a FORMAT clause.
func (t *translator) rewriteCastFormat(n *node) {
	target := strings.ToLower(strings.TrimSpace(joinRaw(t.toks[n.y.start:n.y.end])))
	if target != "string" {
		t.refuse(n.z.start, refCastFormat, "CAST(x AS "+strings.ToUpper(target)+" FORMAT ...)")
		return
	}
	kind := castFormatKinds[t.staticType(n.x)]
	if kind == "" {
		t.refuse(n.z.start, refCastFormat, "CAST(x AS STRING FORMAT ...) of a value not known as a DATE, DATETIME or TIMESTAMP")
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
		if err := sqlfunc.CheckCastFormat(stringValue(t.d, t.toks[f.tok].text), kind); err != nil {
			t.refuse(f.start, refCastFormatElement, err.Error())
			return
		}
	}
	x, f := n.x, n.z
	n.print = func(pr *printer, c *node) string {
		s := pr.text(x) + ", " + pr.text(f) + ", " + sqlString(kind)
		if zone != nil {
			s += ", " + pr.text(zone)
		}
		if n.name == "safe_cast" {
			return "safe_call(" + s + ", 'cast_format_bigquery')" + pr.carry(c, x, f, zone)
		}
		return "cast_format_bigquery(" + s + ")" + pr.carry(c, x, f, zone)
	}
}
