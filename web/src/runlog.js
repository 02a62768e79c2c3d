// The run log: one row per seed, model or test as the build reports it,
// then the summary, the diagnostics and the identity-resolution report.

import { h, clear, $, fmtInt, fmtSec } from "./dom.js";
import { dialectHint } from "./project.js";

// STALE_MS is how long a run goes before the log, the last run's until
// this run's rows replace it, is dimmed until the run ends.
const STALE_MS = 150;

export class RunLog {
  constructor(app, ctl) {
    this.app = app;
    ctl.on("run-start", ({ label }) => this.start(label));
    ctl.on("step", ({ step }) => this.step(step));
    ctl.on("run-end", ({ resp, wall }) => this.finish(resp, wall));
    this.body = $("runlog").tBodies[0];
    this.scroll = $("logscroll");
    this.steps = [];
    this.pending = [];
    this.cursor = null;
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
    this.steps = []; // the steps of this run, shown or queued
    this.cursor = this.body.firstChild; // where the next streamed row goes
    // The last run's log stays (dimmed if the run takes a while) until
    // this run's rows replace it: a quick Run then changes only the rows
    // that differ, and the page lays out those, not the whole log.
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => this.scroll.classList.add("stale"), STALE_MS);
    clear(this.summary);
    this.summary.className = "summary running";
    this.summary.append(h("span", { class: "spinner", "aria-hidden": "true" }), label);
  }

  // step queues a row: rows are added once per frame, so a build of many
  // fast steps does not lay the page out once per step (which held the
  // build's result back behind a queue of layouts).
  step(st) {
    this.steps.push(st);
    this.pending.push(st);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.flush());
  }

  // flush puts the queued rows in place while a build runs: each takes
  // the place of the last run's row there (kept when it reads the same),
  // and the log follows the last of them.
  flush() {
    const steps = this.pending;
    this.dropPending();
    if (!steps.length) return;
    const items = [];
    for (const st of steps) items.push(...this.items(st));
    this.cursor = morph(this.body, items, this.cursor, false);
    const last = this.cursor ? this.cursor.previousElementSibling : this.body.lastElementChild;
    if (last) last.scrollIntoView({ block: "nearest" });
  }

  fresh() {
    clearTimeout(this.staleTimer);
    this.scroll.classList.remove("stale");
  }

  dropPending() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
  }

  // items are the rows of one step (its row and its message): diff is
  // what the run changed in its table. Each item has a signature of what
  // it shows, and a row already on the page with the same one stays.
  items(st, diff) {
    const status = (st.status || "").toUpperCase();
    const cls = { OK: "ok", PASS: "ok", ERROR: "err", FAIL: "err", WARN: "warn", SKIP: "skip" }[status] || "";
    if (st.kind === "log") {
      // What a template wrote with log(info=True), print or exceptions.warn.
      return [{
        sig: JSON.stringify(["log", st.name, status, st.line]),
        make: () => h("tr", { class: ["msg", cls, "kind-log"].filter(Boolean).join(" "), dataset: { name: st.name || "", status } }, h("td", { colspan: "6" }, st.line || "")),
      }];
    }
    const out = [{
      sig: JSON.stringify([st.kind, st.name, status, st.index, st.total, st.relation, st.reuse, isTest(st) ? 0 : st.rows || 0, fmtSec(st.seconds), st.file, diff]),
      make: () => {
        // The node's file opens at the line its error names.
        const at = errorAt(st.message);
        const name = st.file
          ? h("a", { href: "#", class: "model", onclick: (e) => { e.preventDefault(); this.app.openFile(st.file, at && at.file === st.file ? at.line : undefined); } }, st.name)
          : h("span", { class: "model" }, st.name);
        // Reuse (from a session's second build on): "reused: unchanged", or
        // "rebuilt: " and why.
        const reused = (st.reuse || "").startsWith("reused");
        return h("tr", { class: `${cls} kind-${st.kind || "other"}${reused ? " reused" : ""}`, dataset: { name: st.name || "", status, relation: (st.relation || "").replace(/"/g, ""), reuse: st.reuse || "" } },
          h("td", { class: "idx" }, st.total ? `${st.index}/${st.total}` : String(st.index || "")),
          h("td", { class: "status" }, h("span", { class: "pill " + cls }, status || "…")),
          h("td", { class: "kind" }, st.kind || ""),
          h("td", null, name, st.relation ? h("span", { class: "rel" }, st.relation) : null,
            st.reuse ? h("span", { class: "reuse", title: st.reuse }, reused ? "reused" : st.reuse) : null),
          h("td", { class: "num" }, isTest(st) ? "" : `${fmtInt(st.rows || 0)} rows`,
            diff ? h("span", { class: "diff", title: "rows added, removed and changed since the previous run" }, diff) : null),
          h("td", { class: "num" }, fmtSec(st.seconds)),
        );
      },
    }];
    if (st.message) {
      out.push({
        sig: JSON.stringify(["msg", cls, st.kind, st.message]),
        make: () => {
          // A message that opens with a place (models/x.sql:57:8: ...)
          // links the place to the file at that line.
          const at = errorAt(st.message);
          const text = at && (this.app.project.files.has(at.file) || this.app.pkgPath(at.file) !== null)
            ? [h("a", { href: "#", class: "loc", onclick: (e) => { e.preventDefault(); this.app.openFile(at.file, at.line); } }, at.place), st.message.slice(at.place.length)]
            : [st.message];
          return h("tr", { class: `msg ${cls} kind-${st.kind || "other"}` }, h("td", { colspan: "6" }, ...text));
        },
      });
    }
    return out;
  }

  // finish shows the outcome: resp is the bridge response of the build.
  finish(resp, wall) {
    const res = resp.result;
    this.dropPending();
    // A quick build sends no steps while it runs (wasm/main.go): its rows
    // come from the result.
    for (const st of ((res && res.steps) || []).slice(this.steps.length)) this.steps.push(st);
    clear(this.summary);
    const showChanges = resp.ok && !!(res.ok || res.changes);
    const ch = showChanges ? res.changes : null;
    // The log's row of each table says what changed in it.
    const diffs = new Map();
    for (const t of (ch && !ch.error && ch.tables) || []) {
      if (t.status === "same") continue;
      // A step names main's tables with or without "main.".
      diffs.set(`${t.schema}.${t.name}`, diffText(t));
      if (t.schema === "main" && !diffs.has(t.name)) diffs.set(t.name, diffText(t));
    }
    const rows = [];
    for (const st of this.steps) rows.push(...this.items(st, diffs.get((st.relation || "").replace(/"/g, ""))));
    const ids = (resp.ok && res.identity) || [];
    if (resp.ok) {
      this.summary.className = "summary " + (res.ok ? "ok" : "err");
      // A stopped build: say what was done before the stop.
      const text = resp.stopped ? stoppedSummary(res.summary) : res.summary || "";
      this.summary.append(h("b", null, res.ok ? "Done" : resp.stopped ? "Stopped" : "Finished with errors"), " ", text, ` · ${fmtSec(res.seconds)} in the engine, ${fmtSec(wall)} on the page`);
      const hint = dialectHint(this.app.project);
      if (hint) this.summary.append(h("span", { class: "dialect-hint" }, hint));
      // An error a step's row already shows is not listed again below it.
      const shown = this.steps.map((st) => (st.message || "").replace(/\n  /g, "\n")).join("\n");
      for (const d of res.diagnostics || []) {
        if (d.severity === "error" && shown.includes(describe(d))) continue;
        rows.push({ sig: JSON.stringify(["diag", describe(d)]), make: () => h("tr", { class: "msg err" }, h("td", { colspan: "6" }, describe(d))) });
      }
    } else {
      this.summary.className = "summary err";
      this.summary.append(h("b", null, resp.stopped ? "Stopped" : "Failed"), " ", describe(resp.error), ` · ${fmtSec(wall)}`);
    }
    morph(this.body, rows, this.body.firstChild, true);
    morph(this.identity, identityItems(ids), this.identity.firstChild, true);
    morph(this.changes, showChanges ? this.changeItems(res.changes) : [], this.changes.firstChild, true);
    this.fresh();
    if (!resp.ok) return;
    // Show what needs reading: the first failure, else the identity report,
    // else the last row.
    // Scrolling lays the page out, so it waits for the frame, after the
    // other panels have shown the run: one layout, not two.
    const first = this.body.querySelector("tr.err");
    const target = first || (ids.length ? this.identity : this.body.lastElementChild);
    if (target) requestAnimationFrame(() => target.scrollIntoView({ block: first ? "center" : ids.length ? "end" : "nearest" }));
  }

  // changeItems list per table the rows the run added, removed and changed
  // against the previous run.
  changeItems(ch) {
    if (!ch) return [{ sig: "first", make: () => h("p", { class: "note", dataset: { changes: "first" } }, "The next Run shows what changed against this one.") }];
    if (ch.error) {
      const text = "The tables were not compared: " + ch.error;
      return [{ sig: text, make: () => h("p", { class: "note", dataset: { changes: "error" } }, text) }];
    }
    const tables = ch.tables || [];
    const changed = tables.filter((t) => t.status !== "same" && t.status !== "unchecked");
    const unchecked = tables.filter((t) => t.status === "unchecked");
    const same = tables.length - changed.length - unchecked.length;
    this.changes.dataset.changed = String(changed.length);
    const items = [{ sig: "h3", make: () => h("h3", null, "Changes since the previous run") }];
    if (changed.length) {
      items.push({ sig: JSON.stringify(changed), make: () => h("table", { class: "log changes" },
        h("thead", null, h("tr", null, ["table", "added", "removed", "changed", "rows now"].map((c) => h("th", null, c)))),
        h("tbody", null, changed.map((t) => h("tr", { dataset: { schema: t.schema, name: t.name, status: t.status, added: String(t.added), removed: String(t.removed), changed: String(t.changed) } },
          h("td", null, h("a", { href: "#", class: "model", onclick: (e) => { e.preventDefault(); this.app.openChanges(t); } }, `${t.schema}.${t.name}`),
            t.status === "changed" ? null : h("span", { class: "rel" }, t.status === "added" ? "new table" : "table removed")),
          h("td", { class: "num added" }, t.added ? "+" + fmtInt(t.added) : ""),
          h("td", { class: "num removed" }, t.removed ? "−" + fmtInt(t.removed) : ""),
          h("td", { class: "num changed" }, t.changed ? "~" + fmtInt(t.changed) : ""),
          h("td", { class: "num" }, fmtInt(t.new_rows)))))) });
    } else {
      items.push({ sig: "none", make: () => h("p", { class: "note" }, "No table changed.") });
    }
    const notes = [`${fmtInt(same)} ${same === 1 ? "table" : "tables"} unchanged`, `compared in ${fmtSec(ch.seconds)}`];
    if (unchecked.length) notes.push(`${fmtInt(unchecked.length)} over ${fmtInt(ch.max_rows)} rows not compared (${unchecked.map((t) => t.name).join(", ")})`);
    const text = notes.join(" · ");
    items.push({ sig: "muted " + text, make: () => h("p", { class: "muted" }, text) });
    return items;
  }
}

// make builds an item's element and remembers its signature.
function make(it) {
  const el = it.make();
  el.nexusSig = it.sig;
  return el;
}

// morph makes parent's children from cur on the items' elements, keeping
// a child in place where it already shows the same thing, and returns the
// child after them; trim removes that child and the ones after it.
function morph(parent, items, cur, trim) {
  for (const it of items) {
    if (cur && cur.nexusSig === it.sig) {
      cur = cur.nextSibling;
      continue;
    }
    const el = make(it);
    if (cur) {
      cur.replaceWith(el);
      cur = el.nextSibling;
    } else parent.appendChild(el);
  }
  while (trim && cur) {
    const next = cur.nextSibling;
    cur.remove();
    cur = next;
  }
  return cur;
}

// identityItems are the identity-resolution report's heading, table and
// notes.
function identityItems(ids) {
  if (!ids.length) return [];
  const sig = JSON.stringify(ids);
  return [
    { sig: "h3", make: () => h("h3", null, "Identity resolution") },
    { sig, make: () => h("table", { class: "log ident" },
      h("thead", null, h("tr", null, ["entity", "strategy", "identifiers", "edges", "entities", "exact", "split", "longest path"].map((c) => h("th", null, c)))),
      h("tbody", null, ids.map((r) => h("tr", null,
        h("td", null, r.entity), h("td", null, `${r.strategy} (max ${r.max_recursion})`),
        h("td", { class: "num" }, fmtInt(r.identifiers)), h("td", { class: "num" }, fmtInt(r.edges)),
        h("td", { class: "num" }, fmtInt(r.entities)), h("td", { class: "num" }, fmtInt(r.exact_components)),
        h("td", { class: "num" + (r.split_components ? " warn" : "") }, fmtInt(r.split_components)),
        h("td", { class: "num" }, fmtInt(r.longest_path)))))) },
    ...ids.filter((r) => r.message).map((r) => {
      const text = `${r.entity}: ${r.message}`;
      return { sig: "note " + text, make: () => h("p", { class: "note" }, text) };
    }),
  ];
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

// errorAt reads the place an error message opens with, file:line[:col],
// or null.
function errorAt(message) {
  const m = /^([^\s:]+\.(?:sql|ya?ml|csv|md)):(\d+)(?::\d+)?/.exec(message || "");
  return m ? { file: m[1], line: Number(m[2]), place: m[0] } : null;
}

export function describe(d) {
  if (!d) return "unknown error";
  let s = "";
  if (d.file) s += d.file + (d.line ? `:${d.line}` + (d.col ? `:${d.col}` : "") : "") + ": ";
  s += d.message || "";
  if (d.hint) s += ` (${d.hint})`;
  return s;
}

// isTest tells a data test's or unit test's step: it counts failing rows,
// not a table's rows, and its message says which.
function isTest(st) {
  return st.kind === "test" || st.kind === "unit_test";
}
