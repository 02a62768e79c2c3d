package sqlfunc

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ncruces/go-sqlite3"
)

// Snowflake's TO_NUMBER(s, 'format'), TO_DECIMAL and TO_DOUBLE reading a
// string with a numeric format model (sql-format-models, "Parsing numbers
// using fixed-position formats"), in lax mode, the default: white space
// before and after the value is skipped; the digits 9 and 0 take at most
// as many digits as the format has and at least one (a 0 wants its digit:
// '099' reads 3); group separators , and G may be left out, but the digits
// between those written must match the format's; the point . or D may be
// left out before an empty fraction; X reads hexadecimal digits, 0 before
// them too; $ reads a dollar sign; the sign is a - before the number
// (spaces may follow it), S a + or - where it stands, MI a - or a + or
// nothing; _ reads optional spaces and a literal (; : - = / ( ) or "text")
// itself, a space in it one or more spaces. TM9 reads a number in
// positional notation, TME one with an exponent, TM either. The value is
// written as decimal text, which TO_NUMBER then rounds to its scale.
// Refused, as the documentation leaves their reading open or this does not
// follow it: FX (exact mode), B, the exponent elements EE to EEEEE, | and
// AUTO, and . or , that does not follow a digit.

func init() {
	add(Func{Name: "parse_number_snowflake", NArgs: 2, Scalar: parseNumberFormat})
}

// numberItem is one part of a compiled number format model.
type numberItem struct {
	kind string // "lit", "_", "sign" (the default), "S", "MI", "$", "num", "TM9", "TME", "TM"
	lit  string
	lead bool // a sign before the number
}

// parseFormat is a compiled number format model for reading.
type parseFormat struct {
	items    []numberItem
	groups   []int // digits of the integer part between separators, left to right
	required int   // integer digits a 0 wants, from the right
	frac     int   // digits after the point
	fracReq  int   // fraction digits a 0 wants, from the left
	hex      bool
}

// CheckNumberParse compiles a number format model for TO_NUMBER, as the
// translator does for a literal format.
func CheckNumberParse(format string) error {
	_, err := compileNumberParse(format)
	return err
}

func compileNumberParse(f string) (parseFormat, error) {
	var pf parseFormat
	fail := func(format string, a ...any) (parseFormat, error) {
		return pf, fmt.Errorf("the format %q: "+format, append([]any{f}, a...)...)
	}
	up := strings.ToUpper(f)
	num := -1 // index in items of the number
	sign := ""
	var digits []byte // the digit elements of the number, and . and ,
	inNum := func() bool { return num >= 0 && num == len(pf.items)-1 }
	for i := 0; i < len(up); {
		c := up[i]
		switch {
		case strings.HasPrefix(up[i:], "FX"):
			return fail("FX (exact matching) is not supported; leave it out")
		case strings.HasPrefix(up[i:], "FM"):
			i += 2 // fill mode does not change lax reading
			continue
		case strings.HasPrefix(up[i:], "EE"):
			return fail("exponent elements (EE to EEEEE) are not supported; use TME or TM")
		case strings.HasPrefix(up[i:], "AUTO") || c == '|':
			return fail("AUTO and alternative formats (|) are not supported; give one format")
		case strings.HasPrefix(up[i:], "TM"):
			if num >= 0 {
				return fail("it has two numbers")
			}
			el := "TM"
			if i+2 < len(up) && (up[i+2] == '9' || up[i+2] == 'E') {
				el += up[i+2 : i+3]
			}
			num = len(pf.items)
			pf.items = append(pf.items, numberItem{kind: el})
			i += len(el)
			continue
		case strings.HasPrefix(up[i:], "MI") || c == 'S':
			el := "S"
			if c == 'M' {
				el = "MI"
			}
			if sign != "" {
				return fail("it has two of S and MI")
			}
			sign = el
			pf.items = append(pf.items, numberItem{kind: el, lead: num < 0})
			i += len(el)
			continue
		case c == '9' || c == '0' || c == 'X':
			if num >= 0 && !inNum() {
				return fail("it has two numbers")
			}
			if num < 0 {
				num = len(pf.items)
				pf.items = append(pf.items, numberItem{kind: "num"})
			}
			if strings.HasPrefix(pf.items[num].kind, "TM") {
				return fail("it mixes TM with digits")
			}
			digits = append(digits, c)
			i++
			continue
		case c == '.' || c == ',' || c == 'D' || c == 'G':
			if !inNum() || len(digits) == 0 || strings.IndexByte("90X", digits[len(digits)-1]) < 0 {
				if c == 'D' || c == 'G' {
					return fail("%c comes where no digit is before it", c)
				}
				return fail("%q does not follow a digit (9, 0 or X), which makes it text whose reading is not documented", string(c))
			}
			el := c
			if c == 'D' {
				el = '.'
			}
			if c == 'G' {
				el = ','
			}
			digits = append(digits, el)
			i++
			continue
		case c == '$':
			if num >= 0 {
				return fail("$ comes after the number; write it before")
			}
			pf.items = append(pf.items, numberItem{kind: "$"})
		case c == '_':
			pf.items = append(pf.items, numberItem{kind: "_"})
		case c == '"':
			text, end, ok := quotedFormatText(f, i)
			if !ok {
				return fail("it has an unclosed \"")
			}
			pf.items = append(pf.items, numberItem{kind: "lit", lit: text})
			i = end
			continue
		case strings.IndexByte(";:-=/() ", c) >= 0:
			pf.items = append(pf.items, numberItem{kind: "lit", lit: f[i : i+1]})
		case c == 'B':
			return fail("B is not supported; leave it out")
		default:
			return fail("%q is no number format element (9 0 X . D , G $ S MI TM9 TME TM FM _ and \"text\")", f[i:i+1])
		}
		i++
	}
	if num < 0 {
		return fail("it has no number (9, 0, X or TM)")
	}
	if sign == "" {
		// the default sign stands before the dollar or the number
		at := num
		if num > 0 && pf.items[num-1].kind == "$" {
			at = num - 1
		}
		pf.items = append(pf.items[:at], append([]numberItem{{kind: "sign", lead: true}}, pf.items[at:]...)...)
	}
	if len(digits) > 0 {
		if err := pf.digitLayout(string(digits)); err != nil {
			return fail("%v", err)
		}
	}
	return pf, nil
}

// digitLayout reads the digit elements of a fixed-position number.
func (pf *parseFormat) digitLayout(d string) error {
	whole, frac, point := strings.Cut(d, ".")
	if strings.ContainsAny(frac, ".,") {
		return fmt.Errorf("a separator comes after the point")
	}
	if pf.hex = strings.Contains(d, "X"); pf.hex && (point || strings.Contains(d, ",") || strings.Contains(d, "9")) {
		return fmt.Errorf("X goes with 0 only, without a point, separators or 9")
	}
	pf.groups = nil
	for _, g := range strings.Split(whole, ",") {
		if g == "" {
			return fmt.Errorf("a group separator has no digit after it")
		}
		pf.groups = append(pf.groups, len(g))
	}
	w := strings.ReplaceAll(whole, ",", "")
	if k := strings.IndexByte(w, '0'); k >= 0 {
		pf.required = len(w) - k
	}
	pf.frac = len(frac)
	pf.fracReq = strings.LastIndexByte(frac, '0') + 1
	if len(w) == 0 {
		return fmt.Errorf("it has no digit before the point (B, which allows that, is not supported)")
	}
	return nil
}

// read reads s with the format, giving the number as decimal text.
func (pf parseFormat) read(s string) (string, error) {
	i := 0
	spaces := func() int {
		j := i
		for i < len(s) && s[i] == ' ' {
			i++
		}
		return i - j
	}
	bad := func() (string, error) {
		return "", fmt.Errorf("can't parse %q as a number with this format", s)
	}
	for i < len(s) && strings.IndexByte(" \t\n\r\f\v", s[i]) >= 0 {
		i++
	}
	neg := false
	var value string
	for _, it := range pf.items {
		switch it.kind {
		case "lit":
			for k := 0; k < len(it.lit); k++ {
				if it.lit[k] == ' ' {
					if spaces() == 0 {
						return bad()
					}
					for k+1 < len(it.lit) && it.lit[k+1] == ' ' {
						k++
					}
					continue
				}
				if i >= len(s) || !strings.EqualFold(s[i:i+1], it.lit[k:k+1]) {
					return bad()
				}
				i++
			}
		case "_":
			spaces()
		case "$":
			if i >= len(s) || s[i] != '$' {
				return bad()
			}
			i++
		case "sign", "S", "MI":
			switch {
			case i < len(s) && s[i] == '-':
				neg = true
				i++
			case i < len(s) && s[i] == '+' && it.kind != "sign":
				i++
			case it.kind == "S":
				return bad()
			}
			if it.lead {
				spaces()
			}
		case "num":
			v, n, ok := pf.readFixed(s[i:])
			if !ok {
				return bad()
			}
			value, i = v, i+n
		default:
			v, n, ok := readMinimal(s[i:], it.kind)
			if !ok {
				return bad()
			}
			value, i = v, i+n
		}
	}
	for i < len(s) && strings.IndexByte(" \t\n\r\f\v", s[i]) >= 0 {
		i++
	}
	if i < len(s) {
		return bad()
	}
	if neg && strings.Trim(value, "0.") != "" {
		value = "-" + value
	}
	return value, nil
}

// readFixed reads a fixed-position number at the start of s: its decimal
// text and the bytes read.
func (pf parseFormat) readFixed(s string) (string, int, bool) {
	i := 0
	if pf.hex {
		for i < len(s) && strings.IndexByte("0123456789abcdefABCDEF", s[i]) >= 0 {
			i++
		}
		if i == 0 || i > pf.groups[0] || i < pf.required {
			return "", 0, false
		}
		n, _ := new(big.Int).SetString(s[:i], 16)
		return n.String(), i, true
	}
	// the integer part: digits, in groups where separators are written
	var groups []string
	start := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',' && i > start) {
		if s[i] == ',' {
			groups = append(groups, s[start:i])
			start = i + 1
		}
		i++
	}
	groups = append(groups, s[start:i])
	if groups[len(groups)-1] == "" {
		return "", 0, false // a separator with no digit after it
	}
	whole := strings.Join(groups, "")
	if len(groups) > 1 {
		// written separators: the groups after the first as the format's
		if len(groups) > len(pf.groups) {
			return "", 0, false
		}
		fg := pf.groups[len(pf.groups)-len(groups):]
		for k := 1; k < len(groups); k++ {
			if len(groups[k]) != fg[k] {
				return "", 0, false
			}
		}
		if len(groups[0]) > fg[0] || len(groups[0]) == 0 {
			return "", 0, false
		}
	}
	total := 0
	for _, g := range pf.groups {
		total += g
	}
	if len(whole) == 0 || len(whole) > total || len(whole) < pf.required {
		return "", 0, false
	}
	frac := ""
	if i < len(s) && s[i] == '.' && pf.frac > 0 {
		// the point may be left out before an empty fraction
		i++
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		frac = s[j:i]
	}
	if len(frac) > pf.frac || len(frac) < pf.fracReq {
		return "", 0, false
	}
	return joinDecimal(whole, frac), i, true
}

// joinDecimal writes whole.frac without leading zeros.
func joinDecimal(whole, frac string) string {
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if frac == "" {
		return whole
	}
	return whole + "." + frac
}

// readMinimal reads a text-minimal number (TM9, TME or TM) at the start
// of s.
func readMinimal(s, kind string) (string, int, bool) {
	i := 0
	digitsAt := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	w := digitsAt()
	whole := s[:i]
	frac := ""
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		digitsAt()
		frac = s[j:i]
	}
	if w == 0 && frac == "" {
		return "", 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') && kind != "TM9" {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		k := i
		if n := digitsAt(); n == 0 || n > 3 {
			return "", 0, false
		}
		e := 0
		for _, c := range s[k:i] {
			e = e*10 + int(c-'0')
		}
		if neg {
			e = -e
		}
		return shiftDecimal(whole, frac, e), i, true
	}
	if kind == "TME" {
		return "", 0, false
	}
	return joinDecimal(whole, frac), i, true
}

// shiftDecimal writes whole.frac times 10^e as decimal text.
func shiftDecimal(whole, frac string, e int) string {
	digits, point := whole+frac, len(whole)+e
	if point <= 0 {
		return joinDecimal("0", strings.Repeat("0", -point)+digits)
	}
	if point >= len(digits) {
		return joinDecimal(digits+strings.Repeat("0", point-len(digits)), "")
	}
	return joinDecimal(digits[:point], digits[point:])
}

var numberParseFormats boundedCache[parseFormat]

// parseNumberFormat is parse_number_snowflake(s, format).
func parseNumberFormat(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "TO_NUMBER"
	if nullCall(ctx, args) {
		return
	}
	pf, err := compiled(ctx, 1, args[1].Text(), &numberParseFormats, compileNumberParse)
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	v, err := pf.read(args[0].Text())
	if err != nil {
		fail(ctx, fn, "%v (format %q)", err, args[1].Text())
		return
	}
	ctx.ResultText(v)
}

// quotedFormatText reads the text in double quotes that starts at f[i] in
// a number format ("" inside standing for one "): the text and the index
// after the closing quote; ok is false when no quote closes it.
func quotedFormatText(f string, i int) (text string, end int, ok bool) {
	var b strings.Builder
	for j := i + 1; j < len(f); j++ {
		if f[j] != '"' {
			b.WriteByte(f[j])
			continue
		}
		if j+1 < len(f) && f[j+1] == '"' {
			b.WriteByte('"')
			j++
			continue
		}
		return b.String(), j + 1, true
	}
	return "", 0, false
}
