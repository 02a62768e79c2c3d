package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// cmdExport writes a project folder as dbt with dbt-nexus runs it on a
// warehouse, as the page's Export does: the project's own files, a
// packages.yml pinning dbt-nexus when it has none, and a profiles.yml
// template for --dialect's warehouse when it has no profiles.yml. OUT is a
// folder, or a zip when it ends in .zip.
func cmdExport(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &common{}
	fs.StringVar(&c.projectDir, "project-dir", ".", "dbt project folder")
	fs.StringVar(&c.dialect, "dialect", "", "warehouse of the profile template: bigquery, snowflake or duckdb (default: bigquery; a project's own profiles.yml is kept as it is)")
	force := fs.Bool("force", false, "write into a folder that is not empty, or over an existing zip")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errUsage{"export takes one output, a folder or a .zip: nexus export [--project-dir DIR] [--dialect D] OUT"}
	}
	d, err := c.parseDialect()
	if err != nil {
		return err
	}
	files, left, err := share.ReadFolder(os.DirFS(c.projectDir))
	if err != nil {
		return err
	}
	noteLeftOut(left)
	for _, w := range share.ExportWarnings(files) {
		fmt.Fprintln(os.Stderr, "warning: "+w)
	}
	files = share.ForWarehouse(files, string(d))
	out := pos[0]
	if !strings.EqualFold(filepath.Ext(out), ".zip") {
		if err := share.WriteDir(out, files, *force); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d files to %s\n", len(files), out)
		return nil
	}
	var buf bytes.Buffer
	folder := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))
	if err := share.WriteZip(&buf, files, folder); err != nil {
		return err
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(out, flags, 0o644)
	if err != nil {
		return fmt.Errorf("%w (use --force to write over it)", err)
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d files to %s\n", len(files), out)
	return nil
}
