package seed

import (
	"fmt"
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
