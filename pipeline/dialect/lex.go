package dialect

import (
	"strings"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

// kind is the class of a token.
type kind uint8

const (
	kSpace   kind = iota // spaces and line breaks
	kComment             // -- to end of line, or /* */
	kString              // '...' with '' for a quote
	kQuoted              // "...", `...` or [...]: a quoted identifier
	kNumber
	kWord  // identifier or keyword
	kCast  // ::
	kOpen  // (
	kClose // )
	kDot   // .
	kPunct // any other character
	kGroup // a rewritten expression, only in the output: an operand as a whole
)

// token is a slice of the input. lower is the lower-cased text of words.
type token struct {
	kind  kind
	text  string
	lower string
	line  int
}

// lex splits sql into tokens that cover it entirely, so joining their texts
// gives sql back. Literals, quoted identifiers and comments are single
// tokens: nothing inside them is ever rewritten.
func lex(sql string) ([]token, error) {
	toks := make([]token, 0, len(sql)/3)
	line := 1
	for i := 0; i < len(sql); {
		start, startLine := i, line
		c := sql[i]
		k := kPunct
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			k = kSpace
			for i < len(sql) && isSpace(sql[i]) {
				i++
			}
		case c == '-' && i+1 < len(sql) && sql[i+1] == '-':
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
				return nil, diag.Errorf("", line, "unterminated /* comment").
					WithHint("close it with */")
			}
			i += 2 + j + 2
		case c == '\'':
			k = kString
			end, ok := closeQuoted(sql, i, '\'')
			if !ok {
				return nil, diag.Errorf("", line, "unterminated string literal").
					WithHint("close it with '; write '' for a quote inside")
			}
			i = end
		case c == '"' || c == '`' || c == '[':
			k = kQuoted
			closer := c
			if c == '[' {
				closer = ']'
			}
			end, ok := closeQuoted(sql, i, closer)
			if !ok {
				return nil, diag.Errorf("", line, "unterminated quoted identifier %c", c).
					WithHint("close it with %c", closer)
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
		case c == ':' && i+1 < len(sql) && sql[i+1] == ':':
			k = kCast
			i += 2
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
			i++
		}
		text := sql[start:i]
		t := token{kind: k, text: text, line: startLine}
		if k == kWord {
			t.lower = strings.ToLower(text)
		}
		line += strings.Count(text, "\n")
		toks = append(toks, t)
	}
	return toks, nil
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
	for i < len(sql) && (isDigit(sql[i]) || sql[i] == '.') {
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

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isWordStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c >= 0x80
}
func isWordPart(c byte) bool { return isWordStart(c) || isDigit(c) || c == '$' }
