package yamlx

import (
	"bytes"
	"strings"
)

// PyYAML, which dbt reads YAML with, takes a tab inside a double-quoted
// scalar as text ("traded<TAB>(ISO 4217)", pasted from a document). The
// YAML parser here loses its place after one followed by more text on the
// line and refuses the mapping that comes next ("value is not allowed in
// this context"). escapeQuotedTabs writes such a tab as the escape \t,
// which is the same text, in the double-quoted scalars it can place for
// certain: a key's value or a list item on one line (key: "a<TAB>b",
// - "a<TAB>b"), outside block scalars (|, >), whose text stays as written.

// escapeQuotedTabs returns data with the tabs of its one-line
// double-quoted values escaped; data itself when it has none.
func escapeQuotedTabs(data []byte) []byte {
	if bytes.IndexByte(data, '\t') < 0 {
		return data
	}
	lines := strings.SplitAfter(string(data), "\n")
	changed := false
	block := -1 // inside a block scalar: the indentation of its header's line
	for i, line := range lines {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if block >= 0 {
			if strings.TrimSpace(line) == "" || indent > block {
				continue
			}
			block = -1
		}
		value := valueStart(line, indent)
		if value < 0 {
			continue
		}
		switch line[value] {
		case '|', '>':
			block = indent
		case '"':
			end := quotedEnd(line, value)
			if end > 0 && strings.Contains(line[value:end], "\t") {
				lines[i] = line[:value] + strings.ReplaceAll(line[value:end], "\t", `\t`) + line[end:]
				changed = true
			}
		}
	}
	if !changed {
		return data
	}
	return []byte(strings.Join(lines, ""))
}

// valueStart is the offset in line of the value that follows its list
// markers and its key (- key: value, - value, key: value), -1 where the
// line holds no such value.
func valueStart(line string, i int) int {
	marker := false
	for strings.HasPrefix(line[i:], "- ") {
		i += 2
		for i < len(line) && line[i] == ' ' {
			i++
		}
		marker = true
	}
	if i >= len(line) {
		return -1
	}
	key := -1 // the offset after the key's colon
	if line[i] == '"' || line[i] == '\'' {
		end := quotedEnd(line, i)
		if end < 0 {
			return -1
		}
		if rest := strings.TrimLeft(line[end:], " "); strings.HasPrefix(rest, ":") {
			key = len(line) - len(rest) + 1
		} else if marker {
			return i // - "item"
		} else {
			return -1 // a quoted line alone may continue a value above
		}
	} else if c := strings.Index(line[i:], ": "); c >= 0 && !strings.ContainsAny(line[i:i+c], "#\"'{[") {
		key = i + c + 1
	} else {
		return -1
	}
	for key < len(line) && line[key] == ' ' {
		key++
	}
	if key >= len(line) || line[key] == '\n' || line[key] == '\r' {
		return -1
	}
	return key
}

// quotedEnd is the offset just past the quoted scalar that starts at
// line[start] (its closing quote), -1 when it does not close on the line.
func quotedEnd(line string, start int) int {
	q := line[start]
	for i := start + 1; i < len(line); i++ {
		switch {
		case q == '"' && line[i] == '\\':
			i++
		case line[i] == q && q == '\'' && i+1 < len(line) && line[i+1] == '\'':
			i++
		case line[i] == q:
			return i + 1
		}
	}
	return -1
}
