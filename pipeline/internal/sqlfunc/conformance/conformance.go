// Package conformance reads the conformance tables of package sqlfunc:
// per dialect, queries written as that warehouse's documentation writes
// them, each with the one value the warehouse answers. The same tables are
// run on SQLite through the translator (natively and in js/wasm) and, for
// DuckDB, on DuckDB itself.
//
// A table is a text file, one case per line:
//
//	select split_part('a,b,c', ',', -1) => 'c'
//
// The expected value is NULL, true or false, a number, a string in single
// quotes (” for a quote), or "error: words" when the query must fail with
// a message containing words. A query giving several columns or rows lists
// every value, columns separated by commas and rows by " | ", in the order
// the query gives them:
//
//	select x, x * 2 from (values (1), (2)) t(x) order by x => 1, 2 | 2, 4
// Lines starting with # are comments (the
// source of the facts); blank lines are skipped. A line starting with "> "
// gives the query our side runs for the next case instead of its own, for
// a construct the translator does not rewrite yet (the DuckDB table still
// runs its own query on DuckDB):
//
//	> select datetime_trunc_duckdb('month', '2024-05-17')
//	select date_trunc('month', date '2024-05-17') => '2024-05-01T00:00:00Z'

package conformance

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
)

// Case is one query and the value it must give.
type Case struct {
	Line     int
	SQL      string
	Expected string // as written after =>
	// Ours, when set, is the query our side runs in place of SQL.
	Ours string
}

// Query is the query our side runs.
func (c Case) Query() string {
	if c.Ours != "" {
		return c.Ours
	}
	return c.SQL
}

// WantError is the words the error must contain, when the case expects one.
func (c Case) WantError() (string, bool) {
	if w, ok := strings.CutPrefix(c.Expected, "error:"); ok {
		return strings.TrimSpace(w), true
	}
	return "", false
}

// ParseFile reads the table in file.
func ParseFile(file string) ([]Case, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f)
}

// Parse reads a table.
func Parse(r io.Reader) ([]Case, error) {
	var cases []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	ours := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if q, ok := strings.CutPrefix(line, "> "); ok {
			ours = strings.TrimSpace(q)
			continue
		}
		i := strings.LastIndex(line, " => ")
		if i < 0 {
			return nil, fmt.Errorf("line %d: no ` => ` between the query and its value", n)
		}
		c := Case{Line: n, SQL: strings.TrimSpace(line[:i]), Expected: strings.TrimSpace(line[i+4:]), Ours: ours}
		ours = ""
		if _, isErr := c.WantError(); !isErr {
			if _, err := c.Rows(); err != nil {
				return nil, fmt.Errorf("line %d: %v", n, err)
			}
		}
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

// Rows is the expected value split into rows of values.
func (c Case) Rows() ([][]string, error) {
	var rows [][]string
	row := []string{}
	s := strings.TrimSpace(c.Expected)
	for {
		v := s
		if strings.HasPrefix(s, "'") {
			i := 1
			for i < len(s) {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i += 2
						continue
					}
					break
				}
				i++
			}
			v = s[:min(i+1, len(s))]
		} else if i := strings.IndexAny(s, ",|"); i >= 0 {
			v = s[:i]
		}
		v = strings.TrimSpace(v)
		if err := checkValue(v); err != nil {
			return nil, err
		}
		row = append(row, v)
		s = strings.TrimSpace(s[len(v):])
		if s == "" {
			return append(rows, row), nil
		}
		switch s[0] {
		case ',':
		case '|':
			rows = append(rows, row)
			row = []string{}
		default:
			return nil, fmt.Errorf("after the value %s: want a comma, | or the end, got %q", v, s)
		}
		s = strings.TrimSpace(s[1:])
	}
}

// MatchRows tells whether the rows got, each value as Render wrote it, are
// the expected rows.
func MatchRows(expected, got [][]string) bool {
	if len(expected) != len(got) {
		return false
	}
	for i := range expected {
		if len(expected[i]) != len(got[i]) {
			return false
		}
		for j := range expected[i] {
			if !Match(expected[i][j], got[i][j]) {
				return false
			}
		}
	}
	return true
}

// Format writes rows as a table writes them.
func Format(rows [][]string) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = strings.Join(r, ", ")
	}
	return strings.Join(parts, " | ")
}

func checkValue(v string) error {
	switch {
	case v == "NULL", v == "true", v == "false":
		return nil
	case strings.HasPrefix(v, "X'"):
		// a blob, as Render writes it: upper case hex digits
		if _, err := hex.DecodeString(strings.TrimSuffix(v[2:], "'")); err != nil || !strings.HasSuffix(v, "'") || v != strings.ToUpper(v) {
			return fmt.Errorf("the value %s is not a blob written X'HEX' in upper case", v)
		}
		return nil
	case strings.HasPrefix(v, "'"):
		if len(v) < 2 || !strings.HasSuffix(v, "'") || strings.Contains(strings.ReplaceAll(v[1:len(v)-1], "''", ""), "'") {
			return fmt.Errorf("the value %s is not one quoted string", v)
		}
		return nil
	}
	if _, err := strconv.ParseFloat(v, 64); err != nil {
		return fmt.Errorf("the value %s is not NULL, true, false, a number or a quoted string", v)
	}
	return nil
}

// Render writes a value read from a database the way tables write
// expected values. Booleans come from DuckDB; SQLite answers 1 and 0, which
// Match accepts for true and false. A time (DuckDB's timestamps and dates)
// is written in the project's text form of timestamps, ISO 8601 in UTC.
func Render(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case int32:
		return strconv.FormatInt(int64(v), 10)
	case int:
		return strconv.Itoa(v)
	case float64:
		return renderFloat(v)
	case float32:
		return renderFloat(float64(v))
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case []byte:
		return fmt.Sprintf("X'%X'", v)
	case time.Time:
		return "'" + Timestamp(v) + "'"
	}
	return fmt.Sprintf("%v", v)
}

// Timestamp is the project's text form of a time: ISO 8601 in UTC with a
// fraction only when there is one.
func Timestamp(t time.Time) string {
	t = t.UTC()
	if t.Nanosecond() == 0 {
		return t.Format("2006-01-02T15:04:05Z")
	}
	return t.Format("2006-01-02T15:04:05.999999999Z")
}

func renderFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if a := math.Abs(f); a >= 1e-6 && a < 1e21 {
		s = strconv.FormatFloat(f, 'f', -1, 64)
	}
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// Match tells whether got, as Render wrote it, is the expected value; the
// integers 1 and 0 stand for true and false, as SQLite stores booleans.
func Match(expected, got string) bool {
	if expected == got {
		return true
	}
	switch expected {
	case "true":
		return got == "1"
	case "false":
		return got == "0"
	}
	return false
}

// RenderRows writes every value of a query's rows as Render does.
func RenderRows(rows [][]any) [][]string {
	got := make([][]string, len(rows))
	for i, r := range rows {
		got[i] = make([]string, len(r))
		for j, v := range r {
			got[i][j] = Render(v)
		}
	}
	return got
}
