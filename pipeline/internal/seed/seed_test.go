package seed

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		csv       string
		wantTypes []string
		wantRows  [][]any
		wantErr   string
	}{
		{name: "types inferred", csv: "id,amount,code,at\n1,2.5,007,2025-01-01T00:00:00Z\n2,3,010,\n",
			wantTypes: []string{"INTEGER", "REAL", "TEXT", "TEXT"},
			wantRows:  [][]any{{int64(1), 2.5, "007", "2025-01-01T00:00:00Z"}, {int64(2), 3.0, "010", nil}}},
		{name: "empty column is integer, as dbt infers it", csv: "a,b\n1,\n", wantTypes: []string{"INTEGER", "INTEGER"}, wantRows: [][]any{{int64(1), nil}}},
		{name: "byte order mark", csv: "\xef\xbb\xbfid\n1\n", wantTypes: []string{"INTEGER"}, wantRows: [][]any{{int64(1)}}},
		{name: "empty file", csv: "", wantErr: "s.csv:1: seed is empty (the first line must name the columns, e.g. id,email)"},
		{name: "field count", csv: "a,b\n1,2\n3\n", wantErr: "s.csv:3:1: malformed CSV: wrong number of fields (every line needs as many values as the header has columns)"},
		// quotes as Python's csv module (dbt's agate) reads them
		{name: "quote left open", csv: "a\n\"x\n", wantTypes: []string{"TEXT"}, wantRows: [][]any{{"x\n"}}},
		{name: "quotes inside a cell", csv: "a,b\n{ \"k\": [1]},x\"y\"z\n", wantTypes: []string{"TEXT", "TEXT"}, wantRows: [][]any{{`{ "k": [1]}`, `x"y"z`}}},
		{name: "text after a closing quote", csv: "a,b\n\"ab\"c,d\n", wantErr: "s.csv:2:1: malformed CSV: wrong number of fields (every line needs as many values as the header has columns)"},
		{name: "names differing in case", csv: "id,ID\n1,2\n", wantErr: `s.csv:1: columns 1 and 2 are both named "ID" but for case, which the warehouse's columns do not tell apart (column names must be unique)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse("s.csv", []byte(tc.csv))
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Types, tc.wantTypes) || !reflect.DeepEqual(got.Rows, tc.wantRows) {
				t.Errorf("got %v %#v", got.Types, got.Rows)
			}
		})
	}
}

// TestParseHeaderNames: a column the header leaves unnamed is named by its
// index as a letter, and a repeated name gets _2, _3..., as dbt's agate
// names them (utils.letter_name and deduplicate), each said in Renamed.
func TestParseHeaderNames(t *testing.T) {
	tests := []struct{ csv, want, renamed string }{
		{",x\n1,2\n", "a x", "column 1 has no name: it is named a, as dbt names it"},
		{"id,\n1,2\n", "id b", "column 2 has no name: it is named b, as dbt names it"},
		{"id,id,id\n1,2,3\n", "id id_2 id_3", "column 2 repeats the name id: it is named id_2, as dbt names it|column 3 repeats the name id: it is named id_3, as dbt names it"},
		{"a,\n1,2\n", "a b", "column 2 has no name: it is named b, as dbt names it"},
		{"b,\n1,2\n", "b b_2", "column 2 has no name: it is named b, as dbt names it|column 2 repeats the name b: it is named b_2, as dbt names it"},
		{strings.Repeat("c,", 37) + "\n" + strings.Repeat("1,", 37) + "2\n", "ll", ""},
	}
	for _, tc := range tests {
		got, err := Parse("s.csv", []byte(tc.csv))
		if err != nil {
			t.Fatalf("%q: %v", tc.csv, err)
		}
		cols := strings.Join(got.Columns, " ")
		if tc.renamed == "" { // only the last column checked
			cols = got.Columns[len(got.Columns)-1]
		} else if r := strings.Join(got.Renamed, "|"); r != tc.renamed {
			t.Errorf("%q: renamed %q, want %q", tc.csv, r, tc.renamed)
		}
		if cols != tc.want {
			t.Errorf("%q: columns %q, want %q", tc.csv, cols, tc.want)
		}
	}
}

// FuzzParse: no panic, and every refusal is a diagnostic naming the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"id,name\n1,a\n", "a\n\"x\n", "a,b\n1\n", "", "x,y\n1.5,2\n-0,007\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse("f.csv", data)
		if err != nil {
			var d *diag.Diagnostic
			if !errors.As(err, &d) || d.File != "f.csv" {
				t.Fatalf("refusal is not a diagnostic naming the file: %v", err)
			}
			return
		}
		for _, row := range tab.Rows {
			if len(row) != len(tab.Columns) {
				t.Fatalf("row of %d values for %d columns", len(row), len(tab.Columns))
			}
		}
	})
}

// TestParseBlankLines: with BlankLines, each empty line of a file of one
// column is a row with an empty cell, as DuckDB's CSV reader reads it
// ('a\nx\n\ny\n\n' is x, NULL, y, NULL on DuckDB 2.0); a file of more
// columns skips them, but with BlankLinesWide.
func TestParseBlankLines(t *testing.T) {
	tests := []struct {
		csv  string
		want [][]any
	}{
		{"a\nx\n\ny\n\n", [][]any{{"x"}, {nil}, {"y"}, {nil}}},
		{"a\nx\ny\n\nz\n\n\nw\n\n", [][]any{{"x"}, {"y"}, {nil}, {"z"}, {nil}, {nil}, {"w"}, {nil}}},
		{"a\n\n\nx\n", [][]any{{nil}, {nil}, {"x"}}},
		{"a\r\nx\r\n\r\ny\r\n", [][]any{{"x"}, {nil}, {"y"}}},
		{"a\n\"x\n\ny\"\n\nz", [][]any{{"x\n\ny"}, {nil}, {"z"}}},
		{"a,b\n1,2\n\n3,4\n\n", [][]any{{int64(1), int64(2)}, {int64(3), int64(4)}}},
	}
	for _, tc := range tests {
		got, err := ParseWith("s.csv", []byte(tc.csv), Options{Nulls: BlankNulls, BlankLines: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Rows, tc.want) {
			t.Errorf("%q: got %#v, want %#v", tc.csv, got.Rows, tc.want)
		}
	}
	got, err := ParseWith("s.csv", []byte("a\nx\n\ny\n"), Options{Nulls: BlankNulls})
	if err != nil || len(got.Rows) != 2 {
		t.Errorf("without BlankLines: %v %v", got, err)
	}
	// BlankLinesWide: a row of NULLs whatever the width, as agate pads
	// Python csv's empty row and BigQuery's load job reads the line
	for _, tc := range []struct {
		csv  string
		want [][]any
	}{
		{"a,b\n1,x\n\n3,y\n\n", [][]any{{int64(1), "x"}, {nil, nil}, {int64(3), "y"}, {nil, nil}}},
		{"a,b\n\n1,x\n", [][]any{{nil, nil}, {int64(1), "x"}}},
		{"a\nx\n\n", [][]any{{"x"}, {nil}}},
	} {
		got, err := ParseWith("s.csv", []byte(tc.csv), Options{Nulls: BlankNulls, BlankLines: true, BlankLinesWide: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Rows, tc.want) {
			t.Errorf("wide %q: got %#v, want %#v", tc.csv, got.Rows, tc.want)
		}
	}
}

// TestParseShortRows: with AgateNulls (the adapters that insert the rows
// dbt's agate read) a row shorter than the header ends in NULLs, as agate
// pads it, and a longer one fails naming its line, as agate fails; a
// warehouse loading the file itself (BlankNulls, CopyNulls) fails on both.
func TestParseShortRows(t *testing.T) {
	got, err := ParseWith("s.csv", []byte("a,b,c\n1,x,y\n2,z\n3\n"), Options{Nulls: AgateNulls})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{int64(1), "x", "y"}, {int64(2), "z", nil}, {int64(3), nil, nil}}
	if !reflect.DeepEqual(got.Rows, want) {
		t.Errorf("got %#v, want %#v", got.Rows, want)
	}
	if _, err := ParseWith("s.csv", []byte("a,b\n1,x\n2,y,z\n"), Options{Nulls: AgateNulls}); err == nil || !strings.Contains(err.Error(), "s.csv:3") || !strings.Contains(err.Error(), "3 values, but the header has 2 columns") {
		t.Errorf("a longer row: %v", err)
	}
	for _, n := range []Nulls{BlankNulls, CopyNulls} {
		if _, err := ParseWith("s.csv", []byte("a,b\n1,x\n2\n"), Options{Nulls: n}); err == nil || !strings.Contains(err.Error(), "wrong number of fields") {
			t.Errorf("nulls %d: a shorter row: %v", n, err)
		}
	}
}
