package seed

import (
	"errors"
	"reflect"
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
		{name: "duplicate column", csv: "id,ID\n1,2\n", wantErr: `s.csv:1: column "ID" appears twice (columns 1 and 2) (column names must be unique)`},
		{name: "unnamed column", csv: "id,\n1,2\n", wantErr: "s.csv:1: column 2 has no name (give every column a name in the header line)"},
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
