package jinja

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/nikolalohinski/gonja/v2/exec"
)

// pyFormat is Python's printf-style `format % args`, which Jinja2 runs for
// `'%s_%s' % (a, b)`: a tuple gives the arguments, a dict the %(name)s
// values, anything else is the one argument.
func pyFormat(format string, args *exec.Value) (string, error) {
	var list []*exec.Value
	var mapping *exec.Value
	switch x := args.Interface().(type) {
	case exec.ValuesList:
		list = x
	default:
		if isDict(args) && strings.Contains(format, "%(") {
			mapping = args
		} else {
			list = []*exec.Value{args}
		}
	}
	next := 0
	take := func() (*exec.Value, error) {
		if next >= len(list) {
			return nil, fmt.Errorf("not enough arguments for format string")
		}
		next++
		return list[next-1], nil
	}
	var out strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", fmt.Errorf("incomplete format")
		}
		var spec fmtSpec
		var arg *exec.Value
		if format[i] == '(' {
			end := strings.IndexByte(format[i:], ')')
			if end < 0 {
				return "", fmt.Errorf("incomplete format key")
			}
			if mapping == nil {
				return "", fmt.Errorf("format requires a mapping")
			}
			key := format[i+1 : i+end]
			v, ok := dictGet(mapping, key)
			if !ok {
				return "", fmt.Errorf("KeyError: %s", pyRepr(exec.AsValue(key)))
			}
			arg = v
			i += end + 1
		}
		for ; i < len(format) && strings.IndexByte("#0- +", format[i]) >= 0; i++ {
			spec.flags += string(format[i])
		}
		readNum := func() (int, bool, error) {
			if i < len(format) && format[i] == '*' {
				i++
				v, err := take()
				if err != nil {
					return 0, false, err
				}
				if !v.IsInteger() {
					return 0, false, fmt.Errorf("* wants int")
				}
				return v.Integer(), true, nil
			}
			start := i
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				i++
			}
			if start == i {
				return 0, false, nil
			}
			n, _ := strconv.Atoi(format[start:i])
			return n, true, nil
		}
		var err error
		if spec.width, _, err = readNum(); err != nil {
			return "", err
		}
		if spec.width < 0 {
			spec.flags += "-"
			spec.width = -spec.width
		}
		if spec.width > MaxOutputBytes {
			return "", fmt.Errorf("format width %d is larger than a template's output may be", spec.width)
		}
		spec.prec = -1
		if i < len(format) && format[i] == '.' {
			i++
			if spec.prec, _, err = readNum(); err != nil {
				return "", err
			}
			if spec.prec > MaxOutputBytes {
				return "", fmt.Errorf("format precision %d is larger than a template's output may be", spec.prec)
			}
		}
		for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			return "", fmt.Errorf("incomplete format")
		}
		spec.verb = format[i]
		if spec.verb == '%' {
			out.WriteByte('%')
			continue
		}
		if arg == nil && mapping == nil {
			if arg, err = take(); err != nil {
				return "", err
			}
		} else if arg == nil {
			return "", fmt.Errorf("format requires a mapping")
		}
		s, err := spec.format(arg)
		if err != nil {
			return "", err
		}
		out.WriteString(s)
	}
	if mapping == nil && next < len(list) {
		return "", fmt.Errorf("not all arguments converted during string formatting")
	}
	return out.String(), nil
}

// fmtSpec is one conversion: %[flags][width][.prec]verb.
type fmtSpec struct {
	flags       string
	width, prec int
	verb        byte
}

func (s fmtSpec) has(flag byte) bool { return strings.IndexByte(s.flags, flag) >= 0 }

func (s fmtSpec) format(v *exec.Value) (string, error) {
	switch s.verb {
	case 's', 'r', 'a':
		text := pyStr(v)
		if s.verb != 's' {
			text = pyRepr(v)
		}
		if s.prec >= 0 && s.prec < len([]rune(text)) {
			text = string([]rune(text)[:s.prec])
		}
		return s.pad("", text, false), nil
	case 'c':
		if v.IsString() && len([]rune(v.String())) == 1 {
			return s.pad("", v.String(), false), nil
		}
		if i, _, isFloat, ok := number(v); ok && !isFloat {
			return s.pad("", string(rune(i)), false), nil
		}
		return "", fmt.Errorf("%%c requires an int or a unicode character, not %s", pyTypeName(v))
	case 'd', 'i', 'u':
		i, f, isFloat, ok := number(v)
		if !ok {
			return "", fmt.Errorf("%%%c format: a real number is required, not %s", s.verb, pyTypeName(v))
		}
		if isFloat {
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return "", fmt.Errorf("cannot convert float %s to integer", pyStr(v))
			}
			i = int(f)
		}
		return s.integer(i, 10, ""), nil
	case 'o', 'x', 'X':
		i, _, isFloat, ok := number(v)
		if !ok || isFloat {
			return "", fmt.Errorf("%%%c format: an integer is required, not %s", s.verb, pyTypeName(v))
		}
		base, prefix := 16, "0x"
		switch s.verb {
		case 'o':
			base, prefix = 8, "0o"
		case 'X':
			prefix = "0X"
		}
		if !s.has('#') {
			prefix = ""
		}
		return s.integer(i, base, prefix), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		_, f, _, ok := number(v)
		if !ok {
			return "", fmt.Errorf("must be real number, not %s", pyTypeName(v))
		}
		return s.float(f), nil
	}
	return "", fmt.Errorf("unsupported format character '%c'", s.verb)
}

func (s fmtSpec) sign(negative bool) string {
	switch {
	case negative:
		return "-"
	case s.has('+'):
		return "+"
	case s.has(' '):
		return " "
	}
	return ""
}

func (s fmtSpec) integer(i, base int, prefix string) string {
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
	}
	digits := strconv.FormatUint(u, base)
	if s.verb == 'X' {
		digits = strings.ToUpper(digits)
	}
	if s.prec > len(digits) {
		digits = strings.Repeat("0", s.prec-len(digits)) + digits
	}
	return s.pad(s.sign(neg)+prefix, digits, true)
}

func (s fmtSpec) float(f float64) string {
	a := math.Abs(f)
	body := floatBody(a, s.verb, s.prec, s.has('#'))
	return s.pad(s.sign(math.Signbit(f) && !math.IsNaN(f)), body, !math.IsInf(a, 0) && !math.IsNaN(a))
}

// floatBody writes a float's magnitude a as the conversion verb (f, e, g,
// % and their capitals) writes it, precision 6 by default; alt ('#')
// keeps a decimal point always, and g's trailing zeros.
func floatBody(a float64, verb byte, prec int, alt bool) string {
	var body string
	switch {
	case math.IsInf(a, 0):
		body = "inf"
	case math.IsNaN(a):
		body = "nan"
	default:
		if prec < 0 {
			prec = 6
		}
		switch verb {
		case 'f', 'F':
			body = strconv.FormatFloat(a, 'f', prec, 64)
		case 'e', 'E':
			body = strconv.FormatFloat(a, 'e', prec, 64)
		case '%':
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		default:
			body = formatG(a, prec, alt)
		}
		if alt && !strings.Contains(body, ".") {
			if k := strings.IndexAny(body, "e%"); k >= 0 {
				body = body[:k] + "." + body[k:]
			} else {
				body += "."
			}
		}
	}
	if verb == 'E' || verb == 'F' || verb == 'G' {
		body = strings.ToUpper(body)
	}
	return body
}

// formatG is C's %g: precision significant digits, exponent form when the
// exponent is below -4 or at least the precision, trailing zeros removed
// unless keep.
func formatG(a float64, prec int, keep bool) string {
	return formatGBelow(a, max(prec, 1), max(prec, 1), keep)
}

// formatGBelow is formatG with the exponent form from the exponent limit.
func formatGBelow(a float64, prec, limit int, keep bool) string {
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	var body string
	if exp >= -4 && exp < limit {
		body = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
	} else {
		body = e
	}
	if keep {
		return body
	}
	mant, tail := body, ""
	if k := strings.IndexByte(body, 'e'); k >= 0 {
		mant, tail = body[:k], body[k:]
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	return mant + tail
}

// pad fills to the width: left-aligned with '-', zeros after the sign with
// '0' (numbers only), spaces before otherwise.
func (s fmtSpec) pad(sign, body string, numeric bool) string {
	n := len([]rune(sign)) + len([]rune(body))
	if n >= s.width {
		return sign + body
	}
	fill := s.width - n
	switch {
	case s.has('-'):
		return sign + body + strings.Repeat(" ", fill)
	case s.has('0') && numeric:
		return sign + strings.Repeat("0", fill) + body
	}
	return strings.Repeat(" ", fill) + sign + body
}

func isDict(v *exec.Value) bool {
	return dictOf(v) != nil || v.IsDict()
}

// PyStr is Python's str() of a Go value as YAML or a template gives it:
// 2.0 is "2.0", true "True", as dbt writes a test's arguments into SQL.
func PyStr(v any) string { return pyStr(exec.AsValue(v)) }

// pyStr is Python's str() of a value.
func pyStr(v *exec.Value) string {
	if v == nil || v.IsNil() {
		return "None"
	}
	switch x := v.Interface().(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	switch {
	case v.IsFloat():
		f := v.Float()
		switch {
		case math.IsInf(f, 1):
			return "inf"
		case math.IsInf(f, -1):
			return "-inf"
		case math.IsNaN(f):
			return "nan"
		}
		return v.String()
	case v.IsString() || v.IsInteger():
		return v.String()
	case isDict(v) || v.IsList():
		return pyRepr(v)
	}
	return v.String()
}

// pyRepr is Python's repr() of a value.
func pyRepr(v *exec.Value) string {
	if v == nil || v.IsNil() {
		return "None"
	}
	switch x := v.Interface().(type) {
	case string:
		return pyQuote(x)
	case *decFloat:
		return "Decimal('" + x.String() + "')"
	case pyTime:
		return x.repr()
	case pyDelta:
		return x.repr()
	case row:
		return x.String()
	case exec.ValuesList:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = pyRepr(e)
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	switch {
	case v.IsString():
		return pyQuote(v.String())
	case isDict(v):
		var parts []string
		for _, p := range dictEntries(v) {
			parts = append(parts, pyRepr(p.Key)+": "+pyRepr(p.Value))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case v.IsList():
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = pyRepr(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return pyStr(v)
}

// pyQuote quotes a string as Python's repr does: single quotes unless the
// text holds one and no double quote.
func pyQuote(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == rune(q):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r > 0x7f && !unicode.IsPrint(r):
			if r <= 0xff {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
