package jinja

import (
	"regexp"
	"strconv"
	"strings"
)

// gonja reads a string literal up to the first quote not preceded by a
// backslash, so '\\' never ends, and it only unescapes \' and \". Jinja2
// reads Python string literals. maskStrings finds every string literal with
// a backslash inside a tag, replaces its body with as many plain bytes
// (newlines kept, so lines and offsets do not move) and returns the value
// Jinja2 gives it by the byte offset of its opening quote; parseTemplate
// puts the values back into the String tokens.
func maskStrings(src string) (string, map[int]string) {
	var b []byte // copy of src, made on the first change
	values := map[int]string{}
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '{')
		if j < 0 || i+j+1 >= len(src) {
			break
		}
		i += j
		switch src[i+1] {
		case '#':
			end := strings.Index(src[i+2:], "#}")
			if end < 0 {
				i = len(src)
				continue
			}
			i += 2 + end + 2
			continue
		case '%':
			if loc := rawBegin.FindStringIndex(src[i:]); loc != nil && loc[0] == 0 {
				end := rawEnd.FindStringIndex(src[i+loc[1]:])
				if end == nil {
					i = len(src)
					continue
				}
				i += loc[1] + end[1]
				continue
			}
		case '{':
		default:
			i++
			continue
		}
		closer := "}}"
		if src[i+1] == '%' {
			closer = "%}"
		}
		i += 2
		for i < len(src) && !strings.HasPrefix(src[i:], closer) {
			c := src[i]
			if c != '\'' && c != '"' {
				i++
				continue
			}
			end, ok := stringEnd(src, i)
			if !ok {
				return maskedOr(b, src), values // gonja reports the unterminated string
			}
			body := src[i+1 : end]
			if strings.IndexByte(body, '\\') >= 0 {
				if b == nil {
					b = []byte(src)
				}
				for k := i + 1; k < end; k++ {
					if b[k] != '\n' {
						b[k] = 'x'
					}
				}
				values[i] = pyUnescape(body)
			}
			i = end + 1
		}
		i += len(closer)
	}
	return maskedOr(b, src), values
}

func maskedOr(b []byte, src string) string {
	if b == nil {
		return src
	}
	return string(b)
}

var (
	rawBegin = regexp.MustCompile(`^\{%[-+]?\s*raw\s*[-+]?%\}`)
	rawEnd   = regexp.MustCompile(`\{%[-+]?\s*endraw\s*[-+]?%\}`)
)

// stringEnd finds the closing quote of the literal opening at src[i].
func stringEnd(src string, i int) (int, bool) {
	q := src[i]
	for k := i + 1; k < len(src); k++ {
		switch src[k] {
		case '\\':
			k++
		case q:
			return k, true
		}
	}
	return 0, false
}

// pyUnescape decodes the escapes of a Python string literal as Jinja2 does
// (unicode-escape): an unknown escape such as \d keeps its backslash.
func pyUnescape(s string) string {
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '\n':
		case '\\', '\'', '"':
			out.WriteByte(e)
		case 'n':
			out.WriteByte('\n')
		case 't':
			out.WriteByte('\t')
		case 'r':
			out.WriteByte('\r')
		case 'a':
			out.WriteByte('\a')
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'v':
			out.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n := 1
			for n < 3 && i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '7' {
				n++
			}
			v, _ := strconv.ParseUint(s[i:i+n], 8, 32)
			out.WriteRune(rune(v))
			i += n - 1
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if v, err := strconv.ParseUint(s[min(i+1, len(s)):min(i+1+n, len(s))], 16, 32); err == nil && i+n < len(s) {
				out.WriteRune(rune(v))
				i += n
				continue
			}
			out.WriteByte('\\')
			out.WriteByte(e)
		default:
			out.WriteByte('\\')
			out.WriteByte(e)
		}
	}
	return out.String()
}

// parserEscaped writes v so that gonja's parser, which reads a String
// token's text through Go's escapes (strconv.Unquote), gives back v.
func parserEscaped(v string) string {
	q := strconv.Quote(v)
	return strings.ReplaceAll(q[1:len(q)-1], `\"`, `\x22`)
}
