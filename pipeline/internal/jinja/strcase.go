package jinja

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Python's str case methods use Unicode's full case mapping, where one
// character may map to several ('ß'.upper() is 'SS') and a final capital
// sigma lowers to 'ς'; Go's strings package maps one character to one.

func pyUpper(s string) string    { return cases.Upper(language.Und).String(s) }
func pyLower(s string) string    { return cases.Lower(language.Und).String(s) }
func pyCasefold(s string) string { return cases.Fold().String(s) }

// pyTitle is str.title: the first cased character of every run of cased
// characters in titlecase, the others in lowercase.
func pyTitle(s string) string {
	var b strings.Builder
	prevCased := false
	for i, r := range s {
		switch {
		case !isCased(r):
			b.WriteRune(r)
			prevCased = false
		case prevCased:
			b.WriteString(lowerAt(s, i, r))
		default:
			b.WriteString(titleRune(r))
			prevCased = true
		}
	}
	return b.String()
}

// pyCapitalize is str.capitalize: the first character in titlecase, the
// rest in lowercase.
func pyCapitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(titleRune(r))
	for i, r := range s[size:] {
		b.WriteString(lowerAt(s, size+i, r))
	}
	return b.String()
}

// pySwapcase is str.swapcase: uppercase to lowercase and the other way.
func pySwapcase(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			b.WriteString(lowerAt(s, i, r))
		case unicode.IsLower(r):
			b.WriteString(pyUpper(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isCased is Python's cased character: uppercase, lowercase or titlecase.
func isCased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r)
}

func titleRune(r rune) string {
	return cases.Title(language.Und, cases.NoLower).String(string(r))
}

// lowerAt lowers the character r at byte i of s: a capital sigma after a
// cased letter and not before one is the final sigma.
func lowerAt(s string, i int, r rune) string {
	if r != 'Σ' {
		return pyLower(string(r))
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
	if i > 0 && isCased(before) && !isCased(after) {
		return "ς"
	}
	return "σ"
}

// pyExpandTabs is str.expandtabs: each tab becomes the spaces to the next
// column that is a multiple of size, counted from the last line break.
func pyExpandTabs(s string, size int) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if size > 0 {
				n := size - col%size
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}
