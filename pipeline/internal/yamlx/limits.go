package yamlx

import (
	"bytes"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Caps on what one YAML document may cost. The parser recurses and allocates
// per level of nesting (a 3 KB file nested 60,000 deep took gigabytes), so
// depth is measured on the bytes before the parser sees them; aliases share
// a subtree, so what they would expand to is counted while converting.
const (
	// MaxBytes is the largest YAML file read.
	MaxBytes = 4 << 20
	// MaxDepth is the deepest nesting of mappings and lists.
	MaxDepth = 100
	// MaxAliasNodes is the most nodes that aliases (*x, <<: *x) may add
	// to a document once expanded: a billion laughs stops here.
	MaxAliasNodes = 100_000
)

// checkSize refuses a document before it is parsed: too large, or nested
// deeper than MaxDepth. The depth is an estimate from indentation, "- "
// entries and flow brackets; it may count a level too many for odd layouts,
// never much too few.
func checkSize(file string, data []byte) error {
	if len(data) > MaxBytes {
		return diag.Errorf(file, 1, "the YAML file is %d bytes, more than the %d allowed", len(data), MaxBytes).
			WithHint("split it into several files")
	}
	if line, ok := depthWithin(data, MaxDepth); !ok {
		return diag.Errorf(file, line, "YAML nested more than %d levels deep", MaxDepth).
			WithHint("flatten the structure")
	}
	return nil
}

type level struct {
	col int
	seq bool
}

// depthWithin scans data line by line and reports the first line where the
// nesting passes max.
func depthWithin(data []byte, max int) (int, bool) {
	var stack []level
	flow := 0      // unclosed [ and { outside quotes
	var quote byte // open quote carried over from an earlier line
	block := -1    // indent of the line that opened a | or > scalar
	for n, line := range bytes.Split(data, []byte("\n")) {
		lineNo := n + 1
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		rest := bytes.TrimRight(line[indent:], " \t\r")
		if block >= 0 {
			if len(rest) == 0 || indent > block {
				continue
			}
			block = -1
		}
		if quote == 0 && flow == 0 {
			if len(rest) == 0 || rest[0] == '#' {
				continue
			}
			// Block entries that start on this line: "- " items, then a key.
			col, i := indent, 0
			for i < len(rest) && rest[i] == '-' && (i+1 == len(rest) || rest[i+1] == ' ') {
				stack = enter(stack, level{col, true})
				i++
				for i < len(rest) && rest[i] == ' ' {
					i++
				}
				col = indent + i
			}
			if i < len(rest) && isKey(rest[i:]) {
				stack = enter(stack, level{col, false})
			}
		}
		// Flow brackets, quotes and the start of block scalars. Outside
		// brackets, a quote or bracket opens something only where a value
		// starts (after "- " or ": "); inside, wherever a token may start.
		end := len(rest)
		valueStart := true
		for i := 0; i < end; i++ {
			c := rest[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote:
					quote = 0
				}
				continue
			}
			spaceAfter := i+1 == len(rest) || rest[i+1] == ' ' || rest[i+1] == '\t'
			if c == '#' && (i == 0 || rest[i-1] == ' ' || rest[i-1] == '\t') {
				end = i
				break
			}
			if flow == 0 {
				switch {
				case c == ' ' || c == '\t':
				case c == '-' && valueStart && spaceAfter:
				case c == ':' && spaceAfter:
					valueStart = true
				case valueStart && (c == '\'' || c == '"'):
					quote, valueStart = c, false
				case valueStart && (c == '[' || c == '{'):
					flow, valueStart = 1, false
				default:
					valueStart = false
				}
				continue
			}
			startsToken := i == 0 || bytes.IndexByte([]byte(" \t[{,:"), rest[i-1]) >= 0
			switch {
			case (c == '\'' || c == '"') && startsToken:
				quote = c
			case c == '[' || c == '{':
				// A one-line [[[...]]] closes by the line's end: count
				// each bracket as it opens.
				if flow++; len(stack)+flow > max {
					return lineNo, false
				}
			case c == ']' || c == '}':
				flow--
			}
		}
		if quote == 0 && flow == 0 && opensBlockScalar(rest[:end]) {
			block = indent
		}
		if len(stack)+flow > max {
			return lineNo, false
		}
	}
	return 0, true
}

// enter adds an entry at l.col to the stack of open block collections.
func enter(stack []level, l level) []level {
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		switch {
		case top.col > l.col, top.col == l.col && top.seq && !l.seq:
			// A deeper collection ended; a key at the column of a list
			// ends the list that was that key's sibling's value.
			stack = stack[:len(stack)-1]
			continue
		case top.col == l.col && top.seq == l.seq:
			return stack
		}
		break
	}
	// A list at a key's column is that key's value: one level deeper.
	return append(stack, l)
}

// isKey reports whether s starts a "key:" entry (a plain or quoted key).
func isKey(s []byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ') {
			return true
		}
		if i == 0 && (s[i] == '[' || s[i] == '{' || s[i] == '|' || s[i] == '>') {
			return false
		}
	}
	return false
}

// opensBlockScalar reports whether a line ends in | or > (with optional
// chomping and indent indicators), so the lines after it are text.
func opensBlockScalar(s []byte) bool {
	s = bytes.TrimRight(s, " \t")
	i := len(s)
	for i > 0 && (s[i-1] == '-' || s[i-1] == '+' || s[i-1] >= '1' && s[i-1] <= '9') {
		i--
	}
	if i == 0 || s[i-1] != '|' && s[i-1] != '>' {
		return false
	}
	return i == 1 || s[i-2] == ' '
}
