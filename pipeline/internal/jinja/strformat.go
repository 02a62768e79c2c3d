package jinja

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// pyStrFormat is Python's str.format: replacement fields
// {name!conversion:spec} numbered automatically or by position or keyword,
// with .attr and [key] lookups, and a spec (which may hold fields itself)
// applied as the value's __format__ applies it. gonja's read a spec without
// a type as a string's, so '{:,}'.format(n) failed.
func pyStrFormat(tmpl string, args []*exec.Value, kwargs map[string]*exec.Value) (string, error) {
	f := &strFormatter{args: args, kwargs: kwargs}
	return f.expand(tmpl, 2)
}

type strFormatter struct {
	args   []*exec.Value
	kwargs map[string]*exec.Value
	next   int  // the next automatic field number
	manual bool // a field gave its number
	auto   bool // a field took the next number
}

func (f *strFormatter) expand(tmpl string, depth int) (string, error) {
	if depth < 0 {
		return "", fmt.Errorf("ValueError: Max string recursion exceeded")
	}
	var out strings.Builder
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		switch {
		case c == '}' && i+1 < len(tmpl) && tmpl[i+1] == '}', c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '{':
			out.WriteByte(c)
			i++
		case c == '}':
			return "", fmt.Errorf("ValueError: Single '}' encountered in format string")
		case c == '{':
			end, nest := i+1, 1
			for ; end < len(tmpl); end++ {
				if tmpl[end] == '{' {
					nest++
				} else if tmpl[end] == '}' {
					if nest--; nest == 0 {
						break
					}
				}
			}
			if end >= len(tmpl) {
				return "", fmt.Errorf("ValueError: expected '}' before end of string")
			}
			s, err := f.field(tmpl[i+1:end], depth)
			if err != nil {
				return "", err
			}
			out.WriteString(s)
			i = end
		default:
			out.WriteByte(c)
		}
	}
	return out.String(), nil
}

// field formats one replacement field, the text between its braces.
func (f *strFormatter) field(text string, depth int) (string, error) {
	name, conv, spec := text, "", ""
	for i, inBracket := 0, false; i < len(text); i++ {
		switch c := text[i]; {
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == '!' || c == ':':
			name, spec = text[:i], text[i+1:]
			if c == '!' {
				conv, spec, _ = strings.Cut(spec, ":")
				if len(conv) != 1 {
					return "", fmt.Errorf("ValueError: expected ':' after conversion specifier")
				}
			}
			i = len(text)
		}
	}
	v, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	switch conv {
	case "":
	case "s":
		v = exec.AsValue(pyStr(v))
	case "r", "a":
		v = exec.AsValue(pyRepr(v))
	default:
		return "", fmt.Errorf("ValueError: Unknown conversion specifier %s", conv)
	}
	if spec, err = f.expand(spec, depth-1); err != nil {
		return "", err
	}
	return formatValue(v, spec)
}

// lookup finds the value a field names: an argument by number or keyword
// (none: the next one), then its .attr and [key] parts.
func (f *strFormatter) lookup(name string) (*exec.Value, error) {
	first := name
	if i := strings.IndexAny(name, ".["); i >= 0 {
		first = name[:i]
	}
	rest := name[len(first):]
	var v *exec.Value
	if first == "" || isDigits(first) {
		n := f.next
		if first == "" {
			if f.manual {
				return nil, fmt.Errorf("ValueError: cannot switch from manual field specification to automatic field numbering")
			}
			f.auto = true
			f.next++
		} else {
			if f.auto {
				return nil, fmt.Errorf("ValueError: cannot switch from automatic field numbering to manual field specification")
			}
			f.manual = true
			n, _ = strconv.Atoi(first)
		}
		if n >= len(f.args) {
			return nil, fmt.Errorf("IndexError: Replacement index %d out of range for positional args tuple", n)
		}
		v = f.args[n]
	} else {
		var ok bool
		if v, ok = f.kwargs[first]; !ok {
			return nil, fmt.Errorf("KeyError: %s", pyQuote(first))
		}
	}
	for rest != "" {
		var key string
		if rest[0] == '.' {
			end := strings.IndexAny(rest[1:], ".[") + 1
			if end == 0 {
				end = len(rest)
			}
			key, rest = rest[1:end], rest[end:]
			attr, ok := v.GetAttribute(key)
			if !ok {
				return nil, fmt.Errorf("AttributeError: %s object has no attribute %s", pyQuote(pyTypeName(v)), pyQuote(key))
			}
			v = attr
			continue
		}
		end := strings.IndexByte(rest, ']')
		if rest[0] != '[' || end < 0 {
			return nil, fmt.Errorf("ValueError: Missing ']' in format string")
		}
		key, rest = rest[1:end], rest[end+1:]
		if rest != "" && rest[0] != '.' && rest[0] != '[' {
			return nil, fmt.Errorf("ValueError: Only '.' or '[' may follow ']' in format field specifier")
		}
		item, ok := formatItem(v, key)
		if !ok {
			return nil, fmt.Errorf("KeyError: %s", pyQuote(key))
		}
		v = item
	}
	return v, nil
}

// formatItem is v[key] as a format field reads it: digits are an integer
// index, anything else a string key.
func formatItem(v *exec.Value, key string) (*exec.Value, bool) {
	if isDigits(key) {
		n, _ := strconv.Atoi(key)
		if v.IsList() {
			if n < v.Len() {
				return v.Index(n), true
			}
			return nil, false
		}
		if item, ok := v.GetItem(n); ok {
			return item, true
		}
	}
	if item, ok := dictGet(v, key); ok {
		return item, true
	}
	return v.GetItem(key)
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// formatValue is Python's format(v, spec): a datetime's spec is strftime's,
// a string, a number or a bool follows the format mini-language, and any
// other value takes only an empty spec, which gives its str().
func formatValue(v *exec.Value, spec string) (string, error) {
	if t, ok := v.Interface().(pyTime); ok && spec != "" {
		return strftime(t.t, spec), nil
	}
	if spec == "" {
		return pyStr(v), nil
	}
	s, err := parseFormatSpec(spec)
	if err != nil {
		return "", err
	}
	if d, ok := v.Interface().(*decFloat); ok {
		f, _ := strconv.ParseFloat(d.String(), 64)
		if s.typ == 0 && s.prec < 0 {
			return s.number(math.Signbit(f), strings.TrimPrefix(d.String(), "-"), "")
		}
		return s.float(f, "Decimal")
	}
	switch {
	case v.IsString():
		return s.str(v.String())
	case v.IsBool() || v.IsInteger():
		i, _, _, _ := number(v)
		return s.integer(i, pyTypeName(v))
	case v.IsFloat():
		return s.float(v.Float(), "float")
	}
	return "", fmt.Errorf("TypeError: unsupported format string passed to %s.__format__", pyTypeName(v))
}

// formatSpec is [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type formatSpec struct {
	text      string
	fill      rune
	align     byte
	sign      byte
	noNegZero bool
	alt       bool
	width     int
	grouping  byte
	prec      int
	typ       byte
}

func parseFormatSpec(spec string) (formatSpec, error) {
	s := formatSpec{text: spec, fill: ' ', prec: -1}
	rest := spec
	bad := fmt.Errorf("ValueError: Invalid format specifier '%s'", spec)
	if r, size := utf8.DecodeRuneInString(rest); size < len(rest) && strings.IndexByte("<>=^", rest[size]) >= 0 {
		s.fill, s.align, rest = r, rest[size], rest[size+1:]
	} else if rest != "" && strings.IndexByte("<>=^", rest[0]) >= 0 {
		s.align, rest = rest[0], rest[1:]
	}
	explicitFill := s.align != 0 && len(spec)-len(rest) > 1
	if rest != "" && strings.IndexByte("+- ", rest[0]) >= 0 {
		s.sign, rest = rest[0], rest[1:]
	}
	if rest != "" && rest[0] == 'z' {
		s.noNegZero, rest = true, rest[1:]
	}
	if rest != "" && rest[0] == '#' {
		s.alt, rest = true, rest[1:]
	}
	if rest != "" && rest[0] == '0' {
		if !explicitFill {
			s.fill = '0'
		}
		if s.align == 0 {
			s.align = '0' // '=' for numbers, left for strings
		}
		rest = rest[1:]
	}
	digits := func() (int, bool, error) {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 {
			return 0, false, nil
		}
		v, err := strconv.Atoi(rest[:n])
		if err != nil || v > MaxOutputBytes {
			return 0, false, fmt.Errorf("ValueError: Too many decimal digits in format string")
		}
		rest = rest[n:]
		return v, true, nil
	}
	var err error
	if s.width, _, err = digits(); err != nil {
		return s, err
	}
	if rest != "" && (rest[0] == ',' || rest[0] == '_') {
		s.grouping, rest = rest[0], rest[1:]
	}
	if rest != "" && rest[0] == '.' {
		rest = rest[1:]
		var ok bool
		if s.prec, ok, err = digits(); err != nil {
			return s, err
		} else if !ok {
			return s, fmt.Errorf("ValueError: Format specifier missing precision")
		}
	}
	switch len(rest) {
	case 0:
	case 1:
		s.typ = rest[0]
	default:
		return s, bad
	}
	return s, nil
}

func (s formatSpec) str(text string) (string, error) {
	switch {
	case s.typ != 0 && s.typ != 's':
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'str'", s.typ)
	case s.sign != 0:
		return "", fmt.Errorf("ValueError: Sign not allowed in string format specifier")
	case s.alt:
		return "", fmt.Errorf("ValueError: Alternate form (#) not allowed in string format specifier")
	case s.grouping != 0:
		return "", fmt.Errorf("ValueError: Cannot specify '%c' with 's'.", s.grouping)
	case s.align == '=':
		return "", fmt.Errorf("ValueError: '=' alignment not allowed in string format specifier")
	}
	if r := []rune(text); s.prec >= 0 && s.prec < len(r) {
		text = string(r[:s.prec])
	}
	return s.pad("", text, '<'), nil
}

func (s formatSpec) integer(i int, typeName string) (string, error) {
	switch s.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		return s.float(float64(i), typeName)
	case 0, 'd', 'n', 'b', 'o', 'x', 'X', 'c':
	default:
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type '%s'", s.typ, typeName)
	}
	if s.prec >= 0 {
		return "", fmt.Errorf("ValueError: Precision not allowed in integer format specifier")
	}
	if s.typ == 'c' {
		if s.sign != 0 || s.alt || s.grouping != 0 {
			return "", fmt.Errorf("ValueError: Sign, alternate form and grouping are not allowed with integer format specifier 'c'")
		}
		if i < 0 || i > maxCodePoint {
			return "", fmt.Errorf("OverflowError: %%c arg not in range(0x110000)")
		}
		return s.pad("", string(rune(i)), '>'), nil
	}
	base, prefix := 10, ""
	switch s.typ {
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	}
	if base != 10 && s.grouping == ',' || s.typ == 'n' && s.grouping != 0 {
		return "", fmt.Errorf("ValueError: Cannot specify ',' with '%c'.", s.typ)
	}
	if !s.alt {
		prefix = ""
	}
	neg := i < 0
	u := uint64(i)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, base)
	if s.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	return s.number(neg, digits, prefix)
}

const maxCodePoint = 0x10FFFF

func (s formatSpec) float(f float64, typeName string) (string, error) {
	typ, prec := s.typ, s.prec
	switch typ {
	case 'n':
		if s.grouping != 0 {
			return "", fmt.Errorf("ValueError: Cannot specify ',' with 'n'.")
		}
		typ = 'g'
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', '%':
	default:
		return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type '%s'", s.typ, typeName)
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	var body string
	switch {
	case math.IsInf(a, 0) || math.IsNaN(a):
		body = floatBody(a, typ, prec, false)
	case typ == 0 && prec < 0:
		body = floatRepr(a)
	case typ == 0:
		// like 'g', but the exponent form starts one digit earlier
		body = formatGBelow(a, max(prec, 1), max(prec, 1)-1, s.alt)
		if !strings.ContainsAny(body, ".e") {
			body += ".0"
		}
	default:
		body = floatBody(a, typ, prec, s.alt)
	}
	if neg && s.noNegZero && strings.Trim(body, "0.%") == "" {
		neg = false
	}
	return s.number(neg, body, "")
}

// floatRepr is Python's repr() of a float that is not negative: the
// shortest digits that read back, in exponent form below 1e-4 or from 1e16.
func floatRepr(a float64) string {
	if a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(a, 'e', -1, 64)
	}
	s := strconv.FormatFloat(a, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// number lays out a number's sign, prefix and body, padded to the width;
// the body's leading digits are the integer part, which is grouped.
func (s formatSpec) number(neg bool, body, prefix string) (string, error) {
	sign := ""
	switch {
	case neg:
		sign = "-"
	case s.sign == '+':
		sign = "+"
	case s.sign == ' ':
		sign = " "
	}
	intEnd := len(body)
	if prefix == "" && s.typ != 'x' && s.typ != 'X' {
		if intEnd = strings.IndexFunc(body, func(r rune) bool { return r < '0' || r > '9' }); intEnd < 0 {
			intEnd = len(body)
		}
	}
	intPart, tail := body[:intEnd], body[intEnd:]
	align := s.align
	if align == 0 {
		align = '>'
	} else if align == '0' {
		align = '='
	}
	if s.grouping != 0 && intPart != "" {
		if align == '=' && s.fill == '0' {
			need := s.width - utf8.RuneCountInString(sign+prefix+tail)
			for len(groupDigits(intPart, s.groupEvery(), s.grouping)) < need {
				intPart = "0" + intPart
			}
		}
		intPart = groupDigits(intPart, s.groupEvery(), s.grouping)
	}
	return s.padWith(sign+prefix, intPart+tail, align), nil
}

func (s formatSpec) groupEvery() int {
	if s.typ == 'b' || s.typ == 'o' || s.typ == 'x' || s.typ == 'X' {
		return 4
	}
	return 3
}

// groupDigits puts sep between every n digits from the right.
func groupDigits(digits string, n int, sep byte) string {
	if len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first == 0 {
		first = n
	}
	b.WriteString(digits[:first])
	for i := first; i < len(digits); i += n {
		b.WriteByte(sep)
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

// pad aligns text to the width with the fill, by default to def.
func (s formatSpec) pad(sign, text string, def byte) string {
	align := s.align
	if align == 0 || align == '0' {
		align = def
	}
	return s.padWith(sign, text, align)
}

func (s formatSpec) padWith(sign, text string, align byte) string {
	n := s.width - utf8.RuneCountInString(sign+text)
	if n <= 0 {
		return sign + text
	}
	fill := strings.Repeat(string(s.fill), n)
	switch align {
	case '<':
		return sign + text + fill
	case '^':
		left := strings.Repeat(string(s.fill), n/2)
		return left + sign + text + strings.Repeat(string(s.fill), n-n/2)
	case '=':
		return sign + fill + text
	}
	return fill + sign + text
}
