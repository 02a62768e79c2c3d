package jinja

import (
	"regexp"
	"strings"
)

// reVerbose is Python's re.X (re.VERBOSE).
const reVerbose = 64

// leadingFlags is a group of Python's global inline flags at the start of
// a pattern, (?ix). Python takes a and u (its default for text) too; Go's
// classes are ASCII either way. L is refused, as Python refuses it on text.
var leadingFlags = regexp.MustCompile(`^\(\?([aimsux]+)\)`)

// goPattern writes a Python pattern in Go's syntax: the leading inline
// flags become flags (Go has no verbose mode), a verbose pattern loses its
// whitespace and # comments outside classes as Python reads it, an escaped
// space is a space and \Z is Go's \z.
func goPattern(pattern string, flags int) string {
	for {
		m := leadingFlags.FindStringSubmatch(pattern)
		if m == nil {
			break
		}
		pattern = pattern[len(m[0]):]
		for _, c := range m[1] {
			flags |= map[rune]int{'i': reIgnoreCase, 'm': reMultiline, 's': reDotAll, 'x': reVerbose}[c]
		}
	}
	verbose := flags&reVerbose != 0
	var b strings.Builder
	inClass := false
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '\\' && i+1 < len(pattern):
			i++
			switch e := pattern[i]; {
			case isPySpace(e):
				b.WriteByte(e)
			case e == 'Z' && !inClass:
				b.WriteString(`\z`)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		case inClass:
			inClass = c != ']'
			b.WriteByte(c)
		case c == '[':
			inClass = true
			b.WriteByte(c)
			if i+1 < len(pattern) && pattern[i+1] == '^' {
				i++
				b.WriteByte('^')
			}
			if i+1 < len(pattern) && pattern[i+1] == ']' { // a first ] is literal
				i++
				b.WriteByte(']')
			}
		case verbose && c == '#':
			for i+1 < len(pattern) && pattern[i+1] != '\n' {
				i++
			}
		case verbose && isPySpace(c):
		default:
			b.WriteByte(c)
		}
	}
	prefix := ""
	for _, f := range []struct {
		flag int
		name string
	}{{reIgnoreCase, "i"}, {reMultiline, "m"}, {reDotAll, "s"}} {
		if flags&f.flag != 0 {
			prefix += f.name
		}
	}
	if prefix != "" {
		return "(?" + prefix + ")" + b.String()
	}
	return b.String()
}

// isPySpace is Python's string.whitespace, what verbose mode skips.
func isPySpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
