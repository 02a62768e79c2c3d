package dialect

import (
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// rangeFrame refuses a RANGE frame with an offset over a date, a timestamp
// or an interval (RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW):
// SQLite's RANGE offsets are numbers added to the ORDER BY value, which
// here is timestamp text or its instant_key(), so the frame would hold
// other rows than the warehouse's. RANGE without an offset (UNBOUNDED,
// CURRENT ROW) runs as it is.
func (t *translator) rangeFrame(spec *node) {
	if t.d == SQLite {
		return
	}
	t.namedWindowOnly(spec)
	for _, k := range spec.kids {
		if k.kind != nSoup || k.start >= k.end || t.toks[k.start].lower != "range" {
			continue
		}
		offset, interval, prev := false, false, ""
		for i := k.start; i < k.end; i++ {
			if t.toks[i].kind == kSpace || t.toks[i].kind == kComment {
				continue
			}
			switch t.toks[i].lower {
			case "interval":
				interval = true
			case "preceding", "following":
				offset = offset || prev != "unbounded"
			}
			prev = t.toks[i].lower
		}
		timed := false
		if len(spec.list) > 0 && spec.list[0].x != nil {
			switch t.staticType(spec.list[0].x) {
			case sqlfunc.KindInstant, sqlfunc.KindWallClock, TypeDate, TypeInterval:
				timed = true
			}
		}
		if offset && timed && t.epochRange(spec, k) {
			continue
		}
		if offset && (interval || timed) {
			t.refuse(k.start, refRangeFrame)
		}
	}
}

// namedWindowOnly writes OVER (w), a named window alone, as OVER w: SQLite
// reads the parentheses as a new window copying w, which it refuses when w
// has a frame (BigQuery and DuckDB take both as w itself).
func (t *translator) namedWindowOnly(spec *node) {
	var toks []int
	for i := spec.start; i < spec.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			toks = append(toks, i)
		}
	}
	if len(toks) == 3 && t.toks[toks[0]].text == "(" && t.toks[toks[1]].kind == kWord && t.toks[toks[2]].text == ")" {
		if toks[0] > 0 && t.toks[toks[0]-1].kind == kSpace {
			t.pr.dropTok(toks[0])
		} else {
			t.pr.setTok(toks[0], " ")
		}
		t.pr.dropTok(toks[2])
	}
}

// fixedUnits are the seconds of the INTERVAL units of one length: a month
// or a year has none.
var fixedUnits = map[string]float64{"week": 604800, "day": 86400, "hour": 3600, "minute": 60, "second": 1}

// epochRange writes DuckDB's RANGE frame over one date or timestamp whose
// offsets are INTERVALs of fixed units (RANGE BETWEEN INTERVAL 1 DAY
// PRECEDING AND CURRENT ROW) as a RANGE over its epoch seconds, the
// offsets in seconds: the rows DuckDB's frame holds, ts - 1 day to ts. It
// reports false, changing nothing, for any other frame.
func (t *translator) epochRange(spec, frame *node) bool {
	if t.d != DuckDB || len(spec.list) != 1 || spec.list[0].kind != nOrder || spec.list[0].x == nil {
		return false
	}
	if k := t.staticType(spec.list[0].x); k != sqlfunc.KindInstant && k != sqlfunc.KindWallClock && k != TypeDate {
		return false
	}
	var toks []int
	for i := frame.start; i < frame.end; i++ {
		if k := t.toks[i].kind; k != kSpace && k != kComment {
			toks = append(toks, i)
		}
	}
	type offset struct {
		from, to int // toks[from:to] is the INTERVAL
		seconds  float64
	}
	var offsets []offset
	for i := 0; i < len(toks); i++ {
		w := t.toks[toks[i]].lower
		if w == "preceding" || w == "following" {
			if t.toks[toks[i-1]].lower != "unbounded" {
				return false // a bound not an INTERVAL (a number)
			}
			continue
		}
		if w != "interval" {
			continue
		}
		j := i + 1
		var amount, unit string
		if j < len(toks) && t.toks[toks[j]].kind == kString {
			amount, unit, _ = strings.Cut(strings.TrimSpace(stringValue(t.d, t.toks[toks[j]].text)), " ")
			j++
		} else if j < len(toks) && t.toks[toks[j]].kind == kNumber {
			amount = t.toks[toks[j]].text
			j++
		}
		if unit == "" && j < len(toks) && t.toks[toks[j]].kind == kWord {
			unit = t.toks[toks[j]].lower
			j++
		}
		per, ok := fixedUnits[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(unit)), "s")]
		n, err := strconv.ParseFloat(amount, 64)
		if !ok || err != nil || n < 0 || j >= len(toks) || (t.toks[toks[j]].lower != "preceding" && t.toks[toks[j]].lower != "following") {
			return false
		}
		offsets = append(offsets, offset{i, j, n * per})
		i = j
	}
	if len(offsets) == 0 {
		return false
	}
	// the frame written anew, each INTERVAL as its seconds: its words
	// would otherwise be read as an expression (RANGE BETWEEN a AND b)
	var words []string
	for i := 0; i < len(toks); i++ {
		if len(offsets) > 0 && i == offsets[0].from {
			words = append(words, strconv.FormatFloat(offsets[0].seconds, 'f', -1, 64))
			i = offsets[0].to - 1
			offsets = offsets[1:]
			continue
		}
		words = append(words, t.toks[toks[i]].text)
	}
	frame.print = printAs(strings.Join(words, " "))
	o := spec.list[0]
	t.epochOrder[o] = true
	x := o.x
	if strings.HasPrefix(x.pre, "instant_key(") {
		// ordered by instant before this frame was read
		x.pre, x.post = strings.TrimPrefix(x.pre, "instant_key("), strings.TrimSuffix(x.post, ")")
	}
	x.pre = "epoch_seconds_real(" + x.pre
	x.post += ")"
	return true
}
