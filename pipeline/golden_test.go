package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/goccy/go-yaml"
	"golang.org/x/tools/txtar"

	"github.com/nexus-playground/nexus/pipeline/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// A golden case is a whole project in a txtar archive:
//
//	-- args.yml --            optional: command, select, exclude, vars, target, full_refresh, steps, hide
//	-- dbt_project.yml -- ... project files
//	-- steps/N/PATH --        optional: PATH as it reads from step N on (1-based),
//	                          to change a project between runs of one session
//	-- query/NAME.sql --      optional queries to run after the build
//	-- query@N/NAME.sql --    optional queries to run right after step N
//	-- want/log --            the run log (timings removed) and diagnostics
//	-- want/SCHEMA.TABLE.csv -- every table built, rows sorted
//	-- want/query/NAME.csv -- each query's answer
//	-- want/compiled/NAME.sql -- the SQL of each model args.yml lists under
//	                          compile:, rendered after the build
//
// `go test ./pipeline -run Golden -update` rewrites the want sections;
// read the diff before committing it.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

type goldenArgs struct {
	Steps   []GoldenStep `yaml:"steps"`
	Compile []string     `yaml:"compile"`
	// Hide names tables (schema.name) whose rows depend on the clock: the
	// case checks them through queries instead.
	Hide       []string `yaml:"hide"`
	GoldenStep `yaml:",inline"`
}

// GoldenStep is one command of a golden case.
type GoldenStep struct {
	Command string         `yaml:"command"`
	Select  []string       `yaml:"select"`
	Exclude []string       `yaml:"exclude"`
	Vars    map[string]any `yaml:"vars"`
	// Target is --target: the output of the profile to build for.
	Target string `yaml:"target"`
	// Dialect is --dialect: the warehouse the SQL is written for.
	Dialect Dialect `yaml:"dialect"`
	// FullRefresh is --full-refresh.
	FullRefresh bool `yaml:"full_refresh"`
	// EventTimeStart and EventTimeEnd are --event-time-start and
	// --event-time-end: the window microbatch models build.
	EventTimeStart string `yaml:"event_time_start"`
	EventTimeEnd   string `yaml:"event_time_end"`
	// Empty is --empty.
	Empty bool `yaml:"empty"`
	// Operation and Args are run-operation's macro and --args.
	Operation string         `yaml:"operation"`
	Args      map[string]any `yaml:"args"`
}

func runGolden(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	var args goldenArgs
	queries := map[string]string{}
	edits := map[int]fstest.MapFS{}
	stepQueries := map[int]map[string]string{}
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "steps/"):
			n, path, _ := strings.Cut(strings.TrimPrefix(f.Name, "steps/"), "/")
			i, err := strconv.Atoi(n)
			if err != nil || i < 1 || path == "" {
				t.Fatalf("%s: want steps/N/PATH with N from 1", f.Name)
			}
			if edits[i] == nil {
				edits[i] = fstest.MapFS{}
			}
			edits[i][path] = &fstest.MapFile{Data: f.Data}
		case f.Name == "args.yml":
			if err := yaml.Unmarshal(f.Data, &args); err != nil {
				t.Fatalf("args.yml: %v", err)
			}
		case strings.HasPrefix(f.Name, "query/"):
			queries[strings.TrimSuffix(strings.TrimPrefix(f.Name, "query/"), ".sql")] = string(f.Data)
		case strings.HasPrefix(f.Name, "query@"):
			at, name, _ := strings.Cut(strings.TrimPrefix(f.Name, "query@"), "/")
			i, err := strconv.Atoi(at)
			if err != nil || i < 1 || name == "" {
				t.Fatalf("%s: want query@N/NAME.sql with N from 1", f.Name)
			}
			if stepQueries[i] == nil {
				stepQueries[i] = map[string]string{}
			}
			stepQueries[i][strings.TrimSuffix(name, ".sql")] = string(f.Data)
		case strings.HasPrefix(f.Name, "want/"):
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	steps := args.Steps
	if len(steps) == 0 {
		steps = []GoldenStep{args.GoldenStep}
	}
	for i := range stepQueries {
		if i > len(steps) {
			t.Fatalf("query@%d/: the case has %d steps", i, len(steps))
		}
	}
	for i := range edits {
		if i > len(steps) {
			t.Fatalf("steps/%d/: the case has %d steps", i, len(steps))
		}
	}
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]string{}
	var log strings.Builder
	for i, st := range steps {
		maps.Copy(fsys, edits[i+1])
		cmd := Command(st.Command)
		if cmd == "" {
			cmd = CmdBuild
		}
		fmt.Fprintf(&log, "$ %s%s\n", cmd, describe(st))
		res, err := s.Build(ctx, fsys, Options{Command: cmd, Select: st.Select, Exclude: st.Exclude, Vars: st.Vars, Target: st.Target, Dialect: st.Dialect, FullRefresh: st.FullRefresh, EventTimeStart: st.EventTimeStart, EventTimeEnd: st.EventTimeEnd, Empty: st.Empty,
			Operation: st.Operation, OperationArgs: st.Args})
		if err != nil {
			fmt.Fprintf(&log, "usage error: %v\n", err)
			continue
		}
		writeLog(&log, res)
		runQueries(ctx, s, stepQueries[i+1], fmt.Sprintf("want/query@%d/", i+1), got)
	}
	got["want/log"] = log.String()
	for _, name := range args.Compile {
		sql, err := s.Compile(ctx, fsys, name, steps[len(steps)-1].Vars, Warehouse{Target: steps[len(steps)-1].Target, Dialect: steps[len(steps)-1].Dialect})
		if err != nil {
			sql = "error: " + err.Error()
		}
		got["want/compiled/"+name+".sql"] = strings.TrimSpace(sql) + "\n"
	}
	tables, err := s.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if slices.Contains(args.Hide, tb.Schema+"."+tb.Name) {
			continue
		}
		q, err := s.Query(ctx, fmt.Sprintf("SELECT * FROM %q.%q", tb.Schema, tb.Name), 0)
		if err != nil {
			t.Fatal(err)
		}
		got["want/"+tb.Schema+"."+tb.Name+".csv"] = tableCSV(q, true)
	}
	runQueries(ctx, s, queries, "want/query/", got)
	compareGolden(t, file, ar, got)
}

// runQueries files the answer of each query under prefix+NAME.csv.
func runQueries(ctx context.Context, s *Session, queries map[string]string, prefix string, got map[string]string) {
	for name, sql := range queries {
		q, err := s.Query(ctx, sql, 0)
		if err != nil {
			got[prefix+name+".csv"] = "error: " + err.Error() + "\n"
			continue
		}
		got[prefix+name+".csv"] = tableCSV(q, !strings.Contains(strings.ToLower(sql), "order by"))
	}
}

func describe(st GoldenStep) string {
	var b strings.Builder
	if st.Operation != "" {
		b.WriteString(" " + st.Operation)
	}
	if len(st.Args) > 0 {
		fmt.Fprintf(&b, " --args %v", st.Args)
	}
	if st.FullRefresh {
		b.WriteString(" --full-refresh")
	}
	if st.Empty {
		b.WriteString(" --empty")
	}
	if st.EventTimeStart != "" {
		b.WriteString(" --event-time-start " + st.EventTimeStart)
	}
	if st.EventTimeEnd != "" {
		b.WriteString(" --event-time-end " + st.EventTimeEnd)
	}
	if st.Target != "" {
		b.WriteString(" --target " + st.Target)
	}
	if st.Dialect != "" {
		b.WriteString(" --dialect " + string(st.Dialect))
	}
	for _, s := range st.Select {
		b.WriteString(" --select " + s)
	}
	for _, s := range st.Exclude {
		b.WriteString(" --exclude " + s)
	}
	if len(st.Vars) > 0 {
		keys := make([]string, 0, len(st.Vars))
		for k := range st.Vars {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " --vars %s=%v", k, st.Vars[k])
		}
	}
	return b.String()
}

var timing = regexp.MustCompile(`\[\d+\.\d+s\]|in \d+\.\d+s`)

func writeLog(b *strings.Builder, res *Result) {
	for _, st := range res.Steps {
		b.WriteString(timing.ReplaceAllString(st.Line, "[T]") + "\n")
		if st.Message != "" && st.Status != "OK" {
			b.WriteString("  " + st.Message + "\n")
		}
	}
	for _, d := range res.Diagnostics {
		kind := "diagnostic"
		if d.Severity == diag.Warning {
			kind = "warning"
		}
		b.WriteString(kind + ": " + d.Error() + "\n")
	}
	for _, r := range res.Identity {
		fmt.Fprintf(b, "identity %s: %s\n", r.Entity, r.Message)
	}
	b.WriteString(timing.ReplaceAllString(res.Summary, "in T") + "\n")
}

func tableCSV(q *Table, sortRows bool) string {
	rows := make([][]string, len(q.Rows))
	for i, r := range q.Rows {
		rows[i] = make([]string, len(r))
		for j, v := range r {
			if v == nil {
				rows[i][j] = "NULL"
			} else {
				rows[i][j] = fmt.Sprint(v)
			}
		}
	}
	if sortRows {
		sort.Slice(rows, func(a, b int) bool { return strings.Join(rows[a], "\x00") < strings.Join(rows[b], "\x00") })
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(q.Columns)
	w.WriteAll(rows)
	return buf.String()
}

func compareGolden(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	want := map[string]string{}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "want/") {
			want[f.Name] = string(f.Data)
		}
	}
	if *update {
		var kept []txtar.File
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "want/") {
				kept = append(kept, f)
			}
		}
		names := make([]string, 0, len(got))
		for n := range got {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			kept = append(kept, txtar.File{Name: n, Data: []byte(got[n])})
		}
		ar.Files = kept
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for name, g := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: missing section %s (run with -update and review):\n%s", file, name, g)
			continue
		}
		if w != g {
			t.Errorf("%s: section %s differs\n--- want\n%s--- got\n%s", file, name, w, g)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: section %s is no longer produced", file, name)
		}
	}
}
