package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/nexus"
)

// columnsDoc is one row of nexus/COLUMNS.md: a package table with
// dbt-nexus's columns, ours, and what we add. "…" stands for columns that
// come from the data.
type columnsDoc struct {
	table                 string
	dbtNexus, ours, added []string
}

var backticked = regexp.MustCompile("`([^`]+)`|…")

func cellColumns(cell string) []string {
	var out []string
	for _, m := range backticked.FindAllStringSubmatch(cell, -1) {
		if m[0] == "…" {
			out = append(out, "…")
		} else {
			out = append(out, m[1])
		}
	}
	return out
}

// entityLayerSection is the heading of COLUMNS.md's entity-layer table.
const entityLayerSection = "## The entity layer (dbt-nexus v0.13)"

// readColumnsDoc reads the table of COLUMNS.md under the `## ` heading
// section, "" for the c918759 table at the top.
func readColumnsDoc(t *testing.T, section string) []columnsDoc {
	t.Helper()
	data, err := os.ReadFile("nexus/COLUMNS.md")
	if err != nil {
		t.Fatal(err)
	}
	var rows []columnsDoc
	heading := ""
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "## ") {
			heading = line
		}
		if !strings.HasPrefix(line, "| `") || heading != section {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 4 {
			t.Fatalf("COLUMNS.md row %q: want 4 cells", line)
		}
		rows = append(rows, columnsDoc{table: cellColumns(cells[0])[0], dbtNexus: cellColumns(cells[1]),
			ours: cellColumns(cells[2]), added: cellColumns(cells[3])})
	}
	return rows
}

// matchColumns tells whether got fits want, where "…" matches any run of
// columns (at least none).
func matchColumns(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for i := 0; i <= len(got); i++ {
			if matchColumns(want[1:], got[i:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && want[0] == got[0] && matchColumns(want[1:], got[1:])
}

// TestColumnsDoc checks nexus/COLUMNS.md: our columns are dbt-nexus's plus
// the additions it names, and the demo's built tables have exactly them.
func TestColumnsDoc(t *testing.T) {
	rows := readColumnsDoc(t, "")
	if len(rows) < 19 {
		t.Fatalf("COLUMNS.md lists %d tables, want every package table", len(rows))
	}
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, os.DirFS("../samples/demo"), Options{Command: CmdBuild})
	if err != nil || !res.OK {
		t.Fatalf("demo build: %v %+v", err, res.Diagnostics)
	}
	seen := map[string]bool{}
	models, err := fs.Glob(nexus.Layer(false), "models/*/*/*.sql")
	if err != nil || len(models) == 0 {
		t.Fatalf("package models: %v", err)
	}
	for _, m := range models {
		seen[strings.TrimSuffix(path.Base(m), ".sql")] = false
	}
	for _, row := range rows {
		t.Run(row.table, func(t *testing.T) {
			if _, ok := seen[row.table]; !ok {
				t.Fatalf("%s is not a model of the package", row.table)
			}
			seen[row.table] = true
			added := map[string]bool{}
			for _, c := range row.added {
				added[c] = true
			}
			var rest []string
			for _, c := range row.ours {
				if !added[c] {
					rest = append(rest, c)
				}
			}
			// edge_distributions is not in c918759: all of it is added.
			if len(row.dbtNexus) > 0 && strings.Join(rest, " ") != strings.Join(row.dbtNexus, " ") {
				t.Errorf("ours without the additions = %v, dbt-nexus has %v", rest, row.dbtNexus)
			}
			q, err := s.Query(ctx, fmt.Sprintf("SELECT * FROM nexus_demo_data.%s LIMIT 0", row.table), 0)
			if err != nil {
				t.Fatal(err)
			}
			if !matchColumns(row.ours, q.Columns) {
				t.Errorf("built columns %v do not fit COLUMNS.md's %v", q.Columns, row.ours)
			}
		})
	}
	for m, ok := range seen {
		if !ok {
			t.Errorf("package model %s is missing from COLUMNS.md", m)
		}
	}
}

// TestEntityColumnsDoc checks COLUMNS.md's entity-layer table: our columns
// are dbt-nexus v0.13.0's, and samples/entities's built tables have exactly
// them, every model of the layer listed.
func TestEntityColumnsDoc(t *testing.T) {
	rows := readColumnsDoc(t, entityLayerSection)
	if len(rows) < 13 {
		t.Fatalf("COLUMNS.md's entity layer lists %d tables, want every model of the layer", len(rows))
	}
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Build(ctx, os.DirFS("../samples/entities"), Options{Command: CmdBuild})
	if err != nil || !res.OK {
		t.Fatalf("entities build: %v %+v", err, res.Diagnostics)
	}
	seen := map[string]bool{}
	models, err := fs.Glob(nexus.Layer(true), "models/nexus-entities/*/*.sql")
	if err != nil || len(models) == 0 {
		t.Fatalf("entity layer models: %v", err)
	}
	for _, m := range models {
		seen[strings.TrimSuffix(path.Base(m), ".sql")] = false
	}
	for _, row := range rows {
		t.Run(row.table, func(t *testing.T) {
			if _, ok := seen[row.table]; !ok {
				t.Fatalf("%s is not a model of the entity layer", row.table)
			}
			seen[row.table] = true
			if len(row.added) > 0 || strings.Join(row.ours, " ") != strings.Join(row.dbtNexus, " ") {
				t.Errorf("ours %v, v0.13 %v, added %v: the entity layer adds no columns", row.ours, row.dbtNexus, row.added)
			}
			q, err := s.Query(ctx, fmt.Sprintf("SELECT * FROM nexus.%s LIMIT 0", row.table), 0)
			if err != nil {
				t.Fatal(err)
			}
			if !matchColumns(row.ours, q.Columns) {
				t.Errorf("built columns %v do not fit COLUMNS.md's %v", q.Columns, row.ours)
			}
		})
	}
	for m, ok := range seen {
		if !ok {
			t.Errorf("entity layer model %s is missing from COLUMNS.md", m)
		}
	}
}
