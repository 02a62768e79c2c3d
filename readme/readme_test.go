// Package readme holds the test that follows the repository's README in
// order on a fresh copy of the repository, as a new user would.
package readme

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// commands returns the lines of the README's ```sh blocks, in order.
func commands(t *testing.T, readme string) []string {
	t.Helper()
	var out []string
	in := false
	sc := bufio.NewScanner(strings.NewReader(readme))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "```sh":
			in = true
		case strings.HasPrefix(line, "```"):
			in = false
		case in && line != "" && !strings.HasPrefix(line, "#"):
			out = append(out, line)
		}
	}
	if len(out) < 10 {
		t.Fatalf("found %d commands in the README, want its make and CLI blocks", len(out))
	}
	return out
}

// freshCopy copies the files git tracks into a new folder: what a clone
// holds, without build output, node_modules or local databases.
func freshCopy(t *testing.T, root string) string {
	t.Helper()
	list, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("git ls-files: %v (the README test needs a git checkout)", err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		info, _ := os.Stat(filepath.Join(root, name))
		if err := os.WriteFile(p, data, info.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// listFiles lists every file under dir, for comparing before and after.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "target" {
			return filepath.SkipDir // dbt's output folder (nexus compile writes there): git and the samples list leave it out
		}
		if err == nil && !d.IsDir() {
			out = append(out, strings.TrimPrefix(p, dir))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadmeInOrder runs every command of the README's shell blocks, in
// order, on a fresh copy of the repository; each must exit 0. `make run`
// is started on a free port and probed, then stopped. `make test` is the
// suite this test belongs to and is not run again from inside it. Every
// command must leave samples/ as it was: a CLI run that drops files into a
// sample breaks the tests that read the samples.
func TestReadmeInOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the README test builds the site and the CLI on a fresh copy")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	dir := freshCopy(t, root)
	samplesBefore := listFiles(t, filepath.Join(dir, "samples"))
	for i, cmd := range commands(t, string(readme)) {
		name := fmt.Sprintf("%02d %s", i+1, cmd)
		if len(name) > 70 {
			name = name[:70]
		}
		ok := t.Run(name, func(t *testing.T) {
			switch {
			case strings.HasPrefix(cmd, "make test"):
				t.Skip("make test runs the suite this test is part of")
			case strings.HasPrefix(cmd, "make run"):
				probeServer(t, dir)
			default:
				ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
				defer cancel()
				c := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c", cmd)
				c.Dir = dir
				out, err := c.CombinedOutput()
				if err != nil {
					t.Fatalf("%s: %v\n%s", cmd, err, out)
				}
				// A run or test that selected nothing passes without showing anything.
				if strings.Contains(string(out), "TOTAL=0") {
					t.Fatalf("%s did nothing:\n%s", cmd, tail(out, 6))
				}
				t.Logf("%s\n%s", cmd, tail(out, 6))
			}
			if after := listFiles(t, filepath.Join(dir, "samples")); !equal(after, samplesBefore) {
				t.Fatalf("%s changed samples/: now %d files, %d before: %v", cmd, len(after), len(samplesBefore), diff(after, samplesBefore))
			}
		})
		if !ok {
			t.FailNow() // the README is followed in order: later steps need earlier ones
		}
	}
}

// probeServer runs `make run PORT=N` on a free port and checks that the
// URL it logs serves the page and the engine; then stops it.
func probeServer(t *testing.T, dir string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var out bytes.Buffer
	c := exec.Command("make", "run", fmt.Sprintf("PORT=%d", port))
	c.Dir = dir
	c.Stdout, c.Stderr = &out, &out
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-c.Process.Pid, syscall.SIGTERM)
		c.Wait()
	}()
	want := fmt.Sprintf("http://localhost:%d/", port)
	logged := regexp.MustCompile(`serving \S+ on (\S+)`)
	deadline := time.Now().Add(15 * time.Minute)
	for {
		if m := logged.FindStringSubmatch(out.String()); m != nil {
			if m[1] != want {
				t.Fatalf("make run logs %q, want %q", m[1], want)
			}
			if resp, err := http.Get(want); err == nil {
				resp.Body.Close()
				break
			}
		}
		if c.ProcessState != nil || time.Now().After(deadline) {
			t.Fatalf("make run PORT=%d did not serve:\n%s", port, out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	for path, wantType := range map[string]string{"": "text/html", "nexus.wasm": "application/wasm", "samples.json": "application/json"} {
		resp, err := http.Get(want + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), wantType) {
			t.Errorf("GET /%s: %s, Content-Type %q, want 200 %s", path, resp.Status, resp.Header.Get("Content-Type"), wantType)
		}
	}
	t.Logf("make run PORT=%d\n%s", port, tail(out.Bytes(), 12))
}

func tail(b []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func equal(a, b []string) bool {
	return len(a) == len(b) && len(diff(a, b)) == 0
}

// diff lists the names in exactly one of a and b.
func diff(a, b []string) []string {
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		seen[x]--
	}
	var out []string
	for x, n := range seen {
		if n != 0 {
			out = append(out, x)
		}
	}
	return out
}
