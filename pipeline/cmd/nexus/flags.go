package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/nexus-playground/nexus/pipeline"
)

// listFlag collects a repeatable flag; each value may hold several
// space-separated selectors, as dbt's --select does.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type common struct {
	projectDir string
	db         string
	vars       string
	dialect    string
	target     string
	timeout    time.Duration
	sel, excl  listFlag
}

func newFlags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.projectDir, "project-dir", ".", "project folder")
	fs.StringVar(&c.db, "db", "", "database file, or :memory:")
	fs.StringVar(&c.vars, "vars", "", "vars as YAML or JSON, overriding dbt_project.yml")
	fs.StringVar(&c.dialect, "dialect", "", "warehouse the project's SQL is written for: bigquery, snowflake, duckdb or sqlite (default: profiles.yml's target type, else sqlite)")
	fs.StringVar(&c.target, "target", "", "output of the project's profile in profiles.yml to build for, as dbt's --target (default: the profile's target:)")
	fs.DurationVar(&c.timeout, "timeout", 0, "time limit for the whole run, e.g. 30s")
	for _, n := range []string{"select", "s", "models", "m"} {
		fs.Var(&c.sel, n, "selector")
	}
	fs.Var(&c.excl, "exclude", "selector to leave out")
	return fs
}

// selectorFlags are the flags that take several selectors, as dbt's do.
var selectorFlags = map[string]bool{"select": true, "s": true, "models": true, "m": true, "exclude": true}

// spreadSelectors gives each word after a selector flag that does not
// start with "-" to that flag, as dbt reads `--exclude tag:a tag:b`: the
// flag is repeated before each, for the commands that take no other
// arguments.
func spreadSelectors(args []string) []string {
	out := make([]string, 0, len(args))
	flagName := "" // the selector flag the words so far belong to
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...)
		case strings.HasPrefix(a, "-") && a != "-":
			out = append(out, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			flagName = ""
			if selectorFlags[name] {
				flagName = a
				if hasValue {
					flagName, _, _ = strings.Cut(a, "=")
				} else if i+1 < len(args) {
					i++
					out = append(out, args[i]) // the flag's own value
				}
			}
		case flagName != "":
			out = append(out, flagName, a)
		default:
			out = append(out, a)
		}
	}
	return out
}

// parse parses flags, allowing them after positional arguments too.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp{fs}
			}
			return nil, errUsage{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func (c *common) dbPath() (string, error) {
	if c.db == ":memory:" {
		return c.db, nil
	}
	if c.db == "" {
		dir := filepath.Join(c.projectDir, "target")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		return filepath.Join(dir, "nexus.db"), nil
	}
	return c.db, nil
}

// parseDialect reads --dialect; "" leaves the choice to the project.
func (c *common) parseDialect() (pipeline.Dialect, error) {
	if c.dialect == "" {
		return "", nil
	}
	d, err := pipeline.ParseDialect(c.dialect)
	if err != nil {
		return "", errUsage{"--dialect: " + err.Error()}
	}
	return d, nil
}

// warehouse is what --target and --dialect pick: the profile's output
// and, overriding its type, the dialect.
func (c *common) warehouse() (pipeline.Warehouse, error) {
	d, err := c.parseDialect()
	return pipeline.Warehouse{Target: c.target, Dialect: d}, err
}

func (c *common) parseVars() (map[string]any, error) {
	return parseMapping(c.vars, "--vars", `{"nexus_max_recursion": 3}`)
}

// parseMapping reads a flag's YAML or JSON mapping; "" is none.
func parseMapping(text, flag, example string) (map[string]any, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(text), &v); err == nil {
		return v, nil
	}
	// a key written twice keeps its last value, as dbt's YAML loader
	// reads --vars (a CI script repeating a var in its list)
	if err := yaml.UnmarshalWithOptions([]byte(text), &v, yaml.AllowDuplicateMapKey()); err != nil {
		return nil, errUsage{fmt.Sprintf("%s must be a YAML or JSON mapping, like '%s': %v", flag, example, err)}
	}
	return normalize(v).(map[string]any), nil
}

// normalize turns YAML's integer types into int64 as the loader uses.
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalize(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalize(e)
		}
	case uint64:
		return int64(x)
	case int:
		return int64(x)
	}
	return v
}
