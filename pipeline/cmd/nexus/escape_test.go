package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/share"
)

const (
	clearScreen = "\x1b[2J"
	setTitle    = "\x1b]0;owned\x07"
	clipboard   = "\x1b]52;c;cm0gLXJmIH4=\x07"
)

// TestTerminalEscapesAreShownNotObeyed: escapes in a project's vars, SQL,
// cells and messages reach the terminal as text.
func TestTerminalEscapesAreShownNotObeyed(t *testing.T) {
	nativeFiles(t)
	payload := clearScreen + setTitle + clipboard + "\u009b2J\u202e"
	link, err := share.Encode(share.Project{Files: map[string][]byte{
		"dbt_project.yml": []byte("name: p\n"),
		"models/m.sql":    []byte("select 1 as one\n"),
	}, Vars: "note: x # " + payload + "\n"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	broken := writeProject(t, map[string]string{
		"dbt_project.yml": "name: b\n",
		"models/x.sql":    "select * from \"" + payload + "\"\n",
	})
	data := writeProject(t, map[string]string{
		"dbt_project.yml":  "name: d\n",
		"models/cells.sql": "select char(27) || '[2J' || char(27) || ']0;owned' || char(7) as c, 'ok' as d\n",
	})
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, errOut := runCLI("build", "--project-dir", data, "--db", db, "--exclude", "package:nexus"); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	tests := []struct {
		name string
		args []string
		want string // in stdout or stderr, escaped
	}{
		{"unshare prints vars", []string{"unshare", "http://localhost:8080/#" + link, filepath.Join(t.TempDir(), "out")}, `\x1b[2J\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4=\x07\u009b2J\u202e`},
		{"build error echoes a name", []string{"build", "--project-dir", broken, "--db", ":memory:", "--exclude", "package:nexus"}, `no such table: \x1b[2J\x1b]0;owned\x07`},
		{"compile prints the SQL", []string{"compile", "--project-dir", broken, "--db", ":memory:", "x"}, `select * from "\x1b[2J`},
		{"query table shows cells", []string{"query", "--db", db, "select * from cells"}, `\x1b[2J\x1b]0;owned\x07`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, out, errOut := runCLI(tc.args...)
			if strings.ContainsAny(out+errOut, "\x1b\x07\u009b\u202e") {
				t.Errorf("raw control characters reached the terminal:\nstdout %q\nstderr %q", out, errOut)
			}
			if !strings.Contains(out+errOut, tc.want) {
				t.Errorf("want %s shown as text:\nstdout %q\nstderr %q", tc.want, out, errOut)
			}
		})
	}
	// CSV into a pipe is data for another program: written as it is.
	_, out, _ := runCLI("query", "--db", db, "--format", "csv", "select c from cells")
	if want := "c\n" + clearScreen + "\x1b]0;owned\x07\n"; out != want {
		t.Errorf("csv %q, want %q", out, want)
	}
}

func TestTermWriterSplitRune(t *testing.T) {
	var b bytes.Buffer
	w := &termWriter{w: &b}
	s := []byte("é\x1b")
	w.Write(s[:1])
	w.Write(s[1:])
	if got := b.String(); got != `é\x1b` {
		t.Errorf("%q", got)
	}
}
