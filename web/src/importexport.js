// Import and export (issue 5). Everything that comes in (a project folder,
// a .zip, CSV files) is checked by the engine (package share) before any of
// it is stored; a refusal names the first offending entry. Everything that
// goes out is a Blob behind an object URL: project data never becomes markup.

import { h, $ } from "./dom.js";
import { describe } from "./runlog.js";
import { toBase64, fromBase64 } from "./share.js";
import { dialectHint } from "./project.js";

export class ImportExport {
  constructor(app) {
    this.app = app;
    this.folderInput = picker({ webkitdirectory: true, multiple: true }, (files) => this.importFolder(files));
    this.zipInput = picker({ accept: ".zip,application/zip" }, (files) => files[0] && this.importZip(files[0]));
    this.csvInput = picker({ accept: ".csv,text/csv", multiple: true }, (files) => this.addSeeds(files));
    $("import-folder").addEventListener("click", () => this.folderInput.click());
    $("import-zip").addEventListener("click", () => this.zipInput.click());
    $("import-csv").addEventListener("click", () => this.csvInput.click());
    $("export-zip").addEventListener("click", () => this.projectZip());
    $("export-db").addEventListener("click", () => this.database());
    document.addEventListener("dragover", (e) => {
      if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) {
        e.preventDefault();
        document.body.classList.add("dropping");
      }
    });
    document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) document.body.classList.remove("dropping"); });
    document.addEventListener("drop", (e) => this.drop(e));
  }

  ready() {
    if (this.app.engine) return true;
    this.app.flash("The engine is still loading.");
    return false;
  }

  refuse(what, resp) {
    this.app.share.panel("error", `${what} was not imported: ${describe(resp.error)}`);
    document.body.dataset.importError = describe(resp.error);
  }

  async drop(e) {
    document.body.classList.remove("dropping");
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    if (!this.ready()) return;
    const items = [...(e.dataTransfer.items || [])].map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    const dir = items.find((en) => en && en.isDirectory);
    if (dir) return this.importFolder(await readEntries(dir));
    const files = [...e.dataTransfer.files];
    const zip = files.find((f) => /\.zip$/i.test(f.name));
    if (zip) return this.importZip(zip);
    if (files.every((f) => /\.csv$/i.test(f.name))) return this.addSeeds(files);
    this.app.flash("Drop a project folder, a .zip of a project, or CSV files.");
  }

  // importFolder reads the files of a chosen or dropped folder (paths
  // under the folder's own name) and opens them as a new project.
  async importFolder(files) {
    if (!files.length || !this.ready()) return;
    const top = (files[0].webkitRelativePath || files[0].path || files[0].name).split("/")[0];
    const byName = new Map();
    for (const f of files) {
      const rel = f.webkitRelativePath || f.path || f.name;
      byName.set(rel.startsWith(top + "/") ? rel.slice(top.length + 1) : rel, f);
    }
    // The engine screens names and sizes first: target/, .git, big files
    // and other kinds are skipped or refused before a byte is read.
    const sizes = Object.fromEntries([...byName].map(([name, f]) => [name, f.size]));
    const screened = await this.app.engine.call({ op: "share.screen", share: { sizes } });
    if (!screened.ok) return this.refuse(`The folder ${top}`, screened);
    const raw = {};
    for (const name of screened.result.read || []) raw[name] = toBase64(new Uint8Array(await byName.get(name).arrayBuffer()));
    document.body.dataset.importRead = String(Object.keys(raw).length);
    const resp = await this.app.engine.call({ op: "share.readfolder", share: { raw } });
    if (!resp.ok) return this.refuse(`The folder ${top}`, resp);
    this.openImported(top, resp.result.files || {}, screened.result.left || []);
  }

  async importZip(file) {
    if (!this.ready()) return;
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    const resp = await this.app.engine.call({ op: "share.readzip", share: { data } });
    if (!resp.ok) return this.refuse(file.name, resp);
    this.openImported(file.name.replace(/\.zip$/i, ""), resp.result.files || {}, resp.result.left || []);
  }

  // openImported opens the files read as a new project; left names the
  // files of other kinds (a licence, images, scripts) the engine left out.
  openImported(name, files, left = []) {
    const n = Object.keys(files).length;
    document.body.dataset.importLeft = left.join("\n");
    if (!n) return this.app.flash("There were no project files in it." + leftOut(left));
    const projects = this.app.projects;
    const id = projects.create(name || "Imported project", files, {});
    projects.open(id, true);
    this.app.flash(`Imported ${n} files as the project “${projects.meta(id).name}”.` + leftOut(left));
    if (!files["dbt_project.yml"]) this.app.flash("It has no dbt_project.yml: add one before running.");
    const hint = dialectHint(this.app.project);
    if (hint) this.app.flash(hint.replace(/^Built as/, "It builds as"));
  }

  // addSeeds adds CSV files under seeds/ after the engine checked them
  // together with the project (names, sizes, text only).
  async addSeeds(files) {
    if (!files.length || !this.ready()) return;
    const p = this.app.project;
    const raw = {};
    const enc = new TextEncoder();
    for (const [k, v] of p.files) raw[k] = toBase64(enc.encode(v));
    const added = [];
    for (const f of files) {
      const name = "seeds/" + f.name;
      raw[name] = toBase64(new Uint8Array(await f.arrayBuffer()));
      added.push(name);
    }
    const resp = await this.app.engine.call({ op: "share.check", share: { raw } });
    if (!resp.ok) return this.refuse(files.length === 1 ? files[0].name : "The CSV files", resp);
    for (const name of added) p.set(name, resp.result.files[name]);
    this.app.renderTrees();
    this.app.openFile(added[0]);
    this.app.flash(`Added ${added.join(", ")}.`);
  }

  // projectZip downloads the project as a dbt project folder in a zip.
  async projectZip() {
    if (!this.ready()) return;
    const p = this.app.project;
    const folder = safeName(p.sample && p.sample.name ? p.sample.name : "project");
    // The profile template is for the warehouse chosen in the Dialect
    // selector; "" (Project) leaves it to the project's profiles.yml.
    const resp = await this.app.engine.call({ op: "share.writezip", files: p.asObject(), dialect: p.dialect || undefined, share: { folder } });
    if (!resp.ok) return this.app.flash(describe(resp.error));
    download(folder + ".zip", new Blob([fromBase64(resp.result.data)], { type: "application/zip" }));
    const warnings = resp.result.warnings || [];
    if (warnings.length) {
      const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more like it)` : "";
      this.app.flash(`Exported, but dbt-nexus will stop on it: ${warnings[0]}${more}`);
    }
  }

  // database downloads the built database: nexus.db and one file per
  // schema in a zip (see the README in it and web/README.md).
  async database() {
    if (!this.ready()) return;
    const resp = await this.app.engine.call({ op: "share.database" });
    if (!resp.ok) return this.app.flash(describe(resp.error));
    download("nexus-database.zip", new Blob([fromBase64(resp.result.data)], { type: "application/zip" }));
  }
}

// downloadCSV saves a grid's result (columns and rows) as a CSV file.
export function downloadCSV(name, page) {
  const cell = (v) => {
    if (v === null || v === undefined) return "";
    let s = typeof v === "object" ? JSON.stringify(v) : String(v);
    // A spreadsheet runs text that starts like a formula (=HYPERLINK(...),
    // =cmd|..., +, -, @, or a tab or CR before one): a leading ' keeps it
    // text. Numbers stay numbers.
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const lines = [page.columns.map(cell).join(",")];
  for (const row of page.rows) lines.push(row.map(cell).join(","));
  download(safeName(name || "result") + ".csv", new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
}

// download hands a Blob to the browser as a file.
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "hidden" });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  document.body.dataset.lastDownload = name;
}

function safeName(s) {
  return String(s).replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(0, 80) || "download";
}

// leftOut says which files an import left out as no project file, naming
// the first few; Python models are named as such, as they do not run here.
function leftOut(left) {
  if (!left.length) return "";
  const shown = left.slice(0, 4).join(", ") + (left.length > 4 ? ` and ${left.length - 4} more` : "");
  const py = left.filter((n) => /^models\/.*\.py$/i.test(n)).length;
  return ` Left out ${left.length === 1 ? "1 file" : `${left.length} files`} of other kinds than .sql, .yml, .yaml, .csv, .md and .txt: ${shown}.` +
    (py ? ` ${py === 1 ? "A Python model does" : "Python models do"} not run here.` : "");
}

function picker(attrs, onFiles) {
  const input = h("input", { type: "file", class: "hidden", ...attrs });
  input.addEventListener("change", () => {
    const files = [...input.files];
    input.value = "";
    onFiles(files);
  });
  document.body.appendChild(input);
  return input;
}

// readEntries lists the files under a dropped folder as File objects with
// their path below the folder in .path (prefixed by the folder's name).
async function readEntries(dir) {
  const out = [];
  const walk = async (entry, prefix) => {
    if (out.length > 5000) return;
    if (entry.isFile) {
      const f = await new Promise((res, rej) => entry.file(res, rej));
      f.path = prefix + entry.name;
      out.push(f);
      return;
    }
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const e of batch) await walk(e, prefix + entry.name + "/");
    }
  };
  const reader = dir.createReader();
  for (;;) {
    const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) break;
    for (const e of batch) await walk(e, dir.name + "/");
  }
  return out;
}
