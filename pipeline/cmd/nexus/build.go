package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/nexus-playground/nexus/pipeline"
)

func cmdBuild(ctx context.Context, cmd string, args []string, stdout, stderr io.Writer) error {
	var c common
	fs := newFlags(cmd, &c)
	fullRefresh := fs.Bool("full-refresh", false, "rebuild incremental models from scratch")
	eventTimeStart := fs.String("event-time-start", "", "microbatch models build batches from this time (YYYY-MM-DD[ HH:MM:SS], UTC), as dbt's flag")
	eventTimeEnd := fs.String("event-time-end", "", "microbatch models build batches up to this time (default: now)")
	var empty *bool
	if cmd == "build" || cmd == "run" {
		empty = fs.Bool("empty", false, "every ref() and source() of a model reads no rows: the tables are made with their columns and no rows, as dbt's flag")
	}
	profile := fs.Bool("profile", false, "after the summary, print where the time went: planning, the slowest steps, and the statements run and their time")
	var storeFailures *bool
	if cmd == "test" || cmd == "build" {
		storeFailures = fs.Bool("store-failures", false, "every test keeps its failing rows in a table of schema dbt_test__audit named after the test, as dbt's flag")
	}
	var opArgs *string
	if cmd == "run-operation" {
		opArgs = fs.String("args", "", "the macro's keyword arguments as YAML or JSON, like '{table_name: orders}'")
	} else {
		args = spreadSelectors(args)
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	var operation string
	var operationArgs map[string]any
	switch {
	case cmd == "run-operation" && len(pos) != 1:
		return errUsage{"run-operation takes one macro name: nexus run-operation MACRO [--args YAML]"}
	case cmd == "run-operation":
		operation = pos[0]
		if operationArgs, err = parseMapping(*opArgs, "--args", "{table_name: orders}"); err != nil {
			return err
		}
	case len(pos) > 0:
		return errUsage{fmt.Sprintf("%s takes no arguments (got %q); use --select to choose models", cmd, pos[0])}
	}
	vars, err := c.parseVars()
	if err != nil {
		return err
	}
	w, err := c.warehouse()
	if err != nil {
		return err
	}
	dbPath, err := c.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(c.projectDir); err != nil {
		return errUsage{fmt.Sprintf("project folder %s: %v", c.projectDir, err)}
	}
	s, err := pipeline.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	opts := pipeline.Options{
		Command: pipeline.Command(cmd), Vars: vars, Dialect: w.Dialect, Target: w.Target, Select: c.sel, Exclude: c.excl, Timeout: c.timeout, FullRefresh: *fullRefresh, EventTimeStart: *eventTimeStart, EventTimeEnd: *eventTimeEnd, StoreFailures: storeFailures != nil && *storeFailures, Empty: empty != nil && *empty, Profile: *profile, Once: true,
		Operation: operation, OperationArgs: operationArgs,
		Progress: func(st pipeline.Step) {
			fmt.Fprintln(stdout, st.Line)
			// a failed unit test's message is its diff of the rows
			if (st.Status == "ERROR" || st.Kind == "unit_test" && st.Status == "FAIL") && st.Message != "" {
				fmt.Fprintln(stdout, "  "+st.Message)
			}
		},
	}
	res, err := s.Build(ctx, pipeline.ProjectDir(c.projectDir), opts)
	var ue *pipeline.UsageError
	if errors.As(err, &ue) {
		return errUsage{ue.Error()}
	}
	if err != nil {
		return err
	}
	for _, d := range res.Diagnostics {
		if d.Severity == pipeline.SeverityWarning {
			fmt.Fprintln(stderr, "warning: "+d.Error())
			continue
		}
		fmt.Fprintln(stderr, d.Error())
	}
	for _, r := range res.Identity {
		fmt.Fprintf(stdout, "identity %s: %s\n", r.Entity, r.Message)
	}
	fmt.Fprintln(stdout, res.Summary)
	if res.Profile != nil {
		printProfile(stdout, res)
	}
	if !res.OK {
		return errFailed
	}
	return nil
}

func cmdCompile(ctx context.Context, args []string, stdout io.Writer) error {
	var c common
	fs := newFlags("compile", &c)
	pos, err := parse(fs, spreadSelectors(args))
	if err != nil {
		return err
	}
	if len(pos) > 1 || len(pos) == 1 && (len(c.sel) > 0 || len(c.excl) > 0) {
		return errUsage{"compile takes one model name (nexus compile MODEL), or none to compile the nodes --select picks (all by default) into target/compiled"}
	}
	vars, err := c.parseVars()
	if err != nil {
		return err
	}
	w, err := c.warehouse()
	if err != nil {
		return err
	}
	// Like dbt, compile against the database the project builds into, so
	// models that query built tables while they render (the trait pivot)
	// compile too; without one, an empty in-memory database.
	dbPath := ":memory:"
	if c.db != "" {
		dbPath = c.db
	} else if def := filepath.Join(c.projectDir, "target", "nexus.db"); fileExists(def) {
		dbPath = def
	}
	s, err := pipeline.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	if len(pos) == 0 {
		return compileAll(ctx, s, c, vars, w, stdout)
	}
	sql, err := s.Compile(ctx, pipeline.ProjectDir(c.projectDir), pos[0], vars, w)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, sql)
	return nil
}

// compileAll is dbt compile of a selection: each model, test and analysis
// selected is written to target/compiled/<package>/<its path> (a generic
// test under its YAML file's path, as dbt writes it), and every node that
// fails is reported with its file and line.
func compileAll(ctx context.Context, s *pipeline.Session, c common, vars map[string]any, w pipeline.Warehouse, stdout io.Writer) error {
	fsys := pipeline.ProjectDir(c.projectDir)
	nodes, err := pipeline.Nodes(ctx, fsys, vars, w)
	if err != nil {
		return err
	}
	sel, err := pipeline.SelectNodes(ctx, fsys, vars, w, c.sel, c.excl)
	if err != nil {
		return errUsage{err.Error()}
	}
	var picked []pipeline.Node
	var names []string
	for _, n := range nodes {
		if sel[n.ID] && (n.Kind == "model" || n.Kind == "test" || n.Kind == "analysis") {
			picked = append(picked, n)
			names = append(names, n.Name)
		}
	}
	out, err := s.CompileAll(ctx, fsys, names, vars, w)
	if err != nil {
		return err
	}
	root := filepath.Join(c.projectDir, "target", "compiled")
	counts := map[string]int{}
	failed := 0
	for i, n := range picked {
		if out[i].Err != nil {
			failed++
			fmt.Fprintf(stdout, "ERROR compiling %s %s: %v\n", n.Kind, n.Name, out[i].Err)
			continue
		}
		path := n.Path
		if ext := filepath.Ext(path); ext == ".yml" || ext == ".yaml" {
			path = filepath.Join(path, n.Name+".sql")
		}
		dst := filepath.Join(root, n.Package, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, []byte(out[i].SQL+"\n"), 0o644); err != nil {
			return err
		}
		counts[n.Kind]++
	}
	fmt.Fprintf(stdout, "Compiled %s into %s.\n", nodeCounts(counts), root)
	if failed > 0 {
		fmt.Fprintf(stdout, "%d of %d nodes failed to compile.\n", failed, len(picked))
		return errFailed
	}
	return nil
}

// nodeCounts says how many nodes of each kind: "3 models, 5 tests".
func nodeCounts(counts map[string]int) string {
	var parts []string
	for _, k := range []string{"model", "test", "analysis"} {
		n := counts[k]
		if n == 0 {
			continue
		}
		word := k + "s"
		if k == "analysis" {
			word = "analyses"
		}
		if n == 1 {
			word = k
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, word))
	}
	if len(parts) == 0 {
		return "no nodes"
	}
	return strings.Join(parts, ", ")
}

func cmdList(args []string, stdout io.Writer) error {
	var c common
	fs := newFlags("ls", &c)
	kind := fs.String("resource-type", "", "only nodes of this kind: model, seed, source, test")
	if _, err := parse(fs, spreadSelectors(args)); err != nil {
		return err
	}
	vars, err := c.parseVars()
	if err != nil {
		return err
	}
	w, err := c.warehouse()
	if err != nil {
		return err
	}
	// --timeout bounds the templates parsing renders.
	ctx := context.Background()
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	nodes, err := pipeline.Nodes(ctx, pipeline.ProjectDir(c.projectDir), vars, w)
	if err != nil {
		return err
	}
	sel, err := pipeline.SelectNodes(ctx, pipeline.ProjectDir(c.projectDir), vars, w, c.sel, c.excl)
	if err != nil {
		return errUsage{err.Error()}
	}
	for _, n := range nodes {
		if !sel[n.ID] || *kind != "" && n.Kind != *kind {
			continue
		}
		extra := ""
		if n.Override {
			extra = "  (overrides the nexus package's model)"
		}
		fmt.Fprintf(stdout, "%-7s %s.%s%s\n", n.Kind, n.Package, n.Name, extra)
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// printProfile prints --profile's report: the build's time split into
// planning, steps and SQL, and the slowest steps with their SQL share.
func printProfile(w io.Writer, res *pipeline.Result) {
	p := res.Profile
	fmt.Fprintf(w, "profile: %.3fs in all: planning %.3fs, steps %.3fs; %d statements ran in %.3fs\n",
		res.Seconds, p.PlanSeconds, p.StepsSeconds, p.Statements, p.SQLSeconds)
	steps := append([]pipeline.Step(nil), res.Steps...)
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].Seconds > steps[j].Seconds })
	fmt.Fprintln(w, "profile: slowest steps (seconds, SQL seconds, statements, kind, name)")
	for i, st := range steps {
		if i == profileSteps {
			break
		}
		fmt.Fprintf(w, "profile: %8.3f %8.3f %5d %s %s\n", st.Seconds, st.SQLSeconds, st.Statements, st.Kind, st.Name)
	}
}

// profileSteps is how many steps --profile lists.
const profileSteps = 25
