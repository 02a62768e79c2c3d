// Command nexus builds a dbt-nexus project into SQLite and queries it.
//
//	nexus build   --project-dir DIR --db FILE [--select ...] [--exclude ...] [--vars YAML] [--target NAME] [--dialect D]
//	nexus run | test | seed   (same flags)
//	nexus query   --db FILE [--format table|csv|json] SQL
//	nexus diff    OLD.db NEW.db
//	nexus ls      --project-dir DIR [--select ...]
//	nexus compile --project-dir DIR MODEL
//
// Exit status: 0 on success, 1 when a model or test failed (or diff
// --exit-code found differences), 2 on a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
)

const usage = `nexus builds a dbt-nexus project into SQLite and answers SQL against it.

Usage:
  nexus build   [--project-dir DIR] [--db FILE] [--select SEL] [--exclude SEL] [--vars YAML] [--timeout D]
                [--target NAME]  (the profiles.yml output to build for, as dbt's --target; default: the profile's target:)
                [--dialect bigquery|snowflake|duckdb|sqlite]  (default: profiles.yml's target type, else sqlite)
  nexus run     (same flags: models only; build and run take --full-refresh, and --event-time-start T
                and --event-time-end T: the window microbatch models build, YYYY-MM-DD[ HH:MM:SS] in UTC;
                and --empty: ref() and source() read no rows, so tables get their columns and no rows)
  nexus test    (same flags: tests only, against tables already built)
  nexus seed    (same flags: seeds only)
  nexus snapshot (same flags: snapshots only)
  nexus run-operation MACRO [--args YAML]  (same flags: runs one macro, as dbt's run-operation)
  nexus query   [--db FILE] [--format table|csv|json] [--max-rows N] SQL
  nexus diff    OLD.db NEW.db [--table NAME] [--rows N] [--format table|json] [--exit-code]
  nexus ls      [--project-dir DIR] [--select SEL] [--resource-type KIND] [--target NAME] [--dialect D]
  nexus compile [--project-dir DIR] [--db FILE] [--target NAME] [--dialect D] MODEL  (or [--select SEL]: each node into target/compiled)
  nexus share   DIR [--sample NAME] [--samples-dir DIR] [--base-url URL] [--vars YAML] [--dialect D]
  nexus unshare URL DIR [--samples-dir DIR] [--force]
  nexus export  [--project-dir DIR] [--dialect D] [--force] OUT   (a folder, or OUT.zip: the project for dbt on its warehouse)
  nexus gen     --persons N --out DIR [--seed S] [--from samples/demo]
  nexus explain [--db FILE] [--project-dir DIR] [--entity person|group] TYPE:VALUE TYPE:VALUE
  nexus walkthrough list | check NAME [--samples-dir DIR]

--db defaults to DIR/target/nexus.db; --db :memory: builds in memory.
run and test read the tables that seed and run built: on a fresh project run
"nexus seed" first, or "nexus build", which is seed + run + test.
"nexus COMMAND -h" prints a command's flags.
Each schema lives in a file beside it: FILE's name, a dot, the schema, ".db".
`

// errUsage marks a usage error: exit status 2.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// errFailed marks a build whose models or tests failed: exit status 1.
var errFailed = errors.New("failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	// Data for other programs (query --format csv|json into a pipe or a
	// file) is written as it is; everything else is escaped for a terminal.
	rawOut := stdout
	if isTerminal(stdout) {
		rawOut = &termWriter{w: stdout}
	}
	stdout, stderr = &termWriter{w: stdout}, &termWriter{w: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, rest := args[0], args[1:]
	var err error
	switch cmd {
	case "build", "run", "test", "seed", "snapshot", "run-operation":
		err = cmdBuild(ctx, cmd, rest, stdout, stderr)
	case "query":
		err = cmdQuery(ctx, rest, stdout, rawOut)
	case "diff":
		err = cmdDiff(ctx, rest, stdout, rawOut)
	case "ls", "list":
		err = cmdList(rest, stdout)
	case "compile":
		err = cmdCompile(ctx, rest, stdout)
	case "share":
		err = cmdShare(rest, stdout)
	case "unshare":
		err = cmdUnshare(rest, stdout)
	case "export":
		err = cmdExport(rest, stdout)
	case "gen":
		err = cmdGen(rest, stdout)
	case "explain":
		err = cmdExplain(ctx, rest, stdout)
	case "walkthrough":
		err = cmdWalkthrough(ctx, rest, stdout)
	default:
		err = errUsage{fmt.Sprintf("unknown command %q\n\n%s", cmd, usage)}
	}
	var ue errUsage
	var he errHelp
	switch {
	case err == nil:
		return 0
	case errors.As(err, &he):
		printHelp(stdout, cmd, he.fs)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "nexus:", ue.msg)
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintln(stderr, "nexus:", err)
		return 1
	}
}
