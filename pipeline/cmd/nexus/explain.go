package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/nexus-playground/nexus/pipeline"
	"github.com/nexus-playground/nexus/pipeline/walkthrough"
)

// cmdExplain prints the chain of edges that joins two identifiers.
func cmdExplain(ctx context.Context, args []string, stdout io.Writer) error {
	var c common
	fs := newFlags("explain", &c)
	entity := fs.String("entity", "person", "person or group")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errUsage{"explain takes two identifiers: nexus explain --db FILE TYPE:VALUE TYPE:VALUE"}
	}
	if _, err := pipeline.CheckEntity(*entity); err != nil {
		return errUsage{err.Error()}
	}
	a, err := pipeline.ParseIdentifier(pos[0])
	if err != nil {
		return errUsage{err.Error()}
	}
	b, err := pipeline.ParseIdentifier(pos[1])
	if err != nil {
		return errUsage{err.Error()}
	}
	vars, err := c.parseVars()
	if err != nil {
		return err
	}
	var bound int
	if _, err := os.Stat(filepath.Join(c.projectDir, "dbt_project.yml")); err == nil {
		if bound, err = pipeline.ResolutionBound(pipeline.ProjectDir(c.projectDir), vars); err != nil {
			return err
		}
	} else if bound, err = pipeline.ResolutionBound(nil, vars); err != nil {
		return errUsage{err.Error()}
	}
	dbPath, err := c.dbPath()
	if err != nil {
		return err
	}
	if dbPath == ":memory:" {
		return errUsage{"explain reads a built database: pass --db FILE"}
	}
	if _, err := os.Stat(dbPath); err != nil {
		return errUsage{fmt.Sprintf("database %s does not exist; run `nexus build` first", dbPath)}
	}
	s, err := pipeline.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	ex, err := s.Explain(ctx, a, b, pipeline.ExplainOptions{Entity: *entity, MaxRecursion: bound})
	if err != nil {
		return err
	}
	pipeline.WriteExplanation(stdout, ex)
	return nil
}

// cmdWalkthrough lists the walkthroughs or runs one headless.
func cmdWalkthrough(ctx context.Context, args []string, stdout io.Writer) error {
	const use = "walkthrough takes list or check NAME: nexus walkthrough list | nexus walkthrough check NAME [--samples-dir DIR]"
	fs := flag.NewFlagSet("walkthrough", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	samplesDir := fs.String("samples-dir", "samples", "the samples folder, holding walkthroughs/")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return errUsage{use}
	}
	if _, err := os.Stat(filepath.Join(*samplesDir, walkthrough.Dir)); err != nil {
		return errUsage{fmt.Sprintf("no walkthroughs folder in %s; pass --samples-dir", *samplesDir)}
	}
	samples := os.DirFS(*samplesDir)
	switch {
	case pos[0] == "list" && len(pos) == 1:
		ws, err := walkthrough.List(samples)
		if err != nil {
			return err
		}
		for _, w := range ws {
			fmt.Fprintf(stdout, "%-22s %s (%d steps, from samples/%s)\n", w.Name, w.Title, len(w.Steps), w.Sample)
		}
		return nil
	case pos[0] == "check" && len(pos) == 2:
		w, err := walkthrough.Load(samples, pos[1])
		if err != nil {
			return errUsage{err.Error()}
		}
		_, err = walkthrough.Run(ctx, samples, w, walkthrough.Options{Progress: func(r walkthrough.StepReport) {
			fmt.Fprintf(stdout, "step %d of %d OK  %s (%d checks)\n", r.Index+1, len(w.Steps), r.Title, len(r.Checks))
		}})
		var f *walkthrough.Failure
		if errors.As(err, &f) {
			fmt.Fprintf(stdout, "step %d of %d FAILED  %s\n", f.Step, len(w.Steps), f.StepTitle)
			return err
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "walkthrough %s: all %d steps hold\n", w.Name, len(w.Steps))
		return nil
	}
	return errUsage{use}
}
