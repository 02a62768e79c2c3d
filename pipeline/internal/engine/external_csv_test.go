package engine

import (
	"testing"

	"github.com/nexus-playground/nexus/pipeline/internal/project"
	"github.com/nexus-playground/nexus/pipeline/internal/store"
)

func TestCSVFormat(t *testing.T) {
	for _, c := range []struct {
		name  string
		extra map[string]any
		delim rune
		ok    bool
	}{
		{"no format: parquet", nil, 0, false},
		{"format csv", map[string]any{"format": "csv"}, 0, true},
		{"format CSV", map[string]any{"format": "CSV"}, 0, true},
		{"format parquet", map[string]any{"format": "parquet", "location": "out/x.csv"}, 0, false},
		{"format json", map[string]any{"format": "json"}, 0, false},
		{"location .csv", map[string]any{"location": "out/{{ this.name }}.csv"}, 0, true},
		{"location .parquet", map[string]any{"location": "out/x.parquet"}, 0, false},
		{"location .csv.gz", map[string]any{"location": "out/x.csv.gz"}, 0, false},
		{"delimiter alone", map[string]any{"delimiter": "|"}, '|', true},
		{"delimiter quoted", map[string]any{"delimiter": "';'", "format": "csv"}, ';', true},
		{"delimiter and .parquet", map[string]any{"delimiter": "|", "location": "x.parquet"}, 0, false},
		{"tab", map[string]any{"delimiter": "\t", "location": "x"}, '\t', true},
		{"options format", map[string]any{"options": map[string]any{"format": "csv"}}, 0, true},
		{"options delimiter", map[string]any{"options": map[string]any{"delimiter": ";"}}, ';', true},
		{"options delim", map[string]any{"format": "csv", "options": map[string]any{"delim": ";"}}, ';', true},
		{"header 1", map[string]any{"format": "csv", "options": map[string]any{"header": 1}}, 0, true},
		{"header false", map[string]any{"format": "csv", "options": map[string]any{"header": false}}, 0, false},
		{"quote option", map[string]any{"format": "csv", "options": map[string]any{"quote": "'"}}, 0, false},
		{"null option", map[string]any{"format": "csv", "options": map[string]any{"null": "NA"}}, 0, false},
		{"partition_by", map[string]any{"format": "csv", "options": map[string]any{"partition_by": "d"}}, 0, false},
		{"compression", map[string]any{"format": "csv", "options": map[string]any{"compression": "gzip"}}, 0, true},
		{"two-character delimiter", map[string]any{"delimiter": "||"}, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			delim, ok := csvFormat(project.Config{Materialized: "external", Extra: c.extra})
			if delim != c.delim || ok != c.ok {
				t.Errorf("csvFormat(%v) = %q, %v; want %q, %v", c.extra, delim, ok, c.delim, c.ok)
			}
		})
	}
}

func TestDuckDBCSV(t *testing.T) {
	rows := &store.Rows{Columns: []string{"a", "b,c", "d"}, Rows: [][]any{
		{"1", "x,y", nil},
		{"", `say "hi"`, []byte("two\nlines")},
		{" lead", "true", "2024-01-02 03:04:05"},
	}}
	for _, c := range []struct {
		delim rune
		want  string
	}{
		{0, "a,\"b,c\",d\n1,\"x,y\",\n,\"say \"\"hi\"\"\",\"two\nlines\"\n\" lead\",true,2024-01-02 03:04:05\n"},
		{'|', "a|b,c|d\n1|x,y|\n|\"say \"\"hi\"\"\"|\"two\nlines\"\n\" lead\"|true|2024-01-02 03:04:05\n"},
	} {
		got, err := duckdbCSV(rows, c.delim)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("delimiter %q:\n%s\nwant\n%s", c.delim, got, c.want)
		}
	}
}
