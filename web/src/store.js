// Saved work: the sample working copies (project.js) and named projects,
// all in localStorage. localStorage rather than IndexedDB because it is
// synchronous: a pending edit is written in the pagehide handler of a reload
// or a closing tab, and the saved project is there before the first paint of
// the next load. Its few megabytes hold many projects of this size; when it
// is full the page says so and the project stays in memory (download it as
// a .zip).
//
// The index (which named projects exist, which one was open) is one key;
// each project's files are another, so an edit writes one project only.

import { h, $, toasts } from "./dom.js";
import { Project } from "./project.js";
import { ProjectPicker } from "./picker.js";

const INDEX = "nexus-playground:projects";
const UNDO = "nexus-playground:undo";
// Sample names are letters, digits, - and _, so "@" keeps named projects
// apart from the sample working copies under the same prefix.
const keyOf = (id) => "nexus-playground:project:@" + id;

export class Projects {
  constructor(app, opts = {}) {
    this.app = app;
    this.memory = !!opts.memory; // embed mode: nothing is written
    this.pending = new Map(); // files of projects created in this page
    this.pendingDialect = new Map(); // dialect of a project created from a link
    this.unsaved = new Set(); // ids whose files storage had no room for
    this.index = this.memory ? { current: "", list: [] } : readIndex();
    this.picker = new ProjectPicker(app, this, {
      onSample: (name) => this.app.loadSample(name, true),
      onProject: (id) => this.open(id, true),
    });
    $("project-new").addEventListener("click", () => this.saveAsNew());
    $("project-rename").addEventListener("click", () => this.rename());
    $("project-delete").addEventListener("click", () => this.remove());
    // Another tab saved a project: fold its edits into the one open here
    // (see Project.mergeStored), so neither tab loses what the other wrote.
    window.addEventListener("storage", (e) => {
      const p = this.app.project;
      if (!p || e.storageArea !== localStorage || e.key !== p.key) return;
      const merged = p.mergeStored();
      if (merged) this.merged(p, merged);
    });
    window.addEventListener("pagehide", () => this.flush());
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") this.flush(); });
  }

  flush() {
    if (this.app.project) this.app.project.flush();
  }

  meta(id) {
    return this.index.list.find((m) => m.id === id) || null;
  }

  // restore opens the named project that was open last; false when the
  // last one was a sample working copy (the caller opens that).
  restore() {
    const m = this.meta(this.index.current);
    if (!m) return false;
    return this.open(m.id, false);
  }

  // create stores a new named project and returns its id.
  create(name, files, extra = {}) {
    const id = Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
    const m = { id, name: uniqueName(name, this.index.list), sample: extra.sample || "", vars: extra.vars || "", fragment: extra.fragment || "" };
    if (extra.dialect) this.pendingDialect.set(id, extra.dialect);
    if (!this.memory) {
      try {
        localStorage.setItem(keyOf(id), JSON.stringify(files));
      } catch (e) {
        // Listed in the saved index without its files, it would open
        // empty after a reload: it stays out of the index instead.
        this.unsaved.add(id);
        this.app.flash("The browser's storage is full: this project was not saved and is kept only until you close the page. Download it as a .zip to keep it, or delete saved projects to make room.");
      }
    }
    this.index.list.push(m);
    this.saveIndex();
    this.pending.set(id, files);
    return id;
  }

  // open makes a named project the one being edited.
  open(id, user) {
    const m = this.meta(id);
    if (!m) return false;
    const sample = this.app.samples.find((s) => s.name === m.sample) || { name: "", title: "", files: {} };
    const p = new Project(sample, { key: keyOf(id), memory: this.memory, files: this.pending.get(id) || {}, vars: m.vars, dialect: this.pendingDialect.get(id) });
    if (this.pendingDialect.has(id)) p.setDialect(this.pendingDialect.get(id));
    this.pending.delete(id);
    this.pendingDialect.delete(id);
    p.id = id;
    this.show(p, user);
    this.setCurrent(id);
    const u = new URL(location.href);
    u.searchParams.delete("sample");
    if (user) u.searchParams.delete("run");
    history.replaceState(null, "", u);
    return true;
  }

  // show puts a project in the editor and drops the tables of the last one.
  show(project, user) {
    const app = this.app;
    if (app.project) app.project.flush();
    project.onMerge = (merged) => this.merged(project, merged);
    project.onSaveError = () => app.flash("The browser's storage is full: your edits are kept until you close the page. Download the project as a .zip to keep it.");
    app.project = project;
    $("dialect").value = project.dialect;
    app.editor.reset();
    app.current = null;
    app.renderTrees();
    app.openFirst();
    if (app.engine && user) {
      app.engine.call({ op: "reset" }).then(() => app.refreshTables());
      app.refreshLineage();
    }
  }

  // merged shows what another tab's edits changed here.
  merged(project, { changed, conflicts }) {
    const app = this.app;
    if (app.project !== project || changed.length === 0) return;
    app.renderTrees();
    if (app.current && changed.includes(app.current)) {
      if (project.files.has(app.current)) app.openFile(app.current);
      else app.openFirst();
    }
    document.body.dataset.merged = String(Number(document.body.dataset.merged || 0) + 1);
    if (conflicts.length) app.flash(`Another tab changed ${conflicts.join(", ")} too: your text is kept, theirs is beside it as ${conflicts.length > 1 ? "files" : "a file"} named .other-tab.`);
    else app.flash(`Took another tab's edits to ${changed.join(", ")}.`);
  }

  setCurrent(id) {
    this.index.current = id;
    this.saveIndex();
  }

  saveIndex() {
    this.render();
    if (this.memory) return;
    try {
      const list = this.index.list.filter((m) => !this.unsaved.has(m.id));
      const current = this.unsaved.has(this.index.current) ? "" : this.index.current;
      localStorage.setItem(INDEX, JSON.stringify({ current, list }));
    } catch (e) {
      // The index is small; a full storage is reported when files are saved.
    }
  }

  // render shows the samples and the named projects in the picker.
  render() {
    this.picker.render();
  }

  saveAsNew() {
    const cur = this.app.project;
    const name = window.prompt("Name of the new project (a copy of this one)", (this.meta(this.index.current) || {}).name || cur.sample.name || "project");
    if (name === null) return;
    const id = this.create(name.trim() || "project", cur.asObject(), { sample: cur.sample.name, vars: cur.vars, dialect: cur.dialect });
    this.open(id, false);
    this.app.flash(`Saved as “${this.meta(id).name}”.`);
  }

  rename() {
    const m = this.meta(this.index.current);
    if (!m) return;
    const name = window.prompt("Rename the project", m.name);
    if (name === null || !name.trim()) return;
    m.name = uniqueName(name.trim(), this.index.list.filter((x) => x !== m));
    this.saveIndex();
  }

  remove() {
    const m = this.meta(this.index.current);
    if (!m || !window.confirm(`Delete the project “${m.name}”? This cannot be undone.`)) return;
    this.index.list = this.index.list.filter((x) => x !== m);
    if (!this.memory) localStorage.removeItem(keyOf(m.id));
    this.index.current = "";
    this.saveIndex();
    // The sample it was made from opens in its place.
    const app = this.app;
    const sample = app.samples.find((s) => s.name === m.sample) || app.samples[0];
    if (sample) app.loadSample(sample.name, true);
  }

  // findShared returns the id of a project opened from the same link and
  // holding the same files, so opening a link twice does not copy it twice.
  findShared(fragment, files) {
    for (const m of this.index.list) {
      if (m.fragment !== fragment) continue;
      try {
        const saved = JSON.parse(localStorage.getItem(keyOf(m.id)) || "null");
        if (saved && sameFiles(saved, files)) return m.id;
      } catch (e) {
        // a damaged entry is not a match
      }
    }
    return null;
  }

  // resetToSample puts the sample's files back, with an undo.
  resetToSample() {
    const app = this.app;
    const p = app.project;
    if (!p.sample || !p.sample.name) return app.flash("This project was not made from a sample, so there is nothing to reset to.");
    const before = p.asObject();
    try {
      if (!this.memory) localStorage.setItem(UNDO, JSON.stringify({ key: p.key, files: before }));
    } catch (e) {
      // the undo stays in memory
    }
    p.reset();
    this.refresh();
    this.undoToast(`Reset to the sample ${p.sample.name}.`, () => {
      if (app.project !== p) return;
      p.files = new Map(Object.entries(before));
      p.touch();
      p.save();
      this.refresh();
    });
  }

  refresh() {
    const app = this.app;
    app.clearRunState();
    app.editor.reset();
    app.current = null;
    app.renderTrees();
    app.openFirst();
    app.refreshLineage();
  }

  undoToast(text, undo) {
    const el = h("div", { class: "toast", role: "alert", id: "undo-toast" }, text, " ",
      h("button", { type: "button", id: "undo", onclick: () => { el.remove(); undo(); } }, "Undo"));
    const old = document.getElementById("undo-toast");
    if (old) old.remove();
    toasts().appendChild(el);
    setTimeout(() => el.remove(), 15000);
  }
}

function readIndex() {
  try {
    const v = JSON.parse(localStorage.getItem(INDEX) || "null");
    if (v && typeof v === "object" && Array.isArray(v.list)) {
      const list = v.list.filter((m) => m && typeof m.id === "string" && typeof m.name === "string").map((m) => ({
        id: m.id, name: m.name, sample: typeof m.sample === "string" ? m.sample : "", vars: typeof m.vars === "string" ? m.vars : "",
        fragment: typeof m.fragment === "string" ? m.fragment : "",
      }));
      return { current: typeof v.current === "string" ? v.current : "", list };
    }
  } catch (e) {
    // A damaged index starts empty; the projects' own keys stay.
  }
  return { current: "", list: [] };
}

function uniqueName(name, list) {
  name = name.slice(0, 80);
  const taken = new Set(list.map((m) => m.name));
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
}

function sameFiles(a, b) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
