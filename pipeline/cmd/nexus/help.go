package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp is -h or --help on a command: its usage goes to stdout, exit 0.
type errHelp struct{ fs *flag.FlagSet }

func (errHelp) Error() string { return "help requested" }

// printHelp writes a command's line of the usage text and its flags.
func printHelp(w io.Writer, cmd string, fs *flag.FlagSet) {
	if cmd == "list" {
		cmd = "ls"
	}
	fmt.Fprintln(w, "Usage:")
	for _, line := range strings.Split(usage, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "nexus" && f[1] == cmd {
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	if cmd == "build" || cmd == "run" || cmd == "test" || cmd == "seed" || cmd == "snapshot" {
		fmt.Fprintln(w, "\nbuild is seed + run + test in graph order; run, test and seed read the tables earlier commands built.")
	}
}
