// Package walkthrough runs the onboarding walkthroughs: one data file per
// section of the dbt-nexus Common Tasks page, under samples/walkthroughs.
// A walkthrough names the sample it starts from and lists steps; a step
// says what to change in the project, which command to run, and which
// checks must hold before the next step. Check runs every step headless in
// an in-memory database and stops at the first failed check.
package walkthrough

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Dir is the folder of walkthrough files inside the samples folder.
const Dir = "walkthroughs"

// Walkthrough is one walkthrough file.
type Walkthrough struct {
	// Name is the file name without .yml; it is what `nexus walkthrough
	// check NAME` and shareable links use.
	Name string `yaml:"-" json:"name"`
	// Title and Section: Section is the heading of the Common Tasks page
	// the walkthrough follows.
	Title   string `yaml:"title" json:"title"`
	Section string `yaml:"section" json:"section"`
	// Sample is the folder under samples/ the walkthrough starts from.
	Sample string `yaml:"sample" json:"sample"`
	Intro  string `yaml:"intro" json:"intro,omitempty"`
	Steps  []Step `yaml:"steps" json:"steps"`
}

// Step is one step: text, a change, a command, checks.
type Step struct {
	Title  string  `yaml:"title" json:"title"`
	Text   string  `yaml:"text" json:"text"`
	Change *Change `yaml:"change" json:"change,omitempty"`
	// Command is build, run, test or seed; empty runs nothing.
	Command string   `yaml:"command" json:"command,omitempty"`
	Select  []string `yaml:"select" json:"select,omitempty"`
	Exclude []string `yaml:"exclude" json:"exclude,omitempty"`
	Checks  []Check  `yaml:"checks" json:"checks,omitempty"`
}

// Change is what a step does to the project ("show me" applies it).
type Change struct {
	// Write creates or replaces files, by path inside the project.
	Write map[string]string `yaml:"write" json:"write,omitempty"`
	// Append adds text at the end of files (creating them if missing).
	Append map[string]string `yaml:"append" json:"append,omitempty"`
	// Delete removes files.
	Delete []string `yaml:"delete" json:"delete,omitempty"`
	// Vars set vars for this and every later command, like --vars.
	Vars map[string]any `yaml:"vars" json:"vars,omitempty"`
}

// Check is one expectation; exactly one kind is set.
type Check struct {
	// TableExists is schema.table (or a table of the main schema).
	TableExists string `yaml:"table_exists" json:"table_exists,omitempty"`
	// Query runs SQL; with ExpectRows its row count must match, with
	// Expect its first cell (as text) must equal the value.
	Query      string `yaml:"query" json:"query,omitempty"`
	ExpectRows *int   `yaml:"expect_rows" json:"expect_rows,omitempty"`
	Expect     any    `yaml:"expect" json:"expect,omitempty"`
	// TestPasses names a data test that must have run and passed in the
	// step's command.
	TestPasses string `yaml:"test_passes" json:"test_passes,omitempty"`
	// PersonsMerged lists identifiers (TYPE:VALUE) that must resolve to one
	// person; PersonsSplit two that must resolve to different persons.
	PersonsMerged []string `yaml:"persons_merged" json:"persons_merged,omitempty"`
	PersonsSplit  []string `yaml:"persons_split" json:"persons_split,omitempty"`
}

// String describes a check in messages.
func (c Check) String() string {
	switch {
	case c.TableExists != "":
		return "table_exists " + c.TableExists
	case c.Query != "" && c.ExpectRows != nil:
		return fmt.Sprintf("query expecting %d rows", *c.ExpectRows)
	case c.Query != "":
		return fmt.Sprintf("query expecting %v", c.Expect)
	case c.TestPasses != "":
		return "test_passes " + c.TestPasses
	case len(c.PersonsMerged) > 0:
		return "persons_merged " + strings.Join(c.PersonsMerged, ", ")
	case len(c.PersonsSplit) > 0:
		return "persons_split " + strings.Join(c.PersonsSplit, ", ")
	}
	return "empty check"
}

func (c Check) validate() error {
	n := 0
	for _, set := range []bool{c.TableExists != "", c.Query != "", c.TestPasses != "", len(c.PersonsMerged) > 0, len(c.PersonsSplit) > 0} {
		if set {
			n++
		}
	}
	switch {
	case n != 1:
		return fmt.Errorf("a check takes exactly one of table_exists, query, test_passes, persons_merged, persons_split")
	case c.Query != "" && (c.ExpectRows == nil) == (c.Expect == nil):
		return fmt.Errorf("a query check takes expect_rows or expect")
	case c.Query == "" && (c.ExpectRows != nil || c.Expect != nil):
		return fmt.Errorf("expect_rows and expect go with query")
	case len(c.PersonsMerged) == 1:
		return fmt.Errorf("persons_merged takes at least two identifiers")
	case len(c.PersonsSplit) > 0 && len(c.PersonsSplit) != 2:
		return fmt.Errorf("persons_split takes two identifiers")
	}
	for _, id := range append(append([]string{}, c.PersonsMerged...), c.PersonsSplit...) {
		if t, v, ok := strings.Cut(id, ":"); !ok || t == "" || v == "" {
			return fmt.Errorf("identifier %q: write it as TYPE:VALUE", id)
		}
	}
	return nil
}

// Parse reads one walkthrough file.
func Parse(name string, data []byte) (*Walkthrough, error) {
	var w Walkthrough
	if err := yaml.UnmarshalWithOptions(data, &w, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("walkthrough %s: %v", name, err)
	}
	w.Name = name
	if w.Title == "" || w.Sample == "" || len(w.Steps) == 0 {
		return nil, fmt.Errorf("walkthrough %s: title, sample and steps are required", name)
	}
	for i, s := range w.Steps {
		if s.Title == "" {
			return nil, fmt.Errorf("walkthrough %s, step %d: a step needs a title", name, i+1)
		}
		switch s.Command {
		case "", "build", "run", "test", "seed":
		default:
			return nil, fmt.Errorf("walkthrough %s, step %d (%s): command %q: use build, run, test or seed", name, i+1, s.Title, s.Command)
		}
		for _, c := range s.Checks {
			if err := c.validate(); err != nil {
				return nil, fmt.Errorf("walkthrough %s, step %d (%s): %v", name, i+1, s.Title, err)
			}
		}
	}
	return &w, nil
}

// List reads every walkthrough of the samples folder, by name.
func List(samples fs.FS) ([]*Walkthrough, error) {
	names, err := fs.Glob(samples, Dir+"/*.yml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Walkthrough
	for _, n := range names {
		w, err := Load(samples, strings.TrimSuffix(path.Base(n), ".yml"))
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

// Load reads the walkthrough NAME of the samples folder.
func Load(samples fs.FS, name string) (*Walkthrough, error) {
	if name == "" || strings.ContainsAny(name, "/\\") {
		return nil, fmt.Errorf("walkthrough name %q", name)
	}
	data, err := fs.ReadFile(samples, Dir+"/"+name+".yml")
	if err != nil {
		var known []string
		if ws, _ := fs.Glob(samples, Dir+"/*.yml"); len(ws) > 0 {
			for _, w := range ws {
				known = append(known, strings.TrimSuffix(path.Base(w), ".yml"))
			}
		}
		return nil, fmt.Errorf("no walkthrough %q (known: %s)", name, strings.Join(known, ", "))
	}
	return Parse(name, data)
}
