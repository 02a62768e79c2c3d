package seed

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/nexus-playground/nexus/pipeline/internal/sqlfunc"
)

// DuckDBSniff types the columns of a file as DuckDB's read_csv sniffer
// types them, past the numbers and booleans: each column takes the first
// of TIME, DATE, TIMESTAMP and TIMESTAMP WITH TIME ZONE every non-empty
// cell of it reads as, else stays VARCHAR (checked on DuckDB). Timestamp
// and TimestampTZ store a cell of those types, written
// YYYY-MM-DD HH:MM:SS[.ffffff][offset or zone] (the engine's casts).
type DuckDBSniff struct {
	Timestamp, TimestampTZ Declared
}

// The sniffer's kinds past VARCHAR, in the order it tries them.
const (
	sniffTime = iota
	sniffDate
	sniffTimestamp
	sniffTimestampTZ
)

// sniffTypes is the type of each column of text DuckDB's sniffer gives
// one of its time kinds (nil for the others): a file has one date format and one
// timestamp format, which the first column needing one picks (sniff_csv's
// DateFormat and TimestampFormat), so a column of dates written otherwise
// than the file's first stays VARCHAR, as there.
func (s *DuckDBSniff) sniffTypes(cells [][]string, text []bool) []*Declared {
	out := make([]*Declared, len(text))
	var dateFormat, tsFormat *sniffFormat
	for c, isText := range text {
		if !isText {
			continue
		}
		var vals []string
		for _, rec := range cells {
			if rec[c] != "" {
				vals = append(vals, rec[c])
			}
		}
		if len(vals) == 0 {
			continue
		}
		if every(vals, isSniffTime) {
			out[c] = &Declared{Affinity: "TEXT", Type: "time", Timestamp: sniffedTime}
			continue
		}
		if dateFormat == nil {
			dateFormat = lastMatching(dateFormats, vals)
		}
		if dateFormat != nil && every(vals, func(v string) bool { _, ok := dateFormat.read(v); return ok }) {
			f := dateFormat
			out[c] = &Declared{Affinity: Date.Affinity, Type: Date.Type, Timestamp: func(v string) (string, bool) {
				t, ok := f.read(v)
				return t.Format("2006-01-02"), ok
			}}
			continue
		}
		if tsFormat == nil && !every(vals, func(v string) bool { _, ok := isoTimestamp(v, false); return ok }) {
			tsFormat = lastMatching(timestampFormats, vals)
		}
		if tsFormat != nil {
			if every(vals, func(v string) bool { _, ok := tsFormat.read(v); return ok }) {
				f, conv := tsFormat, s.Timestamp.Timestamp
				d := s.Timestamp
				d.Timestamp = func(v string) (string, bool) {
					t, ok := f.read(v)
					if !ok {
						return "", false
					}
					return conv(t.Format("2006-01-02 15:04:05.999999"))
				}
				out[c] = &d
				continue
			}
		} else if every(vals, func(v string) bool { _, ok := isoTimestamp(v, false); return ok }) {
			out[c] = sniffedISO(s.Timestamp, false)
			continue
		}
		if every(vals, func(v string) bool { _, ok := isoTimestamp(v, true); return ok }) {
			out[c] = sniffedISO(s.TimestampTZ, true)
		}
	}
	return out
}

func every(vals []string, ok func(string) bool) bool {
	for _, v := range vals {
		if !ok(v) {
			return false
		}
	}
	return true
}

// sniffedISO is d reading the cells isoTimestamp takes.
func sniffedISO(d Declared, zoned bool) *Declared {
	conv := d.Timestamp
	d.Timestamp = func(v string) (string, bool) {
		iso, ok := isoTimestamp(v, zoned)
		if !ok {
			return "", false
		}
		return conv(iso)
	}
	return &d
}

// sniffClock is a time of day as DuckDB's CSV sniffer takes one: an hour
// of one or two digits, minutes of two, and seconds with a fraction
// optional.
var sniffClock = regexp.MustCompile(`^(\d{1,2}):(\d{2})(?::(\d{1,2})(\.\d+)?)?$`)

func isSniffTime(v string) bool {
	_, ok := sniffedTime(v)
	return ok
}

// sniffedTime writes a time of day as DuckDB writes a TIME: the sniffer
// takes minutes of two digits only, which the cast then reads.
func sniffedTime(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if !sniffClock.MatchString(v) {
		return "", false
	}
	return sqlfunc.DuckClockText(v)
}

// truncFraction keeps a fraction's first six digits (microseconds), as
// DuckDB reads a longer one.
func truncFraction(f string) string {
	if len(f) > 7 {
		return f[:7]
	}
	return f
}

// sniffISO is a timestamp as DuckDB's cast reads one: a date, T or a
// space, a time whose minutes and seconds may have one digit, a fraction,
// then an offset (Z, ±HH, ±HHMM, ±HH:MM[:SS]) or a zone's name after a
// space.
var sniffISO = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?| [A-Za-z][A-Za-z0-9_+/-]*)?$`)

// isoTimestamp reads v as DuckDB's TIMESTAMP (zoned false: no offset,
// but a zone of UTC) or TIMESTAMP WITH TIME ZONE (any offset or zone, or
// none) reads it, written YYYY-MM-DD HH:MM:SS[.ffffff] and the offset or
// zone.
func isoTimestamp(v string, zoned bool) (string, bool) {
	m := sniffISO.FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return "", false
	}
	zone := m[8]
	if !zoned && zone != "" && zone != " UTC" {
		return "", false
	}
	if z := strings.TrimSpace(zone); len(z) > 1 && zone[0] == ' ' {
		if z == "UTC" {
			zone = ""
		} else if _, err := time.LoadLocation(z); err != nil && !strings.EqualFold(z, "GMT") {
			return "", false
		}
	}
	n := func(i int) int { x, _ := strconv.Atoi(m[i]); return x }
	y, mo, d, h, mi, s := n(1), n(2), n(3), n(4), n(5), n(6)
	if !validDate(y, mo, d) || h > 23 || mi > 59 || s > 59 {
		return "", false
	}
	out := fmt.Sprintf("%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s)
	if f := truncFraction(m[7]); len(f) > 1 {
		out += f
	}
	return out + zone, true
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// sniffFormat is one of the sniffer's candidate formats: the order of
// year (Y four digits at most, y two), month and day, one separator
// between them, and for a timestamp the clock after a space (H 24 hours,
// I 12 hours and AM or PM; a fraction with F).
type sniffFormat struct {
	order string // "mdY", "dmy", "Ymd" ...
	sep   byte
	clock string // "", "HMS", "HMSF", "HMSf" (a fraction required), "IMSp"
	t     bool   // T between date and clock, else a space
}

var (
	sniffOrders = []string{"mdY", "mdy", "dmY", "dmy", "Ymd", "ymd"}
	sniffSeps   = []byte{'-', '/', '.', ' '}
	// the candidates in the sniffer's order: where several read every cell
	// of the column, the last one is the file's
	dateFormats      = formats(sniffOrders, "")
	timestampFormats = slicesConcat(
		formats([]string{"Ymd"}, "HMSF"), formats([]string{"mdY", "mdy"}, "IMSp"),
		formats([]string{"dmY", "dmy", "Ymd", "ymd"}, "HMS"))
)

func formats(orders []string, clock string) []*sniffFormat {
	return formatsWith(sniffSeps, orders, clock)
}

func formatsWith(seps []byte, orders []string, clock string) []*sniffFormat {
	var out []*sniffFormat
	for _, o := range orders {
		for _, s := range seps {
			out = append(out, &sniffFormat{order: o, sep: s, clock: clock})
		}
	}
	return out
}

func slicesConcat(ss ...[]*sniffFormat) []*sniffFormat {
	var out []*sniffFormat
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}

// lastMatching is the last of candidates reading every value, nil when
// none does. A format's separator must be the one the values use.
func lastMatching(candidates []*sniffFormat, vals []string) *sniffFormat {
	var found *sniffFormat
	for _, f := range candidates {
		if every(vals, func(v string) bool { _, ok := f.read(v); return ok }) {
			found = f
		}
	}
	return found
}

// read reads v in format f.
func (f *sniffFormat) read(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	date, clock := v, ""
	if f.clock != "" && f.t {
		var ok bool
		if date, clock, ok = strings.Cut(v, "T"); !ok {
			return time.Time{}, false
		}
	} else if f.clock != "" {
		// the date's parts are separated by f.sep, which may be a space
		parts := strings.SplitN(v, " ", 2)
		if f.sep == ' ' {
			parts = strings.SplitN(v, " ", 4)
			if len(parts) != 4 {
				return time.Time{}, false
			}
			parts = []string{strings.Join(parts[:3], " "), parts[3]}
		}
		if len(parts) != 2 {
			return time.Time{}, false
		}
		date, clock = parts[0], parts[1]
	}
	fields := strings.Split(date, string(f.sep))
	if len(fields) != 3 {
		return time.Time{}, false
	}
	var y, m, d int
	for i, k := range f.order {
		s := fields[i]
		max := 2
		if k == 'Y' {
			max = 4
		}
		if s == "" || len(s) > max || k == 'y' && len(s) != 2 || !allDigits(s) {
			return time.Time{}, false
		}
		n, _ := strconv.Atoi(s)
		switch k {
		case 'Y':
			y = n
		case 'y':
			// two digits: 1969 to 2068, as DuckDB's %y reads them
			y = 2000 + n
			if n >= 69 {
				y = 1900 + n
			}
		case 'm':
			m = n
		case 'd':
			d = n
		}
	}
	if !validDate(y, m, d) {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if f.clock == "" {
		return t, true
	}
	h, mi, s, frac, ok := readClockText(clock, f.clock)
	if !ok {
		return time.Time{}, false
	}
	return t.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second + frac), true
}

// readClockText reads the clock of a timestamp format: HMS (HH:MM:SS),
// HMSF (a fraction, which may be left out) or IMSp (a 12-hour clock and
// AM or PM after a space).
func readClockText(s, clock string) (h, mi, sec int, frac time.Duration, ok bool) {
	if clock == "IMSp" {
		var p string
		s, p, ok = strings.Cut(s, " ")
		if !ok {
			return
		}
		ok = false
		switch strings.ToUpper(p) {
		case "AM":
		case "PM":
			h = 12
		default:
			return
		}
	}
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return
	}
	secs := parts[2]
	if clock == "HMSF" || clock == "HMSf" {
		whole, f, has := strings.Cut(secs, ".")
		if !has && clock == "HMSf" {
			return
		}
		if has {
			if f == "" || !allDigits(f) {
				return
			}
			secs = whole
			f = truncFraction("." + f)[1:]
			n, _ := strconv.Atoi(f + strings.Repeat("0", 6-len(f)))
			frac = time.Duration(n) * time.Microsecond
		}
	}
	var vals [3]int
	for i, p := range []string{parts[0], parts[1], secs} {
		if p == "" || len(p) > 2 || !allDigits(p) {
			return
		}
		vals[i], _ = strconv.Atoi(p)
	}
	if vals[1] > 59 || vals[2] > 59 {
		return
	}
	if clock == "IMSp" {
		if vals[0] < 1 || vals[0] > 12 {
			return
		}
		h += vals[0] % 12
	} else {
		if vals[0] > 23 {
			return
		}
		h = vals[0]
	}
	return h, vals[1], vals[2], frac, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// DuckDB's JSON reader types a column of strings of its own, one format a
// column, dates and timestamps with - between their parts only: a fraction
// is required by the format of fractions, so a column of timestamps some of
// which have one and some not stays VARCHAR, as it does with T and a
// space mixed (checked on DuckDB).
var (
	jsonDateFormats      = formatsWith([]byte{'-'}, sniffOrders, "")
	jsonTimestampFormats = slicesConcat(
		formatsWith([]byte{'-'}, []string{"Ymd"}, "HMSf"), formatsWith([]byte{'-'}, []string{"mdY", "mdy"}, "IMSp"),
		formatsWith([]byte{'-'}, []string{"dmY", "dmy", "Ymd", "ymd"}, "HMS"),
		[]*sniffFormat{{order: "Ymd", sep: '-', clock: "HMS", t: true}})
)

// SniffJSONStrings is the type DuckDB's JSON reader (read_json_auto)
// gives a column whose values are the strings vals: "time", "date",
// "timestamp", "timestamptz", or "" for VARCHAR; conv writes a value in
// the form the engine's cast to that type reads (HH:MM:SS, YYYY-MM-DD,
// YYYY-MM-DD HH:MM:SS[.ffffff][offset]).
func SniffJSONStrings(vals []string) (typ string, conv func(string) (string, bool)) {
	if len(vals) == 0 {
		return "", nil
	}
	if every(vals, isSniffTime) {
		return "time", sniffedTime
	}
	if f := lastMatching(jsonDateFormats, vals); f != nil {
		return "date", func(v string) (string, bool) {
			t, ok := f.read(v)
			return t.Format("2006-01-02"), ok
		}
	}
	if f := lastMatching(jsonTimestampFormats, vals); f != nil {
		return "timestamp", func(v string) (string, bool) {
			t, ok := f.read(v)
			return t.Format("2006-01-02 15:04:05.999999"), ok
		}
	}
	offset := func(v string) (string, bool) {
		iso, ok := isoTimestamp(v, true)
		if !ok || !jsonOffset.MatchString(strings.TrimSpace(v)) {
			return "", false
		}
		return iso, true
	}
	if every(vals, func(v string) bool { _, ok := offset(v); return ok }) {
		return "timestamptz", offset
	}
	return "", nil
}

// jsonOffset is the offset a timestamp with time zone of DuckDB's JSON
// reader ends with (a zone's name leaves it VARCHAR).
var jsonOffset = regexp.MustCompile(`(Z|[+-]\d{2}(:?\d{2}(:?\d{2})?)?)$`)

// duckNumberType is the type DuckDB's sniffer gives column c among its
// numbers and text: INTEGER (BIGINT, a HUGEINT past 64 bits), REAL (a
// DOUBLE) or TEXT. An integer may have spaces around it and a decimal
// before it; a plus sign or a leading zero makes text (checked on DuckDB).
func duckNumberType(cells [][]string, c int) string {
	typ := ""
	for _, rec := range cells {
		s := rec[c]
		if s == "" {
			continue
		}
		trimmed := strings.TrimSpace(s)
		switch {
		case strings.HasPrefix(trimmed, "+"):
			return "TEXT"
		case isInt(trimmed), isHugeInt(trimmed):
			if typ == "" {
				typ = "INTEGER"
			}
		case isFloat(strings.TrimLeft(s, " ")):
			typ = "REAL"
		default:
			return "TEXT"
		}
	}
	if typ == "" {
		return "INTEGER" // empty cells only: made VARCHAR by the caller
	}
	return typ
}

// duckBooleanColumn tells whether every cell of column c, one at least,
// is a boolean as DuckDB's sniffer reads one: true, false, t, f, yes or
// no in any case, without spaces.
func duckBooleanColumn(cells [][]string, c int) bool {
	n := 0
	for _, rec := range cells {
		switch strings.ToLower(rec[c]) {
		case "":
		case "true", "false", "t", "f", "yes", "no":
			n++
		default:
			return false
		}
	}
	return n > 0
}
