// Identity tools of the person page and the persons list: the identity
// graph of one person (identifiers as nodes, edges labelled with their
// source and row, drawn as SVG with createElementNS), "why are these one
// person?" (explain.js), and the flag on persons that bounded resolution
// left unfinished at nexus_max_recursion (the persons an exact resolution
// would join, from the worker's resolution preview).

import { h, s, clear, quoteLit } from "./dom.js";
import { renderExplain } from "./explain.js";
import { Guards } from "./guards.js";

export class IdentityTools {
  constructor(app) {
    this.app = app;
    this.flagged = new Set(); // person ids the bound left split
    this.guards = new Guards(app);
  }

  // refresh runs after every build and table refresh (after: "run",
  // "reset", "query", "restart").
  async refresh(after) {
    const app = this.app;
    const built = app.engine && app.relation("nexus_resolved_person_identifiers") && (app.relation("nexus_person_identifiers_edges") || app.relation("nexus_entity_identifiers_edges"));
    // The exact preview reads the identifiers, their edges and the
    // resolved identifiers only: after a run that left all of them as
    // they were, its answer is the one the page has.
    if (built && after === "run" && this.previewed && this.identityUnchanged()) {
      this.markPersons(document.getElementById("person-results"));
      this.guards.render();
      document.body.dataset.flaggedRun = String(app.ctl.runs);
      return;
    }
    this.previewed = false;
    this.flagged = new Set();
    document.body.dataset.flagged = "";
    if (built) {
      document.body.dataset.previews = String(Number(document.body.dataset.previews || 0) + 1);
      const resp = await app.engine.call({ op: "identity.preview", files: app.project.asObject(), vars: app.runVars, identity: { strategy: "exact" } });
      if (resp.ok && resp.result) this.flagged = new Set(resp.result.merged_ids || []);
      this.previewed = !!(resp.ok && resp.result);
      document.body.dataset.flagged = String(this.flagged.size);
      this.markPersons(document.getElementById("person-results"));
    }
    this.guards.render();
    // The run whose flags these are, and how many previews the page asked
    // for (the browser tests read both).
    document.body.dataset.flaggedRun = String(app.ctl.runs);
  }

  // identityUnchanged tells whether the last run compared the tables the
  // preview reads and found each the same as before.
  identityUnchanged() {
    const c = this.app.ctl.changes;
    if (!c || c.error) return false;
    const read = new Set(["nexus_person_identifiers", "nexus_person_identifiers_edges", "nexus_resolved_person_identifiers", "nexus_entity_identifiers", "nexus_entity_identifiers_edges"]);
    const seen = (c.tables || []).filter((t) => read.has(t.name));
    return seen.length > 0 && seen.every((t) => t.status === "same");
  }

  // markPersons flags the persons of a list (li[data-person]).
  markPersons(ul) {
    if (!ul) return;
    for (const li of ul.querySelectorAll("li[data-person]")) {
      const on = this.flagged.has(li.dataset.person);
      li.classList.toggle("flagged", on);
      const old = li.querySelector(".flag");
      if (on && !old) li.insertBefore(h("span", { class: "flag", title: "nexus_max_recursion left this person split: exact resolution joins it with another person" }, "split by bound"), li.lastChild);
      if (!on && old) old.remove();
    }
  }

  // personTools adds the identity sections to the person page.
  personTools(id, view) {
    const wrap = h("div", { class: "identity-tools" });
    const xbox = h("div", { class: "grid-section x-box" });
    const gbox = h("div", { class: "grid-section g-box" });
    const flagged = this.flagged.has(String(id));
    wrap.appendChild(h("section", { class: "person-sec", dataset: { section: "Why are these one person?" } },
      h("h3", null, "Why are these one person?", flagged ? h("span", { class: "flag" }, "split by bound") : null), xbox));
    wrap.appendChild(h("section", { class: "person-sec", dataset: { section: "Identity graph" } }, h("h3", null, "Identity graph"), gbox));
    view.appendChild(wrap);
    this.fill(id, xbox, gbox, flagged);
  }

  async fill(id, xbox, gbox, flagged) {
    const app = this.app;
    // the edges: c918759's per-entity table, or v0.13's of every entity type
    if (!app.relation("nexus_resolved_person_identifiers") || !(app.relation("nexus_person_identifiers_edges") || app.relation("nexus_entity_identifiers_edges"))) {
      xbox.appendChild(h("div", { class: "empty" }, "Identity tables not built in this project."));
      return;
    }
    const resp = await app.engine.call({ op: "identity.graph", identity: { id: String(id) } });
    if (!resp.ok) {
      gbox.appendChild(h("div", { class: "error-box" }, resp.error ? resp.error.message : "graph failed"));
      return;
    }
    const g = resp.result;
    drawGraph(gbox, g);
    // The identifiers to explain: the person's, then (for a split person)
    // those of the persons its edges reach.
    const ids = g.nodes.filter((n) => n.entity === g.id);
    const others = [...new Set(g.nodes.filter((n) => n.entity && n.entity !== g.id).map((n) => n.entity))];
    const rel = app.relation("nexus_resolved_person_identifiers");
    if (others.length) {
      const q = await app.query(`select distinct identifier_type, identifier_value, person_id from ${rel} where person_id in (${others.map(quoteLit).join(", ")}) order by person_id, identifier_type, identifier_value`, 200);
      if (q.ok) for (const r of q.result.rows) ids.push({ type: String(r[0]), value: String(r[1]), entity: String(r[2]) });
    }
    renderExplain(app, xbox, g.id, ids, flagged);
  }
}

// drawGraph draws the nodes on a circle and the edges as lines labelled
// with source and row. Identifiers of other persons (reached over an edge
// the bound did not follow) are drawn dashed.
export function drawGraph(box, g) {
  clear(box);
  const n = g.nodes.length;
  box.dataset.nodes = String(n);
  box.dataset.edges = String(g.edges.length);
  if (!n) {
    box.appendChild(h("div", { class: "empty" }, "No identifiers."));
    return;
  }
  // The drawing is as wide as the circle plus its longest label on each
  // side, and scales to the panel's width: no label is cut off.
  const R = Math.max(90, Math.min(320, n * 16));
  const longest = Math.max(...g.nodes.map((x) => Math.min(34, `${x.type}:${x.value}`.length)));
  const room = n === 1 ? longest * 3.5 : longest * 6.8 + 16;
  const W = Math.round(2 * (R + room) + 20);
  const H = 2 * R + 80;
  const cx = W / 2;
  const cy = H / 2;
  const pos = g.nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    return [cx + (n === 1 ? 0 : R * Math.cos(a)), cy + (n === 1 ? 0 : R * Math.sin(a))];
  });
  const svg = s("svg", { class: "idgraph", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Identity graph: ${n} identifiers, ${g.edges.length} edges` });
  const labels = g.edges.length <= 40;
  for (const e of g.edges) {
    const [x1, y1] = pos[e.from];
    const [x2, y2] = pos[e.to];
    const text = `${e.source || "?"} · row ${String(e.row_id || "?").slice(0, 8)}`;
    const line = s("line", { x1, y1, x2, y2, class: "g-edge" + (g.nodes[e.to].entity !== g.id ? " other" : "") },
      s("title", null, `${e.source} row ${e.row_id}${e.occurred_at ? " at " + e.occurred_at : ""}${e.rows > 1 ? ` (${e.rows} rows)` : ""}`));
    svg.appendChild(line);
    if (labels) {
      // Along its own edge, on a halo, so it neither crosses its line nor
      // gets lost among the others.
      let angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
      if (angle > 90) angle -= 180;
      if (angle < -90) angle += 180;
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2;
      svg.appendChild(s("text", { x: mx, y: my - 4, class: "g-elabel", "text-anchor": "middle", transform: `rotate(${angle.toFixed(1)} ${mx} ${my})` }, text));
    }
  }
  g.nodes.forEach((node, i) => {
    const [x, y] = pos[i];
    const other = node.entity !== g.id;
    const label = `${node.type}:${node.value}`;
    const right = x >= cx;
    svg.appendChild(s("g", { class: "g-node" + (other ? " other" : "") },
      s("title", null, `${label}${other ? ` — person ${node.entity}` : ""}`),
      s("circle", { cx: x, cy: y, r: 6 }),
      s("text", { x: x + (right ? 10 : -10), y: y + 4, "text-anchor": n === 1 ? "middle" : right ? "start" : "end" },
        label.length > 34 ? label.slice(0, 33) + "…" : label)));
  });
  box.appendChild(h("div", { class: "gwrap" }, svg));
  if (!labels) box.appendChild(h("div", { class: "muted" }, `${g.edges.length} edges: hover an edge for its source row.`));
  if (g.nodes.some((x) => x.entity !== g.id)) box.appendChild(h("div", { class: "muted" }, "Dashed: identifiers of another person, joined by an edge that bounded resolution did not follow far enough."));
}
