package dialect

import "github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"

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
