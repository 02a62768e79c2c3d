package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestExportProfileForDialect: the Project .zip export carries a
// profiles.yml template for the warehouse chosen in the Dialect selector,
// BigQuery when the project names none, beside packages.yml and the
// project's own files.
func TestExportProfileForDialect(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	eval[bool](t, ctx, captureBlobsJS)
	for _, tc := range []struct{ dialect, want string }{
		{"", "type: bigquery"},
		{"snowflake", "type: snowflake"},
		{"duckdb", "type: duckdb"},
		{"bigquery", "type: bigquery"},
		{"sqlite", "type: bigquery"},
	} {
		eval[bool](t, ctx, `(document.getElementById("dialect").value = "`+tc.dialect+`", document.getElementById("dialect").dispatchEvent(new Event("change")), true)`)
		n := eval[int](t, ctx, `window.__blobs.length`)
		eval[bool](t, ctx, `(document.getElementById("export-zip").click(), true)`)
		waitFor(t, ctx, "the zip download", `window.__blobs.length > `+strconv.Itoa(n), 30*time.Second)
		b64 := eval[string](t, ctx, `window.__blobs.at(-1).arrayBuffer().then((b) => { let s = ""; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`)
		data, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		files := unzipAll(t, data)
		tmpl, ok := files["quickstart/profiles/profiles.yml"]
		if !ok || !strings.Contains(tmpl, tc.want) {
			t.Errorf("dialect %q: profiles/profiles.yml has no %q:\n%s", tc.dialect, tc.want, tmpl)
		}
		if !strings.Contains(files["quickstart/packages.yml"], "dbt-nexus") || files["quickstart/dbt_project.yml"] == "" {
			t.Errorf("dialect %q: the zip lacks packages.yml or the project's files: %d files", tc.dialect, len(files))
		}
	}
}

func unzipAll(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = string(b)
	}
	return out
}

// TestExportWarnsOfPlaygroundMacros: exporting a project that calls a
// macro only the playground's built-in package has says so, naming the
// file and line, as the zip downloads.
func TestExportWarnsOfPlaygroundMacros(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)
	openReady(t, ctx, site+"?sample=demo&run=0")
	eval[bool](t, ctx, captureBlobsJS)
	eval[bool](t, ctx, `(document.querySelectorAll(".toast").forEach((e) => e.remove()), document.getElementById("export-zip").click(), true)`)
	waitFor(t, ctx, "the zip download", `window.__blobs.length > 0`, 30*time.Second)
	waitFor(t, ctx, "the warning", `!!document.querySelector(".toast")`, 10*time.Second)
	got := eval[string](t, ctx, `document.querySelector(".toast").textContent`)
	if !strings.Contains(got, "nexus.normalize") && !strings.Contains(got, "nexus.email_domain") || !strings.Contains(got, ".sql:") {
		t.Errorf("the export's warning is %q", got)
	}
}
