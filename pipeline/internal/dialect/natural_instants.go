package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Snowflake's a NATURAL JOIN b compares the columns a and b share with =,
// so TIMESTAMP_TZ values match by instant, as in JOIN ... USING. Where a
// shared column is known to be an instant on one side and a timestamp on
// the other, the join is written as JOIN b USING (the shared columns),
// which NATURAL JOIN is, and translated again: USING then compares the
// instants (using_instants.go). Joins whose columns are not all known keep
// SQLite's NATURAL JOIN, which compares the text.

type naturalJoin struct {
	natural, last int // token indexes: NATURAL, the joined relation's last
	columns       []string
}

// naturalInstants records the NATURAL JOIN bringing in b, among rels, to
// be written as USING when a shared column compares instants.
func (t *translator) naturalInstants(b *node, rels []*node) {
	fi := b.from
	if fi.joinTok < 0 || fi.joinTok >= len(t.toks) || t.toks[fi.joinTok].lower != "natural" {
		return
	}
	sc := t.scopeOf(fi)
	if sc == nil {
		sc = t.sc
	}
	right, err := t.relColumns(fi, sc)
	if err != nil {
		return
	}
	rtypes, _ := t.relTypes(fi, sc)
	var shared []string
	instant := false
	for _, r := range rels {
		if r.from == fi {
			break
		}
		if r.from.hidden() {
			continue
		}
		left, err := t.relColumns(r.from, sc)
		if err != nil {
			return
		}
		ltypes, _ := t.relTypes(r.from, sc)
		for _, c := range left {
			if !containsFold(right, c) || containsFold(shared, c) {
				continue
			}
			shared = append(shared, c)
			l, r := typeNamed(ltypes, c), typeNamed(rtypes, c)
			if (l == sqlfunc.KindInstant || r == sqlfunc.KindInstant) && isTimestampKind(l) && isTimestampKind(r) {
				instant = true
			}
		}
	}
	if instant {
		t.naturals = append(t.naturals, naturalJoin{natural: fi.joinTok, last: b.end - 1, columns: shared})
	}
}

// naturalsAsUsing is the SQL with each recorded NATURAL JOIN written as
// JOIN ... USING (its shared columns).
func (t *translator) naturalsAsUsing() string {
	drop, after := map[int]bool{}, map[int]string{}
	for _, n := range t.naturals {
		drop[n.natural] = true
		if n.natural+1 < len(t.toks) && t.toks[n.natural+1].kind == kSpace {
			drop[n.natural+1] = true
		}
		cols := make([]string, len(n.columns))
		for i, c := range n.columns {
			cols[i] = c
			if !plainName(c) {
				cols[i] = quoteIdent(c)
			}
		}
		after[n.last] += " USING (" + strings.Join(cols, ", ") + ")"
	}
	var b strings.Builder
	for i, tok := range t.toks {
		if !drop[i] {
			b.WriteString(tok.text)
		}
		b.WriteString(after[i])
	}
	return b.String()
}

// plainName tells whether a column's name reads the same unquoted.
func plainName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}
