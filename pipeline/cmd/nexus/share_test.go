package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexus-playground/nexus/pipeline/share"
)

func TestShareUnshare(t *testing.T) {
	const samples = "../../../samples"
	src := filepath.Join(samples, "quickstart")
	want, err := share.ReadFS(os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	edited := writeProject(t, map[string]string{})
	if err := share.WriteDir(edited, want, true); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(edited, "models", "extra.sql"), []byte("select 1"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantEdited, _ := share.ReadFS(os.DirFS(edited))

	for _, tc := range []struct {
		name, dir, prefix string
		flags             []string
		want              map[string][]byte
	}{
		{"full", src, "http://localhost:8080/#p1.", []string{"--vars", "{a: 1}", "--dialect", "duckdb"}, want},
		{"sample plus edits", edited, "https://example.org/play/#s1.quickstart.", []string{"--sample", "quickstart", "--samples-dir", samples, "--base-url", "https://example.org/play/"}, wantEdited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(append([]string{"share", tc.dir}, tc.flags...)...)
			if code != 0 {
				t.Fatalf("share: exit %d: %s", code, errOut)
			}
			url := strings.TrimSpace(out)
			if !strings.HasPrefix(url, tc.prefix) {
				t.Errorf("share printed %q, want a link starting %s", url, tc.prefix)
			}
			dst := filepath.Join(t.TempDir(), "out")
			code, out, errOut = runCLI("unshare", url, dst, "--samples-dir", samples)
			if code != 0 {
				t.Fatalf("unshare: exit %d: %s", code, errOut)
			}
			// the link's vars and dialect are said with the flags that build as the page
			if hasDialect := slices.Contains(tc.flags, "--dialect"); hasDialect != strings.Contains(out, "build with: --dialect duckdb") ||
				slices.Contains(tc.flags, "--vars") != strings.Contains(out, "build with: --vars '{a: 1}'") {
				t.Errorf("unshare printed %q for a link made with %v", out, tc.flags)
			}
			got, err := share.ReadFS(os.DirFS(dst))
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range tc.want {
				if !bytes.Equal(got[name], data) {
					t.Errorf("%s differs after the round trip", name)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("got %d files, want %d", len(got), len(tc.want))
			}
			// A second unshare into the same folder needs --force.
			code, _, errOut = runCLI("unshare", url, dst, "--samples-dir", samples)
			if code != 1 || !strings.Contains(errOut, "is not empty: choose an empty folder, or use --force") {
				t.Errorf("unshare into a full folder: exit %d, %q", code, errOut)
			}
			if code, _, errOut = runCLI("unshare", "--force", url, dst, "--samples-dir", samples); code != 0 {
				t.Errorf("unshare --force: exit %d, %q", code, errOut)
			}
		})
	}

	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"share without a folder", []string{"share"}, 2, "nexus: share takes one project folder: nexus share DIR [--sample NAME] [--base-url URL]\n"},
		{"unshare without a folder", []string{"unshare", "p1.x"}, 2, "nexus: unshare takes a link and a folder: nexus unshare URL_OR_FRAGMENT DIR [--force]\n"},
		{"unknown flag", []string{"share", "--nope", src}, 2, "nexus: flag provided but not defined: -nope\n"},
		{"damaged link", []string{"unshare", "http://x/#p1.@@", t.TempDir()}, 1,
			"nexus: the share link is damaged (not base64url at character 3): copy the whole link again, or ask for a new one\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCLI(tc.args...)
			if code != tc.wantCode || errOut != tc.wantErr {
				t.Errorf("got exit %d %q, want %d %q", code, errOut, tc.wantCode, tc.wantErr)
			}
		})
	}
}
