// Command serve serves the built playground site for development.
//
//	go run ./web/cmd/serve -addr :8080 -dir dist
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"github.com/nexus-playground/nexus/web/serve"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	dir := flag.String("dir", "dist", "site folder written by web/cmd/build")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		log.Fatalf("serve: %s has no index.html; build it with `go run ./web/cmd/build -out %s`", *dir, *dir)
	}
	log.Printf("serving %s on %s", *dir, serve.URL(*addr))
	log.Fatal(http.ListenAndServe(*addr, serve.Handler(*dir)))
}
