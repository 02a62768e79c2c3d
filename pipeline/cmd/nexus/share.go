package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// defaultBaseURL is where `make serve` runs the playground.
const defaultBaseURL = "http://localhost:8080/"

// cmdShare prints a share link for a project folder: the same link the
// playground's Share button makes.
func cmdShare(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("share", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	sample := fs.String("sample", "", "make the link relative to this sample, so it holds only the edits")
	samplesDir := fs.String("samples-dir", "samples", "folder holding one folder per sample")
	baseURL := fs.String("base-url", defaultBaseURL, "playground address the link opens")
	vars := fs.String("vars", "", "vars text (YAML or JSON) the link carries")
	dialect := fs.String("dialect", "", "the warehouse the link's page reads the SQL as (bigquery, snowflake, duckdb, sqlite; default: the project's profiles.yml)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"share takes one project folder: nexus share DIR [--sample NAME] [--base-url URL]"}
	}
	files, left, err := share.ReadFolder(os.DirFS(pos[0]))
	if err != nil {
		return err
	}
	noteLeftOut(left)
	var base *share.Base
	if *sample != "" {
		if base, err = share.LoadSample(os.DirFS(*samplesDir), *sample); err != nil {
			return err
		}
	}
	frag, err := share.Encode(share.Project{Files: files, Vars: *vars, Dialect: *dialect}, base)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s#%s\n", strings.TrimSuffix(*baseURL, "#"), frag)
	return nil
}

// cmdUnshare writes the project a share link carries into a folder.
func cmdUnshare(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("unshare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	samplesDir := fs.String("samples-dir", "samples", "folder holding one folder per sample")
	force := fs.Bool("force", false, "write into a folder that is not empty")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return errUsage{"unshare takes a link and a folder: nexus unshare URL_OR_FRAGMENT DIR [--force]"}
	}
	p, err := share.Decode(pos[0], os.DirFS(*samplesDir))
	if err != nil {
		return err
	}
	if err := share.WriteDir(pos[1], p.Files, *force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d files to %s\n", len(p.Files), pos[1])
	if p.Vars != "" {
		fmt.Fprintf(stdout, "the link sets vars; build with: --vars '%s'\n", strings.ReplaceAll(p.Vars, "'", `'\''`))
	}
	if p.Dialect != "" {
		// checked by Decode: one of the dialects' names
		fmt.Fprintf(stdout, "the link reads the SQL as %s's; build with: --dialect %s\n", p.Dialect, p.Dialect)
	}
	return nil
}

// noteLeftOut names on stderr the files of a project folder left out as of
// another kind than a project's (a licence, images, scripts).
func noteLeftOut(left []string) {
	if len(left) == 0 {
		return
	}
	shown := left
	more := ""
	if len(left) > 4 {
		shown, more = left[:4], fmt.Sprintf(" and %d more", len(left)-4)
	}
	fmt.Fprintf(os.Stderr, "note: left out %d file(s) of other kinds than %s: %s%s\n", len(left), strings.Join(share.TextExtensions, ", "), strings.Join(shown, ", "), more)
}
