package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The entities sample (a dbt-nexus v0.13 project the built-in package
// builds with its entity layer) in the page: picked from the samples, run,
// its entities browsed in the Tables tab, and Ana Silva's person page with
// her traits, identifiers, edges, events and relationships, explain and
// graph reading the entity tables.
func TestEntitiesSample(t *testing.T) {
	ctx := newBrowser(t, 8*time.Minute)
	openReady(t, ctx, site+"?sample=quickstart&run=0")
	do(t, ctx, chromedp.Click(chromedp.ID("picker")), chromedp.Click(chromedp.CSS(`#picker-samples [data-sample="entities"]`)))
	waitFor(t, ctx, "the entities sample open", `location.search === "?sample=entities"`, 20*time.Second)
	eval[bool](t, ctx, `(document.getElementById("timeout").value = "600", true)`)
	eval[bool](t, ctx, `(delete document.body.dataset.lastRun, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("run")))
	waitFor(t, ctx, "the entities run", `document.body.dataset.lastRun !== undefined`, 4*time.Minute)
	if got := eval[string](t, ctx, `document.body.dataset.lastRun`); got != "ok" {
		t.Fatalf("run ended %q: %s", got, eval[string](t, ctx, `document.getElementById("status").textContent`))
	}

	do(t, ctx, chromedp.Click(chromedp.ID("tab-tables")))
	sel := `#tablelist li.table[data-name="nexus_entities"]`
	waitFor(t, ctx, "nexus_entities in the table list", `!!document.querySelector('`+sel+`')`, 20*time.Second)
	if got := eval[string](t, ctx, `document.querySelector('`+sel+`').dataset.rows`); got != "7" {
		t.Errorf("nexus_entities has %s rows, want 5 persons and 2 groups", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(sel)))
	waitFor(t, ctx, "the entities grid", `(document.querySelector("#table-grid .caption") || {}).textContent?.startsWith("nexus.nexus_entities") && document.querySelectorAll("#table-grid tbody tr").length === 7`, 20*time.Second)
	heads := eval[string](t, ctx, `[...document.querySelectorAll("#table-grid th")].map((th) => th.textContent).join(",")`)
	for _, want := range []string{"entity_id", "entity_type", "name", "industry", "traits_entity_id", "first_interaction_at"} {
		if !strings.Contains(heads, want) {
			t.Errorf("the entities grid's columns %q lack %s", heads, want)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`#tablelist li.table[data-name="nexus_relationships"]`)))
	waitFor(t, ctx, "the relationships grid", `(document.querySelector("#table-grid .caption") || {}).textContent?.startsWith("nexus.nexus_relationships") && document.querySelectorAll("#table-grid tbody tr").length === 6`, 20*time.Second)

	openPersonNamed(t, ctx, "Ana Silva")
	waitFor(t, ctx, "every section filled", `(() => { const secs = [...document.querySelectorAll("#person-view .person-sec")]; const last = secs[secs.length - 1]; return last && last.dataset.section === "States" && !!last.querySelector(".count, .empty, .error-box"); })()`, time.Minute)
	counts := eval[string](t, ctx, `[...document.querySelectorAll("#person-view .person-sec")].map((s) => s.dataset.section + "=" + (s.querySelector(".count")?.textContent ?? s.textContent.slice(-40))).join("; ")`)
	for _, want := range []string{"Traits=4", "Identifiers=4", "Edges that joined them=4", "Events=5", "Relationships=2"} {
		if !strings.Contains(counts, want) {
			t.Errorf("sections %q lack %q", counts, want)
		}
	}
	text := eval[string](t, ctx, `document.getElementById("person-view").textContent`)
	for _, want := range []string{"Head of Data", "team", "crm_contact_id", "anon-7f3a", "billing_contact", "membership"} {
		if !strings.Contains(text, want) {
			t.Errorf("Ana Silva's page lacks %q", want)
		}
	}
	if n := explainPair(t, ctx, "anonymous_id:anon-7f3a", "crm_contact_id:c_101"); n != 2 {
		t.Errorf("explain anonymous_id:anon-7f3a and crm_contact_id:c_101: %d edges, want 2 (through her email)", n)
	}
	if text := eval[string](t, ctx, `document.querySelector("#person-view .x-out").textContent`); !strings.Contains(text, "nexus_entity_identifiers_edges") {
		t.Errorf("explain did not read the entity edges:\n%s", text)
	}
	if nodes := eval[string](t, ctx, `document.querySelector("#person-view .g-box").dataset.nodes`); nodes != "4" {
		t.Errorf("graph has %s nodes, want Ana Silva's 4 identifiers", nodes)
	}
}
