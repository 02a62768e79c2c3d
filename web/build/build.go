// Package build writes the playground as a static site: index.html from the
// templ page, the JavaScript and CSS bundled by esbuild's Go API, the
// js/wasm pipeline, Go's wasm_exec.js, the samples as one JSON asset, and a
// pre-compressed copy of every text and wasm file. All URLs in the site are
// relative, so it works from any static host or a sub-path of one.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/nexus-playground/nexus/web/components"
)

// Options say where the repository is and where the site goes.
type Options struct {
	// Root is the repository root (holding go.mod, web/ and samples/).
	Root string
	// Out is the output folder; it is emptied first.
	Out string
	// SkipWasm reuses Out/nexus.wasm instead of rebuilding it, for quick
	// iteration on the page alone.
	SkipWasm bool
	// Fast compresses with gzip's fastest level and brotli quality 5, for a
	// local server (`make run`): seconds instead of minutes, files some 10-20%
	// larger. The site you deploy is built without it.
	Fast bool
	// Log receives one line as each step starts and one when it ends; nil
	// discards.
	Log func(string)
}

// Build writes the site. It stops at the first error.
func Build(ctx context.Context, o Options) error {
	logf := func(format string, args ...any) {
		if o.Log != nil {
			o.Log(fmt.Sprintf(format, args...))
		}
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return err
	}
	var keepWasm []byte
	if o.SkipWasm {
		if keepWasm, err = os.ReadFile(filepath.Join(out, "nexus.wasm")); err != nil {
			return fmt.Errorf("-skip-wasm needs an earlier build: %w", err)
		}
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	t := time.Now()
	logf("bundle   web/src with esbuild ...")
	if err := bundle(root, out); err != nil {
		return err
	}
	logf("bundle   app.js worker.js app.css  %v", time.Since(t).Round(time.Millisecond))

	t = time.Now()
	wasmPath := filepath.Join(out, "nexus.wasm")
	if keepWasm == nil {
		logf("wasm     GOOS=js GOARCH=wasm go build ./wasm/ (a minute or more on a first build) ...")
	}
	if keepWasm != nil {
		err = os.WriteFile(wasmPath, keepWasm, 0o644)
	} else {
		err = buildWasm(ctx, root, wasmPath)
	}
	if err != nil {
		return err
	}
	logf("wasm     nexus.wasm  %v", time.Since(t).Round(time.Millisecond))

	if err := copyWasmExec(ctx, root, out); err != nil {
		return err
	}
	n, err := writeSamples(filepath.Join(root, "samples"), filepath.Join(out, "samples.json"))
	if err != nil {
		return err
	}
	logf("samples  %d sample(s)", n)
	if n, err = writeWalkthroughs(filepath.Join(root, "samples"), filepath.Join(out, "walkthroughs.json")); err != nil {
		return err
	}
	logf("walkthroughs  %d walkthrough(s)", n)

	wasmInfo, err := os.Stat(wasmPath)
	if err != nil {
		return err
	}
	version, err := hashFiles(out)
	if err != nil {
		return err
	}
	var html bytes.Buffer
	page := components.Page(components.PageProps{WasmBytes: wasmInfo.Size(), Version: version})
	if err := page.Render(ctx, &html); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), html.Bytes(), 0o644); err != nil {
		return err
	}

	t = time.Now()
	level := "full (what you deploy; unchanged files come from the cache)"
	if o.Fast {
		level = "fast (for a local server)"
	}
	logf("compress .gz .br, %s ...", level)
	if err := compressAll(ctx, out, o.Fast); err != nil {
		return err
	}
	logf("compress .gz .br  %v", time.Since(t).Round(time.Millisecond))
	logf("done     %s", out)
	return nil
}

// bundle runs esbuild over web/src: one script for the page, one for the
// Web Worker, one stylesheet. CodeMirror is resolved from web/node_modules,
// which `npm ci` fills from web/package-lock.json.
func bundle(root, out string) error {
	web := filepath.Join(root, "web")
	if _, err := os.Stat(filepath.Join(web, "node_modules", "codemirror")); err != nil {
		return fmt.Errorf("web/node_modules is missing: run `npm ci --prefix web` first")
	}
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:    web,
		EntryPoints:      []string{"src/main.js", "src/worker.js", "src/app.css"},
		EntryNames:       "[name]",
		Outdir:           out,
		Bundle:           true,
		Write:            true,
		Format:           api.FormatIIFE,
		Target:           api.ES2020,
		MinifyWhitespace: true, MinifySyntax: true, MinifyIdentifiers: true,
		LegalComments: api.LegalCommentsLinked,
		LogLevel:      api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return fmt.Errorf("esbuild:\n%s", strings.Join(msgs, ""))
	}
	// esbuild names the entries after their source files; the page and the
	// worker load app.js and worker.js.
	return os.Rename(filepath.Join(out, "main.js"), filepath.Join(out, "app.js"))
}

// noInline are the packages compiled without inlining into the wasm: the
// project's own, the Jinja engine and the YAML parser. Their inlined copies
// made a tenth of the module (wasm module 43.3 to 40.0 MB, 10.3 to 9.2 MB
// gzip), while a run spends its time in SQLite, which keeps its inlining.
var noInline = []string{
	"github.com/nexus-playground/nexus/...",
	"github.com/nikolalohinski/...",
	"github.com/goccy/...",
}

// wasmBuildArgs are the arguments of the go build that makes nexus.wasm.
func wasmBuildArgs(dst string) []string {
	args := []string{"build", "-trimpath", "-ldflags=-s"}
	for _, p := range noInline {
		args = append(args, "-gcflags="+p+"=-l")
	}
	return append(args, "-o", dst, "./wasm/")
}

func buildWasm(ctx context.Context, root, dst string) error {
	cmd := exec.CommandContext(ctx, "go", wasmBuildArgs(dst)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./wasm/: %v\n%s", err, msg)
	}
	return nil
}

// copyWasmExec copies the JavaScript support file of the Go that builds the
// wasm; the two must come from the same release.
func copyWasmExec(ctx context.Context, root, out string) error {
	cmd := exec.CommandContext(ctx, "go", "env", "GOROOT")
	cmd.Dir = root
	goroot, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "wasm_exec.js"), data, 0o644)
}

// hashFiles returns a short digest of the built assets, used to tag their
// URLs in index.html.
func hashFiles(out string) (string, error) {
	h := sha256.New()
	for _, name := range []string{"app.js", "worker.js", "app.css", "nexus.wasm", "wasm_exec.js", "samples.json", "walkthroughs.json"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			return "", err
		}
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
