package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/nexus-playground/nexus/pipeline/share"
)

// Script payloads a hostile project carries. Each would set window.__pwned
// if it ever ran; the page's CSP would also report an inline handler, which
// newBrowser turns into a failure.
var payloads = []string{
	`<img src=x onerror="window.__pwned=1">`,
	`<script>window.__pwned=2</script>`,
	`javascript:window.__pwned=3`,
	`</textarea><img src=x onerror=window.__pwned=4>`,
	`<svg onload=window.__pwned=5>`,
}

// noPayloadRan checks the marker and that no payload became an element.
const noPayloadRan = `window.__pwned === undefined && !document.querySelector('img[src="x"], svg[onload], a[href^="javascript:"]') &&
	[...document.scripts].every(s => s.src && !s.textContent)`

func quickstartFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := share.ReadFS(os.DirFS(filepath.Join("..", "..", "samples", "quickstart")))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func csvCell(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func sqlText(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func sqlIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// hostileProject is the quickstart plus files whose names, seed cells,
// model aliases, column aliases and README carry the payloads.
func hostileProject(t *testing.T) map[string][]byte {
	files := quickstartFiles(t)
	var seed strings.Builder
	seed.WriteString("id,note\n")
	for i, p := range payloads {
		seed.WriteString(strings.Repeat("1", i+1) + "," + csvCell(p) + "\n")
	}
	files["seeds/payload_seed.csv"] = []byte(seed.String())
	var cols []string
	for i, p := range payloads {
		cols = append(cols, sqlText(p)+" as "+sqlIdent(p+strings.Repeat(" ", i)))
	}
	files["models/payload_columns.sql"] = []byte("select id, note, " + strings.Join(cols, ", ") + "\nfrom {{ ref('payload_seed') }}\n")
	files["models/payload_alias.sql"] = []byte("{{ config(alias=" + sqlText(payloads[0]) + ") }}\nselect 1 as " + sqlIdent(payloads[3]) + "\n")
	// File names cannot hold < > or ", but they can hold the rest.
	files["models/x'onmouseover='window.__pwned=6'javascript;alert(1).sql"] = []byte("select 1 as one\n")
	files["README.md"] = []byte("# Read me\n\n[click](" + payloads[2] + ")\n\n" + strings.Join(payloads, "\n\n") + "\n")
	return files
}

func fullLink(t *testing.T, files map[string][]byte, query string) string {
	t.Helper()
	frag, err := share.Encode(share.Project{Files: files}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return site + query + "#" + frag
}

// rawLink makes a p1 link without the encoder's checks, as an attacker
// could, so the decoder's refusal is what the page shows.
func rawLink(files map[string][]byte, query string) string {
	var a txtar.Archive
	for name, data := range files {
		a.Files = append(a.Files, txtar.File{Name: name, Data: data})
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(txtar.Format(&a))
	zw.Close()
	return site + query + "#p1." + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// TestHostileShareLinks opens links whose every text carries script
// payloads, runs them (&run=1), looks at every panel, and checks that no
// payload ran and the page still works.
func TestHostileShareLinks(t *testing.T) {
	ctx := newBrowser(t, 4*time.Minute)

	t.Run("payloads in names, cells, aliases and text", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(fullLink(t, hostileProject(t), "?run=1")))
		waitFor(t, ctx, "the shared project's run", `document.body.dataset.shared === "1" && document.body.dataset.lastRun !== undefined`, 2*time.Minute)
		if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
			t.Logf("run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("run-summary").textContent`))
		}
		do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
		waitFor(t, ctx, "payload_columns in the table list", `!!document.querySelector('#tablelist li.table[data-name="payload_columns"]')`, 20*time.Second)
		do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="payload_columns"]`)))
		waitFor(t, ctx, "the payload grid shown as text", `[...document.querySelectorAll("#table-grid td, #table-grid th")].some(c => c.textContent.includes("onerror"))`, 20*time.Second)
		eval[bool](t, ctx, `([...document.querySelectorAll('#tablelist li.table')].forEach(li => li.click()), true)`)
		for _, path := range []string{"README.md", "seeds/payload_seed.csv", "models/payload_alias.sql"} {
			eval[bool](t, ctx, `(document.querySelector('#tree li.file[data-path="`+path+`"]').click(), true)`)
		}
		for _, tab := range []string{"lineage", "console", "person", "log"} {
			do(t, ctx, chromedp.Click(chromedp.ID("tab-"+tab)))
		}
		time.Sleep(time.Second)
		if !eval[bool](t, ctx, noPayloadRan) {
			t.Fatal("a payload ran or became markup")
		}
		// The page still works: a new run is accepted.
		do(t, ctx, chromedp.Click(chromedp.ID("run")))
		waitFor(t, ctx, "a second run", `document.body.dataset.runs === "2"`, 2*time.Minute)
	})

	t.Run("payloads in SQL error messages", func(t *testing.T) {
		files := quickstartFiles(t)
		files["models/broken.sql"] = []byte("select " + sqlIdent(payloads[0]) + " from " + sqlIdent(payloads[3]) + "\n")
		do(t, ctx, chromedp.Navigate(fullLink(t, files, "?run=1")))
		waitFor(t, ctx, "the failing run", `document.body.dataset.shared === "1" && document.body.dataset.lastRun !== undefined`, 2*time.Minute)
		waitFor(t, ctx, "the error shown as text", `document.body.innerText.includes("window.__pwned")`, 10*time.Second)
		time.Sleep(500 * time.Millisecond)
		if !eval[bool](t, ctx, noPayloadRan) {
			t.Fatal("a payload in an error message ran or became markup")
		}
	})

	t.Run("a payload file name is refused and named as text", func(t *testing.T) {
		files := quickstartFiles(t)
		files["models/"+payloads[0]+".sql"] = []byte("select 1\n")
		do(t, ctx, chromedp.Navigate(rawLink(files, "?run=1")))
		waitFor(t, ctx, "the refusal", `!!document.body.dataset.shareError`, time.Minute)
		if msg := eval[string](t, ctx, `document.getElementById("share-panel").textContent`); !strings.Contains(msg, "models/<img src=x onerror=") {
			t.Fatalf("the refusal does not name the entry: %q", msg)
		}
		time.Sleep(500 * time.Millisecond)
		if !eval[bool](t, ctx, noPayloadRan+` && document.body.dataset.runs === undefined`) {
			t.Fatal("a payload ran, or a refused link ran")
		}
	})
}

// TestSharedRunawayQuery opens a link whose model never ends, with
// &run=1: the time limit ends it, nothing runs again by itself, and the
// page accepts a new run.
func TestSharedRunawayQuery(t *testing.T) {
	ctx := newBrowser(t, 3*time.Minute)
	files := quickstartFiles(t)
	files["models/runaway.sql"] = []byte("with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) as n from r\n")
	files["models/fine.sql"] = []byte("select 1 as one\n")
	do(t, ctx, chromedp.Navigate(fullLink(t, files, "?run=1")))
	// A short limit, set while the engine loads, before the auto-run.
	waitFor(t, ctx, "the limit box", `!!document.getElementById("timeout")`, 10*time.Second)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "3", document.body.dataset.runs === undefined)`)
	waitFor(t, ctx, "the time limit", `document.body.dataset.lastRun !== undefined`, time.Minute)
	summary := eval[string](t, ctx, `document.getElementById("status").textContent + " | " + document.getElementById("run-summary").textContent`)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got == "ok" || !strings.Contains(strings.ToLower(summary), "time limit") {
		t.Fatalf("run ended %q: %s", got, summary)
	}
	t.Logf("ended by the limit: %s", summary)
	time.Sleep(4 * time.Second)
	if runs := eval[string](t, ctx, `document.body.dataset.runs`); runs != "1" {
		t.Fatalf("the auto-run ran again by itself: %s runs", runs)
	}
	do(t, ctx, chromedp.SetValue(chromedp.ID("select"), "fine"), chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "a new run", `document.body.dataset.runs === "2" && document.body.dataset.lastRun === "ok"`, time.Minute)
}
