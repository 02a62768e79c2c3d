// The run log: one row per seed, model or test as the build reports it,
// then the summary, the diagnostics and the identity-resolution report.

import { h, clear, $, fmtInt, fmtSec } from "./dom.js";

export class RunLog {
  constructor(app, ctl) {
    this.app = app;
    ctl.on("run-start", ({ label }) => this.start(label));
    ctl.on("step", ({ step }) => this.step(step));
    ctl.on("run-end", ({ resp, wall }) => this.finish(resp, wall));
    this.body = $("runlog").tBodies[0];
    this.summary = $("run-summary");
    this.identity = $("identity-report");
    // What the run changed against the previous one, above the identity report.
    this.changes = h("div", { id: "run-changes" });
    this.identity.before(this.changes);
    const toggle = $("log-tests");
    toggle.addEventListener("change", () => $("runlog").classList.toggle("hide-tests", !toggle.checked));
  }

  start(label) {
    this.dropPending();
    this.shown = 0; // the steps queued or shown so far
    clear(this.body);
    clear(this.identity);
    clear(this.changes);
    clear(this.summary);
    this.summary.className = "summary running";
    this.summary.append(h("span", { class: "spinner", "aria-hidden": "true" }), label);
  }

  // step queues a row: rows are added once per frame, so a build of many
  // fast steps does not lay the page out once per step (which held the
  // build's result back behind a queue of layouts).
  step(st) {
    this.pending = this.pending || [];
    this.pending.push(st);
    this.shown++;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  // flush adds the queued rows; while a build runs, the log follows its
  // last row.
  flush(follow = true) {
    const steps = this.pending || [];
    this.dropPending();
    if (!steps.length) return;
    const rows = document.createDocumentFragment();
    let last = null;
    for (const st of steps) last = this.row(st, rows);
    this.body.appendChild(rows);
    if (follow) last.scrollIntoView({ block: "nearest" });
  }

  dropPending() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
  }

  // row appends the row of one step (and its message) to parent.
  row(st, parent) {
    const status = (st.status || "").toUpperCase();
    const cls = { OK: "ok", PASS: "ok", ERROR: "err", FAIL: "err", WARN: "warn", SKIP: "skip" }[status] || "";
    if (st.kind === "log") {
      // What a template wrote with log(info=True), print or exceptions.warn.
      const tr = h("tr", { class: ["msg", cls, "kind-log"].filter(Boolean).join(" "), dataset: { name: st.name || "", status } }, h("td", { colspan: "6" }, st.line || ""));
      parent.appendChild(tr);
      return tr;
    }
    const name = st.file
      ? h("a", { href: "#", class: "model", onclick: (e) => { e.preventDefault(); this.app.openFile(st.file); } }, st.name)
      : h("span", { class: "model" }, st.name);
    // Reuse (from a session's second build on): "reused: unchanged", or
    // "rebuilt: " and why.
    const reused = (st.reuse || "").startsWith("reused");
    const tr = h("tr", { class: `${cls} kind-${st.kind || "other"}${reused ? " reused" : ""}`, dataset: { name: st.name || "", status, relation: (st.relation || "").replace(/"/g, ""), reuse: st.reuse || "" } },
      h("td", { class: "idx" }, st.total ? `${st.index}/${st.total}` : String(st.index || "")),
      h("td", { class: "status" }, h("span", { class: "pill " + cls }, status || "…")),
      h("td", { class: "kind" }, st.kind || ""),
      h("td", null, name, st.relation ? h("span", { class: "rel" }, st.relation) : null,
        st.reuse ? h("span", { class: "reuse", title: st.reuse }, reused ? "reused" : st.reuse) : null),
      h("td", { class: "num" }, st.kind === "test" ? "" : `${fmtInt(st.rows || 0)} rows`),
      h("td", { class: "num" }, fmtSec(st.seconds)),
    );
    parent.appendChild(tr);
    if (st.message) {
      parent.appendChild(h("tr", { class: `msg ${cls} kind-${st.kind || "other"}` }, h("td", { colspan: "6" }, st.message)));
    }
    return tr;
  }

  // finish shows the outcome: resp is the bridge response of the build.
  finish(resp, wall) {
    const res = resp.result;
    // A quick build sends no steps while it runs (wasm/main.go): its rows
    // come from the result, laid out once.
    for (const st of ((res && res.steps) || []).slice(this.shown || 0)) this.step(st);
    this.flush(false);
    clear(this.summary);
    if (!resp.ok) {
      this.summary.className = "summary err";
      this.summary.append(h("b", null, resp.stopped ? "Stopped" : "Failed"), " ", describe(resp.error), ` · ${fmtSec(wall)}`);
      return;
    }
    this.summary.className = "summary " + (res.ok ? "ok" : "err");
    // A stopped build: say what was done before the stop.
    const text = resp.stopped ? stoppedSummary(res.summary) : res.summary || "";
    this.summary.append(h("b", null, res.ok ? "Done" : resp.stopped ? "Stopped" : "Finished with errors"), " ", text, ` · ${fmtSec(res.seconds)} in the engine, ${fmtSec(wall)} on the page`);
    for (const d of res.diagnostics || []) {
      this.body.appendChild(h("tr", { class: "msg err" }, h("td", { colspan: "6" }, describe(d))));
    }
    const ids = res.identity || [];
    if (ids.length) {
      const t = h("table", { class: "log ident" },
        h("thead", null, h("tr", null, ["entity", "strategy", "identifiers", "edges", "entities", "exact", "split", "longest path"].map((c) => h("th", null, c)))),
        h("tbody", null, ids.map((r) => h("tr", null,
          h("td", null, r.entity), h("td", null, `${r.strategy} (max ${r.max_recursion})`),
          h("td", { class: "num" }, fmtInt(r.identifiers)), h("td", { class: "num" }, fmtInt(r.edges)),
          h("td", { class: "num" }, fmtInt(r.entities)), h("td", { class: "num" }, fmtInt(r.exact_components)),
          h("td", { class: "num" + (r.split_components ? " warn" : "") }, fmtInt(r.split_components)),
          h("td", { class: "num" }, fmtInt(r.longest_path))))));
      this.identity.append(h("h3", null, "Identity resolution"), t,
        ...ids.filter((r) => r.message).map((r) => h("p", { class: "note" }, `${r.entity}: ${r.message}`)));
    }
    if (res.ok || res.changes) this.showChanges(res.changes);
    // Show what needs reading: the first failure, else the identity report,
    // else the last row.
    // Scrolling lays the page out, so it waits for the frame, after the
    // other panels have shown the run: one layout, not two.
    const first = this.body.querySelector("tr.err");
    const target = first || (ids.length ? this.identity : this.body.lastElementChild);
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: first ? "center" : ids.length ? "end" : "nearest" }));
  }

  // showChanges lists per table the rows the run added, removed and changed
  // against the previous run, and marks the tables' rows in the log.
  showChanges(ch) {
    const box = clear(this.changes);
    if (!ch) {
      box.append(h("p", { class: "note", dataset: { changes: "first" } }, "The next Run shows what changed against this one."));
      return;
    }
    if (ch.error) {
      box.append(h("p", { class: "note", dataset: { changes: "error" } }, "The tables were not compared: " + ch.error));
      return;
    }
    const tables = ch.tables || [];
    const changed = tables.filter((t) => t.status !== "same" && t.status !== "unchecked");
    const unchecked = tables.filter((t) => t.status === "unchecked");
    const same = tables.length - changed.length - unchecked.length;
    box.dataset.changed = String(changed.length);
    box.append(h("h3", null, "Changes since the previous run"));
    if (changed.length) {
      box.append(h("table", { class: "log changes" },
        h("thead", null, h("tr", null, ["table", "added", "removed", "changed", "rows now"].map((c) => h("th", null, c)))),
        h("tbody", null, changed.map((t) => h("tr", { dataset: { schema: t.schema, name: t.name, status: t.status, added: String(t.added), removed: String(t.removed), changed: String(t.changed) } },
          h("td", null, h("a", { href: "#", class: "model", onclick: (e) => { e.preventDefault(); this.app.openChanges(t); } }, `${t.schema}.${t.name}`),
            t.status === "changed" ? null : h("span", { class: "rel" }, t.status === "added" ? "new table" : "table removed")),
          h("td", { class: "num added" }, t.added ? "+" + fmtInt(t.added) : ""),
          h("td", { class: "num removed" }, t.removed ? "−" + fmtInt(t.removed) : ""),
          h("td", { class: "num changed" }, t.changed ? "~" + fmtInt(t.changed) : ""),
          h("td", { class: "num" }, fmtInt(t.new_rows)))))));
    } else {
      box.append(h("p", { class: "note" }, "No table changed."));
    }
    const notes = [`${fmtInt(same)} ${same === 1 ? "table" : "tables"} unchanged`, `compared in ${fmtSec(ch.seconds)}`];
    if (unchecked.length) notes.push(`${fmtInt(unchecked.length)} over ${fmtInt(ch.max_rows)} rows not compared (${unchecked.map((t) => t.name).join(", ")})`);
    box.append(h("p", { class: "muted" }, notes.join(" · ")));
    // The log's row of each table says what changed in it.
    for (const t of tables) {
      if (t.status === "same") continue;
      // A step names main's tables with or without "main.".
      const rels = [`${t.schema}.${t.name}`, t.schema === "main" ? t.name : null];
      for (const tr of this.body.querySelectorAll("tr[data-relation]")) {
        if (!rels.includes(tr.dataset.relation)) continue;
        tr.cells[4].append(h("span", { class: "diff", title: "rows added, removed and changed since the previous run" }, diffText(t)));
      }
    }
  }
}

// diffText is a table's change in a few characters: "+2 −1 ~3".
export function diffText(t) {
  if (t.status === "unchecked") return "not compared";
  if (t.status === "added") return "new table";
  if (t.status === "removed") return "table removed";
  const rows = `+${fmtInt(t.added)} −${fmtInt(t.removed)} ~${fmtInt(t.changed)}`;
  // A build stamp (one new value in every row) is named once.
  const stamped = (t.stamped || []).map((st) => st.column);
  return stamped.length ? `${rows} · new ${stamped.join(", ")}` : rows;
}

// stoppedSummary keeps the counts of a stopped build's summary
// ("Finished running 56 models in 1.2s. Done. PASS=3 ...").
function stoppedSummary(summary) {
  const m = /PASS=\d+[^\n]*/.exec(summary || "");
  return m ? `before the stop: ${m[0]}` : "";
}

export function describe(d) {
  if (!d) return "unknown error";
  let s = "";
  if (d.file) s += d.file + (d.line ? `:${d.line}` + (d.col ? `:${d.col}` : "") : "") + ": ";
  s += d.message || "";
  if (d.hint) s += ` (${d.hint})`;
  return s;
}
