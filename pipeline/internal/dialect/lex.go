package dialect

import (
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// kind is the class of a token.
type kind uint8

const (
	kSpace   kind = iota // spaces and line breaks
	kComment             // -- to end of line, # in BigQuery, // in Snowflake, or /* */
	kString              // a string literal in any of the dialect's forms
	kQuoted              // "...", `...` or [...]: a quoted identifier
	kNumber
	kWord  // identifier or keyword
	kOpen  // (
	kClose // )
	kDot   // .
	kPunct // an operator or other punctuation: ::, ->>, ||, <=, ',' ...
)

// token is a slice of the input. lower is the lower-cased text of words.
type token struct {
	kind  kind
	text  string
	lower string
	line  int
	col   int // 1-based byte column of the first character
}

// lex splits sql into tokens that cover it entirely, so joining their texts
// gives sql back. Literals, quoted identifiers and comments are single
// tokens. String and identifier quoting follow dialect d: BigQuery's "..."
// is a string and its strings take backslash escapes, r'...' raw strings
// and ”'...”' triple quotes; Snowflake's '...' takes backslash escapes;
// Snowflake and DuckDB have $$...$$, whose text is as written; [...] is a quoted identifier only in SQLite, elsewhere an array
// bracket.
func lex(d Dialect, sql string) ([]token, error) {
	toks := make([]token, 0, len(sql)/3)
	line, lineStart := 1, 0
	for i := 0; i < len(sql); {
		start, startLine, startCol := i, line, i-lineStart+1
		c := sql[i]
		k := kPunct
		fail := func(msg, hint string) error {
			return &diag.Diagnostic{Severity: diag.Error, Line: startLine, Col: startCol, Message: msg, Hint: hint}
		}
		switch {
		case isSpace(c):
			k = kSpace
			for i < len(sql) && isSpace(sql[i]) {
				i++
			}
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-', c == '#' && d == BigQuery, c == '/' && i+1 < len(sql) && sql[i+1] == '/' && d == Snowflake:
			k = kComment
			if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(sql)
			}
		case c == '/' && i+1 < len(sql) && sql[i+1] == '*':
			k = kComment
			j := strings.Index(sql[i+2:], "*/")
			if j < 0 {
				return nil, fail("unterminated /* comment", "close it with */")
			}
			i += 2 + j + 2
		case c == '\'' || c == '"' && d == BigQuery:
			k = kString
			end, ok := closeString(d, sql, i, false)
			if !ok {
				return nil, fail("unterminated string literal", "close it with '; write '' for a quote inside")
			}
			i = end
		case (c == 'r' || c == 'R' || c == 'b' || c == 'B') && d == BigQuery && stringPrefix(sql, i):
			k = kString
			j := i + 1
			if sql[j] != '\'' && sql[j] != '"' {
				j++
			}
			raw := strings.ContainsAny(sql[i:j], "rR")
			end, ok := closeString(d, sql, j, raw)
			if !ok {
				return nil, fail("unterminated string literal", "close it with the quote that opened it")
			}
			i = end
		case (c == 'r' || c == 'R') && d == Snowflake && i+1 < len(sql) && sql[i+1] == '\'' && (i == 0 || !isWordPart(sql[i-1])):
			return nil, fail("r'...' is a BigQuery raw string literal, which Snowflake does not have",
				"write the string as '...' with each backslash doubled, or as $$...$$, whose text is as written")
		case (c == 'e' || c == 'E') && d == DuckDB && i+1 < len(sql) && sql[i+1] == '\'':
			k = kString
			end, ok := closeEscaped(sql, i+1, '\'')
			if !ok {
				return nil, fail("unterminated string literal", "close it with '")
			}
			i = end
		case c == '$' && (d == Snowflake || d == DuckDB) && strings.HasPrefix(sql[i:], "$$"):
			k = kString
			j := strings.Index(sql[i+2:], "$$")
			if j < 0 {
				return nil, fail("unterminated $$ string", "close it with $$")
			}
			i += 2 + j + 2
		case c == '"' || c == '`' || c == '[' && d == SQLite:
			k = kQuoted
			closer := c
			if c == '[' {
				closer = ']'
			}
			end, ok := closeQuoted(sql, i, closer)
			if !ok {
				return nil, fail("unterminated quoted identifier "+string(c), "close it with "+string(closer))
			}
			i = end
		case isDigit(c) || c == '.' && i+1 < len(sql) && isDigit(sql[i+1]):
			k = kNumber
			i = scanNumber(sql, i)
		case isWordStart(c):
			k = kWord
			for i < len(sql) && isWordPart(sql[i]) {
				i++
			}
			if d == BigQuery && startsTablePath(toks) {
				i = projectDashes(sql, i)
			}
		case c == '(':
			k = kOpen
			i++
		case c == ')':
			k = kClose
			i++
		case c == '.':
			k = kDot
			i++
		default:
			i += punctLen(d, sql[i:])
		}
		text := sql[start:i]
		if k == kComment && (text[0] == '#' || text[0] == '/' && text[1] == '/') {
			// BigQuery's # and Snowflake's // line comments, as SQLite's --
			text = "--" + strings.TrimPrefix(strings.TrimPrefix(text, "#"), "//")
		}
		t := token{kind: k, text: text, line: startLine, col: startCol}
		if k == kWord {
			t.lower = strings.ToLower(text)
		}
		if k == kSpace || k == kComment || k == kString || k == kQuoted {
			for j := 0; j < len(text); j++ {
				if text[j] == '\n' {
					line++
					lineStart = start + j + 1
				}
			}
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// startsTablePath tells whether the word after toks starts the name of a
// table: it follows FROM, JOIN, INTO, UPDATE, TABLE, USING or EXISTS.
func startsTablePath(toks []token) bool {
	for j := len(toks) - 1; j >= 0; j-- {
		switch toks[j].kind {
		case kSpace, kComment:
			continue
		case kWord:
			switch toks[j].lower {
			case "from", "join", "into", "update", "table", "using", "exists":
				return true
			}
		}
		return false
	}
	return false
}

// projectDashes is where a BigQuery project's name written unquoted with
// dashes ends, the word up to i being its start (my-project.dataset.t, as
// BigQuery reads a table path): the dashed words written without spaces,
// when a dot follows them; i when none does.
func projectDashes(sql string, i int) int {
	j := i
	for j+1 < len(sql) && sql[j] == '-' && isWordPart(sql[j+1]) {
		j++
		for j < len(sql) && isWordPart(sql[j]) {
			j++
		}
	}
	if j > i && j < len(sql) && sql[j] == '.' {
		return j
	}
	return i
}

// punctLen is the length of the operator at the start of s.
func punctLen(d Dialect, s string) int {
	for _, op := range [...]string{"->>", "::", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "=>", ":="} {
		if strings.HasPrefix(s, op) {
			return len(op)
		}
	}
	if d == DuckDB {
		// integer division, power, and the operator forms of LIKE (~~),
		// ILIKE (~~*), GLOB (~~~) and regexp_full_match (~), negated by !
		// and the operators of lists: && (any in common), @> and <@
		// (contains), ^@ (starts with)
		for _, op := range [...]string{"!~~*", "!~~", "~~~", "~~*", "~~", "!~", "//", "**", "&&", "@>", "<@", "^@"} {
			if strings.HasPrefix(s, op) {
				return len(op)
			}
		}
	}
	return 1
}

// stringPrefix reports whether sql[i] starts a prefixed BigQuery literal:
// r'..', b'..', rb'..', br'..'.
func stringPrefix(sql string, i int) bool {
	if i > 0 && isWordPart(sql[i-1]) {
		return false
	}
	j := i + 1
	if j < len(sql) && (sql[j] == 'r' || sql[j] == 'R' || sql[j] == 'b' || sql[j] == 'B') && lowerByte(sql[j]) != lowerByte(sql[i]) {
		j++
	}
	return j < len(sql) && (sql[j] == '\'' || sql[j] == '"')
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// closeString returns the offset past the string literal whose quote is at
// sql[i], in dialect d.
func closeString(d Dialect, sql string, i int, raw bool) (int, bool) {
	q := sql[i]
	switch d {
	case BigQuery:
		if strings.HasPrefix(sql[i:], strings.Repeat(string(q), 3)) {
			triple := strings.Repeat(string(q), 3)
			for j := i + 3; j < len(sql); j++ {
				if sql[j] == '\\' && !raw {
					j++
					continue
				}
				if strings.HasPrefix(sql[j:], triple) {
					return j + 3, true
				}
			}
			return 0, false
		}
		for j := i + 1; j < len(sql); j++ {
			switch sql[j] {
			case '\\':
				if !raw {
					j++
				}
			case '\n':
				return 0, false
			case q:
				return j + 1, true
			}
		}
		return 0, false
	case Snowflake:
		return closeEscaped(sql, i, q)
	}
	return closeQuoted(sql, i, q)
}

// closeEscaped is closeQuoted for strings that also take backslash escapes.
func closeEscaped(sql string, i int, q byte) (int, bool) {
	for j := i + 1; j < len(sql); j++ {
		switch sql[j] {
		case '\\':
			j++
		case q:
			if j+1 < len(sql) && sql[j+1] == q {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return 0, false
}

// closeQuoted returns the offset just past the quote that closes the one at
// sql[i]; a doubled closing character stands for itself.
func closeQuoted(sql string, i int, closer byte) (int, bool) {
	for j := i + 1; j < len(sql); j++ {
		if sql[j] == closer {
			if j+1 < len(sql) && sql[j+1] == closer {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return 0, false
}

func scanNumber(sql string, i int) int {
	// a hex integer, 0xF9B5, which SQLite reads too
	if sql[i] == '0' && i+2 < len(sql) && (sql[i+1] == 'x' || sql[i+1] == 'X') && isHexDigit(sql[i+2]) {
		i += 2
		for i < len(sql) && isHexDigit(sql[i]) {
			i++
		}
		return i
	}
	for i < len(sql) && (isDigit(sql[i]) || sql[i] == '.') {
		if sql[i] == '.' && i+1 < len(sql) && sql[i+1] == '.' {
			break
		}
		i++
	}
	if i < len(sql) && (sql[i] == 'e' || sql[i] == 'E') {
		j := i + 1
		if j < len(sql) && (sql[j] == '+' || sql[j] == '-') {
			j++
		}
		if j < len(sql) && isDigit(sql[j]) {
			i = j
			for i < len(sql) && isDigit(sql[i]) {
				i++
			}
		}
	}
	return i
}

// stringValue decodes a string literal token of dialect d to its value.
func stringValue(d Dialect, text string) string {
	raw, i := false, 0
	for i < len(text) && text[i] != '\'' && text[i] != '"' && text[i] != '$' {
		if text[i] == 'r' || text[i] == 'R' {
			raw = true
		}
		i++
	}
	if text[i] == '$' {
		return text[2 : len(text)-2]
	}
	q := text[i]
	n := 1
	if d == BigQuery && strings.HasPrefix(text[i:], strings.Repeat(string(q), 3)) && len(text)-i >= 6 {
		n = 3
	}
	body := text[i+n : len(text)-n]
	escapes := d == BigQuery || d == Snowflake || d == DuckDB && i > 0
	var b strings.Builder
	for j := 0; j < len(body); j++ {
		c := body[j]
		switch {
		case c == '\\' && escapes && !raw && j+1 < len(body):
			j++
			switch c := body[j]; c {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'v':
				b.WriteByte('\v')
			case 'x', 'X', 'u', 'U':
				n := map[byte]int{'x': 2, 'X': 2, 'u': 4, 'U': 8}[c]
				if r, err := strconv.ParseUint(body[min(j+1, len(body)):min(j+1+n, len(body))], 16, 32); err == nil && j+n < len(body) {
					if c == 'x' || c == 'X' {
						b.WriteByte(byte(r))
					} else {
						b.WriteRune(rune(r))
					}
					j += n
				} else {
					b.WriteByte(c)
				}
			case '0', '1', '2', '3', '4', '5', '6', '7':
				if r, err := strconv.ParseUint(body[j:min(j+3, len(body))], 8, 8); err == nil && j+3 <= len(body) {
					b.WriteByte(byte(r))
					j += 2
				} else if c == '0' {
					b.WriteByte(0)
				} else {
					b.WriteByte(c)
				}
			default:
				b.WriteByte(c)
			}
		case c == q && n == 1 && j+1 < len(body) && body[j+1] == q:
			b.WriteByte(q)
			j++
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// sqlString quotes s as an SQLite string literal.
func sqlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isWordStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}
func isWordPart(c byte) bool { return isWordStart(c) || isDigit(c) || c == '$' }
