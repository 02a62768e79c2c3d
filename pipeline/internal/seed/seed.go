// Package seed reads a dbt seed (a CSV file) into typed columns: a column is
// INTEGER when every cell is an integer (or empty), REAL when every cell is
// a number, TEXT otherwise (ISO timestamps stay text, unless the caller gives the
// type dbt infers for them); empty cells are NULL, and with AgateNulls
// cells reading null too.
package seed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

// Table is a parsed seed.
type Table struct {
	Columns []string
	Types   []string
	Rows    [][]any
	// Datetimes are the columns given the datetime type of ParseWith;
	// Booleans and Dates those it reads as booleans and dates.
	Datetimes, Booleans, Dates []string
	// Sniffed are the types of the columns Options.DuckDB typed as times,
	// dates or timestamps, by column name.
	Sniffed map[string]Declared
	// Renamed says which header names were made up or changed, as dbt's
	// agate does for a column with no name or a name met before.
	Renamed []string
}

// letterName is the name agate gives the unnamed column at index i:
// its letter, repeated once more for each time round the alphabet.
func letterName(i int) string {
	return strings.Repeat(string(rune('a'+i%26)), i/26+1)
}

// Date is the type dbt gives a seed's column of dates (YYYY-MM-DD),
// stored as written.
var Date = Declared{Affinity: "TEXT", Type: "date"}

// Boolean is the type dbt gives a seed's column of true and false.
var Boolean = Declared{Affinity: "INTEGER", Boolean: true, Type: "boolean"}

// Nulls says which cells of a seed are NULL.
type Nulls int

const (
	// BlankNulls: empty cells only, as a warehouse reading the CSV file
	// itself loads it (dbt-duckdb's COPY, dbt-bigquery's load job): a
	// cell reading null is the text null.
	BlankNulls Nulls = iota
	// AgateNulls: empty cells, blank ones and null in any case, as dbt's
	// agate type tester reads them (its null values "null" and "",
	// compared trimmed and lower-cased, in columns of every type,
	// column_types' too) for the adapters that insert its rows
	// (Snowflake's, SQLite's).
	AgateNulls
	// CopyNulls: as BlankNulls, with the column types dbt's type tester
	// infers (reading null and blanks as empty) before DuckDB's COPY reads
	// the file: such a cell in a column inferred as a number, date,
	// timestamp or boolean fails, as COPY fails on it.
	CopyNulls
)

// Parse reads CSV data. Errors name file and line.
func Parse(file string, data []byte) (*Table, error) { return ParseTyped(file, data, nil) }

// Declared is a column type a project declares for a seed (column_types):
// its SQLite storage class, whether cells are booleans, and the type as
// written, for messages.
type Declared struct {
	Affinity string
	Boolean  bool
	Type     string
	// Timestamp, for a timestamp type, writes a cell in the project's one
	// form of timestamps (for an interval, in the dialect's text of
	// intervals); ok is false when the cell is not one.
	Timestamp func(cell string) (string, bool)
	// Float32 stores a REAL's cells as the nearest 32-bit float, as
	// DuckDB's FLOAT holds them.
	Float32 bool
	// Length is the most characters a cell holds (Snowflake's
	// VARCHAR(n)), 0 for any: a longer cell fails to load, as the
	// warehouse's insert fails.
	Length int
}

// ParseTyped is Parse with the column types a project declares, by column
// name (matched without case): a declared column is stored as the warehouse
// loads it, and a cell its type cannot hold is an error naming the line.
func ParseTyped(file string, data []byte, declared map[string]Declared) (*Table, error) {
	return ParseWith(file, data, Options{Declared: declared})
}

// Options say how a project's seed reads (ParseWith).
type Options struct {
	// Declared are the column types a project declares (column_types), by
	// column name.
	Declared map[string]Declared
	// Datetime, when given, is the type of an undeclared column whose
	// every cell is a datetime as dbt infers one (its agate type tester:
	// every cell YYYY-MM-DD HH:MM:SS, or every cell ISO 8601 with a T): the
	// warehouse loads it as a timestamp. With it, a column of true and
	// false (any case, empty cells aside) is a boolean, as dbt's type
	// tester reads it, stored as 1 and 0, and a column of YYYY-MM-DD dates
	// a date.
	Datetime *Declared
	// Nulls says which cells are NULL.
	Nulls Nulls
	// NamesAsSQL says the header's names are written into the table's SQL
	// as they are (quote_columns: false), so a name written in double
	// quotes ("END") is the identifier in them, as the warehouse reads it.
	NamesAsSQL bool
	// Delimiter separates the cells (the seed's delimiter config); a comma
	// when zero.
	Delimiter rune
	// HugeInts reads a column of integers past 64 bits as integers, as
	// DuckDB's read_csv makes it a HUGEINT: each value that fits 64 bits
	// stays an exact INTEGER, the others the nearest REAL, where the whole
	// column was REAL and its 64-bit ids lost their last digits.
	HugeInts bool
	// BlankLines reads each empty line of a file of one column as a row
	// whose cell is empty, as DuckDB's CSV reader (read_csv, and the COPY
	// dbt-duckdb loads seeds with) reads it, and as dbt's agate table does
	// (Python's csv reads the line as a row of no values, which agate pads
	// with None; BigQuery's load job of the file gives the same NULL row); a
	// file of more columns skips them, as encoding/csv and DuckDB do.
	BlankLines bool
	// BlankLinesWide, with BlankLines, reads an empty line of a file of any
	// number of columns as a row of NULLs: agate pads Python csv's empty row
	// with None whatever the width (the seeds dbt inserts on Snowflake), and
	// BigQuery's load job of the file reads the line as a row of NULLs.
	BlankLinesWide bool
	// DuckDB, when given, types the columns of times, dates and
	// timestamps as DuckDB's read_csv sniffs them (DuckDBSniff), in place
	// of Datetime's rule, and its booleans as Datetime's do.
	DuckDB *DuckDBSniff
}

// ParseWith is ParseTyped with the options of a project's seed.
func ParseWith(file string, data []byte, o Options) (*Table, error) {
	declared, datetime, nulls, asSQL := o.Declared, o.Datetime, o.Nulls, o.NamesAsSQL
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	if nulls == AgateNulls {
		// dbt's agate pads a row shorter than the header with NULLs
		// (checked below), for the adapters that insert its rows
		r.FieldsPerRecord = -1
	}
	if o.Delimiter != 0 {
		r.Comma = o.Delimiter
	}
	// A quote inside a cell that does not open with one is a character of
	// it ({"k": 1}), as Python's csv module, which dbt's agate reads seeds
	// with, takes it.
	r.LazyQuotes = true
	header, err := r.Read()
	if err == io.EOF {
		return nil, diag.Errorf(file, 1, "seed is empty").WithHint("the first line must name the columns, e.g. id,email")
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	seen := map[string]int{}
	exact := map[string]bool{}
	var renamed []string
	for i, h := range header {
		h = strings.TrimSpace(h)
		if asSQL && len(h) > 2 && h[0] == '"' && h[len(h)-1] == '"' {
			h = strings.ReplaceAll(h[1:len(h)-1], `""`, `"`)
		}
		// dbt's agate names a column the header leaves unnamed by its
		// index as a letter (a, b, ... z, aa, bb...) and a name met before
		// name_2, name_3..., warning of each
		name := h
		if name == "" {
			name = letterName(i)
			renamed = append(renamed, fmt.Sprintf("column %d has no name: it is named %s, as dbt names it", i+1, name))
		}
		final := name
		for n := 2; exact[final]; n++ {
			final = name + "_" + strconv.Itoa(n)
		}
		if final != name {
			renamed = append(renamed, fmt.Sprintf("column %d repeats the name %s: it is named %s, as dbt names it", i+1, name, final))
		}
		exact[final] = true
		header[i] = final
		if j, dup := seen[strings.ToLower(final)]; dup {
			return nil, diag.Errorf(file, 1, "columns %d and %d are both named %q but for case, which the warehouse's columns do not tell apart", j+1, i+1, final).WithHint("column names must be unique")
		}
		seen[strings.ToLower(final)] = i
	}
	var cells [][]string
	var lines []int
	// off is where the last record read ends, next the line starting there
	blanks := o.BlankLines && (len(header) == 1 || o.BlankLinesWide)
	off := r.InputOffset()
	next := 1 + bytes.Count(data[:off], []byte("\n"))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			if blanks {
				for l, end := next, next+bytes.Count(data[off:], []byte("\n")); l < end; l++ {
					cells, lines = append(cells, make([]string, len(header))), append(lines, l)
				}
			}
			break
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		if r.FieldsPerRecord < 0 && len(rec) != len(header) {
			if len(rec) > len(header) {
				line, _ := r.FieldPos(0)
				return nil, diag.Errorf(file, line, "malformed CSV: the line has %d values, but the header has %d columns", len(rec), len(header)).
					WithHint("give every line at most as many values as the header has columns; dbt's agate fails on it too")
			}
			rec = append(rec, make([]string, len(header)-len(rec))...) // NULLs
		}
		if blanks {
			at, _ := r.FieldPos(0)
			for l := next; l < at; l++ {
				cells, lines = append(cells, make([]string, len(header))), append(lines, l)
			}
			end := r.InputOffset()
			next += bytes.Count(data[off:end], []byte("\n"))
			off = end
		}
		for i, s := range rec {
			if nulls == AgateNulls && isAgateNull(s) {
				rec[i] = "" // read as the empty cell it is
			}
		}
		cells = append(cells, rec)
		line, _ := r.FieldPos(0)
		lines = append(lines, line)
	}
	decl := make([]*Declared, len(header))
	declaredType := make([]bool, len(header)) // by column_types
	for name, d := range declared {
		if c, ok := seen[strings.ToLower(name)]; ok {
			decl[c] = &d
			declaredType[c] = true
		}
	}
	// dbt infers the types with its agate type tester, which reads a blank
	// cell and null as empty, also where the warehouse then reads the file.
	inferred := cells
	switch nulls {
	case CopyNulls:
		inferred = agateCells(cells)
	case BlankNulls:
		inferred = blankCells(cells)
	}
	// DuckDB's COPY sniffs the file's quote character: where cells are
	// quoted in ' and never in ", it reads them with ', so 'a' is a and
	// '' is NULL, while dbt inferred the types from the cells as written.
	values := cells
	if nulls == CopyNulls {
		if q := singleQuotedCells(data, r.Comma, len(header)); q != nil {
			values = q
			if len(q) != len(cells) {
				lines = nil // a quoted cell spans lines: no line is the row's
			}
		}
	}
	line := func(i int) int {
		if i < len(lines) {
			return lines[i]
		}
		return 0
	}
	t := &Table{Columns: header, Types: make([]string, len(header)), Rows: make([][]any, len(values)), Renamed: renamed}
	if o.DuckDB != nil {
		text := make([]bool, len(header))
		for c := range header {
			if decl[c] == nil && duckBooleanColumn(inferred, c) {
				decl[c] = &Boolean
				t.Booleans = append(t.Booleans, header[c])
			}
			text[c] = decl[c] == nil && duckNumberType(inferred, c) == "TEXT"
		}
		for c, d := range o.DuckDB.sniffTypes(inferred, text) {
			if d != nil {
				decl[c] = d
				if t.Sniffed == nil {
					t.Sniffed = map[string]Declared{}
				}
				t.Sniffed[header[c]] = *d
			}
		}
	}
	for c := range header {
		if decl[c] == nil && datetime != nil && dateColumn(inferred, c) {
			decl[c] = &agateDate
			t.Dates = append(t.Dates, header[c])
		}
		if decl[c] == nil && datetime != nil && datetimeColumn(inferred, c, datetime.Timestamp) {
			decl[c] = datetime
			t.Datetimes = append(t.Datetimes, header[c])
		}
		if decl[c] == nil && datetime != nil && booleanColumn(inferred, c) {
			decl[c] = &Boolean
			t.Booleans = append(t.Booleans, header[c])
		}
		t.Types[c] = columnType(inferred, c, o.HugeInts)
		if o.DuckDB != nil {
			t.Types[c] = duckNumberType(inferred, c)
		}
		if decl[c] != nil {
			t.Types[c] = decl[c].Affinity
		}
	}
	for i, rec := range values {
		row := make([]any, len(rec))
		for c, s := range rec {
			if nulls == BlankNulls && s != "" && i < len(inferred) && inferred[i][c] == "" && typedColumn(decl[c], t.Types[c]) {
				// a blank cell of a column of numbers, dates, timestamps
				// or booleans: dbt's type tester reads it as empty, and
				// BigQuery's load job, which trims the cells of a column
				// that is not a STRING, as NULL
				row[c] = nil
				continue
			}
			if s != "" && lines != nil && inferred[i][c] == "" && !declaredType[c] && (decl[c] != nil || t.Types[c] != "TEXT") {
				// the warehouse reads the file's cell into the type dbt
				// inferred without it, and fails
				return nil, diag.Errorf(file, line(i), "column %s: %q cannot load as %s: dbt infers the column's type reading it as empty, then the warehouse reads the file, where it is text", header[c], s, typeName(decl[c], t.Types[c])).
					WithHint("leave the cell empty, or declare the column's type in column_types")
			}
			if decl[c] == nil {
				row[c] = convert(s, t.Types[c])
				continue
			}
			if n := decl[c].Length; n > 0 && utf8.RuneCountInString(s) > n {
				return nil, diag.Errorf(file, line(i), "String '%s' is too long and would be truncated: column %s is declared %s in column_types, which holds %d characters", s, header[c], decl[c].Type, n).
					WithHint("shorten the cell, or declare the column with a longer varchar")
			}
			v, ok := convertDeclared(s, *decl[c])
			if !ok {
				return nil, diag.Errorf(file, line(i), "column %s is declared %s in column_types, and %q is not one", header[c], decl[c].Type, s).
					WithHint("fix the cell, or declare the column with a type that holds it")
			}
			row[c] = v
		}
		t.Rows[i] = row
	}
	return t, nil
}

// singleQuotedCells reads data as DuckDB's CSV sniffer has COPY read it
// when no cell opens with a double quote and some open with a single one:
// with ' as the quote (and ” inside for one), the quoted empty cell being
// NULL (allow_quoted_nulls). It returns the rows after the header, or nil
// when DuckDB reads the file with " as Go does: a cell opens with ", none
// opens with ', or reading with ' gives rows of another width than the
// header's.
func singleQuotedCells(data []byte, comma rune, width int) [][]string {
	opens := func(q byte) bool {
		start := true
		for _, b := range data {
			if start && b == q {
				return true
			}
			start = b == '\n' || b == '\r' || rune(b) == comma
		}
		return false
	}
	if comma == '\'' || comma == '"' || opens('"') || !opens('\'') {
		return nil
	}
	// Go's reader quotes with ": swap the two quote characters, read, and
	// swap them back in the cells.
	swap := func(b []byte) []byte {
		out := make([]byte, len(b))
		for i, c := range b {
			switch c {
			case '\'':
				c = '"'
			case '"':
				c = '\''
			}
			out[i] = c
		}
		return out
	}
	r := csv.NewReader(bytes.NewReader(swap(data)))
	r.Comma = comma
	r.FieldsPerRecord = width
	r.LazyQuotes = true
	if _, err := r.Read(); err != nil {
		return nil
	}
	var out [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
		for i, c := range rec {
			rec[i] = string(swap([]byte(c)))
		}
		out = append(out, rec)
	}
	return out
}

// convertDeclared converts a cell to a declared type; empty is NULL.
func convertDeclared(s string, d Declared) (any, bool) {
	if s == "" {
		return nil, true
	}
	t := strings.TrimSpace(s)
	switch {
	case d.Timestamp != nil:
		return d.Timestamp(t)
	case d.Boolean:
		switch strings.ToLower(t) {
		case "true", "t", "yes", "y", "1":
			return int64(1), true
		case "false", "f", "no", "n", "0":
			return int64(0), true
		}
		return nil, false
	case d.Affinity == "INTEGER":
		n, err := strconv.ParseInt(t, 10, 64)
		return n, err == nil
	case d.Affinity == "REAL":
		f, err := strconv.ParseFloat(t, 64)
		if d.Float32 {
			f = float64(float32(f))
		}
		return f, err == nil && !strings.ContainsAny(t, "xXpP_")
	}
	return s, true
}

// agateCells are the cells as dbt's type tester reads them: its nulls
// empty.
func agateCells(cells [][]string) [][]string {
	out := make([][]string, len(cells))
	for i, rec := range cells {
		out[i] = rec
		for c, s := range rec {
			if s != "" && isAgateNull(s) {
				if &out[i][0] == &rec[0] {
					out[i] = append([]string(nil), rec...)
				}
				out[i][c] = ""
			}
		}
	}
	return out
}

// blankCells are the cells with those holding blanks only empty, as dbt's
// type tester reads them.
func blankCells(cells [][]string) [][]string {
	out := make([][]string, len(cells))
	for i, rec := range cells {
		out[i] = rec
		for c, s := range rec {
			if s != "" && strings.TrimSpace(s) == "" {
				if &out[i][0] == &rec[0] {
					out[i] = append([]string(nil), rec...)
				}
				out[i][c] = ""
			}
		}
	}
	return out
}

// typedColumn tells whether a column, declared as d or inferred (d nil)
// with affinity, holds other than text: numbers, booleans, dates,
// timestamps.
func typedColumn(d *Declared, affinity string) bool {
	if d == nil {
		return affinity != "TEXT"
	}
	return d.Affinity != "TEXT" || d.Timestamp != nil || d.Boolean
}

// typeName names a column's type for a message: the declared or inferred
// one.
func typeName(d *Declared, affinity string) string {
	if d != nil && d.Type != "" {
		return d.Type
	}
	return map[string]string{"INTEGER": "an integer", "REAL": "a number"}[affinity]
}

// isAgateNull tells whether dbt's type tester reads a cell as NULL.
func isAgateNull(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || strings.EqualFold(t, "null")
}

func csvError(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		hint := "check the quotes and the number of commas on that line"
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = "wrong number of fields"
			hint = "every line needs as many values as the header has columns"
		}
		d := diag.Errorf(file, pe.Line, "malformed CSV: %s", msg).WithHint("%s", hint)
		d.Col = pe.Column
		return d
	}
	return diag.Errorf(file, 0, "malformed CSV: %v", err)
}

func columnType(cells [][]string, c int, huge bool) string {
	typ := ""
	for _, rec := range cells {
		s := rec[c]
		if s == "" {
			continue
		}
		switch {
		case isInt(s), huge && isHugeInt(s):
			if typ == "" {
				typ = "INTEGER"
			}
		case isFloat(s):
			if typ == "" || typ == "INTEGER" {
				typ = "REAL"
			}
		default:
			return "TEXT"
		}
	}
	if typ == "" {
		// no cell but empty ones: every type of dbt's agate type tester
		// takes them, and its first, Integer, wins
		return "INTEGER"
	}
	return typ
}

// booleanColumn tells whether every cell of column c, one at least, is
// true or false in any case (empty cells aside), as dbt's agate
// type tester reads a Boolean.
func booleanColumn(cells [][]string, c int) bool {
	n := 0
	for _, rec := range cells {
		switch strings.ToLower(strings.TrimSpace(rec[c])) {
		case "":
		case "true", "false":
			n++
		default:
			return false
		}
	}
	return n > 0
}

// dateColumn tells whether every cell of column c, one at least, is a
// date as dbt's type tester reads a Date, strptime's %Y-%m-%d (empty cells
// aside): YYYY-MM-DD, a month or day of one digit too (2002-3-1).
func dateColumn(cells [][]string, c int) bool {
	n := 0
	for _, rec := range cells {
		if rec[c] == "" {
			continue
		}
		if _, ok := agateDateText(rec[c]); !ok {
			return false
		}
		n++
	}
	return n > 0
}

// agateDate is Date for a column dbt's type tester read as dates: each
// cell is stored as YYYY-MM-DD, as the warehouse stores the date.
var agateDate = Declared{Affinity: Date.Affinity, Type: Date.Type, Timestamp: agateDateText}

// agateDateText is cell s, a date as strptime's %Y-%m-%d reads it, written
// YYYY-MM-DD; ok is false when s is none.
func agateDateText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !agateDay.MatchString(s) {
		return "", false
	}
	t, err := time.Parse("2006-1-2", strings.Replace(s, "- ", "-", 1))
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// agateDay is what strptime takes for %Y-%m-%d.
var agateDay = regexp.MustCompile(`^\d{4}-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])$`)

// datetimeColumn tells whether every cell of column c, one at least, is a
// datetime as dbt's type tester reads one, and one conv converts.
func datetimeColumn(cells [][]string, c int, conv func(string) (string, bool)) bool {
	spaced, iso := 0, 0
	for _, rec := range cells {
		s := rec[c]
		switch {
		case s == "":
			continue
		case agateSpaced.MatchString(strings.TrimSpace(s)):
			spaced++ // %Y-%m-%d %H:%M:%S
		case len(s) > 13 && s[10] == 'T':
			iso++
		default:
			return false
		}
		if _, ok := conv(s); !ok || spaced > 0 && iso > 0 {
			return false
		}
	}
	return spaced+iso > 0
}

// agateSpaced is what Python's strptime takes for %Y-%m-%d %H:%M:%S, the
// form of dbt's type tester's DateTime: a month, day, hour, minute and
// second of one digit or two (2002-3-31 0:00:00), a day of one digit after a
// space, one space between date and time.
var agateSpaced = regexp.MustCompile(`^\d{4}-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9]) (2[0-3]|[01]\d|\d):([0-5]\d|\d):(6[01]|[0-5]\d|\d)$`)

// isInt accepts integers without leading zeros, so ids like 007 stay text.
func isInt(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 1 && d[0] == '0' {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

// isHugeInt accepts integers of up to 38 digits without leading zeros,
// which DuckDB's read_csv reads as a HUGEINT.
func isHugeInt(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 38 || len(d) > 1 && d[0] == '0' {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

func isFloat(s string) bool {
	if strings.ContainsAny(s, "xXpP_") || strings.EqualFold(s, "nan") || strings.Contains(strings.ToLower(s), "inf") {
		return false
	}
	d := strings.TrimPrefix(s, "-")
	if len(d) > 1 && d[0] == '0' && d[1] != '.' {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

func convert(s, typ string) any {
	if s == "" {
		return nil
	}
	if typ == "INTEGER" || typ == "REAL" {
		s = strings.TrimSpace(s) // DuckDB's sniffer reads " 12" as 12
	}
	switch typ {
	case "INTEGER":
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			// a HUGEINT past 64 bits (Options.HugeInts): the nearest REAL
			f, _ := strconv.ParseFloat(s, 64)
			return f
		}
		return v
	case "REAL":
		v, _ := strconv.ParseFloat(s, 64)
		return v
	}
	return s
}
