package walkthrough

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/nexus-playground/nexus/pipeline"
)

// Project is the project a walkthrough edits: the sample's files plus the
// changes applied so far, and the vars set so far.
type Project struct {
	Files fstest.MapFS
	Vars  map[string]any
}

// Start copies the walkthrough's starting sample out of the samples folder.
func Start(samples fs.FS, w *Walkthrough) (*Project, error) {
	root, err := fs.Sub(samples, w.Sample)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(root, "dbt_project.yml"); err != nil {
		return nil, fmt.Errorf("walkthrough %s starts from sample %q, which has no dbt_project.yml", w.Name, w.Sample)
	}
	p := &Project{Files: fstest.MapFS{}, Vars: map[string]any{}}
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name == "target" {
				return fs.SkipDir
			}
			return nil
		}
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		p.Files[name] = &fstest.MapFile{Data: data}
		return nil
	})
	return p, err
}

// Apply makes a step's change.
func (p *Project) Apply(c *Change) {
	if c == nil {
		return
	}
	for _, name := range c.Delete {
		delete(p.Files, name)
	}
	for _, name := range sortedKeys(c.Write) {
		p.Files[name] = &fstest.MapFile{Data: []byte(c.Write[name])}
	}
	for _, name := range sortedKeys(c.Append) {
		var data []byte
		if f, ok := p.Files[name]; ok {
			data = append(data, f.Data...)
			if len(data) > 0 && data[len(data)-1] != '\n' {
				data = append(data, '\n')
			}
		}
		p.Files[name] = &fstest.MapFile{Data: append(data, c.Append[name]...)}
	}
	maps.Copy(p.Vars, c.Vars)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Options steer a headless run.
type Options struct {
	// Skip leaves out whole steps (0-based), to prove that a later check
	// depends on them.
	Skip map[int]bool
	// SkipChange runs steps (0-based) without their change, to prove that
	// their checks depend on it.
	SkipChange map[int]bool
	// Progress, when set, receives each step's report as it finishes.
	Progress func(StepReport)
}

// StepReport is the outcome of one step.
type StepReport struct {
	Index   int              `json:"index"` // 0-based
	Title   string           `json:"title"`
	Skipped bool             `json:"skipped,omitempty"`
	Result  *pipeline.Result `json:"result,omitempty"`
	Checks  []string         `json:"checks,omitempty"` // the checks that held
}

// Failure is the first step that did not hold: its command failed or one
// of its checks did not hold.
type Failure struct {
	Walkthrough string `json:"walkthrough"`
	Step        int    `json:"step"` // 1-based, as shown to users
	StepTitle   string `json:"step_title"`
	// Check is the check that failed; empty when the command failed.
	Check   string `json:"check,omitempty"`
	Message string `json:"message"`
}

func (f *Failure) Error() string {
	what := "the command failed"
	if f.Check != "" {
		what = "check " + f.Check + " failed"
	}
	return fmt.Sprintf("walkthrough %s, step %d (%s): %s: %s", f.Walkthrough, f.Step, f.StepTitle, what, f.Message)
}

// Run plays a walkthrough headless in an in-memory database: for each step
// it applies the change, runs the command and evaluates the checks, and
// stops at the first failure, returned as a *Failure.
func Run(ctx context.Context, samples fs.FS, w *Walkthrough, opts Options) ([]StepReport, error) {
	p, err := Start(samples, w)
	if err != nil {
		return nil, err
	}
	s, err := pipeline.Open(ctx, ":memory:")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var reports []StepReport
	var last *pipeline.Result
	for i, step := range w.Steps {
		rep := StepReport{Index: i, Title: step.Title}
		if opts.Skip[i] {
			rep.Skipped = true
			reports = append(reports, rep)
			continue
		}
		fail := func(check, format string, args ...any) error {
			return &Failure{Walkthrough: w.Name, Step: i + 1, StepTitle: step.Title, Check: check, Message: fmt.Sprintf(format, args...)}
		}
		if !opts.SkipChange[i] {
			p.Apply(step.Change)
		}
		if step.Command != "" {
			res, err := s.Build(ctx, p.Files, pipeline.Options{
				Command: pipeline.Command(step.Command), Vars: maps.Clone(p.Vars),
				Select: step.Select, Exclude: step.Exclude,
			})
			if err != nil {
				return reports, fail("", "%s: %v", step.Command, err)
			}
			rep.Result = res
			last = res
			if !res.OK {
				return reports, fail("", "%s: %s", step.Command, failedSteps(res))
			}
		}
		for _, c := range step.Checks {
			if msg := evaluate(ctx, s, last, c); msg != "" {
				return reports, fail(c.String(), "%s", msg)
			}
			rep.Checks = append(rep.Checks, c.String())
		}
		reports = append(reports, rep)
		if opts.Progress != nil {
			opts.Progress(rep)
		}
	}
	return reports, nil
}

func failedSteps(res *pipeline.Result) string {
	var lines []string
	for _, st := range res.Steps {
		if st.Status == "ERROR" || st.Status == "FAIL" {
			line := st.Kind + " " + st.Name + " " + st.Status
			if st.Message != "" {
				line += ": " + st.Message
			}
			lines = append(lines, line)
		}
	}
	for _, d := range res.Diagnostics {
		lines = append(lines, d.Error())
	}
	if len(lines) == 0 {
		return res.Summary
	}
	return strings.Join(lines, "; ")
}

// evaluate returns "" when the check holds, else what went wrong.
func evaluate(ctx context.Context, s *pipeline.Session, last *pipeline.Result, c Check) string {
	switch {
	case c.TableExists != "":
		schema, name, ok := strings.Cut(c.TableExists, ".")
		if !ok {
			schema, name = "main", c.TableExists
		}
		tables, err := s.Tables(ctx)
		if err != nil {
			return err.Error()
		}
		var inOther []string
		for _, t := range tables {
			if t.Name == name {
				if t.Schema == schema {
					return ""
				}
				inOther = append(inOther, t.Schema+"."+t.Name)
			}
		}
		if len(inOther) > 0 {
			return fmt.Sprintf("no table %s; the table is built as %s", c.TableExists, strings.Join(inOther, ", "))
		}
		return fmt.Sprintf("no table %s has been built", c.TableExists)
	case c.Query != "":
		t, err := s.Query(ctx, c.Query, 0)
		if err != nil {
			return fmt.Sprintf("the query failed: %v", err)
		}
		if c.ExpectRows != nil {
			if len(t.Rows) != *c.ExpectRows {
				return fmt.Sprintf("the query returned %d rows, want %d", len(t.Rows), *c.ExpectRows)
			}
			return ""
		}
		want := fmt.Sprint(c.Expect)
		if len(t.Rows) == 0 || len(t.Rows[0]) == 0 {
			return fmt.Sprintf("the query returned no rows, want %s", want)
		}
		got := "NULL"
		if v := t.Rows[0][0]; v != nil {
			got = fmt.Sprint(v)
		}
		if got != want {
			return fmt.Sprintf("the query returned %s, want %s", got, want)
		}
		return ""
	case c.TestPasses != "":
		if last == nil {
			return fmt.Sprintf("no command has run, so test %s has not run", c.TestPasses)
		}
		for _, st := range last.Steps {
			if st.Kind == "test" && st.Name == c.TestPasses {
				if st.Status == "PASS" {
					return ""
				}
				return fmt.Sprintf("test %s: %s %s", c.TestPasses, st.Status, st.Message)
			}
		}
		return fmt.Sprintf("test %s did not run in the last command", c.TestPasses)
	case len(c.PersonsMerged) > 0 || len(c.PersonsSplit) > 0:
		merged, list := true, c.PersonsMerged
		if len(list) == 0 {
			merged, list = false, c.PersonsSplit
		}
		ids := make([]pipeline.Identifier, len(list))
		for i, text := range list {
			id, err := pipeline.ParseIdentifier(text)
			if err != nil {
				return err.Error()
			}
			ids[i] = id
		}
		problem, err := s.Joined(ctx, "person", ids, merged)
		if err != nil {
			return err.Error()
		}
		return problem
	}
	return "empty check"
}
