package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/nexus-playground/nexus/pipeline"
)

// cmdQuery writes a table to stdout, CSV and JSON to rawOut.
func cmdQuery(ctx context.Context, args []string, stdout, rawOut io.Writer) error {
	var c common
	fs := newFlags("query", &c)
	format := fs.String("format", "table", "table, csv or json")
	maxRows := fs.Int("max-rows", 0, "stop after this many rows (0: all)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"query takes one SQL statement: nexus query --db FILE \"select ...\""}
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return errUsage{fmt.Sprintf("--format %q: use table, csv or json", *format)}
	}
	dbPath, err := c.dbPath()
	if err != nil {
		return err
	}
	if dbPath != ":memory:" {
		if _, err := os.Stat(dbPath); err != nil {
			return errUsage{fmt.Sprintf("database %s does not exist; run `nexus build` first", dbPath)}
		}
	}
	s, err := pipeline.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := c.parseDialect()
	if err != nil {
		return err
	}
	t, err := s.QueryIn(ctx, d, pos[0], *maxRows)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return writeCSV(rawOut, t)
	case "json":
		return writeJSON(rawOut, t)
	}
	writeTable(stdout, t)
	return nil
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return fmt.Sprintf("x'%x'", x)
	case float64:
		return fmt.Sprint(x)
	}
	return fmt.Sprint(v)
}

func writeCSV(w io.Writer, t *pipeline.Table) error {
	cw := csv.NewWriter(w)
	cw.Write(t.Columns)
	for _, row := range t.Rows {
		rec := make([]string, len(row))
		for i, v := range row {
			if v != nil {
				rec[i] = cell(v)
			}
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func writeJSON(w io.Writer, t *pipeline.Table) error {
	out := make([]map[string]any, 0, len(t.Rows))
	for _, row := range t.Rows {
		m := make(map[string]any, len(row))
		for i, v := range row {
			if b, ok := v.([]byte); ok {
				v = fmt.Sprintf("%x", b)
			}
			m[t.Columns[i]] = v
		}
		out = append(out, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeTable(w io.Writer, t *pipeline.Table) {
	widths := make([]int, len(t.Columns))
	cells := make([][]string, len(t.Rows))
	for i, c := range t.Columns {
		widths[i] = utf8.RuneCountInString(c)
	}
	for r, row := range t.Rows {
		cells[r] = make([]string, len(row))
		for i, v := range row {
			s := strings.ReplaceAll(cell(v), "\n", " ")
			cells[r][i] = s
			if n := utf8.RuneCountInString(s); n > widths[i] {
				widths[i] = n
			}
		}
	}
	line := func(vals []string) {
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = v + strings.Repeat(" ", widths[i]-utf8.RuneCountInString(v))
		}
		fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, " | "), " "))
	}
	line(t.Columns)
	seps := make([]string, len(widths))
	for i, n := range widths {
		seps[i] = strings.Repeat("-", n)
	}
	fmt.Fprintln(w, strings.Join(seps, "-+-"))
	for _, row := range cells {
		line(row)
	}
	fmt.Fprintf(w, "(%d row%s)\n", len(t.Rows), map[bool]string{true: "", false: "s"}[len(t.Rows) == 1])
}
