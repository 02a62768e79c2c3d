package sqlfunc

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// BigQuery's CAST(x AS STRING FORMAT 'YYYY-MM-DD' [AT TIME ZONE zone]) of a
// DATE, DATETIME, TIMESTAMP or TIME (format-elements, "Format date and time
// as string"; a TIME has only the hour, minute, second and meridian parts): elements matched longest first, case aside; MON, MONTH, DAY and
// DY take the letter case of the element as written (MON JAN, Mon Jan, mon
// jan), the meridian indicator the case of its first letter. DAY is the
// name as such (THURSDAY, as the documented example and GoogleSQL's own
// tests show it, whatever the text says of padding to 9 characters), and
// FFn the first n digits of the fraction, cut rather than rounded (FF1 of
// .16 is 1 in the documented example; FF3 of .012345 is 012 in GoogleSQL's
// tests). Elements BigQuery does not format are refused.

func init() {
	add(Func{Name: "cast_format_bigquery", NArgs: -1, Scalar: castFormat})
}

// castElem is one element of a cast format: a literal (field 0) or a field.
type castElem struct {
	lit   string
	field string // the element's canonical name: YYYY, MON, HH24...
	text  string // as written, for its letter case
}

// castFields are the elements BigQuery knows, longest first within each
// prefix; unsupported are those it refuses to format or whose answer is
// not certain here.
var (
	castFields = []string{"SSSSS", "SYYYY", "SYEAR", "MONTH", "Y,YYY", "A.M.", "P.M.", "A.D.", "B.C.", "YYYY", "RRRR",
		"IYYY", "YEAR", "HH12", "HH24", "SPTH", "THSP", "YYY", "IYY", "MON", "DDD", "DAY", "TZH", "TZM", "SCC",
		"FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FF7", "FF8", "FF9",
		"YY", "RR", "IY", "MM", "RM", "DD", "DY", "HH", "MI", "SS", "AM", "PM", "CC", "IW", "WW", "AD", "BC", "SP", "TH", "FM",
		"Y", "I", "D", "J", "Q", "W"}
	castKinds = map[string]string{"YYYY": "year", "YYY": "year", "YY": "year", "Y": "year", "RRRR": "year", "RR": "year",
		"MM": "month", "MON": "month", "MONTH": "month", "DDD": "day", "DD": "day", "D": "day", "DY": "day", "DAY": "day",
		"HH": "time", "HH12": "time", "HH24": "time", "MI": "time", "SS": "time", "SSSSS": "time",
		"AM": "time", "PM": "time", "A.M.": "time", "P.M.": "time", "TZH": "zone", "TZM": "zone",
		"FF1": "time", "FF2": "time", "FF3": "time", "FF4": "time", "FF5": "time", "FF6": "time", "FF7": "time", "FF8": "time", "FF9": "time"}
)

// CheckCastFormat compiles format for a cast of a value of kind (DATE,
// DATETIME or TIMESTAMP) to a string, as the translator does for a literal
// format.
func CheckCastFormat(format, kind string) error {
	_, err := compileCastFormat(format, kind)
	return err
}

func compileCastFormat(f, kind string) ([]castElem, error) {
	var out []castElem
	up := strings.ToUpper(f)
	for i := 0; i < len(f); {
		switch c := f[i]; {
		case strings.IndexByte("-./,';:", c) >= 0 && !strings.HasPrefix(up[i:], "Y,YYY"):
			out = append(out, castElem{lit: string(c)})
			i++
			continue
		case c == ' ':
			out = append(out, castElem{lit: " "})
			i++
			continue
		case c == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(f) && f[j] != '"'; j++ {
				if f[j] == '\\' {
					if j+1 >= len(f) || f[j+1] != '"' && f[j+1] != '\\' {
						return nil, fmt.Errorf("the format %q has an escape other than \\\" or \\\\ in quoted text", f)
					}
					j++
				}
				b.WriteByte(f[j])
			}
			if j >= len(f) {
				return nil, fmt.Errorf("the format %q has an unclosed \"", f)
			}
			out = append(out, castElem{lit: b.String()})
			i = j + 1
			continue
		}
		name := ""
		for _, e := range castFields {
			if strings.HasPrefix(up[i:], e) {
				name = e
				break
			}
		}
		if name == "" {
			return nil, fmt.Errorf("the format %q has no element at %q (elements: YYYY, MM, MON, MONTH, DD, DDD, DAY, DY, HH24, HH12, MI, SS, SSSSS, AM, TZH, TZM; text in \"\")", f, f[i:])
		}
		part, ok := castKinds[name]
		if !ok {
			return nil, fmt.Errorf("BigQuery cannot format %s in CAST ... FORMAT", name)
		}
		if kind == "DATE" && part != "year" && part != "month" && part != "day" || kind == "DATETIME" && part == "zone" ||
			kind == "TIME" && part != "time" {
			return nil, fmt.Errorf("%s does not support '%s'", kind, name)
		}
		out = append(out, castElem{field: name, text: f[i : i+len(name)]})
		i += len(name)
	}
	return out, nil
}

// writeCast formats t (in its zone) with elems.
func writeCast(t time.Time, elems []castElem) string {
	var b strings.Builder
	num := func(n, width int) {
		s := strconv.Itoa(n)
		for i := len(s); i < width; i++ {
			b.WriteByte('0')
		}
		b.WriteString(s)
	}
	for _, e := range elems {
		switch e.field {
		case "":
			b.WriteString(e.lit)
		case "YYYY", "RRRR":
			num(t.Year(), 4)
		case "YYY", "YY", "RR", "Y":
			w := len(e.field)
			if e.field == "RR" {
				w = 2
			}
			num(t.Year()%[]int{1, 10, 100, 1000}[w], w)
		case "MM":
			num(int(t.Month()), 2)
		case "MON":
			b.WriteString(castCase(t.Month().String()[:3], e.text))
		case "MONTH":
			b.WriteString(castCase(t.Month().String(), e.text))
		case "DDD":
			num(t.YearDay(), 3)
		case "DD":
			num(t.Day(), 2)
		case "D":
			num(int(t.Weekday())+1, 1)
		case "DY":
			b.WriteString(castCase(t.Weekday().String()[:3], e.text))
		case "DAY":
			b.WriteString(castCase(t.Weekday().String(), e.text))
		case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6", "FF7", "FF8", "FF9":
			b.WriteString(fmt.Sprintf("%09d", t.Nanosecond())[:e.field[2]-'0'])
		case "HH", "HH12":
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			num(h, 2)
		case "HH24":
			num(t.Hour(), 2)
		case "MI":
			num(t.Minute(), 2)
		case "SS":
			num(t.Second(), 2)
		case "SSSSS":
			num(t.Hour()*3600+t.Minute()*60+t.Second(), 5)
		case "AM", "PM", "A.M.", "P.M.":
			s := "AM"
			if t.Hour() >= 12 {
				s = "PM"
			}
			if strings.Contains(e.field, ".") {
				s = s[:1] + "." + s[1:] + "."
			}
			if e.text[0] >= 'a' && e.text[0] <= 'z' {
				s = strings.ToLower(s)
			}
			b.WriteString(s)
		case "TZH", "TZM":
			_, off := t.Zone()
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			if e.field == "TZH" {
				b.WriteByte(sign)
				num(off/3600, 2)
			} else {
				num(off%3600/60, 2)
			}
		}
	}
	return b.String()
}

// castCase writes a name in the letter case of the element as written:
// upper case when its first two letters are, capitalized when only the
// first is, lower case when the first is not.
func castCase(name, text string) string {
	switch {
	case text[0] >= 'a' && text[0] <= 'z':
		return strings.ToLower(name)
	case len(text) > 1 && text[1] >= 'a' && text[1] <= 'z':
		return name
	}
	return strings.ToUpper(name)
}

var castFormats boundedCache[[]castElem]

// castFormat is cast_format_bigquery(x, format, kind[, zone]): x, of kind
// DATE, DATETIME, TIMESTAMP or TIME, as a string in format (a TIMESTAMP in
// zone, UTC without one).
func castFormat(ctx sqlite3.Context, args ...sqlite3.Value) {
	const fn = "CAST ... FORMAT"
	if len(args) < 3 || len(args) > 4 {
		fail(ctx, fn, "takes a value, a format, its type and an optional time zone")
		return
	}
	if nullCall(ctx, args) {
		return
	}
	kind := args[2].Text()
	elems, err := compiled(ctx, 1, kind+"\x00"+args[1].Text(), &castFormats, func(key string) ([]castElem, error) {
		k, f, _ := strings.Cut(key, "\x00")
		return compileCastFormat(f, k)
	})
	if err != nil {
		fail(ctx, fn, "%v", err)
		return
	}
	if kind == "TIME" {
		d, err := readClock(args[0])
		if err != nil {
			fail(ctx, fn, "%v", err)
			return
		}
		ctx.ResultText(writeCast(midnight.Add(d), elems))
		return
	}
	m, ok := momentArg(ctx, fn, args[0])
	if !ok {
		return
	}
	t := m.t.UTC()
	if len(args) == 4 {
		loc, ok := zoneArg(ctx, fn, args[3])
		if !ok {
			return
		}
		t = t.In(loc)
	}
	ctx.ResultText(writeCast(t, elems))
}
