// File actions of the project tree: add, rename, delete, reset, override a
// package model, and the compiled-SQL view of a model.

import { h, $ } from "./dom.js";
import { validPath } from "./project.js";
import { describe } from "./runlog.js";

export const PKG = "pkg:"; // editor keys of the package's read-only files
export const COMPILED = "compiled:"; // editor keys of compiled SQL views

// modelName is the model a .sql file under models/ defines, or "".
export function modelName(key) {
  const path = key.startsWith(PKG) ? key.slice(PKG.length) : key;
  const m = /^models\/(?:.*\/)?([^/]+)\.sql$/.exec(path);
  return m ? m[1] : "";
}

export class FileActions {
  constructor(app) {
    this.app = app;
    $("file-add").addEventListener("click", () => this.askPath("New file path", "models/new_model.sql", (p) => this.addFile(p)));
    $("file-rename").addEventListener("click", () => {
      if (!this.app.current || this.app.current.startsWith(PKG)) return this.app.flash("Select a project file to rename.");
      this.askPath("Rename to", this.app.current, (p) => this.renameFile(this.app.current, p));
    });
    $("file-delete").addEventListener("click", () => this.deleteFile());
    // Reset to the sample, with an undo (store.js).
    $("project-reset").addEventListener("click", () => this.app.projects.resetToSample());
    $("file-override").addEventListener("click", () => this.override());
    $("file-compiled").addEventListener("click", () => this.showCompiled());
  }

  askPath(label, initial, done) {
    const tree = $("tree");
    const old = document.getElementById("path-form");
    if (old) old.remove();
    const input = h("input", { type: "text", value: initial, spellcheck: "false", "aria-label": label });
    const err = h("div", { class: "error-text" });
    const form = h("form", { id: "path-form", class: "path-form", onsubmit: (e) => {
      e.preventDefault();
      const p = input.value.trim();
      if (!validPath(p)) { err.textContent = "Use a relative path like models/x.sql (no .., no leading /)."; return; }
      if (this.app.project.files.has(p)) { err.textContent = "A file with that name exists."; return; }
      form.remove();
      done(p);
    } },
    h("label", null, label), input,
    h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, "OK"), h("button", { type: "button", onclick: () => form.remove() }, "Cancel")), err);
    tree.parentNode.insertBefore(form, tree);
    input.focus();
    input.select();
  }

  addFile(p) {
    this.app.project.set(p, "");
    this.app.renderTrees();
    this.app.openFile(p);
  }

  renameFile(from, to) {
    this.app.project.rename(from, to);
    this.app.editor.forget(from);
    this.app.renderTrees();
    this.app.openFile(to);
  }

  deleteFile() {
    const key = this.app.current;
    if (!key || key.startsWith(PKG)) return this.app.flash("Select a project file to delete.");
    if (!window.confirm(`Delete ${key}?`)) return;
    this.app.project.remove(key);
    this.app.editor.forget(key);
    this.app.current = null;
    this.app.renderTrees();
    this.app.openFirst();
  }

  // override copies a package model into the project, where the pipeline
  // takes it in place of the package's own (marked "override" in lineage).
  override() {
    const key = this.app.current;
    if (!key || !key.startsWith(PKG)) return;
    const path = key.slice(PKG.length);
    const name = path.slice(path.lastIndexOf("/") + 1);
    const target = `models/overrides/${name}`;
    if (!this.app.project.files.has(target)) this.app.project.set(target, this.app.pkgFiles.get(path));
    this.app.renderTrees();
    this.app.openFile(target);
    this.app.flash(`Copied to ${target}; delete it to go back to the package's model.`);
  }

  // showCompiled renders the current model through Jinja in the engine and
  // shows the SQL that SQLite runs, read-only.
  async showCompiled() {
    const name = modelName(this.app.current || "");
    if (!name || !this.app.engine) return;
    const resp = await this.app.engine.call({ op: "compile", name, files: this.app.project.asObject(), dialect: this.app.project.dialect || undefined });
    if (!resp.ok) return this.app.flash(describe(resp.error));
    const key = COMPILED + name;
    this.app.compiled.set(key, resp.result || "");
    this.app.editor.forget(key);
    this.app.openFile(key);
  }
}
