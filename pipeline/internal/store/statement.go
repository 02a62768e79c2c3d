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
		case c == '-' && strings.HasPrefix(sql[i:], "--"):
			j := strings.IndexByte(sql[i:], '\n')
			if j < 0 {
				return -1
			}
			i += j
		case c == '/' && strings.HasPrefix(sql[i:], "/*"):
			j := strings.Index(sql[i+2:], "*/")
			if j < 0 {
				return -1
			}
			i += j + 3
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		case c == ';':
			ended = true
		case ended:
			return i
		case c == '\'' || c == '"' || c == '`' || c == '[':
			end := c
			if c == '[' {
				end = ']'
			}
			for i++; i < len(sql); i++ {
				if sql[i] == end {
					// A doubled quote is an escaped one ('it''s').
					if end != ']' && i+1 < len(sql) && sql[i+1] == end {
						i++
						continue
					}
					break
				}
			}
		}
	}
	return -1
}
