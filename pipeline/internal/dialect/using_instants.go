package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// Snowflake's a JOIN b USING (ts) of TIMESTAMP_TZ values matches one
// instant written in two offsets, as = does; SQLite's USING compares the
// text. Such a join is written as ON "a".ts-key = "b".ts-key, the way an
// ASOF join's USING is (asof_join.go): its USING columns are given once,
// the left side's (COALESCE of both in a RIGHT or FULL JOIN, as SQLite
// gives them), to names without a relation (asofUsingName) and to *
// (starColumns). A column the static types know only as an instant may be
// a TIMESTAMP_LTZ, whose UTC text compares as its instant does, so it goes
// by instant_key too; a join whose columns' types are not known, or whose
// left side cannot be named, compares the text as before.

// instantUsing tells whether the join bringing in b, among rels, is a
// Snowflake USING join rewritten to compare instants: a column of its
// USING is known to be a Snowflake instant on one side and a timestamp on
// the other.
func (t *translator) instantUsing(rels []*node, b *fromInfo) bool {
	if t.d != Snowflake || b.joinUsing == nil || strings.Contains(b.joinKind, "asof") ||
		strings.Contains(b.joinKind, "natural") || b.aliasOrName() == "" {
		return false
	}
	if done, ok := t.usingInstants[b]; ok {
		return done
	}
	t.usingInstants[b] = false // while typing: a CTE naming itself
	found := false
	for _, c := range b.joinUsing.list {
		l, r, ok := t.usingTypes(rels, b, c.name)
		if !ok {
			return false
		}
		if (l == sqlfunc.KindInstant || r == sqlfunc.KindInstant) && isTimestampKind(l) && isTimestampKind(r) {
			found = true
		}
	}
	t.usingInstants[b] = found
	return found
}

// usingTypes are the static types of column col of the USING of b on its
// left and right sides; ok is false when the left side is not known.
func (t *translator) usingTypes(rels []*node, b *fromInfo, col string) (l, r string, ok bool) {
	name, problem := t.usingLeft(rels, b, col)
	if problem != "" {
		return "", "", false
	}
	sc := t.scopeOf(b)
	if sc == nil {
		// the FROM list is rewritten before its select's scope holds
		// it: the CTEs it names are seen from the current scope
		sc = t.sc
	}
	var left *fromInfo
	for _, r := range rels {
		if r.from.aliasOrName() == name && r.from != b {
			left = r.from
		}
	}
	if left == nil {
		return "", "", false
	}
	lcols, _ := t.relTypes(left, sc)
	rcols, _ := t.relTypes(b, sc)
	return typeNamed(lcols, col), typeNamed(rcols, col), true
}

func isTimestampKind(k string) bool {
	return k == sqlfunc.KindInstant || k == sqlfunc.KindWallClock
}

// typeNamed is the static type of column name of cols, "" when unknown.
func typeNamed(cols []colType, name string) string {
	for _, c := range cols {
		if strings.EqualFold(c.name, name) {
			return c.typ
		}
	}
	return ""
}

// rewriteInstantUsing writes the USING of the join bringing in b as ON,
// comparing its timestamp columns by instant_key and the others with =.
func (t *translator) rewriteInstantUsing(b *node, rels []*node) {
	fi := b.from
	if t.d == Snowflake && strings.HasPrefix(fi.joinKind, "natural") {
		t.naturalInstants(b, rels)
		return
	}
	if !t.instantUsing(rels, fi) {
		return
	}
	using := fi.joinUsing
	right := quoteIdent(fi.aliasOrName())
	var conds []string
	for _, c := range using.list {
		left, _ := t.usingLeft(rels, fi, c.name)
		col := t.toks[c.tok].text
		l, r := quoteIdent(left)+"."+col, right+"."+col
		if l0, r0, _ := t.usingTypes(rels, fi, c.name); isTimestampKind(l0) && isTimestampKind(r0) {
			l, r = "instant_key("+l+")", "instant_key("+r+")"
		}
		conds = append(conds, l+" = "+r)
	}
	for i := using.start - 1; i > b.end-1 && i >= 0; i-- {
		if t.toks[i].kind == kWord && t.toks[i].lower == "using" {
			t.pr.setTok(i, "ON")
			break
		}
	}
	cond := strings.Join(conds, " AND ")
	using.print = func(pr *printer, n *node) string { return "(" + cond + ")" + pr.carry(n) }
}

// usingOnce tells whether the USING columns of the join bringing in b,
// among rels, are given once by the translator rather than by SQLite: an
// ASOF join's, a USING compared by instant.
func (t *translator) usingOnce(rels []*node, b *fromInfo) bool {
	return strings.HasPrefix(b.joinKind, "asof") && b.joinUsing != nil || t.instantUsing(rels, b)
}

// usingLeft is the relation before the USING join bringing in b whose
// column col the join compares with (asofLeft); beyond an ASOF join, when
// several relations before it hold col, the first of them, which the
// [LEFT] JOIN ... USING naming col of each other one merged it with, as in
// a JOIN b USING (ts) JOIN c USING (ts).
func (t *translator) usingLeft(rels []*node, b *fromInfo, col string) (rel, problem string) {
	rel, problem = t.asofLeft(rels, b, col)
	if problem == "" || strings.HasPrefix(b.joinKind, "asof") {
		return rel, problem
	}
	var holding []*fromInfo
	for _, r := range rels {
		if r.from == b {
			break
		}
		if r.from.hidden() {
			continue
		}
		cols, err := t.relColumns(r.from, t.sc)
		if err != nil {
			return "", problem
		}
		if containsFold(cols, col) {
			holding = append(holding, r.from)
		}
	}
	if len(holding) < 2 || holding[0].aliasOrName() == "" {
		return "", problem
	}
	for _, f := range holding[1:] {
		if f.joinUsing == nil || strings.Contains(f.joinKind, "right") || strings.Contains(f.joinKind, "full") || !usingNames(f, col) {
			return "", problem
		}
	}
	return holding[0].aliasOrName(), ""
}

// usingNames tells whether the USING of f names col.
func usingNames(f *fromInfo, col string) bool {
	for _, c := range f.joinUsing.list {
		if strings.EqualFold(c.name, col) {
			return true
		}
	}
	return false
}
