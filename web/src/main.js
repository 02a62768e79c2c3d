// The playground page: loads the samples and the engine, wires the project
// tree, the editor and the result panels together.

import { h, clear, $, toasts } from "./dom.js";
import { Engine, loadModule } from "./engine.js";
import { Editor } from "./editor.js";
import { Project, comparePaths } from "./project.js";
import { renderTree } from "./tree.js";
import { RunLog, describe } from "./runlog.js";
import { TablesPanel } from "./tables.js";
import { PersonPanel } from "./person.js";
import { SQLConsole } from "./sqlconsole.js";
import { renderLineage, PACKAGE } from "./lineage.js";
import { FileActions, PKG, COMPILED, modelName } from "./files.js";

// OPEN_FILE + a project's storage key holds, in sessionStorage, the file
// open when the page went away and its cursor's line.
const OPEN_FILE = "nexus-playground:open:";
import { Walkthroughs } from "./walkthrough.js";
import { Projects } from "./store.js";
import { Share } from "./share.js";
import { ImportExport } from "./importexport.js";
import { isEmbed, setupEmbed } from "./embed.js";
import { params } from "./params.js";
import { RunController } from "./runctl.js";
import { setStatus, followRuns } from "./status.js";

class App {
  constructor() {
    this.version = document.body.dataset.version || "";
    this.samples = [];
    this.project = null;
    this.pkgFiles = new Map();
    this.compiled = new Map();
    this.current = null; // editor key
    // The panels follow the controller's events (runctl.js).
    this.ctl = new RunController();
    followRuns(this.ctl);
    this.editor = new Editor($("editor"), {
      onChange: (key, text) => this.project.set(key, text),
      onRun: () => this.run(),
    });
    this.log = new RunLog(this, this.ctl);
    this.tablesPanel = new TablesPanel(this, this.ctl);
    this.person = new PersonPanel(this, this.ctl);
    this.console = new SQLConsole(this);
    this.files = new FileActions(this);
    this.walkthroughs = new Walkthroughs(this);
    this.walkthroughsLoaded = this.walkthroughs.load(this.version);
    this.identity = this.person.identity;
    this.embed = isEmbed();
    if (this.embed) setupEmbed();
    this.projects = new Projects(this, { memory: this.embed });
    this.share = new Share(this);
    this.exports = new ImportExport(this);
    this.ctl.on("run-end", ({ resp, stopped }) => {
      // A run the user stopped, or the time limit ended, may have stopped
      // in a render that would hold the engine as long again: the lineage
      // waits for the next edit or run instead of rendering it once more.
      this.lineageAfterRun = !stopped && !(resp.ok && resp.result && resp.result.stopped);
      const diags = [];
      if (resp.ok) diags.push(...(resp.result.diagnostics || []));
      else if (resp.error && resp.error.file) diags.push(resp.error);
      // No diagnostics before or after: the editor and the trees stand.
      if (diags.length || (this.lastDiagnostics || []).length) this.showDiagnostics(diags);
    });
    this.ctl.on("tables-changed", ({ after, lost }) => {
      if (lost) this.flash("The engine was restarted: run the project again to rebuild the tables.");
      if (after === "run" && this.lineageAfterRun) this.refreshLineage();
    });
    this.wireChrome();
  }

  // The engine, the run state and the tables belong to the controller.
  get engine() { return this.ctl.engine; }
  get running() { return this.ctl.running; }
  get tables() { return this.ctl.tables; }
  get runVars() { return this.ctl.vars; }
  set runVars(v) { this.ctl.vars = v; }
  query(sql, maxRows, dialect) { return this.ctl.query(sql, maxRows, dialect); }
  relation(name) { return this.ctl.relation(name); }
  refreshTables() { return this.ctl.refreshTables(); }

  wireChrome() {
    // A reload reopens the file that was open, at its cursor's line.
    window.addEventListener("pagehide", () => this.rememberOpenFile());
    $("run").addEventListener("click", () => this.run());
    $("stop").addEventListener("click", () => this.ctl.stop());
    $("dialect").addEventListener("change", (e) => {
      if (!this.project) return;
      this.project.setDialect(e.target.value);
      this.refreshLineage();
    });
    $("select").addEventListener("keydown", (e) => { if (e.key === "Enter") this.run(); });
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && !e.defaultPrevented) {
        e.preventDefault();
        this.run();
      }
      if (e.key === "Escape" && this.running) this.ctl.stop();
    });
    for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => this.showTab(tab.dataset.panel));
    $("expand").addEventListener("click", () => this.setWide(!$("layout").classList.contains("wide")));
    $("welcome-run").addEventListener("click", () => this.run());
    $("welcome-learn").addEventListener("click", () => this.showTab("learn"));
  }

  // clearRunState forgets the last run's diagnostics and status, when the
  // files they were about are replaced (Reset, another project).
  clearRunState() {
    this.showDiagnostics([]);
    if (this.engine && !this.running) this.setStatus("ready", "Ready: press ▶ Run");
  }

  // setWide gives the results the editor's room (the Wide button, editor=0).
  setWide(wide) {
    $("layout").classList.toggle("wide", wide);
    $("expand").setAttribute("aria-pressed", String(wide));
  }

  // ---- loading -----------------------------------------------------------

  async boot() {
    performance.mark("nexus-boot");
    // run=1 is used once, whatever happens to the run: a reload must not
    // start it again (a link that hit a limit would hit it on every load).
    // run=0 stays: it starts nothing, and a reload keeps honouring it.
    if (params.run !== false && new URLSearchParams(location.search).has("run")) {
      const u = new URL(location.href);
      u.searchParams.delete("run");
      history.replaceState(history.state, "", u);
    }
    this.setStatus("loading", "Loading samples…");
    // The engine downloads and compiles while the samples load: it is the
    // long pole of the first run.
    const bytes = Number(document.body.dataset.wasmBytes) || 0;
    const compiling = loadModule(`nexus.wasm?v=${this.version}`, bytes, (f) => {
      $("loadbar-fill").style.width = `${Math.round(f * 100)}%`;
      if ($("status").dataset.state === "loading") this.setStatus("loading", `Loading engine… ${Math.round(f * 100)}%`);
    });
    compiling.catch(() => {}); // reported where it is awaited
    try {
      const resp = await fetch(`samples.json?v=${this.version}`);
      this.samples = await resp.json();
    } catch (err) {
      this.samples = [];
    }
    performance.mark("nexus-samples-loaded");
    const want = params.sample;
    const first = this.samples.find((s) => s.name === want) || this.samples[0];
    // Without ?sample, the project open last comes back.
    const restored = !want && !this.embed && this.projects.restore();
    if (!restored && first) this.loadSample(first.name, false);
    else if (!restored) this.flash("No samples were built into this site.");
    // ?sample=NAME links to that sample's results (a docs page's "try it"),
    // so it runs once loaded, unless run=0. The visitor's own edited copy
    // of the sample does not: it is their work, and may not run quickly.
    const sampleLink = !!want && !!first && !this.project.edited;
    this.projects.render();
    if (want && first && first.name !== want) this.flash(`No sample named “${want}”; opened ${first.name}.`);

    this.setStatus("loading", "Loading engine…");
    try {
      const module = await compiling;
      performance.mark("nexus-engine-compiled");
      this.setStatus("loading", "Starting engine…");
      this.ctl.engine = new Engine(module, `worker.js?v=${this.version}`, {
        onRestart: (reason) => this.ctl.restarted(reason),
      });
      await this.ctl.engine.start();
      performance.mark("nexus-engine-ready");
    } catch (err) {
      this.setStatus("error", "The engine failed to load: " + (err.message || err));
      return;
    }
    $("loadbar").classList.add("done");
    this.setStatus("ready", "Ready: press ▶ Run");
    $("run").disabled = false;
    $("welcome-run").disabled = false;
    $("console-run").disabled = false;
    // ?walkthrough=NAME&step=N opens a walkthrough instead of a project.
    await this.walkthroughsLoaded;
    if (this.walkthroughs.fromURL()) {
      await this.loadPackageFiles();
      return;
    }
    // A share link in the address opens first; a refused one never runs.
    const opened = await this.share.openFromURL();
    // An auto-run goes first: it refreshes the tables and the lineage
    // itself when it ends, and nothing queued ahead of it delays it, not
    // even the package's file list, which the engine sends after it.
    // An embed exists to show results, so it runs unless run=0, and so
    // does a sample's link; a share link runs only with run=1.
    const autorun = params.run === true || (params.run !== false && (this.embed || (sampleLink && opened === null)));
    this.applyView();
    if (autorun && opened !== false) {
      this.run();
    } else {
      this.refreshLineage();
      this.refreshTables();
    }
    await this.loadPackageFiles();
    if (params.file) this.applyView();
  }

  // applyView opens what the address asks for: file=, tab=, table= and
  // editor= (see params.js). The file may be a package file, listed once
  // the package has loaded, so it is tried again then.
  applyView() {
    if (params.file && this.current !== params.file && (this.project.files.has(params.file) || this.pkgPath(params.file) !== null)) this.openFile(params.file);
    if (params.tab && !this.viewApplied) this.showTab(params.tab);
    if (params.editor === false && !this.embed) this.setWide(true);
    this.viewApplied = true;
  }

  // loadPackageFiles fetches the built-in package's files for the tree.
  async loadPackageFiles() {
    const pkg = await this.engine.call({ op: "package" });
    if (pkg.ok) for (const f of pkg.result || []) this.pkgFiles.set(f.path, f.text);
    this.pkgLoaded = true;
    if (this.lastDiagnostics && this.lastDiagnostics.length) this.showDiagnostics(this.lastDiagnostics);
    else this.renderTrees();
  }

  loadSample(name, user) {
    const sample = this.samples.find((s) => s.name === name);
    if (!sample) return;
    if (this.project) this.project.flush();
    this.project = new Project(sample, { memory: this.embed });
    $("dialect").value = this.project.dialect;
    // The project picker names the sample now open (a walkthrough opens
    // its own sample).
    if (this.projects) this.projects.setCurrent("");
    this.editor.reset();
    this.current = null;
    this.renderTrees();
    this.openFirst();
    if (user) {
      const u = new URL(location.href);
      u.searchParams.set("sample", name);
      u.searchParams.delete("run");
      history.replaceState(null, "", u);
      if (this.engine) {
        this.engine.call({ op: "reset" }).then(() => this.refreshTables());
        this.refreshLineage();
      }
    }
    if (this.project.edited) this.flash("Opened your edited copy of this sample (Reset restores it).");
  }

  // rememberOpenFile keeps, for this tab (sessionStorage: a reload, not
  // another tab), the file open in the project and its cursor's line.
  rememberOpenFile() {
    if (this.embed || !this.project || !this.current || this.current.startsWith(COMPILED)) return;
    try {
      const v = this.editor.view;
      const line = v ? v.state.doc.lineAt(v.state.selection.main.head).number : 1;
      sessionStorage.setItem(OPEN_FILE + this.project.key, JSON.stringify({ file: this.current, line }));
    } catch (e) {
      // Storage off: a reload opens the first file.
    }
  }

  openFirst() {
    if (!this.embed && !params.file) {
      let last = null;
      try {
        last = JSON.parse(sessionStorage.getItem(OPEN_FILE + this.project.key) || "null");
      } catch (e) {
        last = null;
      }
      const f = last && typeof last.file === "string" ? last.file : "";
      if (f && (f.startsWith(PKG) ? this.pkgFiles.has(f.slice(PKG.length)) : this.project.files.has(f))) {
        this.openFile(f, Number(last.line) > 1 ? Number(last.line) : undefined);
        return;
      }
    }
    const paths = this.project.paths();
    const pick = paths.find((p) => p === "dbt_project.yml") || paths.find((p) => p.startsWith("models/") && p.endsWith(".sql")) || paths[0];
    if (pick) this.openFile(pick);
  }

  // ---- files -------------------------------------------------------------

  // openFile shows a project path or a package file ("pkg:" key, or a path
  // only the package has) and moves to line when given.
  openFile(path, line) {
    let key = path;
    if (!path.startsWith(PKG) && !path.startsWith(COMPILED) && !this.project.files.has(path)) {
      const pkgPath = this.pkgPath(path);
      if (pkgPath !== null) key = PKG + pkgPath;
      else return this.flash(`No file ${path} in the project.`);
    }
    const ro = key.startsWith(PKG) || key.startsWith(COMPILED);
    const text = key.startsWith(COMPILED) ? this.compiled.get(key) : ro ? this.pkgFiles.get(key.slice(PKG.length)) : this.project.get(key);
    this.current = key;
    this.editor.open(key, text || "", ro);
    $("file-name").textContent = ro ? `nexus/${key.slice(PKG.length)}` : key;
    const badge = $("file-badge");
    badge.textContent = ro ? "package · read-only" : "";
    badge.classList.toggle("hidden", !ro);
    $("file-override").classList.toggle("hidden", !(ro && key.endsWith(".sql")));
    $("file-compiled").classList.toggle("hidden", !(modelName(key) && !key.startsWith(COMPILED)));
    if (key.startsWith(COMPILED)) {
      $("file-name").textContent = `compiled: ${key.slice(COMPILED.length)}`;
      badge.textContent = "compiled · read-only";
      badge.classList.remove("hidden");
    }
    for (const li of document.querySelectorAll("#tree li.file, #pkgtree li.file")) {
      const k = li.closest("#pkgtree") ? PKG + li.dataset.path : li.dataset.path;
      li.classList.toggle("selected", k === key);
    }
    if (line) this.editor.gotoLine(line);
  }

  pkgPath(path) {
    if (this.pkgFiles.has(path)) return path;
    const trimmed = path.replace(/^(dbt_packages\/)?nexus\//, "");
    return this.pkgFiles.has(trimmed) ? trimmed : null;
  }

  renderTrees() {
    const marks = new Map();
    for (const key of this.editor.diags.keys()) marks.set(key, "has-error");
    renderTree($("tree"), this.project.paths(), { selected: this.current, onOpen: (p) => this.openFile(p), marks });
    const pkgMarks = new Map([...marks].filter(([k]) => k.startsWith(PKG)).map(([k, v]) => [k.slice(PKG.length), v]));
    renderTree($("pkgtree"), [...this.pkgFiles.keys()].sort(comparePaths), {
      selected: this.current && this.current.startsWith(PKG) ? this.current.slice(PKG.length) : null,
      onOpen: (p) => this.openFile(PKG + p),
      marks: pkgMarks,
    });
  }

  // ---- running -----------------------------------------------------------

  // run builds the project; opts (a walkthrough step, the guards' apply)
  // override the command box: command, select, exclude, vars. It resolves
  // with the bridge's response, or null when nothing ran.
  async run(opts = {}) {
    if (!this.engine || this.running) return null;
    const timeout = Math.max(1, Math.min(600, Number($("timeout").value) || 30));
    const select = opts.select || $("select").value.trim().split(/\s+/).filter(Boolean);
    const command = opts.command || $("command").value;
    const fullRefresh = opts.fullRefresh ?? $("full-refresh").checked;
    const rebuildAll = opts.rebuildAll ?? $("rebuild-all").checked;
    // The first run keeps the tab the address asked for (tab=).
    if (!params.tab || this.ctl.runs > 0) this.showTab("log");
    $("welcome").classList.add("hidden");
    this.editor.closePopups();
    return this.ctl.run({
      command, select, exclude: opts.exclude, vars: opts.vars, dialect: this.project.dialect || undefined, full_refresh: fullRefresh, rebuild_all: rebuildAll, files: this.project.asObject(), timeout_ms: timeout * 1000,
    }, `${command}${fullRefresh ? " --full-refresh" : ""}${select.length ? " --select " + select.join(" ") : ""}: starting…`);
  }

  async refreshLineage() {
    if (!this.engine) return;
    const files = this.project.asObject();
    const dialect = this.project.dialect || undefined;
    // The nodes depend on the files and the dialect only: after a Run of
    // an unchanged project the page has them, and a call would make the
    // next Run wait behind it (and send the project's files once more).
    const key = JSON.stringify([files, dialect || ""]);
    let resp = this.nodesSeen && this.nodesSeen.key === key ? this.nodesSeen.resp : null;
    if (!resp) {
      resp = await this.engine.call({ op: "nodes", files, dialect });
      if (resp.ok) this.nodesSeen = { key, resp };
    }
    const el = $("lineage");
    if (!resp.ok) {
      this.lineageShown = null;
      clear(el).appendChild(h("div", { class: "error-box" }, describe(resp.error)));
      return;
    }
    // The same nodes are on the page already (a Run of an unchanged
    // project, or an edit of a model's body): drawing them again would
    // only cost the page's time.
    const shown = JSON.stringify(resp.result || []);
    if (this.lineageShown === shown) return;
    this.lineageShown = shown;
    this.fillSelectList(resp.result || []);
    renderLineage(el, resp.result || [], {
      file: (n) => {
        const path = n.path || "";
        if (!path) return this.flash(`${n.name} has no file.`);
        this.openFile(n.pkg === PACKAGE && this.pkgPath(path) !== null ? PKG + this.pkgPath(path) : path);
      },
      hasTable: (n) => this.tables.some((t) => t.name === n.name),
      table: (n) => {
        const t = this.tables.find((x) => x.name === n.name);
        if (!t) return;
        this.showTab("tables");
        this.tablesPanel.open(t);
      },
    });
  }

  // fillSelectList offers model names, tags and packages in the select box.
  fillSelectList(nodes) {
    const items = new Set();
    for (const n of nodes) {
      if (n.kind === "model" || n.kind === "seed") items.add(n.name);
      for (const tag of n.tags || []) items.add("tag:" + tag);
      if (n.package) items.add("package:" + n.package);
    }
    const list = clear($("select-nodes"));
    for (const v of [...items].sort()) list.appendChild(h("option", { value: v }));
  }

  // openChanges shows a table's rows that changed in the last run.
  openChanges(d) {
    const t = this.tables.find((x) => x.schema === d.schema && x.name === d.name);
    if (!t) return this.flash(`${d.schema}.${d.name} was removed by the last run.`);
    this.showTab("tables");
    this.tablesPanel.open(t, true);
  }

  openPerson(id) {
    this.showTab("person");
    this.person.open(id);
  }

  // showDiagnostics underlines each diagnostic in its file and lists them
  // under the editor; clicking one jumps to it.
  showDiagnostics(list) {
    this.lastDiagnostics = list;
    const byFile = new Map();
    const box = clear($("diagnostics"));
    for (const d of list) {
      if (!d.file) continue;
      let key = d.file;
      if (!this.project.files.has(key)) {
        // A package file's problem shows once the package's files are
        // listed (loadPackageFiles shows the list again).
        if (!this.pkgLoaded) continue;
        const p = this.pkgPath(key);
        if (p !== null) key = PKG + p;
      }
      if (!byFile.has(key)) byFile.set(key, []);
      byFile.get(key).push(d);
      box.appendChild(h("div", { class: "diag " + (d.severity || "error"), tabindex: "0", onclick: () => this.openFile(key, d.line) }, describe(d)));
    }
    this.editor.setDiagnostics(byFile);
    this.renderTrees();
    if (byFile.size && !byFile.has(this.current)) {
      const [key, ds] = byFile.entries().next().value;
      this.openFile(key, ds[0].line);
    }
  }

  // ---- chrome ------------------------------------------------------------

  showTab(name) {
    for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-selected", String(tab.dataset.panel === name));
    for (const p of document.querySelectorAll(".panel")) p.classList.toggle("hidden", p.id !== "panel-" + name);
  }

  setStatus(state, text) {
    setStatus(state, text);
  }

  flash(text) {
    // A click puts a message away.
    const el = h("div", { class: "toast", role: "alert", title: "Click to close", onclick: () => el.remove() }, text);
    toasts().appendChild(el);
    // Long enough to read: a long message stays longer.
    setTimeout(() => el.remove(), Math.min(20000, Math.max(5000, text.length * 60)));
  }
}

const app = new App();
app.boot();
