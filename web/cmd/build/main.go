// Command build writes the playground's static site (default dist/).
//
//	npm ci --prefix web && go run ./web/cmd/build -out dist
//	go run ./web/cmd/build -out dist -fast   # quick compression, for make run
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
	fast := flag.Bool("fast", false, "fast compression, for a local server (make run); deploy a build without it")
	flag.Parse()
	err := build.Build(context.Background(), build.Options{
		Root: *root, Out: *out, SkipWasm: *skipWasm, Fast: *fast,
		Log: func(s string) { fmt.Println(s) },
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}
