package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nexus-playground/nexus/pipeline"
)

// cmdDiff compares the tables of two built databases. As with git diff,
// --exit-code makes differences exit 1.
func cmdDiff(ctx context.Context, args []string, stdout, rawOut io.Writer) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	rows := fs.Int("rows", 3, "differing rows to show per table (-1: all)")
	table := fs.String("table", "", "compare only this table (name or schema.name)")
	format := fs.String("format", "table", "table or json")
	exitCode := fs.Bool("exit-code", false, "exit 1 when the databases differ")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errUsage{"diff takes two databases: nexus diff OLD.db NEW.db"}
	}
	if *format != "table" && *format != "json" {
		return errUsage{fmt.Sprintf("--format %q: use table or json", *format)}
	}
	var sessions [2]*pipeline.Session
	for i, p := range pos {
		if _, err := os.Stat(p); err != nil {
			return errUsage{fmt.Sprintf("database %s does not exist; build it first with `nexus build --db %s`", p, p)}
		}
		s, err := pipeline.Open(ctx, p)
		if err != nil {
			return err
		}
		defer s.Close()
		sessions[i] = s
	}
	ds, err := pipeline.Diff(ctx, sessions[0], sessions[1], *rows)
	if err != nil {
		return err
	}
	if *table != "" {
		var keep []pipeline.TableDiff
		for _, d := range ds {
			if d.Name == *table || d.Schema+"."+d.Name == *table {
				keep = append(keep, d)
			}
		}
		if keep == nil {
			return errUsage{fmt.Sprintf("--table %q: neither database has that table", *table)}
		}
		ds = keep
	}
	if *format == "json" {
		enc := json.NewEncoder(rawOut)
		enc.SetIndent("", "  ")
		if err := enc.Encode(ds); err != nil {
			return err
		}
	} else {
		writeDiff(stdout, ds)
	}
	for _, d := range ds {
		if *exitCode && d.Status != "same" {
			return errFailed
		}
	}
	return nil
}

// writeDiff writes one line per table, then its differing rows.
func writeDiff(w io.Writer, ds []pipeline.TableDiff) {
	width, same := 0, 0
	for _, d := range ds {
		width = max(width, len(d.Schema)+1+len(d.Name))
	}
	for _, d := range ds {
		if d.Status == "same" {
			same++
			continue
		}
		name := d.Schema + "." + d.Name
		line := fmt.Sprintf("%-*s  %-7s  %s", width, name, d.Status, d.Summary())
		if d.Status == "added" || d.Status == "removed" {
			line = fmt.Sprintf("%-*s  %-7s  %d rows", width, name, d.Status, max(d.OldRows, d.NewRows))
		} else if d.Key != "" {
			line += " (rows matched by " + d.Key + ")"
		}
		fmt.Fprintln(w, line)
		if d.Status != "changed" {
			continue
		}
		for _, r := range d.Rows {
			fmt.Fprintln(w, "  "+rowLine(d, r))
		}
		if n := d.Added + d.Removed + d.Changed - len(d.Rows); n > 0 {
			fmt.Fprintf(w, "  ... %d more\n", n)
		}
	}
	fmt.Fprintf(w, "%d of %d tables the same\n", same, len(ds))
}

func rowLine(d pipeline.TableDiff, r pipeline.DiffRow) string {
	switch r.Kind {
	case "added":
		return "+ " + cells(d.Columns, r.New)
	case "removed":
		return "- " + cells(d.Columns, r.Old)
	}
	parts := []string{fmt.Sprintf("~ %s=%s", d.Key, cell(r.Key))}
	for _, c := range r.Changed {
		for i, name := range d.Columns {
			if name == c {
				parts = append(parts, fmt.Sprintf("%s: %s -> %s", c, cell(r.Old[i]), cell(r.New[i])))
			}
		}
	}
	return strings.Join(parts, "  ")
}

func cells(cols []string, vals []any) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c + "=" + strings.ReplaceAll(cell(vals[i]), "\n", " ")
	}
	return strings.Join(parts, " ")
}
