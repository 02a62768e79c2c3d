// The run controller owns the state of the engine's runs (whether one is
// running, a stop request, the built tables, the vars the last run used)
// and tells the panels what happened through events. Panels subscribe with
// on() and never change each other's state.
//
// Events and their detail:
//   busy           {on, label}   a build or console query started or ended
//   run-start      {label}       a build was sent
//   step           {step}        a build step finished
//   stopping       {}            the user asked to stop
//   run-end        {resp, wall, ok, stopped, first}  the build answered
//   run-shown      {wall}        the page has laid out what the run changed
//   tables-changed {tables, after, lost}  the built tables were listed again;
//                  after is "run", "reset" or "query"; lost when the engine
//                  restarted and dropped them
//   restarted      {reason}      the engine was restarted outside a call

import { quoteIdent } from "./dom.js";

export class RunController extends EventTarget {
  constructor() {
    super();
    this.engine = null;
    this.running = false;
    this.stopRequested = false;
    this.tables = [];
    this.vars = undefined; // the vars of the last run (a walkthrough's, the guards')
    this.runs = 0;
    // changes is what the last build changed against the one before
    // (the bridge's Changes: {tables, max_rows, seconds, error}), or null.
    this.changes = null;
    this.builtDialect = ""; // the warehouse of the project's profiles.yml, as the last build read it
  }

  on(type, fn) {
    this.addEventListener(type, (e) => fn(e.detail));
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setBusy(on, label) {
    this.running = on;
    this.emit("busy", { on, label });
  }

  // run sends one build request and resolves with the bridge's response, or
  // null when the engine is missing or busy.
  async run(req, label) {
    if (!this.engine || this.running) return null;
    this.vars = req.vars;
    this.setBusy(true, `Running ${req.command}…`);
    this.emit("run-start", { label });
    const t0 = performance.now();
    this.stopRequested = false;
    const resp = await this.engine.call({ op: "build", ...req }, (step) => this.emit("step", { step }));
    const wall = (performance.now() - t0) / 1000;
    this.setBusy(false);
    const ok = resp.ok && resp.result.ok;
    // A stop that Go honoured ends the build with a failed step, not a
    // failed call: the page remembers that the user asked for it.
    // Only the user's Stop counts as stopped: the engine's result.stopped
    // is also set by the time limit, which the page reports as a failure
    // that names the limit.
    const stopped = !ok && (resp.stopped || this.stopRequested);
    if (stopped) resp.stopped = true;
    this.runs++;
    this.changes = resp.ok && resp.result ? resp.result.changes || null : null;
    // The warehouse a build under Dialect Project read the project's SQL as
    // (its profiles.yml's): the SQL console reads the same under Project.
    if (resp.ok && resp.result && resp.result.dialect && !req.dialect) this.builtDialect = resp.result.dialect;
    this.emit("run-end", { resp, wall, ok, stopped, first: this.runs === 1 });
    if (resp.restarted) this.lose("run");
    // A build lists the tables in its answer; a failed call does not.
    else if (resp.ok && resp.result && resp.result.tables) this.setTables(resp.result.tables, "run");
    else await this.refreshTables("run");
    // The frame after the answer has the run's log and tables on the page.
    requestAnimationFrame(() => setTimeout(() => this.emit("run-shown", { wall: (performance.now() - t0) / 1000 })));
    return resp;
  }

  stop() {
    if (this.engine && this.engine.busy) {
      this.stopRequested = true;
      this.emit("stopping");
      this.engine.stop();
    }
  }

  // afterStop forgets the tables when a call's answer says the engine was
  // restarted under it.
  afterStop(resp) {
    if (resp && resp.restarted) this.lose("query");
  }

  // restarted is the engine's own report of a restart.
  restarted(reason) {
    this.tables = [];
    this.changes = null;
    this.emit("restarted", { reason });
    this.emit("tables-changed", { tables: [], after: "restart" });
  }

  lose(after) {
    this.tables = [];
    this.changes = null;
    this.emit("tables-changed", { tables: [], after, lost: true });
  }

  // changeOf is what the last build changed in one table, or null.
  changeOf(schema, name) {
    return (this.changes && (this.changes.tables || []).find((t) => t.schema === schema && t.name === name)) || null;
  }

  // diffRows asks the engine for a table's differing rows against the
  // previous run.
  diffRows(schema, name) {
    return this.engine.call({ op: "diff.rows", diff: { schema, name } });
  }

  // personChange asks which identifiers joined or left a person.
  personChange(id) {
    return this.engine.call({ op: "diff.person", diff: { person: String(id) } });
  }

  // query runs one SQL statement in the engine's database: SQLite's SQL,
  // or, with dialect (the SQL console's), that warehouse's, translated as
  // a model's SQL is.
  async query(sql, maxRows, dialect = "") {
    const resp = await this.engine.call({ op: "query", sql, max_rows: maxRows, dialect: dialect || undefined, timeout_ms: (Number(document.getElementById("timeout").value) || 30) * 1000 });
    // Go encodes an empty slice as null.
    if (resp.ok && resp.result) {
      resp.result.rows = resp.result.rows || [];
      resp.result.columns = resp.result.columns || [];
      resp.result.types = resp.result.types || [];
    }
    return resp;
  }

  // relation is the schema-qualified name of a built table, or null.
  relation(name) {
    const t = this.tables.find((x) => x.name === name);
    return t ? (t.schema ? quoteIdent(t.schema) + "." : "") + quoteIdent(t.name) : null;
  }

  async refreshTables(after = "reset") {
    if (!this.engine) return;
    const resp = await this.engine.call({ op: "tables" });
    this.setTables(resp.ok ? resp.result || [] : [], after);
  }

  setTables(tables, after) {
    this.tables = tables;
    // Another project's tables (reset) have no previous run.
    if (after === "reset") this.changes = null;
    this.emit("tables-changed", { tables: this.tables, after });
  }
}
