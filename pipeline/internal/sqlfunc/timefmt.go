package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Format strings of BigQuery and DuckDB (strftime elements such as %Y-%m-%d
// %H:%M:%S) and of Snowflake (YYYY-MM-DD HH24:MI:SS), compiled once per text
// into elements, which both write times and read them back.

// elem is one element of a format: a literal, or a field.
type elem struct {
	lit string
	// field is the strftime letter of the field ('Y' year, 'm' month...),
	// or ':' +HH:MM, 'h' +HH, '*' a dot and microseconds (%E*S), 'E' a dot
	// and width digits (%E<n>S), '.' width digits of the fraction; 0 for a
	// literal.
	field byte
	width int  // digits of a number field (0: natural)
	pad   byte // '0', ' ' or 0 (no padding)
	upper bool // Snowflake's MON vs Mon
	// zoneName: BigQuery's %Z, the offset as UTC, UTC-8 or UTC+0530
	// rather than the zone's abbreviation
	zoneName bool
}

// strftime flavors differ in a few letters.
type strftimeFlavor int

const (
	bigqueryFormat strftimeFlavor = iota
	duckdbFormat
)

func compileStrftime(f string, flavor strftimeFlavor) ([]elem, error) {
	var out []elem
	lit := func(s string) {
		if n := len(out); n > 0 && out[n-1].field == 0 {
			out[n-1].lit += s
			return
		}
		out = append(out, elem{lit: s})
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c != '%' {
			lit(string(c))
			continue
		}
		i++
		if i >= len(f) {
			return nil, fmt.Errorf("the format %q ends with a lone %%", f)
		}
		pad := byte('0')
		if f[i] == '-' && flavor == duckdbFormat {
			pad = 0
			i++
		}
		if i < len(f) && f[i] == 'E' && flavor == bigqueryFormat {
			// %Ez, %E*S, %E<n>S, %E4Y
			rest := f[i+1:]
			switch {
			case strings.HasPrefix(rest, "z"):
				out = append(out, elem{field: ':'})
				i++
				continue
			case strings.HasPrefix(rest, "*S"):
				out = append(out, elem{field: 'S', width: 2, pad: '0'}, elem{field: '*'})
				i += 2
				continue
			case strings.HasPrefix(rest, "4Y"):
				out = append(out, elem{field: 'Y', width: 4, pad: '0'})
				i += 2
				continue
			case len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9' && rest[1] == 'S':
				out = append(out, elem{field: 'S', width: 2, pad: '0'})
				if n := int(rest[0] - '0'); n > 0 {
					out = append(out, elem{field: 'E', width: n})
				}
				i += 2
				continue
			}
			return nil, fmt.Errorf("unknown format element %%E%s in %q", rest[:min(2, len(rest))], f)
		}
		if i < len(f) && f[i] == 'O' && flavor == bigqueryFormat {
			i++ // %Od and the like: alternative digits, same in English
		}
		if i >= len(f) {
			return nil, fmt.Errorf("the format %q ends inside an element", f)
		}
		if flavor == duckdbFormat && !duckdbSpecifiers(f[i], pad == 0) {
			dash := ""
			if pad == 0 {
				dash = "-"
			}
			return nil, fmt.Errorf("unknown format element %%%s%c in %q: DuckDB knows %%a %%A %%b %%B %%c %%d %%f %%g %%G %%h %%H %%I %%j %%m %%M %%n %%p %%S %%T %%u %%U %%V %%w %%W %%x %%X %%y %%Y %%z %%Z %%%% (and %%-d %%-H %%-I %%-j %%-m %%-M %%-S %%-y)", dash, f[i], f)
		}
		e := elem{field: f[i], pad: pad}
		switch f[i] {
		case 'Y':
			e.width = 4
		case 'm', 'd', 'H', 'M', 'S', 'I', 'y', 'C', 'U', 'W', 'V', 'g':
			e.width = 2
			if f[i] == 'g' && flavor == duckdbFormat {
				e = elem{field: '.', width: 3}
			}
		case 'e', 'k', 'l':
			e.width, e.pad = 2, ' '
			if f[i] == 'k' {
				e.field = 'H'
			}
			if f[i] == 'l' {
				e.field = 'I'
			}
			if f[i] == 'e' {
				e.field = 'd'
			}
		case 'j':
			e.width = 3
		case 'f':
			if flavor != duckdbFormat {
				return nil, fmt.Errorf("unknown format element %%f in %q", f)
			}
			e = elem{field: '.', width: 6}
		case 'n':
			if flavor == duckdbFormat {
				e = elem{field: '.', width: 9}
			} else {
				lit("\n")
				continue
			}
		case 't':
			lit("\t")
			continue
		case '%':
			lit("%")
			continue
		case 'F':
			out = append(out, elem{field: 'Y', width: 4, pad: '0'}, elem{lit: "-"}, elem{field: 'm', width: 2, pad: '0'}, elem{lit: "-"}, elem{field: 'd', width: 2, pad: '0'})
			continue
		case 'T', 'X':
			out = append(out, elem{field: 'H', width: 2, pad: '0'}, elem{lit: ":"}, elem{field: 'M', width: 2, pad: '0'}, elem{lit: ":"}, elem{field: 'S', width: 2, pad: '0'})
			continue
		case 'R':
			out = append(out, elem{field: 'H', width: 2, pad: '0'}, elem{lit: ":"}, elem{field: 'M', width: 2, pad: '0'})
			continue
		case 'x', 'c':
			if flavor == duckdbFormat {
				// DuckDB's date (and time) in ISO form: 1992-03-02 20:32:45
				iso := "%Y-%m-%d"
				if f[i] == 'c' {
					iso += " %H:%M:%S"
				}
				sub, _ := compileStrftime(iso, duckdbFormat)
				out = append(out, sub...)
				continue
			}
			if f[i] == 'c' {
				sub, _ := compileStrftime("%a %b %e %H:%M:%S %Y", bigqueryFormat)
				out = append(out, sub...)
				continue
			}
			fallthrough
		case 'D':
			out = append(out, elem{field: 'm', width: 2, pad: '0'}, elem{lit: "/"}, elem{field: 'd', width: 2, pad: '0'}, elem{lit: "/"}, elem{field: 'y', width: 2, pad: '0'})
			continue
		case 'h':
			e.field = 'b'
		case 'z':
			if flavor == duckdbFormat {
				e.field = 'h' // DuckDB writes +00 for UTC
			}
		case 'G':
			e.width = 4
		case 'Z':
			e.zoneName = flavor == bigqueryFormat
		case 'A', 'a', 'B', 'b', 'p', 'P', 's', 'u', 'w', 'Q':
		default:
			return nil, fmt.Errorf("unknown format element %%%c in %q", f[i], f)
		}
		out = append(out, e)
	}
	return out, nil
}

// snowflakeTokens are Snowflake's format elements, longest first.
var snowflakeTokens = []struct {
	tok string
	e   elem
}{
	{"YYYY", elem{field: 'Y', width: 4, pad: '0'}},
	{"HH24", elem{field: 'H', width: 2, pad: '0'}},
	{"HH12", elem{field: 'I', width: 2, pad: '0'}},
	{"MMMM", elem{field: 'B'}},
	{"TZHTZM", elem{field: 'z'}},
	{"TZH:TZM", elem{field: ':'}},
	{"TZH", elem{field: 'h'}},
	{"YY", elem{field: 'y', width: 2, pad: '0'}},
	{"MM", elem{field: 'm', width: 2, pad: '0'}},
	{"MON", elem{field: 'b'}},
	{"DD", elem{field: 'd', width: 2, pad: '0'}},
	{"DY", elem{field: 'a'}},
	{"HH", elem{field: 'H', width: 2, pad: '0'}},
	{"MI", elem{field: 'M', width: 2, pad: '0'}},
	{"SS", elem{field: 'S', width: 2, pad: '0'}},
	{"AM", elem{field: 'p'}},
	{"PM", elem{field: 'p'}},
}

func compileSnowflake(f string) ([]elem, error) { return compileSnowflakeFormat(f, false) }

// compileSnowflakeOutput compiles a format TO_CHAR writes with: there a
// letter that begins no element is written as it stands, as Snowflake
// writes it ('Month' is MON then the text th: Janth; 'Day' is Day),
// while a format that reads text refuses it.
func compileSnowflakeOutput(f string) ([]elem, error) { return compileSnowflakeFormat(f, true) }

func compileSnowflakeFormat(f string, output bool) ([]elem, error) {
	var out []elem
	for i := 0; i < len(f); {
		if f[i] == '"' {
			end := strings.IndexByte(f[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("the format %q has an unclosed quote", f)
			}
			out = append(out, elem{lit: f[i+1 : i+1+end]})
			i += end + 2
			continue
		}
		up := strings.ToUpper(f[i:])
		if strings.HasPrefix(up, "FF") {
			n := 9
			j := i + 2
			if j < len(f) && f[j] >= '0' && f[j] <= '9' {
				n = int(f[j] - '0')
				j++
			}
			out = append(out, elem{field: '.', width: n})
			i = j
			continue
		}
		matched := false
		for _, t := range snowflakeTokens {
			if strings.HasPrefix(up, t.tok) {
				e := t.e
				out = append(out, e)
				i += len(t.tok)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		c := f[i]
		// T, begins no element but TZH (matched above): ISO 8601's date and
		// time separator, taken as written as Snowflake takes text that is
		// no element (YYYY-MM-DDTHH24:MI:SS)
		if !output && c != 'T' && c != 't' && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return nil, fmt.Errorf("unknown format element at %q in %q: use YYYY, MM, MON, DD, HH24, HH12, MI, SS, FF, AM, TZH:TZM or quote text in \"\"", f[i:], f)
		}
		out = append(out, elem{lit: string(c)})
		i++
	}
	return out, nil
}

var (
	bigqueryFormats  boundedCache[[]elem]
	duckdbFormats    boundedCache[[]elem]
	snowflakeFormats boundedCache[[]elem]
	// TO_CHAR's, compiled by compileSnowflakeOutput
	snowflakeOutputFormats boundedCache[[]elem]
)

func bigqueryElems(f string) ([]elem, error) { return compileStrftime(f, bigqueryFormat) }

// duckdbSpecifiers tells whether DuckDB's strftime and strptime know
// %c (%-c when dash): they refuse the others (%C, %D, %e, %R, %-Y...),
// which C's strftime knows.
func duckdbSpecifiers(c byte, dash bool) bool {
	if dash {
		return strings.IndexByte("dHIjmMSy", c) >= 0
	}
	return strings.IndexByte("aAbBcdfgGhHIjmMnpSTuUVwWxXyYzZ%", c) >= 0
}

func duckdbElems(f string) ([]elem, error) { return compileStrftime(f, duckdbFormat) }

// CheckDuckDBFormat compiles a DuckDB strftime or strptime format, as the
// translator does for a literal one: DuckDB checks it when it binds.
func CheckDuckDBFormat(f string) error {
	_, err := duckdbElems(f)
	return err
}

// writeTime formats t with elems.
func writeTime(b []byte, t time.Time, elems []elem) []byte {
	num := func(n, width int, pad byte) {
		s := strconv.Itoa(n)
		for i := len(s); i < width && pad != 0; i++ {
			b = append(b, pad)
		}
		b = append(b, s...)
	}
	for _, e := range elems {
		switch e.field {
		case 0:
			b = append(b, e.lit...)
		case 'Y':
			num(t.Year(), e.width, e.pad)
		case 'y':
			num(t.Year()%100, 2, e.pad)
		case 'C':
			num(t.Year()/100, 2, e.pad)
		case 'G':
			y, _ := t.ISOWeek()
			num(y, 4, e.pad)
		case 'g':
			y, _ := t.ISOWeek()
			num(y%100, 2, e.pad)
		case 'm':
			num(int(t.Month()), e.width, e.pad)
		case 'd':
			num(t.Day(), e.width, e.pad)
		case 'H':
			num(t.Hour(), e.width, e.pad)
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			num(h, e.width, e.pad)
		case 'M':
			num(t.Minute(), e.width, e.pad)
		case 'S':
			num(t.Second(), e.width, e.pad)
		case '*':
			b = append(b, '.')
			b = append(b, fmt.Sprintf("%06d", t.Nanosecond()/1000)...)
		case '.', 'E':
			if e.field == 'E' {
				b = append(b, '.')
			}
			b = append(b, fmt.Sprintf("%09d", t.Nanosecond())[:e.width]...)
		case 'j':
			num(t.YearDay(), e.width, e.pad)
		case 'A':
			b = append(b, t.Weekday().String()...)
		case 'a':
			b = appendCase(b, t.Weekday().String()[:3], e.upper)
		case 'B':
			b = append(b, t.Month().String()...)
		case 'b':
			b = appendCase(b, t.Month().String()[:3], e.upper)
		case 'p':
			if t.Hour() < 12 {
				b = append(b, "AM"...)
			} else {
				b = append(b, "PM"...)
			}
		case 'P':
			if t.Hour() < 12 {
				b = append(b, "am"...)
			} else {
				b = append(b, "pm"...)
			}
		case 'Z':
			b = append(b, "UTC"...)
			if _, off := t.Zone(); e.zoneName && off != 0 {
				sign := byte('+')
				if off < 0 {
					sign, off = '-', -off
				}
				b = append(b, sign)
				if off%3600 == 0 {
					b = strconv.AppendInt(b, int64(off/3600), 10)
				} else {
					num(off/3600, 2, '0')
					num(off%3600/60, 2, '0')
				}
			}
		case 'z', ':', 'h':
			// t's offset: +0000 (+00:00, +00) but for a time in a zone
			_, off := t.Zone()
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			b = append(b, sign)
			num(off/3600, 2, '0')
			if e.field == ':' {
				b = append(b, ':')
			}
			if e.field != 'h' {
				num(off%3600/60, 2, '0')
			}
		case 's':
			b = strconv.AppendInt(b, t.Unix(), 10)
		case 'u':
			num((int(t.Weekday())+6)%7+1, 1, 0)
		case 'w':
			num(int(t.Weekday()), 1, 0)
		case 'Q':
			num((int(t.Month())-1)/3+1, 1, 0)
		case 'V':
			_, w := t.ISOWeek()
			num(w, 2, e.pad)
		case 'U', 'W':
			start := time.Sunday
			if e.field == 'W' {
				start = time.Monday
			}
			jan1 := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			first := jan1.AddDate(0, 0, (int(start)-int(jan1.Weekday())+7)%7)
			num(int(floorDiv(civilDays(t)-civilDays(first), 7)+1), 2, e.pad)
		}
	}
	return b
}

func appendCase(b []byte, s string, upper bool) []byte {
	if upper {
		return append(b, strings.ToUpper(s)...)
	}
	return append(b, s...)
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var dayNames = []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// readTime parses s with elems; missing fields are 1970-01-01 00:00:00
// UTC. White space in the format matches any white space in s.
func readTime(s string, elems []elem) (time.Time, error) {
	year, month, day, hour, minute, sec, nsec := 1970, 1, 1, 0, 0, 0, 0
	pm, hasPM, hour12 := false, false, false
	offset := 0
	var loc *time.Location // a zone named in s
	yday := 0
	epoch, hasEpoch := int64(0), false
	i := 0
	fail := func(what string) (time.Time, error) {
		if i >= len(s) {
			return time.Time{}, fmt.Errorf("%q ends where the format expects %s", s, what)
		}
		return time.Time{}, fmt.Errorf("%q does not match the format: expected %s at %q", s, what, s[i:])
	}
	skipWS := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
	}
	number := func(maxDigits int) (int, bool) {
		if i < len(s) && s[i] == ' ' {
			skipWS()
		}
		j := i
		neg := false
		if j < len(s) && (s[j] == '-' || s[j] == '+') && maxDigits > 4 {
			neg = s[j] == '-'
			j++
		}
		start := j
		for j < len(s) && j-start < maxDigits && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == start {
			return 0, false
		}
		n, _ := strconv.Atoi(s[start:j])
		i = j
		if neg {
			n = -n
		}
		return n, true
	}
	name := func(names []string) (int, bool) {
		rest := strings.ToLower(s[i:])
		for k, n := range names {
			if strings.HasPrefix(rest, n) {
				i += len(n)
				return k, true
			}
		}
		for k, n := range names {
			if strings.HasPrefix(rest, n[:3]) {
				i += 3
				return k, true
			}
		}
		return 0, false
	}
	skipWS()
	for _, e := range elems {
		var ok bool
		switch e.field {
		case 0:
			for k := 0; k < len(e.lit); k++ {
				c := e.lit[k]
				if c == ' ' || c == '\t' || c == '\n' {
					skipWS()
					continue
				}
				if i >= len(s) || s[i] != c {
					return fail(fmt.Sprintf("%q", string(c)))
				}
				i++
			}
			continue
		case 'Y', 'G':
			year, ok = number(4)
		case 'y':
			var y int
			if y, ok = number(2); ok {
				year = 1900 + y
				if y < 69 {
					year = 2000 + y
				}
			}
		case 'C':
			var c int
			c, ok = number(2)
			year = c*100 + year%100
		case 'm':
			month, ok = number(2)
		case 'd':
			day, ok = number(2)
		case 'H':
			hour, ok = number(2)
		case 'I':
			hour, ok = number(2)
			hour12 = true
		case 'M':
			minute, ok = number(2)
		case 'S':
			sec, ok = number(2)
		case '*', '.', 'E':
			// %E*S and %E<n>S write the dot themselves and read a
			// fraction only when there is one.
			if e.field != '.' {
				if i < len(s) && s[i] == '.' {
					i++
				} else {
					continue
				}
			}
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' && (e.field == '*' || j-i < e.width) {
				j++
			}
			if j == i {
				return fail("a fraction of a second")
			}
			frac := s[i:j]
			if len(frac) > 9 {
				frac = frac[:9]
			}
			nsec, _ = strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			i = j
			ok = true
		case 'j':
			yday, ok = number(3)
		case 'A', 'a':
			_, ok = name(dayNames)
		case 'B', 'b':
			var m int
			if m, ok = name(monthNames); ok {
				month = m + 1
			}
		case 'p', 'P':
			rest := strings.ToUpper(s[i:])
			switch {
			case strings.HasPrefix(rest, "AM"), strings.HasPrefix(rest, "PM"):
				pm, hasPM, ok = rest[0] == 'P', true, true
				i += 2
			case strings.HasPrefix(rest, "A.M."), strings.HasPrefix(rest, "P.M."):
				pm, hasPM, ok = rest[0] == 'P', true, true
				i += 4
			}
		case 'z', ':', 'h':
			skipWS()
			j := i
			if j < len(s) && (s[j] == 'Z' || s[j] == 'z') {
				i++
				ok = true
				break
			}
			if j < len(s) && (s[j] == '+' || s[j] == '-') {
				j++
				for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ':') && j-i < 6 {
					j++
				}
			}
			offset, ok = parseOffset(s[i:j])
			i = j
		case 'Z':
			skipWS()
			j := i
			for j < len(s) && s[j] != ' ' {
				j++
			}
			offset, ok = parseOffset(s[i:j])
			if !ok {
				l, err := loadZone(s[i:j])
				if err != nil {
					return time.Time{}, err
				}
				loc, ok = l, true
			}
			i = j
		case 's':
			var n int
			n, ok = number(19)
			epoch, hasEpoch = int64(n), true
		case 'u', 'w':
			_, ok = number(1)
		case 'Q':
			var q int
			if q, ok = number(1); ok {
				month = (q-1)*3 + 1
			}
		case 'U', 'W', 'V':
			_, ok = number(2)
		}
		if !ok {
			return fail(describe(e))
		}
	}
	skipWS()
	if i < len(s) {
		return time.Time{}, fmt.Errorf("%q has %q left over after the format", s, s[i:])
	}
	if hasEpoch {
		return time.Unix(epoch, 0).UTC(), nil
	}
	if hour12 || hasPM {
		if hour < 1 || hour > 12 {
			if hasPM || hour12 {
				return time.Time{}, fmt.Errorf("%q has hour %d, outside 1-12", s, hour)
			}
		}
		hour %= 12
		if pm {
			hour += 12
		}
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, fmt.Errorf("%q is not a valid date and time", s)
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if yday > 0 {
		t = time.Date(year, 1, yday, hour, minute, sec, nsec, time.UTC)
	}
	if loc != nil {
		return instantOf(t, loc), nil
	}
	return t.Add(-time.Duration(offset) * time.Second), nil
}

func describe(e elem) string {
	switch e.field {
	case 'Y', 'G':
		return "a year"
	case 'y':
		return "a two-digit year"
	case 'm':
		return "a month number"
	case 'd':
		return "a day of the month"
	case 'H', 'I':
		return "an hour"
	case 'M':
		return "minutes"
	case 'S':
		return "seconds"
	case 'B', 'b':
		return "a month name"
	case 'A', 'a':
		return "a weekday name"
	case 'p', 'P':
		return "AM or PM"
	case 'z', ':', 'h', 'Z':
		return "a time zone offset"
	case 'j':
		return "a day of the year"
	}
	return "a number"
}
