// The SQL console: any query against the built tables, results in the grid,
// with the Common Tasks page's demo and data-quality queries one click away.

import { h, $ } from "./dom.js";
import { Grid, arrayProvider } from "./grid.js";
import { consoleEditor, setText } from "./editor.js";
import { fmtSec } from "./dom.js";
import { describe } from "./runlog.js";

// EXAMPLES are the queries of the Common Tasks page ("Explore Demo Data",
// "Verify Data Quality"), run as written.
export const EXAMPLES = [
  { group: "Explore Demo Data", title: "All demo events", sql: "-- View all demo events\nSELECT * FROM nexus_demo_data.nexus_events\nORDER BY occurred_at DESC;" },
  { group: "Explore Demo Data", title: "Resolved persons", sql: "-- View resolved persons\nSELECT * FROM nexus_demo_data.nexus_persons;" },
  { group: "Explore Demo Data", title: "Group memberships", sql: "-- View group memberships\nSELECT\n    p.name as person_name,\n    g.name as group_name,\n    m.role\nFROM nexus_demo_data.nexus_memberships m\nJOIN nexus_demo_data.nexus_persons p ON m.person_id = p.id\nJOIN nexus_demo_data.nexus_groups g ON m.group_id = g.id;" },
  { group: "Verify Data Quality", title: "Duplicate persons", sql: "-- Check for duplicate persons\nSELECT\n    email,\n    COUNT(*) as count\nFROM nexus_final_tables.nexus_persons\nGROUP BY email\nHAVING COUNT(*) > 1;" },
  { group: "Verify Data Quality", title: "Event timeline", sql: "-- Check event timeline\nSELECT\n    MIN(occurred_at) as earliest_event,\n    MAX(occurred_at) as latest_event,\n    COUNT(*) as total_events\nFROM nexus_final_tables.nexus_events;" },
];

const MAX_ROWS = 2000;

// DIALECT_NAMES name the Dialect selector's warehouses; Project ("") reads
// SQLite's SQL here.
const DIALECT_NAMES = { bigquery: "BigQuery", snowflake: "Snowflake", duckdb: "DuckDB", sqlite: "SQLite" };

export class SQLConsole {
  constructor(app) {
    this.app = app;
    this.view = consoleEditor($("console-editor"), () => this.run());
    setText(this.view, "select * from nexus_final_tables.nexus_persons limit 20;");
    this.status = $("console-status");
    this.gridEl = $("console-grid");
    this.button = $("console-run");
    this.button.addEventListener("click", () => this.run());
    const ex = $("examples");
    let group = "";
    for (const e of EXAMPLES) {
      if (e.group !== group) {
        group = e.group;
        ex.appendChild(h("span", { class: "exgroup" }, group + ":"));
      }
      ex.appendChild(h("button", { type: "button", class: "chip", title: e.sql, onclick: () => { setText(this.view, e.sql); this.run(); } }, e.title));
    }
  }

  setSQL(sql) {
    setText(this.view, sql);
  }

  async run() {
    const sql = this.view.state.doc.toString();
    if (!sql.trim()) return;
    this.status.textContent = "running…";
    this.status.className = "muted";
    this.app.ctl.setBusy(true, "Query running…");
    const t0 = performance.now();
    // The page's Dialect says whose SQL the console reads, as a model's;
    // under Project, the warehouse the last run read the project's as.
    const dialect = (this.app.project && this.app.project.dialect) || this.app.ctl.builtDialect || "";
    const label = DIALECT_NAMES[dialect] || "SQLite";
    document.body.dataset.consoleDialect = dialect || "sqlite";
    let resp;
    try {
      resp = await this.app.query(sql, MAX_ROWS, dialect === "sqlite" ? "" : dialect);
    } finally {
      this.app.ctl.setBusy(false);
    }
    const wall = (performance.now() - t0) / 1000;
    if (!resp.ok) {
      this.status.textContent = (resp.stopped ? "stopped: " : `error (${label} SQL): `) + (resp.error ? describe(resp.error) : "");
      this.status.className = "error-text";
      this.gridEl.replaceChildren(h("div", { class: "error-box" }, resp.error ? describe(resp.error) : "query failed"));
      this.app.ctl.afterStop(resp);
      return;
    }
    const res = resp.result;
    this.status.textContent = `${res.rows.length} row(s) in ${fmtSec(wall)}${res.truncated ? ` (first ${MAX_ROWS} shown)` : ""} · ${label} SQL`;
    this.status.className = "muted";
    new Grid(this.gridEl, arrayProvider(res), {
      linkable: (col) => col === "person_id",
      onCell: (col, v) => this.app.openPerson(v),
    }).load();
    // A statement that changes tables (create, drop) changes the list.
    if (!/^\s*(--[^\n]*\n\s*)*(select|with|values|pragma|explain)\b/i.test(sql)) this.app.ctl.refreshTables("query");
  }
}
