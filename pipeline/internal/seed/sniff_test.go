package seed

import (
	"fmt"
	"strings"
	"testing"
)

// DuckDB's read_csv sniffer types columns of times, dates and timestamps
// (checked on DuckDB): each case is a file and, per column, its type and
// cells as stored (timestamps as the engine's cast is handed them).
func TestDuckDBSniff(t *testing.T) {
	id := func(s string) (string, bool) { return s, true }
	sniff := &DuckDBSniff{Timestamp: Declared{Affinity: "TEXT", Type: "timestamp", Timestamp: id}, TimestampTZ: Declared{Affinity: "TEXT", Type: "timestamptz", Timestamp: id}}
	for _, c := range []struct{ file, want string }{
		// offsets, Z and zone names make TIMESTAMP WITH TIME ZONE, a column
		// with some only too; UTC after a space stays a TIMESTAMP
		{"a\n2024-01-02 03:04:05+00\n2024-01-03 03:04:05\n", "timestamptz:2024-01-02 03:04:05+00,2024-01-03 03:04:05"},
		{"a\n2024-01-02T03:04:05.5+05:30\n2024-01-02T03:04:05Z\n2024-01-02 03:04:05-0800\n", "timestamptz:2024-01-02 03:04:05.5+05:30,2024-01-02 03:04:05Z,2024-01-02 03:04:05-0800"},
		{"a\n2024-01-02 03:04:05 Europe/Paris\n", "timestamptz:2024-01-02 03:04:05 Europe/Paris"},
		{"a\n2024-01-02 03:04:05 UTC\n", "timestamp:2024-01-02 03:04:05"},
		{"a\n2024-01-02 03:04:05 +00:00\n2024-01-02 03:04:05 Mars/Olympus\n", "TEXT:2024-01-02 03:04:05 +00:00,2024-01-02 03:04:05 Mars/Olympus"},
		// T or a space, minutes and seconds of one digit, no seconds, a
		// fraction cut to microseconds
		{"a\n2024-01-02T03:04:05\n2024-1-2 3:4:5\n2024-01-02 03:04\n2024-01-02 03:04:05.1234567\n", "timestamp:2024-01-02 03:04:05,2024-01-02 03:04:05,2024-01-02 03:04:00,2024-01-02 03:04:05.123456"},
		// a column of dates and timestamps, or of hours alone, is VARCHAR
		{"a,b\n2024-01-02,2024-01-02 03\n2024-01-03 03:04:05,\n", "TEXT:2024-01-02,2024-01-03 03:04:05 TEXT:2024-01-02 03,<nil>"},
		// clocks are TIME, written HH:MM:SS and the fraction without its
		// trailing zeros
		{"a\n3:04\n24:00:00\n13:04:05.250\n", "time:03:04:00,24:00:00,13:04:05.25"},
		{"a\n25:00:00\n", "TEXT:25:00:00"},
		{"a\n3:4\n", "TEXT:3:4"},
		// dates: ISO, other separators, day or month first, two-digit
		// years; where several orders read every cell, the later of
		// month-day-year, day-month-year, year-month-day
		{"a\n2024/01/02\n2024/1/3\n", "date:2024-01-02,2024-01-03"},
		{"a\n2024.01.02\n", "date:2024-01-02"},
		{"a\n02/01/2024\n03/01/2024\n", "date:2024-01-02,2024-01-03"},
		{"a\n01/13/2024\n03/01/2024\n", "date:2024-01-13,2024-03-01"},
		{"a\n02-01-2024\n13-01-2024\n", "date:2024-01-02,2024-01-13"},
		{"a\n02/01/24\n13/01/24\n", "date:2002-01-24,2013-01-24"},
		{"a\n01/02/69\n", "date:1969-02-01"},
		{"a\n2024-01-02\n2024-13-03\n", "TEXT:2024-01-02,2024-13-03"},
		// one date format a file: the first column's
		{"a,b\n2024-01-02,02/01/2024\n", "date:2024-01-02 TEXT:02/01/2024"},
		{"a,b\n02/01/2024,01/13/2024\n", "date:2024-01-02 TEXT:01/13/2024"},
		// timestamps in a format of the sniffer's: day first with a 24-hour
		// clock, month first with AM or PM, year first with / or .
		{"a\n02/01/2024 03:04:05\n13/01/2024 23:00:00\n", "timestamp:2024-01-02 03:04:05,2024-01-13 23:00:00"},
		{"a\n01/13/2024 03:04:05 PM\n01/14/2024 12:00:00 AM\n", "timestamp:2024-01-13 15:04:05,2024-01-14 00:00:00"},
		{"a\n01/13/2024 03:04:05\n", "TEXT:01/13/2024 03:04:05"},
		{"a\n2024/01/02 03:04:05.5\n", "timestamp:2024-01-02 03:04:05.5"},
		{"a,b\n2024/01/02 03:04:05,2024-01-02T03:04:05\n", "timestamp:2024-01-02 03:04:05 timestamptz:2024-01-02 03:04:05"},
		{"a\n2024-01-02 03:04:05 PM\n", "TEXT:2024-01-02 03:04:05 PM"},
		// numbers and booleans come first: true, false, t, f, yes and no
		// in any case; an integer with spaces around it, a decimal with
		// spaces before it; a plus sign or a leading zero is text
		{"a,b\n20240102,true\n", "INTEGER:20240102 INTEGER:1"},
		{"a,b,c,d,e,f\nt,yes,F,y,on, true\nf,No,T,n,off,false\n", "INTEGER:1,0 INTEGER:1,0 INTEGER:0,1 TEXT:y,n TEXT:on,off TEXT: true,false"},
		{"a,b,c,d,e\n 12,+3, 1.5,1.5 ,007\n-3 ,4,.5,2,8\n", "INTEGER:12,-3 TEXT:+3,4 REAL:1.5,0.5 TEXT:1.5 ,2 TEXT:007,8"},
	} {
		tab, err := ParseWith("f.csv", []byte(c.file), Options{DuckDB: sniff, Nulls: BlankNulls, HugeInts: true})
		if err != nil {
			t.Errorf("%q: %v", c.file, err)
			continue
		}
		var cols []string
		for i, name := range tab.Columns {
			typ := tab.Types[i]
			if d, ok := tab.Sniffed[name]; ok {
				typ = d.Type
			}
			var vals []string
			for _, row := range tab.Rows {
				vals = append(vals, fmt.Sprint(row[i]))
			}
			cols = append(cols, typ+":"+strings.Join(vals, ","))
		}
		if got := strings.Join(cols, " "); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.file, got, c.want)
		}
	}
}

// DuckDB's JSON reader types a column of strings per column, in formats
// with - between a date's parts, a fraction required by the format of
// fractions (checked on DuckDB).
func TestSniffJSONStrings(t *testing.T) {
	for _, c := range []struct {
		vals []string
		want string
	}{
		{[]string{"03:04", "13:04:05.5"}, "time:03:04:00,13:04:05.5"},
		{[]string{"3:4"}, ":"},
		{[]string{"2024-01-02", "2024-1-3"}, "date:2024-01-02,2024-01-03"},
		{[]string{"02-01-2024", "13-01-2024"}, "date:2024-01-02,2024-01-13"},
		{[]string{"01-13-2024"}, "date:2024-01-13"},
		{[]string{"02-01-24"}, "date:2002-01-24"},
		{[]string{"2024/01/02"}, ":"},
		{[]string{"2024-01-02", "2024-01-02 03:04:05"}, ":"},
		{[]string{"2024-01-02 03:04:05", "2024-01-02 3:04:05"}, "timestamp:2024-01-02 03:04:05,2024-01-02 03:04:05"},
		{[]string{"2024-01-02 03:04:05.5", "2024-01-02 03:04:05.123456"}, "timestamp:2024-01-02 03:04:05.5,2024-01-02 03:04:05.123456"},
		{[]string{"2024-01-02 03:04:05.5", "2024-01-02 03:04:05"}, ":"},
		{[]string{"2024-01-02T03:04:05"}, "timestamp:2024-01-02 03:04:05"},
		{[]string{"2024-01-02T03:04:05.5"}, ":"},
		{[]string{"2024-01-02T03:04:05", "2024-01-02 03:04:05"}, ":"},
		{[]string{"2024-01-02 03:04"}, ":"},
		{[]string{"01-13-2024 03:04:05 PM"}, "timestamp:2024-01-13 15:04:05"},
		{[]string{"2024-01-02 03:04:05+00", "2024-01-02T03:04:05.1234567Z", "2024-01-02 03:04:05+0530"}, "timestamptz:2024-01-02 03:04:05+00,2024-01-02 03:04:05.123456Z,2024-01-02 03:04:05+0530"},
		{[]string{"2024-01-02 03:04:05+00", "2024-01-02 03:04:05"}, ":"},
		{[]string{"2024-01-02 03:04:05 UTC"}, ":"},
		{[]string{"2024-01-02 03:04:05 Europe/Paris"}, ":"},
	} {
		typ, conv := SniffJSONStrings(c.vals)
		var out []string
		for _, v := range c.vals {
			if conv != nil {
				v, _ = conv(v)
				out = append(out, v)
			}
		}
		if got := typ + ":" + strings.Join(out, ","); got != c.want {
			t.Errorf("%q: got %s, want %s", c.vals, got, c.want)
		}
	}
}
