// Package serve is the playground's development server: it serves exactly
// the built site folder, with the page's security headers, the right type
// for .wasm, and the pre-compressed sibling (.br, then .gz) of a file when
// the client accepts it.
package serve

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/nexus-playground/nexus/web/components"
)

// Handler serves the site in dir.
func Handler(dir string) http.Handler {
	return &handler{dir: dir}
}

type handler struct{ dir string }

var encodings = []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(name, "/") || name == "/" {
		name = path.Join(name, "index.html")
	}
	// The compressed siblings are an encoding of their file, not pages of
	// their own.
	if ext := path.Ext(name); ext == ".gz" || ext == ".br" {
		http.NotFound(w, r)
		return
	}
	file := filepath.Join(h.dir, filepath.FromSlash(name))
	info, err := os.Stat(file)
	if err == nil && info.IsDir() {
		file, name = filepath.Join(file, "index.html"), path.Join(name, "index.html")
		info, err = os.Stat(file)
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}

	hd := w.Header()
	// Only the page in embed mode may be framed by other sites.
	if embed, _ := Param(r.URL.RawQuery, "embed"); path.Ext(name) == ".html" && embed == "1" {
		hd.Set("Content-Security-Policy", components.EmbedHeaderCSP)
	} else {
		hd.Set("Content-Security-Policy", components.HeaderCSP)
	}
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Cache-Control", "no-cache")
	hd.Add("Vary", "Accept-Encoding")
	ctype := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".wasm" {
		ctype = "application/wasm"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	hd.Set("Content-Type", ctype)

	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range encodings {
		if !acceptsEncoding(accept, enc.token) {
			continue
		}
		f, err := os.Open(file + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		cinfo, err := f.Stat()
		if err != nil {
			continue
		}
		hd.Set("Content-Encoding", enc.token)
		// ServeContent handles If-Modified-Since and HEAD; Range over an
		// encoded body would be wrong, so it is not offered.
		r.Header.Del("Range")
		http.ServeContent(w, r, name, cinfo.ModTime(), f)
		return
	}
	// ServeFile would redirect ".../index.html" to ".../"; ServeContent
	// serves the bytes as asked.
	f, err := os.Open(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// acceptsEncoding reports whether an Accept-Encoding header allows token
// (a listed token without q=0).
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), token) {
			continue
		}
		for _, p := range fields[1:] {
			if q := strings.ReplaceAll(strings.TrimSpace(p), " ", ""); q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}
