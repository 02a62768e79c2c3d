// Package seed reads a dbt seed (a CSV file) into typed columns: a column is
// INTEGER when every cell is an integer, REAL when every cell is a number,
// TEXT otherwise (ISO timestamps stay text); empty cells are NULL.
package seed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/diag"
)

// Table is a parsed seed.
type Table struct {
	Columns []string
	Types   []string
	Rows    [][]any
}

// Parse reads CSV data. Errors name file and line.
func Parse(file string, data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	header, err := r.Read()
	if err == io.EOF {
		return nil, diag.Errorf(file, 1, "seed is empty").WithHint("the first line must name the columns, e.g. id,email")
	}
	if err != nil {
		return nil, csvError(file, err)
	}
	seen := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		if h == "" {
			return nil, diag.Errorf(file, 1, "column %d has no name", i+1).WithHint("give every column a name in the header line")
		}
		if j, dup := seen[strings.ToLower(h)]; dup {
			return nil, diag.Errorf(file, 1, "column %q appears twice (columns %d and %d)", h, j+1, i+1).WithHint("column names must be unique")
		}
		seen[strings.ToLower(h)] = i
	}
	var cells [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(file, err)
		}
		cells = append(cells, rec)
	}
	t := &Table{Columns: header, Types: make([]string, len(header)), Rows: make([][]any, len(cells))}
	for c := range header {
		t.Types[c] = columnType(cells, c)
	}
	for i, rec := range cells {
		row := make([]any, len(rec))
		for c, s := range rec {
			row[c] = convert(s, t.Types[c])
		}
		t.Rows[i] = row
	}
	return t, nil
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

func columnType(cells [][]string, c int) string {
	typ := ""
	for _, rec := range cells {
		s := rec[c]
		if s == "" {
			continue
		}
		switch {
		case isInt(s):
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
		return "TEXT"
	}
	return typ
}

// isInt accepts integers without leading zeros, so ids like 007 stay text.
func isInt(s string) bool {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 1 && d[0] == '0' {
		return false
	}
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
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
	switch typ {
	case "INTEGER":
		v, _ := strconv.ParseInt(s, 10, 64)
		return v
	case "REAL":
		v, _ := strconv.ParseFloat(s, 64)
		return v
	}
	return s
}
