// The over-merge guards tab: the most connected identifiers from the
// edge_distributions view (connection count, sources, quality level against
// vars.nexus.edge_quality), the persons the bound left split, and a
// threshold slider and depth input that preview, in the worker, how many
// persons the settings would split or merge. Apply writes the vars into
// dbt_project.yml in the editor and runs the project.

import { h, clear, $, fmtInt } from "./dom.js";

const TOP = 15;

export class Guards {
  constructor(app) {
    this.app = app;
    this.view = $("guards-view");
    this.seq = 0;
  }

  async render() {
    const app = this.app;
    const el = this.view;
    if (!el) return;
    const rel = app.relation("edge_distributions");
    if (!rel || !app.relation("nexus_resolved_person_identifiers")) {
      clear(el).appendChild(h("div", { class: "empty" }, "Run the project to build the identity tables and the edge_distributions view."));
      return;
    }
    const resp = await app.query(`select identifier_type, identifier_value, connection_count, sources, quality_level from ${rel} where entity_type = 'person' order by connection_count desc, identifier_type, identifier_value limit ${TOP}`, TOP);
    clear(el);
    el.appendChild(h("p", { class: "muted" }, "An identifier shared by many persons (a test email, a shared phone, a generic domain) joins them all into one. Its connection count is the number of distinct identifiers it shares a source row with; vars.nexus.edge_quality sets the warning, error and critical levels and can drop the edges above a level before resolution."));
    if (!resp.ok) {
      el.appendChild(h("div", { class: "error-box" }, resp.error.message));
      return;
    }
    const rows = resp.result.rows;
    const table = h("table", { class: "guard-top" },
      h("thead", null, h("tr", null, h("th", null, "identifier"), h("th", null, "connections"), h("th", null, "sources"), h("th", null, "level"))));
    const body = h("tbody");
    for (const r of rows) {
      const level = String(r[4]);
      body.appendChild(h("tr", { dataset: { level } },
        h("td", { class: "mono" }, `${r[0]}:${r[1]}`),
        h("td", { class: "num" }, fmtInt(Number(r[2]))),
        h("td", null, String(r[3] === null ? "" : r[3])),
        h("td", null, h("span", { class: "pill " + (level === "ok" ? "ok" : level === "warning" ? "warn" : "err") }, level))));
    }
    table.appendChild(body);
    el.appendChild(h("h3", null, `Most connected identifiers (top ${TOP})`));
    el.appendChild(rows.length ? table : h("div", { class: "empty" }, "No edges."));

    const flagged = [...app.identity.flagged];
    el.appendChild(h("h3", null, "Persons the bound left split"));
    if (flagged.length) {
      const ul = h("ul", { class: "plist guard-flagged" });
      for (const id of flagged) ul.appendChild(h("li", { tabindex: "0", dataset: { person: id }, onclick: () => app.openPerson(id) }, h("span", { class: "mono" }, id), h("span", { class: "flag" }, "split by bound")));
      el.appendChild(h("p", { class: "note" }, `${flagged.length} persons would be joined by exact resolution: nexus_max_recursion stopped before their chains ended.`));
      el.appendChild(ul);
    } else {
      el.appendChild(h("div", { class: "empty" }, "None: every component was resolved within nexus_max_recursion."));
    }

    // The slider: its top position keeps every edge.
    const max = rows.length ? Number(rows[0][2]) : 1;
    const slider = h("input", { id: "guard-threshold", type: "range", min: "1", max: String(max + 1), value: String(max + 1), "aria-label": "Autofilter threshold" });
    const depth = h("input", { id: "guard-depth", type: "number", min: "0", max: "100", value: String(this.bound()), "aria-label": "nexus_max_recursion" });
    const label = h("span", { class: "mono guard-value" });
    const figures = h("div", { id: "guard-figures", class: "guard-figures" });
    const apply = h("button", { type: "button", class: "primary", id: "guard-apply" }, "Apply and run");
    const limit = () => (Number(slider.value) > max ? 0 : Number(slider.value));
    const update = () => {
      label.textContent = limit() ? `drop edges of identifiers with more than ${limit()} connections` : "keep every edge";
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.preview(figures, limit(), depthOf(depth)), 150);
    };
    slider.addEventListener("input", update);
    depth.addEventListener("input", update);
    apply.addEventListener("click", () => this.apply(limit(), depthOf(depth)));
    el.appendChild(h("h3", null, "Try a threshold"));
    el.appendChild(h("div", { class: "guard-controls" },
      h("label", null, "error_threshold with autofilter ", slider), label,
      h("label", null, "nexus_max_recursion ", depth), apply));
    el.appendChild(figures);
    update();
  }

  // bound is the nexus_max_recursion the last run used.
  bound() {
    const v = this.app.runVars && this.app.runVars.nexus_max_recursion;
    if (v) return Number(v);
    const text = this.app.project.get("dbt_project.yml") || "";
    const m = /^\s+nexus_max_recursion:\s*(\d+)/m.exec(text);
    return m ? Number(m[1]) : 5;
  }

  async preview(box, limit, depth) {
    const seq = ++this.seq;
    box.dataset.state = "running";
    const resp = await this.app.engine.call({ op: "identity.preview", identity: { edge_limit: limit, max_recursion: depth } });
    if (seq !== this.seq) return;
    clear(box);
    if (!resp.ok) {
      box.dataset.state = "error";
      box.appendChild(h("div", { class: "error-box" }, resp.error ? resp.error.message : "preview failed"));
      return;
    }
    const p = resp.result;
    Object.assign(box.dataset, { state: "done", before: String(p.before), after: String(p.after), split: String(p.split), merged: String(p.merged), dropped: String(p.dropped_edges) });
    box.appendChild(h("div", null,
      h("b", null, `${fmtInt(p.before)} → ${fmtInt(p.after)} persons`), " · ",
      h("span", { class: p.split ? "warn-text" : "" }, `${fmtInt(p.split)} would split`), " · ",
      h("span", null, `${fmtInt(p.merged)} new persons would join built ones`), " · ",
      h("span", { class: "muted" }, `${fmtInt(p.dropped_edges)} of ${fmtInt(p.edges)} edges dropped`)));
  }

  // apply writes the settings into dbt_project.yml and runs the project.
  async apply(limit, depth) {
    const app = this.app;
    let text = app.project.get("dbt_project.yml");
    if (text === undefined) return app.flash("The project has no dbt_project.yml.");
    const sets = [];
    if (limit) {
      sets.push([["vars", "nexus", "edge_quality", "error_threshold"], limit]);
      sets.push([["vars", "nexus", "edge_quality", "error_autofilter"], true]);
    } else if (/error_autofilter/.test(text)) {
      sets.push([["vars", "nexus", "edge_quality", "error_autofilter"], false]);
    }
    if (depth !== undefined && depth !== this.bound()) sets.push([["vars", "nexus_max_recursion"], depth]);
    if (app.runVars && depth !== undefined) app.runVars = { ...app.runVars, nexus_max_recursion: depth };
    for (const [path, value] of sets) {
      const resp = await app.engine.call({ op: "identity.setvar", identity: { text, path, value } });
      if (!resp.ok) return app.flash("dbt_project.yml was not changed: " + (resp.error ? resp.error.message : "error"));
      text = resp.result.text;
    }
    app.project.set("dbt_project.yml", text);
    app.openFile("dbt_project.yml");
    await app.run({ vars: app.runVars });
  }
}

// depthOf reads the depth field: empty means the project's own bound (the
// engine is sent none), 0 means no hops, as nexus_max_recursion: 0 does.
function depthOf(input) {
  const v = input.value.trim();
  return v === "" || !Number.isFinite(Number(v)) ? undefined : Number(v);
}
