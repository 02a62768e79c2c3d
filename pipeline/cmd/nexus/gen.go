package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/nexus-playground/nexus/pipeline/gen"
)

// cmdGen writes a project shaped like the demo at any size:
//
//	nexus gen --persons N --out DIR [--seed S] [--from samples/demo]
func cmdGen(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	persons := fs.Int("persons", 1000, "number of people behind the data")
	out := fs.String("out", "", "folder to write the project into")
	seed := fs.Uint64("seed", 1, "random seed: the same seed writes the same files")
	from := fs.String("from", "samples/demo", "sample project whose models, macros and seed columns are kept")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return errUsage{fmt.Sprintf("gen takes no arguments (got %q)", pos[0])}
	}
	if *out == "" {
		return errUsage{"gen needs --out DIR"}
	}
	if _, err := os.Stat(filepath.Join(*from, "dbt_project.yml")); err != nil {
		return errUsage{fmt.Sprintf("--from %s: not a project folder (%v)", *from, err)}
	}
	files, err := gen.Generate(gen.Options{Persons: *persons, Seed: *seed, Sample: os.DirFS(*from)})
	if err != nil {
		return err
	}
	var total int
	for _, name := range gen.Files(files) {
		p := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
		total += len(files[name])
	}
	fmt.Fprintf(stdout, "wrote %d files (%.1f MB) for %d persons to %s\n", len(files), float64(total)/1e6, *persons, *out)
	return nil
}
