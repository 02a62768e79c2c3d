package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/sqlfunc"
)

// piece is a token of the output. For a ')' match is the index of its '('
// in the output, so an operand can be found walking backwards in O(1) per
// parenthesised group.
type piece struct {
	token
	match int
}

// frame is an open parenthesis: where it is in the output, and for
// cast(...), safe_cast(...) and try_cast(...) the index of the function
// name, which AS date or AS json turns into date(...) or json(...).
type frame struct {
	open int
	cast int // index of the cast name in the output, or -1
}

type translator struct {
	dialect Dialect
	toks    []token
	out     []piece
	frames  []frame
}

// Translate rewrites sql written for BigQuery, Snowflake or DuckDB into
// SQLite, making the rewrites listed in [Translations], and refuses the
// constructs listed in [Refusals] with a *diag.Diagnostic whose Line is the
// 1-based line of the construct in sql and whose File is left for the
// caller. String literals, quoted identifiers and comments are never
// changed, and every line break is kept, so line numbers of the output match
// the input.
func Translate(sql string) (string, error) { return TranslateFor(SQLite, sql) }

// TranslateFor translates sql written for d into SQLite: as [Translate],
// and a call of a function d has and SQLite lacks calls the function of
// package sqlfunc that computes it with d's meaning.
func TranslateFor(d Dialect, sql string) (string, error) {
	toks, err := lex(sql)
	if err != nil {
		return "", err
	}
	t := &translator{dialect: d, toks: toks, out: make([]piece, 0, len(toks))}
	for i := 0; i < len(toks); {
		next, err := t.step(i)
		if err != nil {
			return "", err
		}
		i = next
	}
	var b strings.Builder
	b.Grow(len(sql) + len(sql)/8)
	for _, p := range t.out {
		b.WriteString(p.text)
	}
	return b.String(), nil
}

// emit appends tok to the output.
func (t *translator) emit(tok token) {
	t.out = append(t.out, piece{token: tok, match: -1})
}

// emitText appends a rewritten word in place of tok.
func (t *translator) emitText(tok token, text string) {
	tok.text = text
	tok.lower = strings.ToLower(text)
	t.emit(tok)
}

// nextSig returns the next token after i that is not a space or comment.
func (t *translator) nextSig(i int) (token, int) {
	j := skipSpace(t.toks, i+1)
	if j < len(t.toks) {
		return t.toks[j], j
	}
	return token{kind: kSpace}, j
}

// prevSig returns the last output piece that is not a space or comment.
func (t *translator) prevSig() (piece, int) {
	for j := len(t.out) - 1; j >= 0; j-- {
		if k := t.out[j].kind; k != kSpace && k != kComment {
			return t.out[j], j
		}
	}
	return piece{}, -1
}

// step handles toks[i] and returns the index of the next token to handle.
func (t *translator) step(i int) (int, error) {
	tok := t.toks[i]
	switch tok.kind {
	case kOpen:
		f := frame{open: len(t.out), cast: -1}
		if p, j := t.prevSig(); j >= 0 && p.kind == kWord && p.lower == "cast" {
			f.cast = j
		}
		t.frames = append(t.frames, f)
		t.emit(tok)
	case kClose:
		t.out = append(t.out, piece{token: tok, match: -1})
		if n := len(t.frames); n > 0 {
			t.out[len(t.out)-1].match = t.frames[n-1].open
			t.frames = t.frames[:n-1]
		}
	case kCast:
		return t.castOperator(i)
	case kWord:
		return t.word(i)
	default:
		t.emit(tok)
	}
	return i + 1, nil
}

// word handles a keyword or identifier.
func (t *translator) word(i int) (int, error) {
	tok := t.toks[i]
	next, ni := t.nextSig(i)
	call := next.kind == kOpen
	if prev, _ := t.prevSig(); prev.kind == kDot {
		// A qualified name (t.pivot, s.unnest) is a column or table.
		t.emit(tok)
		return i + 1, nil
	}
	switch tok.lower {
	case "cast", "safe_cast", "try_cast":
		if call {
			t.emitText(tok, "CAST")
			if tok.lower == "cast" {
				t.out[len(t.out)-1].text = tok.text
			}
			return i + 1, nil
		}
	case "as":
		if n := len(t.frames); n > 0 && t.frames[n-1].cast >= 0 {
			return t.castAs(i)
		}
	case "current_timestamp", "current_date", "current_time", "now":
		if tok.lower == "now" && !call {
			break
		}
		end := i + 1
		if call {
			if after, ai := t.nextSig(ni); after.kind == kClose {
				end = ai + 1
			} else {
				break // current_date(x) and the like are not these functions
			}
		}
		to := timestampNow
		switch tok.lower {
		case "current_date":
			to = "date('now')"
		case "current_time":
			to = "strftime('%H:%M:%S', 'now')"
		}
		t.emitText(tok, to)
		t.carryFrom(t.toks[i+1 : end])
		return end, nil
	case "ilike":
		if tok.text == "ILIKE" {
			t.emitText(tok, "LIKE")
		} else {
			t.emitText(tok, "like")
		}
		return i + 1, nil
	case "qualify":
		return 0, refuse(refQualify, tok.line)
	case "except", "replace":
		if prev, _ := t.prevSig(); prev.text == "*" && call {
			if tok.lower == "except" {
				return 0, refuse(refExcept, tok.line)
			}
			return 0, refuse(refReplace, tok.line)
		}
	case "lateral":
		if next.lower == "flatten" {
			return 0, refuse(refFlatten, tok.line)
		}
	case "flatten":
		if call {
			return 0, refuse(refFlatten, tok.line)
		}
	case "unnest":
		if call {
			return 0, refuse(refUnnest, tok.line)
		}
	case "struct":
		if call || next.text == "<" {
			return 0, refuse(refStruct, tok.line)
		}
	case "array_agg":
		if call {
			return 0, refuse(refArrayAgg, tok.line)
		}
	case "date_trunc":
		if call {
			return 0, refuse(refDateTrunc, tok.line)
		}
	case "timestamp_diff", "datediff", "date_diff", "datetime_diff", "timestampdiff":
		if call {
			return 0, refuse(refDateDiff, tok.line, strings.ToUpper(tok.text))
		}
	case "pivot":
		if call {
			return 0, refuse(refPivot, tok.line)
		}
	case "unpivot":
		if call {
			return 0, refuse(refUnpivot, tok.line)
		}
	case "merge":
		if next.lower == "into" {
			return 0, refuse(refMerge, tok.line)
		}
	}
	if call {
		if to, ok := sqlfunc.Rename(string(t.dialect), tok.lower); ok {
			t.emitText(tok, to)
			return i + 1, nil
		}
	}
	t.emit(tok)
	return i + 1, nil
}

// castAs rewrites the type after AS inside cast(...): to a SQLite type, or,
// for date and json, the whole call into date(x) or json(x).
func (t *translator) castAs(i int) (int, error) {
	tok := t.toks[i]
	typ, end, err := parseType(t.toks, i+1, "AS", tok.line)
	if err != nil {
		return 0, err
	}
	var carried strings.Builder
	for _, tk := range t.toks[i+1 : end] {
		carry(&carried, tk)
	}
	breaks := carried.String()
	if typ.fn != "" {
		f := t.frames[len(t.frames)-1]
		t.out[f.cast].text = typ.fn
		t.trimSpace()
		if breaks != "" {
			t.emit(token{kind: kSpace, text: breaks, line: tok.line})
		}
		return end, nil
	}
	t.emit(tok)
	// One space, then the type; line breaks within the old type go after it.
	t.emit(token{kind: kSpace, text: " ", line: tok.line})
	t.emit(token{kind: kWord, text: typ.affinity, line: tok.line})
	if breaks != "" {
		t.emit(token{kind: kSpace, text: breaks, line: tok.line})
	}
	return end, nil
}

// trimSpace drops trailing spaces from the output, keeping their line
// breaks.
func (t *translator) trimSpace() {
	n := len(t.out)
	for n > 0 && t.out[n-1].kind == kSpace {
		n--
	}
	var breaks strings.Builder
	for _, p := range t.out[n:] {
		carry(&breaks, p.token)
	}
	t.out = t.out[:n]
	if breaks.Len() > 0 {
		t.emit(token{kind: kSpace, text: breaks.String()})
	}
}

// carryFrom emits the comments and line breaks of dropped tokens.
func (t *translator) carryFrom(toks []token) {
	var b strings.Builder
	for _, tk := range toks {
		carry(&b, tk)
	}
	if b.Len() > 0 {
		t.emit(token{kind: kSpace, text: b.String(), line: toks[0].line})
	}
}
