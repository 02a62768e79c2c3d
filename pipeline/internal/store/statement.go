package store

import "strings"

// SecondStatement returns the byte offset in sql where a second statement
// starts, or -1 when sql is one statement (with any trailing semicolons
// and comments). Strings, quoted names and comments are skipped as SQLite's
// tokenizer skips them.
func SecondStatement(sql string) int {
	ended := false // a ; outside quotes and comments was seen
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		switch {
		case isCommentStart(sql, i):
			if i = commentEnd(sql, i); i < 0 {
				return -1
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		case c == ';':
			ended = true
		case ended:
			return i
		case c == '\'' || c == '"' || c == '`' || c == '[':
			i = quoteEnd(sql, i)
		}
	}
	return -1
}

// isCommentStart tells whether a comment (-- or /*) opens at sql[i].
func isCommentStart(sql string, i int) bool {
	return strings.HasPrefix(sql[i:], "--") || strings.HasPrefix(sql[i:], "/*")
}

// commentEnd is the index of the last byte of the comment opening at
// sql[i] (a -- comment's line break), or -1 when it runs to the end.
func commentEnd(sql string, i int) int {
	if sql[i] == '-' {
		if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
			return i + j
		}
		return -1
	}
	if j := strings.Index(sql[i+2:], "*/"); j >= 0 {
		return i + j + 3
	}
	return -1
}

// quoteEnd is the index of the quote closing the one at sql[i] (', ", `
// or [), a doubled quote inside being an escaped one ('it”s'); len(sql)
// when it is not closed.
func quoteEnd(sql string, i int) int {
	end := sql[i]
	if end == '[' {
		end = ']'
	}
	for i++; i < len(sql); i++ {
		if sql[i] == end {
			if end != ']' && i+1 < len(sql) && sql[i+1] == end {
				i++
				continue
			}
			break
		}
	}
	return i
}
