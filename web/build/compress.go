package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// compressible are the files worth a pre-compressed sibling.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true, ".txt": true}

// compressAll writes name.gz (gzip -9) beside every compressible file, and
// name.br (brotli, quality 11) when node is on the PATH: Go's standard
// library has no brotli encoder, and node, which `npm ci` needs anyway,
// ships one. Brotli saves about a quarter of the wasm's transfer size.
func compressAll(ctx context.Context, out string) error {
	var files []string
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && compressible[filepath.Ext(e.Name())] {
			files = append(files, filepath.Join(out, e.Name()))
		}
	}
	for _, f := range files {
		if err := gzipFile(f); err != nil {
			return err
		}
	}
	if _, err := exec.LookPath("node"); err != nil {
		return nil
	}
	cmd := exec.CommandContext(ctx, "node", append([]string{"-e", brotliScript}, files...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("brotli via node: %v\n%s", err, msg)
	}
	return nil
}

func gzipFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", buf.Bytes(), 0o644)
}

var brotliScript = strings.TrimSpace(`
const fs = require("fs"), zlib = require("zlib");
for (const f of process.argv.slice(1)) {
  const data = fs.readFileSync(f);
  fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
}`)
