// The tables tab: every schema and table the build made, with row counts,
// and a grid over the chosen table that pages and sorts in SQL.

import { h, clear, $, fmtInt, quoteIdent } from "./dom.js";
import { Grid } from "./grid.js";
import { params } from "./params.js";

export class TablesPanel {
  constructor(app, ctl) {
    this.app = app;
    this.ctl = ctl;
    this.list = $("tablelist");
    this.gridEl = $("table-grid");
    this.selected = null;
    ctl.on("tables-changed", ({ tables }) => {
      this.render(tables);
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

  render(tables) {
    clear(this.list);
    if (!tables.length) {
      this.list.appendChild(h("li", { class: "empty" }, "No tables yet: run the project."));
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
        h("span", { class: "count" }, fmtInt(t.rows))));
      }
    }
    if (this.selected) {
      const t = tables.find((x) => `${x.schema}.${x.name}` === this.selected);
      if (t) this.open(t);
      else clear(this.gridEl);
    }
  }

  open(t) {
    this.selected = `${t.schema}.${t.name}`;
    for (const li of this.list.querySelectorAll("li.table")) {
      li.classList.toggle("selected", `${li.dataset.schema}.${li.dataset.name}` === this.selected);
    }
    const rel = (t.schema ? quoteIdent(t.schema) + "." : "") + quoteIdent(t.name);
    const app = this.app;
    const ctl = this.ctl;
    const grid = new Grid(this.gridEl, {
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
    grid.load();
  }
}
