package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// compressible are the files worth a pre-compressed sibling.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true}

// compressAll writes name.gz (gzip -9) beside every compressible file, and
// name.br (brotli, quality 11) when node is on the PATH: Go's standard
// library has no brotli encoder, and node, which `npm ci` needs anyway,
// ships one. Brotli makes the wasm about 30% smaller than gzip but takes
// most of a minute on it, so results are kept in the user's cache folder by
// content hash and an unchanged file is not compressed twice.
//
// fast uses gzip's fastest level and brotli quality 5 instead, for a local
// server; its copies are cached under their own keys.
func compressAll(ctx context.Context, out string, fast bool) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	cache := cacheDir()
	gzLevel, brQuality, mode := gzip.BestCompression, 11, ""
	if fast {
		gzLevel, brQuality, mode = gzip.BestSpeed, 5, ".fast"
	}
	var brotli []string // files whose .br must be made
	for _, e := range entries {
		if e.IsDir() || !compressible[filepath.Ext(e.Name())] {
			continue
		}
		name := filepath.Join(out, e.Name())
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		key := hex.EncodeToString(sum[:]) + mode
		if !fromCache(cache, key+".gz", name+".gz") {
			if err := gzipFile(name, data, gzLevel); err != nil {
				return err
			}
			toCache(cache, key+".gz", name+".gz")
		}
		if !fromCache(cache, key+".br", name+".br") {
			brotli = append(brotli, name)
		}
	}
	if len(brotli) == 0 {
		return nil
	}
	if _, err := exec.LookPath("node"); err != nil {
		return nil
	}
	cmd := exec.CommandContext(ctx, "node", append([]string{"-e", brotliScript, fmt.Sprint(brQuality)}, brotli...)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("brotli via node: %v\n%s", err, msg)
	}
	for _, name := range brotli {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		toCache(cache, hex.EncodeToString(sum[:])+mode+".br", name+".br")
	}
	return nil
}

func gzipFile(name string, data []byte, level int) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, level)
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
const quality = Number(process.argv[1]);
for (const f of process.argv.slice(2)) {
  const data = fs.readFileSync(f);
  fs.writeFileSync(f + ".br", zlib.brotliCompressSync(data, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
}`)

// cacheDir is where compressed copies are kept between builds; "" when the
// user has no cache folder, which only makes builds slower.
func cacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(base, "nexus-playground", "compressed")
	if os.MkdirAll(dir, 0o755) != nil {
		return ""
	}
	return dir
}

func fromCache(cache, key, dst string) bool {
	if cache == "" {
		return false
	}
	data, err := os.ReadFile(filepath.Join(cache, key))
	return err == nil && os.WriteFile(dst, data, 0o644) == nil
}

func toCache(cache, key, src string) {
	if cache == "" {
		return
	}
	if data, err := os.ReadFile(src); err == nil {
		tmp := filepath.Join(cache, key+".tmp")
		if os.WriteFile(tmp, data, 0o644) == nil {
			_ = os.Rename(tmp, filepath.Join(cache, key))
		}
	}
}
