package dialect

import "strings"

// printer writes the tree back as SQLite. A node without a rewrite prints
// as its tokens (edited tokens replaced) with each kid printed in its place;
// a rewritten node prints its own text followed by the line breaks and
// comments of the tokens it dropped, so every line keeps its number.
type printer struct {
	d      Dialect
	toks   []token
	edit   []string
	edited []bool
	// flat > 0 prints on one line, without comments: for text a rewrite
	// moves elsewhere, where a line comment would swallow what follows.
	flat int
	// expanding holds the select aliases being printed in place of a name
	// in QUALIFY, so that an alias whose expression names it stops there.
	expanding map[*node]bool
	// variantText holds the VARIANT values (v:a, v['a'], v[0]) joined as
	// text, whose boolean is written true or false (variantBooleanText)
	variantText map[*node]bool
}

func newPrinter(d Dialect, toks []token) *printer {
	return &printer{d: d, toks: toks, edit: make([]string, len(toks)), edited: make([]bool, len(toks)), expanding: map[*node]bool{}, variantText: map[*node]bool{}}
}

// setTok replaces the text of token i.
func (pr *printer) setTok(i int, text string) {
	if i >= 0 && i < len(pr.toks) {
		if pr.toks[i].kind == kQuoted && i > 0 && text != "" && identByte(text[0]) {
			// a quoted name written against the word before it
			// (from"db"."main"."t", as {{ ref() }} prints after from):
			// unquoted, it would run into that word
			if prev := pr.tokText(i - 1); prev != "" && identByte(prev[len(prev)-1]) {
				text = " " + text
			}
		}
		pr.edit[i], pr.edited[i] = text, true
	}
}

// identByte tells whether c can be part of an unquoted SQL word.
func identByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// dropTok removes token i, keeping its line breaks.
func (pr *printer) dropTok(i int) { pr.setTok(i, breaks(pr.toks[i].text)) }

func (pr *printer) tokText(i int) string {
	if pr.flat > 0 && (pr.toks[i].kind == kSpace || pr.toks[i].kind == kComment) {
		return " "
	}
	if pr.edited[i] {
		if pr.flat > 0 {
			return strings.ReplaceAll(pr.edit[i], "\n", " ")
		}
		return pr.edit[i]
	}
	return pr.toks[i].text
}

// text prints n.
func (pr *printer) text(n *node) string {
	var b strings.Builder
	pr.write(&b, n)
	return b.String()
}

func (pr *printer) write(b *strings.Builder, n *node) {
	b.WriteString(n.pre)
	if n.print != nil {
		s := n.print(pr, n)
		if args, ok := extractArgs(strings.TrimSpace(s)); ok && pr.variantText[n] {
			s = variantBooleanText(args, s)
		}
		b.WriteString(s)
	} else {
		pr.writeKids(b, n)
	}
	b.WriteString(n.post)
}

// plain prints n as written, ignoring its own rewrite but not its kids'.
func (pr *printer) plain(n *node) string {
	var b strings.Builder
	pr.writeKids(&b, n)
	return b.String()
}

func (pr *printer) writeKids(b *strings.Builder, n *node) {
	i := n.start
	for _, k := range n.kids {
		for ; i < k.start; i++ {
			b.WriteString(pr.tokText(i))
		}
		pr.write(b, k)
		if k.end > i {
			i = k.end
		}
	}
	for ; i < n.end; i++ {
		b.WriteString(pr.tokText(i))
	}
}

// span prints the tokens [from, to) of parent n, printing the kids that
// lie inside.
func (pr *printer) span(n *node, from, to int) string {
	var b strings.Builder
	i := from
	for _, k := range n.kids {
		if k.end <= from || k.start >= to {
			continue
		}
		for ; i < k.start; i++ {
			b.WriteString(pr.tokText(i))
		}
		pr.write(&b, k)
		i = k.end
	}
	for ; i < to; i++ {
		b.WriteString(pr.tokText(i))
	}
	return b.String()
}

// carry gives the line breaks and comments of the tokens of n outside the
// used nodes, for a rewrite that prints only those nodes.
func (pr *printer) carry(n *node, used ...*node) string {
	return pr.carryLess(n, 0, used...)
}

// carryLess is carry without the first drop line breaks outside comments:
// those a rewrite's own text already holds, such as a quoted name's.
func (pr *printer) carryLess(n *node, drop int, used ...*node) string {
	if pr.flat > 0 {
		return ""
	}
	var b strings.Builder
	for i := n.start; i < n.end; i++ {
		skip := false
		for _, u := range used {
			if u != nil && u.start <= i && i < u.end {
				i = u.end - 1
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		t := pr.toks[i]
		if t.kind == kComment {
			b.WriteString(" ")
			b.WriteString(t.text)
			continue
		}
		k := strings.Count(t.text, "\n")
		d := min(k, drop)
		drop -= d
		b.WriteString(strings.Repeat("\n", k-d))
	}
	return b.String()
}

// breaks is the line breaks of s.
func breaks(s string) string {
	n := strings.Count(s, "\n")
	if n == 0 {
		return ""
	}
	return strings.Repeat("\n", n)
}

// sqliteKeywords are words SQLite will not read as a bare name (AS index
// is a syntax error), beyond the parser's reserved words: a name the
// translator writes, such as FLATTEN's index, is quoted.
var sqliteKeywords = map[string]bool{
	"index": true, "table": true, "default": true, "check": true, "constraint": true, "primary": true,
	"references": true, "foreign": true, "unique": true, "create": true, "drop": true, "insert": true,
	"update": true, "delete": true, "exists": true, "null": true, "transaction": true, "trigger": true,
	"view": true, "add": true, "alter": true, "autoincrement": true, "commit": true, "deferrable": true,
	"else": true, "limit": true, "notnull": true, "to": true, "where": true, "nothing": true, "raise": true,
}

// sqliteClauseWords are words that begin a clause in SQLite and so name
// no column there bare, while a warehouse may take them as names
// (BigQuery's select values from t).
var sqliteClauseWords = map[string]bool{"values": true, "returning": true}

// quoteKeyword quotes token i, a bare name the warehouse takes, when SQLite
// reads it as a keyword: AS references, t.index.
func (t *translator) quoteKeyword(i int) {
	if tk := t.toks[i]; t.d != SQLite && tk.kind == kWord && (sqliteKeywords[tk.lower] || sqliteClauseWords[tk.lower]) && tk.lower != "null" && !t.pr.edited[i] {
		t.pr.setTok(i, `"`+tk.text+`"`)
	}
}

// quoteIdent quotes a name for SQLite when it is not a plain identifier.
func quoteIdent(name string) string {
	plain := name != ""
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(isWordPart(c) && c != '$') || i == 0 && isDigit(c) {
			plain = false
			break
		}
	}
	if lower := strings.ToLower(name); plain && !reserved[lower] && !sqliteKeywords[lower] && !sqliteClauseWords[lower] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
