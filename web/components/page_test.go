package components

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

// TestPageHasNoInlineCode checks what the CSP relies on: the policy is in
// the page, every script is a file, and no markup carries inline style or
// event handlers.
func TestPageHasNoInlineCode(t *testing.T) {
	var buf bytes.Buffer
	if err := Page(PageProps{WasmBytes: 123, Version: "v1"}).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	html := buf.String()
	checks := []struct {
		name string
		ok   bool
	}{
		{name: "CSP meta", ok: strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="`+strings.ReplaceAll(CSP, "'", "&#39;")+`">`)},
		{name: "wasm size for the progress bar", ok: strings.Contains(html, `data-wasm-bytes="123"`)},
		{name: "relative script URL", ok: strings.Contains(html, `<script defer src="app.js?v=v1">`)},
		{name: "no inline script", ok: scriptsAreFiles(html)},
		{name: "no style attribute", ok: !regexp.MustCompile(`\sstyle=`).MatchString(html)},
		{name: "no event handler attribute", ok: !regexp.MustCompile(`\son[a-z]+=`).MatchString(html)},
		{name: "no absolute URL", ok: !regexp.MustCompile(`(?:src|href)="/`).MatchString(html)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: failed in\n%s", c.name, html)
		}
	}
}

// scriptsAreFiles reports whether every <script> loads a file and holds no
// code of its own.
func scriptsAreFiles(html string) bool {
	for _, m := range regexp.MustCompile(`<script([^>]*)>([^<]*)</script>`).FindAllStringSubmatch(html, -1) {
		if !strings.Contains(m[1], "src=") || strings.TrimSpace(m[2]) != "" {
			return false
		}
	}
	return strings.Count(html, "<script") == len(regexp.MustCompile(`<script[^>]*>[^<]*</script>`).FindAllString(html, -1))
}
