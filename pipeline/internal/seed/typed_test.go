package seed

import (
	"fmt"
	"strings"
	"testing"
)

// Declared column types store cells as the warehouse loads them; a cell the
// type cannot hold is an error naming its line.
func TestParseTyped(t *testing.T) {
	data := []byte("id,zip,ok,n\n1,02139,yes,2\n\"2\",94110,F,\n")
	decl := map[string]Declared{
		"ZIP": {Affinity: "TEXT", Type: "varchar(5)"},
		"ok":  {Affinity: "INTEGER", Boolean: true, Type: "boolean"},
		"n":   {Affinity: "REAL", Type: "numeric"},
	}
	tab, err := ParseTyped("seeds/s.csv", data, decl)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(tab.Types, tab.Rows), "[INTEGER TEXT INTEGER REAL] [[1 02139 1 2] [2 94110 0 <nil>]]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	bad := []byte("id,n\n1,2\n2,\"multi\nline\"\n3,x\n")
	_, err = ParseTyped("seeds/s.csv", bad, map[string]Declared{"n": {Affinity: "INTEGER", Type: "int64"}})
	if want := `seeds/s.csv:3: column n is declared int64 in column_types, and "multi\nline" is not one (fix the cell, or declare the column with a type that holds it)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// A column is a datetime when every cell is one in one of the two forms
// dbt's type tester reads, and the conversion takes it.
func TestDatetimeColumn(t *testing.T) {
	conv := func(s string) (string, bool) { return s, !strings.Contains(s, "99:") }
	for _, c := range []struct {
		cells []string
		want  bool
	}{
		{[]string{"2024-05-17 10:00:00", "", "2024-05-18 00:00:00"}, true},
		{[]string{"2024-05-17T10:00:00.5Z", "2024-05-17T10:00:00+02:00"}, true},
		{[]string{"2024-05-17 10:00:00", "2024-05-17T10:00:00"}, false}, // two forms
		{[]string{"2024-05-17 10:00:00.5"}, false},                      // a fraction without the T
		{[]string{"2002-03-31 0:00:00", "2002-3-1 9:5:7"}, true},        // one digit, as strptime's %m %d %H %M %S take
		{[]string{"2002-03-31 24:00:00"}, false},                        // no hour 24
		{[]string{"2002-03-31 000:00:00"}, false},                       // three digits
		{[]string{"2024-05-17"}, false},                                 // a date
		{[]string{"2024-05-17T99:00:00"}, false},                        // not converted
		{[]string{""}, false},
	} {
		cells := make([][]string, len(c.cells))
		for i, s := range c.cells {
			cells[i] = []string{s}
		}
		if got := datetimeColumn(cells, 0, conv); got != c.want {
			t.Errorf("%q: %v, want %v", c.cells, got, c.want)
		}
	}
}

// With inference on (a warehouse's seeds), a column of true and false is a
// boolean, stored as 1 and 0; yes, 1 or a null word keep the column as read.
func TestBooleanColumn(t *testing.T) {
	data := []byte("id,deleted,flag,n\n1,true,yes,1\n2,FALSE,no,0\n3,,no,1\n")
	tab, err := ParseWith("seeds/s.csv", data, Options{Datetime: &Declared{Affinity: "TEXT", Timestamp: func(s string) (string, bool) { return s, false }}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(tab.Booleans, tab.Types, tab.Rows), "[deleted] [INTEGER INTEGER TEXT INTEGER] [[1 1 yes 1] [2 0 no 0] [3 <nil> no 1]]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	plain, err := Parse("seeds/s.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(plain.Booleans, plain.Rows[0]), "[] [1 true yes 1]"; got != want {
		t.Errorf("without inference: got %s, want %s", got, want)
	}
}

// With AgateNulls a cell reading null (any case, blanks around it) or only
// blanks is NULL in every column, inferred or declared, as dbt's agate type
// tester reads it; with BlankNulls only the empty cell is, and null is text.
func TestNulls(t *testing.T) {
	data := []byte("id,name,n,amount,day,flag\n1,null,1,NULL,2024-01-01,true\n2, Null ,null,2.5,null,Null\n3,  ,3,,,false\n4,nullable,4,1,2024-01-02,\n")
	dt := &Declared{Affinity: "TEXT", Timestamp: func(s string) (string, bool) { return s, false }}
	for _, c := range []struct {
		nulls  Nulls
		amount Declared
		want   string
	}{
		{AgateNulls, Declared{Affinity: "REAL", Type: "number(12,2)"},
			"[INTEGER TEXT INTEGER REAL TEXT INTEGER] [[1 <nil> 1 <nil> 2024-01-01 1] [2 <nil> <nil> 2.5 <nil> <nil>] [3 <nil> 3 <nil> <nil> 0] [4 nullable 4 1 2024-01-02 <nil>]]"},
	} {
		tab, err := ParseWith("seeds/s.csv", data, Options{Declared: map[string]Declared{"amount": c.amount}, Datetime: dt, Nulls: c.nulls})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(tab.Types, tab.Rows); got != c.want {
			t.Errorf("%v:\n got %s\nwant %s", c.nulls, got, c.want)
		}
	}
	// With CopyNulls dbt still infers the types with the type tester, where
	// null is empty, and DuckDB's COPY then reads the file: null stays text
	// in a text column and fails a column inferred as a number, date or
	// boolean, as COPY fails on it.
	for _, c := range []struct{ csv, want string }{
		{"id,name,amount\n1,null,1\n2, ,\n3,x,\n", "[INTEGER TEXT TEXT] [[1 null 1] [2   <nil>] [3 x <nil>]]"},
		{"id,n\n1,1\n2,null\n", `seeds/s.csv:3: column n: "null" cannot load as an integer: dbt infers the column's type reading it as empty, then the warehouse reads the file, where it is text (leave the cell empty, or declare the column's type in column_types)`},
		{"id,day\n1,2024-01-01\n2, \n", `seeds/s.csv:3: column day: " " cannot load as date: dbt infers the column's type reading it as empty, then the warehouse reads the file, where it is text (leave the cell empty, or declare the column's type in column_types)`},
		{"id,flag\n1,true\n2,Null\n", `seeds/s.csv:3: column flag: "Null" cannot load as boolean: dbt infers the column's type reading it as empty, then the warehouse reads the file, where it is text (leave the cell empty, or declare the column's type in column_types)`},
	} {
		tab, err := ParseWith("seeds/s.csv", []byte(c.csv), Options{Declared: map[string]Declared{"amount": {Affinity: "TEXT", Type: "varchar"}}, Datetime: dt, Nulls: CopyNulls})
		got := fmt.Sprint(err)
		if err == nil {
			got = fmt.Sprint(tab.Types, tab.Rows)
		}
		if got != c.want {
			t.Errorf("CopyNulls %q:\n got %s\nwant %s", c.csv, got, c.want)
		}
	}
	// DuckDB's COPY sniffs the quote: cells quoted in ' and never in " are
	// read with ' ('' is NULL, 'it''s' is it's), the types being those dbt
	// inferred from the cells as written, also where a cell quoted in '
	// spans lines; a cell opening with " keeps ".
	for _, c := range []struct {
		csv   string
		nulls Nulls
		want  string
	}{
		{"id,note,who\n1,'hi',''\n2,plain,Ray's\n3,'it''s','7'\n", CopyNulls, "[INTEGER TEXT TEXT] [[1 hi <nil>] [2 plain Ray's] [3 it's 7]]"},
		{"id,note,who\n1,'hi',''\n2,plain,Ray's\n", BlankNulls, "[INTEGER TEXT TEXT] [[1 'hi' ''] [2 plain Ray's]]"},
		{"id,note,who\n1,'hi',\"\"\n2,plain,x\n", CopyNulls, "[INTEGER TEXT TEXT] [[1 'hi' <nil>] [2 plain x]]"},
		{"id,note\n1,'a\n2,b'\n3,c\n", CopyNulls, "[INTEGER TEXT] [[1 a\n2,b] [3 c]]"},
	} {
		tab, err := ParseWith("seeds/s.csv", []byte(c.csv), Options{Datetime: dt, Nulls: c.nulls})
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(tab.Types, tab.Rows); got != c.want {
			t.Errorf("%v %q:\n got %s\nwant %s", c.nulls, c.csv, got, c.want)
		}
	}
	// With BlankNulls (BigQuery's load job) a blank cell of a column dbt
	// types as other than text is NULL, as the load job trims it; in a text
	// column it stays, and null stays text
	ts := &Declared{Affinity: "TEXT", Type: "timestamp", Timestamp: func(s string) (string, bool) { return s, true }}
	tab, err := ParseWith("seeds/s.csv", []byte("id,ts,n,name,flag\n1,2024-01-01 10:00:00,1,a,true\n2, , ,  ,  \n3,,2,null,false\n"), Options{Datetime: ts, Nulls: BlankNulls})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(tab.Types, tab.Rows), "[INTEGER TEXT INTEGER TEXT INTEGER] [[1 2024-01-01 10:00:00 1 a 1] [2 <nil> <nil>    <nil>] [3 <nil> 2 null 0]]"; got != want {
		t.Errorf("BlankNulls, blank cells:\n got %s\nwant %s", got, want)
	}
	// without AgateNulls, null is no number
	if _, err := ParseWith("seeds/s.csv", data, Options{Declared: map[string]Declared{"amount": {Affinity: "REAL", Type: "double"}}, Datetime: dt}); err == nil {
		t.Error("BlankNulls: no error for null in a column declared double")
	}
}
