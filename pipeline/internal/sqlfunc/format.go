package sqlfunc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's FORMAT(format, values...): printf-style specifiers %d %i %o
// %x %X %f %F %e %E %g %G %s, %t (the value as printable text), %T (the
// value as a literal) and %%, with the flags - + space # 0 and ' (digit
// groups), a width and a precision, either of which may be * (taken from
// the next argument). SQLite's own format() knows neither %t nor %T nor '.
// A value's type is read from its SQLite value: text is a STRING, an
// integer an INT64, a real a FLOAT64, a blob BYTES, and JSON made in the
// same expression an ARRAY (a JSON array) or a STRUCT (a JSON object);
// the translator marks a BOOL, DATE, TIMESTAMP or DATETIME it knows of.

func init() {
	add(Func{Name: "format_bigquery", NArgs: -1, Scalar: formatBigQuery},
		Func{Name: "format_arg_typed", NArgs: 2, Scalar: formatArgTyped})
	rename("format_bigquery", "format", "bigquery")
}

// Subtypes that mark a FORMAT argument with the type the translator knows
// it has: format_arg_typed(x, 'BOOLEAN' | 'DATE' | 'TIMESTAMP' |
// 'DATETIME') is x so marked, for %t and %T to write it as that type.
const (
	boolSubtype     = 'B'
	dateSubtype     = 'D'
	instantSubtype  = 'I'
	datetimeSubtype = 'W'
)

func formatArgTyped(ctx sqlite3.Context, args ...sqlite3.Value) {
	ctx.ResultValue(args[0])
	if args[0].Type() == sqlite3.NULL {
		return
	}
	switch args[1].Text() {
	case "BOOLEAN":
		ctx.ResultSubtype(boolSubtype)
	case "DATE":
		ctx.ResultSubtype(dateSubtype)
	case KindInstant:
		ctx.ResultSubtype(instantSubtype)
	case KindWallClock:
		ctx.ResultSubtype(datetimeSubtype)
	}
}

// formatSpec is one % directive of a format string.
type formatSpec struct {
	flags      string
	width      int // -1 when none
	precision  int // -1 when none
	verb       byte
	group      bool // the ' flag
	starWidth  bool
	starPrecis bool
}

func formatBigQuery(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "FORMAT"
	if len(args) == 0 {
		fail(ctx, fn, "takes a format string and the values it formats")
		return
	}
	if args[0].Type() == sqlite3.NULL {
		ctx.ResultNull()
		return
	}
	format, vals := args[0].Text(), args[1:]
	var out strings.Builder
	next := 0
	take := func() (sqlite3.Value, bool) {
		if next >= len(vals) {
			return sqlite3.Value{}, false
		}
		next++
		return vals[next-1], true
	}
	null := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out.WriteByte(c)
			continue
		}
		spec, end, err := readFormatSpec(format, i+1)
		if err != nil {
			fail(ctx, fn, "%v in %q", err, format)
			return
		}
		i = end
		if spec.verb == '%' {
			out.WriteByte('%')
			continue
		}
		for _, star := range []*int{&spec.width, &spec.precision} {
			if *star != -2 {
				continue
			}
			v, ok := take()
			if !ok {
				fail(ctx, fn, "%q has more specifiers than values", format)
				return
			}
			n, isInt := integer(v)
			if v.Type() == sqlite3.NULL {
				null = true
			} else if !isInt || v.Type() != sqlite3.INTEGER {
				fail(ctx, fn, "a * width or precision must be an INT64, not %s", v.Text())
				return
			}
			*star = int(n)
		}
		if spec.width < 0 && spec.width != -1 { // a negative * width left-justifies
			spec.flags += "-"
			spec.width = -spec.width
		}
		if spec.precision < -1 {
			spec.precision = -1
		}
		v, ok := take()
		if !ok {
			fail(ctx, fn, "%q has more specifiers than values", format)
			return
		}
		if v.Type() == sqlite3.NULL && spec.verb != 't' && spec.verb != 'T' {
			null = true
			continue
		}
		s, err := spec.render(v)
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		out.WriteString(s)
	}
	if next < len(vals) {
		fail(ctx, fn, "%q has %d specifiers for %d values", format, next, len(vals))
		return
	}
	if null {
		ctx.ResultNull()
		return
	}
	ctx.ResultText(out.String())
}

// readFormatSpec reads the directive after a % at format[i:]; end is the
// index of its verb. A * width or precision is -2 until read.
func readFormatSpec(format string, i int) (spec formatSpec, end int, err error) {
	spec.width, spec.precision = -1, -1
	for ; i < len(format) && strings.IndexByte("-+ #0'", format[i]) >= 0; i++ {
		if format[i] == '\'' {
			spec.group = true
		} else {
			spec.flags += string(format[i])
		}
	}
	readNumber := func() int {
		if i < len(format) && format[i] == '*' {
			i++
			return -2
		}
		j := i
		for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
		}
		if j == i {
			return -1
		}
		n, _ := strconv.Atoi(format[j:i])
		return n
	}
	spec.width = readNumber()
	if i < len(format) && format[i] == '.' {
		i++
		if spec.precision = readNumber(); spec.precision == -1 {
			spec.precision = 0
		}
	}
	if i >= len(format) {
		return spec, i, fmt.Errorf("a %% at the end has no specifier")
	}
	spec.verb = format[i]
	if strings.IndexByte("dioxXfFeEgGstT%", spec.verb) < 0 {
		return spec, i, fmt.Errorf("%%%c is not a format specifier (write %%d %%i %%o %%x %%X %%f %%F %%e %%E %%g %%G %%s %%t %%T or %%%%)", spec.verb)
	}
	return spec, i, nil
}

// render formats v, not NULL unless the verb is t or T.
func (s formatSpec) render(v sqlite3.Value) (string, error) {
	switch s.verb {
	case 'd', 'i', 'o', 'x', 'X':
		n, ok := integer(v)
		if !ok || v.Type() == sqlite3.TEXT {
			return "", fmt.Errorf("%%%c formats an INT64, not %s", s.verb, describeValue(v))
		}
		verb := s.verb
		if verb == 'i' {
			verb = 'd'
		}
		if s.group && verb == 'd' {
			return s.pad(groupDigits(fmt.Sprintf(s.goVerb(false, false, 'd'), n))), nil
		}
		return fmt.Sprintf(s.goVerb(true, true, verb), n), nil
	case 'f', 'F', 'e', 'E', 'g', 'G':
		if v.Type() != sqlite3.INTEGER && v.Type() != sqlite3.FLOAT {
			return "", fmt.Errorf("%%%c formats a number, not %s", s.verb, describeValue(v))
		}
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			word := bigQueryFloatText(f)
			if s.verb >= 'A' && s.verb <= 'Z' {
				word = strings.ToUpper(word)
			}
			if strings.ContainsAny(s.flags, "+") && word[0] != '-' && !math.IsNaN(f) {
				word = "+" + word
			}
			return s.pad(word), nil
		}
		verb := s.verb
		if verb == 'F' {
			verb = 'f'
		}
		if s.group && verb == 'f' {
			return s.pad(groupDigits(fmt.Sprintf(s.goVerb(false, true, 'f'), f))), nil
		}
		return fmt.Sprintf(s.goVerb(true, true, verb), f), nil
	case 's':
		if v.Type() == sqlite3.BLOB {
			return "", fmt.Errorf("%%s formats a STRING, not BYTES")
		}
		return s.text(v.Text()), nil
	case 't':
		return s.text(printable(v, false)), nil
	default: // 'T'
		return s.text(printable(v, true)), nil
	}
}

// goVerb writes the spec as a Go fmt verb, with or without the width.
func (s formatSpec) goVerb(width, precision bool, verb byte) string {
	var b strings.Builder
	b.WriteByte('%')
	b.WriteString(s.flags)
	if width && s.width >= 0 {
		b.WriteString(strconv.Itoa(s.width))
	}
	if precision && s.precision >= 0 {
		b.WriteString("." + strconv.Itoa(s.precision))
	}
	b.WriteByte(verb)
	return b.String()
}

// pad fits a formatted number to the width: zeros after the sign with the
// 0 flag, spaces on the left, or on the right with the - flag.
func (s formatSpec) pad(num string) string {
	n := s.width - utf8.RuneCountInString(num)
	if n <= 0 {
		return num
	}
	switch {
	case strings.Contains(s.flags, "-"):
		return num + strings.Repeat(" ", n)
	case strings.Contains(s.flags, "0") && num != "" && strings.IndexAny(num, "0123456789") >= 0:
		sign := ""
		if num[0] == '-' || num[0] == '+' || num[0] == ' ' {
			sign, num = num[:1], num[1:]
		}
		return sign + strings.Repeat("0", n) + num
	}
	return strings.Repeat(" ", n) + num
}

// text applies the precision (the most characters kept) and the width to
// a string.
func (s formatSpec) text(str string) string {
	if s.precision >= 0 && utf8.RuneCountInString(str) > s.precision {
		str = string([]rune(str)[:s.precision])
	}
	return (formatSpec{flags: strings.ReplaceAll(s.flags, "0", ""), width: s.width}).pad(str)
}

// groupDigits puts a comma between each three digits of the integer part
// of a formatted number.
func groupDigits(num string) string {
	start := strings.IndexAny(num, "0123456789")
	if start < 0 {
		return num
	}
	end := start
	for end < len(num) && num[end] >= '0' && num[end] <= '9' {
		end++
	}
	digits := num[start:end]
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return num[:start] + b.String() + num[end:]
}

func describeValue(v sqlite3.Value) string {
	switch v.Type() {
	case sqlite3.TEXT:
		return "the STRING " + strconv.Quote(truncate(v.Text()))
	case sqlite3.FLOAT:
		return "the FLOAT64 " + bigQueryFloatText(v.Float())
	case sqlite3.BLOB:
		return "BYTES"
	}
	return v.Text()
}

// printable is a value as %t writes it (literal false) or as %T writes it,
// a literal of the value's type.
func printable(v sqlite3.Value, literal bool) string {
	if v.Type() == sqlite3.NULL {
		return "NULL"
	}
	switch v.Subtype() {
	case boolSubtype:
		if b, ok := truth(v); ok {
			return strconv.FormatBool(b)
		}
	case dateSubtype:
		if literal {
			return "DATE " + sqlQuoted(v.Text(), '"')
		}
		return v.Text()
	case instantSubtype, datetimeSubtype:
		m, err := readMoment(v)
		if err != nil {
			break
		}
		kind, name := KindInstant, "TIMESTAMP "
		if v.Subtype() == datetimeSubtype {
			kind, name = KindWallClock, "DATETIME "
		}
		s := writeTimestampString(m.t, time.UTC, kind, "bigquery")
		if literal {
			return name + sqlQuoted(s, '"')
		}
		return s
	}
	switch v.Type() {
	case sqlite3.INTEGER:
		return strconv.FormatInt(v.Int64(), 10)
	case sqlite3.FLOAT:
		return floatPrintable(v.Float(), literal)
	case sqlite3.BLOB:
		return bytesPrintable(v.RawBlob(), literal)
	}
	if v.Subtype() == jsonSubtype {
		raw := bytes.TrimSpace(v.RawText())
		if len(raw) > 0 && (raw[0] == '[' || raw[0] == '{') {
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if s, err := jsonPrintable(dec, literal); err == nil {
				return s
			}
		}
		var b bytes.Buffer
		if json.Compact(&b, raw) == nil {
			if literal {
				return "JSON " + sqlQuoted(b.String(), '\'')
			}
			return b.String()
		}
	}
	if literal {
		return sqlQuoted(v.Text(), '"')
	}
	return v.Text()
}

// floatPrintable writes a FLOAT64 as %t and %T do: with .0 when whole,
// and non-finite values as words (a cast of one for %T).
func floatPrintable(f float64, literal bool) string {
	s := bigQueryFloatText(f)
	switch {
	case math.IsInf(f, 0) || math.IsNaN(f):
		if literal {
			return `CAST("` + s + `" AS FLOAT64)`
		}
	case !strings.ContainsAny(s, ".e"):
		s += ".0"
	}
	return s
}

// bytesPrintable writes BYTES with printable ASCII as it is and other
// bytes as \xNN; %T quotes them as b"...".
func bytesPrintable(b []byte, literal bool) string {
	var out strings.Builder
	for _, c := range b {
		switch {
		case literal && (c == '"' || c == '\\'):
			out.WriteString(`\` + string(c))
		case c >= 0x20 && c < 0x7f:
			out.WriteByte(c)
		default:
			fmt.Fprintf(&out, `\x%02x`, c)
		}
	}
	if literal {
		return `b"` + out.String() + `"`
	}
	return out.String()
}

// sqlQuoted writes s as a GoogleSQL string literal in quote.
func sqlQuoted(s string, quote byte) string {
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteString(`\` + string(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// jsonPrintable writes the next JSON value of dec as an element of an
// ARRAY or a STRUCT: [a, b] and (a, b), members in their order.
func jsonPrintable(dec *json.Decoder, literal bool) (string, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", err
	}
	switch t := tok.(type) {
	case json.Delim:
		open, close := "[", "]"
		if t == '{' {
			open, close = "(", ")"
		}
		var items []string
		for dec.More() {
			if t == '{' {
				if _, err := dec.Token(); err != nil { // the member's name
					return "", err
				}
			}
			s, err := jsonPrintable(dec, literal)
			if err != nil {
				return "", err
			}
			items = append(items, s)
		}
		if _, err := dec.Token(); err != nil && err != io.EOF {
			return "", err
		}
		return open + strings.Join(items, ", ") + close, nil
	case nil:
		return "NULL", nil
	case bool:
		return strconv.FormatBool(t), nil
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return strconv.FormatInt(n, 10), nil
		}
		f, err := t.Float64()
		if err != nil {
			return "", err
		}
		return floatPrintable(f, literal), nil
	case string:
		if literal {
			return sqlQuoted(t, '"'), nil
		}
		return t, nil
	}
	return "", fmt.Errorf("unexpected JSON")
}
