// The tables tab: every schema and table the build made, with row counts,
// and a grid over the chosen table that pages and sorts in SQL.

import { h, clear, $, fmtInt, quoteIdent } from "./dom.js";
import { Grid } from "./grid.js";
import { params } from "./params.js";
import { diffText } from "./runlog.js";

export class TablesPanel {
  constructor(app, ctl) {
    this.app = app;
    this.ctl = ctl;
    this.list = $("tablelist");
    this.gridEl = $("table-grid");
    this.selected = null;
    ctl.on("tables-changed", ({ tables, after }) => {
      this.render(tables, after);
      // table= opens that table the first time it exists.
      if (params.table && !this.tableApplied) {
        const t = tables.find((x) => `${x.schema}.${x.name}` === params.table) || tables.find((x) => x.name === params.table);
        if (t) {
          this.tableApplied = true;
          this.open(t);
        }
      }
    });
  }

  render(tables, after) {
    clear(this.list);
    if (!tables.length) {
      this.list.appendChild(h("li", { class: "empty" }, "No tables yet: run the project."));
      this.seq = (this.seq || 0) + 1; // a grid still loading is not shown
      clear(this.gridEl);
      return;
    }
    const bySchema = new Map();
    for (const t of tables) {
      if (!bySchema.has(t.schema)) bySchema.set(t.schema, []);
      bySchema.get(t.schema).push(t);
    }
    for (const [schema, list] of [...bySchema].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      this.list.appendChild(h("li", { class: "schema" }, schema || "main"));
      for (const t of list.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const key = `${t.schema}.${t.name}`;
        this.list.appendChild(h("li", {
          class: "table" + (key === this.selected ? " selected" : ""),
          tabindex: "0",
          title: `${key} (${t.kind})`,
          dataset: { schema: t.schema, name: t.name, rows: String(t.rows) },
          onclick: () => this.open(t),
        }, h("span", { class: "name" }, t.name),
        t.kind && t.kind !== "table" ? h("span", { class: "kind" }, t.kind) : null,
        this.changeBadge(t),
        h("span", { class: "count" }, fmtInt(t.rows))));
      }
    }
    if (this.selected) {
      const t = tables.find((x) => `${x.schema}.${x.name}` === this.selected);
      // A table the run left as it was is on the grid already: reading
      // its rows again would only keep the engine from the next call.
      const c = t && this.ctl.changeOf(t.schema, t.name);
      if (t && after === "run" && c && c.status === "same" && this.plain === this.selected) return;
      if (t) this.open(t);
      else {
        this.seq = (this.seq || 0) + 1;
        clear(this.gridEl);
      }
    }
  }

  // changeBadge marks a table the last run changed.
  changeBadge(t) {
    const c = this.ctl.changeOf(t.schema, t.name);
    if (!c || c.status === "same") return null;
    return h("span", { class: "diff", title: "rows added, removed and changed since the previous run" }, diffText(c));
  }

  // open shows a table in the grid; diffOnly (the "Changed rows only"
  // box, kept from table to table) shows only the rows the last run added,
  // removed or changed, old values beside new.
  open(t, diffOnly) {
    if (diffOnly !== undefined) this.diffOnly = diffOnly;
    this.selected = `${t.schema}.${t.name}`;
    for (const li of this.list.querySelectorAll("li.table")) {
      li.classList.toggle("selected", `${li.dataset.schema}.${li.dataset.name}` === this.selected);
    }
    const seq = (this.seq = (this.seq || 0) + 1);
    const change = this.ctl.changeOf(t.schema, t.name);
    // plain is the table the grid shows without a comparison bar.
    this.plain = change && change.status !== "same" ? null : this.selected;
    const box = h("div", { class: "gridbox" });
    const parts = [box];
    if (change && change.status !== "same") {
      const only = h("input", { type: "checkbox", id: "diff-only", checked: !!this.diffOnly, onchange: () => this.open(t, only.checked) });
      parts.unshift(h("div", { class: "diffbar", dataset: { status: change.status } },
        h("label", null, only, " Changed rows only"),
        h("span", { class: "muted" }, `${diffText(change)} since the previous run`)));
    }
    // The last table stays in view until the new one has its rows.
    const show = () => { if (seq === this.seq) this.gridEl.replaceChildren(...parts); };
    if (change && change.status !== "same" && this.diffOnly) {
      this.showDiff(box, t, change, seq).then(show);
      return;
    }
    const rel = (t.schema ? quoteIdent(t.schema) + "." : "") + quoteIdent(t.name);
    const app = this.app;
    const ctl = this.ctl;
    const grid = new Grid(box, {
      async fetch({ offset, limit, sort }) {
        const order = sort ? ` order by ${sort.col + 1}${sort.desc ? " desc" : ""}` : "";
        const resp = await ctl.query(`select * from ${rel}${order} limit ${limit} offset ${offset}`, limit);
        if (!resp.ok) return { error: resp.error ? resp.error.message : "query failed" };
        return { ...resp.result, total: t.rows };
      },
    }, {
      caption: `${this.selected} · ${fmtInt(t.rows)} rows`,
      linkable: (col) => col === "person_id",
      onCell: (col, v) => app.openPerson(v),
    });
    grid.load().then(show);
  }

  // showDiff lists the differing rows the engine compared (up to its cap).
  async showDiff(box, t, change, seq) {
    if (change.status === "unchecked") {
      box.append(h("div", { class: "empty" }, `Not compared: a table over ${fmtInt(this.ctl.changes.max_rows)} rows is counted only (${fmtInt(change.old_rows)} rows before, ${fmtInt(change.new_rows)} now).`));
      return;
    }
    const resp = await this.ctl.diffRows(t.schema, t.name);
    if (seq !== this.seq) return;
    if (!resp.ok) {
      box.append(h("div", { class: "error-box" }, resp.error ? resp.error.message : "comparison failed"));
      return;
    }
    const d = resp.result;
    const cols = d.columns || [];
    const rows = d.rows || [];
    const total = d.added + d.removed + d.changed;
    const notes = [`${this.selected} · ${diffText({ ...d, status: change.status })}`, d.key ? `rows matched by ${d.key}` : "rows compared whole: a changed row shows as removed and added"];
    if (rows.length < total) notes.push(`showing the first ${fmtInt(rows.length)} of ${fmtInt(total)}`);
    if ((d.columns_added || []).length) notes.push("new columns: " + d.columns_added.join(", "));
    if ((d.columns_removed || []).length) notes.push("removed columns: " + d.columns_removed.join(", "));
    for (const st of d.stamped || []) notes.push(`${st.column} in every row: ${cellText(st.old)} → ${cellText(st.new)}`);
    const mark = { added: "+", removed: "−", changed: "~" };
    const body = h("tbody", null, rows.map((r) => h("tr", { class: "diff-" + r.kind, dataset: { kind: r.kind } },
      h("td", { class: "diffkind", title: r.kind }, mark[r.kind] || ""),
      cols.map((c, i) => {
        if (r.kind === "changed" && (r.changed || []).includes(c)) {
          return h("td", { class: "changed", dataset: { col: c } }, h("span", { class: "old" }, cellText(r.old[i])), " → ", h("span", { class: "new" }, cellText(r.new[i])));
        }
        const v = (r.new || r.old || [])[i];
        return h("td", { class: v === null || v === undefined ? "null" : typeof v === "number" ? "num" : null, dataset: { col: c } }, cellText(v));
      }))));
    box.append(h("div", { class: "gridbar" }, h("span", { class: "caption" }, notes.join(" · "))),
      h("div", { class: "gridscroll" }, h("table", { class: "grid diffgrid" },
        h("thead", null, h("tr", null, h("th", null, ""), cols.map((c) => h("th", { dataset: { col: c } }, c)))), body)));
    if (!rows.length) box.append(h("div", { class: "empty" }, "No differing rows"));
  }
}

// cellText is a cell as the grid writes it: NULL for null, JSON for
// objects, long text cut.
function cellText(v) {
  if (v === null || v === undefined) return "NULL";
  const text = typeof v === "object" ? JSON.stringify(v) : String(v);
  return text.length > 200 ? text.slice(0, 200) + "…" : text;
}
