// The project being edited: a map from path to text, kept on the page's
// thread and saved in localStorage per sample, so a worker restart or a
// reload never loses what was typed.

const PREFIX = "nexus-playground:project:";

export class Project {
  // opts (store.js): key is the storage key of a named project, files its
  // first contents, vars its vars text; memory keeps it out of storage
  // (embed mode).
  constructor(sample, opts = {}) {
    this.sample = sample; // {name, title, files}
    this.key = opts.key || PREFIX + sample.name;
    this.named = !!opts.key;
    this.memory = !!opts.memory;
    this.vars = opts.vars || "";
    // dialect is the page's warehouse choice ("" = the project's
    // profiles.yml), kept beside the files.
    this.dialect = DIALECTS.includes(opts.dialect) ? opts.dialect : this.memory ? "" : loadDialect(this.key);
    this.files = new Map();
    this.edited = false;
    const saved = this.memory ? null : load(this.key);
    const src = saved || opts.files || sample.files;
    this.edited = !!saved && !this.named;
    for (const p of Object.keys(src).sort()) this.files.set(p, src[p]);
    // base is what storage held when this page last read or wrote it:
    // the common ancestor when another tab has saved since.
    this.base = saved || { ...src };
  }

  // mergeStored folds in what another tab saved under this key since base:
  // files only they changed are taken, files only this page changed are
  // kept, and a file both changed keeps this page's text while theirs is
  // kept beside it as PATH.other-tab.EXT. Returns the paths that changed
  // here and those in conflict, or null when storage holds nothing new.
  mergeStored() {
    if (this.memory) return null;
    const theirs = load(this.key);
    if (!theirs || sameFiles(theirs, this.base)) return null;
    const base = this.base;
    const mine = this.asObject();
    const changed = [], conflicts = [];
    for (const p of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
      const b = base[p], m = mine[p], t = theirs[p];
      if (m === t || t === b) continue;
      if (m === b) {
        if (t === undefined) this.files.delete(p);
        else this.files.set(p, t);
        changed.push(p);
      } else if (t !== undefined) {
        const copy = otherTabPath(p, this.files);
        this.files.set(copy, t);
        changed.push(copy);
        conflicts.push(p);
      }
    }
    this.base = theirs;
    return { changed, conflicts };
  }

  paths() {
    return [...this.files.keys()].sort(comparePaths);
  }

  get(path) {
    return this.files.get(path);
  }

  set(path, text) {
    this.files.set(path, text);
    this.touch();
  }

  remove(path) {
    this.files.delete(path);
    this.touch();
  }

  rename(from, to) {
    const text = this.files.get(from);
    this.files.delete(from);
    this.files.set(to, text);
    this.touch();
  }

  reset() {
    if (!this.memory && !this.named) localStorage.removeItem(this.key);
    if (!this.named) this.base = { ...this.sample.files };
    this.files = new Map(Object.entries(this.sample.files));
    this.edited = false;
    if (this.named) this.save();
  }

  asObject() {
    return Object.fromEntries(this.files);
  }

  touch() {
    this.edited = true;
    clearTimeout(this.saveTimer);
    if (this.memory) return;
    this.saveTimer = setTimeout(() => this.save(), 300);
  }

  // save writes the project now (a pending autosave, or before the page
  // goes away).
  save() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.memory) return;
    // Another tab may have saved this project since: merge, never
    // overwrite its edits.
    const merged = this.mergeStored();
    if (merged && this.onMerge) this.onMerge(merged);
    try {
      const files = this.asObject();
      localStorage.setItem(this.key, JSON.stringify(files));
      this.base = files;
    } catch (e) {
      // Storage full or disabled: the project still lives in memory.
      if (this.onSaveError) this.onSaveError(e);
    }
  }

  // setDialect changes the warehouse choice and keeps it.
  setDialect(d) {
    this.dialect = DIALECTS.includes(d) ? d : "";
    if (this.memory) return;
    try {
      if (this.dialect) localStorage.setItem(this.key + DIALECT_SUFFIX, this.dialect);
      else localStorage.removeItem(this.key + DIALECT_SUFFIX);
    } catch (e) {
      if (this.onSaveError) this.onSaveError(e);
    }
  }

  // flush saves a pending autosave at once.
  flush() {
    if (this.saveTimer) this.save();
  }
}

// dialectHint says, when the page's Dialect is Project and the project has
// no profiles.yml while dbt_project.yml names a profile (a real project,
// whose profiles.yml lives in ~/.dbt), that its SQL is read as SQLite's:
// such a project is written for a warehouse the selector names. "" else.
export function dialectHint(p) {
  if (!p || p.dialect || p.files.has("profiles.yml")) return "";
  const m = /^profile:[ \t]*["']?([^"'\s#]+)/m.exec(p.files.get("dbt_project.yml") || "");
  if (!m) return "";
  return `Built as SQLite's SQL: dbt_project.yml names the profile ${m[1]}, and the project has no profiles.yml saying its warehouse. If its SQL is written for BigQuery, Snowflake or DuckDB, choose that in Dialect.`;
}

// DIALECTS are the choices of the page's Dialect selector ("" = Project).
export const DIALECTS = ["", "bigquery", "snowflake", "duckdb", "sqlite"];
const DIALECT_SUFFIX = ":dialect";

function loadDialect(key) {
  try {
    const d = localStorage.getItem(key + DIALECT_SUFFIX) || "";
    return DIALECTS.includes(d) ? d : "";
  } catch (e) {
    return "";
  }
}

function sameFiles(a, b) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

// otherTabPath names the copy of a file another tab changed too:
// models/x.sql becomes models/x.other-tab.sql (then .other-tab-2 ...).
function otherTabPath(p, files) {
  const slash = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  const [stem, ext] = dot > slash ? [p.slice(0, dot), p.slice(dot)] : [p, ""];
  for (let i = 1; ; i++) {
    const c = `${stem}.other-tab${i > 1 ? "-" + i : ""}${ext}`;
    if (!files.has(c)) return c;
  }
}

function load(key) {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      for (const [k, t] of Object.entries(v)) if (typeof t !== "string" || typeof k !== "string") return null;
      return v;
    }
  } catch (e) {
    // A corrupt entry is ignored; the sample loads as shipped.
  }
  return null;
}

// validPath checks a name typed by the user: relative, "/" separated, no
// empty, "." or ".." parts.
export function validPath(p) {
  if (!p || p.length > 200 || p.startsWith("/") || p.includes("\\")) return false;
  return p.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !/[\u0000-\u001f]/.test(part));
}

// comparePaths lists dbt_project.yml first, then folders before files.
export function comparePaths(a, b) {
  const rank = (p) => (p === "dbt_project.yml" ? 0 : p.includes("/") ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
