// Command build writes the playground's static site (default dist/).
//
//	npm ci --prefix web && go run ./web/cmd/build -out dist
//
// Run it from the repository root.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/nexus-playground/nexus/web/build"
)

func main() {
	out := flag.String("out", "dist", "output folder (emptied first)")
	root := flag.String("root", ".", "repository root")
	skipWasm := flag.Bool("skip-wasm", false, "reuse the previous build's nexus.wasm")
	flag.Parse()
	err := build.Build(context.Background(), build.Options{
		Root: *root, Out: *out, SkipWasm: *skipWasm,
		Log: func(s string) { fmt.Println(s) },
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}
